package no.faqbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatService;
import no.faqbot.chat.ReplyType;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.SearchHit;
import no.faqbot.web.Json;

/** Runs an eval set through the chat in-process and reports accuracy per kind with the misses. */
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

  /** Right and total per kind. */
  public record Report(Map<String, int[]> perKind) {
    public double accuracy(String kind) {
      int[] c = perKind.get(kind);
      return c == null || c[1] == 0 ? 1.0 : (double) c[0] / c[1];
    }

    public boolean passed() {
      return perKind.keySet().stream().allMatch(k -> accuracy(k) >= TARGET);
    }
  }

  public Report run(Path file, boolean verbose) throws IOException {
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
    Map<String, int[]> perKind = new TreeMap<>();
    for (EvalItem item : items) {
      ChatReply reply = chat.reply(new ChatRequest(item.q(), item.lang(), null));
      boolean right = judge(item, reply);
      int[] counts = perKind.computeIfAbsent(item.kind(), k -> new int[2]);
      counts[1]++;
      if (right) {
        counts[0]++;
      }
      if (!right || verbose) {
        out.printf("%s %-6s %-60s -> %s%n", right ? "ok  " : "MISS", item.kind(), quote(item.q()), describe(reply));
        if (verbose) {
          explain(item);
        }
      }
    }
    Report report = new Report(perKind);
    out.println();
    perKind.forEach((kind, c) -> out.printf(Locale.ROOT, "%-7s %3d/%-3d = %5.1f %%%n", kind, c[0], c[1], 100.0 * c[0] / c[1]));
    return report;
  }

  /** The top hits with their coverage and score, to see why the chat decided as it did. */
  private void explain(EvalItem item) {
    String lang = item.lang() == null ? "nb" : item.lang();
    knowledge.withIndex(index -> {
      for (SearchHit h : index.search(item.q(), lang, 3, null)) {
        out.printf(Locale.ROOT, "       %-32s coverage %.2f score %.2f evidence %.2f relevance %.2f%n",
            h.entry().id(), h.coverage(), h.score(), h.evidence(), h.relevance());
      }
      return null;
    });
  }

  static boolean judge(EvalItem item, ChatReply reply) {
    switch (item.kind()) {
      case "answer": {
        if (reply.type() != ReplyType.ANSWER) {
          return false;
        }
        String text = reply.answer().answer().toLowerCase(Locale.ROOT);
        return item.expectAny().stream().anyMatch(f -> text.contains(f.toLowerCase(Locale.ROOT)));
      }
      case "none":
        return reply.type() != ReplyType.ANSWER && reply.type() != ReplyType.FLOW;
      case "flow":
        return reply.type() == ReplyType.FLOW && reply.flow() != null && reply.flow().id().equals(item.expectFlow());
      default:
        return false;
    }
  }

  private static String describe(ChatReply reply) {
    return switch (reply.type()) {
      case ANSWER -> "answer " + reply.answer().id();
      case SUGGESTIONS -> "suggestions " + reply.suggestions().stream().map(s -> s.id()).toList();
      default -> reply.type().json();
    };
  }

  private static String quote(String q) {
    String s = q.length() > 58 ? q.substring(0, 57) + "…" : q;
    return "\"" + s + "\"";
  }
}
