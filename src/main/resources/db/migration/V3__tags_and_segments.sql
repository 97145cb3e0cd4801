-- Tags: a manual tag is put on members by hand; a rule tag (rule not null) holds exactly the members its
-- rule matches, recomputed on demand and after every import.
CREATE TABLE tags (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE,
  -- the rule in its canonical text, NULL for a manual tag
  rule         TEXT,
  created_at   TEXT    NOT NULL,
  refreshed_at TEXT
);

CREATE TABLE member_tags (
  tag_id    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id),
  added_at  TEXT    NOT NULL,
  PRIMARY KEY (tag_id, member_id)
) WITHOUT ROWID;
-- the member pane lists one member's tags
CREATE INDEX member_tags_member ON member_tags (member_id);
