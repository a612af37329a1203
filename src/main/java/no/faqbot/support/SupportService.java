package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
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
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowEngine;
import no.faqbot.flow.FlowState;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.flow.Step;
import no.faqbot.flow.StepKind;
import no.faqbot.format.Languages;
import no.faqbot.privacy.Redactor;

/**
 * Prepares the support e-mail from what the merchant sent: checks the screenshots by content,
 * redacts secrets from every field, adds what the flow already tried, and builds the message.
 */
public final class SupportService {
  /** Form fields of the request, as the widget names them. */
  private static final char[] CASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final String supportAddress;
  private final SupportLimits limits;
  private final StateCodec states;
  private final Clock clock;
  private final FlowVersions flowVersions;
  private final Redactor redactor = new Redactor();
  private final SupportEmailBuilder builder = new SupportEmailBuilder();
  private final SecureRandom random = new SecureRandom();

  public SupportService(
      String supportAddress, SupportLimits limits, StateCodec states, Clock clock) {
    this(supportAddress, limits, states, clock, new FlowVersions());
  }

  /** {@code flowVersions}: the flows' earlier versions, shared with the chat. */
  public SupportService(
      String supportAddress,
      SupportLimits limits,
      StateCodec states,
      Clock clock,
      FlowVersions flowVersions) {
    this.supportAddress = supportAddress;
    this.limits = limits;
    this.states = states;
    this.clock = clock;
    this.flowVersions = flowVersions;
  }

  public SupportLimits limits() {
    return limits;
  }

  /** An uploaded file before its content is checked. */
  public record Upload(String name, long size, UploadContent content) {}

  /** Most lines of chat context a flow-less request brings, and the longest line kept. */
  public static final int MAX_CONTEXT_LINES = 20;

  private static final int MAX_CONTEXT_LINE = 300;

  public SupportEmailBuilder.Built prepare(
      String lang,
      Map<String, String> raw,
      JsonNode state,
      List<Upload> uploads,
      ContentSnapshot content) {
    return prepare(lang, raw, state, List.of(), uploads, content);
  }

  /**
   * @param context what was asked and answered in the chat so far (a request without a flow, from
   *     "Kontakt support"): redacted and added to what was tried, the latest lines kept
   * @throws IllegalArgumentException for missing or invalid fields or state
   * @throws UploadException for uploads that are too many, too large or not images
   */
  public SupportEmailBuilder.Built prepare(
      String lang,
      Map<String, String> raw,
      JsonNode state,
      List<String> context,
      List<Upload> uploads,
      ContentSnapshot content) {
    return prepare(lang, raw, state, context, uploads, content, null);
  }

  /**
   * Like {@link #prepare(String, Map, JsonNode, List, List, ContentSnapshot)} for the case {@code
   * caseRef} already has (the same number on every preview, download and send); null makes a new
   * one.
   */
  public SupportEmailBuilder.Built prepare(
      String lang,
      Map<String, String> raw,
      JsonNode state,
      List<String> context,
      List<Upload> uploads,
      ContentSnapshot content,
      String caseRef) {
    String language = Languages.orDefault(lang);
    List<Screenshot> screenshots = screenshots(uploads);
    Set<String> found = new LinkedHashSet<>();
    String[] v = new String[SupportField.values().length];
    for (SupportField field : SupportField.values()) {
      String value = raw.get(field.param());
      int max = field.maxLength();
      if (value != null && value.length() > max) {
        throw new IllegalArgumentException(
            field.param() + " is " + value.length() + " characters; the limit is " + max);
      }
      Redactor.Result r = redactor.redact(value == null || value.isBlank() ? null : value.strip());
      found.addAll(r.found());
      v[field.ordinal()] =
          field == SupportField.DESCRIPTION || r.text() == null
              ? r.text()
              : SupportEmailWriter.oneLine(r.text());
    }
    String merchantEmail = v[SupportField.MERCHANT_EMAIL.ordinal()];
    if (merchantEmail == null) {
      throw new IllegalArgumentException(
          "merchantEmail is missing: support answers to this address");
    }
    v[SupportField.MERCHANT_EMAIL.ordinal()] = MerchantAddress.check(merchantEmail, supportAddress);
    String problem = null;
    List<String> tried = new ArrayList<>();
    if (state != null && !state.isNull()) {
      FlowState s = states.decode(state);
      // The version the conversation was on, also when the flow changed since (a publish, a
      // rolling deploy); a version no longer known leaves the steps out rather than the e-mail.
      Flow flow = flowVersions.of(s, content.flow(s.flow())).orElse(null);
      if (flow != null) {
        Step current = FlowEngine.current(flow, s);
        problem =
            current.kind() == StepKind.EMAIL
                ? current.subject().in(language)
                : flow.title().in(language);
        for (String line : FlowEngine.transcript(flow, s, language)) {
          Redactor.Result r = redactor.redact(line);
          found.addAll(r.found());
          tried.add(r.text());
        }
      }
    }
    for (String line :
        context.subList(Math.max(0, context.size() - MAX_CONTEXT_LINES), context.size())) {
      String flat = SupportEmailWriter.oneLine(line).strip();
      if (!flat.isEmpty()) {
        String kept =
            flat.length() > MAX_CONTEXT_LINE ? flat.substring(0, MAX_CONTEXT_LINE) + "…" : flat;
        Redactor.Result r = redactor.redact(kept);
        found.addAll(r.found());
        tried.add(r.text());
      }
    }
    SupportRequest request =
        new SupportRequest(
            language, problem, v[0], v[1], v[2], v[3], v[4], v[5], v[6], tried, screenshots);
    ZonedDateTime now = ZonedDateTime.now(clock);
    return builder.build(
        supportAddress, request, caseRef == null ? newCaseRef() : caseRef, now, sorted(found));
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

  private static List<String> sorted(Set<String> found) {
    List<String> list = new ArrayList<>(found);
    list.sort(String::compareTo);
    return list;
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
