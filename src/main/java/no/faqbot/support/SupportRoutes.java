package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.mail.MessagingException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Json;
import no.faqbot.web.Routes;
import no.faqbot.web.UploadLimits;
import no.faqbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/support-email}: the prepared e-mail as a {@code .eml} download, or its preview
 * with {@code ?format=json}; {@code POST /api/support-email/send} sends it when SMTP is configured.
 */
public final class SupportRoutes implements Routes {
  private static final Logger LOG = LoggerFactory.getLogger(SupportRoutes.class);
  private static final ObjectMapper JSON = Json.mapper();

  /**
   * The request attribute Jetty reads multipart limits from (Javalin sets its own only when
   * absent).
   */
  private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private static final String PARTS_READ = "faqbot.supportPartsRead";

  private static final String PREPARE = "/api/support-email";
  private static final String SEND = "/api/support-email/send";

  /** The routes that read multipart uploads themselves (on {@code slowWork}, not the HTTP pool). */
  public static final Set<String> UPLOAD_PATHS = Set.of(PREPARE, SEND);

  /** Longest a support request may take, upload and SMTP conversation included. */
  private static final long TIMEOUT_MS = 5 * 60 * 1000;

  /**
   * Support e-mails with screenshots read and written at once: at most half the cores, so chat
   * keeps the rest; more wait up to a minute for their turn, then get a 503.
   */
  private static final int TURNS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  private static final long TURN_WAIT_MS = 60_000;

  private final SupportService support;
  private final KnowledgeBase knowledge;
  private final CaseDesk desk;
  private final ExecutorService slowWork;
  private final UploadFolder uploads;
  private final UploadTurns turns = new UploadTurns(TURNS, TURN_WAIT_MS);
  private final Consumer<SupportCase> cases;

  /**
   * @param slowWork runs these requests: reading a merchant's screenshots over a slow line and
   *     talking to an SMTP server can take many seconds, which must not hold the few HTTP threads
   *     that answer chat messages
   * @param uploads where screenshots wait while a request is answered
   * @param desk keeps each request as a case and delivers it
   * @param cases is told of each e-mail prepared or sent (for insights); it must return at once
   */
  public SupportRoutes(
      SupportService support,
      KnowledgeBase knowledge,
      CaseDesk desk,
      ExecutorService slowWork,
      UploadFolder uploads,
      Consumer<SupportCase> cases) {
    this.cases = cases;
    this.support = support;
    this.knowledge = knowledge;
    this.desk = desk;
    this.slowWork = slowWork;
    this.uploads = uploads;
  }

  /** The server's multipart limits for screenshots, and what a client sending more is told. */
  public static UploadLimits uploadLimits(SupportLimits limits) {
    return uploadLimits(limits, ClientAddress.direct(), UploadFolder.systemTemp());
  }

