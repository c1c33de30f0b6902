#!/usr/bin/python3
"""same-content.py OLD NEW: exit 0 when two generated documents differ only in what the
programs stamp at each run (times of writing, editing duration, Writer's random list ids
and revision-save ids), 1 otherwise.

.docx/.xlsx/.odt are compared member by member inside the zip, without the zip's own time
stamps and with the volatile metadata removed; .html without its "created"/"changed" meta."""
import re
import sys
import zipfile

VOLATILE = [
    re.compile(rb'<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>'),           # docProps/core.xml
    re.compile(rb'<(meta:creation-date|dc:date|meta:editing-duration|meta:editing-cycles)>[^<]*</\1>'),
    re.compile(rb'<meta:generator>[^<]*</meta:generator>'),
    re.compile(rb'<TotalTime>[^<]*</TotalTime>'),                                   # docProps/app.xml
    re.compile(rb'<meta name="(created|changed)" content="[^"]*"/>'),              # html
    re.compile(rb'(xml:id|text:continue-list)="list\d+"'),                        # odt: random list ids
    re.compile(rb'<config:config-item config:name="Rsid(Root)?" config:type="int">\d+</config:config-item>'),
]


def clean(data):
    for rx in VOLATILE:
        data = rx.sub(b'', data)
    return data


def members(path):
    with zipfile.ZipFile(path) as z:
        return {n: clean(z.read(n)) for n in z.namelist()}


def main(old, new):
    if old.endswith(('.docx', '.xlsx', '.odt')):
        try:
            return 0 if members(old) == members(new) else 1
        except zipfile.BadZipFile:
            return 1
    with open(old, 'rb') as a, open(new, 'rb') as b:
        return 0 if clean(a.read()) == clean(b.read()) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
