package no.faqbot.privacy;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes secrets a merchant may paste into a support request, a flow form, chat or feedback before
 * anything is built from or stored of it ({@link SecretRules}: API keys, Authorization headers,
 * JWTs, credentials in URLs and {@code curl -u}, values labelled as passwords, secrets, keys or
 * tokens in prose, JSON, configuration and query strings), removes personal numbers whose control
 * digits hold ({@link PersonalDataRules}: card numbers, fødselsnumre, IBANs), and masks the random
 * part of API usernames. What was found is reported (never the values). Every rule is bounded per
 * position, so the time is linear in the length of the text.
 */
public final class Redactor {
  /** What stands where a secret was. */
  public static final String REMOVED = SecretRules.REMOVED;

  private static final List<SecretRules.Rule> RULES =
      Stream.concat(SecretRules.ALL.stream(), PersonalDataRules.ALL.stream()).toList();

  /** An API username: merchant id, underscore, random part (K123456_a1b2c3d4e5, PK12345_...). */
  private static final Pattern API_USERNAME =
      Pattern.compile("\\b([A-Z]{1,3}\\d{3,10})_([A-Za-z0-9]{6,64})\\b");

  /**
   * A value labelled as a username (may be a UUID); a UUID alone may be a correlation id and stays.
   */
  private static final Pattern LABELLED_USERNAME =
      Pattern.compile(
          "((?:api[ _-]?)?"
              + RedactionWords.alternation("username-words", "[ _-]?")
              + "\\s{0,10}[:=]\\s{0,10})([A-Za-z0-9_\\-]{6,200}+)(?!\\*)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Whether {@code text} holds a letter whose lower case is not that of its upper case (the long s,
   * the Kelvin sign, a dotless i...): only then can a rule's word hide from the lower-cased text.
   */
  static boolean foldsOneWay(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7F && Character.toLowerCase(Character.toUpperCase(c)) != Character.toLowerCase(c)) {
        return true;
      }
    }
    return false;
  }

  /** The cleaned text and what kinds of secret were taken out of it. */
  public record Result(String text, Set<String> found) {}

  public Result redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(text, Set.of());
    }
    Set<String> found = new LinkedHashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    String upper = foldsOneWay(text) ? text.toUpperCase(Locale.ROOT) : null;
    String out = text;
    // Several rules share one list of words (the label words, some eighty): whether the text holds
    // one is looked up once for all of them, not once per rule.
    Map<List<String>, Boolean> holds = new IdentityHashMap<>();
    for (SecretRules.Rule rule : RULES) {
      boolean may = holds.computeIfAbsent(rule.needs(), needs -> rule.mayMatch(lower, upper));
      String replaced = may ? replace(out, rule) : null;
      if (replaced != null) {
        found.add(rule.what());
        out = replaced;
      }
    }
    // Each username pattern only where the character it needs is: most texts have neither.
    Matcher user = API_USERNAME.matcher(out);
    if (out.indexOf('_') >= 0 && user.find()) {
      found.add("API username (masked)");
      out = user.replaceAll(r -> r.group(1) + "_" + mask(r.group(2)));
    }
    Matcher labelled = LABELLED_USERNAME.matcher(out); // not one masked above
    if ((out.indexOf(':') >= 0 || out.indexOf('=') >= 0) && labelled.find()) {
      found.add("API username (masked)");
      out = labelled.replaceAll(r -> r.group(1) + mask(r.group(2)));
    }
    return new Result(out, found);
  }

  /** The text with the rule's matches replaced, or null when none was a secret not yet removed. */
  private static String replace(String text, SecretRules.Rule rule) {
    Matcher m = rule.pattern().matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String replacement = rule.replacement().apply(m);
      if (replacement == null || replacement.equals(m.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append(replacement);
      last = m.end();
    }
    return out == null ? null : out.append(text, last, text.length()).toString();
  }

  private static String mask(String random) {
    return random.substring(0, 2) + "*".repeat(Math.max(4, random.length() - 2));
  }
}
