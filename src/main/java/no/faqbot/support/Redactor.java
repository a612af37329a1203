package no.faqbot.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets a merchant may paste into a support request before anything is built from it:
 * API keys, Authorization headers, values labelled as passwords or shared secrets; and masks the
 * random part of API usernames. What was found is reported (never the values).
 */
public final class Redactor {
  static final String REMOVED = "[fjernet]";

  private record Rule(String what, Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      new Rule("API key", Pattern.compile("klarna_(?:live|test)_api_[A-Za-z0-9_\\-]+", Pattern.CASE_INSENSITIVE), REMOVED),
      new Rule("Authorization header", Pattern.compile(
          "(Authorization\\s*[:=]\\s*)(?:Basic|Bearer)\\s+[A-Za-z0-9+/=._\\-]+", Pattern.CASE_INSENSITIVE), "$1" + REMOVED),
      new Rule("Authorization header", Pattern.compile("\\b(?:Basic|Bearer)\\s+[A-Za-z0-9+/]{16,}={0,2}"), REMOVED),
      new Rule("password", Pattern.compile(
          "((?:password|passord|passwort|pwd|shared[ _-]?secret|secret|hemmelighet|api[ _-]?key|api-nøkkel|nøkkel)"
              + "\\s*(?:[:=]|er|is)\\s*)(\"[^\"]*\"|'[^']*'|\\S+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "$1" + REMOVED));

  /** An API username: merchant id, underscore, random part (K123456_a1b2c3d4e5, PK12345_...). */
  private static final Pattern API_USERNAME = Pattern.compile("\\b([A-Z]{1,3}\\d{3,10})_([A-Za-z0-9]{6,})\\b");
  /** A value labelled as a username (may be a UUID); a UUID alone may be a correlation id and stays. */
  private static final Pattern LABELLED_USERNAME = Pattern.compile(
      "((?:api[ _-]?)?(?:username|brukernavn|user name)\\s*[:=]\\s*)([A-Za-z0-9_\\-]{6,})",
      Pattern.CASE_INSENSITIVE);

  /** The cleaned text and what kinds of secret were taken out of it. */
  public record Result(String text, Set<String> found) {}

  public Result redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(text, Set.of());
    }
    Set<String> found = new LinkedHashSet<>();
    String out = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        found.add(rule.what());
        out = m.replaceAll(rule.replacement());
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
      out = labelled.replaceAll(r -> r.group(1) + (r.group(2).contains("*") ? r.group(2) : mask(r.group(2))));
    }
    return new Result(out, found);
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
