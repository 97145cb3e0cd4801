#!/usr/bin/env bash
# The Analytics screen's background work for a month on a database (default: a 1,000,000-member demo
# file, made when missing): the AARRR funnel, the 12 cohorts, the five distributions, the saved funnels.
# Each runs as its own background task on screen; this times them one after the other in one JVM.
#
#   bench/analytics-screen.sh [DB]     DB defaults to /tmp/bench/analytics.db
#
# Needs target/memberdesk.jar and target/test-classes (./mvnw -q -DskipTests package test-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/bench/analytics.db}
JAR=${JAR:-target/memberdesk.jar}          # the jar (with its lib/ beside it)
CLASSES=${CLASSES:-target/test-classes}   # where AnalyticsLoadBench is compiled
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
if [ ! -f "$DB" ]; then
  mkdir -p "$(dirname "$DB")"
  /usr/bin/time -f "demo --members 1000000: %e s" java -jar "$JAR" --db "$DB" demo --members 1000000 --json
fi
# opening once brings the schema up to date, outside the timings
java -jar "$JAR" --db "$DB" stats --json > /dev/null
LAST=$(sqlite3 "$DB" "SELECT substr(max(time), 1, 7) FROM purchases")
FROM=$(date -d "$LAST-01 -1 month" +%F)
TO=$(date -d "$LAST-01 -1 day" +%F)
echo "period: $FROM … $TO"
/usr/bin/time -f "whole run: %e s wall, %U s user" \
  java -cp "$JAR:$CLASSES" org.memberdesk.ui.analytics.AnalyticsLoadBench "$DB" "$FROM" "$TO"
