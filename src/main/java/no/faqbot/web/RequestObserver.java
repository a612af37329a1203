package no.faqbot.web;

/**
 * Told of every request once it is answered, also those refused before a route ran (a body too
 * large or too slow): for metrics and the request log, which this package does not know.
 */
public interface RequestObserver {
  RequestObserver NONE = exchange -> {};

  void done(Exchange exchange);

  /**
   * One answered request.
   *
   * @param method one of {@link HttpMethods}' known methods or {@code OTHER}
   * @param route the matched path template (never the raw path), or {@code unmatched}
   * @param path the raw path, without the query string; the client's to choose, so cut before use
   * @param requestId the id also sent back in {@code X-Request-Id}
   */
  record Exchange(
      String method, String route, String path, int status, long nanos, String requestId) {}
}
