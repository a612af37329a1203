package no.faqbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Javalin server with the features' routes, body limits, and one place that turns every
 * failure into {@code {"error": ...}} with the right status: bad input is a 4xx, and a stack trace
 * never reaches the client.
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** JSON bodies are small; a larger one is refused before it is read. */
  public static final long MAX_JSON_BODY = 64 * 1024;

  /**
   * A JSON or form body arrives in milliseconds; one that takes longer is from a client we need not
   * wait for. The default of {@code OperationsSettings.bodyDeadline}.
   */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  private static final String REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  /** Multipart parts up to this size stay in memory; larger ones go to a temporary file. */
  public static final int IN_MEMORY_BYTES = 1024;

  private WebServer() {}

  /**
   * {@code threads}: the size of Jetty's pool, see {@link no.faqbot.config.Settings#threads()};
   * {@code uploadPaths}: routes that read multipart uploads themselves, off the HTTP pool (every
   * other body is read before its route runs, up to {@link #MAX_JSON_BODY}).
   */
  public static Javalin create(
      UploadLimits uploads,
      Cors cors,
      int threads,
      Set<String> uploadPaths,
      List<Routes> features) {
    return create(
        uploads, cors, threads, uploadPaths, features, RequestObserver.NONE, BODY_DEADLINE);
  }

  /**
   * Like {@link #create(UploadLimits, Cors, int, Set, List)}, telling {@code observer} of every
   * request, with JSON and form bodies due within {@code bodyDeadline} ({@link #BODY_DEADLINE} in
   * production; tests shorten it).
   */
  public static Javalin create(
      UploadLimits uploads,
      Cors cors,
      int threads,
      Set<String> uploadPaths,
      List<Routes> features,
      RequestObserver observer,
      Duration bodyDeadline) {
    // Jetty pads its queues to a cache line; told how many references fill one, it skips asking
    // the JMX platform server (which costs ~0.1 s to start). 16 fits compressed references; with
    // full-width ones it pads twice as much as needed, which is harmless.
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
    return Javalin.create(
        cfg -> {
          cfg.fileRenderer(new ThymeleafRenderer());
          cfg.routes.before(cors::apply);
          cfg.routes.options("/*", cors::preflight);
          cfg.jetty.multipartConfig.maxFileSize(uploads.maxFileBytes(), SizeUnit.BYTES);
          // Small parts only in memory: the support routes' screenshots go to their own folder
          // (UploadFolder).
          cfg.jetty.multipartConfig.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
          cfg.jetty.multipartConfig.maxTotalRequestSize(uploads.maxBodyBytes(), SizeUnit.BYTES);
          QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 8));
          pool.setName("faqbot-http");
          cfg.jetty.threadPool = pool;
          cfg.jetty.modifyServer(
              server -> {
                // Outermost first: tracking sees every request, also those BodyFirst refuses.
                server.insertHandler(new RequestTracking.InContext());
                server.insertHandler(
                    BodyFirst.handler(
                        new BodyRules(MAX_JSON_BODY, bodyDeadline, 0, Duration.ZERO),
                        uploads,
                        uploadPaths));
                server.insertHandler(new RequestTracking(observer));
                server.setErrorHandler(new JettyErrors());
              });
          cfg.requestLogger.http((ctx, ms) -> RequestTracking.matched(ctx));
          cfg.startup.showJavalinBanner = false;
          cfg.startup.showOldJavalinVersionWarning = false;
          cfg.http.maxRequestSize = MAX_JSON_BODY;
          cfg.http.defaultContentType = "application/json";
          cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
          cfg.router.ignoreTrailingSlashes = true;
          cfg.http.prefer405over404 = true;
          new SecurityHeaders().addTo(cfg.routes);
          new StaticAssets().addTo(cfg.routes);
          for (Routes feature : features) {
            feature.addTo(cfg.routes);
          }
          cfg.routes.exception(ApiException.class, (e, ctx) -> e.answer(ctx));
          cfg.routes.exception(HttpResponseException.class, WebServer::httpError);
          cfg.routes.exception(
              JsonProcessingException.class,
              (e, ctx) ->
                  new ApiException(
                          ErrorCode.INVALID_JSON, "invalid JSON: " + e.getOriginalMessage())
                      .answer(ctx));
          // Anything else is a bug (an IllegalArgumentException too: input a route refuses is an
          // ApiException), or one of the few failures below that are not.
          cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, uploads));
          cfg.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  notFound(ctx).answer(ctx);
                }
              });
          cfg.routes.error(
              405,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  new ApiException(
                          ErrorCode.METHOD_NOT_ALLOWED,
                          "method " + ctx.method() + " not allowed on " + ctx.path())
                      .answer(ctx);
                }
              });
        });
  }

  /**
   * Javalin's own answers, as {@code {"error", "code"}}. A wrong method gets 405 with {@code
   * Allow}; OPTIONS alone does not count, since the CORS preflight answers it on every path.
   */
  private static void httpError(HttpResponseException e, Context ctx) {
    if (e.getStatus() != 405) {
      ApiException.ofStatus(e.getStatus(), e.getMessage()).answer(ctx);
      return;
    }
    String available =
        e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
    List<String> methods =
        available == null
            ? List.of()
            : Arrays.stream(available.split(","))
                .map(String::strip)
                .filter(m -> !m.isEmpty() && !m.equals("OPTIONS"))
                .toList();
    if (methods.isEmpty()) {
      notFound(ctx).answer(ctx);
      return;
    }
    new ApiException(
            ErrorCode.METHOD_NOT_ALLOWED,
            "method "
                + ctx.method()
                + " not allowed on "
                + ctx.path()
                + "; use "
                + String.join(" or ", methods))
        .header("Allow", String.join(", ", methods) + ", OPTIONS")
        .answer(ctx);
  }

  private static ApiException notFound(Context ctx) {
    return new ApiException(ErrorCode.NOT_FOUND, "not found: " + ctx.path());
  }

  /**
   * What is not an {@link ApiException}: a multipart body Jetty could not take, the store away, a
   * client gone, or else a bug, logged with its stack trace and answered 500 without it.
   */
  private static void unexpected(Exception e, Context ctx, UploadLimits uploads) {
    // Jetty reports oversized or broken multipart bodies as wrapped exceptions: still bad input.
    if (causeMessage(e, "size exceeded") != null) {
      new ApiException(ErrorCode.FILE_TOO_LARGE, uploads.tooLarge().get()).answer(ctx);
      return;
    }
    if (causeMessage(e, "multipart") != null || causeMessage(e, "Multipart") != null) {
      new ApiException(ErrorCode.BAD_REQUEST, "the multipart/form-data body could not be read")
          .answer(ctx);
      return;
    }
    if (cause(e, SQLException.class)) {
      // The store is away or failing: a plain 503. The store says so once in the log when it goes
      // away; a line per request would flood it.
      LOG.debug("{}: the store failed: {}", ctx.path(), e.toString());
      new ApiException(
              ErrorCode.SERVICE_UNAVAILABLE,
              "the event store is not reachable right now; try again shortly")
          .header("Retry-After", "10")
          .answer(ctx);
      return;
    }
    String request = describe(ctx);
    if (request == null) {
      LOG.warn("Unexpected error after the request was let go; nobody to answer", e);
      return;
    }
    if (clientGone(e)) {
      // Nobody is left to read an answer; a stack trace per hang-up would only flood the log.
      LOG.info("Client hung up during {}", request);
      new ApiException(ErrorCode.BAD_REQUEST, "the request body could not be read").answer(ctx);
      return;
    }
    LOG.error("Unexpected error on {}", request, e);
    new ApiException(ErrorCode.INTERNAL, "internal error; it has been logged").answer(ctx);
  }

  /**
   * The id of the request {@code ctx} answers, as sent in {@code X-Request-Id} and logged: for a
   * support e-mail, so staff can find the request in the log.
   */
  public static String requestId(Context ctx) {
    return RequestTracking.requestId(ctx);
  }

  /** Whether the client hung up while its request was read. */
  private static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EofException
          || (t.getMessage() != null && t.getMessage().contains("Early EOF"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} or one of its causes is a {@code type}. */
  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The message of the first cause that mentions {@code text}, or null. */
  private static String causeMessage(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return t.getMessage();
      }
    }
    return null;
  }

  /**
   * Method and path of the request, or null when Jetty has already recycled it (work that ended
   * after the server stopped): then there is no response left to write to.
   */
  private static String describe(Context ctx) {
    try {
      return ctx.method() + " " + ctx.path();
    } catch (RuntimeException gone) {
      return null;
    }
  }
}
