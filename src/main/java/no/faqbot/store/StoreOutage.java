package no.faqbot.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a store that is away (no connection, refused, timed out, shut down: it may come back) from
 * other failures (a bad statement, a full disk), and says which in a few plain words.
 */
public final class StoreOutage {
  private StoreOutage() {}

  /** Whether {@code e} or one of its causes says the store cannot be reached now. */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof StoreUnavailableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 57P: the server shut down or does not take connections now
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** A short description for the log: the kind of failure, never a pool's or driver's internals. */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQL state " + sql.getSQLState();
      }
    }
    return e.getClass().getSimpleName();
  }
}
