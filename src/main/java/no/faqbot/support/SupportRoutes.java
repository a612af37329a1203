package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import no.faqbot.search.KnowledgeBase;
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

  /** Longest a support request may take, upload and SMTP conversation included. */
  private static final long TIMEOUT_MS = 5 * 60 * 1000;

  private final SupportService support;
  private final KnowledgeBase knowledge;
  private final SmtpMailer mailer;
  private final ExecutorService slowWork;
  private final Consumer<SupportCase> cases;

  /**
   * @param slowWork runs these requests: reading a merchant's screenshots over a slow line and
   *     talking to an SMTP server can take many seconds, which must not hold the few HTTP threads
   *     that answer chat messages
   */
  public SupportRoutes(SupportService support, KnowledgeBase knowledge, SmtpMailer mailer, ExecutorService slowWork) {
    this(support, knowledge, mailer, slowWork, c -> { });
  }

  /** {@code cases} is told of each e-mail prepared or sent (for insights); it must return at once. */
  public SupportRoutes(SupportService support, KnowledgeBase knowledge, SmtpMailer mailer, ExecutorService slowWork,
      Consumer<SupportCase> cases) {
    this.cases = cases;
    this.support = support;
    this.knowledge = knowledge;
    this.mailer = mailer;
    this.slowWork = slowWork;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/api/support-email", ctx -> offThePool(ctx, this::prepare));
    routes.post("/api/support-email/send", ctx -> offThePool(ctx, this::send));
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
    }, () -> handler.handle(ctx));
  }

  private SupportEmailBuilder.Built build(Context ctx) throws IOException {
    if (!ctx.isMultipartFormData()) {
      throw new IllegalArgumentException("send multipart/form-data with the fields and up to "
          + support.limits().maxFiles() + " files named 'screenshots'");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : SupportService.FIELDS) {
      fields.put(name, ctx.formParam(name));
    }
    String stateText = ctx.formParam("state");
    JsonNode state = stateText == null || stateText.isBlank() ? null : parseState(stateText);
    List<UploadedFile> files = ctx.uploadedFiles("screenshots");
    List<SupportService.Upload> uploads = new ArrayList<>();
    for (UploadedFile f : files) {
      uploads.add(new SupportService.Upload(f.filename(), read(f, support.limits().maxFileBytes())));
    }
    return support.prepare(ctx.formParam("lang"), fields, state, uploads, knowledge.current().content());
  }

  private void prepare(Context ctx) throws IOException {
    long started = System.nanoTime();
    try {
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
        ctx.header("Server-Timing", serverTiming(started));
        ctx.json(body);
        return;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      built.message().writeTo(out);
      ctx.contentType("message/rfc822");
      ctx.header("Content-Disposition", "attachment; filename=\"support-" + built.preview().caseRef() + ".eml\"");
      ctx.header("X-Faqbot-Redacted", String.valueOf(!built.preview().redacted().isEmpty()));
      ctx.header("Server-Timing", serverTiming(started));
      ctx.result(out.toByteArray());
    } catch (UploadException e) {
      WebServer.error(ctx, e.status(), e.getMessage());
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
      cases.accept(supportCase(ctx, built, true));
      LOG.info("Sent support e-mail {} ({} attachment(s))", built.preview().caseRef(), built.preview().attachments().size());
      ctx.json(Map.of("sent", true, "to", built.preview().to(), "caseRef", built.preview().caseRef(),
          "redacted", !built.preview().redacted().isEmpty()));
    } catch (UploadException e) {
      WebServer.error(ctx, e.status(), e.getMessage());
    } catch (MessagingException e) {
      LOG.warn("Sending a support e-mail failed: {}", e.getMessage());
      WebServer.error(ctx, 502, "the mail server did not accept the e-mail; download the .eml and send it yourself");
    }
  }

  private static SupportCase supportCase(Context ctx, SupportEmailBuilder.Built built, boolean sent) {
    SupportRequest r = built.request();
    return new SupportCase(ctx.formParam("conversation"), r.lang(), built.preview().caseRef(), r.problem(),
        r.errorCode(), sent);
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

  /** Reads an upload, at most one byte past the limit: enough for the service to refuse it. */
  private static byte[] read(UploadedFile f, long max) throws IOException {
    try (InputStream in = f.content()) {
      return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    }
  }
}
