-- Counts per day kept up to date by every insert (EventRepository), so the insights figures read a
-- few thousand rows instead of scanning every event of the period. Keys use '' and -1 for "none"
-- (NULLs would never conflict). Both are filled from the events already stored.
CREATE TABLE daily_counts (
  day INTEGER NOT NULL,
  lang VARCHAR(8) NOT NULL,
  kind VARCHAR(24) NOT NULL,
  reply_type VARCHAR(16) NOT NULL,
  entry_id VARCHAR(200) NOT NULL,
  flow_id VARCHAR(200) NOT NULL,
  flow_step VARCHAR(200) NOT NULL,
  flow_outcome VARCHAR(64) NOT NULL,
  helpful SMALLINT NOT NULL,
  has_message SMALLINT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (day, lang, kind, reply_type, entry_id, flow_id, flow_step, flow_outcome, helpful, has_message)
);

-- Which conversations were active on a day: had a turn, a support e-mail, or a "hard" resolution
-- (a helpful vote or a resolved flow end), for the distinct conversation counts.
CREATE TABLE conversation_days (
  day INTEGER NOT NULL,
  lang VARCHAR(8) NOT NULL,
  conversation VARCHAR(64) NOT NULL,
  mark VARCHAR(8) NOT NULL,
  PRIMARY KEY (day, lang, conversation, mark)
);
CREATE INDEX conversation_days_conversation ON conversation_days (conversation);

INSERT INTO daily_counts
SELECT at / 86400000, COALESCE(lang, ''), kind, COALESCE(reply_type, ''),
  CASE WHEN kind IN ('pick', 'vote') OR reply_type = 'answer' THEN COALESCE(entry_id, '') ELSE '' END,
  COALESCE(flow_id, ''), COALESCE(flow_step, ''), COALESCE(flow_outcome, ''), COALESCE(helpful, -1),
  CASE WHEN message IS NULL THEN 0 ELSE 1 END, COUNT(*)
FROM events
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

INSERT INTO conversation_days
SELECT DISTINCT at / 86400000, COALESCE(lang, ''), conversation, 'turn' FROM events
WHERE conversation IS NOT NULL AND kind = 'turn'
UNION
SELECT DISTINCT at / 86400000, COALESCE(lang, ''), conversation, 'email' FROM events
WHERE conversation IS NOT NULL AND kind IN ('support_prepared', 'support_sent')
UNION
SELECT DISTINCT at / 86400000, COALESCE(lang, ''), conversation, 'hard' FROM events
WHERE conversation IS NOT NULL AND ((kind = 'vote' AND helpful = 1) OR flow_outcome = 'resolved');
