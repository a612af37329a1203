package no.faqbot.staff;

import java.sql.SQLException;
import org.slf4j.LoggerFactory;

/** Where staff logins are written, naming the person: the audit log in the store. */
@FunctionalInterface
public interface LoginAudit {
  /** Without a store (a trial run) nothing is written. */
  LoginAudit NONE = (user, action, detail) -> {};

  void add(String user, String action, String detail) throws SQLException;

  /** A session began: the log names the person and {@code how} they logged in. */
  default void loggedIn(String user, String how) {
    try {
      add(user, "login", how);
    } catch (SQLException e) {
      // The person proved who they are; a store hiccup must not undo the login.
      LoggerFactory.getLogger(LoginAudit.class)
          .warn("Could not write {}'s login to the audit log: {}", user, e.getMessage());
    }
  }
}
