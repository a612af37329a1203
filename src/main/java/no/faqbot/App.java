package no.faqbot;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.faqbot.cases.Backoff;
import no.faqbot.cases.Cases;
import no.faqbot.cases.HelpdeskSettings;
import no.faqbot.chat.AnswerPolicy;
import no.faqbot.chat.ChatRoutes;
import no.faqbot.chat.ChatService;
import no.faqbot.chat.ChatTurn;
import no.faqbot.chat.ReplyModel;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.content.ParsedEntryCache;
import no.faqbot.editor.DraftRoutes;
import no.faqbot.feedback.FeedbackRoutes;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.ContentProblem;
import no.faqbot.insights.AuditLog;
import no.faqbot.insights.EventRecorder;
import no.faqbot.insights.Insights;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.FolderPublisher;
import no.faqbot.knowledge.IndexStore;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.knowledge.KnowledgeRoutes;
import no.faqbot.ops.BuildInfo;
import no.faqbot.ops.GracefulShutdown;
import no.faqbot.ops.HealthRoutes;
import no.faqbot.ops.Metrics;
import no.faqbot.ops.OperationsRoutes;
import no.faqbot.ops.Readiness;
import no.faqbot.revisions.FlowArchive;
import no.faqbot.revisions.HistoryRoutes;
import no.faqbot.revisions.RevisionFollower;
import no.faqbot.revisions.RevisionLog;
import no.faqbot.revisions.RevisionPublisher;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import no.faqbot.staff.HashGate;
import no.faqbot.staff.LoginAudit;
import no.faqbot.staff.OidcLogin;
import no.faqbot.staff.OidcSettings;
import no.faqbot.staff.PasswordHash;
import no.faqbot.staff.StaffAccess;
import no.faqbot.staff.StaffAccounts;
import no.faqbot.staff.StaffAuth;
import no.faqbot.staff.StaffRoutes;
import no.faqbot.store.SharedSecrets;
import no.faqbot.store.Store;
import no.faqbot.store.Vendor;
import no.faqbot.support.CaseDesk;
import no.faqbot.support.DirectDesk;
import no.faqbot.support.SmtpMailer;
import no.faqbot.support.SupportCase;
import no.faqbot.support.SupportRoutes;
import no.faqbot.support.SupportService;
import no.faqbot.support.UploadFolder;
import no.faqbot.web.ClientLimits;
import no.faqbot.web.Cors;
import no.faqbot.web.Routes;
import no.faqbot.web.WebServer;
import no.faqbot.widget.DemoRoutes;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: creates every service in dependency order with plain constructors. */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /** Beside the index: FAQ files parsed at the last start, reused while unchanged. */
  private static final String PARSED_ENTRIES = "parsed-entries.bin";

  /** Support e-mails are rare; more at once wait their turn without holding an HTTP thread. */
  private static final int SLOW_WORK_THREADS = 16;

  /** The name of the flow-state signing key among the store's shared secrets. */
  private static final String FLOW_STATE_SECRET = "flow-state";

  private final Settings settings;
  private final KnowledgeBase knowledge;
  private final ChatService chat;
  private final SupportService support;
  private final ContentReloader reloader;

  private final TextAnalysis analysis;

  /** What merchants ask and how the bot answers; stores nothing in a trial run (eval, selftest). */
  private final Insights insights;

  /** Requests that wait on a merchant's upload or an SMTP server, off the HTTP pool. */
  private final ExecutorService slowWork =
      Executors.newFixedThreadPool(SLOW_WORK_THREADS, daemon("faqbot-support"));

  /** Whether to send traffic here: content loaded, store answering, not shutting down. */
  private final Readiness readiness;

  private final Metrics metrics;
  private StaffAuth staffAuth;

  /** At most one password hash per two cores at once, so logins cannot take the chat's CPU. */
  private final HashGate hashGate = HashGate.halfTheCores();

  private UploadFolder uploads;

  /** How content changes go live: through the revision log with a store, else the folder. */
  private ContentPublisher publisher;

  private RevisionFollower follower;
  private HelpdeskSettings helpdesk = HelpdeskSettings.OFF;
  private Backoff backoff = Backoff.DEFAULT;
  private Duration poll = Cases.POLL;
  private Cases cases;
  private String generatedStaffPassword;

  /** The OpenID Connect staff login; null when none is configured. */
  private OidcLogin oidcLogin;

  /** The name of the key that signs OpenID Connect logins under way among the shared secrets. */
  private static final String OIDC_SECRET = "oidc-login";

  private App(
      Settings settings,
      KnowledgeBase knowledge,
      ChatService chat,
      SupportService support,
      ContentReloader reloader,
      TextAnalysis analysis,
      Insights insights) {
    this.readiness = new Readiness(knowledge, insights.store(), insights.recorder()::storeState);
    this.metrics = new Metrics();
    metrics.watch(readiness);
    metrics.watch(insights.recorder());
    metrics.watch(reloader);
    metrics.watch(hashGate);
    if (insights.store() != null) {
      metrics.watch(insights.store());
    }
    this.analysis = analysis;
    this.insights = insights;
    this.settings = settings;
    this.knowledge = knowledge;
    this.chat = chat;
    this.support = support;
    this.reloader = reloader;
  }

  /**
   * Wires the services and starts loading the content and opening (or building) the index in the
   * background, so the HTTP server can start at the same time; {@link #awaitReady} waits for it.
   * Opens the event store meanwhile.
   *
   * @throws no.faqbot.store.StoreUnavailableException when the configured database cannot be
   *     reached
   */
  public static App start(Settings settings) {
    return start(settings, HelpdeskSettings.OFF);
  }

  /** Like {@link #start(Settings)}, delivering support cases as {@code helpdesk} says. */
  public static App start(Settings settings, HelpdeskSettings helpdesk) {
    return start(settings, helpdesk, Backoff.DEFAULT, Cases.POLL);
  }

  /**
   * Like {@link #start(Settings, HelpdeskSettings)}, with failed deliveries tried again after
   * {@code backoff} and the queue looked at every {@code poll} (short in tests).
   */
  public static App start(
      Settings settings, HelpdeskSettings helpdesk, Backoff backoff, Duration poll) {
    App app = start(settings, true);
    app.helpdesk = helpdesk;
    app.backoff = backoff;
    app.poll = poll;
    return app;
  }

  /**
   * Like {@link #start(Settings)} but without the event store: for eval and selftest, which record
   * nothing.
   */
  public static App trial(Settings settings) {
    return start(settings, false);
  }

  private static App start(Settings settings, boolean withStore) {
    TextAnalysis analysis = new TextAnalysis();
    Settings.Folders folders = settings.folders();
    ContentLoader contentLoader = contentLoader(folders.content(), folders.index());
    IndexStore store = new IndexStore(folders.index());
    CompletableFuture<SearchIndex> loading = new CompletableFuture<>();
    // With a store, the folder is first made to hold the newest content revision.
    CompletableFuture<Runnable> beforeLoading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                beforeLoading.join().run();
                loading.complete(load(contentLoader, store, analysis));
              } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
              }
            },
            "faqbot-content-loader");
    loader.setDaemon(true);
    loader.start();
    KnowledgeBase knowledge = new KnowledgeBase(loading);
    Insights insights;
    try {
      insights =
          withStore
              ? Insights.open(
                  settings.store(), settings.recording(), folders.data(), Clock.systemUTC())
              : Insights.none();
    } catch (RuntimeException e) {
      beforeLoading.completeExceptionally(e);
      throw e;
    }
    StateCodec states = new StateCodec(stateSecret(settings, insights.store()));
    FlowVersions flowVersions = new FlowVersions();
    ChatService chat =
        new ChatService(
            knowledge, AnswerPolicy.DEFAULT, ReplyModel.shipped(), states, flowVersions);
    SupportService support =
        new SupportService(
            settings.support().email(),
            settings.support().limits(),
            states,
            Clock.system(ZoneId.of("Europe/Oslo")),
            flowVersions);
    ContentReloader reloader =
        new ContentReloader(contentLoader, store, analysis, knowledge, Clock.systemUTC());
    App app = new App(settings, knowledge, chat, support, reloader, analysis, insights);
    if (insights.store() == null) {
      app.publisher = new FolderPublisher(folders.content(), reloader);
      beforeLoading.complete(() -> {});
    } else {
      RevisionLog log = new RevisionLog(insights.store(), Clock.systemUTC());
      // A flow version this replica never served may be in a revision of the last day.
      flowVersions.archive(new FlowArchive(log, Clock.systemUTC()));
      RevisionPublisher revisions =
          new RevisionPublisher(log, contentLoader, reloader, settings.store().embedded());
      app.publisher = revisions;
      beforeLoading.complete(
          () -> {
            try {
              revisions.startUp();
            } catch (RuntimeException e) {
              // The folder as it is still serves; the follower catches up once the store answers.
              LOG.warn(
                  "Content revisions not read at start ({}); serving the folder", e.toString());
            }
          });
      reloader.onFolderChange(revisions::folderChanged);
      app.follower =
          new RevisionFollower(
                  revisions,
                  settings.store().embedded() ? null : settings.store(),
                  knowledge::awaitReady)
              .start();
    }
    return app;
  }

  /**
   * Loads {@code content}, reusing the FAQ files parsed when the index in {@code index} was last
   * opened or built.
   */
  public static ContentLoader contentLoader(Path content, Path index) {
    return new ContentLoader(
        content, new MarkdownRenderer(), ParsedEntryCache.onDisk(index.resolve(PARSED_ENTRIES)));
  }

  /**
   * {@code FAQBOT_STATE_SECRET} when set; else the one kept in the store (made by whichever replica
   * came first, so all agree and conversations survive a restart); random without a store.
   */
  private static byte[] stateSecret(Settings settings, Store store) {
    if (settings.stateSecret() != null && !settings.stateSecret().isBlank()) {
      return settings.stateSecret().getBytes(StandardCharsets.UTF_8);
    }
    if (store != null) {
      return new SharedSecrets(store).get(FLOW_STATE_SECRET);
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
    return store.searchIndex(content, analysis);
  }

  private StaffAuth staffAuth() {
    if (staffAuth == null) {
      String user = settings.staff().user();
      String password = settings.staff().password();
      if (password == null || password.isBlank()) {
        generatedStaffPassword = PasswordHash.randomPassword();
        password = generatedStaffPassword;
      }
      String secret = password;
      Supplier<Map<String, PasswordHash>> users = () -> Map.of(user, PasswordHash.of(secret));
      // Named accounts live in the store; the settings' login stays a bootstrap admin. Replicas
      // share PostgreSQL, so sessions and lockouts live there; one process keeps them in memory.
      Store store = insights.store();
      staffAuth =
          StaffAuth.of(
              users,
              store == null ? null : new StaffAccounts(store.dataSource(), Clock.systemUTC()),
              hashGate,
              Clock.systemUTC(),
              settings.http().clients(),
              store != null && store.vendor() == Vendor.POSTGRESQL ? store.dataSource() : null);
    }
    return staffAuth;
  }

  /**
   * Offers staff the OpenID Connect login {@code oidc} (nothing when it is off); call before {@link
   * #server}. Discovery is tried at once: a provider that cannot be found is logged as an error and
   * its button stays off until it can, while the server and password login start as usual.
   */
  public App useOidc(OidcSettings oidc) {
    if (!oidc.on()) {
      oidcLogin = null;
      return this;
    }
    Store store = insights.store();
    byte[] key;
    if (store != null) {
      key = new SharedSecrets(store).get(OIDC_SECRET); // replicas share it: any may take the return
    } else {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    oidcLogin = new OidcLogin(oidc, key, Clock.systemUTC());
    oidcLogin.discover();
    return this;
  }

  /** The cap on password hashes at once (tests fill it to see a login turned away). */
  public HashGate passwordHashes() {
    return hashGate;
  }

  /**
   * The password made up at start when none was configured (to show once on the console), else
   * null.
   */
  public String generatedStaffPassword() {
    return generatedStaffPassword;
  }

  /** Starts hot reload: content changes are served without a restart (after the first load). */
  public void watchContent() {
    awaitReady();
    try {
      reloader.start();
    } catch (IOException e) {
      LOG.warn(
          "Cannot watch {} for changes ({}); restart to pick up content changes",
          settings.folders().content(),
          e.toString());
    }
  }

  public ContentReloader reloader() {
    return reloader;
  }

  /** The one way a content change goes live (staff actions, the editor, restores). */
  public ContentPublisher publisher() {
    return publisher;
  }

  /** The content revisions in the store; null in a trial run (no store). */
  public RevisionLog revisions() {
    return publisher instanceof RevisionPublisher revisions ? revisions.log() : null;
  }

  /** Waits until the content is loaded and the index open. */
  public SearchIndex awaitReady() {
    return knowledge.awaitReady();
  }

  /** The HTTP server with every route; tests start it on port 0. */
  public Javalin server() {
    SmtpMailer mailer =
        settings.support().smtp() == null ? null : new SmtpMailer(settings.support().smtp());
    EventRecorder recorder = insights.recorder();
    Consumer<ChatTurn> turns =
        turn -> {
          metrics.chatTurn(turn);
          insights.shown().remember(turn);
          recorder.chatTurn(turn);
        };
    Consumer<SupportCase> prepared =
        c -> {
          metrics.supportCase(c);
          recorder.supportCase(c);
        };
    Store store = insights.store();
    if (cases == null && store != null) {
      cases =
          Cases.open(
              store,
              settings.folders().data(),
              support,
              helpdesk,
              mailer,
              settings.recording().retentionDays(),
              backoff,
              poll,
              Clock.systemUTC());
    }
    CaseDesk desk = cases == null ? new DirectDesk(support, mailer) : cases.book();
    if (uploads == null) {
      uploads = UploadFolder.create();
    }
    OperationsRoutes operations = new OperationsRoutes(metrics, settings.operations());
    List<Routes> routes =
        new ArrayList<>(
            List.of(
                new ClientLimits(settings.http().clients(), settings.limits()),
                operations,
                new HealthRoutes(readiness, !settings.store().embedded()),
                new KnowledgeRoutes(
                    knowledge,
                    reloader,
                    readiness::store,
                    BuildInfo.version(),
                    insights.shown()::remember),
                new ChatRoutes(chat, knowledge, turns),
                new SupportRoutes(support, knowledge, desk, slowWork, uploads, prepared),
                new FeedbackRoutes(recorder::vote, knowledge),
                new DemoRoutes(),
                new StaffAccess(
                    staffAuth(),
                    oidcLogin,
                    store == null ? LoginAudit.NONE : new AuditLog(store, Clock.systemUTC())::add),
                new StaffRoutes(knowledge, analysis, reloader, settings.staff().staleDays(), chat),
                new DraftRoutes(
                    settings.folders().content(),
                    knowledge,
                    chat,
                    analysis,
                    publisher,
                    insights.store(),
                    Path.of("").toAbsolutePath(),
                    Clock.systemUTC())));
    routes.addAll(
        insights.routes(
            knowledge,
            publisher,
            analysis,
            settings.folders().content(),
            cases == null ? id -> 0 : cases.book()::deleteConversation));
    if (cases != null) {
      routes.addAll(cases.routes());
    }
    if (publisher instanceof RevisionPublisher revisions) {
      AuditLog audit = new AuditLog(store, Clock.systemUTC());
      routes.add(
          new HistoryRoutes(
              revisions,
              reloader,
              (user, revision, as) ->
                  audit.add(user, "content-restore", "revision " + revision + " as " + as)));
    }
    Javalin server =
        WebServer.create(
            SupportRoutes.uploadLimits(
                settings.support().limits(), settings.http().clients(), uploads.path()),
            new Cors(settings.http().corsOrigins()),
            settings.http().threads(),
            SupportRoutes.UPLOAD_PATHS,
            routes,
            operations,
            settings.operations().bodyDeadline());
    if (server.jettyServer().threadPool() instanceof QueuedThreadPool http) {
      metrics.watch(http);
    }
    return GracefulShutdown.prepare(server, settings.operations().shutdown());
  }

  /**
   * Stops {@code server} (made by {@link #server}) the graceful way: not ready first, no new
   * connections, requests in flight finish (up to {@code FAQBOT_SHUTDOWN_SECONDS}), then the event
   * queue is flushed and the store closed.
   */
  public void shutdown(Javalin server) {
    GracefulShutdown.stop(server, readiness, this);
  }

  /** Where screenshots wait while a support request is answered; null before {@link #server()}. */
  public UploadFolder uploads() {
    return uploads;
  }

  public Readiness readiness() {
    return readiness;
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

  /** Takes events off the request threads into the store. */
  public EventRecorder recorder() {
    return insights.recorder();
  }

  /** The event store, or null in a trial run. */
  public Store store() {
    return insights.store();
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
    readiness.close();
    metrics.close();
    slowWork.shutdownNow();
    if (cases != null) {
      cases.close();
    }
    if (uploads != null) {
      uploads.close();
    }
    if (follower != null) {
      follower.close();
    }
    insights.close();
    reloader.close();
    knowledge.close();
  }
}
