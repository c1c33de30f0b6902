#!/usr/bin/env bash
# Sets everything up, builds, runs the whole suite, then builds and runs it
# again under AddressSanitizer + UndefinedBehaviorSanitizer, then fuzzes each
# parser for 30 s (tests/fuzz/run.sh; TIENDO_FUZZ_SECONDS changes it). Fails
# on any failing test, any sanitizer report, or any fuzzing finding.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# -Werror here (TIENDO_WERROR is off for users' builds): a new warning fails CI.
"$here/scripts/setup.sh" "$here/build" -DTIENDO_WERROR=ON
ctest --test-dir "$here/build" --output-on-failure -j2

echo "== again under AddressSanitizer + UndefinedBehaviorSanitizer"
"$here/scripts/setup.sh" "$here/build-asan" -DTIENDO_WERROR=ON -DTIENDO_SANITIZE=ON \
  -DTIENDO_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
ctest --test-dir "$here/build-asan" --output-on-failure -j2

echo "== fuzzing: each libFuzzer target (ASan + UBSan) for ${TIENDO_FUZZ_SECONDS:-30} s"
# Engine and fuzz targets only (no CLI, charts, tests or benchmarks), with
# clang, warnings as errors too.
"$here/scripts/setup.sh" "$here/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DTIENDO_FUZZ=ON \
  -DTIENDO_BUILD_CLI=OFF -DTIENDO_BUILD_TESTS=OFF -DTIENDO_BUILD_BENCH=OFF \
  -DTIENDO_BUILD_RENDER=OFF -DTIENDO_WERROR=ON
"$here/tests/fuzz/run.sh" "$here/build-fuzz" "${TIENDO_FUZZ_SECONDS:-30}"
