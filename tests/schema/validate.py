#!/usr/bin/env python3
"""Checks tiendo's JSON outputs against the schemas in docs/schemas/.

Usage: validate.py TIENDO SOURCE_DIR

Runs every JSON-producing command on every sample (and the reviewed golden
outputs), reads each output's "format" key, and validates it against
docs/schemas/<format>.schema.json with python3-jsonschema. Exits 1 on the
first output that does not match, naming the output and the failing path.
"""
import glob
import json
import os
import pathlib
import subprocess
import sys

import jsonschema

tiendo, source = sys.argv[1], pathlib.Path(sys.argv[2])
schemas = source / "docs" / "schemas"


def validator_for(fmt):
    path = schemas / f"{fmt}.schema.json"
    if not path.exists():
        sys.exit(f"FAIL: no schema docs/schemas/{fmt}.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    resolver = jsonschema.RefResolver(base_uri=path.resolve().as_uri(), referrer=schema)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


checked = 0


def check(name, text):
    global checked
    document = json.loads(text)
    fmt = document.get("format")
    if not isinstance(fmt, str):
        sys.exit(f"FAIL: {name} has no 'format' key")
    errors = sorted(validator_for(fmt).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        sys.exit(f"FAIL: {name} ({fmt}) at /{'/'.join(map(str, e.path))}: {e.message}")
    checked += 1


def run(*args, ok=(0, 1)):
    result = subprocess.run([tiendo, *args], cwd=source, capture_output=True)
    if result.returncode not in ok:
        sys.exit(f"FAIL: tiendo {' '.join(args)} exited {result.returncode}: {result.stderr[:300]}")
    return result.stdout.decode("utf-8")


for sample in sorted(glob.glob(str(source / "samples" / "*.yaml"))):
    rel = os.path.relpath(sample, source)
    for lang in ("vi", "en"):
        check(f"schedule {rel} --lang {lang}", run("schedule", rel, "--format", "json", "--lang", lang))
        check(f"check {rel} --lang {lang}", run("check", rel, "--format", "json", "--lang", lang))
    check(f"explain {rel} --guesses", run("explain", rel, "--guesses", "--format", "json"))
# After adoption: the sample with progress, its baseline file, what-if.
progress = "samples/progress/129-KH-DUK-16-9-2024.yaml"
for lang in ("vi", "en"):
    check(f"schedule {progress} --baseline adopted",
          run("schedule", progress, "--format", "json", "--baseline", "adopted", "--lang", lang))
    check(f"check {progress}", run("check", progress, "--format", "json", "--lang", lang))
    check(f"status {progress}", run("status", progress, "--format", "json", "--baseline", "adopted", "--lang", lang))
    check(f"whatif {progress}", run("whatif", progress, "--format", "json", "--lang", lang,
                                    "--cancel-meeting", "BTV:2024-09-26", "--delay", "lien-hoan.chuan-bi=5d"))
# Schedule risk: the sample with three-point estimates, both distributions; and
# a plan without any (a certain schedule).
risky = "samples/risk/129-KH-DUK-risk.yaml"
for distribution in ("triangular", "pert"):
    check(f"risk {risky} {distribution}",
          run("risk", risky, "--format", "json", "--runs", "300", "--distribution", distribution))
check("risk samples/129-KH-DUK.yaml", run("risk", "samples/129-KH-DUK.yaml", "--format", "json", "--runs", "100"))
check("samples/progress/*.baseline.json",
      (source / "samples" / "progress" / "129-KH-DUK-16-9-2024.baseline.json").read_text(encoding="utf-8"))
for year in ("1900", "2024", "2025", "2100"):
    check(f"calendar vn {year}", run("calendar", "vn", year, "--format", "json"))
for phrase in ("Tại kỳ họp BTV tháng 5/2024", "Từ ngày 10/10 đến 13/10/2024", "Trước ngày 30/8/2024",
               "Thường xuyên"):
    check(f"explain --phrase {phrase}", run("explain", "--phrase", phrase, "--format", "json"))
check("explain --phrase (unreadable)", run("explain", "--phrase", "khi nào xong", "--format", "json", ok=(2,)))
for golden in sorted(glob.glob(str(source / "tests" / "golden" / "*.json"))):
    check(os.path.relpath(golden, source), pathlib.Path(golden).read_text(encoding="utf-8"))
print(f"{checked} JSON outputs match their schemas")
