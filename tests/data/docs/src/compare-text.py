#!/usr/bin/python3
"""No text lost or altered: reads every document made from a seed back to text with pandoc
(docx/html -> HTML -> text, which keeps the cells of a table in reading order; an .odt is
read from its content.xml, as pandoc's ODT reader drops header rows and lists in cells)
and, with --lo, also with LibreOffice (soffice --convert-to txt, which also prints list
labels and pandoc's blind spots such as Title paragraphs), and compares its words, in
order and NFC, with the words of the seed in ../../../shared/seeds (or $TIENDO_SEEDS).

    src/compare-text.py DIR [--lo]

Allowed differences, and only these:
  - a list label that the document draws from its numbering instead of its text
    ("-", "+", "(1)", "1.") may be missing;
  - the words of the header block that the seed's extraction does not have (issuer,
    number, place and date, listed in ADDED below) may be added;
  - seed 000's extraction repeats the person in charge on every row of the appendix,
    where the documents merge the cells: the repeats are not expected.
Anything else (a word missing, changed, or added) fails, with the place it happens.
"""
import difflib
import html
import os
import re
import subprocess
import sys
import unicodedata

ARGS = [a for a in sys.argv[1:] if not a.startswith('--')]
WITH_LO = '--lo' in sys.argv     # also read each .docx/.odt back with LibreOffice (soffice --convert-to txt)
HERE = ARGS[0] if ARGS else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.environ.get('TIENDO_SEEDS') or os.path.normpath(os.path.join(HERE, '../../../../shared/seeds'))
if not os.path.isdir(SEEDS):
    SEEDS = os.path.normpath(os.path.join(HERE, '../../../shared/seeds'))

DOCS = {
    '000_77de11d023e0251c.txt': ['000-129-KH-DUK.docx', '000-129-KH-DUK.odt', '000-129-KH-DUK.pandoc.docx',
                                 '000-129-KH-DUK.html'],
    '002_3541ba954ea84f62.txt': ['002-BTG-so-ket-2024.docx', '002-BTG-so-ket-2024.odt',
                                 '002-BTG-so-ket-2024.pandoc.docx'],
    '003_8012eeffa714c107.txt': ['003-tuyen-truyen-dai-hoi-2020.docx', '003-tuyen-truyen-dai-hoi-2020.odt',
                                 '003-tuyen-truyen-dai-hoi-2020.pandoc.docx'],
    '004_09c8a2f669d50eb4.txt': ['004-DUK-TW-15-nam-2022.docx', '004-DUK-TW-15-nam-2022.odt',
                                 '004-DUK-TW-15-nam-2022.pandoc.docx'],
}
# Words the documents add to the seed's text: the header block (not in the extraction) and separators.
ADDED = {
    '000_77de11d023e0251c.txt': 'ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH * Số 129-KH/ĐUK '
                                'ĐẢNG CỘNG SẢN VIỆT NAM Thái Nguyên, ngày 29 tháng 3 năm 2024',
    '002_3541ba954ea84f62.txt': 'TỈNH ỦY THÁI NGUYÊN BAN TUYÊN GIÁO * Số -KH/BTGTU ĐẢNG CỘNG SẢN VIỆT NAM '
                                'Thái Nguyên, ngày tháng 6 năm 2024',
    '003_8012eeffa714c107.txt': 'ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH * Số -KH/ĐUK '
                                'ĐẢNG CỘNG SẢN VIỆT NAM Thái Nguyên, ngày tháng năm 2019',
    '004_09c8a2f669d50eb4.txt': 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG * Số -KH/ĐUK ĐẢNG CỘNG SẢN VIỆT NAM '
                                'Hà Nội, ngày tháng năm',
}
LABEL = re.compile(r'^(?:[-+•*]|\(\d+\)|\d+\.)$')


def words(text):
    text = unicodedata.normalize('NFC', html.unescape(text)).replace('\u00a0', ' ')
    return text.split()


def seed_words(path):
    t = open(path, encoding='utf-8').read()
    t = re.sub(r'<[^>]+>', ' ', t)                 # the HTML of two appendix rows
    t = re.sub(r'^#+ ', '', t, flags=re.M)          # markdown headings
    t = t.replace('hiện**1.', 'hiện 1.')            # seed 002: a heading run into the next one
    t = t.replace('**', '')
    t = re.sub(r'\*(?=\S)|(?<=\S)\*', '', t)          # italics; a lone "*" stays
    if os.path.basename(path).startswith('000'):
        t = merged_000(t)
    return words(t)


