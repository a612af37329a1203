package no.faqbot;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import no.faqbot.chat.AnswerPolicy;
import no.faqbot.chat.ChatRoutes;
import no.faqbot.chat.ChatService;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.content.ParsedEntryCache;
import no.faqbot.support.UploadFolder;
import no.faqbot.feedback.FeedbackRoutes;
import no.faqbot.feedback.FeedbackStore;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.ContentProblem;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.IndexStore;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.knowledge.KnowledgeRoutes;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import no.faqbot.staff.PasswordHash;
import no.faqbot.staff.StaffAuth;
import no.faqbot.staff.StaffRoutes;
import no.faqbot.web.ClientLimits;
import no.faqbot.support.SmtpMailer;
import no.faqbot.support.SupportRoutes;
import no.faqbot.support.SupportService;
import no.faqbot.web.Cors;
import no.faqbot.web.RateLimit;
import no.faqbot.web.WebServer;
import no.faqbot.widget.DemoRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: creates every service in dependency order with plain constructors. */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  /** Entries not updated for this long are listed for editors to review. */
  private static final int STALE_DAYS = 365;
  /** Beside the index: FAQ files parsed at the last start, reused while unchanged. */
  private static final String PARSED_ENTRIES = "parsed-entries.bin";
  /**
   * Per-client limits that no real merchant reaches: a chat turn every second with bursts of a
   * minute's worth, and a handful of support e-mails. {@code FAQBOT_LIMIT_*} changes or switches
   * off each one.
   */
  private static final List<ClientLimits.Rule> DEFAULT_LIMITS = List.of(
      new ClientLimits.Rule("FAQBOT_LIMIT_CHAT", "POST", "/api/chat", new RateLimit(60, Duration.ofMinutes(1))),
      new ClientLimits.Rule("FAQBOT_LIMIT_SUGGEST", "GET", "/api/suggest", new RateLimit(120, Duration.ofMinutes(1))),
      new ClientLimits.Rule("FAQBOT_LIMIT_FEEDBACK", "POST", "/api/feedback", new RateLimit(30, Duration.ofMinutes(1))),
      new ClientLimits.Rule("FAQBOT_LIMIT_SUPPORT_EMAIL", "POST", "/api/support-email",
          new RateLimit(30, Duration.ofMinutes(10))),
      new ClientLimits.Rule("FAQBOT_LIMIT_SUPPORT_SEND", "POST", "/api/support-email/send",
          new RateLimit(5, Duration.ofMinutes(10))));
  /** Support e-mails are rare; more at once wait their turn without holding an HTTP thread. */
  private static final int SLOW_WORK_THREADS = 16;

  private final Settings settings;
  private final KnowledgeBase knowledge;
  private final ChatService chat;
  private final SupportService support;
  private final ContentReloader reloader;
  private final TextAnalysis analysis;
  private final List<ClientLimits.Rule> limits;
  /** Requests that wait on a merchant's upload or an SMTP server, off the HTTP pool. */
  private final ExecutorService slowWork = Executors.newFixedThreadPool(SLOW_WORK_THREADS, daemon("faqbot-support"));
  private StaffAuth staffAuth;
  private UploadFolder uploads;
  private String generatedStaffPassword;

  private App(Settings settings, KnowledgeBase knowledge, ChatService chat, SupportService support,
      ContentReloader reloader, TextAnalysis analysis, List<ClientLimits.Rule> limits) {
    this.analysis = analysis;
    this.settings = settings;
    this.knowledge = knowledge;
    this.chat = chat;
    this.support = support;
    this.reloader = reloader;
    this.limits = limits;
  }

  /**
   * Wires the services and starts loading the content and opening (or building) the index in the
   * background, so the HTTP server can start at the same time; {@link #awaitReady} waits for it.
   */
  public static App start(Settings settings) {
    // A misspelt FAQBOT_LIMIT_* or a limit that is not one fails here, before any work starts.
    List<ClientLimits.Rule> limits = ClientLimits.configure(DEFAULT_LIMITS, settings.limits());
    TextAnalysis analysis = new TextAnalysis();
    ContentLoader contentLoader = contentLoader(settings.content(), settings.index());
    IndexStore store = new IndexStore(settings.index(), analysis);
    CompletableFuture<SearchIndex> loading = new CompletableFuture<>();
    Thread loader = new Thread(() -> {
      try {
        loading.complete(load(contentLoader, store, analysis));
      } catch (RuntimeException | Error e) {
        loading.completeExceptionally(e);
      }
    }, "faqbot-content-loader");
    loader.setDaemon(true);
    loader.start();
    KnowledgeBase knowledge = new KnowledgeBase(loading);
    StateCodec states = new StateCodec(stateSecret(settings));
    ChatService chat = new ChatService(knowledge, AnswerPolicy.DEFAULT, states);
    SupportService support = new SupportService(settings.supportEmail(), settings.supportLimits(), states,
        Clock.system(ZoneId.of("Europe/Oslo")));
    ContentReloader reloader = new ContentReloader(contentLoader, store, analysis, knowledge, Clock.systemUTC());
    return new App(settings, knowledge, chat, support, reloader, analysis, limits);
  }

  /** Loads {@code content}, reusing the FAQ files parsed when the index in {@code index} was last opened or built. */
  public static ContentLoader contentLoader(Path content, Path index) {
    return new ContentLoader(content, new MarkdownRenderer(), ParsedEntryCache.onDisk(index.resolve(PARSED_ENTRIES)));
  }

  private static byte[] stateSecret(Settings settings) {
    if (settings.stateSecret() != null && !settings.stateSecret().isBlank()) {
      return settings.stateSecret().getBytes(StandardCharsets.UTF_8);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  private static SearchIndex load(ContentLoader loader, IndexStore store, TextAnalysis analysis) {
    ContentSnapshot content = loader.load();
    for (ContentProblem problem : content.problems()) {
      LOG.warn("Content problem: {}", problem);
    }
    return new SearchIndex(content, store.open(content), analysis);
  }

  private StaffAuth staffAuth() {
    if (staffAuth == null) {
      String user = staffUser();
      String password = settings.staffPassword();
      if (password == null || password.isBlank()) {
        generatedStaffPassword = StaffAuth.randomPassword();
        password = generatedStaffPassword;
      }
      String secret = password;
      staffAuth = new StaffAuth(() -> Map.of(user, PasswordHash.of(secret)), Clock.systemUTC(),
          settings.clientAddress());
    }
    return staffAuth;
  }

  public String staffUser() {
    return settings.staffUser() == null || settings.staffUser().isBlank() ? "staff" : settings.staffUser().strip();
  }

  /** The password made up at start when none was configured (to show once on the console), else null. */
  public String generatedStaffPassword() {
    return generatedStaffPassword;
  }

  /** Starts hot reload: content changes are served without a restart (after the first load). */
  public void watchContent() {
    awaitReady();
    try {
      reloader.start();
    } catch (IOException e) {
      LOG.warn("Cannot watch {} for changes ({}); restart to pick up content changes",
          settings.content(), e.toString());
    }
  }

  public ContentReloader reloader() {
    return reloader;
  }

  /** Waits until the content is loaded and the index open. */
  public SearchIndex awaitReady() {
    return knowledge.awaitReady();
  }

  /** The HTTP server with every route; tests start it on port 0. */
  public Javalin server() {
    SmtpMailer mailer = settings.smtp() == null ? null : new SmtpMailer(settings.smtp());
    FeedbackStore feedback = new FeedbackStore(settings.data().resolve("feedback.jsonl"),
        FeedbackStore.DEFAULT_MAX_BYTES, Clock.systemUTC());
    if (uploads == null) {
      uploads = UploadFolder.create();
    }
    return WebServer.create(SupportRoutes.uploadLimits(settings.supportLimits()), Cors.parse(settings.corsOrigins()),
        settings.threads(),
        SupportRoutes.UPLOAD_PATHS,
        List.of(new ClientLimits(settings.clientAddress(), limits),
            new KnowledgeRoutes(knowledge, reloader, feedback::dataState), new ChatRoutes(chat, knowledge),
            new SupportRoutes(support, knowledge, mailer, slowWork, uploads),
            new FeedbackRoutes(feedback, knowledge), new DemoRoutes(),
            new StaffRoutes(staffAuth(), knowledge, analysis, reloader, STALE_DAYS, chat)));
  }

  /** Where screenshots wait while a support request is answered; null before {@link #server()}. */
  public UploadFolder uploads() {
    return uploads;
  }

  public Settings settings() {
    return settings;
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  public ChatService chat() {
    return chat;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    slowWork.shutdownNow();
    if (uploads != null) {
      uploads.close();
    }
    reloader.close();
    knowledge.close();
  }
}
