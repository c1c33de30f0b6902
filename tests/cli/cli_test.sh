#!/usr/bin/env bash
# The tiendo command as a user meets it: exit codes, --help, errors on
# stderr, atomic -o. Usage: cli_test.sh TIENDO_BINARY SOURCE_DIR
set -u
tiendo="$1"
cd "$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

expect_status() {  # expect_status WANT DESCRIPTION -- command...
  local want="$1" what="$2"
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got == "$want" ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what: exit $got, expected $want"
    sed 's/^/  stderr: /' "$tmp/err" | head -5
  fi
}

expect_grep() {  # expect_grep FILE PATTERN DESCRIPTION
  if grep -q -- "$2" "$1"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $3: '$2' not in $1"
    head -5 "$1" | sed 's/^/  /'
  fi
}

ok=samples/129-KH-DUK.yaml
bad=samples/129-KH-DUK-infeasible.yaml

expect_status 0 "check on a feasible plan" -- "$tiendo" check "$ok"
expect_status 1 "check on an infeasible plan" -- "$tiendo" check "$bad"
expect_status 0 "schedule on an infeasible plan still schedules" -- "$tiendo" schedule "$bad"
expect_status 2 "a plan with errors" -- "$tiendo" check tests/golden/diagnostics/cycle.yaml
expect_grep "$tmp/err" "dependency-cycle" "the cycle error is on stderr"
expect_status 2 "a missing plan file" -- "$tiendo" schedule "$tmp/none.yaml"
expect_grep "$tmp/err" "cannot open" "a missing file is named"
expect_status 2 "an unknown command" -- "$tiendo" schedul "$ok"
expect_grep "$tmp/err" "did you mean 'schedule'" "an unknown command gets a suggestion"
expect_status 2 "a bad --format" -- "$tiendo" schedule "$ok" --format xml
expect_status 2 "a bad --lang" -- "$tiendo" check "$ok" --lang fr
expect_status 2 "no command" -- "$tiendo"

for sub in schedule check; do
  expect_status 0 "$sub --help" -- "$tiendo" "$sub" --help
  expect_grep "$tmp/out" "--format" "$sub --help lists --format"
  expect_grep "$tmp/out" "--lang" "$sub --help lists --lang"
  expect_grep "$tmp/out" "--output" "$sub --help lists --output"
done
expect_status 0 "--help" -- "$tiendo" --help
expect_grep "$tmp/out" "schedule" "--help lists the commands"

# -o writes the same bytes as stdout, and leaves no temporary file behind.
expect_status 0 "schedule -o" -- "$tiendo" schedule "$ok" --format json -o "$tmp/s.json"
"$tiendo" schedule "$ok" --format json >"$tmp/stdout.json"
if cmp -s "$tmp/s.json" "$tmp/stdout.json"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: -o differs from stdout"; fi
if [[ -z "$(find "$tmp" -name '.s.json.*')" ]]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: a temporary file was left behind"; fi
expect_status 1 "check -o keeps the exit status" -- "$tiendo" check "$bad" -o "$tmp/c.txt"
expect_grep "$tmp/c.txt" "KHÔNG khả thi" "check -o writes the report"

# An output that cannot be written: exit 2, and an existing file is kept whole.
echo "keep me" >"$tmp/keep.json"
chmod a-w "$tmp"
if [[ $(id -u) -ne 0 ]]; then
  expect_status 2 "unwritable output folder" -- "$tiendo" schedule "$ok" -o "$tmp/keep.json"
fi
chmod u+w "$tmp"
expect_status 2 "output in a missing folder" -- "$tiendo" schedule "$ok" -o "$tmp/no/such/dir/x.json"
expect_grep "$tmp/keep.json" "keep me" "the old output is untouched"

# A plan with errors writes no output at all.
expect_status 2 "no output on bad input" -- "$tiendo" schedule tests/golden/diagnostics/cycle.yaml -o "$tmp/never.json"
if [[ ! -e "$tmp/never.json" ]]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: output written for a bad plan"; fi

