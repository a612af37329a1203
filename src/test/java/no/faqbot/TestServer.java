package no.faqbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.faqbot.config.Settings;

/** The real server on a random port over a content folder, with a small HTTP client. */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final App app;
  private final Javalin server;
  private final HttpClient client = HttpClient.newHttpClient();

  public TestServer(Path content, Path index) {
    this(new Settings("127.0.0.1", 0, content, index, Settings.DEFAULT_SUPPORT_EMAIL));
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

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A response with its status and body parsed as JSON (null when it is not JSON). */
  public record Reply(int status, String body, JsonNode json) {}

  public Reply get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
  }

  public Reply postJson(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  public Reply chat(String message, String lang) {
    try {
      String body = JSON.writeValueAsString(java.util.Map.of("message", message, "lang", lang));
      return postJson("/api/chat", body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = null;
      try {
        json = JSON.readTree(response.body());
      } catch (IOException notJson) {
        // some answers are not JSON; the test decides whether that matters
      }
      return new Reply(response.statusCode(), response.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.shutdown(server);
  }
}
