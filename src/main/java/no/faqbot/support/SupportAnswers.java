package no.faqbot.support;

import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/** How the support routes answer: the e-mail as a preview or a download, and their refusals. */
final class SupportAnswers {
  private SupportAnswers() {}

  /**
   * What {@code GET /api/support-email/config} answers: whether this server sends the e-mail, the
   * screenshots it takes and the fields the widget draws its form from.
   */
  record Config(
      boolean canSend,
      int maxFiles,
      long maxFileBytes,
      List<String> types,
      List<SupportField.Description> fields) {
    static Config of(boolean canSend, SupportLimits limits) {
      return new Config(
          canSend,
          limits.maxFiles(),
          limits.maxFileBytes(),
          Arrays.stream(ImageType.values()).map(ImageType::contentType).toList(),
          Arrays.stream(SupportField.values()).map(SupportField::describe).toList());
    }
  }

  /** What {@code ?format=json} answers: the e-mail as the widget shows it before it is sent. */
  record Preview(
      String to,
      String replyTo,
      String subject,
      String body,
      List<SupportEmail.Attachment> attachments,
      String mailto,
      String caseRef,
      boolean legacyEid,
      boolean redacted,
      List<String> redactions) {
    static Preview of(SupportEmail e) {
      return new Preview(
          e.to(),
          e.replyTo(),
          e.subject(),
          e.body(),
          e.attachments(),
          SupportEmailBuilder.mailto(e),
          e.caseRef(),
          e.legacyEid(),
          !e.redacted().isEmpty(),
          e.redacted());
    }
  }

  /** The preview as JSON, with how long building it took. */
  static Consumer<Context> preview(SupportEmail e, long started) {
    Preview body = Preview.of(e);
    String timing = serverTiming(started);
    return c -> c.header("Server-Timing", timing).json(body);
  }

  /**
   * The e-mail as a {@code .eml} download, streamed: the screenshots go from their files to the
   * client, base64-encoded on the way.
   */
  static Consumer<Context> download(SupportEmailBuilder.Built built, long started) {
    String timing = serverTiming(started);
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

  /** How long building took on the server (reading the upload, checks, MIME), for the benchmark. */
  private static String serverTiming(long started) {
    return String.format(Locale.ROOT, "build;dur=%.2f", (System.nanoTime() - started) / 1e6);
  }

  /**
   * What the service refuses is the client's to fix: an upload with the status and code it names,
   * anything else it refuses (fields, state, language) as 400 {@code bad_request}.
   */
  static <T> T refusals(Supplier<T> service) {
    try {
      return service.get();
    } catch (UploadException e) {
      throw new ApiException(uploadCode(e.status()), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
    }
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
}
