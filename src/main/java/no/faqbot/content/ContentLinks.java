package no.faqbot.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.faqbot.flow.Flow;
import no.faqbot.format.ContentProblem;

/**
 * What content files say about each other, checked once every file is parsed: ids are unique, an
 * entry's related entries and flow exist, and a flow's entries exist. Each problem names the file
 * and line that must change.
 */
final class ContentLinks {
  private ContentLinks() {}

  static void addEntry(
      Map<String, FaqEntry> byId, FaqFileParser.Result result, List<ContentProblem> problems) {
    FaqEntry entry = result.entry();
    FaqEntry existing = byId.putIfAbsent(entry.id(), entry);
    if (existing != null) {
      problems.add(
          new ContentProblem(
              entry.sourcePath(),
              result.lineOf("id"),
              "duplicate id '"
                  + entry.id()
                  + "': already used by "
                  + existing.sourcePath()
                  + "; give this entry its own id"));
    }
  }

  /**
   * Every id an entry names (related entries, its flow) and every entry a flow names exists; the
   * problems go to {@code problems}, related ids first, then flows.
   */
  static void check(
      Map<String, Map<String, FaqEntry>> entries,
      Map<String, FaqFileParser.Result> parsed,
      Map<String, Flow> flows,
      List<ContentProblem> problems) {
    Set<String> ids = new HashSet<>();
    List<FaqEntry> all = new ArrayList<>();
    entries.values().forEach(m -> all.addAll(m.values()));
    all.forEach(e -> ids.add(e.id()));
    for (FaqEntry e : all) {
      for (String r : e.related()) {
        if (!ids.contains(r)) {
          problems.add(
              new ContentProblem(
                  e.sourcePath(),
                  parsed.get(e.sourcePath()).lineOf("related"),
                  "related id '" + r + "' does not exist: use the id of another entry"));
        }
      }
    }
    for (FaqEntry e : all) {
      if (e.flow() != null && !flows.containsKey(e.flow())) {
        problems.add(
            new ContentProblem(
                e.sourcePath(),
                parsed.get(e.sourcePath()).lineOf("flow"),
                "flow '"
                    + e.flow()
                    + "' does not exist (flows: "
                    + String.join(", ", flows.keySet())
                    + ")"));
      }
    }
    for (Flow flow : flows.values()) {
      for (String entry : flow.entries()) {
        if (!ids.contains(entry)) {
          problems.add(
              new ContentProblem(
                  flow.sourcePath(),
                  flow.entriesLine(),
                  "entry '" + entry + "' does not exist: use the id of a FAQ entry"));
        }
      }
    }
  }
}
