package no.faqbot.revisions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  private static final String NEWEST = "SELECT COALESCE(MAX(revision), 0) FROM content_revisions";

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
    return read("read the newest content revision", NEWEST, q -> {}, RevisionLog::number);
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
    return read(
        "read the content revisions",
        sql,
        q -> q.setLong(1, parameter),
        r -> {
          List<Revision> revisions = new ArrayList<>();
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
          return revisions;
        });
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
    return read(
        "read the files of content revision " + number,
        "SELECT path, hash FROM content_revision_files WHERE revision = ?",
        q -> q.setLong(1, number),
        r -> byPath(r, row -> row.getString(2)));
  }

  /** The bytes of the file with this hash; empty when there is none. */
  public byte[] blob(String hash) {
    return read(
        "read a content file",
        "SELECT bytes FROM content_blobs WHERE hash = ?",
        q -> q.setString(1, hash),
        r -> r.next() ? r.getBytes(1) : new byte[0]);
  }

  /** The files of revision {@code number} whose path starts with {@code folder} (e.g. flows/). */
  public Map<String, byte[]> files(long number, String folder) {
    return read(
        "read the files of content revision " + number,
        "SELECT f.path, b.bytes FROM content_revision_files f"
            + " JOIN content_blobs b ON b.hash = f.hash"
            + " WHERE f.revision = ? AND substr(f.path, 1, ?) = ?",
        q -> {
          q.setLong(1, number);
          q.setInt(2, folder.length());
          q.setString(3, folder);
        },
        r -> byPath(r, row -> row.getBytes(2)));
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
    try (PreparedStatement q = c.prepareStatement(NEWEST);
        ResultSet r = q.executeQuery()) {
      newest = number(r);
    }
    if (newest != base) {
      throw new StaleRevisionException(base, newest);
    }
    Revision revision =
        new Revision(
            newest + 1,
            base,
            fingerprint,
            cut(author, 200),
            Instant.ofEpochMilli(clock.millis()),
            cut(message, 2000));
    RevisionRows.insert(c, revision, files, store.vendor() == Vendor.POSTGRESQL);
    return revision;
  }

  /** Reads a query's rows: {@code bind} sets its parameters, {@code rows} reads its result. */
  private <T> T read(String what, String sql, Binder bind, Rows<T> rows) {
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement(sql)) {
      bind.bind(q);
      try (ResultSet r = q.executeQuery()) {
        return rows.read(r);
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement q) throws SQLException;
  }

  @FunctionalInterface
  private interface Rows<T> {
    T read(ResultSet r) throws SQLException;
  }

  private static long number(ResultSet r) throws SQLException {
    r.next();
    return r.getLong(1);
  }

  /** Rows of a path and a {@code value}, by path. */
  private static <T> Map<String, T> byPath(ResultSet r, Rows<T> value) throws SQLException {
    Map<String, T> byPath = new TreeMap<>();
    while (r.next()) {
      byPath.put(r.getString(1), value.read(r));
    }
    return byPath;
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
