package no.faqbot.insights;

import java.util.Locale;

/** What an {@link Event} records. */
public enum EventKind {
  /** A message (or a flow step answered) and the bot's reply. */
  TURN,
  /** A suggested or related question opened. */
  PICK,
  /** "Was this helpful?" */
  VOTE,
  /** A support e-mail prepared for the merchant to send. */
  SUPPORT_PREPARED,
  /** A support e-mail the server sent itself. */
  SUPPORT_SENT;

  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventKind of(String column) {
    return valueOf(column.toUpperCase(Locale.ROOT));
  }
}
