-- Custom funnels a shop saved on the Analytics screen: a name and its steps, each a rule of the rule
-- language in the order the funnel applies them (the first step, "joined in the period", is implied).
CREATE TABLE saved_funnels (
  id       INTEGER PRIMARY KEY,
  name     TEXT    NOT NULL UNIQUE,
  saved_at TEXT    NOT NULL
);

CREATE TABLE saved_funnel_steps (
  funnel_id INTEGER NOT NULL REFERENCES saved_funnels (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  rule      TEXT    NOT NULL,
  PRIMARY KEY (funnel_id, position)
) WITHOUT ROWID;
