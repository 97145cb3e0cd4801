#!/usr/bin/env bash
# Refreshes the Chinese chart screenshots in docs/images/ and the Analytics screen shots in docs/screenshots/
# from demo data: the last full month's dashboard, funnel and RFM segments, and the 12 cohorts before it.
# Needs target/memberdesk.jar and, for the screen shots, xvfb + libgtk-3-0 (no font: the app carries its own).
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
# the Analytics screen's tabs (funnels, a saved custom funnel, cohorts, distributions) in a real window
# under Xvfb (GTK glass, not Monocle), demo data, Chinese; needs xvfb and libgtk-3-0
mkdir -p docs/screenshots
xvfb-run -a -s "-screen 0 1400x900x24" ./mvnw -q test -Dtest=AnalyticsScreenshots \
  -Dscreenshots.dir="$PWD/target/analytics-shots" -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dheadless.argLine=-Dtestfx.robot=glass -Dtestfx.headless=false -Dprism.order=sw"
cp target/analytics-shots/analytics-*.png docs/screenshots/
ls -l docs/screenshots/analytics-*.png
