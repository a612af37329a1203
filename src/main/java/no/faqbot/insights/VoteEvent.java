package no.faqbot.insights;

/**
 * "Was this helpful?" on an answer.
 *
 * @param message the question the answer was given to
 */
public record VoteEvent(
    long at, String conversation, String lang, String entryId, boolean helpful, String message)
    implements Event {
  @Override
  public EventKind kind() {
    return EventKind.VOTE;
  }

  @Override
  public VoteEvent withMessage(String text) {
    return new VoteEvent(at, conversation, lang, entryId, helpful, text);
  }
}
