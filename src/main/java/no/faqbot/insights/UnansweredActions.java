package no.faqbot.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.faqbot.content.FaqEntry;
import no.faqbot.knowledge.ContentChange;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.store.Store;
import no.faqbot.store.Vendor;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;

/**
 * What staff do with an unanswered group: add a phrasing as an alternative, dismiss it, or copy it
 * as a new entry.
 */
public final class UnansweredActions {
  private final Store store;
  private final KnowledgeBase knowledge;
  private final ContentPublisher publisher;
  private final Path content;
  private final AuditLog audit;
  private final Clock clock;
  private final EntryPicker picker;

  public UnansweredActions(
      Store store,
      KnowledgeBase knowledge,
      ContentPublisher publisher,
      Path content,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.publisher = publisher;
    this.content = content.toAbsolutePath().normalize();
    this.audit = audit;
    this.clock = clock;
    this.picker = new EntryPicker(knowledge);
  }

  EntryPicker picker() {
    return picker;
  }

  /**
   * Adds {@code text} (one of the group's examples; null takes the most common) to the alternatives
   * of the entry {@code entryRef} names (an id or its question, see {@link EntryPicker}), publishes
   * the file through the {@link ContentPublisher} (which serialises it with every reload and puts
   * it back on a problem), then writes the audit row and marks the group done in one transaction. A
   * phrasing the entry has already (an add that was cut off after publishing) only marks the group
   * done, so trying again always finishes the job.
   *
   * @throws no.faqbot.knowledge.StaleRevisionException when someone published meanwhile
   * @throws no.faqbot.knowledge.ContentRejectedException when the content would have problems
   * @throws EntryPicker.NotFound when {@code entryRef} names no entry
   */
  public synchronized String addAlternative(
      UnansweredGroup group, String entryRef, String lang, String text, String user)
      throws IOException, SQLException {
    String phrasing = text == null || text.isBlank() ? group.examples().get(0) : text.strip();
    if (!group.examples().contains(phrasing)) {
      throw new IllegalArgumentException("text must be one of the group's examples");
    }
    AlternativeCheck.require(phrasing, lang);
    long base = publisher.servedRevision();
    FaqEntry entry = picker.pick(entryRef, lang);
    String clean = FrontMatterEditor.clean(phrasing).toLowerCase(Locale.ROOT);
    boolean known =
        entry.question().toLowerCase(Locale.ROOT).equals(clean)
            || entry.alternatives().stream()
                .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(clean));
    String detail = entry.id() + " (" + lang + "): " + phrasing;
    if (known) {
      dismiss(group, user, "add-alternative", detail + " (already there)");
      return phrasing;
    }
    String relative = entry.sourcePath().substring(entry.sourcePath().indexOf('/') + 1);
    Path file = content.resolve(relative).normalize();
    if (!file.startsWith(content)) {
      throw new ApiException(
          ErrorCode.NOT_FOUND, "the file of entry '" + entry.id() + "' is outside the content");
    }
    String before;
    try {
      before = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ApiException(
          ErrorCode.NOT_FOUND,
          "the file of entry '" + entry.id() + "' was not found under the content folder");
    }
    String after = FrontMatterEditor.withAlternative(before, phrasing, entry.sourcePath(), lang);
    publisher.publish(
        new ContentChange(
            base,
            Map.of(relative, after),
            Set.of(),
            user == null ? "?" : user,
            "alternative for " + entry.id() + " from unanswered questions"));
    dismiss(group, user, "add-alternative", detail);
    return phrasing;
  }

  /** Hides the group's phrasings from the list; new phrasings of the same question still show. */
  public void dismiss(UnansweredGroup group, String user) throws SQLException {
    dismiss(group, user, "dismiss", group.id() + ": " + group.examples().get(0));
  }

  /** The group's phrasings marked done and the audit row, in one transaction: both or neither. */
  private void dismiss(UnansweredGroup group, String user, String action, String detail)
      throws SQLException {
    String sql =
        store.vendor() == Vendor.POSTGRESQL
            ? "INSERT INTO dismissed (phrase_key, dismissed_at, dismissed_by) VALUES (?,?,?) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO dismissed (phrase_key, dismissed_at, dismissed_by) VALUES (?,?,?)";
    try (Connection c = store.connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (String key : group.keys()) {
          s.setString(1, EventRow.cut(key, 500));
          s.setLong(2, clock.millis());
          s.setString(3, user);
          s.addBatch();
        }
        s.executeBatch();
        audit.add(c, user, action, detail);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
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
