package no.faqbot.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import no.faqbot.store.Store;

/** The {@code case_deliveries} table: the delivery queue with its retries and dead letters. */
final class DeliveryRepository {
  static final String PENDING = "pending";
  static final String DONE = "delivered";
  static final String DEAD = "dead";

  private static final String SELECT =
      "SELECT case_ref, channel, state, attempts, next_at, last_error FROM case_deliveries";

  private final Store store;

  DeliveryRepository(Store store) {
    this.store = store;
  }

  /** A case's place in the queue. */
  record Row(
      String caseRef, String channel, String state, int attempts, long nextAt, String error) {}

  /** Puts the case in the queue (again), due at {@code at}, with no tries counted. */
  void enqueue(String ref, String channel, long at) throws SQLException {
    update(
        "INSERT INTO case_deliveries (case_ref, channel, state, attempts, next_at, last_error)"
            + " VALUES (?,?,'pending',0,?,NULL) ON CONFLICT (case_ref) DO UPDATE SET"
            + " channel = excluded.channel, state = 'pending', attempts = 0,"
            + " next_at = excluded.next_at, last_error = NULL",
        ref,
        channel,
        at);
  }

  /** Pending deliveries due at {@code at}, the oldest first. */
  List<Row> due(long at, int limit) throws SQLException {
    return Sql.query(
        store,
        SELECT + " WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT " + limit,
        DeliveryRepository::row,
        at);
  }

  Optional<Row> find(String ref) throws SQLException {
    return Sql.query(store, SELECT + " WHERE case_ref = ?", DeliveryRepository::row, ref).stream()
        .findFirst();
  }

  /**
   * Takes the delivery for one try: true for exactly one of the replicas that saw it due; the
   * others see its due time moved on to {@code leaseUntil}.
   */
  boolean claim(Row row, long leaseUntil) throws SQLException {
    return update(
            "UPDATE case_deliveries SET next_at = ? WHERE case_ref = ? AND state = 'pending'"
                + " AND next_at = ?",
            leaseUntil,
            row.caseRef(),
            row.nextAt())
        == 1;
  }

  void delivered(String ref, int attempts) throws SQLException {
    update(
        "UPDATE case_deliveries SET state = 'delivered', attempts = ?, last_error = NULL"
            + " WHERE case_ref = ?",
        attempts,
        ref);
  }

  void failed(String ref, int attempts, long nextAt, String error, boolean dead)
      throws SQLException {
    update(
        "UPDATE case_deliveries SET state = ?, attempts = ?, next_at = ?, last_error = ?"
            + " WHERE case_ref = ?",
        dead ? DEAD : PENDING,
        attempts,
        nextAt,
        error.length() > 1000 ? error.substring(0, 1000) : error,
        ref);
  }

  private static Row row(ResultSet r) throws SQLException {
    return new Row(
        r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getLong(5), r.getString(6));
  }

  private int update(String sql, Object... params) throws SQLException {
    return Sql.update(store, sql, params);
  }
}
