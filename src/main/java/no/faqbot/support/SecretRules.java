package no.faqbot.support;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The forms a secret takes in what merchants paste, in the order {@link Redactor} applies them:
 * whole tokens first (so a JWT goes as one piece), then credentials inside URLs and commands, then
 * values behind a label. Each rule keeps what names the secret and replaces only its value.
 */
final class SecretRules {
  static final String REMOVED = "[fjernet]";

  /**
   * One form of secret: what to call it in the e-mail, how to find it, what to leave in its place.
   */
  record Rule(String what, Pattern pattern, Function<MatchResult, String> replacement) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Not glued to a letter or digit on either side (so "bypass" and "nøkkelord" are no labels). */
  private static final String START = "(?<![\\p{L}\\p{N}_.\\-])";

  private static final String END = "(?![\\p{L}\\p{N}])";

  /**
   * Identifiers that name a secret: password, client_secret, apiKey, access_token,
   * KLARNA_SHARED_SECRET...
   */
  private static final String IDENTIFIER =
      "[A-Za-z0-9_.\\-]*(?:password|passwd|passwort|passphrase|secret|token"
          + "|api[_\\-]?key|private[_\\-]?key|access[_\\-]?key|credentials?)[A-Za-z0-9_\\-]*";

  /** Labels in prose, Norwegian and English. */
  private static final String WORDS =
      "passord(?:et)?|pwd|pass|(?:delt |delte )?hemmelighet(?:en)?"
          + "|(?:api[ \\-]|hemmelig |privat )?nøkkel(?:en)?|(?:shared|client|api) secret|(?:api|secret|private) key"
          + "|access token|token(?:et)?|kode(?:n)?ord(?:et)?";

  private static final String LABEL = START + "(?:" + IDENTIFIER + "|" + WORDS + ")" + END;

  /**
   * A value as far as it goes: quoted, or up to a space or a separator of JSON, query strings and
   * lists.
   */
  private static final String VALUE =
      "(\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*'"
          + "|[^\\s,;&\"'}<>]+(?:&(?![A-Za-z0-9_.\\-]+=)[^\\s,;&\"'}<>]*)*)";

  /**
   * Words that follow "the password is" in a sentence about the password, not in one that gives it.
   */
  private static final String NOT_A_VALUE =
      "(?!(?:feil|riktig|korrekt|ikke|ugyldig|utløpt|endret|byttet|nytt|ny"
          + "|gammelt|borte|tomt|blank|glemt|satt|lagret|oppgitt|den|det|samme|sperret|låst|for|også"
          + "|helt|wrong|correct|right|not"
          + "|invalid|expired|changed|new|old|empty|blank|missing|forgotten|set|saved|the|same|locked|also|too|still|now|nå"
          + "|fortsatt|fremdeles|rejected|avvist|required|påkrevd|obligatorisk|case|på|i|at|that|som|hos|in|on|under"
          + "|et|en|a|an|sendt|sent|gyldig|valid|ok|okay|fine|greit|good|bra|too|veldig|very|kun|only|bare|just|used|brukt"
          + "|needed|nødvendig|generated|generert|laget|created|shown|vist|å|lagt|skrevet|typed|entered|pasted|limt"
          + "|de|dem|disse|these|those|your|ditt|din|dine|my|mine|our|våre|vårt|their|deres)"
          + END
          + ")";

  private static final String CURL_USER = "((?:^|\\s)(?:-u|--user)(?:\\s+|=)";

  private SecretRules() {}

  static final List<Rule> ALL =
      List.of(
          new Rule(
              "private key",
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)",
                  Pattern.DOTALL),
              m -> REMOVED),
          new Rule(
              "API key",
              Pattern.compile("klarna_(?:live|test)_api_[A-Za-z0-9_\\-]+", FLAGS),
              m -> REMOVED),
          new Rule(
              "Authorization header",
              Pattern.compile(
                  "((?:Proxy-)?Authorization[\"']?\\s*[:=]\\s*[\"']?)(?:(?:Basic|Bearer|Token|Digest)\\s+)?"
                      + "[A-Za-z0-9+/=._~\\-]+",
                  FLAGS),
              m -> m.group(1) + REMOVED),
          new Rule(
              "Authorization header",
              Pattern.compile(
                  "\\b(?:Basic|Bearer)\\s+[A-Za-z0-9+/_\\-]{16,}(?:\\.[A-Za-z0-9_\\-]+)*={0,2}"),
              m -> REMOVED),
          new Rule(
              "token (JWT)",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}(?:\\.[A-Za-z0-9_\\-]*)?"),
              m -> REMOVED),
          new Rule(
              "password in a URL",
              Pattern.compile(
                  "\\b([a-z][a-z0-9+.\\-]{1,15}://[^\\s/?#@:\"'<>]+:)[^\\s/?#@\"'<>]+@", FLAGS),
              m -> m.group(1) + REMOVED + "@"),
          // curl -u user:password, quoted or not: the user stays (masked later if it is an API
          // username)
          new Rule(
              "password",
              Pattern.compile(CURL_USER + "\"[^\"\\n:]*:)[^\"\\n]+"),
              m -> m.group(1) + REMOVED),
          new Rule(
              "password",
              Pattern.compile(CURL_USER + "'[^'\\n:]*:)[^'\\n]+"),
              m -> m.group(1) + REMOVED),
          new Rule(
              "password",
              Pattern.compile(CURL_USER + "[^\\s\"':]+:)[^\\s\"']+"),
              m -> m.group(1) + REMOVED),
          new Rule(
              "password",
              Pattern.compile("(\\b[A-Z]{1,3}\\d{3,10}_[A-Za-z0-9]{6,}:)([^\\s@\"']+)"),
              m -> m.group(1) + REMOVED),
          // "password": "x", password=x, ?api_key=x, passord: x
          new Rule(
              "password",
              Pattern.compile("(" + LABEL + "[\"'\\]]{0,2}\\s*(?::|=>?)\\s*)" + VALUE, FLAGS),
              m -> m.group(1) + quoted(m.group(2))),
          new Rule(
              "password",
              Pattern.compile("(<(" + IDENTIFIER + "|passord)>)[^<\\n]+(?=</\\2>)", FLAGS),
              m -> m.group(1) + REMOVED),
          // Passordet er X, the password is X: unless a word says something about the password
          // instead
          new Rule(
              "password",
              Pattern.compile(
                  "("
                      + LABEL
                      + "(?:\\s+(?:mitt|min|vårt|vår|ditt|din|my|our|your))?"
                      + "(?:\\s+(?:til|for|på|i|to|of|on|in)(?:\\s+[\\p{L}\\p{N}\\-]{1,40}){1,3}?)?"
                      + "\\s+(?:er|is|was|var|blir|ble)\\s*:?\\s+)"
                      + NOT_A_VALUE
                      + VALUE,
                  FLAGS),
              m -> m.group(1) + quoted(m.group(2))),
          // passord Sommer2026!: no separator, so only a value that looks like a secret
          new Rule(
              "password",
              Pattern.compile(
                  "("
                      + LABEL
                      + "\\s+)"
                      + "((?=[^\\s,;]*\\p{L})(?=[^\\s,;]*[\\p{N}!#$%&*+/=?@^_~])[^\\s,;\"'<>]{6,})",
                  FLAGS),
              m -> m.group(1) + REMOVED));

  /** The removed marker, in the quotes the value had (so JSON stays JSON). */
  private static String quoted(String value) {
    char first = value.charAt(0);
    return first == '"' || first == '\'' ? first + REMOVED + first : REMOVED;
  }
}
