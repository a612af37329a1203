package no.faqbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a JSON request body strictly: only {@code Content-Type: application/json} (another site's
 * plain form post, which browsers send without asking, is refused with 415), and only one JSON
 * value with nothing after it.
 */
public final class JsonBody {
  private static final ObjectMapper JSON = Json.mapper();

  private JsonBody() {}

  /**
   * The body as a tree; 415 for another content type, 400 ({@code invalid_json}) for broken or
   * trailing JSON.
   */
  public static JsonNode read(Context ctx) throws IOException {
    requireJson(ctx);
    return JSON.readTree(ctx.bodyAsBytes());
  }

  /** Refuses with 415 unless the request says its body is {@code application/json}. */
  public static void requireJson(Context ctx) {
    if (!isJson(ctx.header("Content-Type"))) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send the body as JSON with Content-Type: application/json");
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mime =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return mime.equals("application/json");
  }
}
