"""Documents that inflate (issue 21): files of at most 10 MB whose parts,
copies or markup would fill far more once read. `tiendo import` must answer
each within 10 s of CPU and 256 MB of peak memory (its own rusage): either a
plan that reads, or an error that names the file and the part, a non-zero
exit and nothing written. Each shape comes in sizes on both sides of the
bounds (ReadLimits::max_parsed_bytes, max_held_bytes); with --full, the
largest documents that still read are measured through the importer too.

Made here with Python's zipfile, so no hostile file sits in the repository.
Before the bound, the .xlsx whose cells show one shared string of 1.8 MB
took 3 GB (then out of memory) and the .ods repeating a cell 24 GB.

Usage: documents_bounded.py TIENDO WORK_DIR [--full]"""
import os
import random
import subprocess
import sys
import time
import zipfile

tiendo, work = sys.argv[1:3]
os.makedirs(work, exist_ok=True)

MAX_CPU_SECONDS = 10.0
MAX_RSS_MB = 256
# A safety net for the machine: a regression fails at 2 GB of address space
# instead of taking the machine's memory (the .ods below reached 24 GB).
ADDRESS_SPACE = 2 << 30

rnd = random.Random(21)
# Random bytes made letters (and a space in seven): text that deflates
# about 1.6 to 1, as real text does, so the zip's own ratio check lets it
# through; made fast enough for megabytes.
TO_WORDS = bytes(32 if x % 7 == 0 else 97 + x % 26 for x in range(256))


def words(n):
    """n bytes of ASCII words."""
    return rnd.randbytes(n).translate(TO_WORDS).decode("ascii")


VOCABULARY = ["xây", "dựng", "kế", "hoạch", "tuyên", "truyền", "đại", "hội", "báo", "cáo",
              "tổng", "kết", "ban", "tin", "định", "khung", "phối", "hợp", "triển", "khai"]


