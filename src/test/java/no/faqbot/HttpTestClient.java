package no.faqbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import no.faqbot.TestServer.Reply;

/**
 * Requests to a test's server: what server tests used to write again each (JSON posts, a chat
 * message, the staff login's {@code Authorization} header).
 */
public abstract class HttpTestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code Authorization} for {@link TestSettings#staff()}. */
  public static final String STAFF_BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (TestSettings.STAFF_USER + ":" + TestSettings.STAFF_PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** {@code http://127.0.0.1:<port>} */
  public abstract String base();

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A request to {@code pathAndQuery} on this server, to add to. */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base() + pathAndQuery));
  }

  public Reply get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  public Reply postJson(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  public Reply chat(String message, String lang) {
    try {
      return postJson(
          "/api/chat", JSON.writeValueAsString(Map.of("message", message, "lang", lang)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET as the staff login of {@link TestSettings#staff()}. */
  public Reply staffGet(String pathAndQuery) {
    return send(request(pathAndQuery).header("Authorization", STAFF_BASIC).GET().build());
  }

  /** {@code method} with a JSON body (none when null) as the staff login. */
  public Reply staffSend(String method, String path, String json) {
    HttpRequest.Builder b = request(path).header("Authorization", STAFF_BASIC);
    return send(
        (json == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)))
            .build());
  }

  /** Sends {@code request} (redirects are not followed) and reads the body as text. */
  public HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code request}; the reply's body parsed as JSON when it is JSON. */
  public Reply send(HttpRequest request) {
    HttpResponse<String> response = exchange(request);
    JsonNode json = null;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException notJson) {
      // some answers are not JSON; the test decides whether that matters
    }
    return new Reply(response.statusCode(), response.body(), json);
  }
}
