package no.faqbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way a request is refused: thrown anywhere on a request's path and answered by {@link
 * WebServer} as {@code {"error": "<message for people>", "code": "<stable code>", ...details}} with
 * the code's status and any headers (such as {@code Retry-After}) it carries. Anything else thrown
 * is a bug: a 500.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int status;
  private final LinkedHashMap<String, Object> details = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> headers = new LinkedHashMap<>();

  /** {@code message} is for people; blank means the status's own words. */
  public ApiException(ErrorCode code, String message) {
    this(code, code.status(), message);
  }

  private ApiException(ErrorCode code, int status, String message) {
    // A refusal is no failure of ours: no stack trace to fill in or log.
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /**
   * A status Javalin or Jetty chose, with the usual code for it ({@link ErrorCode#forStatus}); the
   * status stays as it is, also one without a code of its own.
   */
  static ApiException ofStatus(int status, String message) {
    return new ApiException(ErrorCode.forStatus(status), status, message);
  }

  /**
   * Runs {@code parse} over something the client sent; an {@link IllegalArgumentException} it
   * throws is the client's mistake, answered as 400 {@code bad_request} with its message. Only for
   * parsers of input: elsewhere that exception is a bug.
   */
  public static <T> T parse(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException bad) {
      throw new ApiException(ErrorCode.BAD_REQUEST, bad.getMessage());
    }
  }

  /** Adds a field to the answer after {@code error} and {@code code}. */
  public ApiException with(String field, Object value) {
    details.put(field, value);
    return this;
  }

  /** Adds a header to the answer. */
  public ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The answer's body: {@code error}, {@code code}, then the details in the order added. */
  public Map<String, Object> body() {
    return body(status, getMessage(), code, details);
  }

  static Map<String, Object> body(
      int status, String message, ErrorCode code, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "error",
        message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message);
    body.put("code", code.code());
    body.putAll(details);
    return body;
  }

  /**
   * Writes the answer; for code that answers outside the route's thread (where a throw would reach
   * no handler), else throw it.
   */
  public void answer(Context ctx) {
    headers.forEach(ctx::header);
    ctx.status(HttpStatus.forStatus(status)).json(body());
  }
}