def phrase(n):
    """About n bytes of Vietnamese words (n / 6 of them), which deflate
    about 4 to 1."""
    return " ".join(rnd.choices(VOCABULARY, k=n // 6))


def times(r):
    return "Tháng %d/2024" % (1 + r % 12)


# --- .xlsx ---------------------------------------------------------------

SML = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def xlsx(sheet_data, shared=None):
    rels = ['<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>' % REL]
    if shared is not None:
        rels.append('<Relationship Id="rId2" Type="%ssharedStrings" '
                    'Target="sharedStrings.xml"/>' % REL)
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "xl/workbook.xml":
            '<workbook %s><sheets><sheet name="KH" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>' % SML,
        "xl/_rels/workbook.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">%s</Relationships>' % "".join(rels),
        "xl/worksheets/sheet1.xml":
            '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (SML, sheet_data),
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = '<sst %s>%s</sst>' % (SML, shared)
    return parts


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


XLSX_HEADER = ('<row r="1">' + inline("A1", "STT") + inline("B1", "Nội dung") +
               inline("C1", "Thời gian") + "</row>")


def xlsx_shared_copies(cells):
    """One shared string of 1.8 MB (under the 2 MB a cell may hold), shown
    by `cells` cells: each holds a copy once read."""
    shared = "<si><t>%s</t></si>" % words(1_800_000)
    rows = "".join('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c>%s</row>'
                   % (r, r, r - 1, r, inline("C%d" % r, times(r)))
                   for r in range(2, cells + 2))
    return xlsx(XLSX_HEADER + rows, shared)


def xlsx_shared_table(strings):
    """A shared-strings table of `strings` strings of about 110 bytes, the
    first 5,000 shown in the plan's table."""
    shared = "".join("<si><t>Việc %s</t></si>" % phrase(120) for _ in range(strings))
    rows = "".join('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c>%s</row>'
                   % (r, r, r - 1, r, r - 2, inline("C%d" % r, times(r)))
                   for r in range(2, min(strings, 5000) + 2))
    return xlsx(XLSX_HEADER + rows, shared)


def xlsx_dense(rows):
    """`rows` rows of ten small inline cells."""
    body = "".join('<row r="%d"><c r="A%d"><v>%d</v></c>%s%s%s</row>'
                   % (r, r, r - 1, inline("B%d" % r, "Việc " + words(8)),
                      inline("C%d" % r, times(r)),
                      "".join(inline("%s%d" % (col, r), words(4)) for col in "DEFGHIJ"))
                   for r in range(2, rows + 2))
    return xlsx(XLSX_HEADER + body)


def xlsx_empty_rows(rows):
    """The plan's table, then `rows` empty rows: a tree of a node and an
    attribute a row (1,000,000 of them parse to about 137 MB)."""
    body = "".join('<row r="%d"/>' % r for r in range(5, rows + 5))
    first = '<row r="2">%s%s</row>' % (inline("B2", "Việc"), inline("C2", times(1)))
    return xlsx(XLSX_HEADER + first + body)


# --- .ods, .odt ----------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')


def odf(kind, body):
    mimetype = "application/vnd.oasis.opendocument." + ("spreadsheet" if kind == "ods" else "text")
    return {"mimetype": mimetype,
            "content.xml": '<office:document-content %s><office:body><office:%s>%s</office:%s>'
                           '</office:body></office:document-content>'
                           % (ODF_NS, "spreadsheet" if kind == "ods" else "text", body,
                              "spreadsheet" if kind == "ods" else "text")}


def ods_cell(text, repeat=1):
    attribute = ' table:number-columns-repeated="%d"' % repeat if repeat > 1 else ""
    return ('<table:table-cell office:value-type="string"%s><text:p>%s</text:p>'
            '</table:table-cell>' % (attribute, text))


def ods_repeated(copies):
    """A cell of 1.8 MB repeated across `copies` columns, in a row repeated
    as often: one cell in the file, copies² once read."""
    return odf("ods", '<table:table table:name="KH"><table:table-row>%s%s</table:table-row>'
                      '<table:table-row table:number-rows-repeated="%d">%s%s</table:table-row>'
                      '</table:table>' % (ods_cell("Nội dung"), ods_cell("Thời gian"), copies,
                                          ods_cell(words(1_800_000), copies),
                                          ods_cell(times(1))))


def odt_rows(rows):
    """A text document's table of `rows` rows."""
    body = "".join("<table:table-row>%s%s%s</table:table-row>"
                   % (ods_cell(str(r)), ods_cell("Việc " + words(20)), ods_cell(times(r)))
                   for r in range(1, rows + 1))
    return odf("odt", '<table:table><table:table-row>%s%s%s</table:table-row>%s</table:table>'
                      % (ods_cell("STT"), ods_cell("Nội dung"), ods_cell("Thời gian"), body))


# --- .docx ---------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_paragraphs(paragraphs):
    """A plan's table of three rows, then `paragraphs` short paragraphs."""
    def cell(text):
        return "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % text
    table = "<w:tbl>%s</w:tbl>" % "".join(
        "<w:tr>%s%s%s</w:tr>" % (cell(a), cell(b), cell(c))
        for a, b, c in [("STT", "Nội dung", "Thời gian"), ("1", "Việc một", times(1)),
                        ("2", "Việc hai", times(2))])
    body = "".join('<w:p w:rsidR="%06X"><w:r><w:t>%s</w:t></w:r></w:p>'
                   % (rnd.getrandbits(24), words(6)) for _ in range(paragraphs))
    return {"[Content_Types].xml":
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "word/document.xml":
                '<w:document xmlns:w="%s"><w:body>%s%s</w:body></w:document>'
                % (W, table, body)}


# --- HTML, TSV (no inflation: their size is the input's; the same bound) ---

def html_breaks(lines):
    return ("<html><body><table><tr><td>Nội dung</td><td>Thời gian</td></tr>"
            "<tr><td>Việc</td><td>%s</td></tr></table><p>%s</p></body></html>"
            % (times(1), "<br>".join(words(lines))))


def tsv_cells(rows):
    return ("STT\tNội dung\tThời gian\t" + "\t".join("Cột %d" % c for c in range(7)) + "\n" +
            "".join("%d\tViệc %s\t%s\t%s\n" % (r, words(6), times(r),
                                               "\t".join(words(7)))
                    for r in range(1, rows + 1)))


def tsv_long_cells(cells):
    """`cells` cells of 1.8 MB (under the 2 MB a cell may hold), one a row."""
    return "Nội dung\tThời gian\n" + "".join("%s\t%s\n" % (words(1_800_000), times(r))
                                            for r in range(cells))


def html_long_paragraph(size):
    """One paragraph of `size` bytes after the plan's table."""
    return ("<html><body><table><tr><td>Nội dung</td><td>Thời gian</td></tr>"
            "<tr><td>Việc</td><td>%s</td></tr></table><p>%s</p></body></html>"
            % (times(1), words(size)))


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            # ODF wants its mimetype first and stored.
            z.writestr(zipfile.ZipInfo(name) if name == "mimetype" else name, text,
                       zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)


# (name, maker, sizes read, sizes read with --full, sizes refused, suffix,
# the part an error must name). The sizes read are plans' sizes; --full
# adds the largest that still read (the bound's edge, measured in
# docs/reliability.md); the test command runs the quick ones only.
SHAPES = [
    ("shared-copies", xlsx_shared_copies, [3], [8], [2000], "xlsx", "xl/worksheets/sheet1.xml"),
    ("shared-table", xlsx_shared_table, [5_000], [150_000], [300_000], "xlsx",
     "xl/sharedStrings.xml"),
    ("empty-rows", xlsx_empty_rows, [100_000], [1_000_000], [1_100_000], "xlsx",
     "xl/worksheets/sheet1.xml"),
    ("dense-sheet", xlsx_dense, [2_000], [6_500], [90_000], "xlsx", "xl/worksheets/sheet1.xml"),
    ("repeated-cell", ods_repeated, [1], [2], [1000], "ods", "content.xml"),
    ("table-rows", odt_rows, [3_000], [21_000], [100_000], "odt", "content.xml"),
    ("paragraphs", docx_paragraphs, [30_000], [110_000], [900_000], "docx", "word/document.xml"),
    ("breaks", html_breaks, [30_000], [150_000], [1_900_000], "html", None),
    ("cells", tsv_cells, [3_000], [20_000], [190_000], "tsv", None),
    ("long-cells", tsv_long_cells, [], [5], [], "tsv", None),
    ("long-paragraph", html_long_paragraph, [], [9_000_000], [], "html", None),
]

failures = []


# tiendo is started by a fresh interpreter, which measures it: a child's
# peak RSS (ru_maxrss) keeps the high-water mark of the process it was
# forked from across exec, and this script holds the files it made.
LAUNCHER = """
import os, resource, sys
limit = int(sys.argv[1])
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run(path, part, expect_read):
    out = path + ".yaml"
    if os.path.exists(out):
        os.remove(out)
    with open(path + ".stderr", "w") as err:
        started = time.monotonic()
        measured = subprocess.run([sys.executable, "-c", LAUNCHER, str(ADDRESS_SPACE), tiendo,
                                   "import", path, "-o", out, "--lang", "en"], stdout=subprocess.PIPE,
                                  stderr=err, text=True, check=True).stdout.split()
        wall = time.monotonic() - started
    code, cpu, rss = int(measured[0]), float(measured[1]), int(measured[2]) / 1024
    with open(path + ".stderr", encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    errors = [line for line in stderr.splitlines() if ": error: " in line]
    name = os.path.basename(path)
    print("%-28s %5.1f MB  exit %d  %5.2f s (CPU %5.2f s)  peak %4.0f MB  %s" %
          (name, os.path.getsize(path) / 1e6, code, wall, cpu, rss,
           (errors[0][len(path) + 2:][:150] if errors else "plan written")))
    if os.path.getsize(path) > 10_000_000:
        failures.append("%s: the file is over 10 MB; the bound is for files up to 10 MB" % name)
    if cpu > MAX_CPU_SECONDS:
        failures.append("%s: %.1f s of CPU, more than %.0f" % (name, cpu, MAX_CPU_SECONDS))
    if rss > MAX_RSS_MB:
        failures.append("%s: %.0f MB at its peak, more than %d" % (name, rss, MAX_RSS_MB))
    if code == 0:
        if not os.path.exists(out):
            failures.append("%s: exit 0 but no plan written" % name)
        if not expect_read:
            failures.append("%s: read, though it is over the bound" % name)
        return
    if code < 0:
        failures.append("%s: killed by signal %d" % (name, -code))
    if os.path.exists(out):
        failures.append("%s: failed (exit %d) yet wrote %s" % (name, code, out))
    if expect_read:
        failures.append("%s: refused, though a plan's document of this size must read: %s" %
                        (name, errors[:1]))
        return
    # Refused by the held bound, or by the zip's own bound on one entry.
    if not any("[document-too-large]" in e or "[zip-bomb]" in e for e in errors):
        failures.append("%s: not refused as too large: %s" % (name, errors[:1] or stderr[:200]))
    elif part and not any("'%s'" % part in e for e in errors):
        failures.append("%s: the error does not name the part '%s': %s" % (name, part, errors[:1]))
    elif not all(e.startswith(path) for e in errors):
        failures.append("%s: the error does not name the file: %s" % (name, errors[:1]))


full = "--full" in sys.argv
for shape, maker, quick, edge, refused, suffix, part in SHAPES:
    for size, read in ([(n, True) for n in quick + (edge if full else [])] +
                       [(n, False) for n in refused]):
        path = os.path.join(work, "%s-%d.%s" % (shape, size, suffix))
        made = maker(size)
        if isinstance(made, dict):
            write_zip(path, made)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(made)
        del made
        run(path, part, expect_read=read)

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("every document answered within %.0f s of CPU and %d MB, each error in its place" %
      (MAX_CPU_SECONDS, MAX_RSS_MB))
