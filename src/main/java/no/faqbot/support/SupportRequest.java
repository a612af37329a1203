package no.faqbot.support;

import java.util.List;

/**
 * What a merchant sends to have the support e-mail prepared, after redaction. {@code problem} and
 * {@code tried} come from the flow state: the problem's name and the steps already gone through.
 */
public record SupportRequest(
    String lang,
    String problem,
    String storeId,
    String merchantEmail,
    String errorCode,
    String httpStatus,
    String correlationId,
    String platform,
    String description,
    List<String> tried,
    List<Screenshot> screenshots) {

  public SupportRequest {
    tried = tried == null ? List.of() : List.copyOf(tried);
    screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
  }

  /** A store ID of digits only is the EID of a legacy product (KPM or KCO v2). */
  public boolean legacyEid() {
    return storeId != null && storeId.strip().matches("\\d+");
  }
}
