#!/usr/bin/env bash
# The man page help2man wrote: it exists, renders without a warning, and
# describes the command and each subcommand. Usage: man_test.sh TIENDO.1 VERSION
set -euo pipefail
page="$1"
version="$2"
[[ -s $page ]] || { echo "FAIL: $page is missing or empty"; exit 1; }
if command -v man >/dev/null; then
  text="$(MANWIDTH=100 man -l "$page" 2>&1)"
else
  text="$(groff -man -Tutf8 -P-cbou "$page" 2>&1)"
fi
# groff's own warnings (-ww), which man -l does not show.
warnings="$(groff -man -Tutf8 -ww -z "$page" 2>&1 || true)"
if [[ -n $warnings ]]; then
  echo "FAIL: groff warns about $page:"
  echo "$warnings"
  exit 1
fi
status=0
for want in "NAME" "SYNOPSIS" "COMMANDS" "tiendo $version" \
  "tiendo schedule [OPTIONS] PLAN" "tiendo check [OPTIONS] PLAN" "tiendo gantt [OPTIONS] PLAN" \
  "tiendo network [OPTIONS] PLAN" "tiendo calendar [OPTIONS] CALENDAR [YEAR]" \
  "tiendo explain [OPTIONS] [PLAN]" "tiendo import [OPTIONS] FILE" "--status-date" "--lenient"; do
  if ! grep -qF -- "$want" <<<"$text"; then
    echo "FAIL: '$want' is not in the rendered man page"
    status=1
  fi
done
[[ $status == 0 ]] && echo "man page OK: $(wc -l <<<"$text") lines"
exit $status
