-- The example rule grouped over raw purchases in the sqlite3 shell, for comparison with
-- `memberdesk segment --rule "purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60"`.
-- Replace the as-of date (2026-11-22) and the day after it.
SELECT count(*) FROM (
  SELECT p.member_id, sum(p.kind = 'sale') AS n, sum(p.total_cents) AS net,
         max(CASE WHEN p.kind = 'sale' THEN p.time END) AS last
  FROM purchases p JOIN members m ON m.id = p.member_id
  WHERE p.time < '2026-11-23' AND m.join_date <= '2026-11-22'
  GROUP BY p.member_id)
WHERE n >= 3 AND net >= 50000
  AND julianday('2026-11-22') - julianday(substr(last, 1, 10)) BETWEEN 30 AND 60;
