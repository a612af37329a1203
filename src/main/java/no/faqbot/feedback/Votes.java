package no.faqbot.feedback;

/** Where votes go (the insights event store); must return at once. */
@FunctionalInterface
public interface Votes {
  /**
   * @param conversation the widget's random id for its session, or null
   * @param query the message answered, secrets already removed, or null
   */
  void add(String conversation, String entryId, String lang, boolean helpful, String query);
}
