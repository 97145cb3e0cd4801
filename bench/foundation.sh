#!/usr/bin/env bash
# Foundation benchmark (issue 2): on 1,000,000 demo members and their purchases, compare
# import-members + import-purchases with the sqlite3 shell's own .import of the same two files into
# tables with the same unique keys; time `stats`; record peak heap of the import.
#
#   bench/foundation.sh [MEMBERS] [OUT_DIR]        (defaults: 1000000, bench/out)
#
# Needs the jar (./mvnw -q -DskipTests package), the sqlite3 shell and GNU time
# (apt-get install sqlite3 time). Prints wall and CPU seconds: on a shared machine CPU time is the
# fairer comparison, so both are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000000}
OUT=${2:-bench/out}
JAR=$PWD/target/memberdesk.jar
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys, max RSS %M KB" "$@"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$OUT/csv/purchases.csv" ]; then
  java -jar "$JAR" demo --members "$MEMBERS" --seed 42 --csv-dir "$OUT/csv" --json
fi
wc -l "$OUT/csv/members.csv" "$OUT/csv/purchases.csv"

# --- sqlite3 shell: .import into tables with the same unique keys ---
bench/shell-import.sh "$OUT"

# --- MemberDesk: import-members + import-purchases, heap capped at 512 MB, GC log for the peak ---
rm -f "$OUT/memberdesk.db" "$OUT/memberdesk.db-wal" "$OUT/memberdesk.db-shm" "$OUT/memberdesk.db.import-lock" \
  "$OUT"/gc-*.log
JOPTS="-Xmx512m -Xlog:gc:file=$OUT/gc-%p.log"
timed "memberdesk import-members" java $JOPTS -jar "$JAR" --db "$OUT/memberdesk.db" import-members \
  "$OUT/csv/members.csv" --json
timed "memberdesk import-purchases" java $JOPTS -jar "$JAR" --db "$OUT/memberdesk.db" import-purchases \
  "$OUT/csv/purchases.csv" --allow-returns --json
peak=$(grep -ho '[0-9]*M->' "$OUT"/gc-*.log | sed 's/M->//' | sort -n | tail -1)
echo "peak heap before a GC: ${peak:-?} MB (run with -Xmx512m)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- stats: whole command (JVM start included), five runs ---
for i in 1 2 3 4 5; do
  timed "stats run $i" java -jar "$JAR" --db "$OUT/memberdesk.db" stats --json >/dev/null
done
java -jar "$JAR" --db "$OUT/memberdesk.db" stats --json
# the import's result is checked, not only timed: every member's ledger sums to its balance
timed "check-ledger" java -jar "$JAR" --db "$OUT/memberdesk.db" check-ledger --json
