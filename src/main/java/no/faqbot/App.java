package no.faqbot;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import no.faqbot.cases.Backoff;
import no.faqbot.cases.Cases;
import no.faqbot.cases.HelpdeskSettings;
import no.faqbot.chat.AnswerPolicy;
import no.faqbot.chat.ChatService;
import no.faqbot.chat.ReplyModel;
import no.faqbot.config.Settings;
import no.faqbot.config.SigningKeys;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.insights.EventRecorder;
import no.faqbot.insights.Insights;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.ops.OpsFeature;
import no.faqbot.revisions.RevisionLog;
import no.faqbot.revisions.RevisionsFeature;
import no.faqbot.search.SearchIndex;
import no.faqbot.staff.HashGate;
import no.faqbot.staff.OidcSettings;
import no.faqbot.staff.StaffFeature;
import no.faqbot.store.Store;
import no.faqbot.support.SupportFeature;
import no.faqbot.support.UploadFolder;

/**
 * The composition root: wires every feature once, in dependency order, with plain constructors;
 * {@link AppServer} makes the HTTP server from them.
 */
public final class App implements AutoCloseable {
  final Clock clock = Clock.systemUTC();
  final Settings settings;
  final Insights insights; // stores nothing in a trial run (eval)
  final KnowledgeFeature knowledge;
  final RevisionsFeature revisions;
  final ChatService chat;
  final SupportFeature support;
  final Cases cases; // null without a store
  final StaffFeature staff;
  final OpsFeature ops;

  /** Starts loading the content in the background; {@link #awaitReady} waits for it. */
  private App(
      Settings settings,
      boolean withStore,
      HelpdeskSettings helpdesk,
      Backoff backoff,
      Duration poll) {
    Settings.Folders folders = settings.folders();
    this.settings = settings;
    this.insights =
        withStore
            ? Insights.open(settings.store(), settings.recording(), folders.data(), clock)
            : Insights.none();
    Store store = insights.store();
    this.knowledge = new KnowledgeFeature(folders.content(), folders.index(), clock);
    FlowVersions flows = new FlowVersions();
    this.revisions = RevisionsFeature.wire(store, settings.store(), knowledge, flows, clock);
    StateCodec states = new StateCodec(new SigningKeys(settings.stateSecret(), store).flowState());
    this.chat =
        new ChatService(
            knowledge.base(), AnswerPolicy.DEFAULT, ReplyModel.shipped(), states, flows);
    Settings.Support mail = settings.support();
    this.support = SupportFeature.wire(mail.email(), mail.limits(), mail.smtp(), states, flows);
    this.cases =
        store == null
            ? null
            : Cases.open(
                store,
                folders.data(),
                support.service(),
                helpdesk,
                support.mailer(),
                settings.recording().retentionDays(),
                backoff,
                poll,
                clock);
    Settings.Staff login = settings.staff();
    this.staff =
        new StaffFeature(login.user(), login.password(), settings.http().clients(), store, clock);
    boolean replicated = !settings.store().embedded();
    this.ops =
        OpsFeature.wire(settings.operations(), knowledge, insights, staff.hashes(), replicated);
    knowledge.load(revisions.beforeFirstLoad());
  }

  /**
   * Wires every feature and starts loading the content; throws {@link
   * no.faqbot.store.StoreUnavailableException} when the configured database cannot be used.
   */
  public static App start(Settings settings) {
    return start(settings, HelpdeskSettings.OFF);
  }

  /** Support cases go to {@code helpdesk}. */
  public static App start(Settings settings, HelpdeskSettings helpdesk) {
    return start(settings, helpdesk, Backoff.DEFAULT, Cases.POLL);
  }

  /** Failed deliveries are tried again after {@code backoff}, looked for every {@code poll}. */
  public static App start(
      Settings settings, HelpdeskSettings helpdesk, Backoff backoff, Duration poll) {
    return new App(settings, true, helpdesk, backoff, poll);
  }

  /** Without the event store: for eval and calibrate, which record nothing. */
  public static App trial(Settings settings) {
    return new App(settings, false, HelpdeskSettings.OFF, Backoff.DEFAULT, Cases.POLL);
  }

  /** Offers staff the OpenID Connect login {@code oidc} (when on); call before {@link #server}. */
  public App useOidc(OidcSettings oidc) {
    staff.useOidc(oidc, new SigningKeys(settings.stateSecret(), store())::oidcLogin);
    return this;
  }

  /** The HTTP server with every route; tests start it on port 0. */
  public Javalin server() {
    return AppServer.create(this);
  }

  /** Starts hot reload: content changes are served without a restart (after the first load). */
  public void watchContent() {
    knowledge.watch();
  }

  /** Stops {@code server} (made by {@link #server}) the graceful way, then closes everything. */
  public void shutdown(Javalin server) {
    ops.shutdown(server, this);
  }

  /** Waits until the content is loaded and the index open. */
  public SearchIndex awaitReady() {
    return knowledge.base().awaitReady();
  }

  public HashGate passwordHashes() {
    return staff.hashes();
  }

  /** The password made up at start when none was configured (to show once), else null. */
  public String generatedStaffPassword() {
    return staff.generatedPassword();
  }

  public ContentReloader reloader() {
    return knowledge.reloader();
  }

  public ContentPublisher publisher() {
    return revisions.publisher();
  }

  /** The content revisions in the store; null in a trial run. */
  public RevisionLog revisions() {
    return revisions.log();
  }

  public UploadFolder uploads() {
    return support.uploads();
  }

  public Settings settings() {
    return settings;
  }

  public KnowledgeBase knowledge() {
    return knowledge.base();
  }

  public ChatService chat() {
    return chat;
  }

  public EventRecorder recorder() {
    return insights.recorder();
  }

  /** The event store, or null in a trial run. */
  public Store store() {
    return insights.store();
  }

  @Override
  public void close() {
    ops.close();
    support.close();
    if (cases != null) {
      cases.close();
    }
    revisions.close();
    insights.close();
    knowledge.close();
  }
}
