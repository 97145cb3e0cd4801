#!/usr/bin/env bash
# Issue 16's card bars (BENCHMARKS.md "## Member cards (issue 16)"): on a database of MEMBERS members (default
# 1,000,000), import-cards of a 300,000-row file against the sqlite3 shell's .import of the same file into a plain
# table, in the same run (and SQLite alone writing the same cards set-based into our schema: the floor); then ~5M
# visits added set-based, consistent with the cards' ledgers; then check-in p95 (CheckIns, N members with a card
# usable today), liability and the 7-day ending-soon list (CardsBenchmark), and the card check.
#   bench/cards.sh [OUT_DIR] [MEMBERS] [N]        (defaults: bench/out/cards, 1000000, 1000)
# Members: BASE_DB=FILE copies a database filled by bench/foundation.sh instead (its member numbers must then be
# B0000001…: by default the members are made set-based here, B0000001 … with phones 139…, in a few seconds).
# Needs `./mvnw -q -DskipTests package test-compile` first (the benchmark class lives in test-classes), sqlite3 and
# GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench/out/cards}
MEMBERS=${2:-1000000}
N=${3:-1000}
CARDS=300000
JAR=$PWD/target/memberdesk.jar
CP="$JAR:$PWD/target/test-classes"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DB=$OUT/cards.db
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys" "$@"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1)"
lscpu | head -15
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$OUT/backups" "$DB" "$DB-wal" "$DB-shm" "$DB".*lock "$OUT"/shell*.db "$OUT"/floor.db* "$OUT"/cards.rejected.csv
if [ -n "${BASE_DB:-}" ]; then
  cp "$BASE_DB" "$DB"
fi
java -jar "$JAR" --db "$DB" stats --json >/dev/null   # our migrations
if [ -z "${BASE_DB:-}" ]; then
  timed "members, set-based ($MEMBERS)" sqlite3 "$DB" "PRAGMA journal_mode = WAL;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $MEMBERS)
    INSERT INTO members (member_no, name, phone, gender, join_date, channel)
    SELECT printf('B%07d', i), '会员' || i, printf('139%08d', i), CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END,
           date('2024-01-01', '+' || (i % 700) || ' days'), '门店' FROM n;" >/dev/null
fi
java -cp "$CP" org.memberdesk.bench.CardsBenchmark products "$DB"
java -cp "$CP" org.memberdesk.bench.CardsBenchmark cards-csv "$OUT/cards.csv" "$CARDS" "$MEMBERS"
wc -l "$OUT/cards.csv"; ls -la "$DB"

# --- import-cards against the shell's .import of the same file, one right after the other (twice: noise) ---
SHELL_TABLE="CREATE TABLE cards_import (member_no TEXT, product TEXT, principal TEXT, bonus TEXT,
  sessions_left TEXT, valid_from TEXT, valid_to TEXT, paid TEXT)"
timed "sqlite3 .import (plain table)" sqlite3 "$OUT/shell1.db" "$SHELL_TABLE" ".import --csv --skip 1 $OUT/cards.csv cards_import"
# the floor: SQLite alone writing the same cards and opening entries into our schema, from the shell's rows
cp "$DB" "$OUT/floor.db"
timed "floor: our schema, set-based" sqlite3 "$OUT/floor.db" "ATTACH '$OUT/shell1.db' AS s; PRAGMA journal_mode = WAL;
  PRAGMA foreign_keys = ON; BEGIN;
  INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, valid_from, base_valid_to, valid_to,
                     per_day, sessions_sold, sessions_left, principal_cents, bonus_cents, import_id)
  SELECT i.rowid, printf('C%06d', i.rowid), m.id, p.id, p.kind,
         CASE WHEN p.kind = 'stored-value' THEN CAST(i.principal AS INTEGER) * 100 ELSE CAST(i.paid AS INTEGER) * 100 END,
         datetime('now'), nullif(i.valid_from, ''), nullif(i.valid_to, ''), nullif(i.valid_to, ''), p.per_day,
         CAST(nullif(i.sessions_left, '') AS INTEGER), CAST(nullif(i.sessions_left, '') AS INTEGER),
         coalesce(CAST(nullif(i.principal, '') AS INTEGER) * 100, 0), coalesce(CAST(nullif(i.bonus, '') AS INTEGER) * 100, 0), 1
  FROM s.cards_import i JOIN members m ON m.member_no = i.member_no JOIN card_products p ON p.name = i.product
  ORDER BY i.rowid;
  INSERT INTO card_entries (card_id, time, kind, principal_cents, bonus_cents, sessions)
  SELECT id, sold_at, 'opening', principal_cents, bonus_cents, coalesce(sessions_left, 0) FROM cards ORDER BY id;
  COMMIT;" >/dev/null
