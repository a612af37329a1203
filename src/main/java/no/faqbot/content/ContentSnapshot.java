package no.faqbot.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.faqbot.flow.Flow;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Languages;

/**
 * Everything loaded from the content folder at one moment: entries per language, synonyms, canned
 * replies, guided flows, the problems found, and a fingerprint of the files it came from.
 */
public record ContentSnapshot(
    Map<String, Map<String, FaqEntry>> entries,
    Map<String, Synonyms> synonyms,
    CannedReplies replies,
    Map<String, Flow> flows,
    List<ContentProblem> problems,
    String fingerprint,
    List<StaleFile> staleFiles) {

  /**
   * A file not served as it is on disk because of its {@code problems} ({@code path:line:
   * message}): its last good version is served ({@code lastGood}), or it is left out.
   */
  public record StaleFile(String path, boolean lastGood, List<String> problems) {
    public StaleFile {
      problems = List.copyOf(problems);
    }
  }

  public ContentSnapshot {
    staleFiles = List.copyOf(staleFiles);
    // Sorted, so indexing order (and with it every tie-break) is the same on every start.
    Map<String, Map<String, FaqEntry>> copy = new TreeMap<>();
    entries.forEach(
        (lang, byId) -> copy.put(lang, Collections.unmodifiableMap(new TreeMap<>(byId))));
    entries = Collections.unmodifiableMap(copy);
    synonyms = Map.copyOf(synonyms);
    flows = Collections.unmodifiableMap(new TreeMap<>(flows));
    problems = List.copyOf(problems);
  }

  /** Entries of one language (empty when there are none). */
  public Collection<FaqEntry> entries(String lang) {
    return entries.getOrDefault(lang, Map.of()).values();
  }

  /**
   * What a merchant writing in {@code lang} can be answered with: the entries of that language, the
   * default language's entries that have no translation yet, and each flow's triggers as a
   * pseudo-entry (id {@code flow:<flow id>}) so that describing a problem starts its flow, and each
   * out-of-scope reply's examples as a pseudo-entry (id {@code scope:<name>}).
   */
  public List<FaqEntry> searchable(String lang) {
    List<FaqEntry> list = new ArrayList<>(entries(lang));
    for (Flow flow : flows.values()) {
      list.add(
          new FaqEntry.FlowTrigger(
              flow.id(),
              lang,
              flow.title().in(lang),
              flow.triggers().getOrDefault(lang, List.of()),
              flow.sourcePath()));
    }
    for (CannedReplies.Intent intent :
        new TreeMap<>(replies.intents()).values()) { // in a stable order
      List<String> examples = intent.examples().getOrDefault(lang, List.of());
      if (!examples.isEmpty()) {
        list.add(
            new FaqEntry.ScopeExample(
                intent.name(), lang, examples.get(0), examples.subList(1, examples.size())));
      }
    }
    if (!lang.equals(Languages.DEFAULT)) {
      Map<String, FaqEntry> own = entries.getOrDefault(lang, Map.of());
      for (FaqEntry e : entries(Languages.DEFAULT)) {
        if (!own.containsKey(e.id())) {
          list.add(e);
        }
      }
    }
    return list;
  }

  /** All entries of all languages. */
  public List<FaqEntry> allEntries() {
    List<FaqEntry> all = new ArrayList<>();
    entries.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** The entry in {@code lang}, falling back to the default language when it has no translation. */
  public Optional<FaqEntry> entry(String id, String lang) {
    FaqEntry e = entries.getOrDefault(lang, Map.of()).get(id);
    if (e == null) {
      e = entries.getOrDefault(Languages.DEFAULT, Map.of()).get(id);
    }
    return Optional.ofNullable(e);
  }

  public int entryCount() {
    return entries.values().stream().mapToInt(Map::size).sum();
  }

  public Optional<Flow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  public Synonyms synonyms(String lang) {
    return synonyms.getOrDefault(lang, Synonyms.NONE);
  }
}
