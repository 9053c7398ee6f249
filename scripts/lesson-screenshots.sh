#!/bin/sh
# Takes a 1920x1080 screenshot of every step of the lesson, in English and in Russian, into
# docs/lesson/en/ and docs/lesson/ru/: the app runs on its demo image under a virtual X
# server, with settings of its own, and Page Down moves it from step to step.
#   scripts/lesson-screenshots.sh [BUILD_DIR]     (default build/dev)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
app="$build/src/app/strata"
[ -x "$app" ] || { echo "no $app: build first" >&2; exit 1; }
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || apt-get install -y --no-install-recommends xvfb xdotool imagemagick
done

display=:97
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

for lang in en ru; do
    out="docs/lesson/$lang"
    mkdir -p "$out"
    config=$(mktemp -d)
    locale=en_US.UTF-8
    [ "$lang" = ru ] && locale=ru_RU.UTF-8
    DISPLAY=$display XDG_CONFIG_HOME=$config XDG_CACHE_HOME=$config LANG=$locale LC_ALL=$locale \
        LANGUAGE=$lang "$app" --lesson >/dev/null 2>&1 &
    pid=$!
    sleep 4
    for window in $(DISPLAY=$display xdotool search --onlyvisible --name Strata); do
        DISPLAY=$display xdotool windowsize "$window" 1920 1050 windowmove "$window" 0 0
    done
    sleep 2
    for step in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
        DISPLAY=$display import -window root "$out/step-$step.png"
        DISPLAY=$display xdotool key Next
        sleep 2
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$config"
done
echo "screenshots in docs/lesson/en and docs/lesson/ru"
