#!/usr/bin/env bash
# Tags and segments benchmark: the engine inside one JVM, the command line end to end, and the same
# questions asked of the sqlite3 shell over raw purchases, all on one database in one session.
#   bench/tags.sh DB [AS_OF]     (DB from: java -jar target/memberdesk.jar --db DB demo --members 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?usage: bench/tags.sh DB [AS_OF]}
AS_OF=${2:-$(date +%F)}
NEXT=$(date -d "$AS_OF + 1 day" +%F)
[ -f target/memberdesk.jar ] && [ -d target/test-classes/org/memberdesk/bench ] || ./mvnw -q -DskipTests package test-compile
JAR="java -jar target/memberdesk.jar --db $DB"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), sqlite3 $(sqlite3 --version | cut -d' ' -f1), load $(cut -d' ' -f1-3 /proc/loadavg)"
$JAR stats --json
echo "== engine inside one JVM (what the screens see)"
java -cp "target/classes:target/test-classes:target/lib/*" org.memberdesk.bench.TagsBenchmark "$DB" "$AS_OF"
echo "== command line, end to end (JVM start included)"
# wall time and CPU time (user + sys): on a shared machine the CPU time is what the work itself costs
t() { /usr/bin/time -f "%e %U %S" -o /tmp/tags-bench.time "$@" >/tmp/tags-bench.out; read -r wall user sys </tmp/tags-bench.time; printf "%-12s wall %6.2f s  cpu %6.2f s  %s\n" "$6" "$wall" "$(echo "$user + $sys" | bc)" "$(head -c 100 /tmp/tags-bench.out)"; }
t $JAR segment --rule "purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60" --as-of "$AS_OF" --json
t $JAR segment --rule 'bought = "成人门票"' --as-of "$AS_OF" --json
t $JAR rfm --as-of "$AS_OF" --json
t $JAR lifecycle --as-of "$AS_OF" --json
echo "== sqlite3 shell over raw purchases"
s() { sed -e "s/2026-11-22/$AS_OF/g" -e "s/2026-11-23/$NEXT/g" "$1" >/tmp/tags-bench.sql; /usr/bin/time -f "%e %U %S" -o /tmp/tags-bench.time sqlite3 "$DB" </tmp/tags-bench.sql >/tmp/tags-bench.out; read -r wall user sys </tmp/tags-bench.time; printf "%-32s wall %6.2f s  cpu %6.2f s  %s\n" "$1" "$wall" "$(echo "$user + $sys" | bc)" "$(tr '\n' ' ' </tmp/tags-bench.out | head -c 100)"; }
s bench/rule-raw-purchases.sql
s bench/rfm-window.sql
