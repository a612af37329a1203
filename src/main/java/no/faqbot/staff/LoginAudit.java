package no.faqbot.staff;

import java.sql.SQLException;

/** Where staff logins are written, naming the person: the audit log in the store. */
@FunctionalInterface
public interface LoginAudit {
  /** Without a store (a trial run) nothing is written. */
  LoginAudit NONE = (user, action, detail) -> {};

  void add(String user, String action, String detail) throws SQLException;
}
