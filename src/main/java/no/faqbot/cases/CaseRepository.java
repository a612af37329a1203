package no.faqbot.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.faqbot.store.Store;
import no.faqbot.web.Json;

/** The {@code cases} and {@code case_log} tables: kept cases and what happened to each. */
public final class CaseRepository {
  private static final ObjectMapper JSON = Json.mapper();
  private static final String COLUMNS =
      "case_ref, created_at, updated_at, conversation, lang, status, channel, request";

  private final Store store;

  public CaseRepository(Store store) {
    this.store = store;
  }

  /** One line of a case's log. */
  public record LogEntry(long at, String entry) {}

  /**
   * Keeps {@code c}, or updates the kept one while it is still {@code new}; true when written (a
   * case already handed over does not change).
   */
  public boolean save(KeptCase c) throws SQLException {
    String request;
    try {
      request = JSON.writeValueAsString(c.request());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a case could not be written as JSON", e);
    }
    return update(
            "INSERT INTO cases ("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (case_ref) DO UPDATE SET"
                + " updated_at = excluded.updated_at, lang = excluded.lang,"
                + " request = excluded.request WHERE cases.status = 'new'",
            c.caseRef(),
            c.createdAt(),
            c.updatedAt(),
            c.conversation(),
            c.lang(),
            c.status(),
            c.channel(),
            request)
        > 0;
  }

  public Optional<KeptCase> find(String ref) throws SQLException {
    List<KeptCase> found = query("SELECT " + COLUMNS + " FROM cases WHERE case_ref = ?", ref);
    return found.stream().findFirst();
  }

  /** The newest {@code limit} cases, of one status or (null) all, newest first. */
  public List<KeptCase> list(String status, int limit) throws SQLException {
    String order = " ORDER BY created_at DESC LIMIT " + limit;
    return status == null
        ? query("SELECT " + COLUMNS + " FROM cases" + order)
        : query("SELECT " + COLUMNS + " FROM cases WHERE status = ?" + order, status);
  }

  /** Cases of a conversation, for deleting them with it. */
  public List<String> refsOfConversation(String conversation) throws SQLException {
    return refs("SELECT case_ref FROM cases WHERE conversation = ?", conversation);
  }

  /** Cases made before {@code at}, for the retention purge. */
  public List<String> refsBefore(long at) throws SQLException {
    return refs("SELECT case_ref FROM cases WHERE created_at < ?", at);
  }

  public void setStatus(String ref, String status, String channel, long at) throws SQLException {
    update(
        "UPDATE cases SET status = ?, channel = COALESCE(?, channel), updated_at = ?"
            + " WHERE case_ref = ?",
        status,
        channel,
        at,
        ref);
  }

  /** Deletes the case, its log and its place in the delivery queue; true when there was one. */
  public boolean delete(String ref) throws SQLException {
    update("DELETE FROM case_log WHERE case_ref = ?", ref);
    update("DELETE FROM case_deliveries WHERE case_ref = ?", ref);
    return update("DELETE FROM cases WHERE case_ref = ?", ref) > 0;
  }

  public void log(String ref, long at, String entry) throws SQLException {
    update(
        "INSERT INTO case_log (case_ref, at, entry) VALUES (?,?,?)",
        ref,
        at,
        entry.length() > 1000 ? entry.substring(0, 1000) : entry);
  }

  public List<LogEntry> logOf(String ref) throws SQLException {
    return Sql.query(
        store,
        "SELECT at, entry FROM case_log WHERE case_ref = ? ORDER BY at, id",
        r -> new LogEntry(r.getLong(1), r.getString(2)),
        ref);
  }

  /** The recorded chat of a conversation (insights' events), oldest first, for the inbox. */
  public List<Map<String, Object>> conversation(String conversation) throws SQLException {
    if (conversation == null) {
      return new ArrayList<>();
    }
    return Sql.query(
        store,
        "SELECT at, kind, message, reply_type, entry_id, flow_id, flow_step FROM events"
            + " WHERE conversation = ? ORDER BY at, id LIMIT 500",
        r -> {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("at", r.getLong(1));
          t.put("kind", r.getString(2));
          t.put("message", r.getString(3));
          t.put("replyType", r.getString(4));
          t.put("entry", r.getString(5));
          t.put("flow", r.getString(6));
          t.put("step", r.getString(7));
          return t;
        },
        conversation);
  }

  private List<KeptCase> query(String sql, Object... params) throws SQLException {
    return Sql.query(store, sql, CaseRepository::kept, params);
  }

  private static KeptCase kept(ResultSet r) throws SQLException {
    try {
      return new KeptCase(
          r.getString(1),
          r.getLong(2),
          r.getLong(3),
          r.getString(4),
          r.getString(5),
          r.getString(6),
          r.getString(7),
          JSON.readValue(r.getString(8), CaseRequest.class));
    } catch (JsonProcessingException e) {
      throw new SQLException("a kept case is not readable JSON: " + e.getOriginalMessage(), e);
    }
  }

  private List<String> refs(String sql, Object param) throws SQLException {
    return Sql.query(store, sql, r -> r.getString(1), param);
  }

  private int update(String sql, Object... params) throws SQLException {
    return Sql.update(store, sql, params);
  }
}
