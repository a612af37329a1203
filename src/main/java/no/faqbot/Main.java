package no.faqbot;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentProblem;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.eval.EvalRunner;
import no.faqbot.search.IndexStore;
import no.faqbot.search.TextAnalysis;
import no.faqbot.support.SmtpSettings;
import no.faqbot.support.SupportLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Command line: {@code serve} (the default), {@code validate}, {@code index}, {@code eval}. */
@Command(name = "faqbot", mixinStandardHelpOptions = true, version = "faqbot 0.1",
    description = "Helpdesk FAQ chat bot with guided troubleshooting.",
    subcommands = {Main.Serve.class, Main.Validate.class, Main.Index.class, Main.Eval.class, Main.SelfTest.class})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != SERVING) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::reportProblem);
  }

  /**
   * A missing file or bad input is the user's to fix: one line naming it, no stack trace. Anything
   * else is a bug and keeps its stack trace.
   */
  private static int reportProblem(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
    String problem;
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      problem = "no such file or folder: " + missing.getFile();
    } else if (e instanceof java.nio.file.AccessDeniedException denied) {
      problem = "not allowed to read or write " + denied.getFile();
    } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
        || e instanceof IllegalArgumentException) {
      problem = e.getMessage();
    } else {
      throw e;
    }
    cmd.getErr().println("faqbot " + cmd.getCommandName() + ": " + problem);
    return 2;
  }

  /** Exit code of {@code serve}: the server threads keep the JVM running until it is stopped. */
  static final int SERVING = -1;

  @Override
  public Integer call() throws Exception {
    return new Serve().call();
  }

  /** Options shared by commands that read content and the index. */
  static class Locations {
    @Option(names = "--content", description = "content folder (env FAQBOT_CONTENT, default ./content)",
        defaultValue = "${env:FAQBOT_CONTENT:-content}")
    Path content = Path.of("content");

    @Option(names = "--index", description = "index folder (env FAQBOT_INDEX, default ./index)",
        defaultValue = "${env:FAQBOT_INDEX:-index}")
    Path index = Path.of("index");

    Settings settings(String host, int port) {
      String support = System.getenv().getOrDefault("FAQBOT_SUPPORT_EMAIL", Settings.DEFAULT_SUPPORT_EMAIL);
      java.util.Map<String, String> env = System.getenv();
      SupportLimits limits = new SupportLimits(
          number(env, "FAQBOT_MAX_SCREENSHOTS", SupportLimits.DEFAULT.maxFiles()),
          number(env, "FAQBOT_MAX_SCREENSHOT_MB", 5) * 1024L * 1024);
      return new Settings(host, port, content, index, support, env.get("FAQBOT_STATE_SECRET"), limits,
          SmtpSettings.fromEnvironment(env), env.get("FAQBOT_CORS_ORIGINS"), Path.of(env.getOrDefault("FAQBOT_DATA", "data")),
          env.get("FAQBOT_STAFF_USER"), env.get("FAQBOT_STAFF_PASSWORD"),
          number(env, "FAQBOT_THREADS", Settings.DEFAULT_THREADS));
    }
  }

  /** A whole number from the environment, with a message naming the variable when it is not one. */
  static int number(java.util.Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP server (the default).")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--host", description = "address to listen on (env FAQBOT_HOST, default 127.0.0.1)",
        defaultValue = "${env:FAQBOT_HOST:-127.0.0.1}")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "port (env FAQBOT_PORT, default 7070)",
        defaultValue = "${env:FAQBOT_PORT:-7070}")
    int port = 7070;

    @CommandLine.Mixin Locations locations = new Locations();

    @Override
    public Integer call() {
      long started = System.nanoTime();
      Settings settings;
      try {
        settings = locations.settings(host, port);
      } catch (IllegalArgumentException e) {
        System.err.println("faqbot: bad configuration: " + e.getMessage());
        return 2;
      }
      if (!settings.content().toFile().isDirectory()) {
        System.err.println("faqbot: content folder '" + settings.content() + "' does not exist (set --content or FAQBOT_CONTENT)");
        return 2;
      }
      App app = App.start(settings);
      Javalin server = app.server().start(settings.host(), settings.port());
      try {
        app.awaitReady();
      } catch (RuntimeException e) {
        System.err.println("faqbot: could not load content or index: " + e.getMessage());
        server.stop();
        return 2;
      }
      app.watchContent();
      if (app.generatedStaffPassword() != null) {
        // Shown once, on the console of whoever started the server; never written to a log file.
        System.out.println("faqbot: staff pages at /staff: user '" + app.staffUser() + "', password '"
            + app.generatedStaffPassword() + "' (set FAQBOT_STAFF_USER / FAQBOT_STAFF_PASSWORD to choose)");
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        app.close();
      }, "faqbot-shutdown"));
      var index = app.knowledge().current();
      System.out.printf("faqbot: %d entries (index %s), %d content problem(s); listening on http://%s:%d/ after %d ms%n",
          index.content().entryCount(), index.outcome().name().toLowerCase(java.util.Locale.ROOT),
          index.content().problems().size(), settings.host(), server.port(),
          (System.nanoTime() - started) / 1_000_000);
      return SERVING;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check every content file; print each problem as path:line: message. Exit 1 if any.")
  static final class Validate implements Callable<Integer> {
    @Option(names = "--content", description = "content folder (env FAQBOT_CONTENT, default ./content)",
        defaultValue = "${env:FAQBOT_CONTENT:-content}")
    Path content = Path.of("content");

    @Override
    public Integer call() {
      ContentSnapshot snapshot = new ContentLoader(content, new MarkdownRenderer()).load();
      for (ContentProblem p : snapshot.problems()) {
        System.out.println(p);
      }
      System.out.printf("%d entries, %d problem(s)%n", snapshot.entryCount(), snapshot.problems().size());
      return snapshot.problems().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true, description = "Build the index and exit.")
  static final class Index implements Callable<Integer> {
    @CommandLine.Mixin Locations locations = new Locations();

    @Override
    public Integer call() {
      ContentSnapshot snapshot = new ContentLoader(locations.content, new MarkdownRenderer()).load();
      snapshot.problems().forEach(p -> System.err.println(p));
      Path folder = new IndexStore(locations.index, new TextAnalysis())
          .build(snapshot);
      System.out.printf("indexed %d entries into %s%n", snapshot.entryCount(), folder);
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Run an eval set (JSON lines) through the chat in-process; print accuracy per kind and the misses.")
  static final class Eval implements Callable<Integer> {
    @Parameters(index = "0", description = "eval file, e.g. ../shared/eval/dev.jsonl")
    Path file;

    @Option(names = "--verbose", description = "print every item with its top hits, coverage and score")
    boolean verbose;

    @CommandLine.Mixin Locations locations = new Locations();

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString()); // before loading anything
      }
      try (App app = App.start(locations.settings("127.0.0.1", 0))) {
        return new EvalRunner(app.chat(), app.knowledge(), System.out).run(file, verbose).passed() ? 0 : 1;
      }
    }
  }

  @Command(name = "selftest", mixinStandardHelpOptions = true,
      description = "Start the server on a free port, ask one question over HTTP, print the reply type and exit"
          + " (a smoke test; the build also uses it to record a class-data archive for faster starts).")
  static final class SelfTest implements Callable<Integer> {
    @CommandLine.Mixin Locations locations = new Locations();

    @Override
    public Integer call() throws Exception {
      try (App app = App.start(locations.settings("127.0.0.1", 0))) {
        Javalin server = app.server().start("127.0.0.1", 0);
        try {
          java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\":\"hvor finner jeg butikk-ID?\"}"))
                  .header("Content-Type", "application/json").build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
          System.out.println("selftest: HTTP " + response.statusCode() + " "
              + response.body().substring(0, Math.min(80, response.body().length())));
          return response.statusCode() == 200 ? 0 : 1;
        } finally {
          server.stop();
        }
      }
    }
  }
}
