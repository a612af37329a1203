package no.faqbot.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.faqbot.format.ContentProblem;

/**
 * Editor-maintained synonym groups of one language: every phrase in a group means the same to a
 * merchant (e.g. testkjøp, testordre, prøvekjøp).
 */
public record Synonyms(List<List<String>> groups) {
  public static final Synonyms NONE = new Synonyms(List.of());

  public Synonyms {
    groups = groups.stream().map(List::copyOf).toList();
  }

  /**
   * Parses a synonyms file: one group per line, phrases separated by commas, {@code #} starts a
   * comment.
   */
  public static Synonyms parse(String path, String text, List<ContentProblem> problems) {
    List<List<String>> groups = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> group = new ArrayList<>();
      for (String phrase : line.split(",")) {
        String p = phrase.strip().toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && !group.contains(p)) {
          group.add(p);
        }
      }
      if (group.size() < 2) {
        problems.add(
            new ContentProblem(
                path,
                i + 1,
                "a synonym group needs at least two phrases separated by commas, e.g. 'testkjøp, testordre'"));
      } else {
        groups.add(group);
      }
    }
    return new Synonyms(groups);
  }
}
