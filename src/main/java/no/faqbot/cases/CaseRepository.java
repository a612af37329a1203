package no.faqbot.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    try (Connection con = store.connection();
        PreparedStatement s =
            con.prepareStatement(
                "INSERT INTO cases ("
                    + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (case_ref) DO UPDATE SET"
                    + " updated_at = excluded.updated_at, lang = excluded.lang,"
                    + " request = excluded.request WHERE cases.status = 'new'")) {
      s.setString(1, c.caseRef());
      s.setLong(2, c.createdAt());
      s.setLong(3, c.updatedAt());
      s.setString(4, c.conversation());
      s.setString(5, c.lang());
      s.setString(6, c.status());
      s.setString(7, c.channel());
      s.setString(8, JSON.writeValueAsString(c.request()));
      return s.executeUpdate() > 0;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a case could not be written as JSON", e);
    }
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
    List<LogEntry> list = new ArrayList<>();
    try (Connection con = store.connection();
        PreparedStatement s =
            con.prepareStatement(
                "SELECT at, entry FROM case_log WHERE case_ref = ? ORDER BY at, id")) {
      s.setString(1, ref);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          list.add(new LogEntry(r.getLong(1), r.getString(2)));
        }
      }
    }
    return list;
  }

  /** The recorded chat of a conversation (insights' events), oldest first, for the inbox. */
  public List<Map<String, Object>> conversation(String conversation) throws SQLException {
    List<Map<String, Object>> turns = new ArrayList<>();
    if (conversation == null) {
      return turns;
    }
    try (Connection con = store.connection();
        PreparedStatement s =
            con.prepareStatement(
                "SELECT at, kind, message, reply_type, entry_id, flow_id, flow_step FROM events"
                    + " WHERE conversation = ? ORDER BY at, id LIMIT 500")) {
      s.setString(1, conversation);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("at", r.getLong(1));
          t.put("kind", r.getString(2));
          t.put("message", r.getString(3));
          t.put("replyType", r.getString(4));
          t.put("entry", r.getString(5));
          t.put("flow", r.getString(6));
          t.put("step", r.getString(7));
          turns.add(t);
        }
      }
    }
    return turns;
  }

  private List<KeptCase> query(String sql, Object... params) throws SQLException {
    List<KeptCase> list = new ArrayList<>();
    try (Connection con = store.connection();
        PreparedStatement s = con.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          list.add(
              new KeptCase(
                  r.getString(1),
                  r.getLong(2),
                  r.getLong(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  JSON.readValue(r.getString(8), CaseRequest.class)));
        }
      }
    } catch (JsonProcessingException e) {
      throw new SQLException("a kept case is not readable JSON: " + e.getOriginalMessage(), e);
    }
    return list;
  }

  private List<String> refs(String sql, Object param) throws SQLException {
    List<String> refs = new ArrayList<>();
    try (Connection con = store.connection();
        PreparedStatement s = con.prepareStatement(sql)) {
      bind(s, param);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          refs.add(r.getString(1));
        }
      }
    }
    return refs;
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection con = store.connection();
        PreparedStatement s = con.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        s.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        s.setObject(i + 1, params[i]);
      }
    }
  }
}
