package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.mail.MessagingException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import no.faqbot.search.KnowledgeBase;
import no.faqbot.web.ApiError;
import no.faqbot.web.Json;
import no.faqbot.web.Routes;
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
  /** The request attribute Jetty reads multipart limits from (Javalin sets its own only when absent). */
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
  private final SmtpMailer mailer;
  private final ExecutorService slowWork;
  private final UploadFolder uploads;
  private final UploadTurns turns = new UploadTurns(TURNS, TURN_WAIT_MS);

  /**
   * @param slowWork runs these requests: reading a merchant's screenshots over a slow line and
   *     talking to an SMTP server can take many seconds, which must not hold the few HTTP threads
   *     that answer chat messages
   * @param uploads where screenshots wait while a request is answered
   */
  public SupportRoutes(SupportService support, KnowledgeBase knowledge, SmtpMailer mailer, ExecutorService slowWork,
      UploadFolder uploads) {
    this.support = support;
    this.knowledge = knowledge;
    this.mailer = mailer;
    this.slowWork = slowWork;
    this.uploads = uploads;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PREPARE, ctx -> offThePool(ctx, this::prepare));
    routes.post(SEND, ctx -> offThePool(ctx, this::send));
    routes.get("/api/support-email/config", ctx -> ctx.json(Map.of(
        "canSend", mailer != null,
        "maxFiles", support.limits().maxFiles(),
        "maxFileBytes", support.limits().maxFileBytes(),
        "types", List.of("image/png", "image/jpeg", "image/gif", "image/webp"))));
  }

  private void offThePool(Context ctx, io.javalin.http.Handler handler) {
    ctx.async(task -> {
      task.executor = slowWork;
      task.timeout = TIMEOUT_MS;
      task.onTimeout(late -> WebServer.error(late, 503,
          "preparing the support e-mail took too long; try again, or with fewer or smaller screenshots"));
    }, () -> {
      try {
        if (!ctx.isMultipartFormData()) {
          handler.handle(ctx);
          return;
        }
        // Read with this route's limits, screenshots spilled to the private folder (Jetty's attribute).
        ctx.req().setAttribute(MULTIPART_CONFIG, uploads.multipart(support.limits(), WebServer.MAX_JSON_BODY));
        // Reading and writing 25 MB is CPU work on a fast line: large requests take turns.
        if (!UploadTurns.isLarge(ctx.req().getContentLengthLong())) {
          handler.handle(ctx);
          return;
        }
        // The parts are spooled to the folder before taking a turn, so a slow line holds none.
        ctx.attribute(PARTS_READ, true);
        ctx.req().getParts();
        if (!turns.enter()) {
          ctx.header("Retry-After", String.valueOf(turns.waitSeconds()));
          WebServer.error(ctx, 503, "many support e-mails with screenshots are being prepared right now; "
              + "try again in a minute");
          return;
        }
        try {
          handler.handle(ctx);
        } finally {
          turns.leave();
        }
      } finally {
        deleteUploads(ctx);
      }
    });
  }

  /**
   * Jetty deletes a request's files when it completes; doing it here as well keeps none past the
   * answer. Only when the body was read: asking for the parts of an unread one would read it now.
   */
  private static void deleteUploads(Context ctx) {
    if (ctx.attribute(PARTS_READ) == null) {
      return;
    }
    try {
      for (Part part : ctx.req().getParts()) {
        part.delete();
      }
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.debug("Uploads of an unreadable request: {}", e.toString()); // nothing was kept
    }
  }

  private SupportEmailBuilder.Built build(Context ctx) throws IOException {
    if (!ctx.isMultipartFormData()) {
      throw new IllegalArgumentException("send multipart/form-data with the fields and up to "
          + support.limits().maxFiles() + " files named 'screenshots'");
    }
    ctx.attribute(PARTS_READ, true);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : SupportService.FIELDS) {
      fields.put(name, ctx.formParam(name));
    }
    String stateText = ctx.formParam("state");
    JsonNode state = stateText == null || stateText.isBlank() ? null : parseState(stateText);
    List<SupportService.Upload> files = new ArrayList<>();
    for (UploadedFile f : ctx.uploadedFiles("screenshots")) {
      files.add(new SupportService.Upload(f.filename(), f.size(), f::content));
    }
    return support.prepare(ctx.formParam("lang"), fields, state, files, knowledge.current().content());
  }

  private void prepare(Context ctx) throws IOException {
    long started = System.nanoTime();
    try {
      SupportEmailBuilder.Built built = build(ctx);
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
        ctx.header("Server-Timing", serverTiming(started));
        ctx.json(body);
        return;
      }
      ctx.contentType("message/rfc822");
      ctx.header("Content-Disposition", "attachment; filename=\"support-" + built.preview().caseRef() + ".eml\"");
      ctx.header("X-Faqbot-Redacted", String.valueOf(!built.preview().redacted().isEmpty()));
      ctx.header("Server-Timing", serverTiming(started));
      // Streamed: the screenshots go from their files to the client, base64-encoded on the way.
      try (OutputStream out = ctx.outputStream()) {
        built.message().writeTo(out);
      }
    } catch (UploadException e) {
      WebServer.error(ctx, e.status(), e.getMessage(), uploadCode(e.status()));
    } catch (MessagingException e) {
      throw new IllegalStateException("writing the e-mail failed", e);
    }
  }

  private void send(Context ctx) throws IOException {
    if (mailer == null) {
      WebServer.error(ctx, 409, "this server does not send e-mail (FAQBOT_SMTP_HOST is not set): download the .eml instead");
      return;
    }
    try {
      SupportEmailBuilder.Built built = build(ctx);
      mailer.send(built.message());
      LOG.info("Sent support e-mail {} ({} attachment(s))", built.preview().caseRef(), built.preview().attachments().size());
      ctx.json(Map.of("sent", true, "to", built.preview().to(), "caseRef", built.preview().caseRef(),
          "redacted", !built.preview().redacted().isEmpty()));
    } catch (UploadException e) {
      WebServer.error(ctx, e.status(), e.getMessage(), uploadCode(e.status()));
    } catch (MessagingException e) {
      LOG.warn("Sending a support e-mail failed: {}", e.getMessage());
      WebServer.error(ctx, 502, "the mail server did not accept the e-mail; download the .eml and send it yourself");
    }
  }

  /** The stable code for a refused upload, by the status {@link UploadException} carries. */
  private static String uploadCode(int status) {
    return switch (status) {
      case 400 -> "too_many_files";
      case 413 -> "file_too_large";
      case 415 -> "not_an_image";
      default -> ApiError.codeFor(status);
    };
  }

  /** How long building took on the server (reading the upload, checks, MIME), for the benchmark. */
  private static String serverTiming(long started) {
    return String.format(java.util.Locale.ROOT, "build;dur=%.2f", (System.nanoTime() - started) / 1e6);
  }

  private static JsonNode parseState(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("state must be the JSON object from the last chat reply");
    }
  }
}
