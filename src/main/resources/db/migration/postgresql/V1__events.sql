-- One row per recorded event (see no.faqbot.insights.Event); times are epoch milliseconds (UTC)
-- so the same queries run on SQLite and PostgreSQL.
CREATE TABLE events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  kind VARCHAR(24) NOT NULL,
  conversation VARCHAR(64),
  lang VARCHAR(8),
  message VARCHAR(500),
  reply_type VARCHAR(16),
  entry_id VARCHAR(200),
  score DOUBLE PRECISION,
  runner_up_id VARCHAR(200),
  runner_up_score DOUBLE PRECISION,
  suggestions VARCHAR(1000),
  flow_id VARCHAR(200),
  flow_step VARCHAR(200),
  flow_outcome VARCHAR(64),
  helpful SMALLINT,
  case_ref VARCHAR(64),
  problem VARCHAR(200),
  error_code VARCHAR(64)
);
CREATE INDEX events_at ON events (at);
CREATE INDEX events_conversation ON events (conversation);

-- Unanswered phrasings staff dismissed, by their analysed key: a new phrasing comes back.
CREATE TABLE dismissed (
  phrase_key VARCHAR(500) PRIMARY KEY,
  dismissed_at BIGINT NOT NULL,
  dismissed_by VARCHAR(200) NOT NULL
);

-- Who did what on the staff pages that changes data or content.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  staff_user VARCHAR(200) NOT NULL,
  action VARCHAR(64) NOT NULL,
  detail VARCHAR(2000)
);
