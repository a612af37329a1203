package no.faqbot.insights;

/** A suggested or related question opened. */
public record PickEvent(long at, String conversation, String lang, String entryId)
    implements Event {
  @Override
  public EventKind kind() {
    return EventKind.PICK;
  }
}
