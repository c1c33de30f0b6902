#!/usr/bin/env bash
# A long fuzzing run of one target, bounded by CPU time rather than wall time
# (the machine is shared): libFuzzer's fork mode (one job at a time, so one
# core), going on past crashes, timeouts and out-of-memory, under nice.
#
#   tests/fuzz/long_run.sh BUILD_DIR TARGET CPU_SECONDS OUT_DIR
#
# OUT_DIR/corpus starts as a copy of tests/fuzz/corpus/TARGET and grows;
# OUT_DIR/artifacts gets crash-*, timeout-*, oom-* files; OUT_DIR/log the
# fuzzer's output. The last line printed is the final stats line
# ('#EXECS: cov: N ft: N corp: N exec/s N oom/timeout/crash: a/b/c time: Ns').
# Nothing is written into the repository: merge OUT_DIR/corpus back with
# '-merge=1' by hand if wanted (docs/reliability.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if (($# != 4)); then
  echo "usage: $0 BUILD_DIR TARGET CPU_SECONDS OUT_DIR" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
target="$2"
budget="$3"
out="$4"
bin="$build/tests/fuzz/$target"
[[ -x "$bin" ]] || { echo "long_run: no $bin (configure with -DTIENDO_FUZZ=ON)" >&2; exit 2; }
mkdir -p "$out/corpus" "$out/artifacts"
cp -n "$here/corpus/$target/"* "$out/corpus/" 2>/dev/null || true

export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=10:quarantine_size_mb=64}"
nice -n 10 "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -timeout=10 -rss_limit_mb=2048 -dict="$here/$target.dict" \
  -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$out/corpus" >"$out/log" 2>&1 &
pid=$!

# The fuzzer's live descendants (its current job and that job's shell).
descendants() {
  local kids=($(ps -o pid= --ppid "$pid" 2>/dev/null || true)) p
  while ((${#kids[@]})); do
    local next=()
    for p in "${kids[@]}"; do
      echo "$p"
      next+=($(ps -o pid= --ppid "$p" 2>/dev/null || true))
    done
    kids=("${next[@]}")
  done
}

# CPU seconds used by the fuzzer and all its jobs, live or finished.
hz=$(getconf CLK_TCK)
cpu_of_tree() {
  local total=0 p f
  # Finished jobs are in the parent's cutime + cstime.
  if [[ -r /proc/$pid/stat ]]; then
    read -ra f < <(sed 's/^.*) //' "/proc/$pid/stat")
    total=$((f[11] + f[12] + f[13] + f[14]))
  fi
  for p in $(descendants); do
    read -ra f < <(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null || echo "")
    ((${#f[@]} > 12)) && total=$((total + f[11] + f[12]))
  done
  echo $((total / hz))
}

# Fork mode's parent does not stop on SIGINT (it starts the next job): stop
# it, then the job it left running. The last stats line stays in the log.
stop() {
  local jobs_left
  jobs_left="$(descendants)"
  kill -TERM "$pid" 2>/dev/null || true
  for p in $jobs_left; do kill -TERM "$p" 2>/dev/null || true; done
}

used=0
while kill -0 "$pid" 2>/dev/null; do
  used=$(cpu_of_tree)
  if ((used >= budget)); then
    stop
    break
  fi
  sleep 5
done
wait "$pid" 2>/dev/null || true
echo "long_run: $target used about ${used} CPU seconds" | tee -a "$out/log"
grep -a '^#[0-9]*:' "$out/log" | tail -1
