package no.faqbot.support;

import java.util.List;

/** The prepared e-mail, as the preview shows it; {@link SupportEmailBuilder} turns it into MIME. */
public record SupportEmail(
    String to,
    String replyTo,
    String subject,
    String body,
    String html,
    String caseRef,
    List<Attachment> attachments,
    List<String> redacted,
    boolean legacyEid) {

  public SupportEmail {
    attachments = List.copyOf(attachments);
    redacted = List.copyOf(redacted);
  }

  /** An attached screenshot, described for the preview. */
  public record Attachment(String name, String contentType, long size) {}
}
