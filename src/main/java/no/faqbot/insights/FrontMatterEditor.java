package no.faqbot.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adds a phrasing to the {@code alternatives} of an FAQ file's front matter, changing nothing else:
 * one line is added to a block list (with its indentation), one item to a one-line flow list, or a
 * new {@code alternatives} list before the closing {@code ---}. Line endings are kept.
 */
public final class FrontMatterEditor {
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.?!'()/-]*");
  private static final Pattern ITEM = Pattern.compile("^(\\s+)-\\s.*");

  private FrontMatterEditor() {}

  /**
   * The file's text with {@code phrasing} added; throws IllegalArgumentException when it cannot be
   * done safely.
   */
  static String withAlternative(String text, String phrasing) {
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
      if (!line.startsWith("alternatives:")) {
        continue;
      }
      String rest = line.substring("alternatives:".length()).strip();
      if (rest.isEmpty()) {
        int last = i;
        String indent = "  ";
        while (last + 1 < end && ITEM.matcher(lines.get(last + 1)).matches()) {
          last++;
          indent = ITEM.matcher(lines.get(last)).replaceFirst("$1");
        }
        lines.add(last + 1, indent + "- " + scalar(phrasing));
      } else if (rest.startsWith("[") && rest.endsWith("]")) {
        String inner = rest.substring(1, rest.length() - 1).strip();
        int close = line.lastIndexOf(']');
        lines.set(
            i,
            line.substring(0, close).stripTrailing()
                + (inner.isEmpty() ? "" : ", ")
                + scalar(phrasing)
                + line.substring(close));
      } else {
        throw new IllegalArgumentException(
            "alternatives is neither a list of lines nor a [one-line] list");
      }
      return String.join(eol, lines);
    }
    lines.add(end, "alternatives:");
    lines.add(end + 1, "  - " + scalar(phrasing));
    return String.join(eol, lines);
  }

  /** As YAML: plain when that is safe, else double-quoted with escapes. */
  static String scalar(String s) {
    String clean = s.replaceAll("[\\p{Cntrl}]", " ").strip();
    if (PLAIN.matcher(clean).matches() && !clean.endsWith(" ")) {
      return clean;
    }
    return "\"" + clean.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Writes the file with the phrasing added, atomically (a temporary file the content loader
   * ignores, then a move).
   */
  static byte[] addAlternative(Path file, String phrasing) throws IOException {
    byte[] before = Files.readAllBytes(file);
    String updated = withAlternative(new String(before, StandardCharsets.UTF_8), phrasing);
    Path temp = file.resolveSibling("." + file.getFileName() + ".faqbot-tmp");
    Files.writeString(temp, updated, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return before;
  }
}
