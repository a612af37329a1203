package no.faqbot.support;

/**
 * The fields of a support e-mail, in the form's order: the one list the server checks and the
 * widget draws its form from ({@code GET /api/support-email/config}).
 */
public enum SupportField {
  STORE_ID("storeId", "text", false, SupportLimits.MAX_FIELD),
  MERCHANT_EMAIL("merchantEmail", "email", true, SupportLimits.MAX_FIELD),
  ERROR_CODE("errorCode", "text", false, SupportLimits.MAX_FIELD),
  HTTP_STATUS("httpStatus", "text", false, SupportLimits.MAX_FIELD),
  CORRELATION_ID("correlationId", "text", false, SupportLimits.MAX_FIELD),
  PLATFORM("platform", "text", false, SupportLimits.MAX_FIELD),
  DESCRIPTION("description", "textarea", false, SupportLimits.MAX_DESCRIPTION);

  private final Description description;

  SupportField(String param, String input, boolean required, int maxLength) {
    this.description = new Description(param, input, required, maxLength);
  }

  /** The form parameter's name. */
  public String param() {
    return description.name();
  }

  public int maxLength() {
    return description.maxLength();
  }

  Description describe() {
    return description;
  }

  /**
   * A field as the widget reads it: form name, HTML input type, whether required, longest value.
   */
  public record Description(String name, String type, boolean required, int maxLength) {}
}
