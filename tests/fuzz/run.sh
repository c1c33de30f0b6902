#!/usr/bin/env bash
# Time-bounded fuzzing, as the test command runs it (docs/reliability.md):
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR is a build configured with clang and -DTIENDO_FUZZ=ON. For each
# target (all of them by default):
#   1. every input under tests/fuzz/regressions/TARGET/ is run once, except
#      those listed in tests/fuzz/known-failures.txt (known bugs, not fixed
#      yet), whose tags go to the targets in TIENDO_FUZZ_AVOID (known.hpp);
#   2. the target fuzzes on a copy of tests/fuzz/corpus/TARGET/ made in a
#      temporary directory, with its dictionary, -timeout=10 and
#      -rss_limit_mb=2048. Nothing is written into the repository.
#      The search starts from a fixed seed (TIENDO_FUZZ_SEED, default 1) and
#      stops after a fixed number of executions: what the target makes in
#      SECONDS on the CI machine (runs_in_30s below, scaled), or at 4 x
#      SECONDS of wall time on a slower one (TIENDO_FUZZ_MAX_SECONDS
#      overrides). So the test command explores the same inputs on every
#      machine, a prefix of them on a slow one: a CI run fails for a change,
#      never for a new random draw or a faster machine, and a local run with
#      no time cap has tried everything CI will. Finding new bugs is the job
#      of long runs (long_run.sh, random seeds).
# Two targets run at a time (TIENDO_FUZZ_JOBS, default 2). Fails when a
# regression input fails or a target finds a crash, a sanitizer report, a
# hang or an out-of-memory; the reproducer is kept and its path printed.
#
#   tests/fuzz/run.sh BUILD_DIR --known
#
# runs each input of known-failures.txt alone instead, and says which still
# fail and which pass now (whose lines can go).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if (($# < 2)); then
  echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
if [[ "$seconds" == --known ]]; then
  export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:malloc_context_size=10${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  fixed=0
  while read -r path _ issue; do
    [[ -z "$path" || "$path" == \#* ]] && continue
    t="${path%%/*}"
    # libFuzzer's -timeout does not always fire when running a file (seen in
    # libyaml and in long loops): 'timeout 15' (10 s and start-up) is the limit.
    if timeout 15 "$build/tests/fuzz/$t" -timeout=10 -rss_limit_mb=2048 \
      "$here/regressions/$path" >/dev/null 2>&1; then
      echo "passes now: $path ($issue): delete its line"
      fixed=$((fixed + 1))
    else
      echo "still fails: $path ($issue)"
    fi
  done <"$here/known-failures.txt"
  echo "run.sh --known: $fixed of the known failures pass now"
  exit 0
fi
targets=("$@")
((${#targets[@]})) || targets=(fuzz_plan fuzz_phrase fuzz_import fuzz_meeting_rule fuzz_documents_zip fuzz_documents_text
  fuzz_mspdi fuzz_psplib fuzz_progress)
jobs="${TIENDO_FUZZ_JOBS:-2}"
max_seconds="${TIENDO_FUZZ_MAX_SECONDS:-$((seconds * 4))}"

# Executions each target made in 30 s in CI (session 5's last run): the
# bound of the search, scaled to SECONDS.
runs_in_30s() {
  case $1 in
    fuzz_plan) echo 20000 ;;
    fuzz_phrase) echo 70000 ;;
    fuzz_import) echo 4800 ;;
    fuzz_meeting_rule) echo 65000 ;;
    fuzz_documents_zip) echo 72000 ;;
    fuzz_documents_text) echo 5500 ;;
    fuzz_mspdi) echo 150000 ;;
    fuzz_psplib) echo 100000 ;;
    fuzz_progress) echo 200000 ;;
    *) echo 20000 ;;
  esac
}

