package no.faqbot.flow;

import java.util.Locale;
import java.util.regex.Pattern;

/** Kinds of form field and what a valid value looks like. */
public enum FieldType {
  TEXT(200, null, "text"),
  TEXTAREA(4000, null, "text"),
  EMAIL(
      254, Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "an e-mail address like name@shop.no"),
  STORE_ID(
      40,
      Pattern.compile("[A-Za-z]{0,3}\\d{2,12}"),
      "a store ID: digits (old EID) or a letter and digits like K123456"),
  ERROR_CODE(80, Pattern.compile("[A-Za-z0-9_.\\- ]{2,80}"), "an error code like BAD_VALUE"),
  HTTP_STATUS(3, Pattern.compile("[1-5]\\d\\d"), "a three-digit HTTP status like 401"),
  CORRELATION_ID(80, Pattern.compile("[A-Za-z0-9\\-]{6,80}"), "a correlation id like 7f3c...-..."),
  PLATFORM(120, null, "text");

  private final int maxLength;
  private final Pattern pattern;
  private final String expected;

  FieldType(int maxLength, Pattern pattern, String expected) {
    this.maxLength = maxLength;
    this.pattern = pattern;
    this.expected = expected;
  }

  public String json() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public int maxLength() {
    return maxLength;
  }

  /** Null when {@code value} is acceptable, else what was expected. */
  public String problem(String value) {
    if (value.length() > maxLength) {
      return "is longer than " + maxLength + " characters";
    }
    if (pattern != null && !pattern.matcher(value.strip()).matches()) {
      return "should be " + expected;
    }
    return null;
  }

  static FieldType parse(String value) {
    for (FieldType t : values()) {
      if (t.json().equals(value)) {
        return t;
      }
    }
    return null;
  }
}
