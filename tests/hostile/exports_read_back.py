"""Every export of a plan whose names hold every hostile character class,
read back by an independent reader (issue 21): python3-icalendar (.ics),
python3-openpyxl (.xlsx), xmllint and Python's XML parser (MSPDI, the .docx
parts), Python's csv module (the schedule CSV). A name must come back as it
was (bar control characters, which XML cannot hold and become spaces), never
as a formula, never breaking the file.

Usage: exports_read_back.py TIENDO WORK_DIR"""
import csv
import io
import os
import subprocess
import sys
import xml.dom.minidom
import zipfile

import icalendar
import openpyxl

tiendo, work = sys.argv[1:3]
os.makedirs(work, exist_ok=True)

# One name per class: quotes, separators of each format, a formula start of
# each kind, XML's specials, a control character, a line break, right-to-left
# and combining marks, an emoji, a very long word.
NAMES = [
    'Quotes "double" and \'single\'',
    "Commas, semicolons; colons: and \\backslash",
    "=HYPERLINK(\"http://x\",\"y\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "<b>tags</b> & entities &amp; ]]>",
    "Control\x0bcharacter\x01here",
    "Tab\tinside",
    "עברית and العربية (right to left)",
    "Tiếng Việt tổ hợp: Đảng ủy Khối",
    "Emoji 🎉 rocket 🚀",
    "W" * 300,
]


def yaml_quoted(text):
    out = '"'
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif code < 0x20:
            out += "\\x%02x" % code
        else:
            out += ch
    return out + '"'


lines = [
    "plan: {id: " + yaml_quoted("H;1,\"x\"") + ", title: " + yaml_quoted(NAMES[1]) +
    ", start: 2024-06-03}",
    "calendar: {days_off: [sat, sun]}",
    "tasks:",
]
for i, name in enumerate(NAMES):
    lines.append("  - {id: t%d, name: %s, owner: %s, duration: 2d, due: 2024-07-%02d}" %
                 (i, yaml_quoted(name), yaml_quoted(name), 10 + i))
plan = os.path.join(work, "hostile.yaml")
with open(plan, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def export(fmt, suffix, *extra):
    out = os.path.join(work, "hostile." + suffix)
    subprocess.run([tiendo, "export", plan, "--format", fmt, "-o", out, *extra], check=True,
                   capture_output=True)
    return out


def in_xml(name):
    """A name as an XML export keeps it: control characters become spaces."""
    return "".join(" " if ord(ch) < 0x20 and ch not in "\t\n\r" else ch for ch in name)


# iCalendar: every deadline's summary holds the name whole.
with open(export("ics", "ics"), "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
summaries = [str(e.get("SUMMARY")) for e in calendar.walk("VEVENT")]
expect(str(calendar.get("X-WR-CALNAME")) == NAMES[1], "ics: X-WR-CALNAME is not the title")
for name in NAMES:
    expect(any(name.replace("\x0b", " ").replace("\x01", " ") in s or name in s
               for s in summaries), "ics: %r not in any SUMMARY" % name[:40])

# Excel: names are text cells, never formulas.
book = openpyxl.load_workbook(export("xlsx", "xlsx"))
cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
values = {c.value for c in cells if isinstance(c.value, str)}
for c in cells:
    expect(c.data_type != "f", "xlsx: a formula in %s!%s" % (c.parent.title, c.coordinate))
for name in NAMES:
    expect(any(name in v or in_xml(name) in v for v in values), "xlsx: %r lost" % name[:40])

# MS Project XML: well formed for xmllint and Python; every name back.
mspdi = export("mspdi", "xml")
lint = subprocess.run(["xmllint", "--noout", mspdi], capture_output=True, text=True)
expect(lint.returncode == 0, "mspdi: xmllint: " + lint.stderr[:200])
doc = xml.dom.minidom.parse(mspdi)
names = {n.firstChild.data for n in doc.getElementsByTagName("Name") if n.firstChild}
for name in NAMES:
    expect(in_xml(name) in names, "mspdi: %r lost" % name[:40])

# The Word document: every XML part well formed, every name in the text.
with zipfile.ZipFile(export("docx", "docx")) as z:
    text = ""
    for part in z.namelist():
        if part.endswith(".xml") or part.endswith(".rels"):
            try:
                parsed = xml.dom.minidom.parseString(z.read(part))
            except Exception as e:  # noqa: BLE001 - any parse error is the failure
                failures.append("docx: %s does not parse: %s" % (part, e))
                continue
            if part == "word/document.xml":
                text = "".join(t.firstChild.data for t in parsed.getElementsByTagName("w:t")
                               if t.firstChild)
for name in NAMES:
    wanted = in_xml(name).replace("\t", " ")
    expect(wanted.replace(" ", "") in text.replace(" ", ""), "docx: %r lost" % name[:40])

# The schedule as CSV: one row per step, names back bar the formula guard.
schedule = subprocess.run([tiendo, "schedule", plan, "--format", "csv"], check=True,
                          capture_output=True).stdout.decode("utf-8")
rows = list(csv.reader(io.StringIO(schedule)))
expect(len(rows) == len(NAMES) + 1, "csv: %d rows for %d steps" % (len(rows) - 1, len(NAMES)))
by_id = {r[0]: r for r in rows[1:]}
for i, name in enumerate(NAMES):
    got = by_id.get("t%d" % i, ["", "", ""])[2]
    formula = name[:1] in "=+-@\t\r" and not name.lstrip("+-").replace(".", "").isdigit()
    expect(got == ("'" + name if formula else name), "csv: %r came back as %r" % (name[:30], got[:30]))

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("every export of the hostile names reads back (%d names, 5 formats)" % len(NAMES))
