#!/usr/bin/env bash
# The import on a points ladder (tiers measured by points earned in the window), old jar against new, on the same
# files (BENCHMARKS.md, issue 15). There is no command to switch the ladder's basis, so `sqlite3` sets it on each new
# database, with the spend ladder's thresholds in yuan taken as points.
#   bench/points-ladder-import.sh OLD_JAR_DIR [MEMBERS] [WORK_DIR]
# OLD_JAR_DIR holds an older memberdesk.jar and its lib/ (e.g. target/ of a worktree at the old commit); the new jar
# is this checkout's target/ (`./mvnw -q -DskipTests package` first).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?OLD_JAR_DIR}
MEMBERS=${2:-100000}
WORK=${3:-bench/out/points-ladder}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
NEW=$PWD/target
[ -f "$WORK/csv/purchases.csv" ] || java -jar "$NEW/memberdesk.jar" demo --members "$MEMBERS" --seed 42 \
  --csv-dir "$WORK/csv" --json > /dev/null
wc -l "$WORK/csv/members.csv" "$WORK/csv/purchases.csv"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in "old:$OLD" "new:$NEW"; do
  label=${run%%:*}; jars=${run#*:}; db="$WORK/$label.db"
  rm -f "$db" "$db-wal" "$db-shm"; rm -rf "$WORK/backups"
  java -jar "$jars/memberdesk.jar" --db "$db" stats --json > /dev/null
  sqlite3 "$db" "UPDATE tier_program SET basis = 'points'; UPDATE tiers SET threshold = threshold / 100;"
  /usr/bin/time -f "$label import-members: %e s" java -jar "$jars/memberdesk.jar" --db "$db" import-members \
    "$WORK/csv/members.csv" --json > /dev/null
  /usr/bin/time -f "$label import-purchases: %e s" java -jar "$jars/memberdesk.jar" --db "$db" import-purchases \
    "$WORK/csv/purchases.csv" --allow-returns --json > /dev/null
  # the two must agree: members per tier, and the ledger's entries and points
  sqlite3 "$db" "SELECT coalesce(tier, '(entry)'), count(*) FROM members GROUP BY tier;
                 SELECT 'ledger', count(*), sum(points) FROM points_ledger;"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
