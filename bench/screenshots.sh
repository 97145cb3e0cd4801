#!/usr/bin/env bash
# Refreshes the README screenshots (docs/screenshots/*.png) in Chinese, on demo data, headless.
# Needs a CJK font, or Chinese renders as boxes: apt-get install -y fonts-wqy-microhei
set -euo pipefail
cd "$(dirname "$0")/.."
if ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk\|droid sans fallback"; then
  echo "No CJK font found: apt-get install -y fonts-wqy-microhei" >&2
  exit 1
fi
./mvnw -q test -Dtest="Screenshots,ImportWizardScreenshots,PointsSettingsScreenshot" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$PWD/docs/screenshots"
ls -l docs/screenshots
