package no.faqbot.flow;

/** Small inline flows for the engine and lint tests. */
final class FlowFixtures {
  private FlowFixtures() {}

  static final String GOOD =
      """
      version: 1
      id: demo
      title: {nb: "Demo", en: "Demo"}
      triggers: {nb: ["testkjøp feiler"], en: ["test purchase fails"]}
      entries: []
      start: ask
      steps:
        ask:
          kind: choice
          prompt: {nb: "Er den gamle pluginen deaktivert?", en: "Is the old plugin deactivated?"}
          options:
            - id: deactivated
              label: {nb: "Ja", en: "Yes"}
              next: advice
            - id: active
              label: {nb: "Nei", en: "No"}
              next: done
        advice:
          kind: info
          prompt: {nb: "Sjekk testmodus. Slå den av.", en: "Check test mode. Turn it off."}
          resolved: done
          next: details
        details:
          kind: form
          prompt: {nb: "Fyll inn", en: "Fill in"}
          fields:
            - id: storeId
              type: store-id
              label: {nb: "Butikk-ID", en: "Store ID"}
              required: true
            - id: merchantEmail
              type: email
              label: {nb: "E-post", en: "E-mail"}
              required: true
          next: email
        email:
          kind: email
          prompt: {nb: "Send e-posten", en: "Send the e-mail"}
          subject: {nb: "Testkjøp feiler", en: "Test purchase fails"}
        done:
          kind: end
          outcome: resolved
          prompt: {nb: "Flott!", en: "Great!"}
      """;

  static Flow good() {
    FlowParser.Result r = new FlowParser().parse("content/flows/demo.yaml", GOOD);
    if (r.flow() == null) {
      throw new AssertionError("fixture flow does not load: " + r.problems());
    }
    return r.flow();
  }
}
