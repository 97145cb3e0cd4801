#!/usr/bin/env bash
# Issue 20's bars (BENCHMARKS.md "## Predictions (issue 20)"): on a database of a 1,000,000-member demo,
# `predict` — fit and score, the whole command with the JVM's start — under 10 s, and then
# `segment --rule "p_alive < 0.3"` under 2 s; plus the parts of predict timed inside one JVM (PredictionsBenchmark:
# reading the buyers, each fit, scoring) so a regression shows where it is.
#   bench/predictions.sh DB [AS_OF]
# DB from: java -jar target/memberdesk.jar --db DB demo --business shop --members 1000000 --seed 42 (about 3 min).
# The script works on a copy of DB (bench/out/predictions/p.db): a model is stored by `predict`, not in yours.
# Needs `./mvnw -q -DskipTests package test-compile` first (the benchmark class lives in test-classes) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=${1:?usage: bench/predictions.sh DB [AS_OF]}
AS_OF=${2:-$(date +%F)}
OUT=bench/out/predictions
mkdir -p "$OUT"
DB=$OUT/p.db
JAR="java -jar target/memberdesk.jar --db $DB"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
lscpu | grep -E "Model name|^CPU\(s\)" || true
rm -f "$DB" "$DB-wal" "$DB-shm"
sqlite3 "$SOURCE" ".backup $DB"
# the copy is read once so every run below starts from the page cache, as a shop's second run of the day would
cat "$DB" >/dev/null
$JAR stats --json
t() { /usr/bin/time -f "%e %U %S" -o "$OUT/time" "$@" >"$OUT/stdout"; read -r wall user sys <"$OUT/time";
      printf "%-44s wall %6.2f s  cpu %6.2f s  %s\n" "$LABEL" "$wall" "$(echo "$user + $sys" | bc)" "$(head -c 240 "$OUT/stdout")"; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
  LABEL="predict --as-of $AS_OF (run $run)" t $JAR predict --as-of "$AS_OF" --json
  LABEL="segment p_alive < 0.3 (run $run)" t $JAR segment --rule "p_alive < 0.3" --as-of "$AS_OF" --json
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== SQLite alone (the sqlite3 shell, no Java): reading the purchases as predict reads them, and storing a score"
echo "   row per buyer as predict stores them (set-based, in one transaction, on a copy)"
FLOOR=$OUT/floor.db
rm -f "$FLOOR" "$FLOOR-wal" "$FLOOR-shm"
sqlite3 "$DB" ".backup $FLOOR"
NEXT=$(date -d "$AS_OF + 1 day" +%F)
cat >"$OUT/floor.sql" <<SQL
.timer on
PRAGMA journal_mode = WAL;
PRAGMA mmap_size = 4000000000;
SELECT count(*), sum(x) FROM (SELECT member_id * 1048576 + unixepoch(substr(time, 1, 10)) / 86400 + 524288 AS x, total_cents
  FROM purchases WHERE kind = 'sale' AND time < '$NEXT' ORDER BY member_id, time);
BEGIN;
INSERT INTO prediction_models (as_of, unit, fitted_at, buyers, repeat_buyers, r, alpha, a, b, log_likelihood, evaluations,
  horizon_days, monthly_discount, scored) VALUES ('2000-01-01', 'week', '2026-01-01T00:00', 1, 1, 1, 1, 1, 1, 0, 0, 365, 0, 1);
INSERT INTO member_predictions SELECT last_insert_rowid(), id, purchase_count % 7, 10, 20, 0.5, 1.25, id, id
  FROM members WHERE purchase_count > 0;
COMMIT;
SQL
sqlite3 "$FLOOR" <"$OUT/floor.sql" | grep -v '^wal$'
rm -f "$FLOOR" "$FLOOR-wal" "$FLOOR-shm"
echo "== the parts, inside one JVM"
java -cp "target/classes:target/test-classes:target/lib/*" org.memberdesk.predictions.PredictionsBenchmark "$DB" "$AS_OF"
