-- The shop's totals in one row, so `stats` (and any dashboard headline) reads one row instead of summing
-- the statistics of every member. Purchases, returns and revenue are kept by every purchase writer in the
-- purchase's own transaction (PurchaseStore.Writer per recorder, the bulk import once per batch): a trigger
-- per purchase row would cost an import of millions of rows seconds. Members are counted by triggers: every
-- path that adds members (sign-up, import, the self-test) is counted without having to remember it, and a
-- member row costs far more to insert than the trigger adds. Archived members still count, as before.
CREATE TABLE totals (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  members       INTEGER NOT NULL,
  purchases     INTEGER NOT NULL,
  returns       INTEGER NOT NULL,
  revenue_cents INTEGER NOT NULL
);

INSERT INTO totals (id, members, purchases, returns, revenue_cents)
SELECT 1, count(*), coalesce(sum(purchase_count), 0), coalesce(sum(return_count), 0),
       coalesce(sum(spent_cents), 0) - coalesce(sum(returned_cents), 0)
FROM members;

CREATE TRIGGER totals_member_added AFTER INSERT ON members
BEGIN
  UPDATE totals SET members = members + 1 WHERE id = 1;
END;

CREATE TRIGGER totals_member_removed AFTER DELETE ON members
BEGIN
  UPDATE totals SET members = members - 1 WHERE id = 1;
END;
