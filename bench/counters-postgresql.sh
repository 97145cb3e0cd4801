#!/usr/bin/env bash
# Issue 21's counter bar (BENCHMARKS.md "## Several counters on one database (issue 21)"): COUNTERS counter processes
# selling at once on one PostgreSQL database holding MEMBERS members with one earlier purchase each; per-sale
# latency p50/p95/p99 and the throughput of all counters together (CountersBenchmark), with each counter starting a
# sale every PACES ms (a busy till) and then back to back (what all counters together can do at most). The same on a SQLite file with
# the same data, in the same run, for reference. Bar: p95 per sale < 50 ms with 8 counters on PostgreSQL.
#   bench/counters-postgresql.sh [MEMBERS] [SALES] [COUNTERS]     (defaults 1000000, 500, 8)
#   PGSERVER=postgresql://memberdesk@localhost:5432/ (the password from PGPASSWORD or ~/.pgpass; the role needs only
#   CREATEDB), WORK=bench/out/counters (the SQLite file and the counters' files), ENGINES="postgresql sqlite",
#   REUSE=1 keeps an already loaded database (each run adds its sales to it); with PACES="" the data is only loaded.
# The data is made set-based in SQL (members B0000001… with phones 139…, one sale each, statistics and kept totals
# made to match): the importers are not what is measured here. The server database is created UTF-8 with C
# collation, as docs/multi-store.md says, and dropped at the end unless REUSE=1.
# Needs `./mvnw -q -DskipTests package test-compile` first (the benchmark lives in test-classes), psql and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000000}
SALES=${2:-500}
COUNTERS=${3:-8}
WARM_UP=${WARM_UP:-30}
# a sale every PACE ms at each counter (8 counters x 5 a second: far busier than any shop's tills), then back to back
PACES=${PACES-200 0}
PGSERVER=${PGSERVER:-postgresql://memberdesk@localhost:5432/}
PGDB=${PGDB:-memberdesk_bench_counters}
ENGINES=${ENGINES:-postgresql sqlite}
WORK=${WORK:-bench/out/counters}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
CP="$PWD/target/memberdesk.jar:$PWD/target/test-classes"
PGURL=${PGSERVER%/}/$PGDB
# runs a command (a shell function too), then prints how long it took
timed() {
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$label: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s wall"
}

# psql's connection from the address: postgresql://USER@HOST:PORT/
pg_user=$(sed -E 's#^postgres(ql)?://([^@:/]+).*#\2#' <<<"$PGSERVER")
pg_host=$(sed -E 's#^postgres(ql)?://[^@]+@([^:/]+).*#\2#' <<<"$PGSERVER")
pg_port=$(sed -E -n 's#^postgres(ql)?://[^@]+@[^:/]+:([0-9]+).*#\2#p' <<<"$PGSERVER")
pg_port=${pg_port:-5432}
psql_to() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$1" "${@:2}"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "server: $(psql_to postgres -A -t -c 'SHOW server_version') at $pg_host:$pg_port; fsync=$(psql_to postgres -A -t \
  -c 'SHOW fsync'), synchronous_commit=$(psql_to postgres -A -t -c 'SHOW synchronous_commit'),\
 full_page_writes=$(psql_to postgres -A -t -c 'SHOW full_page_writes')"
echo "$MEMBERS members, $COUNTERS counters x $SALES sales (after $WARM_UP untimed each); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

load_postgresql() {
  if [ "${REUSE:-0}" = 1 ] && psql_to postgres -A -t -c "SELECT 1 FROM pg_database WHERE datname = '$PGDB'" | grep -q 1; then
    return
  fi
  psql_to postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)"
  psql_to postgres -c "CREATE DATABASE $PGDB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
  java -jar target/memberdesk.jar --db "$PGURL" stats --json >/dev/null   # the app's migrations
  timed "postgresql: $MEMBERS members and their purchases, set-based" psql_to "$PGDB" <<SQL
INSERT INTO members (member_no, name, phone, gender, join_date, channel)
SELECT 'B' || lpad(i::text, 7, '0'), '会员' || i, '139' || lpad(i::text, 8, '0'),
       CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END, to_char(date '2024-01-01' + i % 700, 'YYYY-MM-DD'), '门店'
FROM generate_series(1, $MEMBERS) AS i;
INSERT INTO items (name) VALUES ('年卡') ON CONFLICT DO NOTHING;
INSERT INTO purchases (purchase_no, member_id, time, kind, total_cents)
SELECT 'H' || lpad(id::text, 7, '0'), id, to_char(date '2024-01-31' + id::int % 700, 'YYYY-MM-DD') || ' 10:00:00', 'sale',
       5000 + id % 100 * 100
FROM members;
INSERT INTO purchase_items (purchase_id, line_no, item_id, quantity, amount_cents)
SELECT p.id, 1, (SELECT id FROM items WHERE name = '年卡'), 1, p.total_cents FROM purchases p WHERE p.purchase_no LIKE 'H%';
UPDATE members m SET purchase_count = 1, spent_cents = p.total_cents, first_purchase_at = p.time, last_purchase_at = p.time
FROM purchases p WHERE p.member_id = m.id AND p.purchase_no LIKE 'H%';
UPDATE totals SET members = (SELECT count(*) FROM members),
                  purchases = (SELECT count(*) FROM purchases WHERE kind = 'sale'),
                  returns = (SELECT count(*) FROM purchases WHERE kind = 'return'),
                  revenue_cents = (SELECT coalesce(sum(total_cents), 0) FROM purchases) WHERE id = 1;
VACUUM (ANALYZE) members, purchases, purchase_items, totals;
SQL
}

