package no.faqbot.revisions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.format.Sha256;

/**
 * Writes one revision's rows in the publisher's transaction: each file's bytes once by their
 * SHA-256 ({@code content_blobs}, shared by every revision that has them), the revision, and its
 * files by path and hash; on PostgreSQL a notification other replicas get when it commits.
 */
final class RevisionRows {
  private RevisionRows() {}

  static void insert(Connection c, Revision revision, Map<String, byte[]> files, boolean notify)
      throws SQLException {
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    files.forEach(
        (path, bytes) -> {
          String hash = Sha256.hex(bytes);
          hashes.put(path, hash);
          blobs.put(hash, bytes);
        });
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO content_blobs (hash, bytes) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING")) {
      for (var blob : blobs.entrySet()) {
        insert.setString(1, blob.getKey());
        insert.setBytes(2, blob.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO content_revisions (revision, base, fingerprint, author, message, created)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, revision.number());
      insert.setLong(2, revision.base());
      insert.setString(3, revision.fingerprint());
      insert.setString(4, revision.author());
      insert.setString(5, revision.message());
      insert.setLong(6, revision.created().toEpochMilli());
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO content_revision_files (revision, path, hash) VALUES (?, ?, ?)")) {
      for (var file : hashes.entrySet()) {
        insert.setLong(1, revision.number());
        insert.setString(2, file.getKey());
        insert.setString(3, file.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    if (notify) {
      // Delivered to every listening replica when this transaction commits.
      try (PreparedStatement q = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        q.setString(1, RevisionLog.CHANNEL);
        q.setString(2, Long.toString(revision.number()));
        q.execute();
      }
    }
  }
}
