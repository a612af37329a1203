package no.faqbot;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import no.faqbot.config.Settings;

/**
 * The real server on a random port, with a small HTTP client. A test class that serves fixture
 * content for all its tests uses {@link FaqbotServer} instead of starting one itself.
 */
public final class TestServer extends HttpTestClient implements AutoCloseable {
  private final App app;
  private final Javalin server;

  /** Serves {@code content} with the default settings, index and data under {@code dir}. */
  public TestServer(Path content, Path dir) {
    this(TestSettings.in(dir).content(content));
  }

  public TestServer(TestSettings settings) {
    this(settings.build());
  }

  public TestServer(Settings settings) {
    this(App.start(settings));
  }

  /** Serves {@code app} (started by the test with settings of its own). */
  public TestServer(App app) {
    this.app = app;
    this.server = app.server().start("127.0.0.1", 0);
  }

  public App app() {
    return app;
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A response with its status and body parsed as JSON (null when it is not JSON). */
  public record Reply(int status, String body, JsonNode json) {}

  @Override
  public void close() {
    app.shutdown(server);
  }
}
