package no.faqbot.revisions;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), with a few unchanged lines around each
 * change, as an editor reads a change to one entry's file.
 */
public final class LineDiff {
  /** Unchanged lines shown before and after a change. */
  private static final int CONTEXT = 2;

  /** Files are small (256 KB at most); past this many lines each, only a summary is shown. */
  static final int MAX_LINES = 3_000;

  private LineDiff() {}

  /** One line of the diff: {@code kind} is ' ' (unchanged), '-' (removed) or '+' (added). */
  public record Line(char kind, String text) {
    /** As the page shows it: the kind, then the line. */
    public String shown() {
      return kind == '…' ? "…" + text : kind + " " + text;
    }

    public String css() {
      return kind == '+' ? "add" : kind == '-' ? "del" : kind == '…' ? "gap" : "same";
    }
  }

  public static List<Line> of(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      return List.of(
          new Line('…', "(" + a.length + " → " + b.length + " lines: too long to show)"));
    }
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> all = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        all.add(new Line(' ', a[i++]));
        j++;
      } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
        all.add(new Line('+', b[j++]));
      } else {
        all.add(new Line('-', a[i++]));
      }
    }
    return withContext(all);
  }

  /** Only changed lines and {@link #CONTEXT} lines around them; a gap marks what is left out. */
  private static List<Line> withContext(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++) {
      if (all.get(k).kind() != ' ') {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
          keep[c] = true;
        }
      }
    }
    List<Line> shown = new ArrayList<>();
    boolean gap = false;
    for (int k = 0; k < all.size(); k++) {
      if (keep[k]) {
        if (gap && !shown.isEmpty()) {
          shown.add(new Line('…', ""));
        }
        shown.add(all.get(k));
        gap = false;
      } else {
        gap = true;
      }
    }
    return shown;
  }
}
