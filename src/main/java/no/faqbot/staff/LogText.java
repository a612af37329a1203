package no.faqbot.staff;

/** Text a client chose (a user name, a provider's description), made safe for one log line. */
final class LogText {
  private LogText() {}

  /** Cut to {@code max} characters, controls and odd characters replaced; "" for null. */
  static String printable(String text, int max) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > max ? text.substring(0, max) : text;
    String more = text.length() > max ? "…(" + text.length() + " chars)" : "";
    return cut.replaceAll("[^\\p{L}\\p{N} ._@:+\\-]", "?") + more;
  }
}
