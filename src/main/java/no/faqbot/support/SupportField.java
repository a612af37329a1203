package no.faqbot.support;

import java.util.LinkedHashMap;
import java.util.Map;

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

  private final String param;
  private final String input;
  private final boolean required;
  private final int maxLength;

  SupportField(String param, String input, boolean required, int maxLength) {
    this.param = param;
    this.input = input;
    this.required = required;
    this.maxLength = maxLength;
  }

  /** The form parameter's name. */
  public String param() {
    return param;
  }

  public int maxLength() {
    return maxLength;
  }

  /** As the widget reads it: name, HTML input type, whether required, longest value. */
  Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", param);
    d.put("type", input);
    d.put("required", required);
    d.put("maxLength", maxLength);
    return d;
  }
}