def merged_000(t):
    """The extraction repeats the person in charge on every row of the appendix; the
    documents merge those cells, so the name is there once for rows 1-5 and once for 6-8."""
    out = []
    for line in t.split('\n'):
        cells = line.split('\t')
        if len(cells) == 5 and cells[0].strip() in ('2', '3', '4', '5', '7', '8'):
            cells[2] = ''
        out.append('\t'.join(cells))
    return '\n'.join(out)


def odt_words(path):
    """The text of an .odt in document order, straight from content.xml: pandoc's ODT
    reader drops repeated header rows and lists inside table cells."""
    import xml.etree.ElementTree as ET
    import zipfile
    T = '{urn:oasis:names:tc:opendocument:xmlns:text:1.0}'
    root = ET.fromstring(zipfile.ZipFile(path).read('content.xml'))
    parts = []

    def walk(e):
        tag = e.tag
        if tag == T + 's':
            parts.append(' ' * int(e.get(T + 'c', '1')))
        elif tag in (T + 'line-break', T + 'tab'):
            parts.append(' ')
        if e.text and tag != T + 's':
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)
        if tag in (T + 'p', T + 'h'):
            parts.append(' ')
    body = root.find('{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body')
    walk(body)
    return words(''.join(parts))


def doc_words(path):
    fmt = {'.docx': 'docx', '.odt': 'odt', '.html': 'html'}[os.path.splitext(path)[1]]
    if fmt == 'odt':
        return odt_words(path)
    out = subprocess.run(['pandoc', '-f', fmt, '-t', 'html', '--wrap=none', path],
                         check=True, capture_output=True, text=True).stdout
    out = re.sub(r'<(br|/p|/li|/td|/th|/h\d|/div)\b[^>]*>', ' ', out)
    out = re.sub(r'<[^>]+>', '', out)
    return words(out)


def lo_words(paths):
    """{path: words} of LibreOffice's plain-text export of each .docx/.odt."""
    import tempfile
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ext in ('.docx', '.odt'):
            group = [p for p in paths if p.endswith(ext)]
            if not group:
                continue
            out = os.path.join(tmp, ext[1:])
            subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless',
                            '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out] + group,
                           check=True, capture_output=True)
            for p in group:
                base = os.path.splitext(os.path.basename(p))[0] + '.txt'
                res[p] = words(open(os.path.join(out, base), encoding='utf-8-sig').read())
    return res


def main():
    bad = 0
    lo = {}
    if WITH_LO:
        lo = lo_words([os.path.join(HERE, d) for ds in DOCS.values() for d in ds if not d.endswith('.html')])
    jobs = []
    for seed, docs in DOCS.items():
        for d in docs:
            path = os.path.join(HERE, d)
            jobs.append((seed, d, 'pandoc', doc_words(path)))
            if path in lo:
                jobs.append((seed, d, 'soffice', lo[path]))
    for seed, d, how, dw in jobs:
        sw = seed_words(os.path.join(SEEDS, seed))
        added = set(words(ADDED[seed]))
        problems = []
        sm = difflib.SequenceMatcher(None, sw, dw, autojunk=False)
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op == 'equal':
                continue
            lost = [w for w in sw[a0:a1] if not LABEL.match(w)]
            extra = [w for w in dw[b0:b1] if w not in added and not LABEL.match(w)]
            if lost or extra:
                ctx = ' '.join(sw[max(0, a0 - 4):a0])
                problems.append(f'after "…{ctx}": seed has {sw[a0:a1]!r}, document has {dw[b0:b1]!r}')
        matched = sum(b.size for b in sm.get_matching_blocks())
        if problems:
            bad += 1
            print(f'FAIL {d} ({how}): {len(problems)} difference(s) with {seed}')
            for p in problems[:15]:
                print('   ', p)
        else:
            print(f'ok   {d} ({how}): {matched} of the seed\'s {len(sw)} words in order; the rest are list labels')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
