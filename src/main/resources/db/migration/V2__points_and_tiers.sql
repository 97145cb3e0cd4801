-- Growth system: points rules, the points ledger (the truth behind members.points), rewards,
-- the tier ladder and tier history (the truth behind members.tier). Percent values are integers
-- (150 = ×1.5) so every calculation stays in integers; see docs/points-and-tiers.md.

-- one row: how purchases earn points
CREATE TABLE points_rules (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  -- earn_points points for every earn_per_yuan yuan spent, rounded down (1 per 1, or 1 per 10, ...)
  earn_points          INTEGER NOT NULL CHECK (earn_points >= 0),
  earn_per_yuan        INTEGER NOT NULL CHECK (earn_per_yuan >= 1),
  birthday_percent     INTEGER NOT NULL CHECK (birthday_percent >= 0),
  signup_bonus         INTEGER NOT NULL CHECK (signup_bonus >= 0),
  first_purchase_bonus INTEGER NOT NULL CHECK (first_purchase_bonus >= 0),
  -- an earning batch expires this many months after it was earned; NULL = never
  expiry_months        INTEGER CHECK (expiry_months IS NULL OR expiry_months >= 1)
);
INSERT INTO points_rules VALUES (1, 1, 1, 200, 0, 0, 12);

-- per-item and per-category multipliers; an item's own multiplier wins over its category's
CREATE TABLE points_multipliers (
  kind    TEXT    NOT NULL CHECK (kind IN ('item', 'category')),
  name    TEXT    NOT NULL,
  percent INTEGER NOT NULL CHECK (percent >= 0),
  PRIMARY KEY (kind, name)
) WITHOUT ROWID;

CREATE TABLE rewards (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL CHECK (kind IN ('gift', 'cash', 'coupon')),
  cost_points INTEGER NOT NULL CHECK (cost_points >= 1),
  -- for a cash reward: the money off it is worth
  value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  active      INTEGER NOT NULL DEFAULT 1
);

-- Every change of a member's points. Positive entries (earn, positive adjust) are batches that
-- expire on their own and track what is left of them in `remaining`; negative entries (redeem,
-- expire, reverse, negative adjust) take from the batches, oldest first. So for every member
-- sum(points) = sum(remaining) = members.points >= 0.
CREATE TABLE points_ledger (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  time        TEXT    NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'adjust', 'reverse')),
  points      INTEGER NOT NULL,
  -- earn: the purchase that earned it; reverse: the return that took it back
  purchase_id INTEGER REFERENCES purchases (id),
  -- reverse: the earn entry taken back; expire: the batch that expired
  ref_id      INTEGER REFERENCES points_ledger (id),
  reward_id   INTEGER REFERENCES rewards (id),
  -- earn: purchase, first_purchase or signup; adjust/redeem: what the person typed
  reason      TEXT,
  operator    TEXT,
  -- batches only: the first day the points are no longer usable (NULL never), and what is left
  expires_on  TEXT,
  remaining   INTEGER CHECK (remaining IS NULL OR remaining >= 0)
);
-- the only index: every purchase adds an entry, so each index is paid for on every import row. A
-- member's entries (history, batches to take from, a return's earn entry) are found through it;
-- the daily expiry run reads the table once in rowid order instead.
CREATE INDEX points_ledger_member ON points_ledger (member_id, time);

-- one row: what the tiers are measured on
CREATE TABLE tier_program (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  -- spend: net spend in cents within the window; points: points earned (net of returns) within it
  basis             TEXT    NOT NULL CHECK (basis IN ('spend', 'points')),
  window_months     INTEGER NOT NULL CHECK (window_months >= 1),
  -- no downgrade until this many months after the last upgrade
  protection_months INTEGER NOT NULL CHECK (protection_months >= 0)
);
INSERT INTO tier_program VALUES (1, 'spend', 12, 6);

CREATE TABLE tiers (
  rank             INTEGER PRIMARY KEY CHECK (rank >= 0),
  name             TEXT    NOT NULL UNIQUE,
  -- cents of spend or points, per the program's basis; the entry tier (rank 0) has 0
  threshold        INTEGER NOT NULL CHECK (threshold >= 0),
  points_percent   INTEGER NOT NULL CHECK (points_percent >= 0),
  discount_percent INTEGER NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
  perks            TEXT
);
INSERT INTO tiers VALUES
  (0, '普通', 0, 100, 0, NULL),
  (1, '银卡', 100000, 110, 2, '生日礼'),
  (2, '金卡', 300000, 125, 5, '生日礼；专属客服'),
  (3, '黑金', 1000000, 150, 8, '生日礼；专属客服；免费停车');

CREATE TABLE tier_changes (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  time        TEXT    NOT NULL,
  from_tier   TEXT,
  to_tier     TEXT    NOT NULL,
  direction   TEXT    NOT NULL CHECK (direction IN ('up', 'down')),
  -- purchase (the purchase qualified), review (the review on that date) or manual
  reason      TEXT    NOT NULL CHECK (reason IN ('purchase', 'review', 'manual')),
  -- the spend in cents or points within the window that decided it
  measured    INTEGER NOT NULL,
  purchase_id INTEGER REFERENCES purchases (id)
);
CREATE INDEX tier_changes_member ON tier_changes (member_id, time);

-- when the member last moved up: the protection period runs from here (NULL: never upgraded)
ALTER TABLE members ADD COLUMN tier_upgraded_at TEXT;

-- a return's points are taken back in proportion to everything refunded of its sale so far
CREATE INDEX purchases_refund_of ON purchases (refund_of) WHERE refund_of IS NOT NULL;
