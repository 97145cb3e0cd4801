-- RFM straight from raw purchases in the sqlite3 shell, for comparison with `memberdesk rfm`:
-- R/F/M per member grouped over purchases, quintile-style scores with rank() window functions,
-- segments by the population means. Replace the date in asof for another as-of date.
WITH asof(d) AS (SELECT '2026-11-22'),
s AS (
  SELECT p.member_id,
         sum(p.kind = 'sale') AS f,
         sum(p.total_cents) AS m,
         CAST(julianday((SELECT d FROM asof)) - julianday(substr(max(CASE WHEN p.kind = 'sale' THEN p.time END), 1, 10)) AS INTEGER) AS r
  FROM purchases p JOIN members mm ON mm.id = p.member_id
  WHERE p.time < date((SELECT d FROM asof), '+1 day') AND mm.join_date <= (SELECT d FROM asof)
  GROUP BY p.member_id HAVING f > 0),
n AS (SELECT count(*) AS n, avg(r) AS ar, avg(f) AS af, avg(m) AS am FROM s),
scored AS (
  SELECT s.*,
         1 + 5 * (rank() OVER (ORDER BY r DESC) - 1) / (SELECT n FROM n) AS rs,
         1 + 5 * (rank() OVER (ORDER BY f ASC) - 1) / (SELECT n FROM n) AS fs,
         (r < (SELECT ar FROM n)) AS rh, (f > (SELECT af FROM n)) AS fh, (m > (SELECT am FROM n)) AS mh
  FROM s)
SELECT 'segment', rh, fh, mh, count(*) FROM scored GROUP BY rh, fh, mh
UNION ALL
SELECT 'grid', rs, fs, NULL, count(*) FROM scored GROUP BY rs, fs;