# known-failures.txt: 'PATH TAG ISSUE...' a line, PATH under regressions/.
declare -A known=()
avoid=()
while read -r path tag _; do
  [[ -z "$path" || "$path" == \#* ]] && continue
  known["$path"]=1
  if [[ -n "$tag" && "$tag" != "-" && " ${avoid[*]} " != *" $tag "* ]]; then avoid+=("$tag"); fi
done <"$here/known-failures.txt"
TIENDO_FUZZ_AVOID="$(IFS=,; echo "${avoid[*]}")"
export TIENDO_FUZZ_AVOID
# Reports abort; leaks are findings too; a short malloc context keeps it fast.
# (Options given by the caller come last and win.)
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:malloc_context_size=10:quarantine_size_mb=64${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

work="$(mktemp -d "${TMPDIR:-/tmp}/tiendo-fuzz.XXXXXX")"
keep=0
cleanup() { ((keep)) || rm -rf "$work"; }
trap cleanup EXIT

flags=(-timeout=10 -rss_limit_mb=2048)

# One target: regressions, then fuzzing; its output goes to $work/TARGET.log.
run_target() {
  local t="$1" bin="$build/tests/fuzz/$1" dir="$work/$1" status=0
  mkdir -p "$dir/corpus" "$dir/artifacts"
  if [[ ! -x "$bin" ]]; then
    echo "run.sh: no $bin (configure with clang and -DTIENDO_FUZZ=ON)"
    return 1
  fi
  local inputs=() skipped=0 f rel
  if [[ -d "$here/regressions/$t" ]]; then
    while IFS= read -r -d '' f; do
      rel="${f#"$here/regressions/"}"
      if [[ -n "${known[$rel]:-}" ]]; then
        skipped=$((skipped + 1))
      else
        inputs+=("$f")
      fi
    done < <(find "$here/regressions/$t" -type f ! -name '*.md' -print0 | sort -z)
  fi
  echo "== $t: ${#inputs[@]} regression inputs (${skipped} known failures skipped)"
  # One process per input, each under 'timeout 15': libFuzzer's -timeout does
  # not always fire when running a file.
  for f in "${inputs[@]}"; do
    timeout 15 "$bin" "${flags[@]}" "$f" >"$dir/regressions.log" 2>&1 || status=$?
    if ((status)); then
      echo "FAILED: a regression input of $t fails again (exit $status; 124: over 15 s):"
      echo "  $f"
      grep -a -E "^fuzz_|error:|ERROR|SUMMARY|what\(\)|runtime error|^ +#[0-9]+ " \
        "$dir/regressions.log" | head -n 40
      return 1
    fi
  done
  cp "$here/corpus/$t/"* "$dir/corpus/"
  # 'timeout' is a backstop in case libFuzzer's own alarm does not fire.
  local runs=$(($(runs_in_30s "$t") * seconds / 30))
  timeout $((max_seconds + 60)) "$bin" "${flags[@]}" -seed="${TIENDO_FUZZ_SEED:-1}" \
    -runs="$runs" -max_total_time="$max_seconds" -print_final_stats=1 \
    -dict="$here/$t.dict" -artifact_prefix="$dir/artifacts/" "$dir/corpus" \
    >"$dir/fuzz.log" 2>&1 || status=$?
  local last
  last="$(grep -a -E '^#[0-9]+' "$dir/fuzz.log" | tail -1 || true)"
  echo "== $t: fuzzed (up to $runs runs or ${max_seconds}s): ${last}"
  if ((status)); then
    echo "FAILED: $t found a bug (exit $status):"
    grep -a -E "^fuzz_|error:|ERROR|SUMMARY|what\(\)|runtime error|^ +#[0-9]+ " "$dir/fuzz.log" |
      head -n 40
    ls "$dir/artifacts/"* 2>/dev/null | sed 's/^/reproducer: /'
    echo "(reproduce: $bin FILE; minimize: $bin -minimize_crash=1 -runs=10000 FILE)"
    return 1
  fi
}

echo "run.sh: ${#targets[@]} targets, the executions of ${seconds}s in CI each (at most ${max_seconds}s), ${jobs} at a time; avoiding: ${TIENDO_FUZZ_AVOID:-nothing}"
failed=()
pids=()
names=()
wait_one() {
  local pid="${pids[0]}" name="${names[0]}"
  pids=("${pids[@]:1}")
  names=("${names[@]:1}")
  if ! wait "$pid"; then failed+=("$name"); fi
  cat "$work/$name.out"
}
for t in "${targets[@]}"; do
  ((${#pids[@]} < jobs)) || wait_one
  run_target "$t" >"$work/$t.out" 2>&1 &
  pids+=($!)
  names+=("$t")
done
while ((${#pids[@]})); do wait_one; done

if ((${#failed[@]})); then
  keep=1
  echo "run.sh: FAILED: ${failed[*]} (logs and reproducers kept in $work)"
  exit 1
fi
echo "run.sh: all ${#targets[@]} targets passed"
