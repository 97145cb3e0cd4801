#!/usr/bin/env bash
# Refreshes the README screenshots (docs/screenshots/*.png) in Chinese, on demo data, headless.
# No font to install: the app carries its Chinese font (org/memberdesk/fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest="Screenshots,ImportWizardScreenshots,PointsSettingsScreenshot" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$PWD/docs/screenshots"
ls -l docs/screenshots
