package no.faqbot.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** A YAML syntax error as editors can act on it: in plain words, at the line of the mistake. */
final class YamlSyntaxError {
  private YamlSyntaxError() {}

  /**
   * One line naming the problem in plain words, English then bokmål, at the line of the mistake:
   * SnakeYAML reports some mistakes where it gave up (an unclosed quote at the end of the file, a
   * missing ':' on the next line), and in its own terms ("block end", "simple key").
   */
  static YamlDocument.YamlError of(JsonProcessingException e, String text, int firstLine) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        String problem = m.getProblem() == null ? "" : m.getProblem();
        String context = m.getContext() == null ? "" : m.getContext();
        int problemLine = m.getProblemMark().getLine();
        int contextLine = m.getContextMark() == null ? problemLine : m.getContextMark().getLine();
        Wording plain = plain(problem, context);
        int line = plain.atStart() ? contextLine : problemLine;
        int open = runawayQuote(text, line);
        if (open >= 0) {
          line = open;
          plain = QUOTE_NOT_CLOSED;
        }
        return new YamlDocument.YamlError(
            firstLine + line,
            ("invalid YAML: " + plain.english() + " (ugyldig YAML: " + plain.bokmal() + ")")
                .replaceAll("\\s+", " "));
      }
    }
    int line = e.getLocation() == null ? 1 : Math.max(e.getLocation().getLineNr(), 1);
    return new YamlDocument.YamlError(
        firstLine - 1 + line, ("invalid YAML: " + e.getOriginalMessage()).replaceAll("\\s+", " "));
  }

  /**
   * A mistake in English and bokmål; {@code atStart} when it is on the line where the construct
   * began rather than where SnakeYAML gave up.
   */
  private record Wording(String english, String bokmal, boolean atStart) {}

  private static final Wording QUOTE_NOT_CLOSED =
      new Wording(
          "the text in quotes that starts on this line is never closed: end it with the same quote",
          "teksten i anførselstegn som starter på denne linjen, blir aldri avsluttet: avslutt den"
              + " med samme anførselstegn",
          true);

  /** SnakeYAML's problem in plain words. */
  private static Wording plain(String problem, String context) {
    if (problem.contains("unknown escape character")) {
      return new Wording(
          "an unknown \\-escape in a double-quoted text: write \\\\ for a backslash",
          "ukjent \\-tegn i en tekst i doble anførselstegn: skriv \\\\ for en omvendt skråstrek",
          false);
    }
    if (context.contains("quoted scalar")) {
      return QUOTE_NOT_CLOSED;
    }
    if (problem.contains("could not find expected ':'")) {
      return new Wording(
          "this line has no 'key: value' (a ':' is missing after the key, or a text runs on to the"
              + " next line without quotes)",
          "linjen mangler 'nøkkel: verdi' (det mangler ':' etter nøkkelen, eller en tekst fortsetter"
              + " på neste linje uten anførselstegn)",
          true);
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      return new Wording(
          "the [list] that starts on this line is not closed, or an item holds ':', '?' or '#'"
              + " without quotes: close it with ] or put the item in double quotes",
          "listen i [ ] som starter på denne linjen, er ikke lukket, eller et element har ':', '?'"
              + " eller '#' uten anførselstegn: lukk den med ] eller sett elementet i doble"
              + " anførselstegn",
          true);
    }
    if (problem.contains("mapping values are not allowed")) {
      return new Wording(
          "a text holds ': ' without quotes, or the line is indented too far: put the text in"
              + " double quotes",
          "en tekst har ': ' uten anførselstegn, eller linjen er rykket for langt inn: sett teksten i"
              + " doble anførselstegn",
          false);
    }
    if (problem.contains("cannot start any token") && problem.contains("\\t")) {
      return new Wording(
          "the line is indented with a tab: indent with spaces",
          "linjen er rykket inn med tabulator: bruk mellomrom",
          false);
    }
    if (problem.contains("cannot start any token")
        || problem.contains("alias")
        || problem.contains("anchor")) {
      return new Wording(
          "the text starts with a character YAML reserves (such as @ ` * & ! % |): put it in double"
              + " quotes",
          "teksten starter med et tegn YAML bruker selv (som @ ` * & ! % |): sett den i doble"
              + " anførselstegn",
          false);
    }
    if (problem.startsWith("expected <block end>")) {
      return new Wording(
          "this line is not indented like the lines above, or text follows a closing quote: keys"
              + " start at the left edge, list items ('- ') two spaces in under their key",
          "linjen er ikke rykket inn som linjene over, eller det står tekst etter et avsluttende"
              + " anførselstegn: nøkler starter helt til venstre, listepunkter ('- ') to mellomrom inn"
              + " under nøkkelen",
          false);
    }
    String raw = problem + (context.isEmpty() ? "" : " (" + context + ")");
    return new Wording(raw, raw, false);
  }

  /**
   * The line (0-based) of a double quote opened before {@code errorLine} and still open there, or
   * -1: such a quote swallows the lines after it, so the error shows up only at the next quote.
   */
  static int runawayQuote(String text, int errorLine) {
    String[] lines = text.split("\r?\n", -1);
    int open = -1;
    for (int i = 0; i < Math.min(errorLine, lines.length); i++) {
      String line = lines[i];
      int from = 0;
      if (open < 0) {
        int value = valueStart(line);
        if (value < 0 || value >= line.length() || line.charAt(value) != '"') {
          continue;
        }
        open = i;
        from = value + 1;
      }
      for (int c = from; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '\\') {
          c++;
        } else if (ch == '"') {
          open = -1;
          break; // closed; a quote later on this line starts nothing we track
        }
      }
    }
    return open;
  }

  /** Where the value of a {@code key: value} or {@code - value} line starts, or -1. */
  private static int valueStart(String line) {
    String trimmed = line.stripLeading();
    int indent = line.length() - trimmed.length();
    if (trimmed.startsWith("- ")) {
      return indent
          + 2
          + (trimmed.substring(2).length() - trimmed.substring(2).stripLeading().length());
    }
    int colon = trimmed.indexOf(": ");
    if (colon < 0 || trimmed.startsWith("\"") || trimmed.startsWith("#")) {
      return -1;
    }
    String rest = trimmed.substring(colon + 2);
    return indent + colon + 2 + (rest.length() - rest.stripLeading().length());
  }
}
