package no.faqbot.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.faqbot.support.ImageType;
import no.faqbot.support.Screenshot;
import no.faqbot.support.SupportField;
import no.faqbot.support.SupportRequest;
import no.faqbot.support.UploadContent;

/**
 * What a case keeps of the merchant's request, stored as JSON: already redacted, with the
 * screenshots described (their bytes are files, see {@link CaseFiles}).
 *
 * @param fields the form's fields by parameter name ({@code storeId}, ...), absent when empty
 * @param tried the steps tried and the chat so far, one line each
 * @param redactions the kinds of secret that were removed
 */
public record CaseRequest(
    String problem,
    Map<String, String> fields,
    List<String> tried,
    List<String> redactions,
    List<Shot> screenshots) {

  /** A kept screenshot: its safe name, its type's content type and its size in bytes. */
  public record Shot(String name, String contentType, long size) {}

  public CaseRequest {
    fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    tried = tried == null ? List.of() : List.copyOf(tried);
    redactions = redactions == null ? List.of() : List.copyOf(redactions);
    screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
  }

  /** What to keep of a prepared (redacted) request. */
  static CaseRequest of(SupportRequest r, List<String> redactions) {
    Map<String, String> fields = new LinkedHashMap<>();
    String[] values = {
      r.storeId(),
      r.merchantEmail(),
      r.errorCode(),
      r.httpStatus(),
      r.correlationId(),
      r.platform(),
      r.description()
    };
    for (SupportField f : SupportField.values()) {
      if (values[f.ordinal()] != null) {
        fields.put(f.param(), values[f.ordinal()]);
      }
    }
    List<Shot> shots = new ArrayList<>();
    for (Screenshot s : r.screenshots()) {
      shots.add(new Shot(s.name(), s.type().contentType(), s.size()));
    }
    return new CaseRequest(r.problem(), fields, r.tried(), redactions, shots);
  }

  /** The request again, its screenshots read from {@code content} (null: that file is gone). */
  SupportRequest toRequest(String lang, Function<Integer, UploadContent> content) {
    List<Screenshot> list = new ArrayList<>();
    for (int i = 0; i < screenshots.size(); i++) {
      Shot s = screenshots.get(i);
      UploadContent c = content.apply(i);
      ImageType type = ImageType.byContentType(s.contentType()).orElse(null);
      if (c != null && type != null) {
        list.add(new Screenshot(s.name(), type, s.size(), c));
      }
    }
    return new SupportRequest(
        lang,
        problem,
        field(SupportField.STORE_ID),
        field(SupportField.MERCHANT_EMAIL),
        field(SupportField.ERROR_CODE),
        field(SupportField.HTTP_STATUS),
        field(SupportField.CORRELATION_ID),
        field(SupportField.PLATFORM),
        field(SupportField.DESCRIPTION),
        tried,
        list);
  }

  String field(SupportField f) {
    return fields.get(f.param());
  }
}
