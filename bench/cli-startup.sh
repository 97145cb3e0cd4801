#!/usr/bin/env bash
# The command line's own cost and two of its answers on a big database, whole commands as a script
# runs them: `--version` (JVM start, picocli, nothing else: the floor every command pays), `stats --json`
# (issue 2's bar: < 0.5 s) and a month's `report --json` (issue 7's bar: < 1 s).
#
#   bench/cli-startup.sh [DB] [RUNS]   DB defaults to /tmp/ui1m.db, RUNS to 5
#
# Each command RUNS times with plain `java -jar target/memberdesk.jar` and with the packaged
# app-image's launcher (C1 only, serial GC, class-data archive: installer/Jpackage.java). Prints
# wall and CPU (user + sys) time per run and the load average before each: on a shared machine
# the CPU time is the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-/tmp/ui1m.db}"
RUNS="${2:-5}"
[ -f "$DB" ] || { echo "No database $DB; create it with: java -jar target/memberdesk.jar --db $DB demo --members 1000000" >&2; exit 2; }
[ -f target/memberdesk.jar ] || ./mvnw -q -DskipTests package
IMAGE=target/installer/out/MemberDesk/bin/MemberDesk
if [ ! -x "$IMAGE" ] || [ target/memberdesk.jar -nt "$IMAGE" ]; then
  ./mvnw -q -Pinstaller -Dinstaller.types=app-image -DskipTests package
fi
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), database $DB ($(du -h "$DB" | cut -f1))"
time_it() {  # label, command…
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o /tmp/cli-startup.$$ "$@" > /dev/null
  read -r wall user sys < /tmp/cli-startup.$$
  printf '%-44s wall %5.2f s  CPU %5.2f s  (load %s)\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$load"
}
for args in "--version" "--db $DB stats --json" "--db $DB report --from 2026-10-01 --to 2026-10-31 --json"; do
  short=$(echo "$args" | sed "s|--db $DB ||")
  for i in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    time_it "jar   $short" java -jar target/memberdesk.jar $args
    # shellcheck disable=SC2086
    time_it "image $short" "$IMAGE" $args
  done
done
rm -f /tmp/cli-startup.$$
