package no.faqbot.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.ContentReloader;

/**
 * What an editor needs to know about the content being served: the last reload, entries per
 * language, problems, missing translations, near-duplicate questions, stale entries and answers
 * that mention a year gone by.
 */
public final class ContentStatus {
  /** Questions this similar (word overlap) in one language are worth a second look. */
  static final double NEAR_DUPLICATE = 0.7;

  private ContentStatus() {}

  public static Map<String, Object> of(
      ContentSnapshot content, ContentReloader.ReloadStatus reload, int staleDays, Clock clock) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("lastReload", reload == null ? null : reload.summary());
    Map<String, Integer> perLang = new LinkedHashMap<>();
    Languages.ALL.forEach(l -> perLang.put(l, content.entries(l).size()));
    status.put("entries", perLang);
    status.put("flows", List.copyOf(content.flows().keySet()));
    // The last reload saw the folder as it is now; the snapshot may be older (a file held back).
    status.put(
        "problems",
        (reload == null ? content.problems() : reload.problems())
            .stream().map(Object::toString).toList());
    List<Map<String, Object>> staleFiles = new ArrayList<>();
    for (ContentSnapshot.StaleFile f :
        reload == null ? content.staleFiles() : reload.staleFiles()) {
      staleFiles.add(
          Map.of(
              "path",
              f.path(),
              "served",
              f.lastGood() ? "last-good" : "left-out",
              "problems",
              f.problems()));
    }
    status.put("staleFiles", staleFiles);
    Map<String, List<String>> missing = new LinkedHashMap<>();
    Set<String> all = new TreeSet<>();
    Languages.ALL.forEach(l -> all.addAll(content.entries().getOrDefault(l, Map.of()).keySet()));
    for (String lang : Languages.ALL) {
      List<String> ids =
          all.stream()
              .filter(id -> !content.entries().getOrDefault(lang, Map.of()).containsKey(id))
              .toList();
      missing.put(lang, ids);
    }
    status.put("missingTranslations", missing);
    status.put("missingCount", missing.values().stream().mapToInt(List::size).sum());
    status.put("nearDuplicates", nearDuplicates(content));
    LocalDate cutoff = LocalDate.now(clock).minusDays(staleDays);
    status.put("staleAfterDays", staleDays);
    status.put(
        "stale",
        content.allEntries().stream()
            .filter(e -> e.updated() == null || e.updated().isBefore(cutoff))
            .map(FaqEntry::key)
            .sorted()
            .toList());
    status.put("datedPast", datedPast(content, LocalDate.now(clock).getYear()));
    return status;
  }

  /**
   * A year from 1990 on, with up to two words before it ("tidlig 2021", "early 2021", "oktober
   * 2021").
   */
  private static final Pattern YEAR =
      Pattern.compile("(?:[\\p{L}\\p{N}]+\\s+){0,2}\\b((?:19|20)\\d\\d)\\b");

  /**
   * Answers that mention a year before this one ("tidlig 2021" read in 2026): possibly outdated,
   * for an editor to check. One line per entry: "nb/id: «tidlig 2021»".
   */
  static List<String> datedPast(ContentSnapshot content, int thisYear) {
    List<String> found = new ArrayList<>();
    for (FaqEntry e : content.allEntries()) {
      Matcher m = YEAR.matcher(e.answerText());
      while (m.find()) {
        int year = Integer.parseInt(m.group(1));
        if (year >= 1990 && year < thisYear) {
          found.add(e.key() + ": «" + m.group().replaceAll("\\s+", " ").strip() + "»");
          break;
        }
      }
    }
    return found.stream().sorted().toList();
  }

  /** Pairs of entries (same language) whose questions share most of their words. */
  static List<String> nearDuplicates(ContentSnapshot content) {
    List<String> pairs = new ArrayList<>();
    for (String lang : Languages.ALL) {
      List<FaqEntry> entries = new ArrayList<>(content.entries(lang));
      for (int i = 0; i < entries.size(); i++) {
        for (int j = i + 1; j < entries.size(); j++) {
          double overlap =
              overlap(words(entries.get(i).question()), words(entries.get(j).question()));
          if (overlap >= NEAR_DUPLICATE) {
            pairs.add(entries.get(i).key() + " ~ " + entries.get(j).key());
          }
        }
      }
    }
    return pairs;
  }

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) {
        words.add(w);
      }
    }
    return words;
  }

  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> shared = new TreeSet<>(a);
    shared.retainAll(b);
    return (double) shared.size() / Math.min(a.size(), b.size());
  }
}
