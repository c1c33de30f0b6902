#!/usr/bin/env bash
# Installs tests/web's npm packages (puppeteer-core, eslint, axe-core) as
# package-lock.json pins them, when they are missing or older than the lock
# file. One at a time: ctest runs the web tests side by side.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PUPPETEER_SKIP_DOWNLOAD=1
(
  flock 9
  installed="$here/node_modules/.package-lock.json"
  if [[ ! -f "$installed" || "$here/package-lock.json" -nt "$installed" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund >&2)
  fi
) 9>"$here/.deps.lock"
