package no.faqbot.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The outermost handler: gives every request an id (sent back in {@code X-Request-Id}, in the
 * logging context as {@code requestId}, and to routes through {@link #requestId(Context)}), turns a
 * method outside {@link HttpMethods} into {@code OTHER} before anything routes on it, and tells the
 * {@link RequestObserver} once the answer is written: also for requests refused before a route ran.
 */
final class RequestTracking extends Handler.Wrapper {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = "faqbot.tracked";

  /** An id a proxy in front may pass on; anything else is replaced by one of ours. */
  private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private final RequestObserver observer;

  RequestTracking(RequestObserver observer) {
    this.observer = observer;
  }

  /** What is known of one request while it is answered; the route is set once it is matched. */
  static final class Tracked {
    final String id;
    final String method;
    final long started = System.nanoTime();
    volatile String route = "unmatched";

    Tracked(String id, String method) {
      this.id = id;
      this.method = method;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String given = request.getHeaders().get(HEADER);
    String id = given != null && GIVEN_ID.matcher(given).matches() ? given : newId();
    String method = HttpMethods.normalize(request.getMethod());
    Tracked tracked = new Tracked(id, method);
    Request tracking = method.equals(request.getMethod()) ? request : new Renamed(request, method);
    tracking.setAttribute(ATTRIBUTE, tracked);
    response.getHeaders().put(HEADER, id);
    Callback observed =
        new Callback.Nested(callback) {
          @Override
          public void completed() {
            observe(tracked, Request.getPathInContext(request), response.getStatus());
          }
        };
    MDC.put(MDC_KEY, id);
    try {
      if (super.handle(tracking, response, observed)) {
        return true;
      }
    } finally {
      MDC.remove(MDC_KEY);
    }
    observe(tracked, Request.getPathInContext(request), 404); // Jetty answers it
    return false;
  }

  private void observe(Tracked tracked, String path, int status) {
    observer.done(
        new RequestObserver.Exchange(
            tracked.method,
            tracked.route,
            path,
            status,
            System.nanoTime() - tracked.started,
            tracked.id));
  }

  /**
   * Records the route Javalin matched: the endpoint's path template, else the last path-specific
   * before-handler's (a limit's 429 or a login's 401 happen before the endpoint runs), all of them
   * templates written in the code, so the set of routes is bounded.
   */
  static void matched(Context ctx) {
    Tracked t = of(ctx);
    if (t == null) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      t.route = endpoint.path;
      return;
    }
    List<Endpoint> visited = ctx.endpoints().list();
    for (int i = visited.size() - 1; i >= 0; i--) {
      String path = visited.get(i).path;
      if (!path.equals("*") && !path.equals("/*")) {
        t.route = path;
        return;
      }
    }
  }

  /** The request's tracking record, or null outside a tracked request. */
  static Tracked of(Context ctx) {
    return ctx.req().getAttribute(ATTRIBUTE) instanceof Tracked t ? t : null;
  }

  /** The id of the request {@code ctx} answers, as sent in {@code X-Request-Id}. */
  static String requestId(Context ctx) {
    Tracked t = of(ctx);
    return t == null ? "" : t.id;
  }

  private static String newId() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  /** Keeps the logging context's request id around the rest of the chain on whichever thread. */
  static final class InContext extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Object tracked = request.getAttribute(ATTRIBUTE);
      if (!(tracked instanceof Tracked t)) {
        return super.handle(request, response, callback);
      }
      MDC.put(MDC_KEY, t.id);
      try {
        return super.handle(request, response, callback);
      } finally {
        MDC.remove(MDC_KEY);
      }
    }
  }

  /** A request whose method is shown as {@code OTHER}. */
  private static final class Renamed extends Request.Wrapper {
    private final String method;

    Renamed(Request wrapped, String method) {
      super(wrapped);
      this.method = method;
    }

    @Override
    public String getMethod() {
      return method;
    }
  }
}
