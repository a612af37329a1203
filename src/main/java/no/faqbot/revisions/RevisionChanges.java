package no.faqbot.revisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a revision changed against the one before it, per content item: which entries, flows,
 * synonym lists and replies were added, removed or changed (by file, so comparing costs no
 * parsing).
 */
public final class RevisionChanges {
  private RevisionChanges() {}

  /** One item: its kind as editors name it, its name, the file, and how it changed. */
  public record Item(String kind, String name, String path, Change change) {}

  public enum Change {
    ADDED("lagt til / added"),
    REMOVED("fjernet / removed"),
    CHANGED("endret / changed");

    private final String label;

    Change(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The items that differ between {@code before} and {@code after} (path to file hash). */
  public static List<Item> between(Map<String, String> before, Map<String, String> after) {
    List<Item> items = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    for (String path : paths) {
      String was = before.get(path);
      String is = after.get(path);
      if (was == null) {
        items.add(item(path, Change.ADDED));
      } else if (is == null) {
        items.add(item(path, Change.REMOVED));
      } else if (!was.equals(is)) {
        items.add(item(path, Change.CHANGED));
      }
    }
    return items;
  }

  /** Names an item by its place in the content folder (docs/content-format.md). */
  static Item item(String path, Change change) {
    String[] parts = path.split("/");
    String file = parts[parts.length - 1];
    String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    if (parts.length == 3 && parts[0].equals("faq")) {
      return new Item("svar / entry (" + parts[1] + ")", base, path, change);
    }
    if (parts.length == 2 && parts[0].equals("flows")) {
      return new Item("veiledning / flow", base, path, change);
    }
    if (parts.length == 2 && parts[0].equals("synonyms")) {
      return new Item("synonymer / synonyms", base, path, change);
    }
    if (path.equals("replies.yaml")) {
      return new Item("faste svar / replies", "replies", path, change);
    }
    return new Item("fil / file", path, path, change);
  }
}
