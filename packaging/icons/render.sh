#!/usr/bin/env bash
# Draws packaging/icons/positionlab-<size>.png from assets/icon.svg (the master). Run after editing the SVG
# and commit the PNGs: the build uses them as they are (window icon, desktop entry, package).
# Needs rsvg-convert (Debian: librsvg2-bin; installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v rsvg-convert >/dev/null; then
  apt-get install -y --no-install-recommends librsvg2-bin >/dev/null 2>&1 ||
    (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends librsvg2-bin >/dev/null)
fi
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio assets/icon.svg \
    -o "packaging/icons/positionlab-$size.png"
done
ls -l packaging/icons/*.png
