package no.faqbot;

import io.javalin.Javalin;
import java.time.Clock;
import no.faqbot.cases.CaseDelivery;
import no.faqbot.cases.Cases;
import no.faqbot.chat.ChatFeature;
import no.faqbot.chat.ChatService;
import no.faqbot.config.Settings;
import no.faqbot.config.SigningKeys;
import no.faqbot.flow.FlowVersions;
import no.faqbot.insights.Insights;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.ops.OpsFeature;
import no.faqbot.revisions.RevisionsFeature;
import no.faqbot.search.SearchIndex;
import no.faqbot.staff.StaffFeature;
import no.faqbot.store.Store;
import no.faqbot.support.SupportFeature;

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
  final ChatFeature chat;
  final SupportFeature support;
  final Cases cases; // keeps none without a store
  final StaffFeature staff;
  final OpsFeature ops;

  /** Starts loading the content in the background; {@link #awaitReady} waits for it. */
  private App(Settings settings, boolean withStore, CaseDelivery delivery) {
    Settings.Folders folders = settings.folders();
    this.settings = settings;
    this.insights =
        withStore
            ? Insights.open(settings.store(), settings.recording(), folders.data(), clock)
            : Insights.none();
    Store store = insights.store();
    SigningKeys keys = new SigningKeys(settings.stateSecret(), store);
    this.knowledge = new KnowledgeFeature(folders.content(), folders.index(), clock);
    FlowVersions flows = new FlowVersions();
    this.revisions = RevisionsFeature.wire(store, settings.store(), knowledge, flows, clock);
    this.chat = ChatFeature.wire(knowledge.base(), keys::flowState, flows);
    Settings.Support mail = settings.support();
    this.support =
        SupportFeature.wire(mail.email(), mail.limits(), mail.smtp(), chat.states(), flows);
    int retentionDays = settings.recording().retentionDays();
    this.cases = Cases.open(store, folders.data(), support, delivery, retentionDays, clock);
    Settings.Staff login = settings.staff();
    this.staff =
        new StaffFeature(
            login.user(),
            login.password(),
            settings.http().clients(),
            store,
            keys::oidcLogin,
            clock);
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
    return start(settings, CaseDelivery.OFF);
  }

  /** Support cases are delivered as {@code delivery} says. */
  public static App start(Settings settings, CaseDelivery delivery) {
    return new App(settings, true, delivery);
  }

  /** Without the event store: for eval and calibrate, which record nothing. */
  public static App trial(Settings settings) {
    return new App(settings, false, CaseDelivery.OFF);
  }

  /** The HTTP server with every route (after {@link StaffFeature#useOidc}); tests use port 0. */
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

  public ChatService chat() {
    return chat.service();
  }

  public Settings settings() {
    return settings;
  }

  public KnowledgeFeature knowledge() {
    return knowledge;
  }

  /** The event store ({@link Insights#store}, null in a trial run) and the recorder. */
  public Insights insights() {
    return insights;
  }

  /** How content changes go live; no revision log in a trial run. */
  public RevisionsFeature revisions() {
    return revisions;
  }

  public SupportFeature support() {
    return support;
  }

  public StaffFeature staff() {
    return staff;
  }

  @Override
  public void close() {
    ops.close();
    support.close();
    cases.close();
    revisions.close();
    insights.close();
    knowledge.close();
  }
}
