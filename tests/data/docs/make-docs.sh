#!/usr/bin/env bash
# Regenerates the test documents of this folder from src/ with real office programs:
# LibreOffice (Writer, and Calc for one .xlsx), pandoc and python3-openpyxl.
# The generated files are committed, so the tests never need these programs.
#
#   bash make-docs.sh           regenerate everything, then check it
#   bash make-docs.sh --check   only check the committed files (needs unzip and pandoc)
#
# Idempotent: every run makes the same files from the same sources, and a file whose content
# did not change is not replaced (the programs stamp the time of writing into zip entries and
# metadata; src/same-content.py compares without those), so a second run changes nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HERE=$PWD

CHECK_ONLY=0
[[ "${1:-}" == --check ]] && CHECK_ONLY=1

install_missing() {
  local need=()
  if ((CHECK_ONLY == 0)); then
    command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
    [[ -e /usr/lib/libreoffice/program/libsclo.so ]] || need+=(libreoffice-calc-nogui)
    /usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
  fi
  command -v pandoc >/dev/null || need+=(pandoc)
  command -v unzip >/dev/null || need+=(unzip)
  ((${#need[@]} == 0)) && return 0
  echo "make-docs: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${need[@]}" >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
}
install_missing

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A private LibreOffice profile: no clash with a running office, no settings from $HOME.
lo() {
  soffice "-env:UserInstallation=file://$WORK/profile" --headless "$@" >"$WORK/lo.log" 2>&1 ||
    { cat "$WORK/lo.log" >&2; return 1; }
}
# pandoc stamps this date (29/3/2024, the date of plan 129-KH/ĐUK) instead of the time of the run.
export SOURCE_DATE_EPOCH=1711670400

SEEDS_FODT=(000-129-KH-DUK 004-DUK-TW-15-nam-2022)        # flat ODT sources (Writer list styles)
SEEDS_HTML=(002-BTG-so-ket-2024 003-tuyen-truyen-dai-hoi-2020) # HTML sources, imported by Writer
SHAPES=(shape-phase-matrix shape-section-rows shape-date-per-row shape-two-tables shape-election-offsets
  shape-split-table)

generate() {
  local f args OUT="$WORK/out"
  mkdir -p "$OUT"
  # 1. Seeds through LibreOffice Writer: .docx (Word 2007-365) and .odt
  args=()
  for f in "${SEEDS_FODT[@]}"; do args+=("src/$f.fodt"); done
  lo --convert-to 'docx:MS Word 2007 XML' --outdir "$OUT" "${args[@]}"
  lo --convert-to odt --outdir "$OUT" "${args[@]}"
  args=()
  for f in "${SEEDS_HTML[@]}"; do args+=("src/$f.html"); done
  lo --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' --outdir "$OUT" "${args[@]}"
  lo --infilter='HTML (StarWriter)' --convert-to odt --outdir "$OUT" "${args[@]}"

  # 2. The same four plans through pandoc
  # (without the HTML <title>, which pandoc would print as a Title paragraph the plan does not have)
  pandoc -f html src/000-129-KH-DUK.pandoc.html -o "$OUT/000-129-KH-DUK.pandoc.docx"
  sed '/<title>/d' src/002-BTG-so-ket-2024.html | pandoc -f html -o "$OUT/002-BTG-so-ket-2024.pandoc.docx"
  pandoc -f markdown-smart src/003-tuyen-truyen-dai-hoi-2020.md -o "$OUT/003-tuyen-truyen-dai-hoi-2020.pandoc.docx"
  pandoc -f markdown-smart src/004-DUK-TW-15-nam-2022.md -o "$OUT/004-DUK-TW-15-nam-2022.pandoc.docx"

  # 3. Writer's HTML export of seed 000
  lo --convert-to 'html:HTML (StarWriter)' --outdir "$OUT" "$OUT/000-129-KH-DUK.odt"

  # 4. The appendix of seed 000 as a workbook: openpyxl writes it, Calc re-saves it as Excel would
  /usr/bin/python3 src/make-xlsx.py "$OUT/000-appendix.xlsx"
  mkdir -p "$WORK/calc"
  lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$WORK/calc" "$OUT/000-appendix.xlsx"
  mv "$WORK/calc/000-appendix.xlsx" "$OUT/000-appendix.calc.xlsx"

  # 5. Other table shapes of real plans
  args=()
  for f in "${SHAPES[@]}"; do args+=("src/$f.html"); done
  lo --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' --outdir "$OUT" "${args[@]}"

  # 6. Into place: a file whose content did not change is left as it is, so that running
  #    this again leaves the work tree clean (only time stamps would differ).
  for f in "$OUT"/*; do
    if [[ -e "$HERE/${f##*/}" ]] && /usr/bin/python3 src/same-content.py "$HERE/${f##*/}" "$f"; then
      continue
    fi
    cp "$f" "$HERE/${f##*/}"
    echo "make-docs: wrote ${f##*/}"
  done

  # 7. The main sample of the README
  mkdir -p ../../../samples/docs
  cmp -s 000-129-KH-DUK.docx ../../../samples/docs/129-KH-DUK.docx ||
    cp 000-129-KH-DUK.docx ../../../samples/docs/129-KH-DUK.docx
}

# ---- checks -------------------------------------------------------------------------
PY=/usr/bin/python3; [[ -x $PY ]] || PY=python3
FAIL=0
fail() { echo "FAIL: $*" >&2; FAIL=1; }
count() { { unzip -p "$1" "$2" 2>/dev/null || true; } | { grep -o -- "$3" || true; } | wc -l; }
has() { # file, member, regex, what
  local n; n=$(count "$1" "$2" "$3")
  ((n > 0)) || fail "$1: no $4 ($3) in $2"
}
docx_in_cells() { # file, regex: the regex inside a table cell
  unzip -p "$1" word/document.xml | "$PY" -c '
import re, sys
x = sys.stdin.read()
cells = re.findall(r"<w:tc>.*?</w:tc>", x, re.S)
sys.exit(0 if any(re.search(sys.argv[1], c) for c in cells) else 1)' "$2"
}

check() {
  local f
  for f in 000-129-KH-DUK.docx; do
    has $f word/document.xml '<w:vMerge w:val="restart"/>' 'vertical merge'
    has $f word/document.xml '<w:vMerge w:val="continue"/>' 'vertical merge continuation'
    has $f word/document.xml '<w:numPr>' 'list numbering'
    has $f word/document.xml '<w:tblHeader' 'repeated header row'
    docx_in_cells $f '<w:br/>' || fail "$f: no line break inside a table cell"
  done
  for f in 002-BTG-so-ket-2024.docx 003-tuyen-truyen-dai-hoi-2020.docx 004-DUK-TW-15-nam-2022.docx; do
    has $f word/document.xml '<w:numPr>' 'list numbering'
    has $f word/document.xml '<w:tbl>' 'header block table'
  done
  has 004-DUK-TW-15-nam-2022.docx word/numbering.xml 'w:lvlText w:val="(%1)"' 'numbering "(1)"'
  has 000-129-KH-DUK.docx word/numbering.xml 'w:numFmt w:val="none"' 'list level without number'
  for f in shape-phase-matrix.docx shape-section-rows.docx shape-date-per-row.docx; do
    has $f word/document.xml '<w:gridSpan w:val="[2-9]"/>' 'horizontal merge'
  done
  for f in shape-phase-matrix.docx shape-section-rows.docx shape-date-per-row.docx; do
    has $f word/document.xml '<w:vMerge' 'vertical merge'
  done
  docx_in_cells shape-phase-matrix.docx '<w:br/>' || fail "shape-phase-matrix.docx: no line break in a cell"
  [[ $(count shape-two-tables.docx word/document.xml '<w:tbl>') == 2 ]] || fail "shape-two-tables.docx: not two tables"
  # The task table split in two by a page break; the header block is the third table.
  [[ $(count shape-split-table.docx word/document.xml '<w:tbl>') == 3 ]] || fail "shape-split-table.docx: not three tables"
  docx_in_cells shape-split-table.docx '<w:br/>' || fail "shape-split-table.docx: no line break in a cell"
  for f in 000-129-KH-DUK.pandoc.docx; do
    has $f word/document.xml '<w:vMerge' 'vertical merge'
    has $f word/document.xml '<w:numPr>' 'list numbering'
    docx_in_cells $f '<w:br */>' || fail "$f: no line break inside a table cell"
  done
  for f in 000-129-KH-DUK.odt; do
    has $f content.xml 'table:number-rows-spanned="[2-9]"' 'rows spanned'
    has $f content.xml '<table:covered-table-cell' 'covered cells'
    has $f content.xml '<text:line-break/>' 'line break'
    has $f content.xml '<text:list ' 'list'
  done
  for f in 002-BTG-so-ket-2024.odt 003-tuyen-truyen-dai-hoi-2020.odt 004-DUK-TW-15-nam-2022.odt; do
    has $f content.xml '<text:list ' 'list'
    has $f content.xml '<text:line-break/>' 'line break'
  done
  grep -q 'rowspan="5"' 000-129-KH-DUK.html || fail "000-129-KH-DUK.html: no rowspan"
  for f in 000-appendix.xlsx 000-appendix.calc.xlsx; do
    has $f xl/worksheets/sheet1.xml '<mergeCell ref="C5:C9"/>' 'merged person cell'
    has $f xl/worksheets/sheet1.xml '<mergeCell ref="A1:F1"/>' 'merged title row'
    has $f xl/workbook.xml 'Ghi ch' 'second sheet'
  done
  [[ $(unzip -l 000-appendix.calc.xlsx | grep -c 'xl/sharedStrings.xml') -gt 0 ]] || fail "000-appendix.calc.xlsx: no shared strings"
  cmp -s 000-129-KH-DUK.docx ../../../samples/docs/129-KH-DUK.docx || fail "samples/docs/129-KH-DUK.docx differs from 000-129-KH-DUK.docx"
  for f in *.docx *.odt *.xlsx *.html; do
    (($(stat -c %s "$f") < 100000)) || fail "$f: larger than 100 KB"
  done
  # No text lost: every word of the seed, in order, in the text of each document of it
  local lo=(); command -v soffice >/dev/null && lo=(--lo)
  "$PY" "$HERE/src/compare-text.py" "$HERE" "${lo[@]}" || FAIL=1
  ((FAIL == 0)) && echo "make-docs: all checks passed"
  return $FAIL
}

((CHECK_ONLY)) || generate
check
