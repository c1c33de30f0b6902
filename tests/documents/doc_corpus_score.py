#!/usr/bin/env python3
"""Score `tiendo import` on the document corpus (tests/data/doc-corpus/).

For every annotated document and every format (html, docx, odt) this runs
`tiendo import FILE -o TMP.yaml`, then `tiendo explain TMP.yaml --lang en --lenient`
and counts an annotated row as read when some step or task of the imported plan
carries a constraint with the annotated dates (see the corpus README for the rule).

It prints, per split and format, rows read / rows annotated and the percentage,
and for the tuning split the rows missed with their document. For the held-out
split it prints only the numbers: do not tune on it.

Standard library only.
"""

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "data", "doc-corpus"))
FORMATS = ("html", "docx", "odt")
ISO = r"(\d{4}-\d{2}-\d{2})"

# Words that say nothing about which item a row is.
STOPWORDS = {
    "các", "của", "và", "cho", "trong", "được", "với", "những", "theo", "tại", "thời", "gian",
    "về", "vào", "từ", "đến", "ngày", "tháng", "năm", "the", "và/hoặc", "này", "đã", "có", "là",
    "một", "để", "khi", "thì", "như", "sau", "trước", "nhất", "hết", "dự", "kiến",
}


def words(text):
    """Significant words of a text: lower-cased, NFC, letters or digits, two or more characters."""
    text = unicodedata.normalize("NFC", text).lower()
    out = []
    for w in re.findall(r"[^\W_]+", text):
        if len(w) >= 2 and w not in STOPWORDS:
            out.append(w)
    return out


def names_match(item, name):
    """At least half of the row's significant words appear in the name."""
    want = set(words(item))
    if not want:
        return False
    have = set(words(name))
    return len(want & have) * 2 >= len(want)


# --- the imported plan ---------------------------------------------------------------


def yaml_scalar(raw):
    """The value of a one-line YAML scalar as libyaml writes it (plain, '...' or "...")."""
    raw = raw.strip()
    if raw.startswith("'"):
        end = 1
        out = []
        while end < len(raw):
            if raw[end] == "'":
                if end + 1 < len(raw) and raw[end + 1] == "'":
                    out.append("'")
                    end += 2
                    continue
                break
            out.append(raw[end])
            end += 1
        return "".join(out)
    if raw.startswith('"'):
        m = re.match(r'"((?:[^"\\]|\\.)*)"', raw)
        body = m.group(1) if m else raw.strip('"')
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "", " ": " "}

        def unescape(e):
            code = e.group(1)
            if code[0] in "uUx":
                return chr(int(code[1:], 16))
            return escapes.get(code, code)

        return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)", unescape, body)
    return re.split(r"\s+#", raw, maxsplit=1)[0].strip()


def read_plan_names(path):
    """Task and step names by their explain path (task, task.step), and the plan's events.

    A task's name is followed by the names of the groups it sits in (the headings a
    planner reads it under: "Khoa LLCT và SP" under "- Đại học khóa 10 và các khóa cũ")."""
    names = {}
    events = []  # (name, date)
    groups = {}  # id -> [name, parent id]
    task_group = {}
    section = None
    task = None
    step = None
    event = None
    group = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            top = re.match(r"^(\w+):", line)
            if top:
                section = top.group(1)
                continue
            if section == "tasks":
                m = re.match(r"^  - id: (.*)$", line)
                if m:
                    task = yaml_scalar(m.group(1))
                    step = None
                    names.setdefault(task, "")
                    continue
                m = re.match(r"^      - id: (.*)$", line)
                if m and task is not None:
                    step = task + "." + yaml_scalar(m.group(1))
                    names.setdefault(step, "")
                    continue
                m = re.match(r"^    name: (.*)$", line)
                if m and task is not None:
                    names[task] = yaml_scalar(m.group(1))
                    continue
                m = re.match(r"^        name: (.*)$", line)
                if m and step is not None:
                    names[step] = yaml_scalar(m.group(1))
                    continue
                m = re.match(r"^    group: (.*)$", line)
                if m and task is not None:
                    task_group[task] = yaml_scalar(m.group(1))
                    continue
            elif section == "groups":
                m = re.match(r"^  - id: (.*)$", line)
                if m:
                    group = yaml_scalar(m.group(1))
                    groups[group] = ["", None]
                    continue
                m = re.match(r"^    (name|parent): (.*)$", line)
                if m and group is not None:
                    groups[group][0 if m.group(1) == "name" else 1] = yaml_scalar(m.group(2))
                    continue
            elif section == "events":
                m = re.match(r"^  - id: (.*)$", line)
                if m:
                    event = {"name": "", "date": None}
                    events.append(event)
                    continue
                m = re.match(r"^    name: (.*)$", line)
                if m and event is not None:
                    event["name"] = yaml_scalar(m.group(1))
                    continue
                m = re.match(r"^    date: (.*)$", line)
                if m and event is not None:
                    d = re.search(ISO, m.group(1))
                    event["date"] = d.group(1) if d else None
    for task, g in task_group.items():
        seen = set()
        while g in groups and g not in seen:  # a group's parent chain, guarded against a loop
            seen.add(g)
            names[task] = (names.get(task, "") + " " + groups[g][0]).strip()
            g = groups[g][1]
    return names, [(e["name"], e["date"]) for e in events if e["date"]]


