#!/usr/bin/env bash
# Builds every icon file from memberdesk.svg. The results are committed, so a build needs none of
# these tools; run this only after changing the SVG. Needs Debian's packages:
#   apt-get install -y --no-install-recommends librsvg2-bin icnsutils imagemagick
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert png2icns convert; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the apt-get line at the top)" >&2; exit 1; }
done

mkdir -p png
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio memberdesk.svg -o "png/memberdesk-$size.png"
done

# Windows: one .ico with the sizes Explorer, the taskbar and the installer ask for
convert png/memberdesk-16.png png/memberdesk-32.png png/memberdesk-48.png png/memberdesk-64.png \
  png/memberdesk-128.png png/memberdesk-256.png memberdesk.ico

# macOS: png2icns picks each image's slot by its size
png2icns memberdesk.icns png/memberdesk-16.png png/memberdesk-32.png png/memberdesk-48.png \
  png/memberdesk-128.png png/memberdesk-256.png png/memberdesk-512.png png/memberdesk-1024.png >/dev/null

# the window and taskbar icons, loaded from the classpath by the app
resources=../src/main/resources/icons
mkdir -p "$resources"
for size in 16 32 48 64 128 256; do
  cp "png/memberdesk-$size.png" "$resources/memberdesk-$size.png"
done
ls -l memberdesk.ico memberdesk.icns png
