-- How many conversations had each mark (turn, email, hard) per day and language, kept with every
-- insert that adds a new row to conversation_days, so the counts are a sum over a few rows a day.
CREATE TABLE daily_conversations (
  day INTEGER NOT NULL,
  lang VARCHAR(8) NOT NULL,
  mark VARCHAR(8) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (day, lang, mark)
);
INSERT INTO daily_conversations SELECT day, lang, mark, COUNT(*) FROM conversation_days GROUP BY day, lang, mark;
