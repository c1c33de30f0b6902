#!/usr/bin/env bash
# The main job: set everything up, then for every bundled sample write into
# out/ its schedule (table, JSON, CSV), its feasibility report (vi, en, JSON),
# its Gantt chart (PNG, SVG, PDF on A4 and A3) and its network (PNG, PDF).
#
#   scripts/run-samples.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/out}"
"$here/scripts/setup.sh" "$here/build" >/dev/null
tiendo="$here/build/cli/tiendo"
mkdir -p "$out"
for plan in "$here"/samples/*.yaml; do
  name="$(basename "$plan" .yaml)"
  "$tiendo" schedule "$plan" -o "$out/$name.schedule.txt"
  "$tiendo" schedule "$plan" --format json -o "$out/$name.schedule.json"
  "$tiendo" schedule "$plan" --format csv -o "$out/$name.schedule.csv"
  status=0
  "$tiendo" check "$plan" -o "$out/$name.check.txt" || status=$?
  if ((status > 1)); then
    echo "run-samples: $plan could not be read" >&2
    exit "$status"
  fi
  "$tiendo" check "$plan" --lang en -o "$out/$name.check.en.txt" || true
  "$tiendo" check "$plan" --format json -o "$out/$name.check.json" || true
  "$tiendo" gantt "$plan" -o "$out/$name.gantt.png"
  "$tiendo" gantt "$plan" -o "$out/$name.gantt.svg"
  "$tiendo" gantt "$plan" -o "$out/$name.gantt.pdf"
  "$tiendo" gantt "$plan" --page A3 -o "$out/$name.gantt.a3.pdf"
  "$tiendo" network "$plan" -o "$out/$name.network.png"
  "$tiendo" network "$plan" -o "$out/$name.network.pdf"
  printf '%-28s %s\n' "$name" "$(head -1 "$out/$name.check.en.txt")"
done
echo "outputs in $out"
