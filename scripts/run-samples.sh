#!/usr/bin/env bash
# The main job: set everything up, then for every bundled sample write into
# out/ its schedule (table, JSON, CSV), its feasibility report (vi, en, JSON),
# its Gantt chart (PNG, SVG, PDF on A4 and A3) and its network (PNG, PDF);
# then import the Word document of plan 129 (samples/docs/) into a plan and
# check it, as a planner starting from their document would; then check the
# office's plans together (samples/workspace/) and write each meeting's agenda.
#
#   scripts/run-samples.sh [--serve] [OUT_DIR]
#
# --serve: then open the planner's page on copies of the samples (out/plans/,
# made once, so the page's edits never touch samples/): tiendo serve prints
# the URL to open; Ctrl-C stops it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
serve=0
if [[ "${1:-}" == --serve ]]; then
  serve=1
  shift
fi
out="${1:-$here/out}"
"$here/scripts/setup.sh" "$here/build" >/dev/null
tiendo="$here/build/cli/tiendo"
mkdir -p "$out"
for plan in "$here"/samples/*.yaml; do
  name="$(basename "$plan" .yaml)"
  # What tiendo says while reading the plan (notes on assumptions, words of a
  # phrase it did not use) goes once into NAME.reading.txt, not eleven times
  # onto the terminal.
  log="$out/$name.reading.txt"
  status=0
  "$tiendo" check "$plan" -o "$out/$name.check.txt" 2>"$log" || status=$?
  if ((status > 1)); then
    cat "$log" >&2
    echo "run-samples: $plan could not be read" >&2
    exit "$status"
  fi
  {
    "$tiendo" schedule "$plan" -o "$out/$name.schedule.txt"
    "$tiendo" schedule "$plan" --format json -o "$out/$name.schedule.json"
    "$tiendo" schedule "$plan" --format csv -o "$out/$name.schedule.csv"
    "$tiendo" check "$plan" --lang en -o "$out/$name.check.en.txt" || true
    "$tiendo" check "$plan" --format json -o "$out/$name.check.json" || true
    "$tiendo" gantt "$plan" -o "$out/$name.gantt.png"
    "$tiendo" gantt "$plan" -o "$out/$name.gantt.svg"
    "$tiendo" gantt "$plan" -o "$out/$name.gantt.pdf"
    "$tiendo" gantt "$plan" --page A3 -o "$out/$name.gantt.a3.pdf"
    "$tiendo" network "$plan" -o "$out/$name.network.png"
    "$tiendo" network "$plan" -o "$out/$name.network.pdf"
  } 2>/dev/null
  said="$(grep -cE ': (warning|note|cảnh báo|ghi chú): ' "$log" || true)"
  printf '%-28s %s (%s reading notes: %s)\n' "$name" "$(head -1 "$out/$name.check.en.txt")" \
    "$said" "${log#"$here"/}"
done
# From the document: the plan tiendo reads out of the .docx, then its check.
docx="$here/samples/docs/129-KH-DUK.docx"
"$tiendo" import "$docx" -o "$out/129-KH-DUK.imported.yaml" 2>"$out/129-KH-DUK.import.log"
log="$out/129-KH-DUK.imported.reading.txt"
status=0
"$tiendo" check "$out/129-KH-DUK.imported.yaml" --lang en -o "$out/129-KH-DUK.imported.check.en.txt" \
  2>"$log" || status=$?
if ((status > 1)); then
  cat "$log" >&2
  echo "run-samples: the plan imported from $docx could not be read" >&2
  exit "$status"
fi
"$tiendo" gantt "$out/129-KH-DUK.imported.yaml" -o "$out/129-KH-DUK.imported.gantt.png" 2>/dev/null
said="$(grep -cE ': (warning|note|cảnh báo|ghi chú): ' "$log" || true)"
printf '%-28s %s (%s reading notes: %s)\n' "129-KH-DUK.docx, imported" \
  "$(head -1 "$out/129-KH-DUK.imported.check.en.txt")" "$said" "${log#"$here"/}"
printf '%-28s %s\n' "" "$(tail -1 "$out/129-KH-DUK.import.log")"
# The office's plans together (samples/workspace/): conflicts across plans,
# and each BTV meeting's agenda.
status=0
"$tiendo" portfolio "$here/samples/workspace" -o "$out/workspace.portfolio.txt" \
  2>"$out/workspace.reading.txt" || status=$?
if ((status > 1)); then
  cat "$out/workspace.reading.txt" >&2
  exit "$status"
fi
"$tiendo" portfolio "$here/samples/workspace" --format json -o "$out/workspace.portfolio.json" 2>/dev/null || true
"$tiendo" portfolio "$here/samples/workspace" --lang en -o "$out/workspace.portfolio.en.txt" 2>/dev/null || true
"$tiendo" agenda "$here/samples/workspace" -o "$out/workspace.agenda.txt" 2>/dev/null
"$tiendo" agenda "$here/samples/workspace" --format csv -o "$out/workspace.agenda.csv" 2>/dev/null
"$tiendo" agenda "$here/samples/workspace" --format pdf -o "$out/workspace.agenda.pdf" 2>/dev/null
"$tiendo" gantt "$here/samples/workspace" -o "$out/workspace.gantt.png" 2>/dev/null
printf '%-28s %s\n' "workspace (2 plans)" "$(head -1 "$out/workspace.portfolio.en.txt")"

# After adoption: plan 129 as its office reported it on 16/9/2024, against
# its 'adopted' baseline (docs/progress.md): the status report (text, PDF),
# the schedule with variance, the Gantt with progress and baseline bars.
progress="$here/samples/progress/129-KH-DUK-16-9-2024.yaml"
"$tiendo" status "$progress" --baseline adopted -o "$out/progress.status.txt" 2>/dev/null
"$tiendo" status "$progress" --baseline adopted --format pdf -o "$out/progress.status.pdf" 2>/dev/null
"$tiendo" schedule "$progress" --baseline adopted -o "$out/progress.schedule.txt" 2>/dev/null
"$tiendo" gantt "$progress" --baseline adopted -o "$out/progress.gantt.png" 2>/dev/null
"$tiendo" whatif "$progress" --cancel-meeting BTV:2024-09-26 -o "$out/progress.whatif.txt" 2>/dev/null
printf '%-28s %s\n' "progress on 16/9/2024" "$(sed -n 4p "$out/progress.status.txt")"

# Schedule risk: plan 129 with three-point estimates (docs/risk.md): how sure
# each deadline is over 2,000 runs.
risky="$here/samples/risk/129-KH-DUK-risk.yaml"
"$tiendo" risk "$risky" -o "$out/risk.txt" 2>/dev/null
"$tiendo" risk "$risky" --format json -o "$out/risk.json" 2>/dev/null
printf '%-28s %s\n' "risk (2,000 runs)" "$(sed -n 4p "$out/risk.txt")"
# The plan back out as the Word document to sign, and the guesses of the
# plan read from the Word file: the checklist to confirm.
"$tiendo" export "$here/samples/129-KH-DUK.yaml" --format docx -o "$out/129-KH-DUK.plan.docx" 2>/dev/null
"$tiendo" explain "$out/129-KH-DUK.imported.yaml" --guesses -o "$out/129-KH-DUK.imported.guesses.txt" 2>/dev/null
printf '%-28s %s\n' "the plan as a Word document" "${out#"$here"/}/129-KH-DUK.plan.docx"
printf '%-28s %s\n' "guesses to confirm" "$(head -1 "$out/129-KH-DUK.imported.guesses.txt" | cut -c1-90)…"
echo "outputs in $out"
if ((serve)); then
  mkdir -p "$out/plans"
  cp -n "$here"/samples/*.yaml "$out/plans/"
  echo "run-samples: the page over $out/plans (copies of the samples): open the URL below"
  exec "$tiendo" serve "$out/plans" --port "${TIENDO_PORT:-8080}"
fi
