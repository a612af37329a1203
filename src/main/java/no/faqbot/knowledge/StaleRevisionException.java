package no.faqbot.knowledge;

/** A change was made on an older revision than the newest one: reload, redo, and try again. */
public final class StaleRevisionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long newest;

  public StaleRevisionException(long base, long newest) {
    super(
        "the change was made on revision "
            + base
            + " but revision "
            + newest
            + " is newer; open the newest and make the change again");
    this.newest = newest;
  }

  public long newest() {
    return newest;
  }
}
