package no.faqbot.cli;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import no.faqbot.App;
import no.faqbot.cases.CaseDelivery;
import no.faqbot.config.Catalogue;
import no.faqbot.config.Settings;
import no.faqbot.ops.LogFormat;
import no.faqbot.staff.OidcSettings;
import no.faqbot.store.StoreUnavailableException;
import org.apache.commons.cli.Options;

/**
 * {@code faqbot serve} (the default) runs the HTTP server until it is stopped; {@code faqbot
 * selftest} starts it on a free port, asks it one question and stops.
 */
final class ServeCommand {
  private ServeCommand() {}

  /** Eval and selftest listen on a free local port, whatever the settings say. */
  static final Map<String, String> TRIAL = Map.of("host", "127.0.0.1", "port", "0");

  static Command serve() {
    return new Command(
        "serve",
        "Run the HTTP server (the default).",
        "",
        0,
        serveOptions(),
        SettingsHelp.text(Catalogue.ALL),
        ServeCommand::serve);
  }

  static Command selftest() {
    return new Command(
        "selftest",
        "Start the server on a free port, ask one question over HTTP, print the reply type and exit"
            + " (a smoke test; the build also uses it to record a class-data archive for faster starts).",
        "",
        0,
        Commands.locations(true, true),
        "",
        ServeCommand::selftest);
  }

  /** A flag for every setting that has one. */
  private static Options serveOptions() {
    Options options = new Options();
    Catalogue.ALL.stream()
        .filter(s -> s.flag() != null)
        .forEach(s -> options.addOption(Commands.option(s)));
    return options;
  }

  private static int serve(Invocation in) {
    long started = System.nanoTime();
    Settings settings = in.settings();
    if (!Files.isDirectory(settings.folders().content())) {
      throw new IllegalArgumentException(
          "content folder '"
              + settings.folders().content()
              + "' does not exist (set --content or FAQBOT_CONTENT)");
    }
    LogFormat.use(settings.operations().jsonLogs());
    OidcSettings oidc = in.oidc();
    App app;
    try {
      app = App.start(settings, CaseDelivery.to(in.helpdesk()));
    } catch (StoreUnavailableException e) {
      in.err().println("faqbot serve: " + e.getMessage());
      return 2;
    }
    app.staff().useOidc(oidc);
    Javalin server = app.server().start(settings.http().host(), settings.http().port());
    try {
      app.awaitReady();
    } catch (RuntimeException e) {
      in.err().println("faqbot serve: could not load content or index: " + e.getMessage());
      server.stop();
      return 2;
    }
    app.watchContent();
    if (app.staff().generatedPassword() != null) {
      // Shown once, on the console of whoever started the server; never written to a log file.
      in.out()
          .println(
              "faqbot: staff pages at /staff: user '"
                  + settings.staff().user()
                  + "', password '"
                  + app.staff().generatedPassword()
                  + "' (set FAQBOT_STAFF_USER / FAQBOT_STAFF_PASSWORD to choose)");
    }
    // SIGTERM: drain, finish requests in flight, flush events, close the store.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> app.shutdown(server), "faqbot-shutdown"));
    var index = app.knowledge().base().current();
    in.out()
        .printf(
            Locale.ROOT,
            "faqbot: %d entries (index %s), %d content problem(s); listening on http://%s:%d/ after %d ms%n",
            index.content().entryCount(),
            index.outcome().name().toLowerCase(Locale.ROOT),
            index.content().problems().size(),
            settings.http().host(),
            server.port(),
            (System.nanoTime() - started) / 1_000_000);
    return Cli.SERVING;
  }

  private static int selftest(Invocation in) throws Exception {
    try (App app = App.start(in.settings(TRIAL))) {
      Javalin server = app.server().start("127.0.0.1", 0);
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"message\":\"hvor finner jeg butikk-ID?\"}"))
                        .header("Content-Type", "application/json")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        in.out()
            .println(
                "selftest: HTTP "
                    + response.statusCode()
                    + " "
                    + response.body().substring(0, Math.min(80, response.body().length())));
        return response.statusCode() == 200 ? 0 : 1;
      } finally {
        server.stop();
      }
    }
  }
}
