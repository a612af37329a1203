package no.faqbot.store;

/**
 * The configured database could not be reached or migrated; the server does not start without it.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
