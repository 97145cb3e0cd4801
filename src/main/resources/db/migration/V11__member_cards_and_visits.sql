-- Issue 16: member cards (stored value, session cards, period passes), payments by method, visits.
-- Money is integer cents, dates 'YYYY-MM-DD', times 'YYYY-MM-DD HH:MM:SS' (shop local time).

-- What the shop sells as a card. kind: 'stored-value' (a package: pay price, get price + bonus), 'sessions'
-- (N sessions within D days), 'period' (valid D days, optionally at most per_day entries a day).
CREATE TABLE card_products (
  id               INTEGER PRIMARY KEY,
  kind             TEXT    NOT NULL CHECK (kind IN ('stored-value', 'sessions', 'period')),
  name             TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  price_cents      INTEGER NOT NULL CHECK (price_cents >= 0),
  bonus_cents      INTEGER NOT NULL DEFAULT 0 CHECK (bonus_cents >= 0),
  sessions         INTEGER CHECK (sessions IS NULL OR sessions >= 1),
  days             INTEGER CHECK (days IS NULL OR days >= 1),
  per_day          INTEGER CHECK (per_day IS NULL OR per_day >= 1),
  max_freezes      INTEGER NOT NULL DEFAULT 0 CHECK (max_freezes >= 0),
  max_freeze_days  INTEGER NOT NULL DEFAULT 0 CHECK (max_freeze_days >= 0),
  refundable       INTEGER NOT NULL DEFAULT 1 CHECK (refundable IN (0, 1)),
  -- whether the member's tier discount applies when the card is sold (off: cards sell at their price)
  tier_discount    INTEGER NOT NULL DEFAULT 0 CHECK (tier_discount IN (0, 1)),
  archived         INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT    NOT NULL
);

-- The free-amount top-up's bonus ladder: a top-up gets the bonus of the highest step its amount reaches.
CREATE TABLE topup_bonus_steps (
  amount_cents INTEGER PRIMARY KEY CHECK (amount_cents > 0),
  bonus_cents  INTEGER NOT NULL CHECK (bonus_cents >= 0)
);

-- A member's card. The balances are a cache of card_entries (their truth), kept in the same transaction and never
-- negative; valid_to moves with freezes (base_valid_to + the days frozen).
CREATE TABLE cards (
  id                INTEGER PRIMARY KEY,
  card_no           TEXT    NOT NULL UNIQUE,
  member_id         INTEGER NOT NULL REFERENCES members (id),
  product_id        INTEGER NOT NULL REFERENCES card_products (id),
  kind              TEXT    NOT NULL CHECK (kind IN ('stored-value', 'sessions', 'period')),
  -- the sale that sold it (NULL for stored value, which is not a purchase, and for opening balances)
  purchase_id       INTEGER,
  -- what was paid for it (cash + stored-value principal): refunds are computed from this
  paid_cents        INTEGER NOT NULL CHECK (paid_cents >= 0),
  sold_at           TEXT    NOT NULL,
  valid_from        TEXT,
  base_valid_to     TEXT,
  valid_to          TEXT,
  per_day           INTEGER,
  sessions_sold     INTEGER CHECK (sessions_sold IS NULL OR sessions_sold >= 0),
  sessions_left     INTEGER CHECK (sessions_left IS NULL OR sessions_left >= 0),
  principal_cents   INTEGER NOT NULL DEFAULT 0 CHECK (principal_cents >= 0),
  bonus_cents       INTEGER NOT NULL DEFAULT 0 CHECK (bonus_cents >= 0),
  -- the day the last session was used (a session card ends then, for the renewal rate)
  used_up_on        TEXT,
  refunded_at       TEXT,
  refund_reason     TEXT,
  -- who refunded it (until staff accounts exist: the person logged in to the computer)
  refunded_by       TEXT,
  import_id         INTEGER
);
CREATE INDEX cards_member ON cards (member_id, kind);
CREATE INDEX cards_valid_to ON cards (valid_to);
CREATE INDEX cards_purchase ON cards (purchase_id);

-- Every change of a card: the balance is the sum of its entries. kind: 'sale', 'opening', 'topup', 'payment',
-- 'payment-back' (a return or void of a sale paid from it), 'visit', 'visit-undone', 'refund'.
CREATE TABLE card_entries (
  id              INTEGER PRIMARY KEY,
  card_id         INTEGER NOT NULL REFERENCES cards (id),
  time            TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  principal_cents INTEGER NOT NULL DEFAULT 0,
  bonus_cents     INTEGER NOT NULL DEFAULT 0,
  sessions        INTEGER NOT NULL DEFAULT 0,
  purchase_id     INTEGER,
  visit_id        INTEGER,
  note            TEXT
);
CREATE INDEX card_entries_card ON card_entries (card_id, id);
CREATE INDEX card_entries_purchase ON card_entries (purchase_id) WHERE purchase_id IS NOT NULL;

-- A freeze (请假): the card is not usable from from_date for days days, and valid_to moves by the days frozen.
-- Unfrozen early: days becomes the days actually frozen.
CREATE TABLE card_freezes (
  id          INTEGER PRIMARY KEY,
  card_id     INTEGER NOT NULL REFERENCES cards (id),
  from_date   TEXT    NOT NULL,
  days        INTEGER NOT NULL CHECK (days >= 0),
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  created_at  TEXT    NOT NULL,
  created_by  TEXT,
  ended_at    TEXT
);
CREATE INDEX card_freezes_card ON card_freezes (card_id);

-- Money received or paid out, by method. kind: 'sale' (a purchase, amount > 0), 'refund' (a return, < 0),
-- 'card' (a stored-value card sold), 'topup', 'card-refund' (stored value paid back, < 0).
-- method 'stored-value' rows are money moved from a card (not money received).
CREATE TABLE payments (
  id           INTEGER PRIMARY KEY,
  time         TEXT    NOT NULL,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  kind         TEXT    NOT NULL CHECK (kind IN ('sale', 'refund', 'card', 'topup', 'card-refund')),
  method       TEXT    NOT NULL CHECK (method IN ('cash', 'wechat', 'alipay', 'bank-card', 'stored-value')),
  amount_cents INTEGER NOT NULL,
  purchase_id  INTEGER,
  card_id      INTEGER
);
CREATE INDEX payments_time ON payments (time);
CREATE INDEX payments_purchase ON payments (purchase_id) WHERE purchase_id IS NOT NULL;

-- A check-in (签到/核销): one session used or a pass shown.
CREATE TABLE visits (
  id         INTEGER PRIMARY KEY,
  member_id  INTEGER NOT NULL REFERENCES members (id),
  card_id    INTEGER REFERENCES cards (id),
  time       TEXT    NOT NULL,
  import_id  INTEGER
);
CREATE INDEX visits_card_time ON visits (card_id, time);
CREATE INDEX visits_time ON visits (time);
CREATE INDEX visits_member ON visits (member_id, time);

-- The part of a sale paid from stored value's bonus: recorded like a discount (spend and points count cash +
-- principal only).
ALTER TABLE purchases ADD COLUMN stored_value_bonus_cents INTEGER NOT NULL DEFAULT 0
  CHECK (stored_value_bonus_cents >= 0);

-- Visit statistics kept with every check-in, like the purchase statistics: rules and lifecycle read them.
ALTER TABLE members ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN last_visit_at TEXT;

-- A member photo, shown at check-in against card lending (a small JPEG/PNG, as read from a file).
CREATE TABLE member_photos (
  member_id INTEGER PRIMARY KEY REFERENCES members (id),
  image     BLOB    NOT NULL,
  added_at  TEXT    NOT NULL
);
