#!/usr/bin/env bash
# Refreshes docs/cards.md's screenshots (docs/screenshots/cards/*.png) in Chinese and English, on the gym demo,
# headless, at the window's default 1200×760. No font to install: the app carries its Chinese font.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest="CardsScreenshots" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$PWD/docs/screenshots/cards"
ls -l docs/screenshots/cards
