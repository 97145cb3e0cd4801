#!/usr/bin/env bash
# Points and tiers benchmarks (BENCHMARKS.md "## Points and tiers"). Runs one step at a time; the
# machine is shared, so run it once, not in a loop.
#   bench/points-and-tiers.sh CSV_DIR WORK_DIR
# CSV_DIR holds members.csv and purchases.csv from `memberdesk demo --members 1000000 --csv-dir CSV_DIR`.
# Needs `./mvnw -q -DskipTests package test-compile` first (the counter benchmark lives in test-classes).
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=${1:?CSV_DIR}
WORK=${2:?WORK_DIR}
JAR=target/memberdesk.jar
mkdir -p "$WORK"
DB="$WORK/growth.db"
rm -f "$DB" "$DB-wal" "$DB-shm"

# wall time and the CPU time the command used: on a shared machine the CPU time is the steadier figure
timed() { # label, command...
  local label=$1; shift
  echo "== $label"
  TIMEFORMAT="$label: %R s wall, %U s user + %S s sys CPU"
  time "$@"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
timed "import-members (with sign-up listener)" java -jar $JAR --db "$DB" import-members "$CSV/members.csv" --json
timed "import-purchases (with points + tier listeners)" \
  java -jar $JAR --db "$DB" import-purchases "$CSV/purchases.csv" --allow-returns --json
timed "expire-points (first run)" java -jar $JAR --db "$DB" expire-points --as-of "$(date +%F)" --json
timed "expire-points (again: idempotent)" java -jar $JAR --db "$DB" expire-points --as-of "$(date +%F)" --json
timed "review-tiers" java -jar $JAR --db "$DB" review-tiers --as-of "$(date +%F)" --json
timed "review-tiers (again)" java -jar $JAR --db "$DB" review-tiers --as-of "$(date +%F)" --json
timed "check-ledger" java -jar $JAR --db "$DB" check-ledger --json
timed "points M00000002" java -jar $JAR --db "$DB" points M00000002 --json
timed "counter purchases" java -cp "$JAR:target/test-classes" org.memberdesk.bench.CounterBenchmark "$DB" 1000
