package no.faqbot.flow;

import java.util.Locale;

/** What a step does. */
public enum StepKind {
  /** A question with options, each option with its own next step. */
  CHOICE,
  /** Advice, then "did that help?". */
  INFO,
  /** Fields to fill in. */
  FORM,
  /** Prepare the support e-mail (the flow ends here). */
  EMAIL,
  /** The flow is over: resolved or closed. */
  END;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StepKind parse(String value) {
    for (StepKind k : values()) {
      if (k.json().equals(value)) {
        return k;
      }
    }
    return null;
  }
}
