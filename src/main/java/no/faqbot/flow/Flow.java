package no.faqbot.flow;

import java.util.List;
import java.util.Map;

/**
 * A guided troubleshooting flow: a language-neutral tree of steps with texts in every language, the
 * phrasings that recognise the problem, and the FAQ entries it relates to.
 *
 * @param revision a hash of the file, so a conversation started on an older version is noticed
 */
public record Flow(
    String id,
    Text title,
    Map<String, List<String>> triggers,
    List<String> entries,
    String start,
    Map<String, Step> steps,
    String sourcePath,
    String revision,
    int entriesLine) {

  public Flow {
    triggers = Map.copyOf(triggers);
    entries = List.copyOf(entries);
    steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
  }

  public Step step(String stepId) {
    return steps.get(stepId);
  }
}
