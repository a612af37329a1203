package no.faqbot.privacy;

import static no.faqbot.privacy.RedactionWords.alternation;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The forms a secret takes in what merchants paste, in the order {@link Redactor} applies them:
 * whole tokens first (so a JWT goes as one piece), then credentials inside URLs and commands, then
 * values behind a label. Each rule keeps what names the secret and replaces only its value. Every
 * repetition is bounded, so a rule costs a fixed amount per position and redaction stays linear in
 * the length of the text. The label words are data ({@link RedactionWords}).
 */
final class SecretRules {
  static final String REMOVED = "[fjernet]";

  /**
   * One form of secret: what to call it in the e-mail, how to find it, what to leave in its place
   * (null: the match is no secret after all, keep it), and words one of which every match holds
   * (none: no such word), so a text without them is not searched.
   */
  record Rule(
      String what,
      Pattern pattern,
      Function<MatchResult, String> replacement,
      List<String> needs,
      List<String> needsUpper) {
    Rule(String what, Pattern pattern, Function<MatchResult, String> replacement) {
      this(what, pattern, replacement, List.of());
    }

    Rule(
        String what,
        Pattern pattern,
        Function<MatchResult, String> replacement,
        List<String> needs) {
      // Upper-cased once here: redaction runs on every recorded message.
      this(
          what,
          pattern,
          replacement,
          needs,
          needs.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList());
    }

    /**
     * Whether the text, given in lower case and, when it holds a letter that folds only one way
     * (the Kelvin sign, the long s), in upper case too (else null), may hold a match: rules match
     * regardless of case.
     */
    boolean mayMatch(String lower, String upper) {
      if (needs.isEmpty()) {
        return true;
      }
      for (int i = 0; i < needs.size(); i++) {
        if (lower.contains(needs.get(i)) || upper != null && upper.contains(needsUpper.get(i))) {
          return true;
        }
      }
      return false;
    }
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Not glued to a letter or digit on either side (so "bypass" and "nøkkelord" are no labels). */
  private static final String START = "(?<![\\p{L}\\p{N}_.\\-])";

  private static final String END = "(?![\\p{L}\\p{N}])";

  /**
   * Identifiers that name a secret: password, client_secret, apiKey, access_token,
   * KLARNA_SHARED_SECRET, KLARNA_PWD, db.pass...
   */
  private static final String IDENTIFIER =
      "(?:[A-Za-z0-9_.\\-]{0,40}"
          + alternation("secret-identifiers", "[_\\-]?")
          + "[A-Za-z0-9_\\-]{0,40}"
          + "|[A-Za-z0-9_.\\-]{0,40}[_.\\-]"
          + alternation("secret-suffixes", "")
          + ")";

  /** Labels in prose, also as the end of a hyphenated compound (API-passordet). */
  private static final String WORDS =
      "(?:[\\p{L}\\p{N}]{1,15}-)?" + alternation("secret-words", "[\\s_\\-]?");

  private static final String LABEL = START + "(?:" + IDENTIFIER + "|" + WORDS + ")" + END;

  /**
   * A value as far as it goes: quoted, or up to a space or a separator of JSON, query strings and
   * lists.
   */
  private static final String VALUE =
      "(\"(?:[^\"\\\\\\n]|\\\\.){0,300}\"|'[^'\\n]{0,300}'"
          + "|[^\\s,;&\"'}<>]{1,300}(?:&(?![A-Za-z0-9_.\\-]{1,40}=)[^\\s,;&\"'}<>]{0,300}){0,10})";

  /** A value that looks like a secret: a letter and a digit or symbol, at least 6 characters. */
  private static final String SHAPED =
      "((?=[^\\s,;]{0,80}\\p{L})(?=[^\\s,;]{0,80}[\\p{N}!#$%&*+/=?@^_~])[^\\s,;\"'<>]{6,300})";

  /** Words that follow "the password is" in a sentence about the password, not one giving it. */
  private static final String NOT_A_VALUE = "(?!" + alternation("not-values", "\\s+") + END + ")";

  private static final String COPULA = alternation("copulas", "\\s+");

  private static final String SET_TO = alternation("set-to", "\\s+");

  /** Every label holds one of these: the first piece of each label word. */
  private static final List<String> LABELLED =
      RedactionWords.pieces("secret-words", "secret-identifiers", "secret-suffixes");

  private static final String CURL_USER = "((?:^|\\s)(?:-u|--user)(?:\\s{1,10}|=)";

  /** The password of {@code curl -u}: {@code user} (up to its colon) stays. */
  private static Rule curlPassword(String user, String password) {
    return new Rule(
        "password",
        Pattern.compile(CURL_USER + user + ")" + password),
        m -> m.group(1) + REMOVED,
        List.of("-u", "--user"));
  }

  /** A password behind one of the label words; {@code replacement} keeps the label. */
  private static Rule labelled(String regex, Function<MatchResult, String> replacement) {
    return new Rule("password", Pattern.compile(regex, FLAGS), replacement, LABELLED);
  }

  private SecretRules() {}

  static final List<Rule> ALL =
      List.of(
          new Rule(
              "private key",
              Pattern.compile(
                  "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----.*?"
                      + "(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|\\z)",
                  Pattern.DOTALL),
              m -> REMOVED,
              List.of("-----begin")),
          new Rule(
              "API key",
              Pattern.compile(
                  START + alternation("key-prefixes", "") + "[A-Za-z0-9_\\-]{1,300}", FLAGS),
              m -> REMOVED,
              RedactionWords.words("key-prefixes")),
          new Rule(
              "Authorization header",
              Pattern.compile(
                  "((?:Proxy-)?Authorization[\"']?\\s{0,10}[:=]\\s{0,10}[\"']?)"
                      + "(?:(?:Basic|Bearer|Token|Digest)\\s{1,10})?[A-Za-z0-9+/=._~\\-]{1,4096}",
                  FLAGS),
              m -> m.group(1) + REMOVED,
              List.of("authorization")),
          // a bare scheme; in lower case only a token that is not a plain word
          new Rule(
              "Authorization header",
              Pattern.compile(
                  "\\b(?:(?:Basic|Bearer)\\s{1,10}|(?i:basic|bearer)\\s{1,10}"
                      + "(?=[a-z_\\-]{0,4096}[A-Z0-9+/=]))"
                      + "[A-Za-z0-9+/_\\-]{16,4096}(?:\\.[A-Za-z0-9_\\-]{1,4096}){0,4}={0,2}"),
              m -> REMOVED,
              List.of("basic", "bearer")),
          new Rule(
              "token (JWT)",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_\\-]{8,4096}\\.[A-Za-z0-9_\\-]{8,4096}"
                      + "(?:\\.[A-Za-z0-9_\\-]{0,4096})?"),
              m -> REMOVED,
              List.of("eyj")),
          new Rule(
              "password in a URL",
              Pattern.compile(
                  "\\b([a-z][a-z0-9+.\\-]{1,15}://[^\\s/?#@:\"'<>]{1,200}:)[^\\s/?#@\"'<>]{1,200}@",
                  FLAGS),
              m -> m.group(1) + REMOVED + "@",
              List.of("://")),
          // user:pass@host without a scheme (a database or SMTP address pasted from a config)
          new Rule(
              "password in a URL",
              Pattern.compile(
                  START
                      + "((?!mailto:)[A-Za-z0-9._%+\\-]{1,64}:)[^\\s/?#@:\"'<>]{1,200}"
                      + "@(?=[A-Za-z0-9\\-]{1,63}\\b)",
                  FLAGS),
              m -> m.group(1) + REMOVED + "@",
              List.of("@")),
          // curl -u user:password, quoted or not: the user stays (masked later if it is an API
          // username)
          curlPassword("\"[^\"\\n:]{0,200}:", "[^\"\\n]{1,300}"),
          curlPassword("'[^'\\n:]{0,200}:", "[^'\\n]{1,300}"),
          curlPassword("[^\\s\"':]{1,200}:", "[^\\s\"']{1,300}"),
          // an API username and its password: K123456_abc:pw, K123456_abc / pw
          new Rule(
              "password",
              Pattern.compile(
                  "(\\b[A-Z]{1,3}\\d{3,10}_[A-Za-z0-9]{2,64}(?::|\\s{0,3}[/|]\\s{0,3}))"
                      + "([^\\s@\"'/|]{1,300})"),
              m -> m.group(1) + REMOVED,
              List.of("_")),
          // "password": "x", password=x, ?api_key=x, passord: x, pw: x, KLARNA_PWD=x
          labelled(
              "(" + LABEL + "[\"'\\]]{0,2}\\s{0,10}(?::|=>?)\\s{0,10})" + VALUE,
              m -> m.group(1) + quoted(m.group(2))),
          // define('KLARNA_SHARED_SECRET', 'x'), putenv("DB_PASS", "x")
          labelled(
              "("
                  + START
                  + "[A-Za-z_]{1,30}\\s{0,10}\\(\\s{0,10}([\"'])"
                  + IDENTIFIER
                  + "\\2\\s{0,10},\\s{0,10})"
                  + VALUE,
              m -> m.group(1) + quoted(m.group(3))),
          labelled(
              "(<(" + IDENTIFIER + "|" + WORDS + ")>)[^<\\n]{1,300}(?=</\\2>)",
              m -> m.group(1) + REMOVED),
          // Passordet er X, the password is X: unless a word says something about the password
          labelled(
              "(" + LABEL + "\\s{1,5}" + COPULA + "\\s{0,5}:?\\s{1,5})" + NOT_A_VALUE + VALUE,
              m -> m.group(1) + quoted(m.group(2))),
          // a few words between: "Passordet jeg bruker er X", "Passordet er satt til X",
          // "I changed my password to X"; then only a value that looks like a secret
          labelled(
              "("
                  + LABEL
                  + "(?:\\s{1,5}[\\p{L}\\p{N}\\-]{1,40}){0,4}?\\s{1,5}(?:"
                  + COPULA
                  + "|"
                  + SET_TO
                  + ")\\s{0,5}:?\\s{1,5})"
                  + NOT_A_VALUE
                  + SHAPED,
              m -> m.group(1) + REMOVED),
          // passord Sommer2026!: no separator, so only a value that looks like a secret
          labelled("(" + LABEL + "\\s{1,5})" + SHAPED, m -> m.group(1) + REMOVED));

  /** The removed marker, in the quotes the value had (so JSON stays JSON). */
  private static String quoted(String value) {
    char first = value.charAt(0);
    return first == '"' || first == '\'' ? first + REMOVED + first : REMOVED;
  }
}
