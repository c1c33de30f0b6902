#!/usr/bin/env bash
# The page's code without a browser: eslint over serve/web/ and tests/web/,
# then the unit tests of its pure parts (node's test runner).
# Usage: tests/web/check.sh [lint|unit]   (both when not said)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/deps.sh"
what="${1:-all}"
if [[ "$what" == all || "$what" == lint ]]; then
  (cd "$root" && "$here/node_modules/.bin/eslint" --max-warnings 0 --config tests/web/eslint.config.js serve/web tests/web)
  echo "eslint: serve/web and tests/web are clean"
fi
if [[ "$what" == all || "$what" == unit ]]; then
  (cd "$here" && node --test unit/)
fi
