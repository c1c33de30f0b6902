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

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
