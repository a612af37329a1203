package no.faqbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JSON request body strictly: only {@code Content-Type: application/json} (another site's
 * plain form post, which browsers send without asking, is refused with 415), and only one JSON
 * value with nothing after it.
 */
public final class JsonBody {
  private static final ObjectMapper JSON = Json.mapper();

  /**
   * Binds bodies to records without guessing: {@code "true"} is no boolean and {@code 5} no string,
   * as when the routes read the tree by hand.
   */
  private static final ObjectMapper STRICT = strict();

  private JsonBody() {}

  private static ObjectMapper strict() {
    ObjectMapper mapper = Json.mapper();
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    for (CoercionInputShape shape :
        List.of(
            CoercionInputShape.Integer,
            CoercionInputShape.Float,
            CoercionInputShape.String,
            CoercionInputShape.EmptyString)) {
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /**
   * The body bound to the record {@code type}; 415 and {@code invalid_json} as {@link #read}, and
   * 400 ({@code bad_request}) for anything but a JSON object ({@code shape} says what to send) or a
   * field of the wrong type. Fields left out are null: the record checks what it needs.
   */
  public static <T extends Record> T read(Context ctx, Class<T> type, String shape)
      throws IOException {
    JsonNode body = read(ctx);
    if (body == null || !body.isObject()) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "send " + shape);
    }
    try {
      return STRICT.treeToValue(body, type);
    } catch (MismatchedInputException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, wrongType(e));
    }
  }

  /** {@code 'helpful' must be true or false}, from where binding stopped. */
  private static String wrongType(MismatchedInputException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .reduce((a, b) -> a + "." + b)
            .orElse("the body");
    Class<?> target = e.getTargetType();
    String expected;
    if (target == null) {
      expected = "of another type";
    } else if (target == String.class) {
      expected = "a string";
    } else if (target == Boolean.class || target == boolean.class) {
      expected = "true or false";
    } else if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      expected = "a number";
    } else if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
      expected = "an object";
    } else if (java.util.Collection.class.isAssignableFrom(target)) {
      expected = "a list";
    } else {
      expected = "of another type";
    }
    return "'" + field + "' must be " + expected;
  }

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
