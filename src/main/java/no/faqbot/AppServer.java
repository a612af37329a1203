package no.faqbot;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.config.Settings;
import no.faqbot.editor.DraftRoutes;
import no.faqbot.feedback.FeedbackRoutes;
import no.faqbot.insights.AuditLog;
import no.faqbot.insights.EventRecorder;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.knowledge.KnowledgeRoutes;
import no.faqbot.ops.BuildInfo;
import no.faqbot.staff.LoginAudit;
import no.faqbot.store.Store;
import no.faqbot.support.SupportRoutes;
import no.faqbot.web.ClientLimits;
import no.faqbot.web.Cors;
import no.faqbot.web.Routes;
import no.faqbot.web.WebServer;
import no.faqbot.widget.DemoRoutes;

/** The HTTP server made from {@link App}'s features: every route, gates first. */
final class AppServer {
  private AppServer() {}

  static Javalin create(App app) {
    Settings.Http http = app.settings.http();
    return app.ops.prepare(
        WebServer.create(
            app.support.uploadLimits(http.clients()),
            new Cors(http.corsOrigins()),
            http.threads(),
            SupportRoutes.UPLOAD_PATHS,
            routes(app),
            app.ops.operations(),
            app.settings.operations().bodyDeadline()));
  }

  /**
   * Javalin runs before-handlers in the order they were added, so the routes that have them come
   * first, in the order they must run: the client's limit (a refused request costs nothing more),
   * the gate that refuses requests while content loads (HealthRoutes, replicas only), then the
   * staff login's guard and role check, which must hold before any staff page.
   */
  private static List<Routes> routes(App app) {
    Store store = app.insights.store();
    EventRecorder recorder = app.insights.recorder();
    KnowledgeBase base = app.knowledge.base();
    List<Routes> routes = new ArrayList<>();
    routes.add(new ClientLimits(app.settings.http().clients(), app.settings.limits()));
    routes.add(app.ops.operations());
    routes.add(app.ops.health());
    LoginAudit logins = store == null ? LoginAudit.NONE : new AuditLog(store, app.clock)::add;
    routes.addAll(
        app.staff.routes(
            logins, app.knowledge, app.settings.staff().staleDays(), app.chat.service()));
    routes.add(
        new KnowledgeRoutes(
            base,
            app.knowledge.reloader(),
            app.ops.readiness()::store,
            BuildInfo.version(),
            app.insights.shown()::remember));
    routes.add(
        app.chat.routes(
            turn -> {
              app.ops.metrics().chatTurn(turn);
              app.insights.shown().remember(turn);
              recorder.chatTurn(turn);
            }));
    routes.add(
        app.support.routes(
            base,
            app.cases.book(),
            prepared -> {
              app.ops.metrics().supportCase(prepared);
              recorder.supportCase(prepared);
            }));
    routes.add(new FeedbackRoutes(recorder::vote, base));
    routes.add(new DemoRoutes());
    routes.add(
        new DraftRoutes(
            app.settings.folders().content(),
            base,
            app.chat.service(),
            app.knowledge.analysis(),
            app.revisions.publisher(),
            store,
            Path.of("").toAbsolutePath(),
            app.clock));
    routes.addAll(
        app.insights.routes(
            base,
            app.revisions.publisher(),
            app.knowledge.analysis(),
            app.settings.folders().content(),
            app.cases::deleteConversation));
    routes.addAll(app.cases.routes());
    routes.addAll(app.revisions.routes(app.clock));
    return routes;
  }
}
