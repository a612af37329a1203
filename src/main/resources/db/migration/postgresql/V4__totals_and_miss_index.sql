-- Per-day totals without the entry and flow columns: a few rows a day, so the insights' day-by-day
-- figures read about twenty rows a day instead of every entry's, and their count and sum tell the
-- insights cheaply whether any closed day changed (InsightsQueries keeps those days' entry and flow
-- counts in memory). Kept with every insert by Rollups, like daily_counts, from which it is filled.
CREATE TABLE daily_totals (
  day INTEGER NOT NULL,
  lang VARCHAR(8) NOT NULL,
  kind VARCHAR(24) NOT NULL,
  reply_type VARCHAR(16) NOT NULL,
  flow_outcome VARCHAR(64) NOT NULL,
  helpful SMALLINT NOT NULL,
  has_message SMALLINT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (day, lang, kind, reply_type, flow_outcome, helpful, has_message)
);
INSERT INTO daily_totals
SELECT day, lang, kind, reply_type, flow_outcome, helpful, has_message, SUM(n) FROM daily_counts
GROUP BY day, lang, kind, reply_type, flow_outcome, helpful, has_message;

-- The unanswered list reads the newest candidate messages of a period (UnansweredFinder): this
-- index holds only those events, newest last, with the language so a language filter is read from
-- the index. Its condition must stay word for word the one in UnansweredFinder.MISSES, or the
-- query no longer uses it (slower, still correct).
CREATE INDEX events_misses ON events (at, lang) WHERE message IS NOT NULL AND ((kind = 'turn' AND (reply_type IN ('fallback', 'suggestions', 'out_of_scope', 'outofscope', 'out-of-scope') OR (reply_type = 'answer' AND score < 0.5))) OR (kind = 'vote' AND helpful = 0));

-- Turns without a conversation id (API clients) need no entry in the conversation index.
DROP INDEX events_conversation;
CREATE INDEX events_conversation ON events (conversation) WHERE conversation IS NOT NULL;
