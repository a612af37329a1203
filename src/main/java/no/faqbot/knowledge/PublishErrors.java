package no.faqbot.knowledge;

import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/**
 * How a staff route refuses a publish that did not happen, the same on every route: a stale base
 * revision is 409 {@code stale_revision} (reload and retry), content with problems is 422 {@code
 * content_rejected} with each problem as {@code path:line: message}.
 */
public final class PublishErrors {
  private PublishErrors() {}

  /** {@code e} as the API's refusal. */
  public static ApiException of(StaleRevisionException e) {
    return new ApiException(
            ErrorCode.STALE_REVISION,
            "someone published a newer version meanwhile (revision "
                + e.newest()
                + "): reload the page, make the change again and retry")
        .with("newest", e.newest());
  }

  /** {@code e} as the API's refusal. */
  public static ApiException of(ContentRejectedException e) {
    return new ApiException(ErrorCode.CONTENT_REJECTED, e.getMessage())
        .with("problems", e.problems().stream().map(Object::toString).toList());
  }
}
