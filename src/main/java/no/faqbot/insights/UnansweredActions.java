package no.faqbot.insights;

import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.store.Store;
import no.faqbot.store.Vendor;

/**
 * What staff do with an unanswered group: add a phrasing as an alternative, dismiss it, or copy it
 * as a new entry.
 */
public final class UnansweredActions {
  private final Store store;
  private final KnowledgeBase knowledge;
  private final ContentReloader reloader;
  private final Path content;
  private final AuditLog audit;
  private final Clock clock;

  public UnansweredActions(
      Store store,
      KnowledgeBase knowledge,
      ContentReloader reloader,
      Path content,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.reloader = reloader;
    this.content = content;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Writes {@code text} (one of the group's examples; null takes the most common) into the entry's
   * front matter, reloads the content, and marks the group done. Restores the file if the content
   * then has a problem in it.
   */
  public synchronized String addAlternative(
      UnansweredGroup group, String entryId, String lang, String text, String user)
      throws IOException, SQLException {
    String phrasing = text == null || text.isBlank() ? group.examples().get(0) : text.strip();
    if (!group.examples().contains(phrasing)) {
      throw new IllegalArgumentException("text must be one of the group's examples");
    }
    AlternativeCheck.require(phrasing, lang);
    FaqEntry entry =
        knowledge
            .current()
            .content()
            .entry(entryId, lang)
            .filter(e -> e.lang().equals(lang) && !e.isFlowTrigger())
            .orElseThrow(
                () ->
                    new NotFoundResponse("no entry '" + entryId + "' in language '" + lang + "'"));
    boolean known =
        entry.question().equalsIgnoreCase(phrasing)
            || entry.alternatives().stream().anyMatch(a -> a.equalsIgnoreCase(phrasing));
    if (known) {
      throw new ConflictResponse("'" + phrasing + "' is already a phrasing of " + entryId);
    }
    Path file =
        content
            .resolve(entry.sourcePath().substring(entry.sourcePath().indexOf('/') + 1))
            .normalize();
    if (!file.startsWith(content.normalize()) || !Files.isRegularFile(file)) {
      throw new NotFoundResponse(
          "the file of entry '" + entryId + "' was not found under the content folder");
    }
    byte[] before = FrontMatterEditor.addAlternative(file, phrasing);
    ContentReloader.ReloadStatus status = reloader.reload();
    if (!status.served()) {
      Files.write(file, before);
      reloader.reload();
      throw new IllegalArgumentException(
          "adding it made the content invalid ("
              + status.problems().get(0)
              + "); the file is unchanged");
    }
    dismiss(group, user, "add-alternative", entryId + " (" + lang + "): " + phrasing);
    return phrasing;
  }

  /** Hides the group's phrasings from the list; new phrasings of the same question still show. */
  public void dismiss(UnansweredGroup group, String user) throws SQLException {
    dismiss(group, user, "dismiss", group.id() + ": " + group.examples().get(0));
  }

  private void dismiss(UnansweredGroup group, String user, String action, String detail)
      throws SQLException {
    String sql =
        store.vendor() == Vendor.POSTGRESQL
            ? "INSERT INTO dismissed (phrase_key, dismissed_at, dismissed_by) VALUES (?,?,?) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO dismissed (phrase_key, dismissed_at, dismissed_by) VALUES (?,?,?)";
    try (Connection c = store.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (String key : group.keys()) {
        s.setString(1, Event.cut(key, 500));
        s.setLong(2, clock.millis());
        s.setString(3, user);
        s.addBatch();
      }
      s.executeBatch();
    }
    audit.add(user, action, detail);
  }

  /**
   * A Markdown file for a new entry with the group's phrasings, to paste into {@code
   * faq/<lang>/<id>.md}.
   */
  public String skeleton(UnansweredGroup group, String user) throws SQLException {
    audit.add(user, "copy-as-entry", group.id() + ": " + group.examples().get(0));
    return skeleton(group, LocalDate.now(clock));
  }

  static String skeleton(UnansweredGroup group, LocalDate today) {
    String question = group.examples().get(0);
    String id =
        question
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-|-$", "");
    id =
        java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFD)
            .replaceAll("[^a-z0-9-]", "");
    StringBuilder md =
        new StringBuilder("---\nversion: 1\nid: ")
            .append(id.isEmpty() ? "new-entry" : id)
            .append("\nquestion: ")
            .append(FrontMatterEditor.scalar(question))
            .append('\n');
    if (group.examples().size() > 1) {
      md.append("alternatives:\n");
      group.examples().stream()
          .skip(1)
          .forEach(e -> md.append("  - ").append(FrontMatterEditor.scalar(e)).append('\n'));
    }
    return md.append("section: ")
        .append("en".equals(group.lang()) ? "General" : "Generelt")
        .append("\nupdated: ")
        .append(today)
        .append("\n---\n")
        .append("Skriv svaret her. / Write the answer here.\n")
        .toString();
  }
}