# Charts: the format follows the extension; bad options are bad input.
expect_status 0 "gantt to PNG" -- "$tiendo" gantt "$ok" -o "$tmp/g.png"
if [[ "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: g.png is not a PNG"; fi
expect_status 0 "gantt to SVG" -- "$tiendo" gantt "$ok" -o "$tmp/g.svg" --lang en --scale week
expect_grep "$tmp/g.svg" "<svg" "the SVG is an SVG"
expect_grep "$tmp/g.svg" ">Committee meeting</text>" "the SVG's text is text"
expect_grep "$tmp/g.svg" 'data-step="phong-su.ghi-hinh"' "steps carry data-step"
expect_status 0 "gantt to PDF" -- "$tiendo" gantt "$ok" -o "$tmp/g.pdf"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/g.pdf" "$tmp/g.txt"
  expect_grep "$tmp/g.txt" "Trang 1/3" "the PDF numbers its pages"
  expect_grep "$tmp/g.txt" "Trang 3/3" "the PDF has three A4 pages"
  expect_grep "$tmp/g.txt" "Họp BTV 28/5" "meetings are labelled, diacritics intact"
  expect_grep "$tmp/g.txt" "Ghi hình, sản xuất phóng sự" "Vietnamese step names survive"
fi
expect_status 0 "gantt with every option" -- "$tiendo" gantt "$bad" -o "$tmp/all.pdf" --page A3 \
  --from 2024-05-01 --to 2024-11-30 --scale week --group-by lead --critical-only \
  --status-date 2024-09-16 --title "Tiến độ" --columns stt,name,lead --dpi 100 --lang en
expect_status 0 "network to PNG" -- "$tiendo" network "$ok" -o "$tmp/n.png"
expect_status 0 "network to PDF on A3" -- "$tiendo" network "$ok" -o "$tmp/n.pdf" --page A3
expect_status 2 "a chart needs -o" -- "$tiendo" gantt "$ok"
expect_status 2 "an unknown chart format" -- "$tiendo" gantt "$ok" -o "$tmp/g.jpg"
expect_grep "$tmp/err" "name it .png, .svg or .pdf" "the formats are named"
expect_status 2 "a bad --from" -- "$tiendo" gantt "$ok" -o "$tmp/x.png" --from 1/5/2024
expect_status 2 "a bad --columns" -- "$tiendo" gantt "$ok" -o "$tmp/x.png" --columns stt,owners
expect_status 2 "a bad --scale" -- "$tiendo" gantt "$ok" -o "$tmp/x.png" --scale year
expect_status 2 "a bad --links" -- "$tiendo" gantt "$ok" -o "$tmp/x.png" --links some
expect_status 0 "gantt --links driving" -- "$tiendo" gantt "$ok" -o "$tmp/driving.svg" --links driving --lang en
expect_grep "$tmp/driving.svg" "Arrows: driving links only" "the legend says which arrows are drawn"
expect_status 0 "gantt --no-links" -- "$tiendo" gantt "$ok" -o "$tmp/none.svg" --no-links
# Fitted to a page or a slide: plan 129 is one A3 page, two A4 pages, two slides.
expect_status 0 "gantt --fit page A3" -- "$tiendo" gantt "$ok" -o "$tmp/fit-a3.pdf" --fit page --page A3
expect_status 0 "gantt --fit page A4" -- "$tiendo" gantt "$ok" -o "$tmp/fit-a4.pdf" --fit page
expect_status 0 "gantt --fit slide" -- "$tiendo" gantt "$ok" -o "$tmp/slides.pdf" --fit slide
if command -v pdfinfo >/dev/null; then
  pdfinfo "$tmp/fit-a3.pdf" >"$tmp/info" 2>&1; expect_grep "$tmp/info" "^Pages: *1$" "--fit page: one A3 page"
  pdfinfo "$tmp/fit-a4.pdf" >"$tmp/info" 2>&1; expect_grep "$tmp/info" "^Pages: *2$" "--fit page: two A4 pages"
  pdfinfo "$tmp/slides.pdf" >"$tmp/info" 2>&1; expect_grep "$tmp/info" "960 x 540 pts" "--fit slide: 16:9"
fi
expect_status 2 "a fitted PNG of two pages" -- "$tiendo" gantt "$ok" -o "$tmp/x.png" --fit page
expect_grep "$tmp/err" "takes 2 pages" "a fitted PNG says how many pages it would take"
expect_status 2 "--fit slide with --page" -- "$tiendo" gantt "$ok" -o "$tmp/x.pdf" --fit slide --page A3
expect_status 2 "a bad --fit" -- "$tiendo" gantt "$ok" -o "$tmp/x.pdf" --fit poster
expect_status 0 "agenda as SVG" -- "$tiendo" agenda samples/workspace --format svg -o "$tmp/agenda.svg"
expect_grep "$tmp/agenda.svg" "Hạn gửi hồ sơ" "the agenda's headings whole"
if ! grep -q 'class="link' "$tmp/none.svg" && grep -q 'class="link' "$tmp/g.svg"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: arrows with --links none"; fi
expect_status 0 "gantt --help" -- "$tiendo" gantt --help
for flag in --from --to --scale --dpi --page --group-by --critical-only --status-date --title --lang \
  --links --no-links; do
  expect_grep "$tmp/out" "$flag" "gantt --help lists $flag"
done
if [[ ! -e "$tmp/x.png" ]]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: a chart was written despite bad options"; fi

expect_status 0 "calendar vn 2025" -- "$tiendo" calendar vn 2025
expect_grep "$tmp/out" "2025-05-02  T6" "the swapped Friday is listed"
expect_status 2 "an unknown calendar" -- "$tiendo" calendar fr 2025
expect_status 2 "a year out of range" -- "$tiendo" calendar vn 1800

printf 'plan: {id: L, start: 2024-06-03}\ntasks:\n  - {id: a, name: A, duration: 1d, when: "khi nào xong"}\n  - {id: b, name: B, duration: 1d, due: 2024-06-28}\n' >"$tmp/lenient.yaml"
# Import an appendix, then schedule what it wrote.
expect_status 0 "import a table" -- "$tiendo" import tests/data/import/appendix-129.tsv -o "$tmp/imported.yaml"
expect_status 0 "the imported plan checks" -- "$tiendo" check "$tmp/imported.yaml"
expect_status 2 "import a table without a header" -- "$tiendo" import samples/129-KH-DUK.yaml
# Import the plan's Word document, as the issue's 'done when' says: the
# plan written checks feasible, as the hand-written sample does.
expect_status 0 "import a .docx" -- "$tiendo" import samples/docs/129-KH-DUK.docx -o "$tmp/from-docx.yaml"
expect_grep "$tmp/err" "nhập từ bảng 3 trên 3" "import says which table it read, in Vietnamese"
expect_status 0 "import a .docx, messages in English" -- "$tiendo" import samples/docs/129-KH-DUK.docx -o "$tmp/from-docx-en.yaml" --lang en
expect_grep "$tmp/err" "imported from table 3 of 3" "import says which table it read, in English"

# A folder of plans: the portfolio, its agenda, its chart.
expect_status 1 "portfolio of the sample workspace (it has error findings)" -- "$tiendo" portfolio samples/workspace --lang en
expect_grep "$tmp/out" "2/2 plans read" "portfolio says how many plans it read"
expect_grep "$tmp/out" "agenda-over-limit" "portfolio reports the July meeting over its limit"
expect_status 0 "agenda of one committee in July" -- "$tiendo" agenda samples/workspace --committee BTV --from 2024-07-01 --to 2024-07-31 --lang en
expect_grep "$tmp/out" "Meeting of BTV" "the agenda lists the meeting"
expect_status 2 "agenda with a bad --from" -- "$tiendo" agenda samples/workspace --from 1/7/2024
expect_status 2 "the agenda as PDF needs -o" -- "$tiendo" agenda samples/workspace --format pdf
expect_status 0 "the agenda as PDF" -- "$tiendo" agenda samples/workspace --format pdf -o "$tmp/agenda.pdf"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/agenda.pdf" "$tmp/agenda.txt"
  expect_grep "$tmp/agenda.txt" "Kỳ họp BTV" "the agenda PDF has the meetings' headings"
  expect_grep "$tmp/agenda.txt" "TRỄ HẠN" "the agenda PDF marks the late items"
fi
# One plan of a workspace is read with its workspace (committees, the plans
# its steps wait for), found in its folder or above, as git finds its repository.
expect_status 1 "check of a plan inside a workspace (its findings, no reading error)" -- \
  "$tiendo" check samples/workspace/so-ket-6-thang-2024.yaml --lang en
expect_grep "$tmp/out" "deadline-missed" "the workspace plan is scheduled and checked"
expect_status 0 "gantt of a plan inside a workspace" -- \
  "$tiendo" gantt samples/workspace/so-ket-6-thang-2024.yaml -o "$tmp/in-workspace.svg"
mkdir -p "$tmp/office/ban-tuyen-giao"
cp samples/workspace/workspace.yaml "$tmp/office/"
cp samples/workspace/129-KH-DUK.yaml "$tmp/office/"
cp samples/workspace/so-ket-6-thang-2024.yaml "$tmp/office/ban-tuyen-giao/"
expect_status 1 "a plan in a subfolder finds the workspace above it" -- \
  "$tiendo" check "$tmp/office/ban-tuyen-giao/so-ket-6-thang-2024.yaml" --lang en
expect_grep "$tmp/out" "deadline-missed" "the subfolder's plan is scheduled"
expect_status 1 "the portfolio reads plans in subfolders" -- "$tiendo" portfolio "$tmp/office" --lang en
expect_grep "$tmp/out" "35-KH/ĐUK" "the subfolder's plan is in the portfolio"
printf 'workspace: [broken\n' >"$tmp/office/workspace.yaml"
expect_status 2 "a broken workspace is an error for the plan in it" -- \
  "$tiendo" check "$tmp/office/129-KH-DUK.yaml" --lang en
expect_grep "$tmp/err" "workspace.yaml" "the broken workspace is named"
mkdir -p "$tmp/empty-folder"
expect_status 2 "portfolio of a folder without plans" -- "$tiendo" portfolio "$tmp/empty-folder"
expect_status 0 "the portfolio's Gantt chart" -- "$tiendo" gantt samples/workspace -o "$tmp/workspace.png"
expect_status 0 "the portfolio's Gantt, one row per plan" -- "$tiendo" gantt samples/workspace --level plans -o "$tmp/plans.svg"
expect_grep "$tmp/plans.svg" "35-KH/ĐUK" "one row per plan names the plans"
if [[ "$(head -c 8 "$tmp/workspace.png" | od -An -c | tr -d ' ')" != *PNG* ]]; then
  echo "FAIL: the portfolio's Gantt is not a PNG"
  failed=$((failed + 1))
fi
expect_status 0 "the plan from the .docx checks feasible" -- "$tiendo" check "$tmp/from-docx.yaml"
expect_status 0 "import from standard input, format from the content" -- \
  bash -c "\"$tiendo\" import - <samples/docs/129-KH-DUK.docx"
expect_grep "$tmp/out" "id: 129-KH/ĐUK" "the plan's number is read from the body"
# Bad documents: exit 2, a message, and nothing written.
head -c 3000 samples/docs/129-KH-DUK.docx >"$tmp/truncated.docx"
printf 'PK\003\004 not a zip' >"$tmp/not-a-zip.docx"
printf '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><table><tr><td>N\xe1\xbb\x99i dung</td><td>Th\xe1\xbb\x9di gian</td></tr><tr><td>&c;</td><td>Th\xc3\xa1ng 6/2024</td></tr></table></body></html>' >"$tmp/entities.html"
for bad_doc in truncated.docx not-a-zip.docx; do
  expect_status 2 "import $bad_doc" -- "$tiendo" import "$tmp/$bad_doc" -o "$tmp/$bad_doc.yaml"
  if [[ -e "$tmp/$bad_doc.yaml" ]]; then
    failed=$((failed + 1))
    echo "FAIL: import $bad_doc wrote $tmp/$bad_doc.yaml"
  fi
done
# An HTML page with a DOCTYPE's entities: never expanded (libxml2 without
# NOENT), so no bomb; the cell reads as written.
"$tiendo" import "$tmp/entities.html" -o - >"$tmp/out" 2>"$tmp/err"
if grep -q "aaaaaaaaaaaaaaaaaaaa" "$tmp/out"; then
  failed=$((failed + 1))
  echo "FAIL: an HTML entity was expanded"
else
  passed=$((passed + 1))
fi
expect_status 0 "explain a plan" -- "$tiendo" explain "$ok" --lang en
expect_grep "$tmp/out" "due by 2024-08-29" "explain shows the dates a phrase means"
expect_status 2 "explain an unreadable phrase" -- "$tiendo" explain --phrase "khi nào xong"
expect_status 0 "--lenient reads past an unreadable phrase" -- "$tiendo" check "$tmp/lenient.yaml" --lenient
expect_grep "$tmp/out" "1 nội dung chưa đọc được" "the verdict says a phrase was not read"
expect_grep "$tmp/out" "time-not-read" "the unread phrase is a finding"
# A plan with nothing to check against is not called feasible.
printf 'plan: {id: E, start: 2024-06-03}\ntasks:\n  - {id: a, name: A, duration: 1d}\n' >"$tmp/empty-check.yaml"
expect_status 1 "nothing to check against is not feasible" -- "$tiendo" check "$tmp/empty-check.yaml" --lang en
expect_grep "$tmp/out" "nothing to check against" "check says there is nothing to check against"
# Guesses: counted in the verdict, listed with explain --guesses.
"$tiendo" import samples/docs/129-KH-DUK.docx -o "$tmp/word.yaml" 2>/dev/null
expect_status 0 "an imported plan checks" -- "$tiendo" check "$tmp/word.yaml"
expect_grep "$tmp/out" "khả thi nếu [0-9]* giá trị phỏng đoán là đúng" "the verdict counts the import's guesses"
expect_status 0 "explain --guesses" -- "$tiendo" explain "$tmp/word.yaml" --guesses --lang en
expect_grep "$tmp/out" "step 'ban-tin-noi.dat-bai' duration = 5d" "explain --guesses lists a guessed duration at its line"
expect_status 0 "explain --guesses as JSON" -- "$tiendo" explain "$tmp/word.yaml" --guesses --format json
expect_grep "$tmp/out" '"format": "tiendo-guesses-1"' "the guesses' JSON"
# Conventions of a command-line tool: '-' is standard input, '-o -' standard
# output; a write that fails is exit 2; devices are written, never replaced.
expect_status 0 "a plan on standard input" -- bash -c "\"$tiendo\" schedule - --format json <$ok"
"$tiendo" schedule "$ok" --format json >"$tmp/by-path.json"
if cmp -s "$tmp/out" "$tmp/by-path.json"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: a plan from stdin schedules differently"; fi
expect_status 2 "bad input on standard input is named <stdin>" -- bash -c "echo 'tasks: [' | \"$tiendo\" check -"
expect_grep "$tmp/err" "^<stdin>:" "a diagnostic on stdin names <stdin>"
if [[ -w /dev/full ]]; then
  expect_status 2 "a report that cannot be written" -- bash -c "\"$tiendo\" check \"$ok\" >/dev/full"
  expect_grep "$tmp/err" "cannot write to standard output" "the failed write is said"
  expect_status 2 "a chart that cannot be written" -- bash -c "\"$tiendo\" gantt \"$ok\" -o - -f png >/dev/full"
  # Issue 21, item 10: the import's summary was printed before the write failed.
  expect_status 2 "an import that cannot be written" -- "$tiendo" import tests/data/import/appendix-129.tsv -o /dev/full
  if grep -q "imported from\|nhập từ" "$tmp/err"; then
    failed=$((failed + 1)); echo "FAIL: an import that was not written says it was imported"
  else passed=$((passed + 1)); fi
fi
# A Primavera P6 file is told what it is and what to do (issue 21, item 10).
printf '<?xml version="1.0"?>\n<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V8.3/API/BusinessObjects"/>\n' >"$tmp/p6.xml"
expect_status 2 "a Primavera P6 XML file" -- "$tiendo" import "$tmp/p6.xml" -o "$tmp/p6.yaml"
expect_grep "$tmp/err" "Primavera P6 XML file" "a P6 file is named as one"
expect_grep "$tmp/err" "Microsoft Project (XML)" "and told how to export it"
expect_status 0 "a chart on standard output" -- "$tiendo" gantt "$ok" -o - --format png
if [[ "$(head -c 8 "$tmp/out" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: -o - -f png is not a PNG"; fi
expect_status 2 "a chart on standard output needs --format" -- "$tiendo" gantt "$ok" -o -
expect_grep "$tmp/err" "needs --format" "the missing --format is named"
expect_status 2 "--format and the extension disagree" -- "$tiendo" network "$ok" -o "$tmp/n.svg" -f pdf
expect_status 2 "--from after --to" -- "$tiendo" gantt "$ok" -o "$tmp/y.png" --from 2024-10-01 --to 2024-09-01
expect_grep "$tmp/err" "is after --to" "--from after --to is explained"
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo.json" &
expect_status 0 "a FIFO as -o" -- "$tiendo" schedule "$ok" --format json -o "$tmp/fifo"
wait
if [[ -p "$tmp/fifo" ]] && cmp -s "$tmp/from-fifo.json" "$tmp/by-path.json"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: the FIFO was replaced or not written"; fi
expect_status 0 "-o /dev/null" -- "$tiendo" gantt "$ok" -o /dev/null -f pdf
if [[ -c /dev/null ]]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: /dev/null is no longer a device"; fi
printf 'plan: {id: W, start: 2024-06-03}\ncalendar: {days_off: [mon, tue, wed, thu, fri, sat, sun]}\ntasks:\n  - {id: a, name: A, duration: 1d}\n' >"$tmp/no-work.yaml"
expect_status 2 "a calendar with no working day" -- "$tiendo" gantt "$tmp/no-work.yaml" -o "$tmp/w.png"
expect_grep "$tmp/err" "no-working-day" "no working day is a located error"
expect_status 2 "a phrase that is not UTF-8" -- "$tiendo" explain --phrase $'Tr\xffc 30/8/2024' --format json
expect_grep "$tmp/out" "not valid UTF-8" "invalid UTF-8 is said"
head -c 300000 /dev/zero >"$tmp/zeros.yaml"
expect_status 2 "a file of NUL bytes" -- "$tiendo" check "$tmp/zeros.yaml"
printf 'plan: {id: S, start: 2024-06-03}\ntasks:\n  - {id: a, name: A, duration: 1d, when: "Gửi Văn phòng trước ngày 10/6/2024"}\n' >"$tmp/partly.yaml"
expect_status 0 "a partly read phrase is a warning" -- "$tiendo" check "$tmp/partly.yaml"
expect_grep "$tmp/err" "phrase-partly-read" "the words not read are named"
expect_grep "$tmp/err" "Gửi Văn phòng" "in the planner's own words"
expect_status 2 "--strict makes it an error" -- "$tiendo" check "$tmp/partly.yaml" --strict
printf 'plan: {id: R, start: 2026-01-01}\ncalendar: {holidays: vn}\ncommittees:\n  BTV: {rule: {every: month, day: 31}, until: 2026-03-31}\ntasks:\n  - {id: b, name: B, when: "Tại kỳ họp BTV tháng 1/2026"}\n' >"$tmp/rule.yaml"
expect_status 0 "calendar PLAN lists the meetings" -- "$tiendo" calendar "$tmp/rule.yaml" --lang en
expect_grep "$tmp/out" "2026-01-31 (weekly day off) moved to 2026-01-30" "a meeting moved off a Saturday stays in its month"

# After adoption: progress, baselines, what-if, the status report (docs/progress.md).
progress=samples/progress/129-KH-DUK-16-9-2024.yaml
expect_status 1 "status of the sample (a window at risk: not feasible)" -- "$tiendo" check "$progress"
expect_status 0 "status report" -- "$tiendo" status "$progress"
expect_grep "$tmp/out" "BÁO CÁO TIẾN ĐỘ" "the report has its Vietnamese heading"
expect_grep "$tmp/out" "Tính đến ngày 16/09/2024" "as of the plan's status date"
expect_grep "$tmp/out" "Đã hoàn thành: 10" "ten steps are done"
expect_status 0 "status as JSON" -- "$tiendo" status "$progress" --format json --lang en
expect_grep "$tmp/out" '"format": "tiendo-status-1"' "the JSON names its format"
expect_status 0 "schedule against the baseline" -- "$tiendo" schedule "$progress" --baseline adopted --lang en
expect_grep "$tmp/out" "Δfinish" "the variance columns are there"
expect_grep "$tmp/out" "ban-tin.bien-tap .* 80% *0 *+43" "the late edit is 43 working days behind the baseline"
expect_status 2 "an unknown baseline" -- "$tiendo" schedule "$progress" --baseline nope
expect_grep "$tmp/err" "has no baseline 'nope'; it has adopted" "the baselines there are named"
expect_status 0 "an earlier --status-date" -- "$tiendo" schedule "$progress" --status-date 2024-10-01 --format json
expect_status 2 "an actual date after --status-date" -- "$tiendo" check "$progress" --status-date 2024-08-01
expect_grep "$tmp/err" "actual-in-future" "actual dates after the status date are errors"
cp samples/129-KH-DUK.yaml "$tmp/plan.yaml"
expect_status 0 "baseline save" -- "$tiendo" baseline save "$tmp/plan.yaml" --name adopted
expect_grep "$tmp/err" "saved baseline 'adopted'" "saving is said"
expect_status 0 "baseline save again replaces it" -- "$tiendo" baseline save "$tmp/plan.yaml" --name adopted
expect_grep "$tmp/err" "replaced baseline 'adopted'" "replacing is said"
expect_status 0 "a second baseline" -- "$tiendo" baseline save "$tmp/plan.yaml" --name rev1
expect_status 0 "baseline list" -- "$tiendo" baseline list "$tmp/plan.yaml"
expect_grep "$tmp/out" "rev1" "both baselines are listed"
expect_status 0 "check against a baseline" -- "$tiendo" check "$tmp/plan.yaml" --baseline rev1
sed 's/^  id: 129-KH\/ĐUK/  id: OTHER/' "$tmp/plan.yaml" >"$tmp/other.yaml"
cp "$tmp/plan.baseline.json" "$tmp/other.baseline.json"
expect_status 2 "another plan's baseline" -- "$tiendo" schedule "$tmp/other.yaml" --baseline adopted
expect_grep "$tmp/err" "baseline-other-plan" "another plan's baseline is refused"
echo '{"format": "tiendo-baseline-0", "baselines": []}' >"$tmp/plan.baseline.json"
expect_status 2 "a baseline of another version" -- "$tiendo" schedule "$tmp/plan.yaml" --baseline adopted
expect_grep "$tmp/err" "baseline-format" "an old baseline format is named"
expect_status 0 "what if a meeting is cancelled" -- "$tiendo" whatif "$progress" --cancel-meeting BTV:2024-09-26 --lang en
expect_grep "$tmp/out" "no-meeting" "the approval left without a meeting is said"
expect_status 0 "what if the ceremony moves" -- "$tiendo" whatif "$progress" --move-event le-ky-niem=2024-10-30 --format json
expect_grep "$tmp/out" '"id": "nghe-thuat.bieu-dien", .*"after": "2024-10-30"' "the show moves with the ceremony"
expect_status 2 "what if: an unknown step" -- "$tiendo" whatif "$progress" --delay lien-hoan.chuan=5d
expect_grep "$tmp/err" "did you mean 'lien-hoan.chuan-bi'" "an unknown step gets a suggestion"
expect_status 2 "what if: no meeting that day" -- "$tiendo" whatif "$progress" --cancel-meeting BTV:2024-09-25
expect_grep "$tmp/err" "it meets on 2024-09-26" "the meetings near it are named"
expect_status 2 "what if: a malformed delay" -- "$tiendo" whatif "$progress" --delay lien-hoan.chuan-bi
expect_status 2 "what if: no change" -- "$tiendo" whatif "$progress"

# Schedule risk: a report (exit 0) that says how sure each deadline is; the
# same seed gives the same report; bad options are refused.
risky=samples/risk/129-KH-DUK-risk.yaml
expect_status 0 "risk" -- "$tiendo" risk "$risky" --runs 500 --lang en -o "$tmp/risk.txt"
expect_grep "$tmp/risk.txt" "Deadlines at risk" "risk names the deadlines at risk"
expect_grep "$tmp/risk.txt" "(nghe-thuat.tong-duyet), due 2024-10-29: on time about" "risk names the rehearsal's deadline"
expect_status 0 "risk with the finish's spread drawn" -- "$tiendo" risk "$risky" --runs 200 --chart "$tmp/risk.svg" -o "$tmp/risk-vi.txt"
expect_grep "$tmp/risk.svg" "class=\"s-curve\"" "the risk chart draws the S-curve"
expect_status 2 "a risk chart of an unknown format" -- "$tiendo" risk "$risky" --runs 50 --chart "$tmp/risk.txt2"
"$tiendo" risk "$risky" --runs 500 --lang en --seed 1 >"$tmp/risk-again.txt" 2>/dev/null
if cmp -s "$tmp/risk.txt" "$tmp/risk-again.txt"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: risk: the same seed gave another report"; fi
expect_status 0 "risk, PERT, JSON" -- "$tiendo" risk "$risky" --distribution pert --format json --runs 200
expect_status 2 "risk: an unknown distribution" -- "$tiendo" risk "$risky" --distribution normal
expect_status 2 "risk: too few runs" -- "$tiendo" risk "$risky" --runs 5
expect_status 0 "risk of a plan without ranges" -- "$tiendo" risk "$ok" --runs 100
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
