#!/usr/bin/env bash
# Regenerates the hicolor icons under packaging/icons from resources/icons/strata.svg.
# Run after editing the SVG and commit the results; the build does not render icons so that it
# needs no SVG rasteriser. Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../resources/icons/strata.svg"
app_id=io.github.strata.Strata

for size in 16 24 32 48 64 128 256; do
  dir="$here/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$dir/$app_id.png"
done
mkdir -p "$here/icons/hicolor/scalable/apps"
cp "$svg" "$here/icons/hicolor/scalable/apps/$app_id.svg"
