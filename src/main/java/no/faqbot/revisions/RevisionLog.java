package no.faqbot.revisions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.faqbot.format.Sha256;
import no.faqbot.knowledge.StaleRevisionException;
import no.faqbot.store.Store;
import no.faqbot.store.StoreUnavailableException;
import no.faqbot.store.Vendor;

/**
 * The revisions in the store (tables of migration V5). Appending checks the newest revision in the
 * same transaction, so two publishers on two replicas cannot both build on the same one: the
 * revision number is the primary key, and the loser is told its base is stale.
 */
public final class RevisionLog {
  /** The PostgreSQL notification channel a new revision is announced on (its number). */
  public static final String CHANNEL = "faqbot_content";

  private static final int TRIES = 5;

  private final Store store;
  private final Clock clock;

  public RevisionLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Store store() {
    return store;
  }

  /** The newest revision's number, 0 when there is none. */
  public long newestNumber() {
    try (Connection c = store.connection();
        PreparedStatement q =
            c.prepareStatement("SELECT COALESCE(MAX(revision), 0) FROM content_revisions");
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw failed("read the newest content revision", e);
    }
  }

  public Optional<Revision> newest() {
    List<Revision> one = list(1);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  public Optional<Revision> get(long number) {
    return query("SELECT * FROM content_revisions WHERE revision = ?", number).stream().findFirst();
  }

  /** The newest {@code limit} revisions, newest first. */
  public List<Revision> list(int limit) {
    return query("SELECT * FROM content_revisions ORDER BY revision DESC LIMIT ?", limit);
  }

  /** Revisions published at or after {@code since}, newest first. */
  public List<Revision> since(Instant since) {
    return query(
        "SELECT * FROM content_revisions WHERE created >= ? ORDER BY revision DESC",
        since.toEpochMilli());
  }

  private List<Revision> query(String sql, long parameter) {
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, parameter);
      List<Revision> revisions = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          revisions.add(
              new Revision(
                  r.getLong("revision"),
                  r.getLong("base"),
                  r.getString("fingerprint"),
                  r.getString("author"),
                  Instant.ofEpochMilli(r.getLong("created")),
                  r.getString("message")));
        }
      }
      return revisions;
    } catch (SQLException e) {
      throw failed("read the content revisions", e);
    }
  }

  /**
   * The files of revision {@code number}, by path relative to the content folder.
   *
   * @throws IllegalArgumentException when there is no such revision
   */
  public Map<String, byte[]> files(long number) {
    if (get(number).isEmpty()) {
      throw new IllegalArgumentException(
          "there is no content revision " + number + " (faqbot content history lists them)");
    }
    return files(number, "");
  }

  /** The files of revision {@code number} by path to the SHA-256 of their bytes (no contents). */
  public Map<String, String> hashes(long number) {
    try (Connection c = store.connection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT path, hash FROM content_revision_files WHERE revision = ?")) {
      q.setLong(1, number);
      Map<String, String> hashes = new TreeMap<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          hashes.put(r.getString(1), r.getString(2));
        }
      }
      return hashes;
    } catch (SQLException e) {
      throw failed("read the files of content revision " + number, e);
    }
  }

  /** The bytes of the file with this hash; empty when there is none. */
  public byte[] blob(String hash) {
    try (Connection c = store.connection();
        PreparedStatement q =
            c.prepareStatement("SELECT bytes FROM content_blobs WHERE hash = ?")) {
      q.setString(1, hash);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getBytes(1) : new byte[0];
      }
    } catch (SQLException e) {
      throw failed("read a content file", e);
    }
  }

  /** The files of revision {@code number} whose path starts with {@code folder} (e.g. flows/). */
  public Map<String, byte[]> files(long number, String folder) {
    try (Connection c = store.connection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT f.path, b.bytes FROM content_revision_files f"
                    + " JOIN content_blobs b ON b.hash = f.hash"
                    + " WHERE f.revision = ? AND substr(f.path, 1, ?) = ?")) {
      q.setLong(1, number);
      q.setInt(2, folder.length());
      q.setString(3, folder);
      Map<String, byte[]> files = new TreeMap<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          files.put(r.getString(1), r.getBytes(2));
        }
      }
      return files;
    } catch (SQLException e) {
      throw failed("read the files of content revision " + number, e);
    }
  }

  /**
   * Appends a revision built on {@code base}, which must still be the newest.
   *
   * @throws StaleRevisionException when a newer revision than {@code base} exists
   */
  public Revision append(
      long base, Map<String, byte[]> files, String fingerprint, String author, String message) {
    SQLException last = null;
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      try (Connection c = store.connection()) {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          Revision added = append(c, base, files, fingerprint, author, message);
          c.commit();
          return added;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      } catch (SQLException e) {
        // Most likely another publisher took the number (primary key) or held SQLite's write
        // lock: stale if the newest moved on, else try again.
        last = e;
        long newest = newestNumber();
        if (newest != base) {
          throw new StaleRevisionException(base, newest);
        }
      }
    }
    throw failed("publish a content revision", last);
  }

  /**
   * Appends {@code files} (a complete, checked content set) as the newest revision, whatever was
   * newest: a folder or a restore published as a whole.
   */
  public Revision appendOnNewest(
      Map<String, byte[]> files, String fingerprint, String author, String message) {
    for (int attempt = 1; ; attempt++) {
      try {
        return append(newestNumber(), files, fingerprint, author, message);
      } catch (StaleRevisionException e) {
        if (attempt == TRIES) {
          throw e;
        }
      }
    }
  }

  private Revision append(
      Connection c,
      long base,
      Map<String, byte[]> files,
      String fingerprint,
      String author,
      String message)
      throws SQLException {
    long newest;
    try (PreparedStatement q =
            c.prepareStatement("SELECT COALESCE(MAX(revision), 0) FROM content_revisions");
        ResultSet r = q.executeQuery()) {
      r.next();
      newest = r.getLong(1);
    }
    if (newest != base) {
      throw new StaleRevisionException(base, newest);
    }
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
    Revision revision =
        new Revision(
            newest + 1,
            base,
            fingerprint,
            cut(author, 200),
            Instant.ofEpochMilli(clock.millis()),
            cut(message, 2000));
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
    if (store.vendor() == Vendor.POSTGRESQL) {
      // Delivered to every listening replica when this transaction commits.
      try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, CHANNEL);
        notify.setString(2, Long.toString(revision.number()));
        notify.execute();
      }
    }
    return revision;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private StoreUnavailableException failed(String what, SQLException e) {
    return new StoreUnavailableException(
        "could not "
            + what
            + " in "
            + store.description()
            + (e == null ? "" : ": " + e.getMessage()),
        e);
  }
}
