"""Validates tiendo's MSPDI export of every sample against MS Project's XML
schema (mspdi_pj12.xsd), with xmllint. The schema is committed in
tests/data/mspdi/ (its README names its source and licence): it is put
together from Microsoft's documentation of it, the repository
MicrosoftDocs/office-developer-msproject-xml-docs (one page per part of the
schema). When the environment variable TIENDO_MSPDI_DOCS names a checkout
(or bare git directory) of that repository, the schema is put together from
it again instead, and --write-xsd PATH writes it there (to regenerate the
committed file).

The documentation gives the schema's target namespace as
http://schemas.microsoft.com/project/2007; MS Project writes (and reads) its
files in http://schemas.microsoft.com/project, so the namespace is changed to
that one. Usage: mspdi_schema.py TIENDO SOURCE_DIR WORK_DIR [--write-xsd PATH]"""
import glob
import os
import subprocess
import sys

tiendo, source, work = sys.argv[1:4]
write_xsd = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--write-xsd" else None
docs = os.environ.get("TIENDO_MSPDI_DOCS", "")
os.makedirs(work, exist_ok=True)
PAGES = "project-xml-data-interchange/xml-schema-for-the-%s.md"


def page(name):
    """The XML code block of one page of the schema's documentation."""
    path = os.path.join(docs, PAGES % name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
    else:  # a bare git directory
        text = subprocess.run(["git", "--git-dir", docs, "show", "HEAD:" + PAGES % name],
                              check=True, capture_output=True, text=True).stdout
    start = text.index("``` xml") + len("``` xml")
    return text[start:text.index("```", start)]


def assembled():
    """The schema put together from the documentation's pages."""
    schema = page("project-element")
    # The Project page shows each collection as '<xsd:element name="X" ...> . . .
    # </xsd:element>'; its own page has the element in full.
    parts = {"OutlineCodes": "outlinecodes-element", "WBSMasks": "wbsmasks-element",
             "ExtendedAttributes": "extendedattributes-element", "Calendars": "calendars-element",
             "Tasks": "tasks-element", "Resources": "resources-element",
             "Assignments": "assignments-element"}
    for element, name in parts.items():
        placeholder = '<xsd:element name="%s" minOccurs="0"> . . . </xsd:element>' % element
        body = page(name)
        schema = schema.replace(placeholder, body[body.index('<xsd:element name="%s"' % element):])
    timephased = page("timephaseddatatype-complex-type")
    start = timephased.index('<xsd:complexType name="TimephasedDataType"')
    end = timephased.index("</xsd:complexType>", start) + len("</xsd:complexType>")
    schema = schema.replace('<xsd:complexType name="TimephasedDataType"> . . . </xsd:complexType>',
                            timephased[start:end])
    schema = schema[schema.index("<?xml"):].strip()
    if not schema.endswith("</xsd:schema>"):
        schema += "\n</xsd:schema>\n"  # the page's block stops before the end tag
    schema = schema.replace("http://schemas.microsoft.com/project/2007",
                            "http://schemas.microsoft.com/project")
    return schema


if docs and os.path.exists(docs):
    xsd = os.path.join(work, "mspdi_pj12.xsd")
    with open(xsd, "w", encoding="utf-8") as f:
        f.write(assembled())
    if write_xsd:
        with open(write_xsd, "w", encoding="utf-8") as f:
            f.write(assembled())
else:
    xsd = os.path.join(source, "tests", "data", "mspdi", "mspdi_pj12.xsd")

failed = 0
plans = glob.glob(os.path.join(source, "samples", "*.yaml"))
plans += glob.glob(os.path.join(source, "samples", "progress", "*.yaml"))  # actuals, status date
for plan in sorted(plans):
    out = os.path.join(work, os.path.basename(plan).replace(".yaml", ".xml"))
    subprocess.run([tiendo, "export", plan, "-o", out], check=True, stderr=subprocess.DEVNULL)
    run = subprocess.run(["xmllint", "--noout", "--schema", xsd, out], capture_output=True,
                         text=True)
    print(run.stderr.strip())
    failed += run.returncode != 0
print(f"mspdi_schema: {failed} exports do not validate")
sys.exit(1 if failed else 0)
