package no.faqbot.cli;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.App;
import no.faqbot.chat.ReplyModel;
import no.faqbot.config.Catalogue;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.config.Setting;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.eval.Calibrator;
import no.faqbot.eval.EvalRunner;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.Languages;
import no.faqbot.format.WordLists;
import no.faqbot.insights.InsightsQueries;
import no.faqbot.insights.InsightsReport;
import no.faqbot.insights.Period;
import no.faqbot.insights.ReportPrinter;
import no.faqbot.knowledge.IndexStore;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.ops.LogFormat;
import no.faqbot.search.AnalysedContent;
import no.faqbot.search.TextAnalysis;
import no.faqbot.staff.OidcSettings;
import no.faqbot.store.Store;
import no.faqbot.store.StoreUnavailableException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What {@code faqbot} can do: {@code serve} (the default), {@code validate}, {@code index}, {@code
 * eval}, {@code selftest}, {@code report}, {@code staff}, {@code content}.
 */
public final class Commands {
  private Commands() {}

  /** Eval and selftest listen on a free local port, whatever the settings say. */
  private static final Map<String, String> TRIAL = Map.of("host", "127.0.0.1", "port", "0");

  public static List<Command> all() {
    return List.of(
        new Command(
            "serve",
            "Run the HTTP server (the default).",
            "",
            0,
            serveOptions(),
            SettingsHelp.text(Catalogue.ALL),
            Commands::serve),
        new Command(
            "validate",
            "Check every content file and the word lists built in; print each problem as path:line:"
                + " message. Exit 1 if any.",
            "",
            0,
            locations(new Options(), true, false),
            "",
            Commands::validate),
        new Command(
            "index",
            "Build the index and exit.",
            "",
            0,
            locations(new Options(), true, true),
            "",
            Commands::index),
        new Command(
            "eval",
            "Run eval sets (JSON lines) through the chat in-process; print accuracy per kind and file,"
                + " overall, and the misses.",
            "FILE...",
            1,
            locations(new Options(), true, true)
                .addOption(
                    Option.builder()
                        .longOpt("verbose")
                        .desc("print every item with its top hits, coverage and score")
                        .get()),
            "",
            Commands::eval),
        new Command(
            "calibrate",
            "Fit the reply model on eval sets: print the held-out precision and coverage per threshold"
                + " and, with --write, write the model's data file.",
            "FILE...",
            1,
            locations(new Options(), true, true)
                .addOption(
                    valued(
                        "max-wrong",
                        "W",
                        "the held-out share of messages that may get a wrong answer or flow"
                            + " (default 0.03)"))
                .addOption(
                    valued(
                        "write",
                        "FILE",
                        "write the model there (the build's own: "
                            + "src/main/resources/no/faqbot/chat/reply-model.json)")),
            "",
            Commands::calibrate),
        new Command(
            "selftest",
            "Start the server on a free port, ask one question over HTTP, print the reply type and exit"
                + " (a smoke test; the build also uses it to record a class-data archive for faster starts).",
            "",
            0,
            locations(new Options(), true, true),
            "",
            Commands::selftest),
        new Command(
            "report",
            "Print the insights figures (as on /staff/insights) from the event store"
                + " (FAQBOT_DATA, or FAQBOT_DATABASE_URL).",
            "",
            0,
            new Options()
                .addOption(valued("days", "N", "the last N days (default 30)"))
                .addOption(valued("lang", "LANG", "one language (nb, en); default all")),
            "",
            Commands::report),
        StaffCommand.command(),
        ContentCommand.command());
  }

  private static Options locations(Options options, boolean content, boolean index) {
    if (content) {
      options.addOption(option(ServerCatalogue.CONTENT));
    }
    if (index) {
      options.addOption(option(ServerCatalogue.INDEX));
    }
    return options;
  }

  /** A flag for every setting that has one. */
  private static Options serveOptions() {
    Options options = new Options();
    Catalogue.ALL.stream().filter(s -> s.flag() != null).forEach(s -> options.addOption(option(s)));
    return options;
  }

  private static Option option(Setting<?> setting) {
    return valued(
        setting.flag(),
        setting == ServerCatalogue.CONTENT || setting == ServerCatalogue.INDEX
            ? "DIR"
            : setting.flag().toUpperCase(Locale.ROOT),
        setting.description()
            + " (env "
            + setting.variable()
            + (setting.defaultValue() == null ? "" : ", default " + setting.defaultValue())
            + ")");
  }

