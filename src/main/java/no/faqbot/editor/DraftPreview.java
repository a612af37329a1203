package no.faqbot.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.faqbot.chat.AnswerPolicy;
import no.faqbot.chat.ChatService;
import no.faqbot.chat.ReplyModel;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.eval.DraftImpact;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.ContentProblem;
import no.faqbot.insights.RecentQuestions;
import no.faqbot.knowledge.IndexStore;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.store.Store;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the stored questions of the last 30 days and every eval item with the live content and
 * with the content as it would be with a draft: the draft's copy of the content folder is loaded
 * and indexed in a temporary folder by the same loader and index the server uses, asked through its
 * own chat, and thrown away. One preview at a time per replica, each bounded in questions and time,
 * so previews cannot take the chat's CPU.
 */
final class DraftPreview {
  private static final Logger LOG = LoggerFactory.getLogger(DraftPreview.class);

  /** Stored questions asked again: the most recent distinct ones. */
  static final int STORED_QUESTIONS = 1000;

  static final int STORED_DAYS = 30;

  /** The most questions one preview asks (each twice). */
  static final int MAX_QUESTIONS = 4000;

  /** The longest one preview runs; the page says how far it got. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  private final Path content;
  private final ChatService liveChat;
  private final KnowledgeBase live;
  private final no.faqbot.search.TextAnalysis analysis;
  private final Store store;
  private final List<Path> ownEval;
  private final List<Path> sharedEval;
  private final Clock clock;
  private final Semaphore one = new Semaphore(1);

  DraftPreview(
      Path content,
      ChatService liveChat,
      KnowledgeBase live,
      no.faqbot.search.TextAnalysis analysis,
      Store store,
      Path repository,
      Clock clock) {
    this.content = content.toAbsolutePath().normalize();
    this.liveChat = liveChat;
    this.live = live;
    this.analysis = analysis;
    this.store = store;
    this.ownEval = jsonl(repository.resolve("bench").resolve("eval"));
    this.sharedEval = jsonl(repository.resolve("..").resolve("shared").resolve("eval"));
    this.clock = clock;
  }

  /** The eval files in {@code dir}, by name; none when it is not there. */
  private static List<Path> jsonl(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      LOG.warn("Cannot list eval files in {}: {}", dir, e.toString());
      return List.of();
    }
  }

  /** The eval files a preview asks, for the page. */
  List<String> evalFiles() {
    List<String> names = new ArrayList<>();
    ownEval.forEach(f -> names.add("bench/eval/" + f.getFileName()));
    sharedEval.forEach(f -> names.add("../shared/eval/" + f.getFileName()));
    return names;
  }

  /** Problems that keep the draft from a preview, or the preview. */
  record Outcome(List<ContentProblem> problems, DraftImpact.Result impact) {}

  /**
   * The preview of the content with {@code text} at {@code relative} (inside the content folder).
   *
   * @throws ApiException (503) when another preview is running for longer than a moment
   */
  Outcome run(String relative, String text) throws IOException, SQLException {
    try {
      if (!one.tryAcquire(5, TimeUnit.SECONDS)) {
        throw new ApiException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "another preview is running: try again in a few seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
    }
    Path temp = Files.createTempDirectory("faqbot-draft-");
    try {
      long deadline = System.nanoTime() + BUDGET.toNanos();
      // The same folder name, so files are named as in the live content.
      Path root = temp.resolve(content.getFileName().toString());
      copy(content, root);
      Path draftFile = root.resolve(relative).normalize();
      if (!draftFile.startsWith(root)) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "'" + relative + "' is outside the content folder");
      }
      Files.createDirectories(draftFile.getParent());
      Files.writeString(draftFile, text, StandardCharsets.UTF_8);
      ContentSnapshot snapshot = new ContentLoader(root, new MarkdownRenderer()).load();
      String path = content.getFileName() + "/" + relative;
      List<ContentProblem> problems =
          snapshot.problems().stream().filter(p -> p.path().equals(path)).toList();
      if (!problems.isEmpty()) {
        return new Outcome(problems, null);
      }
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      try (KnowledgeBase draft =
          new KnowledgeBase(
              new IndexStore(temp.resolve("index")).searchIndex(snapshot, analysis))) {
        ChatService draftChat =
            new ChatService(
                draft, AnswerPolicy.DEFAULT, ReplyModel.shipped(), new StateCodec(secret));
        List<DraftImpact.Question> questions = questions();
        DraftImpact.Result impact =
            DraftImpact.compare(
                questions,
                new DraftImpact.Side(liveChat, live),
                new DraftImpact.Side(draftChat, draft),
                deadline,
                done -> {});
        return new Outcome(List.of(), impact);
      }
    } finally {
      delete(temp);
      one.release();
    }
  }

  /** Stored questions first (what merchants really ask), then the eval items, up to the cap. */
  private List<DraftImpact.Question> questions() throws IOException, SQLException {
    List<DraftImpact.Question> questions = new ArrayList<>();
    if (store != null) {
      long from = clock.millis() - Duration.ofDays(STORED_DAYS).toMillis();
      for (RecentQuestions.Asked a : RecentQuestions.since(store, from, STORED_QUESTIONS)) {
        questions.add(new DraftImpact.Question(a.message(), a.lang(), "stored", null, null));
      }
    }
    questions.addAll(DraftImpact.evalQuestions(ownEval, "own"));
    questions.addAll(DraftImpact.evalQuestions(sharedEval, "shared"));
    return questions.size() > MAX_QUESTIONS ? questions.subList(0, MAX_QUESTIONS) : questions;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not remove the draft preview folder {}: {}", dir, e.toString());
    }
  }
}
