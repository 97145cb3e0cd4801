#!/usr/bin/env bash
# Backup benchmark: times the online backup, the integrity check and a restore of a demo database
# of N members (default 1,000,000), each once, as the command line runs them. Writes to bench/out/.
#   bench/backup.sh [MEMBERS]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-1000000}
out=bench/out/backup
mkdir -p "$out"
db="$out/bench-$members.db"
[ -f target/memberdesk.jar ] || ./mvnw -q -DskipTests package
run() { java -jar target/memberdesk.jar --db "$db" "$@"; }
if [ ! -f "$db" ]; then
  echo "demo data: $members members (once)"
  /usr/bin/time -f "demo: %e s" java -jar target/memberdesk.jar --db "$db" demo --members "$members" --json
fi
echo "database: $(du -h "$db" | cut -f1)"
/usr/bin/time -f "backup: %e s, max RSS %M KB" java -jar target/memberdesk.jar --db "$db" backup --json
/usr/bin/time -f "integrity-check: %e s" java -jar target/memberdesk.jar --db "$db" integrity-check --json
latest=$(ls -t "$out"/backups/*-manual.db | head -1)
/usr/bin/time -f "restore (check + safety backup + copy in): %e s" \
  java -jar target/memberdesk.jar --db "$db" restore "$latest" --json
run backups --keep 3 --json >/dev/null