  private static Option valued(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
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
      app = App.start(settings, in.helpdesk());
    } catch (StoreUnavailableException e) {
      in.err().println("faqbot serve: " + e.getMessage());
      return 2;
    }
    app.useOidc(oidc);
    Javalin server = app.server().start(settings.http().host(), settings.http().port());
    try {
      app.awaitReady();
    } catch (RuntimeException e) {
      in.err().println("faqbot serve: could not load content or index: " + e.getMessage());
      server.stop();
      return 2;
    }
    app.watchContent();
    if (app.generatedStaffPassword() != null) {
      // Shown once, on the console of whoever started the server; never written to a log file.
      in.out()
          .println(
              "faqbot: staff pages at /staff: user '"
                  + settings.staff().user()
                  + "', password '"
                  + app.generatedStaffPassword()
                  + "' (set FAQBOT_STAFF_USER / FAQBOT_STAFF_PASSWORD to choose)");
    }
    // SIGTERM: drain, finish requests in flight, flush events, close the store.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> app.shutdown(server), "faqbot-shutdown"));
    var index = app.knowledge().current();
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

  private static int validate(Invocation in) {
    ContentSnapshot snapshot = new ContentLoader(in.content(), new MarkdownRenderer()).load();
    List<ContentProblem> problems = new ArrayList<>(snapshot.problems());
    problems.addAll(WordLists.problems()); // the word lists built in, read like content
    for (ContentProblem p : problems) {
      in.out().println(p);
    }
    in.out()
        .printf(Locale.ROOT, "%d entries, %d problem(s)%n", snapshot.entryCount(), problems.size());
    return problems.isEmpty() ? 0 : 1;
  }

  private static int index(Invocation in) {
    ContentSnapshot snapshot = KnowledgeFeature.contentLoader(in.content(), in.index()).load();
    snapshot.problems().forEach(p -> in.err().println(p));
    Path folder =
        new IndexStore(in.index()).build(AnalysedContent.of(snapshot, new TextAnalysis()));
    in.out().printf(Locale.ROOT, "indexed %d entries into %s%n", snapshot.entryCount(), folder);
    return 0;
  }

  private static int eval(Invocation in) throws Exception {
    List<Path> files = in.positional().stream().map(Path::of).toList();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString()); // before loading anything
      }
    }
    try (App app = App.trial(in.settings(TRIAL))) {
      return new EvalRunner(app.chat(), app.knowledge(), in.out())
              .run(files, in.flag("verbose"))
              .passed()
          ? 0
          : 1;
    }
  }

  private static int calibrate(Invocation in) throws Exception {
    List<Path> files = in.positional().stream().map(Path::of).toList();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
    }
    double maxWrong = Double.parseDouble(in.option("max-wrong", "0.03"));
    if (!(maxWrong >= 0 && maxWrong < 1)) {
      throw new IllegalArgumentException("--max-wrong must be at least 0 and below 1");
    }
    try (App app = App.trial(in.settings(TRIAL))) {
      ReplyModel model = new Calibrator(app.chat(), in.out()).calibrate(files, maxWrong);
      String target = in.option("write", null);
      if (target != null) {
        Calibrator.write(model, Path.of(target));
        in.out().println("wrote " + target);
      }
    }
    return 0;
  }

  private static int report(Invocation in) {
    int days = Period.days(in.option("days", "30"), 30);
    String lang = in.option("lang", null);
    if (lang != null && !Languages.isSupported(lang)) {
      throw new IllegalArgumentException(
          "unsupported --lang '" + lang + "': use one of " + Languages.ALL);
    }
    Period period = Period.lastDays(days, Clock.systemUTC());
    try (Store store = Store.open(in.storeSettings(), in.data())) {
      ReportPrinter.print(
          new InsightsQueries(store)
              .report(
                  period.from(),
                  period.to(),
                  days,
                  lang,
                  new InsightsReport.Recording(true, 0, 0, store.description(), 0)),
          in.out());
      return 0;
    } catch (StoreUnavailableException | SQLException e) {
      in.err().println("faqbot report: " + e.getMessage());
      return 2;
    }
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
