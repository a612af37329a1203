-- Content revisions (issue 23): every published content set, complete, so every replica serves the
-- newest and an old one can be restored. Files are kept once per distinct content (by SHA-256), so
-- a revision that changes one file adds one file. Times are epoch milliseconds (UTC).

-- One published content set. base: the revision the change was made on (0: none).
-- fingerprint: as ContentLoader computes it (paths relative to the content folder and bytes).
CREATE TABLE content_revisions (
  revision BIGINT PRIMARY KEY,
  base BIGINT NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  author VARCHAR(200) NOT NULL,
  message VARCHAR(2000) NOT NULL,
  created BIGINT NOT NULL
);

-- File contents by the SHA-256 (hex) of their bytes, shared by every revision that has them.
CREATE TABLE content_blobs (
  hash VARCHAR(64) PRIMARY KEY,
  bytes BLOB NOT NULL
);

-- Which files a revision has: path relative to the content folder, with / between names.
CREATE TABLE content_revision_files (
  revision BIGINT NOT NULL REFERENCES content_revisions (revision) ON DELETE CASCADE,
  path VARCHAR(500) NOT NULL,
  hash VARCHAR(64) NOT NULL REFERENCES content_blobs (hash),
  PRIMARY KEY (revision, path)
);
CREATE INDEX content_revisions_fingerprint ON content_revisions (fingerprint);
