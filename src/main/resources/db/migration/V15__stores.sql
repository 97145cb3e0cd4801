-- Issue 21: stores (门店). A store is a named place of the shop: a branch, a gate, a front desk. Members, cards,
-- points, tiers, coupons and campaigns are shared by every store; what happens somewhere belongs to one store:
-- purchases (sales and returns), visits, card entries (card sales, top-ups, uses), payments, and the staff who
-- work there. A new database has one store, 本店 (shown as "Main store" in English while it keeps that name), that
-- everything belongs to until others are added, so a single shop never has to think about stores.
-- Stores are renamed, never deleted (the app has no way to delete one): what happened in one keeps its name.
CREATE TABLE stores (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0 AND length(name) <= 40),
  created_at TEXT    NOT NULL
);
INSERT INTO stores (id, name, created_at) VALUES (1, '本店', '2026-01-01T00:00:00');

-- Every row made before stores existed belongs to the first store. SQLite cannot add a REFERENCES column with a
-- default while foreign keys are enforced, so each column is checked by a trigger instead (the same on
-- PostgreSQL, db/postgresql/V15): a store id that is not a store is refused. The common case, store 1, costs the
-- WHEN clause only, so an import of a million rows into one store is as fast as before.
ALTER TABLE purchases ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visits ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE card_entries ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE payments ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
-- a voided sale keeps the store it was made in (copied from the sale as it is moved here)
ALTER TABLE voided_purchases ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
-- the store a staff member works in: a cashier or manager signs in at that store's computers only
ALTER TABLE staff ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
-- the store a member joined in (new members per store); the member is the whole chain's
ALTER TABLE members ADD COLUMN store_id INTEGER NOT NULL DEFAULT 1;
-- a card product limited to one store is sold and used there only; NULL: every store
ALTER TABLE card_products ADD COLUMN store_id INTEGER;

CREATE TRIGGER purchases_store_known BEFORE INSERT ON purchases
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER purchases_store_changed BEFORE UPDATE OF store_id ON purchases
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER visits_store_known BEFORE INSERT ON visits
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER visits_store_changed BEFORE UPDATE OF store_id ON visits
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER card_entries_store_known BEFORE INSERT ON card_entries
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER card_entries_store_changed BEFORE UPDATE OF store_id ON card_entries
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER payments_store_known BEFORE INSERT ON payments
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER payments_store_changed BEFORE UPDATE OF store_id ON payments
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER staff_store_known BEFORE INSERT ON staff
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER staff_store_changed BEFORE UPDATE OF store_id ON staff
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER members_store_known BEFORE INSERT ON members
WHEN NEW.store_id <> 1 AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER members_store_changed BEFORE UPDATE OF store_id ON members
WHEN NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER card_products_store_known BEFORE INSERT ON card_products
WHEN NEW.store_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;
CREATE TRIGGER card_products_store_changed BEFORE UPDATE OF store_id ON card_products
WHEN NEW.store_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stores WHERE id = NEW.store_id)
BEGIN
  SELECT RAISE(ABORT, 'not a store');
END;

-- No index on store_id: a store's report reads the time range through the indexes the chain's report uses and
-- keeps its store's rows, and a shop with one store pays nothing more on each of its purchases and imports.
