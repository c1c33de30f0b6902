#!/usr/bin/env bash
# Load on tiendo serve (a benchmark, not a test): 50 concurrent clients for
# 30 s (wrk), each asking in turn for the schedule (JSON) and the Gantt chart
# (SVG) of every sample. Prints wrk's requests/s and latency percentiles, the
# non-2xx count, and the server's peak resident memory (VmHWM).
#
#   bench/serve_load.sh BUILD_DIR [SECONDS] [CONNECTIONS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR [SECONDS] [CONNECTIONS]}" && pwd)"
seconds="${2:-30}"
connections="${3:-50}"
command -v wrk >/dev/null || { echo "serve_load: needs wrk (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/tiendo-load.XXXXXX")"
server=0
cleanup() {
  ((server)) && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp "$here"/samples/*.yaml "$work/"
"$build/cli/tiendo" serve "$work" --port 0 >"$work/url" 2>"$work/log" &
server=$!
for _ in $(seq 50); do grep -q '^tiendo serve: http' "$work/url" && break; sleep 0.1; done
url="$(sed -n 's/^tiendo serve: //p' "$work/url")"
base="${url%%/?token=*}"
token="${url##*token=}"

# Every sample, its schedule and its chart, in turn.
paths=()
for f in "$work"/*.yaml; do
  name="$(basename "$f")"
  paths+=("/api/download?file=$name&what=schedule.json" "/api/download?file=$name&what=gantt.svg")
done
{
  echo "local paths = {"
  for p in "${paths[@]}"; do echo "  \"$p\","; done
  echo "}"
  echo "local i = 0"
  echo "wrk.headers[\"Cookie\"] = \"tiendo_token=$token\""
  echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
  echo "done = function(summary, latency, requests)"
  echo "  io.write(string.format('non-2xx or errors: %d\n', summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))"
  echo "end"
} >"$work/load.lua"

echo "serve_load: $connections connections, ${seconds}s, ${#paths[@]} URLs (schedule.json and gantt.svg of each sample)"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$work/load.lua" "$base"
echo "server peak memory: $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
