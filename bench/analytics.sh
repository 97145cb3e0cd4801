#!/usr/bin/env bash
# Analytics benchmark: report for a month, the 12-month cohort table, the AARRR funnel and a chart on a
# 1,000,000-member database, plus the sqlite3 shell's own monthly cohort query on the same file for
# comparison. Each command runs twice (the first pays for cold pages); run it once, on a quiet machine.
#
#   bench/analytics.sh [DB]        DB defaults to /tmp/bench/analytics.db; made with `demo` when missing
#
# Needs target/memberdesk.jar (./mvnw -q -DskipTests package) and the sqlite3 shell.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/bench/analytics.db}
JAR=target/memberdesk.jar
R=(java -jar "$JAR" --db "$DB")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
if [ ! -f "$DB" ]; then
  mkdir -p "$(dirname "$DB")"
  /usr/bin/time -f "demo --members 1000000: %e s" java -jar "$JAR" --db "$DB" demo --members 1000000 --json
fi
# opening once brings the schema up to date (V5 builds its indexes on an older file), outside the timings
/usr/bin/time -f "open + migrate: %e s" java -jar "$JAR" --db "$DB" stats --json

# the last full month before the newest purchase, and the 12 cohorts before it
LAST=$(sqlite3 "$DB" "SELECT substr(max(time), 1, 7) FROM purchases")
MONTH_END=$(date -d "$LAST-01 -1 day" +%F)
MONTH_START=$(date -d "$LAST-01 -1 month" +%F)
COHORT_TO=$(date -d "$LAST-01 -1 month" +%Y-%m)
COHORT_FROM=$(date -d "$LAST-01 -12 month" +%Y-%m)
echo "month: $MONTH_START … $MONTH_END; cohorts: $COHORT_FROM … $COHORT_TO"

for i in 1 2; do
  /usr/bin/time -f "report (month) run $i: %e s wall, %U s user" "${R[@]}" report --from "$MONTH_START" --to "$MONTH_END" --json
done
for i in 1 2; do
  /usr/bin/time -f "cohorts (12 months) run $i: %e s wall, %U s user" \
    "${R[@]}" cohorts --from "$COHORT_FROM" --to "$COHORT_TO" --json > /tmp/analytics-cohorts.json
done
head -c 300 /tmp/analytics-cohorts.json; echo " …"
/usr/bin/time -f "funnel (AARRR, month): %e s wall" "${R[@]}" funnel --from "$MONTH_START" --to "$MONTH_END" --json
/usr/bin/time -f "chart dashboard (month): %e s wall" \
  "${R[@]}" chart dashboard --from "$MONTH_START" --to "$MONTH_END" --png /tmp/analytics-dashboard.png --json
/usr/bin/time -f "report --pdf (month): %e s wall" \
  "${R[@]}" report --from "$MONTH_START" --to "$MONTH_END" --pdf /tmp/analytics-dashboard.pdf --json > /dev/null

# The sqlite3 shell's monthly cohort query: first purchase from the purchases themselves, then the
# distinct buyers of each later month, as one would write it by hand.
echo "sqlite3 shell, same 12 cohorts:"
sqlite3 "$DB" <<SQL
.timer on
WITH firsts AS (SELECT member_id, min(time) AS first FROM purchases WHERE kind = 'sale' GROUP BY member_id),
cohort AS (SELECT member_id, substr(first, 1, 7) AS month FROM firsts
           WHERE first >= '$COHORT_FROM-01' AND first < date('$COHORT_TO-01', '+1 month'))
SELECT c.month, count(DISTINCT p.member_id) AS buyers_again,
       (CAST(substr(p.time, 1, 4) AS INTEGER) * 12 + CAST(substr(p.time, 6, 2) AS INTEGER))
     - (CAST(substr(c.month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.month, 6, 2) AS INTEGER)) AS k
FROM cohort AS c JOIN purchases AS p ON p.member_id = c.member_id AND p.kind = 'sale'
WHERE p.time >= date(c.month || '-01', '+1 month') AND p.time < date(c.month || '-01', '+13 months')
GROUP BY c.month, k ORDER BY c.month, k LIMIT 3;
SQL
