-- PostgreSQL port of db/migration/V6__totals.sql; keep the two equal in effect.

-- The shop's totals in one row, so `stats` (and any dashboard headline) reads one row instead of summing
-- the statistics of every member. Purchases, returns and revenue are kept by every purchase writer in the
-- purchase's own transaction (PurchaseStore.Writer per recorder, the bulk import once per batch): a trigger
-- per purchase row would cost an import of millions of rows seconds. Members are counted by triggers: every
-- path that adds members (sign-up, import, the self-test) is counted without having to remember it, and a
-- member row costs far more to insert than the trigger adds. Archived members still count, as before.
CREATE TABLE totals (
  id            BIGINT PRIMARY KEY CHECK (id = 1),
  members       BIGINT  NOT NULL,
  purchases     BIGINT  NOT NULL,
  returns       BIGINT  NOT NULL,
  revenue_cents BIGINT  NOT NULL
);

INSERT INTO totals (id, members, purchases, returns, revenue_cents)
SELECT 1, count(*), coalesce(sum(purchase_count), 0), coalesce(sum(return_count), 0),
       coalesce(sum(spent_cents), 0) - coalesce(sum(returned_cents), 0)
FROM members;

-- One trigger per statement with its transition table rather than one per row: an import's COPY of a million
-- members then updates the totals row once, not a million times (the same count either way).
CREATE FUNCTION totals_member_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE totals SET members = members + (SELECT count(*) FROM added) WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER totals_member_added AFTER INSERT ON members
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION totals_member_added();

CREATE FUNCTION totals_member_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE totals SET members = members - (SELECT count(*) FROM removed) WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER totals_member_removed AFTER DELETE ON members
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION totals_member_removed();
