#!/usr/bin/env bash
# Refreshes docs/screenshots/predictions/*.png: the Analytics screen's Predictions tab (预测) in Chinese and English,
# at 1024×700 and 1440×900 (top, charts, win-back list, pass renewals), on the gym demo fitted today, headless (Monocle; its
# screen made bigger than the largest window). No font to install: the app carries its Chinese font.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest="PredictionsScreenshots" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$PWD/docs/screenshots/predictions" \
  "-Dheadless.argLine=-Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dprism.text=t2k \
-Dglass.platform=Monocle -Dmonocle.platform=Headless -Djava.awt.headless=true -Dheadless.geometry=1600x1000-32"
ls -l docs/screenshots/predictions
