#!/usr/bin/env bash
# Desktop app on a big database: how long until the members screen shows its first rows after the
# JVM starts, how long a search takes (the query alone, and typed → rows on screen) for a full phone,
# its last 4 digits and a name, a page read deep in the list and sorted pages, and the heap in use —
# with the heap capped at 512 MB. Each run prints one JSON line (see ui/StartupTiming.java).
#
#   bench/desktop.sh [DB]     DB defaults to /tmp/ui1m.db; create it once (a few minutes) with
#   java -jar target/memberdesk.jar --db /tmp/ui1m.db demo --members 1000000
#
# Two runs: "plain" (java -Xmx512m -jar) and "tuned" — the JVM flags a packaged app should use on a
# 2-core shop PC: C1 only and the serial GC (less compiler/GC work competing with start-up), and an
# AppCDS archive of the classes loaded at start (made by a training run the first time).
# Needs a display: runs under Xvfb when there is none (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-/tmp/ui1m.db}"
[ -f "$DB" ] || { echo "No database $DB; create it with: java -jar target/memberdesk.jar --db $DB demo --members 1000000" >&2; exit 2; }
[ -f target/memberdesk.jar ] || ./mvnw -q -DskipTests package
ARCHIVE=target/memberdesk-startup.jsa
TUNED=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
run() {
  if [ -z "${DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1600x1000x24" java -Xmx512m "$@" -jar target/memberdesk.jar --db "$DB" --lang zh --startup-timing
  else
    java -Xmx512m "$@" -jar target/memberdesk.jar --db "$DB" --lang zh --startup-timing
  fi 2> >(grep -v "WARNING\|PlatformImpl\|\[cds\]" >&2)
}
echo "# plain (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
run
if [ ! -f "$ARCHIVE" ] || [ target/memberdesk.jar -nt "$ARCHIVE" ]; then
  echo "# training run for the class-data archive $ARCHIVE"
  run "${TUNED[@]}" -XX:ArchiveClassesAtExit="$ARCHIVE" > /dev/null
fi
echo "# tuned (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
run "${TUNED[@]}" -XX:SharedArchiveFile="$ARCHIVE"
