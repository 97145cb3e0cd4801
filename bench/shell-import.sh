#!/usr/bin/env bash
# The reference issue 2's import bar is measured against: the sqlite3 shell's own .import of the benchmark's two
# files into tables with the same unique keys as ours, timed. Shared by bench/foundation.sh and
# bench/import-floor.sh so both compare with exactly the same thing; leaves OUT_DIR/shell.db behind.
#
#   bench/shell-import.sh OUT_DIR        (expects OUT_DIR/csv/members.csv and purchases.csv)
set -euo pipefail
OUT=$(cd "$1" && pwd)
rm -f "$OUT/shell.db"
sqlite3 "$OUT/shell.db" <<'SQL'
CREATE TABLE members (member_no TEXT NOT NULL UNIQUE, name TEXT, phone TEXT UNIQUE, gender TEXT, birthday TEXT,
                      join_date TEXT, channel TEXT, referrer_no TEXT);
CREATE TABLE purchases (purchase_no TEXT NOT NULL UNIQUE, member_no TEXT, time TEXT, item TEXT, quantity INTEGER,
                        amount TEXT, refund_of TEXT);
SQL
printf '.import --csv --skip 1 %s members\n.import --csv --skip 1 %s purchases\n' \
  "$OUT/csv/members.csv" "$OUT/csv/purchases.csv" > "$OUT/import.sql"
/usr/bin/time -f "sqlite3 .import members+purchases: %e s wall, %U s user + %S s sys, max RSS %M KB" \
  sqlite3 "$OUT/shell.db" ".read $OUT/import.sql"
