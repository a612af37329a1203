package no.faqbot.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowParser;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Languages;

/**
 * One pass over a set of content files: each parsed by its kind (FAQ entries, synonyms, flows,
 * replies), then the links between them checked. Which of {@link ContentLoader}'s files to serve is
 * its own business; this only says what a given set holds and where its problems are. Every path
 * starts with {@code prefix}, the content folder's name and a slash.
 */
record ContentPass(String prefix, FaqFileParser faqParser, ParsedEntryCache parsedBefore) {

  /**
   * What one set of files holds; the files with problems of their own ({@code ownProblemFiles}) and
   * those whose links to others do not hold ({@code crossProblemFiles}, from {@code
   * crossProblems}); each file's {@link ParsedEntryCache#key} in {@code keys}.
   */
  record Result(
      Map<String, Map<String, FaqEntry>> entries,
      Map<String, Synonyms> synonyms,
      CannedReplies replies,
      Map<String, Flow> flows,
      List<ContentProblem> problems,
      Set<String> ownProblemFiles,
      Set<String> crossProblemFiles,
      List<ContentProblem> crossProblems,
      Map<String, String> keys) {}

  /**
   * Each file's {@link ParsedEntryCache#key}, hashed once for both the cache and the fingerprint.
   */
  static Map<String, String> fileKeys(Map<String, byte[]> files) {
    return files.entrySet().parallelStream()
        .collect(
            Collectors.toConcurrentMap(
                Map.Entry::getKey, file -> ParsedEntryCache.key(file.getKey(), file.getValue())));
  }

  /** {@code files} (path to bytes), after {@code readProblems}. */
  Result run(Map<String, byte[]> files, List<ContentProblem> readProblems) {
    return run(files, fileKeys(files), readProblems);
  }

  /** {@code files} (path to bytes) with their {@link #fileKeys}, after {@code readProblems}. */
  Result run(
      Map<String, byte[]> files, Map<String, String> keys, List<ContentProblem> readProblems) {
    List<ContentProblem> problems = new ArrayList<>(readProblems);
    Map<String, Map<String, FaqEntry>> entries = new TreeMap<>();
    Map<String, FaqFileParser.Result> parsed = new HashMap<>();
    Map<String, Synonyms> synonyms = new TreeMap<>();
    Map<String, Flow> flows = new TreeMap<>();
    CannedReplies replies = null;
    boolean sawReplies = false;
    Map<String, FaqFileParser.Result> faqFiles = parseFaqFilesInParallel(files, keys);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      String[] parts = path.split("/");
      FaqFileParser.Result result = faqFiles.get(path);
      String text = result != null ? null : ContentFiles.decode(path, file.getValue(), problems);
      if (result == null && text == null) {
        continue;
      }
      if (isFaqFile(parts, path)) {
        String lang = parts[2];
        if (!Languages.isSupported(lang)) {
          problems.add(
              new ContentProblem(
                  path, 1, "unknown language folder '" + lang + "': use one of " + Languages.ALL));
          continue;
        }
        problems.addAll(result.problems());
        if (result.entry() != null) {
          parsed.put(path, result);
          ContentLinks.addEntry(
              entries.computeIfAbsent(lang, l -> new LinkedHashMap<>()), result, problems);
        }
      } else if (parts.length == 3 && parts[1].equals("synonyms") && path.endsWith(".txt")) {
        String lang = parts[2].substring(0, parts[2].length() - 4);
        if (!Languages.isSupported(lang)) {
          problems.add(
              new ContentProblem(path, 1, "synonyms file for unknown language '" + lang + "'"));
          continue;
        }
        synonyms.put(lang, Synonyms.parse(path, text, problems));
      } else if (parts.length == 3 && parts[1].equals("flows") && path.endsWith(".yaml")) {
        FlowParser.Result flow = new FlowParser().parse(path, text);
        problems.addAll(flow.problems());
        if (flow.flow() != null) {
          flows.put(flow.flow().id(), flow.flow());
        }
      } else if (path.equals(prefix + "replies.yaml")) {
        sawReplies = true;
        replies = CannedReplies.parse(path, text, problems);
      }
    }
    if (!sawReplies) {
      problems.add(
          new ContentProblem(
              prefix + "replies.yaml",
              1,
              "missing: the chat's own replies (greeting, thanks, goodbye, fallback, suggestions) live here"));
    }
    if (replies == null) {
      replies =
          CannedReplies
              .shipped(); // the chat must always be able to greet and to say "I don't know"
    }
    Set<String> own = new TreeSet<>();
    problems.forEach(p -> own.add(p.path()));
    List<ContentProblem> cross = new ArrayList<>();
    ContentLinks.check(entries, parsed, flows, cross);
    Set<String> crossFiles = new TreeSet<>();
    cross.forEach(p -> crossFiles.add(p.path()));
    // A duplicate id is found across files, but is the later file's own mistake.
    problems.addAll(cross);
    problems.sort(
        Comparator.comparing(ContentProblem::path).thenComparingInt(ContentProblem::line));
    return new Result(entries, synonyms, replies, flows, problems, own, crossFiles, cross, keys);
  }

  /** A FAQ entry's file: {@code <content>/faq/<lang>/<id>.md}, split at its slashes. */
  private static boolean isFaqFile(String[] parts, String path) {
    return parts.length == 4 && parts[1].equals("faq") && path.endsWith(".md");
  }

  /**
   * Parsing Markdown and YAML dominates start-up: files parsed before come from the cache, the
   * others are parsed on every core (they are independent).
   */
  private Map<String, FaqFileParser.Result> parseFaqFilesInParallel(
      Map<String, byte[]> files, Map<String, String> keys) {
    Map<String, FaqFileParser.Result> results = new ConcurrentHashMap<>();
    files.entrySet().parallelStream()
        .forEach(
            file -> {
              String[] parts = file.getKey().split("/");
              if (isFaqFile(parts, file.getKey()) && Languages.isSupported(parts[2])) {
                String key = keys.get(file.getKey());
                FaqFileParser.Result result = parsedBefore.get(key);
                if (result == null) {
                  String text =
                      ContentFiles.decode(file.getKey(), file.getValue(), new ArrayList<>());
                  if (text == null) {
                    return;
                  }
                  result = faqParser.parse(file.getKey(), parts[2], text);
                  parsedBefore.put(key, result);
                }
                results.put(file.getKey(), result);
              }
            });
    return results;
  }
}