  /**
   * The same, with each client's requests in flight counted by {@code clients}, and bodies waiting
   * in {@code spool} while they arrive.
   */
  public static UploadLimits uploadLimits(
      SupportLimits limits, ClientAddress clients, java.nio.file.Path spool) {
    return new UploadLimits(
        limits.maxFileBytes(),
        limits.maxFiles(),
        () ->
            "upload too large: each screenshot may be"
                + " at most "
                + limits.maxFileBytes() / 1024
                + " KB and at most "
                + limits.maxFiles()
                + " files",
        UploadLimits.DEADLINE,
        UploadLimits.MIN_BYTES_PER_SECOND,
        UploadLimits.GRACE,
        limits.perClient(),
        clients,
        spool);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PREPARE, ctx -> offThePool(ctx, this::prepare));
    routes.post(SEND, ctx -> offThePool(ctx, this::send));
    routes.get(
        "/api/support-email/config",
        ctx ->
            ctx.json(
                Map.of(
                    "canSend", desk.canDeliver(),
                    "maxFiles", support.limits().maxFiles(),
                    "maxFileBytes", support.limits().maxFileBytes(),
                    "types", Arrays.stream(ImageType.values()).map(ImageType::contentType).toList(),
                    "fields",
                        Arrays.stream(SupportField.values())
                            .map(SupportField::describe)
                            .toList())));
  }

  /** A request's work, done off the HTTP pool: returns how to answer instead of writing at once. */
  private interface Work {
    Consumer<Context> answer(Context ctx) throws Exception;
  }

  /**
   * Runs {@code work} on the slow-work threads and answers once: with its result, or with a 503 at
   * the timeout, whichever comes first. Work that ends after the server let the exchange go (Jetty
   * recycles the response when it stops) is logged and dropped: neither it nor Javalin's steps
   * after a handler may touch a response that no longer exists, so the request is left unfinished.
   */
  private void offThePool(Context ctx, Work work) {
    ctx.future(
        () -> {
          Exchange exchange = new Exchange(ctx);
          try {
            slowWork.execute(() -> withUploads(ctx, work, exchange));
          } catch (RejectedExecutionException e) {
            exchange.fail(e); // shutting down
          }
          return exchange.done;
        });
  }

  /**
   * Does {@code work} under the upload rules: the route's multipart limits with screenshots spooled
   * to the private folder, a turn for large requests (reading 25 MB of parts and writing them out
   * again is CPU work: one at a time per two cores keeps chat fast; a slow uploader therefore
   * delays other large uploads, which get a 503 after a minute, never chat), and the request's
   * files deleted when it is answered.
   */
  private void withUploads(Context ctx, Work work, Exchange exchange) {
    boolean turn = false;
    try {
      if (ctx.isMultipartFormData()) {
        ctx.req()
            .setAttribute(
                MULTIPART_CONFIG, uploads.multipart(support.limits(), WebServer.MAX_JSON_BODY));
        // Reading and writing 25 MB is CPU work on a fast line: large requests take turns.
        if (UploadTurns.isLarge(ctx.req().getContentLengthLong())) {
          turn = turns.enter();
          if (!turn) {
            exchange.answer(
                c -> {
                  new ApiException(
                          ErrorCode.SERVICE_UNAVAILABLE,
                          "many support e-mails with screenshots are being prepared right now; "
                              + "try again in a minute")
                      .header("Retry-After", String.valueOf(turns.waitSeconds()))
                      .answer(c);
                });
            return;
          }
        }
      }
      exchange.answer(work.answer(ctx));
    } catch (Exception e) {
      exchange.fail(e);
    } finally {
      if (turn) {
        turns.leave();
      }
      deleteUploads(ctx);
    }
  }

  /**
   * Jetty deletes a request's files when it completes; doing it here as well keeps none past the
   * answer. Only when the body was read: asking for the parts of an unread one would read it now.
   */
  private static void deleteUploads(Context ctx) {
    try {
      if (ctx.attribute(PARTS_READ) == null) {
        return;
      }
      for (Part part : ctx.req().getParts()) {
        part.delete();
      }
    } catch (IOException | ServletException | RuntimeException e) {
      // An unreadable body kept nothing; a request Jetty already let go had its files deleted by
      // Jetty.
      LOG.debug("Uploads not deleted here: {}", e.toString());
    }
  }

  /**
   * One request handled off the pool; answered at most once, and not at all once the server let it
   * go.
   */
  private static final class Exchange {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Context ctx;
    private final AtomicBoolean over = new AtomicBoolean();

    /**
     * Answers 503 unless the request ends first (then it is cancelled, and nothing waits for it).
     */
    private final CompletableFuture<Void> timeout =
        new CompletableFuture<Void>().completeOnTimeout(null, TIMEOUT_MS, TimeUnit.MILLISECONDS);

    Exchange(Context ctx) {
      this.ctx = ctx;
      AsyncContext async = ctx.req().getAsyncContext();
      async.setTimeout(0); // the timeout below decides
      async.addListener(
          new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
              end();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
              end();
            }

            @Override
            public void onError(AsyncEvent event) {
              end();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
          });
      timeout.thenRun(
          () ->
              answer(
                  new ApiException(
                          ErrorCode.SERVICE_UNAVAILABLE,
                          "preparing the support e-mail took too long; try again, or with fewer or"
                              + " smaller screenshots")
                      ::answer));
      done.whenComplete((ok, failed) -> timeout.cancel(false));
    }

    /**
     * Jetty let the request go (answered, or the server stopped): nothing may be written any more.
     */
    private void end() {
      over.set(true);
      timeout.cancel(false);
    }

    void answer(Consumer<Context> answer) {
      if (!over.compareAndSet(false, true)) {
        LOG.info("A support request finished after it was answered or let go; not answered again");
        return;
      }
      try {
        answer.accept(ctx);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }

    void fail(Exception e) {
      if (over.compareAndSet(false, true)) {
        done.completeExceptionally(e); // the server's error handlers answer it
      } else {
        LOG.info("A support request failed after it was answered or let go: {}", e.toString());
      }
    }
  }

  private SupportEmailBuilder.Built build(Context ctx) throws IOException {
    if (!ctx.isMultipartFormData()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "send multipart/form-data with the fields and up to "
              + support.limits().maxFiles()
              + " files named 'screenshots'");
    }
    ctx.attribute(PARTS_READ, true);
    Map<String, String> fields = new LinkedHashMap<>();
    for (SupportField field : SupportField.values()) {
      fields.put(field.param(), ctx.formParam(field.param()));
    }
    String stateText = ctx.formParam("state");
    JsonNode state = stateText == null || stateText.isBlank() ? null : parseState(stateText);
    List<SupportService.Upload> files = new ArrayList<>();
    for (UploadedFile f : ctx.uploadedFiles("screenshots")) {
      files.add(new SupportService.Upload(f.filename(), f.size(), f::content));
    }
    List<String> context = ctx.formParams("context");
    String requestId = WebServer.requestId(ctx);
    return desk.open(
        ctx.formParam("caseRef"),
        ctx.formParam("conversation"),
        ref ->
            SupportEmailBuilder.withRequestId(
                refusals(
                    () ->
                        support.prepare(
                            ctx.formParam("lang"),
                            fields,
                            state,
                            context,
                            files,
                            knowledge.current().content(),
                            ref)),
                requestId));
  }

  /**
   * What the service refuses is the client's to fix: an upload with the status and code it names,
   * anything else it refuses (fields, state, language) as 400 {@code bad_request}.
   */
  private static <T> T refusals(Supplier<T> service) {
    try {
      return service.get();
    } catch (UploadException e) {
      throw new ApiException(uploadCode(e.status()), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
    }
  }

  private Consumer<Context> prepare(Context ctx) throws IOException {
    long started = System.nanoTime();
    SupportEmailBuilder.Built built = build(ctx);
    cases.accept(supportCase(ctx, built, false));
    if ("json".equals(ctx.queryParam("format"))) {
      SupportEmail e = built.preview();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("to", e.to());
      body.put("replyTo", e.replyTo());
      body.put("subject", e.subject());
      body.put("body", e.body());
      body.put("attachments", e.attachments());
      body.put("mailto", SupportEmailBuilder.mailto(e));
      body.put("caseRef", e.caseRef());
      body.put("legacyEid", e.legacyEid());
      body.put("redacted", !e.redacted().isEmpty());
      body.put("redactions", e.redacted());
      String timing = serverTiming(started);
      return c -> c.header("Server-Timing", timing).json(body);
    }
    String timing = serverTiming(started);
    // Streamed: the screenshots go from their files to the client, base64-encoded on the way.
    return c -> {
      c.contentType("message/rfc822");
      c.header(
          "Content-Disposition",
          "attachment; filename=\"support-" + built.preview().caseRef() + ".eml\"");
      c.header("X-Faqbot-Redacted", String.valueOf(!built.preview().redacted().isEmpty()));
      c.header("Server-Timing", timing);
      try (OutputStream out = c.outputStream()) {
        built.message().writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MessagingException e) {
        throw new IllegalStateException("writing the e-mail failed", e);
      }
    };
  }

  private Consumer<Context> send(Context ctx) throws IOException {
    if (!desk.canDeliver()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "this server does not deliver cases (neither FAQBOT_HELPDESK nor FAQBOT_SMTP_HOST is"
              + " set): download the .eml instead");
    }
    SupportEmailBuilder.Built built = build(ctx);
    CaseDesk.Delivery delivery = desk.deliver(built);
    SupportEmail sent = built.preview();
    if (!delivery.delivered() && !delivery.queued()) {
      return new ApiException(
              ErrorCode.BAD_GATEWAY,
              "the mail server did not accept the e-mail; download the .eml and send it yourself")
          ::answer;
    }
    cases.accept(supportCase(ctx, built, true));
    LOG.info(
        "Support case {} {} by {} ({} attachment(s))",
        sent.caseRef(),
        delivery.delivered() ? "delivered" : "queued",
        delivery.channel(),
        sent.attachments().size());
    return c -> c.status(delivery.delivered() ? 200 : 202).json(delivery.answer(sent));
  }

  /** The stable code for a refused upload, by the status {@link UploadException} carries. */
  private static ErrorCode uploadCode(int status) {
    return switch (status) {
      case 400 -> ErrorCode.TOO_MANY_FILES;
      case 413 -> ErrorCode.FILE_TOO_LARGE;
      case 415 -> ErrorCode.NOT_AN_IMAGE;
      default -> ErrorCode.forStatus(status);
    };
  }

  private static SupportCase supportCase(
      Context ctx, SupportEmailBuilder.Built built, boolean sent) {
    SupportRequest r = built.request();
    return new SupportCase(
        ctx.formParam("conversation"),
        r.lang(),
        built.preview().caseRef(),
        r.problem(),
        r.errorCode(),
        sent);
  }

  /** How long building took on the server (reading the upload, checks, MIME), for the benchmark. */
  private static String serverTiming(long started) {
    return String.format(Locale.ROOT, "build;dur=%.2f", (System.nanoTime() - started) / 1e6);
  }

  private static JsonNode parseState(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "state must be the JSON object from the last chat reply");
    }
  }
}
