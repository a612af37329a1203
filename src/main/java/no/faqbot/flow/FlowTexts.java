package no.faqbot.flow;

/** The engine's own few words (answers to "did that help?"), in every language. */
final class FlowTexts {
  private FlowTexts() {}

  static String helped(String lang) {
    return "en".equals(lang) ? "Yes, that helped" : "Ja, det hjalp";
  }

  static String notHelped(String lang) {
    return "en".equals(lang) ? "No, still not working" : "Nei, det virker fortsatt ikke";
  }

  static String filledIn(String lang) {
    return "en".equals(lang) ? "details filled in" : "opplysninger fylt ut";
  }
}
