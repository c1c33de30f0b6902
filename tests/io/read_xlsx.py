"""The Excel export read by a second, independent reader: Debian's
python3-openpyxl. Usage: read_xlsx.py TIENDO SOURCE_DIR WORK_DIR"""
import datetime
import json
import os
import subprocess
import sys

import openpyxl

tiendo, source, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def export(name):
    out = os.path.join(work, os.path.basename(name) + ".xlsx")
    subprocess.run([tiendo, "export", os.path.join(source, "samples", name + ".yaml"), "-o", out],
                   check=True)
    return openpyxl.load_workbook(out)


book = export("129-KH-DUK")
expect(book.sheetnames == ["Tiến độ", "Vấn đề", "Gantt"], "sheets: " + str(book.sheetnames))
sheet = book["Tiến độ"]
header = [c.value for c in sheet[1]]
expect(header == ["STT", "Nhiệm vụ", "Bước", "Người phụ trách", "Đơn vị chủ trì", "Bắt đầu",
                  "Kết thúc", "Bắt đầu muộn nhất", "Kết thúc muộn nhất", "Dự trữ (ngày)", "Găng",
                  "Hạn", "Trạng thái"], "header: " + str(header))
expect(sheet.freeze_panes == "A2", "frozen: " + str(sheet.freeze_panes))
expect(sheet.auto_filter.ref == f"A1:M{sheet.max_row}", "filter: " + str(sheet.auto_filter.ref))
# The steps as the schedule JSON has them, row by row.
schedule = json.loads(subprocess.run(
    [tiendo, "schedule", os.path.join(source, "samples", "129-KH-DUK.yaml"), "--format", "json"],
    check=True, capture_output=True).stdout)
steps = schedule["steps"]
expect(sheet.max_row == len(steps) + 1, f"{sheet.max_row - 1} rows for {len(steps)} steps")
rows = {(r[1].value, r[2].value): r for r in sheet.iter_rows(min_row=2)}

# Hand-checked: 'Xây dựng định khung' of the bulletin, 10 working days from
# Monday 1 April 2024: 1 to 12 April, person in charge Đ/c Mai Thị Nhài.
khung = rows.get(("Bản tin nội bộ số đặc biệt (tối đa 50 trang)", "Xây dựng định khung"))
expect(khung is not None, "no row for the bulletin's framework")
if khung is not None:
    expect(khung[0].value == "1.1", "STT " + str(khung[0].value))
    expect(khung[3].value == "Đ/c Mai Thị Nhài", "owner " + str(khung[3].value))
    expect(isinstance(khung[5].value, datetime.datetime), "start is not a date")
    expect(khung[5].value == datetime.datetime(2024, 4, 1), "start " + str(khung[5].value))
    expect(khung[6].value == datetime.datetime(2024, 4, 12), "finish " + str(khung[6].value))
    expect("dd/mm/yyyy" in khung[5].number_format, "date format " + khung[5].number_format)

critical = [r for r in rows.values() if r[10].value == "có"]
expect(len(critical) == sum(1 for s in steps if s["critical"]), "critical rows")
for r in critical:
    expect(r[1].fill.fgColor.rgb.endswith("F8CBAD"), "critical row not marked: " + str(r[1].value))
for r in rows.values():
    expect(r[10].value in ("có", "không"), "critical column " + str(r[10].value))
    expect(isinstance(r[9].value, (int, float)), "float is not a number")
    expect(r[5].value <= r[6].value, "start after finish")
    expect(r[7].value.date() >= r[5].value.date() or r[9].value < 0, "late start before start")

# The Gantt: 129 spans April to November, so a column is a week from Monday.
gantt = book["Gantt"]
axis = [c.value for c in gantt[1]][2:]
expect(all(isinstance(d, datetime.datetime) for d in axis), "axis dates")
expect(axis[0] == datetime.datetime(2024, 4, 1), "first week " + str(axis[0]))
expect(all(b - a == datetime.timedelta(days=7) for a, b in zip(axis, axis[1:])), "weekly axis")
for r in gantt.iter_rows(min_row=2):
    if r[1].value == "Bản tin nội bộ số đặc biệt (tối đa 50 trang): Xây dựng định khung":
        filled = [axis[i].date() for i, c in enumerate(r[2:]) if c.fill.fill_type == "solid"]
        expect(filled == [datetime.date(2024, 4, 1), datetime.date(2024, 4, 8)],
               "khung's weeks: " + str(filled))

# The findings sheet holds the check's findings, one a row.
bad = export("129-KH-DUK-infeasible")
check = json.loads(subprocess.run(
    [tiendo, "check", os.path.join(source, "samples", "129-KH-DUK-infeasible.yaml"), "--format",
     "json"], capture_output=True).stdout)
findings = bad["Vấn đề"]
expect(findings.max_row - 1 == len(check["findings"]),
       f"{findings.max_row - 1} finding rows for {len(check['findings'])}")
kinds = [r[2].value for r in findings.iter_rows(min_row=2)]
expect(kinds == [f["kind"] for f in check["findings"]], "finding kinds " + str(kinds))

# A plan with progress: three more columns, each step where it stands.
reported = export("progress/129-KH-DUK-16-9-2024")
sheet = reported["Tiến độ"]
header = [c.value for c in sheet[1]]
expect(header[12:] == ["Trạng thái", "Tiến độ", "Bắt đầu thực tế", "Kết thúc thực tế"],
       "progress header: " + str(header[12:]))
expect(sheet.auto_filter.ref == f"A1:P{sheet.max_row}", "filter: " + str(sheet.auto_filter.ref))
rows = {(r[1].value, r[2].value): r for r in sheet.iter_rows(min_row=2)}
khung = rows.get(("Bản tin nội bộ số đặc biệt (tối đa 50 trang)", "Xây dựng định khung"))
expect(khung is not None and khung[13].value == "xong", "khung is done")
if khung is not None:
    expect(khung[14].value == datetime.datetime(2024, 4, 1), "khung started " + str(khung[14].value))
    expect(khung[15].value == datetime.datetime(2024, 4, 12), "khung done " + str(khung[15].value))
bien_tap = rows.get(("Bản tin nội bộ số đặc biệt (tối đa 50 trang)", "Biên tập, dàn trang"))
expect(bien_tap is not None and bien_tap[13].value == "80%", "bien-tap is 80% done")
if bien_tap is not None:
    expect(bien_tap[14].value == datetime.datetime(2024, 6, 24), "bien-tap started")
    expect(bien_tap[15].value is None, "bien-tap is not finished")

for f in failures:
    print("FAIL:", f)
print(f"read_xlsx: {len(rows)} schedule rows read, {len(failures)} failures")
sys.exit(1 if failures else 0)
