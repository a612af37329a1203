package no.faqbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatService;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.SearchHit;
import no.faqbot.web.Json;

/**
 * Runs eval sets through the chat in-process and reports accuracy per kind, per file and over all
 * files, with the misses.
 */
public final class EvalRunner {
  /** Accuracy each kind must reach. */
  public static final double TARGET = 0.9;

  private static final ObjectMapper JSON = Json.mapper();

  private final ChatService chat;
  private final KnowledgeBase knowledge;
  private final PrintStream out;

  public EvalRunner(ChatService chat, KnowledgeBase knowledge, PrintStream out) {
    this.chat = chat;
    this.knowledge = knowledge;
    this.out = out;
  }

  /** Right and total per kind, and how many items got each outcome. */
  public record Report(Map<String, int[]> perKind, Map<Outcome, Integer> outcomes) {
    Report() {
      this(new TreeMap<>(), new EnumMap<>(Outcome.class));
    }

    /** The share of all items that got {@code outcome}. */
    public double share(Outcome outcome) {
      int total = perKind.values().stream().mapToInt(c -> c[1]).sum();
      return total == 0 ? 0 : (double) outcomes.getOrDefault(outcome, 0) / total;
    }

    public double accuracy(String kind) {
      int[] c = perKind.get(kind);
      return c == null || c[1] == 0 ? 1.0 : (double) c[0] / c[1];
    }

    /** Share right over every item. */
    public double overall() {
      int right = perKind.values().stream().mapToInt(c -> c[0]).sum();
      int total = perKind.values().stream().mapToInt(c -> c[1]).sum();
      return total == 0 ? 1.0 : (double) right / total;
    }

    public boolean passed() {
      return perKind.keySet().stream().allMatch(k -> accuracy(k) >= TARGET);
    }

    void add(String kind, Outcome outcome) {
      int[] counts = perKind.computeIfAbsent(kind, k -> new int[2]);
      counts[1]++;
      if (outcome == Outcome.RIGHT) {
        counts[0]++;
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
  }

  /** Each file's report by its path, and the report over all of them. */
  public record Reports(Map<Path, Report> perFile, Report all) {
    /** Every kind in every file reaches {@link #TARGET}. */
    public boolean passed() {
      return perFile.values().stream().allMatch(Report::passed);
    }
  }

  public Report run(Path file, boolean verbose) throws IOException {
    return run(List.of(file), verbose).all();
  }

  public Reports run(List<Path> files, boolean verbose) throws IOException {
    Map<Path, List<EvalItem>> items = new LinkedHashMap<>();
    for (Path file : files) {
      items.put(file, read(file)); // every file is checked before any is run
    }
    Map<Path, Report> perFile = new LinkedHashMap<>();
    Report all = new Report();
    items.forEach(
        (file, list) -> {
          if (files.size() > 1) {
            out.println("== " + file);
          }
          Report report = new Report();
          for (EvalItem item : list) {
            ChatReply reply = chat.reply(new ChatRequest(item.q(), item.lang(), null));
            Outcome outcome = Judge.outcome(item, Shown.of(reply, item.lang(), this::answerText));
            report.add(item.kind(), outcome);
            all.add(item.kind(), outcome);
            if (outcome != Outcome.RIGHT || verbose) {
              out.printf(
                  Locale.ROOT,
                  "%s %-6s %-60s -> %s%n",
                  mark(outcome),
                  item.kind(),
                  quote(item.q()),
                  describe(reply));
              if (verbose) {
                explain(item);
              }
            }
          }
          perFile.put(file, report);
          print(report);
        });
    if (files.size() > 1) {
      out.println("== overall");
      print(all);
    }
    return new Reports(perFile, all);
  }

  static List<EvalItem> read(Path file) throws IOException {
    List<EvalItem> items = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        items.add(JSON.readValue(line, EvalItem.class));
      } catch (IOException e) {
        throw new IOException(file + ":" + lineNo + ": not an eval item: " + e.getMessage(), e);
      }
    }
    return items;
  }

  private void print(Report report) {
    out.println();
    report
        .perKind()
        .forEach(
            (kind, c) ->
                out.printf(
                    Locale.ROOT,
                    "%-7s %3d/%-3d = %5.1f %%%n",
                    kind,
                    c[0],
                    c[1],
                    100.0 * c[0] / c[1]));
    int total = report.perKind().values().stream().mapToInt(c -> c[1]).sum();
    out.printf(
        Locale.ROOT,
        "%-7s %3d/%-3d = %5.1f %%%n",
        "overall",
        Math.round(report.overall() * total),
        total,
        100.0 * report.overall());
    StringBuilder line = new StringBuilder("outcome");
    for (Outcome o : Outcome.values()) {
      line.append(
          String.format(
              Locale.ROOT,
              "  %s %d (%.1f %%)",
              o.label(),
              report.outcomes().getOrDefault(o, 0),
              100.0 * report.share(o)));
    }
    out.println(line);
    out.println();
  }

  /** The top hits with their coverage and score, to see why the chat decided as it did. */
  private void explain(EvalItem item) {
    String lang = item.lang() == null ? "nb" : item.lang();
    knowledge.withIndex(
        index -> {
          for (SearchHit h : index.searchWithScope(item.q(), lang, 4)) {
            out.printf(
                Locale.ROOT,
                "       %-32s coverage %.2f score %.2f evidence %.2f relevance %.2f%n",
                h.entry().id(),
                h.coverage(),
                h.score(),
                h.evidence(),
                h.relevance());
          }
          return null;
        });
  }

  /** The miss line's mark: {@code ok}, or how the item was missed. */
  private static String mark(Outcome outcome) {
    return switch (outcome) {
      case RIGHT -> "ok  ";
      case ONE_CLICK -> "NEAR";
      case HONEST -> "HONS";
      case UNRELATED -> "UNRL";
      case WRONG -> "WRNG";
    };
  }

  /** An entry's answer text in {@code lang}, or null when there is no such entry. */
  private String answerText(String id, String lang) {
    return knowledge.withIndex(
        index -> index.content().entry(id, lang).map(FaqEntry::answerText).orElse(null));
  }

  static String describe(ChatReply reply) {
    return switch (reply.type()) {
      case ANSWER -> "answer " + reply.answer().id();
      case SUGGESTIONS -> "suggestions " + reply.suggestions().stream().map(s -> s.id()).toList();
      case FLOW -> "flow " + reply.flow().id();
      default -> reply.type().json();
    };
  }

  private static String quote(String q) {
    String s = q.length() > 58 ? q.substring(0, 57) + "…" : q;
    return "\"" + s + "\"";
  }
}