rm -f "$OUT"/floor.db*
timed "memberdesk import-cards (whole command: JVM, backup, hash, import)" java -jar "$JAR" --db "$DB" import-cards "$OUT/cards.csv" --json
timed "sqlite3 .import again" sqlite3 "$OUT/shell2.db" "$SHELL_TABLE" ".import --csv --skip 1 $OUT/cards.csv cards_import"
ls -la "$OUT/backups" 2>/dev/null | tail -2
timed "import-cards again (same file: nothing stored twice)" java -jar "$JAR" --db "$DB" import-cards "$OUT/cards.csv" --json
echo "load after the import: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- visits, set-based and consistent with the cards' ledgers (check-cards must hold) ---
# passes: one visit a day from their first day, up to 90 days, before today; session cards: id % 5 visits before
# today, each with its 'visit' entry, the sessions sold and the opening entry raised by as many (sold − used = left)
VISIT_INDEXES=$(sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits'")
timed "visits, set-based" sqlite3 "$DB" "PRAGMA journal_mode = WAL; BEGIN;
  DROP INDEX visits_card_time; DROP INDEX visits_time; DROP INDEX visits_member;
  WITH RECURSIVE k(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM k WHERE d < 89)
  INSERT INTO visits (member_id, card_id, time)
  SELECT c.member_id, c.id, date(c.valid_from, '+' || k.d || ' days') || printf(' %02d:%02d:00', 8 + c.id % 12, c.id % 60)
  FROM cards c JOIN k ON k.d < julianday(date('now', 'localtime')) - julianday(c.valid_from)
  WHERE c.kind = 'period';
  WITH RECURSIVE k(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM k WHERE d < 4)
  INSERT INTO visits (member_id, card_id, time)
  SELECT c.member_id, c.id, date(c.valid_from, '+' || k.d || ' days') || ' 19:00:00'
  FROM cards c JOIN k ON k.d < c.id % 5 AND k.d < julianday(date('now', 'localtime')) - julianday(c.valid_from)
  WHERE c.kind = 'sessions';
  $VISIT_INDEXES
  INSERT INTO card_entries (card_id, time, kind, sessions, visit_id)
  SELECT v.card_id, v.time, 'visit', -1, v.id FROM visits v JOIN cards c ON c.id = v.card_id WHERE c.kind = 'sessions';
  CREATE TEMP TABLE used AS SELECT v.card_id, count(*) AS n FROM visits v JOIN cards c ON c.id = v.card_id
    WHERE c.kind = 'sessions' GROUP BY v.card_id;
  UPDATE cards SET sessions_sold = sessions_sold + u.n FROM used u WHERE cards.id = u.card_id;
  UPDATE card_entries SET sessions = sessions + u.n FROM used u
    WHERE card_entries.card_id = u.card_id AND card_entries.kind = 'opening';
  UPDATE members SET visit_count = s.n, last_visit_at = s.last
    FROM (SELECT member_id, count(*) AS n, max(time) AS last FROM visits GROUP BY member_id) s
    WHERE members.id = s.member_id;
  COMMIT;" >/dev/null
sqlite3 "$DB" "SELECT 'members ' || (SELECT count(*) FROM members) || ', cards ' || (SELECT count(*) FROM cards)
  || ', visits ' || (SELECT count(*) FROM visits) || ', card entries ' || (SELECT count(*) FROM card_entries)"
ls -la "$DB"
echo "load before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- check-in p95, liability, the 7-day ending-soon list, the card check ---
java -cp "$CP" org.memberdesk.bench.CardsBenchmark measure "$DB" "$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
