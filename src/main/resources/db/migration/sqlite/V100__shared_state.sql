-- State that replicas sharing one database must agree on (issue 13). Version 100 and up belong to
-- the replicas work, so they never collide with the insights migrations numbered from 1.
-- Times are epoch milliseconds (UTC).

-- Staff sessions by the SHA-256 of their id (the cookie): a copied row is not a login.
CREATE TABLE staff_sessions (
  id VARCHAR(64) PRIMARY KEY,
  staff_user VARCHAR(200) NOT NULL,
  csrf VARCHAR(64) NOT NULL,
  expires BIGINT NOT NULL
);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires);

-- Failed staff logins per client address (never per user name) and the lockout they earned.
CREATE TABLE login_failures (
  client VARCHAR(64) PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);
CREATE INDEX login_failures_last_at ON login_failures (last_at);

-- Secrets generated once and shared by every replica, such as the flow-state signing key.
CREATE TABLE shared_secrets (
  name VARCHAR(64) PRIMARY KEY,
  secret VARCHAR(200) NOT NULL
);
