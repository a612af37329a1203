package no.faqbot.support;

import io.javalin.http.Context;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.function.Consumer;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload rules a support request is answered under: the route's multipart limits with
 * screenshots spooled to the private folder, a turn for large requests (reading 25 MB of parts and
 * writing them out again is CPU work: one at a time per two cores keeps chat fast; a slow uploader
 * therefore delays other large uploads, which get a 503 after a minute, never chat), and the
 * request's files deleted once it is answered.
 */
final class ScreenshotUploads {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenshotUploads.class);

  /**
   * The request attribute Jetty reads multipart limits from (Javalin sets its own only when
   * absent).
   */
  private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private static final String PARTS_READ = "faqbot.supportPartsRead";

  /**
   * Support e-mails with screenshots read and written at once: at most half the cores, so chat
   * keeps the rest; more wait up to a minute for their turn, then get a 503.
   */
  private static final int TURNS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  private static final long TURN_WAIT_MS = 60_000;

  private final UploadFolder folder;
  private final SupportLimits limits;
  private final UploadTurns turns = new UploadTurns(TURNS, TURN_WAIT_MS);

  ScreenshotUploads(UploadFolder folder, SupportLimits limits) {
    this.folder = folder;
    this.limits = limits;
  }

  /** A request's work: returns how to answer instead of answering at once. */
  @FunctionalInterface
  interface Work {
    Consumer<Context> answer(Context ctx) throws Exception;
  }

  /**
   * Does {@code work} under these rules and gives its answer to {@code answer}, which writes it
   * before the request's files are deleted (a downloaded e-mail streams its screenshots from them).
   */
  void answer(Context ctx, Work work, OffThePool.Answer answer) throws Exception {
    boolean turn = false;
    try {
      if (ctx.isMultipartFormData()) {
        ctx.req().setAttribute(MULTIPART_CONFIG, folder.multipart(limits, WebServer.MAX_JSON_BODY));
        // Reading and writing 25 MB is CPU work on a fast line: large requests take turns.
        if (UploadTurns.isLarge(ctx.req().getContentLengthLong())) {
          turn = turns.enter();
          if (!turn) {
            answer.give(
                new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "many support e-mails with screenshots are being prepared right now; "
                                + "try again in a minute")
                        .header("Retry-After", String.valueOf(turns.waitSeconds()))
                    ::answer);
            return;
          }
        }
      }
      answer.give(work.answer(ctx));
    } finally {
      if (turn) {
        turns.leave();
      }
      deleteUploads(ctx);
    }
  }

  /** Marks the request's parts as read, so that they are deleted when it is answered. */
  static void partsRead(Context ctx) {
    ctx.attribute(PARTS_READ, true);
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
}
