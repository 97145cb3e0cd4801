#!/usr/bin/env bash
# Desktop app on a big database: how long until the members screen shows its first rows after the
# JVM starts, how long a search takes from typing to rows on screen (full phone, last 4 digits,
# name), a page read deep in the list, and the heap in use — with the heap capped at 512 MB.
#
#   bench/desktop.sh [DB]     DB defaults to /tmp/ui1m.db; create it once (a few minutes) with
#   java -jar target/memberdesk.jar --db /tmp/ui1m.db demo --members 1000000
#
# Needs a display: runs under Xvfb when there is none (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-/tmp/ui1m.db}"
[ -f "$DB" ] || { echo "No database $DB; create it with: java -jar target/memberdesk.jar --db $DB demo --members 1000000" >&2; exit 2; }
[ -f target/memberdesk.jar ] || ./mvnw -q -DskipTests package
RUN=(java -Xmx512m -jar target/memberdesk.jar --db "$DB" --lang zh --self-test)
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${RUN[@]}"
else
  "${RUN[@]}"
fi
