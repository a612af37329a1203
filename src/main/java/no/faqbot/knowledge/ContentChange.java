package no.faqbot.knowledge;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change to the content, published as a whole or not at all.
 *
 * @param baseRevision the revision the change was made on; a publisher refuses it when a newer one
 *     exists ({@link StaleRevisionException}), so two editors cannot overwrite each other unseen.
 *     {@link #ANY_BASE} skips the check (a folder published from the command line).
 * @param files new text of each changed file, by path relative to the content folder with {@code /}
 *     between names (e.g. {@code faq/nb/api-credentials.md})
 * @param deleted paths, in the same form, of files the change removes
 * @param author who made it (a staff user name, or the OS user for the command line)
 * @param message why, in the author's words
 */
public record ContentChange(
    long baseRevision,
    Map<String, String> files,
    Set<String> deleted,
    String author,
    String message) {
  public static final long ANY_BASE = -1;

  public ContentChange {
    files = Map.copyOf(files);
    deleted = Set.copyOf(deleted);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(message, "message");
    for (String path : files.keySet()) {
      requireRelative(path);
    }
    for (String path : deleted) {
      requireRelative(path);
    }
  }

  private static void requireRelative(String path) {
    if (path.isBlank()
        || path.startsWith("/")
        || path.contains("\\")
        || path.equals("..")
        || path.startsWith("../")
        || path.contains("/../")
        || path.endsWith("/..")) {
      throw new IllegalArgumentException(
          "'" + path + "' is not a path inside the content folder (use e.g. faq/nb/entry.md)");
    }
  }
}
