#!/usr/bin/env bash
# Browser test of `tiendo serve`: starts the server over a copy of samples/,
# runs browser_test.mjs in headless Chromium, stops the server.
# Usage: tests/web/run.sh BUILD_DIR OUT_DIR   (screenshots go to OUT_DIR/web-*.png)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: run.sh BUILD_DIR OUT_DIR}" && pwd)"
mkdir -p "${2:?usage: run.sh BUILD_DIR OUT_DIR}"
out="$(cd "$2" && pwd)"
tiendo="$build/cli/tiendo"
[[ -x "$tiendo" ]] || { echo "run.sh: no $tiendo" >&2; exit 2; }

"$here/deps.sh"

tmp="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

cp -r "$root/samples" "$tmp/plans"
# The page: the built-in one, unless TIENDO_WEB_ROOT says otherwise.
# The files exist before the server does: under load the background job may
# not have opened them yet when the loop below first reads (a race that
# failed the test, set -e ending it on sed's "can't read").
: >"$tmp/serve.out"
: >"$tmp/serve.err"
"$tiendo" serve "$tmp/plans" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!

url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^tiendo serve: \(http:[^ ]*\).*$/\1/p' "$tmp/serve.out" | head -n 1)"
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "run.sh: the server printed no URL" >&2
  cat "$tmp/serve.out" "$tmp/serve.err" >&2
  exit 1
fi
echo "run.sh: $url"

status=0
node "$here/browser_test.mjs" "$url" "$out" "$tmp/plans" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server stderr" >&2
  tail -n 30 "$tmp/serve.err" >&2 || true
fi
exit $status
