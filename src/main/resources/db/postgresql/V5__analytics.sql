-- PostgreSQL port of db/migration/V5__analytics.sql; keep the two equal in effect.

-- Analytics reads a period's purchases in one pass in time order, and a member's purchases by time
-- (retention, funnels, the rule engine's as-of facts). Both indexes below carry kind and total so those
-- reads never touch the table: on a million members a month's report reads ~0.4M index entries in order
-- instead of ~0.4M random table pages. They replace V1's narrower indexes on the same leading columns
-- (every query that used those uses these), so the file grows by only ~8 %.
DROP INDEX purchases_time;
CREATE INDEX purchases_time_sales ON purchases (time, kind, member_id, total_cents);
DROP INDEX purchases_member_time;
CREATE INDEX purchases_member_sales ON purchases (member_id, time, kind, total_cents);

-- "First purchase ever in a period" (new buyers, retention bases, cohorts) is asked of the members'
-- statistics column; this index answers it without scanning every member.
CREATE INDEX members_first_purchase ON members (first_purchase_at);
