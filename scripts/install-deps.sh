#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever building, testing and running Strata needs and
# the machine lacks. Safe to run again: it does nothing when everything is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev qt6-translations-l10n libgl-dev
  libarchive-dev libzstd-dev zlib1g-dev libcurl4-openssl-dev libssl-dev
  clang libclang-rt-14-dev clang-format clang-tidy
  umoci skopeo scdoc lintian
  docker.io podman busybox-static docker-registry apache2-utils openssl
  libisal-dev libsqlite3-dev
  rpm golang-go
  xvfb xauth imagemagick fonts-dejavu-core
  libbenchmark-dev time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
