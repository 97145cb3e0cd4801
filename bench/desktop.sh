#!/usr/bin/env bash
# Desktop app on a big database: how long until the members screen shows its first rows after the
# JVM starts, how long a search takes (the query alone, and typed → rows on screen) for a full phone,
# its last 4 digits and a name, a page read deep in the list and sorted pages, and the heap in use.
# Each run prints one JSON line (see ui/StartupTiming.java), then the run's wall and CPU time.
#
#   bench/desktop.sh [DB] [RUNS]   DB defaults to /tmp/ui1m.db, RUNS to 3; create the DB once (minutes) with
#   java -jar target/memberdesk.jar --db /tmp/ui1m.db demo --members 1000000
#
# Two ways of starting, RUNS times each, alternating:
#   jar    java -Xmx512m -jar target/memberdesk.jar …   (no JVM tuning: what `java -jar` users get)
#   image  target/installer/out/MemberDesk/bin/MemberDesk …   the packaged app-image as installed: its
#          launcher's options are C1 only, the serial GC, -Xmx1g and the class-data archive made at
#          package time (installer/Jpackage.java)
# The machine is often shared: the load average is printed before each run, and the CPU time
# (user + sys, from /usr/bin/time) beside the wall time — the steadier of the two under load.
# Needs a display: runs under Xvfb when there is none (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-/tmp/ui1m.db}"
RUNS="${2:-3}"
[ -f "$DB" ] || { echo "No database $DB; create it with: java -jar target/memberdesk.jar --db $DB demo --members 1000000" >&2; exit 2; }
[ -f target/memberdesk.jar ] || ./mvnw -q -DskipTests package
IMAGE=target/installer/out/MemberDesk/bin/MemberDesk
if [ ! -x "$IMAGE" ] || [ target/memberdesk.jar -nt "$IMAGE" ]; then
  ./mvnw -q -Pinstaller -Dinstaller.types=app-image -DskipTests package
fi
run() {  # label, command…
  local label=$1; shift
  echo "# $label: $* (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "# $label: %e s wall, %U s user + %S s sys CPU" \
    bash -c 'if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; else exec "$@"; fi' _ "$@" \
    2> >(grep -v "WARNING\|PlatformImpl\|INFO\|^[A-Z][a-z][a-z] [0-9]" >&2)
}
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), database $DB ($(du -h "$DB" | cut -f1))"
for i in $(seq 1 "$RUNS"); do
  run jar java -Xmx512m -jar target/memberdesk.jar --db "$DB" --lang zh --startup-timing
  run image "$IMAGE" --db "$DB" --lang zh --startup-timing
done
