#!/usr/bin/env bash
# Issue 17: importing purchases from an Excel workbook (.xlsx) against the same rows as CSV, in the same run.
# The bar: the workbook within 3x the time of the CSV file, in less than 512 MB (the JVM gets -Xmx512m, and the
# process's peak resident memory is printed too).
#
#   bench/xlsx-import.sh [ROWS] [OUT_DIR]        (default 500000 rows, bench/out/xlsx)
#
# The rows are demo's purchases (demo --csv-dir, cut to ROWS lines); bench/CsvToXlsx.java turns them into the
# workbook Excel would save: text in the shared string table, quantity and amount as numbers, the time as a date
# cell. Each file is imported into a fresh database that already holds the members (imported first, not timed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-500000}
OUT=${2:-bench/out/xlsx}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
JAR=$PWD/target/memberdesk.jar
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests package

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# demo writes ~3.9 purchase rows per member: a third of ROWS members is more than enough
rm -rf "$OUT/csv"
java -jar "$JAR" demo --members $((ROWS / 3)) --seed 17 --csv-dir "$OUT/csv" --json >/dev/null
head -n $((ROWS + 1)) "$OUT/csv/purchases.csv" > "$OUT/purchases.csv"
rm -f "$OUT/purchases.xlsx"
/usr/bin/time -f "converted to .xlsx in %e s" java -Xmx2g -cp "$JAR:$PWD/target/lib/*" bench/CsvToXlsx.java \
  "$OUT/purchases.csv" "$OUT/purchases.xlsx"
echo "purchases.csv: $(($(wc -l < "$OUT/purchases.csv") - 1)) rows, $(du -k "$OUT/purchases.csv" | cut -f1) KB;" \
  "purchases.xlsx: $(du -k "$OUT/purchases.xlsx" | cut -f1) KB"

# the peak RSS holds SQLite's page cache of the import connection (256 MB, Database.connectForBulk) and the memory
# map of the index rebuilds besides the Java heap: the last run shows how little heap the workbook needs
for run in csv:512m xlsx:512m xlsx:256m; do
  kind=${run%%:*}
  heap=${run##*:}
  db=$OUT/$kind.db
  rm -rf "$db" "$db-wal" "$db-shm" "$OUT/backups" "$OUT/purchases.rejected.csv"
  java -jar "$JAR" --db "$db" import-members "$OUT/csv/members.csv" --json >/dev/null
  /usr/bin/time -f "$kind (-Xmx$heap): %e s wall, %U s user + %S s sys, peak RSS %M KB" \
    java "-Xmx$heap" -jar "$JAR" --db "$db" import-purchases "$OUT/purchases.$kind" --allow-returns --json
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
