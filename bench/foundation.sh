#!/usr/bin/env bash
# Foundation benchmark (issue 2): on 1,000,000 demo members and their purchases, compare
# import-members + import-purchases with the sqlite3 shell's own .import of the same two files into
# tables with the same unique keys; time `stats`; record peak heap of the import.
#
#   bench/foundation.sh [MEMBERS] [OUT_DIR]        (defaults: 1000000, bench/out)
#
# Needs the jar (./mvnw -q -DskipTests package) and the sqlite3 shell (apt-get install sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000000}
OUT=${2:-bench/out}
JAR=target/memberdesk.jar
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(sqlite3 --version | cut -d' ' -f1-2)"

if [ ! -f "$OUT/csv/purchases.csv" ]; then
  java -jar "$JAR" demo --members "$MEMBERS" --seed 42 --csv-dir "$OUT/csv" --json
fi
wc -l "$OUT/csv/members.csv" "$OUT/csv/purchases.csv"

# --- sqlite3 shell: .import into tables with the same unique keys ---
rm -f "$OUT/shell.db"
sqlite3 "$OUT/shell.db" <<'SQL'
CREATE TABLE members (member_no TEXT NOT NULL UNIQUE, name TEXT, phone TEXT UNIQUE, gender TEXT, birthday TEXT,
                      join_date TEXT, channel TEXT, referrer_no TEXT);
CREATE TABLE purchases (purchase_no TEXT NOT NULL UNIQUE, member_no TEXT, time TEXT, item TEXT, quantity INTEGER,
                        amount TEXT, refund_of TEXT);
SQL
t0=$(now)
sqlite3 "$OUT/shell.db" <<SQL
.import --csv --skip 1 $OUT/csv/members.csv members
.import --csv --skip 1 $OUT/csv/purchases.csv purchases
SQL
t1=$(now)
shell=$(secs "$t0" "$t1")
echo "sqlite3 .import members+purchases: ${shell}s ($(sqlite3 "$OUT/shell.db" 'select count(*) from members') members, $(sqlite3 "$OUT/shell.db" 'select count(*) from purchases') purchase rows)"

# --- MemberDesk: import-members + import-purchases, heap capped at 512 MB, GC log for the peak ---
rm -f "$OUT/memberdesk.db" "$OUT/memberdesk.db-wal" "$OUT/memberdesk.db-shm" "$OUT"/gc-*.log
JOPTS="-Xmx512m -Xlog:gc:file=$OUT/gc-%p.log"
t0=$(now)
java $JOPTS -jar "$JAR" --db "$OUT/memberdesk.db" import-members "$OUT/csv/members.csv" --json
java $JOPTS -jar "$JAR" --db "$OUT/memberdesk.db" import-purchases "$OUT/csv/purchases.csv" --allow-returns --json
t1=$(now)
ours=$(secs "$t0" "$t1")
peak=$(grep -ho '[0-9]*M->' "$OUT"/gc-*.log | tr -d 'M->' | sort -n | tail -1)
echo "memberdesk import-members+import-purchases: ${ours}s (peak heap before a GC: ${peak:-?} MB, -Xmx512m)"
echo "ratio memberdesk/sqlite3: $(echo "scale=2; $ours / $shell" | bc)"

# --- stats: whole command, five runs ---
for i in 1 2 3 4 5; do
  t0=$(now); java -jar "$JAR" --db "$OUT/memberdesk.db" stats --json >/dev/null; t1=$(now)
  echo "stats run $i: $(secs "$t0" "$t1")s"
done
java -jar "$JAR" --db "$OUT/memberdesk.db" stats --json
