#!/usr/bin/env bash
# The bash completion script completes subcommands, options and their values;
# the zsh one is valid zsh (checked when zsh is installed).
# Usage: completion_test.sh SOURCE_DIR
set -u
cd "$1"
# shellcheck source=../../cli/completions/tiendo.bash
source cli/completions/tiendo.bash
failed=0

expect() {  # expect "WANT" word...: completing the last word offers exactly WANT
  local want="$1"
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _tiendo
  # As sets: the order of file names depends on the locale.
  local -a wanted=($want)
  local word same=1
  ((${#wanted[@]} == ${#COMPREPLY[@]})) || same=0
  for word in "${wanted[@]}"; do
    [[ " ${COMPREPLY[*]} " == *" $word "* ]] || same=0
  done
  local got="${COMPREPLY[*]}"
  if ((!same)); then
    echo "FAIL: completing '$*': got '$got', expected '$want'"
    failed=1
  fi
}

expect "schedule check gantt network calendar explain import status whatif risk baseline export portfolio agenda serve" tiendo ""
expect "save list" tiendo baseline ""
expect "triangular pert" tiendo risk plan.yaml --distribution ""
expect "--runs" tiendo risk plan.yaml --r
expect "text json pdf" tiendo status --format ""
expect "ics xlsx mspdi docx" tiendo export -f ""
expect "--status-date --strict" tiendo status --st
expect "schedule" tiendo sch
expect "--help --version" tiendo --
expect "--format" tiendo schedule --f
expect "table json csv" tiendo schedule --format ""
expect "text json" tiendo check -f ""
expect "vi en" tiendo check samples/129-KH-DUK.yaml --lang ""
expect "--scale --status-date" tiendo gantt --s
expect "week" tiendo gantt --scale w
expect "task owner lead" tiendo gantt --group-by ""
expect "auto all driving critical none" tiendo gantt --links ""
expect "--links" tiendo gantt --li
expect "A4 A3" tiendo network --page ""
expect "--help --lang --output --dpi --page --title --critical-only --lenient" tiendo network --
expect "vn" tiendo calendar ""
expect "" tiendo calendar vn ""
expect "--help --phrase --year --format --lang --output --lenient --guesses" tiendo explain --
expect "--help --output --title" tiendo import --
expect "samples/129-KH-DUK.yaml samples/129-KH-DUK-infeasible.yaml" tiendo gantt samples/129-KH-DUK
expect "tests/data/import/appendix-129.tsv" tiendo import tests/data/import/appendix
expect "text json csv pdf svg" tiendo agenda --format ""
expect "plans tasks" tiendo gantt --level ""
expect "none page slide" tiendo gantt --fit ""
expect "--help --port --host --open" tiendo serve --
expect "samples/workspace" tiendo portfolio samples/works

if command -v zsh >/dev/null; then
  if ! zsh -n cli/completions/_tiendo; then
    echo "FAIL: cli/completions/_tiendo is not valid zsh"
    failed=1
  fi
else
  echo "zsh not installed: _tiendo not checked"
fi
[[ $failed == 0 ]] && echo "completions OK"
exit $failed
