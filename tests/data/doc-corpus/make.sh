#!/bin/sh
# Regenerates the Word (.docx) and LibreOffice (.odt) copies of every NNN-*.html in this folder with
# LibreOffice headless (Debian: libreoffice-writer-nogui). Run from anywhere: sh tests/data/doc-corpus/make.sh
# The HTML files are the rebuilt documents; the .docx and .odt are generated from them and committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v soffice >/dev/null 2>&1 || { echo "make.sh: soffice not found (apt-get install libreoffice-writer-nogui)" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for html in "$here"/[0-9][0-9][0-9]-*.html; do
  # writer_*: read the page as a Writer document (not Writer/Web), so the export filters below apply.
  soffice -env:UserInstallation=file://"$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to docx:"MS Word 2007 XML" --outdir "$here" "$html" >/dev/null
  soffice -env:UserInstallation=file://"$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to odt:"writer8" --outdir "$here" "$html" >/dev/null
done
echo "make.sh: $(ls "$here"/[0-9][0-9][0-9]-*.docx | wc -l) .docx and $(ls "$here"/[0-9][0-9][0-9]-*.odt | wc -l) .odt written"
