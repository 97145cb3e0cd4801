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

-- Rules, RFM and lifecycle read members by the recency of their last purchase (the playbooks' "lapsing"
-- and "sleeping" segments) and by their purchase statistics. This index is ordered by the last purchase
-- and covers every statistic, so such a rule reads a narrow slice of a small index instead of the whole
-- members table, and whole-population passes (RFM, lifecycle) read 50 bytes a member instead of 120.
CREATE INDEX members_activity ON members (last_purchase_at, purchase_count, spent_cents, returned_cents,
                                          first_purchase_at, join_date);