def vn_to_iso(text):
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    return "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1))) if m else None


def readings(meaning):
    """The constraints of one reading ('within A .. B; starts on A') as (kind, from, to)."""
    out = []
    for part in meaning.split("; "):
        part = part.strip()
        m = re.match(r"within %s \.\. %s" % (ISO, ISO), part)
        if m:
            out.append(("window", m.group(1), m.group(2)))
            continue
        for prefix, kind in (("due by", "due"), ("starts on", "start_on"), ("finishes on", "finish_on"),
                             ("not before", "not_before"), ("starts by", "start_by"),
                             ("finishes no earlier than", "finish_not_before")):
            m = re.match(re.escape(prefix) + " " + ISO, part)
            if m:
                out.append((kind, m.group(1), m.group(1)))
                break
        else:
            if part.startswith("at the ") and " meeting on " in part:
                d = vn_to_iso(part) or (re.search(ISO, part).group(1) if re.search(ISO, part) else None)
                if d:
                    out.append(("meeting", d, d))
            elif part.startswith("at the ") and " meeting of " in part:
                m = re.search(r"meeting of (\d{1,2})/(\d{4})", part)
                if m:
                    out.append(("meeting_month", "%s-%02d" % (m.group(2), int(m.group(1))), None))
    return out


def read_explain(text):
    """Constraints by explain path, from `tiendo explain --lang en`."""
    constraints = defaultdict(list)
    current = None
    for line in text.splitlines():
        m = re.match(r"^(\S+) \(line \d+\): \"(.*)$", line)
        if m:
            current = m.group(1)
            rest = m.group(2)
            if '" → ' in rest:
                constraints[current].extend(readings(rest.rsplit('" → ', 1)[1]))
            continue
        m = re.match(r"^    \".*\" → (.*)$", line)
        if m and current is not None:
            constraints[current].extend(readings(m.group(1)))
    return constraints


# --- matching -----------------------------------------------------------------------


def satisfies(cons, kind, frm, to):
    """Whether a step's constraints carry the annotated dates."""
    for c, a, b in cons:
        if kind == "deadline":
            if c in ("due", "finish_on") and b == to:
                return True
            if c == "window" and b == to:
                return True
        elif kind in ("window", "fixed"):
            if c == "window" and a == frm and b == to:
                return True
            # "hoàn thành trong quý 2/2018": finished inside the window, both bounds on the finish.
            if kind == "window" and c == "finish_not_before" and a == frm and any(
                    c2 in ("due", "finish_on") and b2 == to for c2, a2, b2 in cons):
                return True
            if frm == to and c in ("start_on", "finish_on", "meeting") and a == frm:
                return True
        elif kind == "start":
            if c in ("not_before", "start_on") and a == frm:
                return True
            if c == "window" and a == frm:
                return True
        elif kind in ("event", "meeting"):
            if c in ("start_on", "finish_on", "meeting") and a == frm:
                return True
            if c == "window" and a == frm and b == to:
                return True
    if kind in ("window", "fixed"):
        # A span may be written as a start and a finish bound of the same step.
        starts = {a for c, a, b in cons if c in ("not_before", "start_on")}
        ends = {b for c, a, b in cons if c in ("due", "finish_on")}
        if frm in starts and to in ends:
            return True
    return False


def score_rows(rows, names, events, constraints):
    """(read rows, missed rows with a hint) for one document in one format."""
    pairs = defaultdict(int)
    for r in rows:
        pairs[(r["from"], r["to"])] += 1
    read, missed = [], []
    for r in rows:
        kind, frm, to = r["kind"], r["from"] or None, r["to"] or None
        by_name = []
        for path in sorted(set(names) | set(constraints)):
            name = names.get(path, "")
            task_name = names.get(path.split(".")[0], "")
            if names_match(r["item"], name + " " + task_name if "." in path else name):
                by_name.append(path)
        ok = any(satisfies(constraints.get(p, []), kind, frm, to) for p in by_name)
        if not ok and kind in ("event", "meeting"):
            ok = any(d == frm and names_match(r["item"], n) for n, d in events)
        rule = "name" if ok else ""
        if not ok and pairs[(r["from"], r["to"])] == 1:
            ok = any(satisfies(cons, kind, frm, to) for cons in constraints.values())
            rule = "dates" if ok else ""
        if ok:
            read.append((r, rule))
        else:
            if not constraints:
                hint = "the plan has no time read"
            elif by_name:
                hint = "; ".join("%s has %s" % (p, describe(constraints.get(p, [])))
                                 for p in by_name[:3])
            else:
                hint = "no step named like it"
            missed.append((r, hint))
    return read, missed


