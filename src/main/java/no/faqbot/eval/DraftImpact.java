package no.faqbot.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import no.faqbot.chat.ChatReply;
import no.faqbot.chat.ChatRequest;
import no.faqbot.chat.ChatService;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.KnowledgeBase;

/**
 * What a draft changes: each question is answered by the live content and by the draft, and every
 * question whose reply differs is listed (before → after); the eval items are judged both ways, so
 * the quality gate's figures can be compared. Work is capped by a deadline: questions not reached
 * are counted, not guessed.
 */
public final class DraftImpact {
  private DraftImpact() {}

  /**
   * One question to ask both: a stored message ({@code item} null) or an eval item, with where it
   * came from ({@code stored}, or the eval file's name) and its gate group ({@code shared}, {@code
   * own}, or null for stored questions).
   */
  public record Question(String q, String lang, String source, String group, EvalItem item) {}

  /** A question whose reply changes. */
  public record Change(String q, String lang, String source, String before, String after) {}

  /** The gate's figures for one group of eval sets, live and draft, with their floors. */
  public record Figures(
      String group,
      int items,
      double liveRight,
      double draftRight,
      double liveWrong,
      double draftWrong,
      double liveOffTopicHonest,
      double draftOffTopicHonest,
      double rightFloor,
      double wrongCeiling,
      double offTopicFloor) {}

  /** The outcome: how many questions were asked of how many, the changes and the figures. */
  public record Result(int asked, int total, List<Change> changes, List<Figures> figures) {
    public boolean complete() {
      return asked == total;
    }
  }

  /** The eval items of {@code files} as questions of {@code group}. */
  public static List<Question> evalQuestions(List<Path> files, String group) throws IOException {
    List<Question> questions = new ArrayList<>();
    for (Path file : files) {
      for (EvalItem item : EvalRunner.read(file)) {
        String lang = item.lang() == null ? "nb" : item.lang();
        questions.add(
            new Question(item.q(), lang, String.valueOf(file.getFileName()), group, item));
      }
    }
    return questions;
  }

  /** One side: the chat and the content it answers from. */
  public record Side(ChatService chat, KnowledgeBase knowledge) {
    ChatReply reply(Question q) {
      try {
        return chat.reply(new ChatRequest(q.q(), q.lang(), null));
      } catch (IllegalArgumentException e) {
        return null; // a stored message too long now, or in a language no longer served
      }
    }

    String answerText(String id, String lang) {
      return knowledge.withIndex(
          index -> index.content().entry(id, lang).map(FaqEntry::answerText).orElse(null));
    }
  }

  /**
   * Asks every question of {@code live} and {@code draft} until {@code deadlineNanos} ({@link
   * System#nanoTime}), telling {@code progress} how many are done.
   */
  public static Result compare(
      List<Question> questions, Side live, Side draft, long deadlineNanos, IntConsumer progress) {
    Map<String, EvalRunner.Report[]> reports = new LinkedHashMap<>();
    List<Change> changes = new ArrayList<>();
    int asked = 0;
    for (Question q : questions) {
      if (System.nanoTime() > deadlineNanos) {
        break;
      }
      ChatReply before = live.reply(q);
      ChatReply after = draft.reply(q);
      String was = describe(before);
      String now = describe(after);
      if (!Objects.equals(was, now)) {
        changes.add(new Change(q.q(), q.lang(), q.source(), was, now));
      }
      if (q.item() != null && before != null && after != null) {
        EvalRunner.Report[] pair =
            reports.computeIfAbsent(
                q.group(),
                g -> new EvalRunner.Report[] {new EvalRunner.Report(), new EvalRunner.Report()});
        pair[0].add(
            q.item().kind(),
            Judge.outcome(q.item(), Shown.of(before, q.item().lang(), live::answerText)));
        pair[1].add(
            q.item().kind(),
            Judge.outcome(q.item(), Shown.of(after, q.item().lang(), draft::answerText)));
      }
      asked++;
      progress.accept(asked);
    }
    List<Figures> figures = new ArrayList<>();
    reports.forEach(
        (group, pair) ->
            figures.add(
                new Figures(
                    group,
                    pair[0].perKind().values().stream().mapToInt(c -> c[1]).sum(),
                    pair[0].overall(),
                    pair[1].overall(),
                    pair[0].share(Outcome.WRONG),
                    pair[1].share(Outcome.WRONG),
                    pair[0].accuracy("offtopic"),
                    pair[1].accuracy("offtopic"),
                    "shared".equals(group) ? QualityGate.SHARED_RIGHT : QualityGate.OWN_RIGHT,
                    QualityGate.MAX_WRONG,
                    QualityGate.OFF_TOPIC_HONEST)));
    return new Result(asked, questions.size(), changes, figures);
  }

  /** A reply as the preview lists it: its type and what it points to. */
  static String describe(ChatReply reply) {
    return reply == null ? "error" : EvalRunner.describe(reply);
  }
}
