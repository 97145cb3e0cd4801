-- Coupons: templates (what a coupon gives), campaigns (who gets it, with a recorded control group)
-- and the issued coupons (one unique code per member, used at most once). Money in integer cents,
-- dates 'YYYY-MM-DD', times 'YYYY-MM-DD HH:MM:SS' (shop local time), as in V1.

CREATE TABLE coupon_templates (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('cash', 'threshold', 'discount', 'gift')),
  -- cash / threshold / gift: the most it takes off; discount: unused (0)
  value_cents     INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  -- discount: whole percent off (20 = 20 % off, 8折); null for the other kinds
  percent_off     INTEGER CHECK (percent_off IS NULL OR percent_off BETWEEN 1 AND 99),
  -- discount: optional cap on the amount taken off
  cap_cents       INTEGER CHECK (cap_cents IS NULL OR cap_cents > 0),
  -- spend on the items the coupon applies to that a purchase must reach (满 X for threshold)
  min_spend_cents INTEGER NOT NULL DEFAULT 0 CHECK (min_spend_cents >= 0),
  -- the item names it applies to, as a JSON array; null = every item (a gift names its item)
  items           TEXT,
  -- validity: fixed dates (valid_from..valid_to) or valid_days from the day of issue
  valid_from      TEXT,
  valid_to        TEXT,
  valid_days      INTEGER CHECK (valid_days IS NULL OR valid_days > 0),
  created_at      TEXT    NOT NULL,
  archived        INTEGER NOT NULL DEFAULT 0,
  CHECK ((valid_days IS NOT NULL AND valid_to IS NULL) OR (valid_days IS NULL AND valid_to IS NOT NULL))
);

CREATE TABLE campaigns (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  template_id     INTEGER NOT NULL REFERENCES coupon_templates (id),
  -- the target as chosen: kind (rule, tag, segment, lifecycle, tier, list, all) and its text
  target_kind     TEXT    NOT NULL,
  target          TEXT    NOT NULL,
  skip_days       INTEGER,
  control_percent INTEGER NOT NULL DEFAULT 0 CHECK (control_percent BETWEEN 0 AND 90),
  -- the seed of the control split, so the split can be reproduced and checked later
  seed            INTEGER NOT NULL,
  targeted        INTEGER NOT NULL,
  control         INTEGER NOT NULL,
  created_at      TEXT    NOT NULL,
  issued_at       TEXT
);

-- everyone targeted when the campaign was created, and which side of the split they fell on
CREATE TABLE campaign_members (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  member_id   INTEGER NOT NULL REFERENCES members (id),
  control     INTEGER NOT NULL CHECK (control IN (0, 1)),
  PRIMARY KEY (campaign_id, member_id)
) WITHOUT ROWID;

CREATE TABLE coupons (
  id             INTEGER PRIMARY KEY,
  code           TEXT    NOT NULL UNIQUE,
  campaign_id    INTEGER NOT NULL REFERENCES campaigns (id),
  member_id      INTEGER NOT NULL REFERENCES members (id),
  issued_at      TEXT    NOT NULL,
  valid_from     TEXT    NOT NULL,
  valid_to       TEXT    NOT NULL,
  -- set once, by the redeeming purchase's transaction (UPDATE ... WHERE used_at IS NULL)
  used_at        TEXT,
  purchase_id    INTEGER REFERENCES purchases (id),
  discount_cents INTEGER
);
CREATE INDEX coupons_member ON coupons (member_id, issued_at);
CREATE INDEX coupons_campaign ON coupons (campaign_id);
