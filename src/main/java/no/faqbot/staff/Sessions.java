package no.faqbot.staff;

import java.util.Optional;

/**
 * Logged-in staff sessions by random id: in this process's memory ({@link StaffSessions}) with the
 * embedded store, in the shared database ({@link StoredSessions}) when replicas share PostgreSQL.
 */
interface Sessions {
  /** A new session for {@code user}; its id (the cookie's value). */
  String open(String user);

  /** The session with this id, if it is one of ours and still valid. */
  Optional<Session> get(String id);

  void end(String id);

  int size();
}
