-- Support cases (issue 24): one row per case, made the first time a merchant previews, downloads or
-- sends a support e-mail. Only redacted fields are kept; screenshots are files under the data
-- folder (cases/<case_ref>/). Times are epoch milliseconds (UTC).
CREATE TABLE cases (
  case_ref VARCHAR(16) PRIMARY KEY,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  conversation VARCHAR(64),
  lang VARCHAR(8) NOT NULL,
  status VARCHAR(16) NOT NULL,
  channel VARCHAR(16),
  request TEXT NOT NULL
);
CREATE INDEX cases_status ON cases (status, created_at);
CREATE INDEX cases_conversation ON cases (conversation);

-- What happened to a case: made, delivered, a failed try, retried, resolved.
CREATE TABLE case_log (
  id INTEGER PRIMARY KEY,
  case_ref VARCHAR(16) NOT NULL,
  at BIGINT NOT NULL,
  entry VARCHAR(1000) NOT NULL
);
CREATE INDEX case_log_ref ON case_log (case_ref);

-- The delivery queue: one row per case to deliver, tried again with backoff until delivered or
-- dead (then the case shows as failed in the staff inbox, where it can be retried).
CREATE TABLE case_deliveries (
  case_ref VARCHAR(16) PRIMARY KEY,
  channel VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  next_at BIGINT NOT NULL,
  last_error VARCHAR(1000)
);
CREATE INDEX case_deliveries_due ON case_deliveries (state, next_at);
