package no.faqbot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.Languages;
import no.faqbot.privacy.Redactor;

/**
 * Prepares the support e-mail from what the merchant sent: checks the screenshots by content,
 * redacts secrets from every field, adds what the flow already tried, and builds the message.
 */
public final class SupportService {
  /** Case numbers are made of these: no letter or digit that can be mistaken for another. */
  private static final char[] CASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final String supportAddress;
  private final SupportLimits limits;
  private final Clock clock;
  private final FlowTranscripts transcripts;
  private final SupportEmailBuilder builder = new SupportEmailBuilder();
  private final SecureRandom random = new SecureRandom();

  /** {@code flowVersions}: the flows' earlier versions, shared with the chat. */
  public SupportService(
      String supportAddress,
      SupportLimits limits,
      StateCodec states,
      Clock clock,
      FlowVersions flowVersions) {
    this.supportAddress = supportAddress;
    this.limits = limits;
    this.clock = clock;
    this.transcripts = new FlowTranscripts(states, flowVersions);
  }

  public SupportLimits limits() {
    return limits;
  }

  /** An uploaded file before its content is checked. */
  public record Upload(String name, long size, UploadContent content) {}

  /** Most lines of chat context a flow-less request brings, and the longest line kept. */
  public static final int MAX_CONTEXT_LINES = 20;

  private static final int MAX_CONTEXT_LINE = 300;

  /**
   * The e-mail for what the merchant posted, under the case number {@code caseRef} (the same on
   * every preview, download and send of a case). Every field and line of what was tried is
   * redacted; without a flow, the chat so far ({@link SupportForm#context()}) stands for what was
   * tried, its latest lines kept.
   *
   * @throws IllegalArgumentException for missing or invalid fields or state
   * @throws UploadException for uploads that are too many, too large or not images
   */
  public SupportEmailBuilder.Built prepare(
      SupportForm form, ContentSnapshot content, String caseRef) {
    String language = Languages.orDefault(form.lang());
    List<Screenshot> screenshots = screenshots(form.uploads());
    Redactions redactions = new Redactions();
    String[] v = fields(form.fields(), redactions);
    FlowTranscripts.Transcript flow = transcripts.of(form.state(), content, language);
    List<String> tried = new ArrayList<>();
    for (String line : flow.steps()) {
      tried.add(redactions.redact(line));
    }
    for (String line : contextLines(form.context())) {
      tried.add(redactions.redact(line));
    }
    SupportRequest request =
        new SupportRequest(
            language, flow.problem(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], tried, screenshots);
    return builder.build(
        supportAddress, request, caseRef, ZonedDateTime.now(clock), redactions.found());
  }

  /** The fields' values in {@link SupportField} order: checked, redacted, one line but the text. */
  private String[] fields(Map<String, String> raw, Redactions redactions) {
    String[] v = new String[SupportField.values().length];
    for (SupportField field : SupportField.values()) {
      String value = raw.get(field.param());
      int max = field.maxLength();
      if (value != null && value.length() > max) {
        throw new IllegalArgumentException(
            field.param() + " is " + value.length() + " characters; the limit is " + max);
      }
      String text = redactions.redact(value == null || value.isBlank() ? null : value.strip());
      v[field.ordinal()] =
          field == SupportField.DESCRIPTION || text == null
              ? text
              : SupportEmailWriter.oneLine(text);
    }
    String merchantEmail = v[SupportField.MERCHANT_EMAIL.ordinal()];
    if (merchantEmail == null) {
      throw new IllegalArgumentException(
          "merchantEmail is missing: support answers to this address");
    }
    v[SupportField.MERCHANT_EMAIL.ordinal()] = MerchantAddress.check(merchantEmail, supportAddress);
    return v;
  }

  /** The latest lines of chat, each on one line and cut short, blank ones left out. */
  private static List<String> contextLines(List<String> context) {
    List<String> lines = new ArrayList<>();
    for (String line :
        context.subList(Math.max(0, context.size() - MAX_CONTEXT_LINES), context.size())) {
      String flat = SupportEmailWriter.oneLine(line).strip();
      if (!flat.isEmpty()) {
        lines.add(
            flat.length() > MAX_CONTEXT_LINE ? flat.substring(0, MAX_CONTEXT_LINE) + "…" : flat);
      }
    }
    return lines;
  }

  /** Redacts text after text, gathering the kinds of secret found in any of them. */
  private static final class Redactions {
    private static final Redactor REDACTOR = new Redactor();
    private final Set<String> found = new LinkedHashSet<>();

    String redact(String text) {
      Redactor.Result r = REDACTOR.redact(text);
      found.addAll(r.found());
      return r.text();
    }

    /** What was found, in a stable order. */
    List<String> found() {
      List<String> list = new ArrayList<>(found);
      list.sort(String::compareTo);
      return list;
    }
  }

  /** The e-mail of a kept case again, from its (already redacted) request. */
  public SupportEmailBuilder.Built rebuild(
      SupportRequest request, String caseRef, Instant made, List<String> redacted) {
    return builder.build(supportAddress, request, caseRef, made.atZone(clock.getZone()), redacted);
  }

  private List<Screenshot> screenshots(List<Upload> uploads) {
    if (uploads.size() > limits.maxFiles()) {
      throw new UploadException(
          400, "at most " + limits.maxFiles() + " screenshots, got " + uploads.size());
    }
    List<Screenshot> list = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      Upload u = uploads.get(i);
      if (u.size() > limits.maxFileBytes()) {
        throw new UploadException(
            413,
            "'"
                + SupportEmailWriter.oneLine(u.name())
                + "' is larger than "
                + limits.maxFileBytes() / (1024 * 1024)
                + " MB");
      }
      ImageType type =
          ImageType.sniff(head(u))
              .orElseThrow(
                  () ->
                      new UploadException(
                          415,
                          "'"
                              + SupportEmailWriter.oneLine(u.name())
                              + "' is not a PNG, JPEG, GIF or WebP image"));
      list.add(
          new Screenshot(Screenshot.safeName(u.name(), type, i + 1), type, u.size(), u.content()));
    }
    return list;
  }

  /** The first bytes of an upload, where image formats have their signature. */
  private static byte[] head(Upload u) {
    try (InputStream in = u.content().open()) {
      return in.readNBytes(ImageType.SIGNATURE_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading the upload '" + SupportEmailWriter.oneLine(u.name()) + "' failed", e);
    }
  }

  /** A new case number: FQ- and six letters or digits that cannot be mistaken for each other. */
  public String newCaseRef() {
    StringBuilder b = new StringBuilder("FQ-");
    for (int i = 0; i < 6; i++) {
      b.append(CASE_ALPHABET[random.nextInt(CASE_ALPHABET.length)]);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