load_sqlite() {
  local db=$WORK/counters.db
  if [ "${REUSE:-0}" = 1 ] && [ -s "$db" ]; then
    return
  fi
  rm -f "$db" "$db-wal" "$db-shm"
  java -jar target/memberdesk.jar --db "$db" stats --json >/dev/null
  timed "sqlite: $MEMBERS members and their purchases, set-based" sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $MEMBERS)
INSERT INTO members (member_no, name, phone, gender, join_date, channel)
SELECT printf('B%07d', i), '会员' || i, printf('139%08d', i), CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END,
       date('2024-01-01', '+' || (i % 700) || ' days'), '门店' FROM n;
INSERT INTO items (name) VALUES ('年卡') ON CONFLICT DO NOTHING;
INSERT INTO purchases (purchase_no, member_id, time, kind, total_cents)
SELECT printf('H%07d', id), id, date('2024-01-31', '+' || (id % 700) || ' days') || ' 10:00:00', 'sale',
       5000 + id % 100 * 100
FROM members;
INSERT INTO purchase_items (purchase_id, line_no, item_id, quantity, amount_cents)
SELECT p.id, 1, (SELECT id FROM items WHERE name = '年卡'), 1, p.total_cents FROM purchases p WHERE p.purchase_no LIKE 'H%';
UPDATE members SET purchase_count = 1,
  spent_cents = (SELECT total_cents FROM purchases p WHERE p.member_id = members.id),
  first_purchase_at = (SELECT time FROM purchases p WHERE p.member_id = members.id),
  last_purchase_at = (SELECT time FROM purchases p WHERE p.member_id = members.id);
UPDATE totals SET members = (SELECT count(*) FROM members),
                  purchases = (SELECT count(*) FROM purchases WHERE kind = 'sale'),
                  returns = (SELECT count(*) FROM purchases WHERE kind = 'return'),
                  revenue_cents = (SELECT coalesce(sum(total_cents), 0) FROM purchases) WHERE id = 1;
ANALYZE;
SQL
}

for engine in $ENGINES; do
  case $engine in
    postgresql)
      load_postgresql
      location=$PGURL ;;
    sqlite)
      load_sqlite
      location=$WORK/counters.db ;;
    *) echo "unknown engine $engine" >&2; exit 2 ;;
  esac
  for pace in $PACES; do
    echo "load before $engine, a sale every $pace ms per counter: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$CP" org.memberdesk.bench.CountersBenchmark "$location" "$MEMBERS" "$COUNTERS" "$SALES" "$WARM_UP" \
      "$WORK/$engine" "$pace"
  done
  echo "load after $engine: $(cut -d' ' -f1-3 /proc/loadavg)"
done
# the invariants after the race (the same checks as the app's own commands); PACES="" only loads the data
for engine in $([ -n "$PACES" ] && echo "$ENGINES"); do
  location=$PGURL
  [ "$engine" = sqlite ] && location=$WORK/counters.db
  echo "$engine: check-ledger $(java -jar target/memberdesk.jar --db "$location" check-ledger --json),"\
" audit verify $(java -jar target/memberdesk.jar --db "$location" audit verify --json)"
done
if [ "${REUSE:-0}" != 1 ] && [[ " $ENGINES " == *" postgresql "* ]]; then
  psql_to postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)"
fi
