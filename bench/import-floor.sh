#!/usr/bin/env bash
# The floor under issue 2's import bar: how long SQLite itself takes to write the rows our schema must hold for the
# benchmark's two files, with no CSV parsing, no Java and no per-row statements — one set-based INSERT … SELECT per
# table from the rows the sqlite3 shell has already imported — next to the shell's own `.import` of the same files
# in the same run. No importer, however written, can finish faster than this floor while writing the same rows.
#
#   bench/import-floor.sh [OUT_DIR]        (default bench/out; expects OUT_DIR/csv from bench/foundation.sh)
#
# The floor is generous to us: every row is written in one statement in file order, the indexes an import puts off
# (DeferredIndexes) are dropped before and built after exactly as the import does, points are simply one per yuan,
# returns are not matched to their sales, and the member statistics are one UPDATE at the end.
# "minimal" is the least a design with member ids and foreign keys can write: members, and purchases carrying their
# item and their member's id, nothing derived.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench/out}
OUT=$(cd "$OUT" && pwd)
JAR=$PWD/target/memberdesk.jar
[ -f "$OUT/csv/purchases.csv" ] || { echo "no $OUT/csv: run bench/foundation.sh first" >&2; exit 2; }
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys" "$@"; }

echo "machine: $(nproc) cores, sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the shell's .import, the same reference bench/foundation.sh measures ---
bench/shell-import.sh "$OUT"

# --- our schema, made by our own migrations, filled set-based from the shell's rows ---
FLOOR=$OUT/floor.db
rm -f "$FLOOR" "$FLOOR-wal" "$FLOOR-shm"
java -jar "$JAR" --db "$FLOOR" stats --json >/dev/null
# the indexes the two imports put off (DeferredIndexes.MEMBER_IMPORT and PURCHASE_IMPORT), read from the schema
DEFERRED="'members_name','members_join_date','members_channel','members_referrer','members_tier',
  'members_phone_last4','members_activity','members_first_purchase','purchases_time_sales','member_items_member'"
sqlite3 "$FLOOR" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE name IN ($DEFERRED)" > "$OUT/floor-drop.sql"
sqlite3 "$FLOOR" "SELECT sql || ';' FROM sqlite_master WHERE name IN ($DEFERRED)" > "$OUT/floor-create.sql"

# the members as the floor and the minimal design both store them
STORE_MEMBERS="INSERT INTO members (member_no, name, phone, gender, birthday, join_date, channel, referrer_no)
  SELECT member_no, name, phone, nullif(gender, ''), nullif(birthday, ''), join_date, nullif(channel, ''),
         nullif(referrer_no, '')
  FROM raw.members;"

cat > "$OUT/floor.sql" <<SQL
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
ATTACH '$OUT/shell.db' AS raw;
INSERT INTO items (name) SELECT DISTINCT item FROM raw.purchases WHERE item NOT IN (SELECT name FROM items);
.read $OUT/floor-drop.sql
.timer on
.print members
BEGIN;
$STORE_MEMBERS
COMMIT;
.print purchases
BEGIN;
INSERT INTO purchases (purchase_no, member_id, time, kind, total_cents)
  SELECT p.purchase_no, m.id, p.time, CASE WHEN p.amount LIKE '-%' THEN 'return' ELSE 'sale' END,
         CAST(round(p.amount * 100) AS INTEGER)
  FROM raw.purchases p JOIN members m ON m.member_no = p.member_no ORDER BY p.rowid;
COMMIT;
.print purchase_items
BEGIN;
INSERT INTO purchase_items (purchase_id, line_no, item_id, quantity, amount_cents)
  SELECT pu.id, 1, i.id, p.quantity, pu.total_cents
  FROM raw.purchases p JOIN purchases pu ON pu.purchase_no = p.purchase_no JOIN items i ON i.name = p.item
  ORDER BY pu.id;
COMMIT;
.print points_ledger
BEGIN;
INSERT INTO points_ledger (member_id, time, kind, points, purchase_id, reason, remaining)
  SELECT member_id, time, CASE kind WHEN 'sale' THEN 'earn' ELSE 'reverse' END, total_cents / 100, id, 'purchase',
         CASE kind WHEN 'sale' THEN total_cents / 100 END
  FROM purchases ORDER BY id;
COMMIT;
.print member_items
BEGIN;
INSERT INTO member_items (item_id, member_id, first_bought_at)
  SELECT pi.item_id, pu.member_id, min(pu.time)
  FROM purchase_items pi JOIN purchases pu ON pu.id = pi.purchase_id GROUP BY 1, 2;
COMMIT;
.print member statistics
BEGIN;
UPDATE members SET purchase_count = s.n, spent_cents = s.spent, first_purchase_at = s.first,
                   last_purchase_at = s.last, points = s.points
  FROM (SELECT member_id, count(*) AS n, sum(total_cents) AS spent, min(time) AS first, max(time) AS last,
               sum(total_cents / 100) AS points
        FROM purchases GROUP BY member_id) s
  WHERE members.id = s.member_id;
COMMIT;
.print indexes put off, built again
PRAGMA threads = 2;
BEGIN;
.read $OUT/floor-create.sql
COMMIT;
SQL
timed "floor: our schema, set-based from the shell's rows" sqlite3 "$FLOOR" ".read $OUT/floor.sql"

# --- the least a design with member ids writes: members, purchases carrying their item; WAL and foreign keys as ours ---
MINIMAL=$OUT/minimal.db
rm -f "$MINIMAL" "$MINIMAL-wal" "$MINIMAL-shm"
cat > "$OUT/minimal.sql" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
CREATE TABLE members (id INTEGER PRIMARY KEY, member_no TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT UNIQUE,
                      gender TEXT, birthday TEXT, join_date TEXT NOT NULL, channel TEXT, referrer_no TEXT);
CREATE TABLE purchases (id INTEGER PRIMARY KEY, purchase_no TEXT NOT NULL UNIQUE,
                        member_id INTEGER NOT NULL REFERENCES members (id), time TEXT NOT NULL, item TEXT,
                        quantity INTEGER, total_cents INTEGER NOT NULL);
ATTACH '$OUT/shell.db' AS raw;
BEGIN;
$STORE_MEMBERS
COMMIT;
BEGIN;
INSERT INTO purchases (purchase_no, member_id, time, item, quantity, total_cents)
  SELECT p.purchase_no, m.id, p.time, p.item, p.quantity, CAST(round(p.amount * 100) AS INTEGER)
  FROM raw.purchases p JOIN members m ON m.member_no = p.member_no ORDER BY p.rowid;
COMMIT;
SQL
timed "minimal: members + purchases only" sqlite3 "$MINIMAL" ".read $OUT/minimal.sql" >/dev/null
sqlite3 "$FLOOR" "SELECT 'floor rows: members ' || (SELECT count(*) FROM members) || ', purchases ' ||
  (SELECT count(*) FROM purchases) || ', lines ' || (SELECT count(*) FROM purchase_items) || ', ledger ' ||
  (SELECT count(*) FROM points_ledger) || ', member_items ' || (SELECT count(*) FROM member_items)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
