package no.faqbot.support;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The merchant's address, which becomes the e-mail's Reply-To: a bare address only (no display
 * name, no comments, no quoted parts, not several), so nothing typed there can make the e-mail look
 * as if it came from support or send support's answer somewhere else.
 */
final class MerchantAddress {
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern LOCAL = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")+");
  private static final int MAX_LOCAL = 64;
  private static final int MAX_ADDRESS = 254;

  private MerchantAddress() {}

  /**
   * The address in plain form (the domain in ASCII), given that e-mails go to {@code
   * supportAddress}.
   *
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  static String check(String raw, String supportAddress) {
    String value = raw == null ? "" : raw.strip();
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
      throw invalid(value, "");
    }
    String local = value.substring(0, at);
    String domain;
    try {
      domain =
          IDN.toASCII(value.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid(value, "");
    }
    String address = local + "@" + domain;
    if (local.length() > MAX_LOCAL
        || address.length() > MAX_ADDRESS
        || !LOCAL.matcher(local).matches()
        || !DOMAIN.matcher(domain).matches()) {
      throw invalid(value, "");
    }
    String supportDomain = domainOf(supportAddress);
    if (address.equalsIgnoreCase(supportAddress)
        || domain.equals(supportDomain)
        || domain.endsWith("." + supportDomain)) {
      throw invalid(
          value, ": support answers to the shop, so it cannot be an address at " + supportDomain);
    }
    return address;
  }

  private static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException invalid(String value, String why) {
    String shown = SupportEmailWriter.oneLine(value);
    shown = shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    return new IllegalArgumentException(
        "merchantEmail '"
            + shown
            + "' is not accepted"
            + (why.isEmpty()
                ? ": give one plain address such as butikk@example.no (no name, comments, quotes or several addresses)"
                : why));
  }
}
