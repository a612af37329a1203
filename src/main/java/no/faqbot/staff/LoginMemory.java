package no.faqbot.staff;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * Where failed logins and sessions are kept: in this process's memory, or in the database that
 * replicas share, so a login (and a lockout) on one replica holds on all.
 */
record LoginMemory(FailedLogins failures, Sessions sessions) {
  static LoginMemory inProcess(Clock clock, int maxClients) {
    return new LoginMemory(new LoginThrottle(clock, maxClients), new StaffSessions(clock));
  }

  static LoginMemory shared(DataSource db, Clock clock) {
    return new LoginMemory(
        new StoredLoginThrottle(db, clock, LoginThrottle.MAX_CLIENTS),
        new StoredSessions(db, clock));
  }
}