def describe(cons):
    if not cons:
        return "no time"
    return ", ".join(c if a is None else (c + " " + a + (".." + b if b and b != a else "")) for c, a, b in cons)


# --- running tiendo -----------------------------------------------------------------


def first_error(stderr):
    """The first 'error:' line of tiendo's messages, without the file name; else the first line."""
    lines = [l for l in stderr.splitlines() if l.strip()]
    for l in lines:
        if "error:" in l:
            return l.split("error:", 1)[1].strip()
    return lines[0].strip() if lines else "no message"


def import_and_explain(tiendo, source, workdir):
    """(names, events, constraints, error) for one file."""
    stem = os.path.basename(source).replace(".", "_")
    plan = os.path.join(workdir, stem + ".yaml")
    run = subprocess.run([tiendo, "import", source, "-o", plan], capture_output=True, text=True,
                         timeout=120)
    if run.returncode != 0 or not os.path.exists(plan):
        return None, None, None, "import exit %d: %s" % (run.returncode, first_error(run.stderr))
    run = subprocess.run([tiendo, "explain", plan, "--lang", "en", "--lenient"], capture_output=True,
                         text=True, timeout=120)
    if run.returncode != 0:
        return None, None, None, "explain exit %d: %s" % (run.returncode, first_error(run.stderr))
    names, events = read_plan_names(plan)
    return names, events, read_explain(run.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tuning", "heldout", "all"), default="tuning")
    ap.add_argument("--tiendo", default=shutil.which("tiendo") or "build/cli/tiendo",
                    help="the tiendo binary (default: tiendo on PATH, else build/cli/tiendo)")
    ap.add_argument("--min-tuning", type=float, default=0.0, metavar="PCT",
                    help="exit 1 when a format's tuning score is below PCT (default 0)")
    ap.add_argument("--corpus", default=CORPUS, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if not (os.path.isfile(args.tiendo) and os.access(args.tiendo, os.X_OK)):
        print("doc_corpus_score: no tiendo binary at %s (use --tiendo)" % args.tiendo, file=sys.stderr)
        return 2
    with open(os.path.join(args.corpus, "annotations.tsv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    splits = ("tuning", "heldout") if args.split == "all" else (args.split,)
    by_doc = defaultdict(list)
    for r in rows:
        if r["split"] in splits:
            by_doc[r["doc"]].append(r)
    if not by_doc:
        print("doc_corpus_score: no annotated rows in split %s" % args.split, file=sys.stderr)
        return 2

    # results[split][format] = [read, total, missed rows]
    results = {s: {f: [0, 0, []] for f in FORMATS} for s in splits}
    with tempfile.TemporaryDirectory(prefix="doc-corpus-") as workdir:
        for doc in sorted(by_doc):
            doc_rows = by_doc[doc]
            split = doc_rows[0]["split"]
            for fmt in FORMATS:
                source = os.path.join(args.corpus, doc + "." + fmt)
                res = results[split][fmt]
                res[1] += len(doc_rows)
                if not os.path.exists(source):
                    res[2].extend((doc, r, "no file " + os.path.basename(source)) for r in doc_rows)
                    continue
                names, events, constraints, error = import_and_explain(args.tiendo, source, workdir)
                if error:
                    res[2].extend((doc, r, error) for r in doc_rows)
                    continue
                read, missed = score_rows(doc_rows, names, events, constraints)
                res[0] += len(read)
                res[2].extend((doc, r, hint) for r, hint in missed)

    status = 0
    for split in splits:
        label = "tuning" if split == "tuning" else "held-out"
        docs = len({d for d, rs in by_doc.items() if rs[0]["split"] == split})
        print("%s split: %d documents" % (label, docs))
        for fmt in FORMATS:
            got, total, missed = results[split][fmt]
            pct = 100.0 * got / total if total else 0.0
            print("  %-4s %3d / %3d rows read (%.1f %%)" % (fmt, got, total, pct))
            if split == "tuning" and pct < args.min_tuning:
                status = 1
        if split == "tuning":
            for fmt in FORMATS:
                missed = results[split][fmt][2]
                if missed:
                    print("  missed in %s:" % fmt)
                for doc, r, hint in missed:
                    print("    %s: %s | %s | %s %s..%s | %s" % (doc, r["item"], r["when"], r["kind"],
                                                              r["from"] or "", r["to"] or "", hint))
    if status:
        print("doc_corpus_score: a format's tuning score is below %.1f %%" % args.min_tuning)
    return status


if __name__ == "__main__":
    sys.exit(main())
