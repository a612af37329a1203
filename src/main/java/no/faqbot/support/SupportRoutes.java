package no.faqbot.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.UploadLimits;
import no.faqbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/support-email}: the prepared e-mail as a {@code .eml} download, or its preview
 * with {@code ?format=json}; {@code POST /api/support-email/send} sends it when SMTP is configured.
 * Both read the form ({@link SupportForm}) off the HTTP pool ({@link OffThePool}) under the upload
 * rules ({@link ScreenshotUploads}) and answer through {@link SupportAnswers}.
 */
public final class SupportRoutes implements Routes {
  private static final Logger LOG = LoggerFactory.getLogger(SupportRoutes.class);

  private static final String PREPARE = "/api/support-email";
  private static final String SEND = "/api/support-email/send";

  /** The routes that read multipart uploads themselves (on {@code slowWork}, not the HTTP pool). */
  public static final Set<String> UPLOAD_PATHS = Set.of(PREPARE, SEND);

  /** Longest a support request may take, upload and SMTP conversation included. */
  private static final long TIMEOUT_MS = 5 * 60 * 1000;

  private final SupportService support;
  private final KnowledgeBase knowledge;
  private final CaseDesk desk;
  private final OffThePool slowWork;
  private final ScreenshotUploads uploads;
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
    this.support = support;
    this.knowledge = knowledge;
    this.desk = desk;
    this.cases = cases;
    this.slowWork =
        new OffThePool(
            slowWork,
            TIMEOUT_MS,
            c ->
                new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "preparing the support e-mail took too long; try again, or with fewer or"
                            + " smaller screenshots")
                    .answer(c));
    this.uploads = new ScreenshotUploads(uploads, support.limits());
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
        ctx -> ctx.json(SupportAnswers.Config.of(desk.canDeliver(), support.limits())));
  }

  private void offThePool(Context ctx, ScreenshotUploads.Work work) {
    slowWork.answer(ctx, answer -> uploads.answer(ctx, work, answer));
  }

  /** The e-mail of the posted case (or a new one), kept by the desk. */
  private SupportEmailBuilder.Built build(Context ctx, SupportForm form) {
    String requestId = WebServer.requestId(ctx);
    return desk.open(
        form.caseRef(),
        form.conversation(),
        ref ->
            SupportEmailBuilder.withRequestId(
                SupportAnswers.refusals(
                    () -> support.prepare(form, knowledge.current().content(), ref)),
                requestId));
  }

  private Consumer<Context> prepare(Context ctx) {
    long started = System.nanoTime();
    SupportForm form = SupportForm.read(ctx, support.limits());
    SupportEmailBuilder.Built built = build(ctx, form);
    cases.accept(supportCase(form, built, false));
    return "json".equals(ctx.queryParam("format"))
        ? SupportAnswers.preview(built.preview(), started)
        : SupportAnswers.download(built, started);
  }

  private Consumer<Context> send(Context ctx) {
    if (!desk.canDeliver()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "this server does not deliver cases (neither FAQBOT_HELPDESK nor FAQBOT_SMTP_HOST is"
              + " set): download the .eml instead");
    }
    SupportForm form = SupportForm.read(ctx, support.limits());
    SupportEmailBuilder.Built built = build(ctx, form);
    CaseDesk.Delivery delivery = desk.deliver(built);
    SupportEmail sent = built.preview();
    if (!delivery.delivered() && !delivery.queued()) {
      return new ApiException(
              ErrorCode.BAD_GATEWAY,
              "the mail server did not accept the e-mail; download the .eml and send it yourself")
          ::answer;
    }
    cases.accept(supportCase(form, built, true));
    LOG.info(
        "Support case {} {} by {} ({} attachment(s))",
        sent.caseRef(),
        delivery.delivered() ? "delivered" : "queued",
        delivery.channel(),
        sent.attachments().size());
    return c -> c.status(delivery.delivered() ? 200 : 202).json(delivery.answer(sent));
  }

  private static SupportCase supportCase(
      SupportForm form, SupportEmailBuilder.Built built, boolean sent) {
    SupportRequest r = built.request();
    return new SupportCase(
        form.conversation(), r.lang(), built.preview().caseRef(), r.problem(), r.errorCode(), sent);
  }
}
