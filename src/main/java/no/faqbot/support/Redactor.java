package no.faqbot.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets a merchant may paste into a support request, a flow form or feedback before
 * anything is built from it ({@link SecretRules}: API keys, Authorization headers, JWTs,
 * credentials in URLs and {@code curl -u}, values labelled as passwords, secrets, keys or tokens in
 * prose, JSON and query strings); and masks the random part of API usernames. What was found is
 * reported (never the values).
 */
public final class Redactor {
  static final String REMOVED = SecretRules.REMOVED;

  /** An API username: merchant id, underscore, random part (K123456_a1b2c3d4e5, PK12345_...). */
  private static final Pattern API_USERNAME =
      Pattern.compile("\\b([A-Z]{1,3}\\d{3,10})_([A-Za-z0-9]{6,})\\b");

  /**
   * A value labelled as a username (may be a UUID); a UUID alone may be a correlation id and stays.
   */
  private static final Pattern LABELLED_USERNAME =
      Pattern.compile(
          "((?:api[ _-]?)?(?:username|brukernavn|user name)\\s*[:=]\\s*)([A-Za-z0-9_\\-]{6,})",
          Pattern.CASE_INSENSITIVE);

  /** The cleaned text and what kinds of secret were taken out of it. */
  public record Result(String text, Set<String> found) {}

  public Result redact(String text) {
    if (text == null || text.isEmpty() || !mightHoldSecret(text)) {
      return new Result(text, Set.of());
    }
    Set<String> found = new LinkedHashSet<>();
    String out = text;
    for (SecretRules.Rule rule : SecretRules.ALL) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        found.add(rule.what());
        out = m.replaceAll(r -> Matcher.quoteReplacement(rule.replacement().apply(r)));
      }
    }
    Matcher user = API_USERNAME.matcher(out);
    if (user.find()) {
      found.add("API username (masked)");
      out = user.replaceAll(r -> r.group(1) + "_" + mask(r.group(2)));
    }
    Matcher labelled = LABELLED_USERNAME.matcher(out);
    if (labelled.find()) {
      found.add("API username (masked)");
      out =
          labelled.replaceAll(
              r -> r.group(1) + (r.group(2).contains("*") ? r.group(2) : mask(r.group(2))));
    }
    return new Result(out, found);
  }

  /**
   * Every rule needs one of these words or marks (its label, scheme or key format), so a text with
   * none of them is left as it is without running the rules: most chat messages hold no secret, and
   * every one is redacted before it is recorded. Checked in lower and upper case, as the rules
   * match case-insensitively (the Kelvin sign and the long s fold only one way).
   */
  private static final List<String> TRIGGERS =
      List.of(
          "pass",
          "pwd",
          "secret",
          "token",
          "key",
          "credential",
          "hemmelig",
          "nøkkel",
          "kode",
          "user",
          "brukernavn",
          "authorization",
          "basic",
          "bearer",
          "eyj",
          "begin",
          "klarna_",
          "://",
          "-u",
          "_");

  static boolean mightHoldSecret(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String upper = text.toUpperCase(Locale.ROOT);
    for (String trigger : TRIGGERS) {
      if (lower.contains(trigger) || upper.contains(trigger.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static String mask(String random) {
    return random.substring(0, 2) + "*".repeat(Math.max(4, random.length() - 2));
  }

  static List<String> sorted(Set<String> found) {
    List<String> list = new ArrayList<>(found);
    list.sort(String::compareTo);
    return list;
  }
}
