#!/usr/bin/env bash
# Every benchmark, one after another: the engine ladder, the render ladder
# (median of three repetitions each) and the side by side with TaskJuggler
# and PlantUML (bench/compare.sh installs them if missing).
#   bench/run.sh [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh" "$here/build" >/dev/null
medians=(--benchmark_repetitions=3 --benchmark_report_aggregates_only=true)
echo "== engine ladder (median of 3)"
"$here/build/bench/engine_bench" "${medians[@]}" | grep -E "^BM_.*_median"
echo "== render ladder (median of 3)"
"$here/build/bench/render_bench" "${medians[@]}" | grep -E "^BM_.*_median"
echo "== side by side"
"$here/bench/compare.sh" "${1:-$here/out/compare}"
