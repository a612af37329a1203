package no.faqbot.web;

/**
 * The body of every error answer: {@code {"error": "<message for people>", "code": "<stable
 * code>"}}. Clients branch on {@code code}; the message may change wording.
 */
public record ApiError(String error, String code) {
  /** The code for a status when the route knows nothing more specific. */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 431 -> "headers_too_large";
      case 502 -> "bad_gateway";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "internal" : "bad_request";
    };
  }
}
