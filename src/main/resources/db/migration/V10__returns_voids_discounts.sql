-- Issue 15: one purchase pipeline; returns by line, voids and tier benefits at the counter.

-- What the counter took off a sale before it was paid (the lines already carry what was paid): the member's
-- tier discount, then the coupon. Zero for imported purchases (a file records what was paid).
ALTER TABLE purchases ADD COLUMN tier_discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (tier_discount_cents >= 0);
ALTER TABLE purchases ADD COLUMN coupon_discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (coupon_discount_cents >= 0);

-- Why a return was made, as the cashier typed it (NULL when none was given, and for returns from files).
ALTER TABLE purchases ADD COLUMN reason TEXT;

-- A return made at the counter names the line of its sale each of its lines gives back (from 1, as on the
-- receipt), so a line is never returned more often than it was bought. NULL for returns from files.
ALTER TABLE purchase_items ADD COLUMN sale_line_no INTEGER CHECK (sale_line_no IS NULL OR sale_line_no >= 1);

-- A sale keyed by mistake and voided the same day: it is not a purchase and not a return for any figure, so it
-- leaves the purchases table whole; this keeps it visible, marked, with who, when and why.
CREATE TABLE voided_purchases (
  id                    INTEGER PRIMARY KEY,
  purchase_no           TEXT    NOT NULL UNIQUE,
  member_id             INTEGER NOT NULL REFERENCES members (id),
  time                  TEXT    NOT NULL,
  total_cents           INTEGER NOT NULL,
  tier_discount_cents   INTEGER NOT NULL,
  coupon_discount_cents INTEGER NOT NULL,
  -- the lines as they were: a JSON array of [item, quantity, amount_cents]
  lines                 TEXT    NOT NULL,
  voided_at             TEXT    NOT NULL,
  voided_by             TEXT,
  reason                TEXT    NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX voided_purchases_member ON voided_purchases (member_id, time);
CREATE INDEX voided_purchases_time ON voided_purchases (time);
