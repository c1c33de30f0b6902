#!/usr/bin/env bash
# Side by side with TaskJuggler and PlantUML (installed here if missing):
#   bench/compare.sh [WORK_DIR]
# Sizes: TIENDO_COMPARE_TJ="1000 20000" TIENDO_COMPARE_UML="200 1000".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$here/out/compare}"
"$here/scripts/setup.sh" "$here/build" >/dev/null
missing=()
for p in tj3 plantuml python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
python3 "$here/bench/compare.py" "$here/build/cli/tiendo" "$here/build/bench/plan_gen" "$work"
