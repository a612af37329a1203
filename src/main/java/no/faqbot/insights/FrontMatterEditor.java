package no.faqbot.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import no.faqbot.content.FaqEntry;
import no.faqbot.content.FaqFileParser;
import no.faqbot.content.MarkdownRenderer;

/**
 * Adds a phrasing to the {@code alternatives} of an FAQ file's front matter by structure, changing
 * nothing else: the new item is one double-quoted block-list line ({@code - "..."}) after the
 * list's last line (so an item that spans two lines stays whole), a one-line or multi-line flow
 * list ({@code alternatives: [a, b]}) is rewritten as a block list of quoted items first (a phrase
 * with commas must stay one item), and a missing list is added before the closing {@code ---}. Line
 * endings are kept. The result is parsed again and must be the old entry plus exactly the new
 * alternative, or nothing is returned.
 */
public final class FrontMatterEditor {
  private static final String KEY = "alternatives:";

  /** A top-level key or the end of the front matter: where the list's lines stop. */
  private static final Pattern TOP_LEVEL = Pattern.compile("^[^\\s#-].*|^-{3}\\s*$");

  /** Characters YAML does not allow in a double-quoted scalar, or that would break the line. */
  private static final Pattern NOT_PRINTABLE =
      Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029\\uFEFF\\uFFFE\\uFFFF]");

  private static final FaqFileParser PARSER = new FaqFileParser(new MarkdownRenderer());

  private FrontMatterEditor() {}

  /**
   * The file's text with {@code phrasing} added as an alternative of the entry in {@code lang} at
   * {@code path} (relative to the content folder's parent, as entries name their source).
   *
   * @throws IllegalArgumentException when it cannot be done safely (saying why); then nothing is to
   *     be written
   */
  static String withAlternative(String text, String phrasing, String path, String lang) {
    String clean = clean(phrasing);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("the phrasing is empty");
    }
    FaqEntry before = parse(text, path, lang, "the file has problems already");
    String updated = withAlternative(text, clean, before.alternatives());
    FaqEntry after = parse(updated, path, lang, "adding the phrasing would break the file");
    List<String> expected = new ArrayList<>(before.alternatives());
    expected.add(clean);
    FaqEntry wanted =
        new FaqEntry.Article(
            before.id(),
            before.lang(),
            before.question(),
            expected,
            before.section(),
            before.tags(),
            before.related(),
            before.updated(),
            before.flow(),
            before.answer(),
            before.sourcePath());
    if (!Objects.equals(wanted, after)) {
      throw new IllegalArgumentException(
          "the file's front matter could not be changed safely by structure (read back "
              + after.alternatives().size()
              + " alternatives, expected "
              + expected.size()
              + "); edit it by hand");
    }
    return updated;
  }

  private static FaqEntry parse(String text, String path, String lang, String what) {
    FaqFileParser.Result result = PARSER.parse(path, lang, text);
    if (result.entry() == null) {
      throw new IllegalArgumentException(
          what
              + (result.problems().isEmpty() ? "" : " (" + result.problems().get(0) + ")")
              + "; the file is unchanged");
    }
    return result.entry();
  }

  /** The text edit alone; {@code old} is the list as the file has it now (for a flow list). */
  static String withAlternative(String text, String phrasing, List<String> old) {
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      throw new IllegalArgumentException("the file has no front matter");
    }
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new IllegalArgumentException("the front matter is not closed with ---");
    }
    for (int i = 1; i < end; i++) {
      String line = lines.get(i);
      if (!line.startsWith(KEY)) {
        continue;
      }
      // The value's lines: indented, blank, comments and '- ' items up to the next key.
      int last = i;
      for (int j = i + 1; j < end && !TOP_LEVEL.matcher(lines.get(j)).matches(); j++) {
        if (!lines.get(j).isBlank()) {
          last = j;
        }
      }
      String rest = line.substring(KEY.length()).strip();
      if (rest.isEmpty() || rest.startsWith("#")) {
        String indent = "  ";
        for (int j = i + 1; j <= last; j++) {
          String item = lines.get(j);
          String stripped = item.stripLeading();
          if (stripped.startsWith("- ") || stripped.equals("-")) {
            indent = item.substring(0, item.length() - stripped.length());
            break;
          }
        }
        lines.add(last + 1, indent + "- " + scalar(phrasing));
      } else if (rest.startsWith("[")) {
        List<String> block = new ArrayList<>();
        block.add(KEY);
        for (String item : old) {
          block.add("  - " + scalar(item));
        }
        block.add("  - " + scalar(phrasing));
        lines.subList(i, last + 1).clear();
        lines.addAll(i, block);
      } else {
        throw new IllegalArgumentException(
            "alternatives is neither a list of '- ' lines nor a [list]: edit it by hand");
      }
      return String.join(eol, lines);
    }
    lines.add(end, KEY);
    lines.add(end + 1, "  - " + scalar(phrasing));
    return String.join(eol, lines);
  }

  /** One line of text: control characters and line breaks become spaces. */
  static String clean(String s) {
    return NOT_PRINTABLE.matcher(s).replaceAll(" ").strip();
  }

  /** As a YAML double-quoted scalar, escaped: always quoted, so no text can mean anything else. */
  static String scalar(String s) {
    return "\"" + clean(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
