#!/usr/bin/env bash
# Refreshes the Chinese chart screenshots in docs/images/ (shown in README.md and docs/analytics.md)
# from demo data: the last full month's dashboard, funnel and RFM segments, and the 12 cohorts before it.
# Needs target/memberdesk.jar and a CJK font (Debian: fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$(mktemp -d)/screenshots.db
java -jar target/memberdesk.jar --db "$DB" demo --members 20000 --seed 7 --json > /dev/null
LAST=$(date +%Y-%m)
FROM=$(date -d "$LAST-01 -1 month" +%F)
TO=$(date -d "$LAST-01 -1 day" +%F)
YEAR_FROM=$(date -d "$LAST-01 -12 month" +%F)
mkdir -p docs/images
chart() { java -jar target/memberdesk.jar --db "$DB" chart "$1" --from "$2" --to "$3" --lang zh \
  --width 1000 --height 560 --png "docs/images/analytics-$1.png" --json; }
chart dashboard "$YEAR_FROM" "$TO"
chart funnel "$FROM" "$TO"
chart cohorts "$YEAR_FROM" "$TO"
chart rfm "$FROM" "$TO"
chart stages "$FROM" "$TO"
rm -f "$DB"
# the Dashboard screen itself (TestFX under Monocle, demo data, Chinese)
./mvnw -q test -Dtest=DashboardScreenshot -Dscreenshots.dir="$PWD/target/dashboard-shot" \
  -Dsurefire.failIfNoSpecifiedTests=false
cp target/dashboard-shot/dashboard.png docs/images/analytics-dashboard-screen.png
