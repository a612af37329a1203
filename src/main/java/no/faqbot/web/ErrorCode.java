package no.faqbot.web;

import java.util.Locale;

/**
 * Every {@code code} an error answer can carry, with its HTTP status and what it means. Clients
 * branch on the code, so its text never changes; the README's table of codes is rendered from this
 * list ({@link #table()}, checked by {@code ErrorCodeTableTest}).
 */
public enum ErrorCode {
  BAD_REQUEST(400, "a missing or bad parameter or field"),
  INVALID_JSON(400, "a body that is not one JSON value (broken, or followed by anything)"),
  STATE_INVALID(
      400,
      "a chat `state` that was changed or forged, or has expired: start again (a flow changed"
          + " since the state was made is no error: it continues on its earlier version, or gets"
          + " the `flow_changed` reply)"),
  FIELD_INVALID(400, "a flow form value that does not fit (details in `fieldErrors`)"),
  PHRASING_REFUSED(
      400,
      "a phrasing staff add to an entry (JSON) that holds a secret, a redaction marker or"
          + " another language"),
  TOO_MANY_FILES(400, "a support e-mail with more screenshots than allowed"),
  UNAUTHORIZED(
      401,
      "staff routes without a login ([docs/staff.md](docs/staff.md)), or `/metrics` without its"
          + " token"),
  FORBIDDEN(403, "staff routes without the CSRF token or the role the route needs"),
  NOT_FOUND(404, "no such route or entry"),
  METHOD_NOT_ALLOWED(
      405, "a route that exists, with another method; `Allow` lists the" + " right ones"),
  REQUEST_TIMEOUT(
      408,
      "a request body that did not arrive within 10 seconds; a support e-mail's upload that did"
          + " not arrive within 4 minutes, or slower than 8 KB/s on average after its first 10"
          + " seconds"),
  CONFLICT(409, "sending e-mail on a server without SMTP or a helpdesk"),
  STALE_REVISION(
      409,
      "a content change (add as alternative, the editor's publish, `faqbot content publish`)"
          + " made on an older revision than the newest, or on content that changed meanwhile:"
          + " reload, make the change again and retry"),
  PAYLOAD_TOO_LARGE(413, "a message over 2,000 characters, or a JSON/form body over 64 KB"),
  FILE_TOO_LARGE(413, "a support e-mail screenshot, or all of them, over the size limit"),
  URI_TOO_LONG(414, "raised by Jetty before routing"),
  UNSUPPORTED_MEDIA_TYPE(
      415,
      "a JSON route (`/api/chat`, `/api/feedback`) sent anything but `Content-Type:"
          + " application/json`"),
  NOT_AN_IMAGE(415, "a support e-mail screenshot that is not PNG, JPEG, GIF or WebP"),
  CONTENT_REJECTED(
      422,
      "a content change that would bring problems: nothing was published; `problems` lists them"
          + " as `path:line: message`"),
  RATE_LIMITED(
      429,
      "a client over its limit (see `FAQBOT_LIMIT_*`); `Retry-After` says how many seconds to"
          + " wait"),
  HEADERS_TOO_LARGE(431, "raised by Jetty before routing"),
  INTERNAL(500, "a bug: logged on the server with its stack trace; the client gets no details"),
  BAD_GATEWAY(502, "the mail server refused the support e-mail"),
  SERVICE_UNAVAILABLE(
      503,
      "a support e-mail took too long, too many staff passwords being checked at once"
          + " (`Retry-After: 1`), the store not reachable, or the server still starting");

  private final String code;
  private final int status;
  private final String meaning;

  ErrorCode(int status, String meaning) {
    this.code = name().toLowerCase(Locale.ROOT);
    this.status = status;
    this.meaning = meaning;
  }

  /**
   * The stable text clients see in {@code code}: the constant's name in lower case, so renaming a
   * constant changes what clients see.
   */
  public String code() {
    return code;
  }

  /** The HTTP status it is answered with. */
  public int status() {
    return status;
  }

  /** When it is answered, for people (the README's table). */
  public String meaning() {
    return meaning;
  }

  /**
   * The code for a status when nothing more specific is known (Javalin's and Jetty's own refusals):
   * a status without a code of its own is {@code internal} from 500 up, else {@code bad_request}.
   */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 408 -> REQUEST_TIMEOUT;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 431 -> HEADERS_TOO_LARGE;
      case 502 -> BAD_GATEWAY;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : BAD_REQUEST;
    };
  }

  /** The README's table of codes, as Markdown: one row per code, in this order. */
  public static String table() {
    StringBuilder table = new StringBuilder("| code | status | when |\n|---|---|---|\n");
    for (ErrorCode c : values()) {
      table
          .append("| `")
          .append(c.code)
          .append("` | ")
          .append(c.status)
          .append(" | ")
          .append(c.meaning)
          .append(" |\n");
    }
    return table.toString();
  }
}
