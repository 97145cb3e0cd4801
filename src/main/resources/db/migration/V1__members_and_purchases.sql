-- Foundation schema. Money is integer cents (a return's total is negative), dates are 'YYYY-MM-DD',
-- times 'YYYY-MM-DD HH:MM:SS' in the shop's local time, so text order is time order.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE members (
  id                INTEGER PRIMARY KEY,
  member_no         TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  phone             TEXT    UNIQUE,
  gender            TEXT    CHECK (gender IN ('M', 'F')),
  birthday          TEXT,
  join_date         TEXT    NOT NULL,
  channel           TEXT,
  referrer_no       TEXT,
  notes             TEXT,
  -- columns an imported file brought beyond the standard ones, as a JSON object
  custom_fields     TEXT,
  archived          INTEGER NOT NULL DEFAULT 0,
  -- member statistics, kept current in the same transaction as every purchase or return,
  -- so tags, RFM and tiers never have to scan all purchases
  purchase_count    INTEGER NOT NULL DEFAULT 0,
  return_count      INTEGER NOT NULL DEFAULT 0,
  spent_cents       INTEGER NOT NULL DEFAULT 0,
  returned_cents    INTEGER NOT NULL DEFAULT 0,
  first_purchase_at TEXT,
  last_purchase_at  TEXT,
  -- the growth system's view of the member, kept in the same transaction as the points ledger and
  -- tier history that are their truth: the balance (sum of the ledger) and the current tier's name
  points            INTEGER NOT NULL DEFAULT 0,
  tier              TEXT
);
CREATE INDEX members_name ON members (name);
CREATE INDEX members_join_date ON members (join_date);
CREATE INDEX members_channel ON members (channel);
CREATE INDEX members_referrer ON members (referrer_no);
CREATE INDEX members_tier ON members (tier);
-- counter staff find members by the last four digits of the phone
CREATE INDEX members_phone_last4 ON members (substr(phone, -4));

CREATE TABLE items (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  category TEXT
);

CREATE TABLE purchases (
  id          INTEGER PRIMARY KEY,
  purchase_no TEXT    NOT NULL UNIQUE,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  time        TEXT    NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('sale', 'return')),
  total_cents INTEGER NOT NULL,
  -- for a return: the sale it gives money back for, when known
  refund_of   INTEGER REFERENCES purchases (id),
  import_id   INTEGER
);
CREATE INDEX purchases_member_time ON purchases (member_id, time);
CREATE INDEX purchases_time ON purchases (time);

CREATE TABLE purchase_items (
  purchase_id  INTEGER NOT NULL REFERENCES purchases (id),
  line_no      INTEGER NOT NULL,
  item_id      INTEGER NOT NULL REFERENCES items (id),
  quantity     INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (purchase_id, line_no)
) WITHOUT ROWID;

-- which member ever bought which item, and when first: answers "bought X" without scanning purchases
CREATE TABLE member_items (
  item_id         INTEGER NOT NULL REFERENCES items (id),
  member_id       INTEGER NOT NULL REFERENCES members (id),
  first_bought_at TEXT    NOT NULL,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE INDEX member_items_member ON member_items (member_id);

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL,
  file        TEXT    NOT NULL,
  started_at  TEXT    NOT NULL,
  finished_at TEXT,
  imported    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  report      TEXT
);
