"""The iCalendar export read by a second, independent reader: Debian's
python3-icalendar. Usage: read_ics.py TIENDO SOURCE_DIR WORK_DIR"""
import datetime
import os
import subprocess
import sys

import icalendar

tiendo, source, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
plan = os.path.join(source, "samples", "129-KH-DUK.yaml")
out = os.path.join(work, "129.ics")
subprocess.run([tiendo, "export", plan, "--format", "ics", "--steps", "-o", out], check=True)
with open(out, "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


expect(str(calendar["VERSION"]) == "2.0", "VERSION is not 2.0")
expect("tiendo" in str(calendar["PRODID"]), "PRODID does not name tiendo")
events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
expect(len(events) == len(calendar.walk("VEVENT")), "UIDs are not unique")
for uid, e in events.items():
    start, end = e.decoded("DTSTART"), e.decoded("DTEND")
    # All-day: plain dates (a datetime is a date too, so test it is not one).
    expect(not isinstance(start, datetime.datetime), uid + ": DTSTART is not a DATE")
    expect(end > start, uid + ": DTEND is not after DTSTART")

ceremony = events.get("event/le-ky-niem/129-KH%2F%C4%90UK@tiendo")
expect(ceremony is not None, "no event for the ceremony")
if ceremony is not None:
    expect(str(ceremony["SUMMARY"]) == "Lễ Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối",
           "the ceremony's Vietnamese name is not intact: " + str(ceremony["SUMMARY"]))
    expect(ceremony.decoded("DTSTART") == datetime.date(2024, 11, 2), "ceremony DTSTART")
    expect(ceremony.decoded("DTEND") == datetime.date(2024, 11, 3), "ceremony DTEND (exclusive)")

meeting = events.get("meeting/BTV%2F2024-05-28/129-KH%2F%C4%90UK@tiendo")
expect(meeting is not None, "no event for the BTV meeting of 2024-05-28")
if meeting is not None:
    alarms = meeting.walk("VALARM")
    expect(len(alarms) == 1, "the meeting has no alarm")
    if alarms:
        # Documents due Thursday 23 May: 5 days before the meeting's day.
        expect(alarms[0].decoded("TRIGGER") == datetime.timedelta(days=-5),
               "alarm trigger " + str(alarms[0].decoded("TRIGGER")))
    expect("Trình duyệt định khung" in str(meeting["DESCRIPTION"]), "agenda item missing")

khung = events.get("step/ban-tin.khung/129-KH%2F%C4%90UK@tiendo")
expect(khung is not None, "no event for step ban-tin.khung")
if khung is not None:
    expect(khung.decoded("DTSTART") == datetime.date(2024, 4, 1), "khung DTSTART")
    expect(khung.decoded("DTEND") == datetime.date(2024, 4, 13), "khung DTEND")

# The same plan exported again (to standard output) keeps every UID.
again = subprocess.run([tiendo, "export", plan, "--format", "ics", "--steps", "-o", "-"],
                       check=True, capture_output=True).stdout
uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")}
expect(uids == set(events), "a second export has other UIDs")

for f in failures:
    print("FAIL:", f)
print(f"read_ics: {len(events)} events read, {len(failures)} failures")
sys.exit(1 if failures else 0)
