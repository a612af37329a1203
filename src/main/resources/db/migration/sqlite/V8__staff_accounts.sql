-- Named staff accounts with a role (issue 21, F12). Only a salted slow hash of each password is
-- kept (pbkdf2$iterations$salt$hash). The shared login from FAQBOT_STAFF_USER / _PASSWORD is not
-- here: it stays a bootstrap admin read from the settings. Times are epoch milliseconds (UTC).
CREATE TABLE staff_accounts (
  name VARCHAR(64) PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  created BIGINT NOT NULL,
  updated BIGINT NOT NULL
);
