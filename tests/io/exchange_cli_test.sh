#!/usr/bin/env bash
# tiendo export and tiendo import of other tools' files, through the command:
# exit statuses, standard output, atomic outputs, located errors.
# Usage: exchange_cli_test.sh TIENDO SOURCE_DIR
set -u
tiendo="$1"
cd "$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/tiendo-exchange.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}
plan=samples/129-KH-DUK.yaml

# Each format, by extension and by --format; ics and mspdi to standard output.
"$tiendo" export "$plan" -o "$work/plan.ics" || fail "export .ics"
"$tiendo" export "$plan" -o "$work/plan.xlsx" || fail "export .xlsx"
"$tiendo" export "$plan" -o "$work/plan.xml" 2>"$work/notes" || fail "export .xml"
grep -q "approvals gated by a committee's meetings" "$work/notes" || fail "mspdi note missing"
"$tiendo" export "$plan" --format ics -o - | head -1 | grep -q "^BEGIN:VCALENDAR" ||
  fail "ics on standard output"
"$tiendo" export "$plan" --format mspdi -o - | grep -q "<Project xmlns=\"http://schemas.microsoft.com/project\">" ||
  fail "mspdi on standard output"
[[ "$(head -c 2 "$work/plan.xlsx")" == "PK" ]] || fail "the workbook is not a zip"

# A workbook never goes to standard output; an unknown extension needs --format.
"$tiendo" export "$plan" --format xlsx -o - >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "xlsx to standard output: exit 2 expected"
"$tiendo" export "$plan" -o "$work/plan.txt" 2>"$work/err"
[[ $? -eq 2 ]] || fail "unknown extension: exit 2 expected"
grep -q "cannot tell the format" "$work/err" || fail "unknown extension: no message"
[[ ! -e "$work/plan.txt" ]] || fail "unknown extension: a file was written"
"$tiendo" export "$plan" --format xlsx -o "$work/plan2.ics" 2>"$work/err"
[[ $? -eq 2 && ! -e "$work/plan2.ics" ]] || fail "--format and -o disagree: exit 2 and no file"
# A plan with errors exports nothing.
"$tiendo" export tests/golden/diagnostics/cycle.yaml -o "$work/cycle.ics" 2>/dev/null
[[ $? -eq 2 && ! -e "$work/cycle.ics" ]] || fail "a plan with errors: exit 2 and no file"

# The plan document (.docx): by extension and by --format, never to standard
# output, nothing written for a plan with errors (an old file stays); and
# tiendo import reads it back into a plan that checks.
"$tiendo" export "$plan" -o "$work/plan.docx" || fail "export .docx"
[[ "$(head -c 2 "$work/plan.docx")" == "PK" ]] || fail "the document is not a zip"
"$tiendo" export "$plan" --format docx --lang en --place "Thái Nguyên" -o "$work/plan-en.docx" ||
  fail "export docx --lang en"
"$tiendo" export "$plan" --format docx -o - >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "docx to standard output: exit 2 expected"
echo "old" >"$work/cycle.docx"
"$tiendo" export tests/golden/diagnostics/cycle.yaml -o "$work/cycle.docx" 2>/dev/null
[[ $? -eq 2 && "$(cat "$work/cycle.docx")" == "old" ]] || fail "docx of a plan with errors: exit 2, old file kept"
# A second reader, where there is one: pandoc's (LibreOffice is checked by hand:
# soffice --headless --convert-to pdf).
if command -v pandoc >/dev/null; then
  pandoc "$work/plan.docx" -t html >"$work/plan.txt" 2>"$work/err" || fail "pandoc cannot read the .docx: $(cat "$work/err")"
  for want in "ĐẢNG CỘNG SẢN VIỆT NAM" "Số 129-KH/ĐUK" "KẾ HOẠCH" "Tại kỳ họp BTV tháng 5/2024"; do
    grep -q "$want" "$work/plan.txt" || fail "pandoc's reading of the .docx has no '$want'"
  done
fi
"$tiendo" import "$work/plan.docx" -o "$work/from-docx.yaml" --lang en 2>"$work/err" || fail "import the .docx"
grep -q "11 tasks, 29 steps" "$work/err" || fail "docx round trip: not 11 tasks and 29 steps: $(tail -1 "$work/err")"
"$tiendo" check "$work/from-docx.yaml" >/dev/null || fail "the plan imported from the .docx does not check"

# MSPDI in: the export read back schedules to the same finish.
"$tiendo" import "$work/plan.xml" -o "$work/back.yaml" 2>"$work/err" || fail "import the export"
grep -q "imported from MS Project XML" "$work/err" || fail "import summary missing"
want="$("$tiendo" schedule "$plan" --format json | grep -o '"finish": "[0-9-]*"' | head -1)"
got="$("$tiendo" schedule "$work/back.yaml" --format json | grep -o '"finish": "[0-9-]*"' | head -1)"
[[ -n "$want" && "$want" == "$got" ]] || fail "round trip finish: $want vs $got"

# Bad MSPDI: located errors, exit 2, nothing written (an old file stays).
echo "old" >"$work/out.yaml"
printf '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks>\n<Task><UID>1</UID>\n</Project>\n' >"$work/broken.xml"
"$tiendo" import "$work/broken.xml" -o "$work/out.yaml" 2>"$work/err"
[[ $? -eq 2 ]] || fail "malformed XML: exit 2 expected"
grep -q "broken.xml:5:[0-9]*: error: malformed XML" "$work/err" || fail "malformed XML: $(cat "$work/err")"
[[ "$(cat "$work/out.yaml")" == "old" ]] || fail "malformed XML: the output was touched"
cat >"$work/linktype.xml" <<'XML'
<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <StartDate>2024-06-03T08:00:00</StartDate>
  <Tasks>
    <Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>
    <Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID>
        <Type>7</Type></PredecessorLink></Task>
  </Tasks>
</Project>
XML
"$tiendo" import "$work/linktype.xml" -o "$work/out.yaml" 2>"$work/err"
[[ $? -eq 2 ]] || fail "unknown link type: exit 2 expected"
grep -q "linktype.xml:8:9: error: link <Type> 7 is not one of" "$work/err" ||
  fail "unknown link type: $(cat "$work/err")"

# PSPLIB in: j301_1's critical path is 38 periods (days from 2024-01-01).
"$tiendo" import tests/data/psplib/j301_1.sm -o "$work/j301_1.yaml" 2>"$work/err" || fail "import .sm"
grep -q "warning: the jobs' requests of 4 renewable resources are ignored" "$work/err" ||
  fail "psplib: no resources warning"
"$tiendo" schedule "$work/j301_1.yaml" --format json | grep -q '"finish": "2024-02-07"' ||
  fail "psplib: the plan does not finish on day 38 (2024-02-07)"

exit "$failed"
