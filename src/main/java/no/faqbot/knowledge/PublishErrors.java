package no.faqbot.knowledge;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a staff route answers a publish that did not happen, the same on every route: a stale base
 * revision is 409 {@code stale_revision} (reload and retry), content with problems is 422 {@code
 * content_rejected} with each problem as {@code path:line: message}.
 */
public final class PublishErrors {
  private PublishErrors() {}

  /** Answers {@code e} as JSON. */
  public static void answer(Context ctx, StaleRevisionException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "error",
        "someone published a newer version meanwhile (revision "
            + e.newest()
            + "): reload the page, make the change again and retry");
    body.put("code", "stale_revision");
    body.put("newest", e.newest());
    ctx.status(HttpStatus.CONFLICT).json(body);
  }

  /** Answers {@code e} as JSON. */
  public static void answer(Context ctx, ContentRejectedException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.put("code", "content_rejected");
    body.put("problems", e.problems().stream().map(Object::toString).toList());
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(body);
  }
}
