#!/usr/bin/env bash
# Installs the Debian packages tiendo needs (only the missing ones), then
# configures and builds. Idempotent: a second run installs nothing and
# rebuilds only what changed.
#
#   scripts/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$here/build}"
shift || true

packages=(
  build-essential cmake pkg-config ninja-build
  libboost-dev libhowardhinnant-date-dev libyaml-dev
  nlohmann-json3-dev libcli11-dev libutf8proc-dev
  libcairo2-dev libpango1.0-dev zlib1g-dev libisal-dev fonts-noto-core fonts-dejavu-core poppler-utils
  libzip-dev libpugixml-dev libxml2-dev librsvg2-bin
  libical-dev libxlsxwriter-dev  # tiendo export: iCalendar and Excel
  python3-icalendar python3-openpyxl libxml2-utils  # the exports' tests: second readers, xmllint
  libgtest-dev libgmock-dev libbenchmark-dev help2man
  python3 python3-jsonschema
  clang libclang-rt-14-dev  # libFuzzer, for the fuzz targets the test command runs
  libcpp-httplib-dev        # tiendo serve
  chromium wrk              # the page's browser test; the server's load benchmark
)
# Node and npm for the browser test's puppeteer-core, unless a Node is here.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# puppeteer-core for the browser test, at the version package-lock.json pins
# (no browser download: it drives Debian's chromium).
if [[ ! -d "$here/tests/web/node_modules/puppeteer-core" ]]; then
  (cd "$here/tests/web" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j2
