#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/
from the repository's own inputs: the samples, the bad plans of the golden
diagnostics, the phrases of docs/phrases.md, of the samples and of the phrase
unit tests, the import tables. Idempotent; run it again after adding samples,
then commit the new files. Files written by libFuzzer (-merge) keep their
content-hash names; these seeds have readable ones."""
import hashlib
import pathlib
import re
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"


def slug(text, limit=48):
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:limit].strip("-")
    return t or hashlib.sha1(text.encode()).hexdigest()[:12]


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


# --- fuzz_plan: whole plan files ---------------------------------------------
for p in sorted((ROOT / "samples").glob("*.yaml")):
    write("fuzz_plan", "sample-" + p.name, p.read_bytes())
# The workspace file: fuzz_plan reads every input as a workspace.yaml too.
write("fuzz_plan", "workspace.yaml", (ROOT / "samples/workspace/workspace.yaml").read_bytes())
for p in sorted((ROOT / "tests/golden/diagnostics").glob("*.yaml")):
    write("fuzz_plan", "diagnostics-" + p.name, p.read_bytes())
readme = (ROOT / "README.md").read_text()
m = re.search(r"```yaml\n(plan:.*?)```", readme, re.S)
if m:
    write("fuzz_plan", "readme-plan.yaml", m.group(1))
fmt = (ROOT / "docs/plan-format.md").read_text()
for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", fmt, re.S)):
    write("fuzz_plan", f"plan-format-{i + 1}.yaml", block)

# --- fuzz_phrase: one phrase per file ----------------------------------------
phrases = set()
table = (ROOT / "docs/phrases.md").read_text()
for line in table.splitlines():
    if line.startswith("| `"):
        first_cell = line.split(" | ")[0]
        phrases.update(re.findall(r"`([^`]+)`", first_cell))
for p in sorted((ROOT / "samples").glob("*.yaml")):
    for value in re.findall(r'\b(?:when|at): *"([^"]+)"', p.read_text()):
        phrases.add(value)
tests = (ROOT / "tests/engine/phrase_test.cpp").read_text()
for value in re.findall(r'read\("((?:[^"\\]|\\.)*)"', tests):
    if "\\" not in value:
        phrases.add(value)
for p in (ROOT / "tests/data/import").iterdir():
    for cell in re.split(r"[\t\n]|<[^>]+>| - ", p.read_text()):
        cell = cell.strip(' -"')
        if re.search(r"\d+/\d{4}|Tại|Trước|Sau|Từ", cell) and len(cell) < 120:
            phrases.add(cell)
phrases.update(["30/8/2024", "30-8-2024", "ngày 30.8.2024", "2024-08-30", "30 August 2024",
                "mùng 1 Tết 2025", "Trước mùng 1 Tết 2025", "khi nào xong thì thôi"])
used = set()
for phrase in sorted(phrases):
    name = "phrase-" + slug(phrase)
    if name in used:  # 'TRƯỚC NGÀY 30-8-2024' and 'Trước ngày 30/8/2024' fold alike
        name += "-" + hashlib.sha1(phrase.encode()).hexdigest()[:6]
    used.add(name)
    write("fuzz_phrase", name, phrase)

# --- fuzz_import: tables --------------------------------------------------------
for p in sorted((ROOT / "tests/data/import").iterdir()):
    write("fuzz_import", "table-" + p.name, p.read_bytes())
    lines = p.read_text().splitlines()
    header = next((i for i, l in enumerate(lines) if "THỜI GIAN" in l.upper()), None)
    if header is None:
        continue
    # One seed per row: the header and that row alone, small inputs to mutate.
    for i, row in enumerate(lines[header + 1:], 1):
        if row.strip():
            write("fuzz_import", f"row-{p.stem}-{i}{p.suffix}",
                  "\n".join(lines[: header + 1] + [row]) + "\n")

# --- fuzz_meeting_rule: one field per line (see fuzz_meeting_rule.cpp) ---------
# every, weekday, nth, day, if_off, months, from, until, cancelled, moved, start
rules = {
    "monthly-last-thursday": ["month", "thu", "last"],
    "monthly-25th-next": ["month", "", "", "25", "next"],
    "monthly-31st-previous": ["month", "", "", "31", "previous"],
    "monthly-first-friday-keep": ["month", "fri", "1", "", "keep"],
    "quarterly-second-tuesday": ["quarter", "tue", "2", "", "", "3,6,9,12"],
    "quarterly-last-tuesday-exceptions": ["quarter", "tue", "last", "", "", "", "", "2024-12-31",
                                          "2024-09-24", "2024-06-25>2024-07-02"],
    "plan-format-example": ["month", "thu", "last", "", "", "", "2024-01-01", "2024-12-31",
                            "2024-08-29", "2024-07-25>2024-07-30", "2024-04-01"],
    "thursday-full-name": ["month", "Thursday", "last", "", "", "", "", "2024-02-29"],
    "thurs-misspelt": ["month", "thurs", "last", "", "", "", "", "2024-02-29"],
    "25th-cancelled": ["month", "", "", "25", "", "", "", "", "2024-03-26"],
    "quarter-months-1-4-7-10": ["quarter", "mon", "3", "", "next", "1,4,7,10"],
    "range-over-tet": ["month", "", "", "10", "next", "", "2025-01-01", "2025-03-31", "", "",
                       "2025-01-01"],
}
for name, fields in rules.items():
    write("fuzz_meeting_rule", "rule-" + name, "\n".join(fields) + "\n")


# --- dictionaries -------------------------------------------------------------
# libFuzzer's dictionary syntax: one "token" a line, bytes outside printable
# ASCII as \xNN. Each non-ASCII token is preceded by a comment in plain text.
def dict_entry(token):
    out = ""
    for b in token.encode():
        c = chr(b)
        if c in '"\\':
            out += "\\" + c
        elif 0x20 <= b < 0x7F:
            out += c
        else:
            out += "\\x%02X" % b
    return out


def fold(text):
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


def write_dict(target, header, groups):
    lines = ["# " + l for l in header.strip().splitlines()]
    seen = set()
    for title, tokens in groups:
        lines += ["", "# " + title]
        for t in tokens:
            variants = [t] if t.isascii() else [t, fold(t), unicodedata.normalize("NFD", t)]
            for v in variants:
                if v in seen:
                    continue
                seen.add(v)
                if not v.isascii():
                    form = "NFD" if v == unicodedata.normalize("NFD", t) and v != t else "NFC"
                    lines.append(f"# {t} ({form})" if v != fold(t) else f"# {v}")
                lines.append(f'"{dict_entry(v)}"')
    (ROOT / f"tests/fuzz/{target}.dict").write_text("\n".join(lines) + "\n")


PHRASE_WORDS = [
    "Trước", "trước ngày", "Sau", "sau ngày", "kể từ", "chậm nhất", "hạn", "Từ ngày", "từ",
    "đến", "đến hết", "tới", "ngày", "tháng", "năm", "quý", "Trong", "trong tháng",
    "trong năm", "Tại", "tại kỳ họp", "kỳ họp", "phiên họp", "cuộc họp", "họp", "ở", "vào",
    "vào dịp", "nhân dịp", "đầu", "giữa", "cuối", "6 tháng đầu năm", "6 tháng cuối năm",
    "Thường xuyên", "liên tục", "Theo kế hoạch", "Theo lịch trình", "theo kịch bản",
    "trong thời gian", "tiến hành", "diễn ra", "khai mạc", "Đại hội", "Lễ Kỷ niệm",
    "âm lịch", "AL", "mùng", "mồng", "Tết", "Tết Nguyên đán", "Rằm", "tháng Giêng",
    "tháng Chạp", "Canh Tý", "Giáp Thìn", "Ất Tỵ", "Quý Mão", "Nhâm Dần", "Tân Sửu",
    "BTV", "BCH", "UBND", "Xuất bản kỳ",
]
ENGLISH_WORDS = [
    "before", "by", "no later than", "after", "from", "to", "until", "in", "during", "at",
    "on", "at the BTV meeting of", "meeting", "of", "early", "mid", "late", "first half of",
    "second half of", "Q1", "Q4", "ongoing", "as planned", "continuous", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
NUMBERS = [
    "I", "II", "III", "IV", "/", "-", ".", " - ", "–", ",", ";", "(", ")", "0", "1", "9",
    "10", "12", "13", "29", "30", "31", "32", "99", "1900", "2024", "2100", "9999", "0000",
    "30/8/2024", "30-8-2024", "30.8.2024", "2024-08-30", "29/2/2023", "31/9/2024", "10/10",
    "5/2024", "tháng 5/2024", "năm 2024", "quý I/2021", "Q1 2021", "00/00/0000",
    "99/99/99999",
]
write_dict("fuzz_phrase", """
Dictionary of fuzz_phrase: the words of the time phrases (docs/phrases.md),
with and without Vietnamese diacritics and in NFD, and the shapes of dates.
Written by tests/fuzz/make_seeds.py.""", [
    ("Vietnamese words", PHRASE_WORDS), ("English words", ENGLISH_WORDS),
    ("numbers and date shapes", NUMBERS)])

PLAN_KEYS = sorted(set(
    "plan id title issuer issued lang start before calendar base days_off holidays "
    "extra_days_off working_days events name date until aliases committees meetings "
    "submit_lead rule every weekday nth day if_off months from moved cancelled people unit "
    "units tasks owner lead assist after on type lag steps kind duration chain when at due "
    "not_before start_on finish_on window note committee month event task "
    "workspace max_items capacity due_per_day due_per_week".split()))
PLAN_VALUES = (
    "draft approval production broadcast event milestone other FS SS FF SF day_before "
    "same_day vi en vn true false month quarter next previous keep last mon tue wed thu fri "
    "sat sun monday thursday sunday 0 1d 5d 10d -1d 2w 5cd 3d 100000d 2024-04-01 2024-05-28 "
    "2024-02-29 2023-02-29 1900-01-01 2100-12-31 9999-12-31 0000-01-01 2024-05".split())
YAML_SYNTAX = [": ", "- ", "{", "}", "[", "]", ", ", "\n", "\n  ", "\n    - ", "#", "\"", "'",
               "&a ", "*a", "!!str ", "!!map", "!!seq", "? ", "<<: ", "|", ">", "---", "...",
               "~", "null", "%YAML 1.1", "\\u0000", "\\x41"]
write_dict("fuzz_plan", """
Dictionary of fuzz_plan: the plan's keys and values (docs/plan-format.md),
YAML syntax, and the time-phrase words (with and without diacritics).
Written by tests/fuzz/make_seeds.py.""", [
    ("keys", [k + ": " for k in PLAN_KEYS] + PLAN_KEYS), ("values", PLAN_VALUES),
    ("YAML syntax", YAML_SYNTAX), ("phrase words", PHRASE_WORDS + ENGLISH_WORDS),
    ("numbers and date shapes", NUMBERS)])

HTML = ["<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<br>", "<br/>", "<b>", "</b>",
        "<i>", "<span>", "</span>", '<ul style="list-style-type: none">', "&nbsp;", "&amp;",
        "&lt;", "&#39;", "<", ">", "<!--", "-->"]
TABLE = ["\t", "\n", "\r\n", ",", "\"", "\"\"", " - ", "- ", "STT", "NỘI DUNG", "Nội dung",
         "NGƯỜI PHỤ TRÁCH", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ CHỦ TRÌ THỰC HIỆN",
         "ĐƠN VỊ CHỦ TRÌ (THỰC HIỆN)", "THỜI GIAN THỰC HIỆN", "Thời gian thực hiện",
         "Phụ lục", "Đ/c", "Xây dựng", "trình duyệt", "Duyệt", "Ghi hình", "sản xuất",
         "Phát sóng", "Tổ chức", "Hội nghị", "kịch bản", "Tuyên truyền", "Xuất bản"]
write_dict("fuzz_import", """
Dictionary of fuzz_import: the table's header words, cell separators, the
HTML of cells pasted from Word, the words that guess a step's kind, and the
time-phrase words (with and without diacritics). Written by
tests/fuzz/make_seeds.py.""", [
    ("table", TABLE), ("HTML", HTML), ("phrase words", PHRASE_WORDS),
    ("numbers and date shapes", NUMBERS)])

write_dict("fuzz_meeting_rule", """
Dictionary of fuzz_meeting_rule: the values of a meeting rule's fields
(fuzz_meeting_rule.cpp reads one field a line) and date shapes.
Written by tests/fuzz/make_seeds.py.""", [
    ("values", "month quarter next previous keep last 1 2 3 4 5 0 -1 31 32 mon tue wed thu "
               "fri sat sun monday tuesday wednesday thursday friday saturday sunday Thursday "
               "THU thurs".split()),
    ("separators", ["\n", ",", ">", " ", "\"", "\\"]),
    ("dates", "2024-01-01 2024-02-29 2024-04-01 2024-07-25 2024-12-31 2025-01-29 2023-02-29 "
              "1900-01-01 2100-12-31 0001-01-01 9999-12-31 -2024-01-01 30/8/2024 "
              "3,6,9,12 1,4,7,10 0,13".split())])
