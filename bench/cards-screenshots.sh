#!/usr/bin/env bash
# Refreshes docs/cards.md's screenshots (docs/screenshots/cards/*.png) in Chinese and English, on the gym demo,
# headless, at the window's default 1200×760. Needs a CJK font: apt-get install -y fonts-wqy-microhei
set -euo pipefail
cd "$(dirname "$0")/.."
if ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk\|droid sans fallback"; then
  echo "No CJK font found: apt-get install -y fonts-wqy-microhei" >&2
  exit 1
fi
./mvnw -q test -Dtest="CardsScreenshots" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$PWD/docs/screenshots/cards"
ls -l docs/screenshots/cards
