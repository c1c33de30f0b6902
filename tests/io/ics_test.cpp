// The iCalendar export read back with libical: the events a planner needs,
// all-day dates with an exclusive end, the documents' due day as an alarm,
// stable UIDs, Vietnamese text intact through folded lines.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <tiendo/files.hpp>
#include <tiendo/io/ics.hpp>

#include <map>
#include <memory>
#include <set>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

struct FreeComponent {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, FreeComponent>;

Analysis sample(const char* name) {
  const auto file = read_file((testing::source_dir() / "samples" / name).string());
  EXPECT_TRUE(file.text) << file.error;
  return testing::analyze_ok(*file.text);
}

std::string ics_of(const Analysis& a, bool steps, Lang lang = Lang::vi) {
  io::IcsOptions options;
  options.steps = steps;
  options.lang = lang;
  options.stamp = 1'700'000'000;
  const auto result = io::export_ics(a, options);
  EXPECT_TRUE(result.ok()) << result.error;
  return result.bytes;
}

struct Event {
  std::string summary, description, category;
  std::string start, end;  ///< YYYYMMDD
  bool all_day = false;
  std::vector<int> alarm_seconds;  ///< each VALARM's trigger, relative
};

std::string ymd(const icaltimetype& t) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02d%02d", t.year, t.month, t.day);
  return text;
}

std::map<std::string, Event> read_back(const std::string& text) {
  const Component calendar(icalparser_parse_string(text.c_str()));
  EXPECT_TRUE(calendar);
  std::map<std::string, Event> events;
  if (!calendar) return events;
  for (auto* e = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       e != nullptr; e = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
    Event event;
    event.summary = icalcomponent_get_summary(e);
    if (const char* d = icalcomponent_get_description(e)) event.description = d;
    const auto start = icalcomponent_get_dtstart(e);
    const auto end = icalcomponent_get_dtend(e);
    event.start = ymd(start);
    event.end = ymd(end);
    event.all_day = start.is_date && end.is_date;
    if (auto* c = icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY)) {
      event.category = icalproperty_get_categories(c);
    }
    for (auto* alarm = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT);
         alarm != nullptr; alarm = icalcomponent_get_next_component(e, ICAL_VALARM_COMPONENT)) {
      const auto trigger =
          icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
      event.alarm_seconds.push_back(icaldurationtype_as_int(trigger.duration));
    }
    const std::string uid = icalcomponent_get_uid(e);
    EXPECT_FALSE(events.contains(uid)) << "duplicate UID " << uid;
    events[uid] = event;
  }
  return events;
}

TEST(IcsExport, Plan129ReadsBackWithLibical) {
  const auto a = sample("129-KH-DUK.yaml");
  const auto text = ics_of(a, false);
  ASSERT_EQ(text.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(text.find("PRODID:-//tiendo//"), std::string::npos);
  const auto events = read_back(text);

  // The ceremony: Saturday 2 November 2024, all day, ending (exclusive) the 3rd.
  const auto ceremony = events.at(io::ics_uid("129-KH/ĐUK", "event", "le-ky-niem"));
  EXPECT_EQ(ceremony.summary, "Lễ Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối");
  EXPECT_EQ(ceremony.start, "20241102");
  EXPECT_EQ(ceremony.end, "20241103");
  EXPECT_TRUE(ceremony.all_day);

  // The BTV meeting of Tuesday 28 May 2024: documents due 3 working days
  // before (Thursday 23 May: Mon 27, Fri 24, Thu 23), so the alarm fires 5
  // calendar days before the meeting's day begins.
  const auto may = events.at(io::ics_uid("129-KH/ĐUK", "meeting", "BTV/2024-05-28"));
  EXPECT_EQ(may.summary, "Họp Ban Thường vụ Đảng ủy Khối");
  EXPECT_EQ(may.start, "20240528");
  EXPECT_EQ(may.end, "20240529");
  ASSERT_EQ(may.alarm_seconds.size(), 1u);
  EXPECT_EQ(may.alarm_seconds[0], -5 * 86400);
  EXPECT_NE(may.description.find("Trình duyệt định khung"), std::string::npos) << may.description;
  EXPECT_NE(may.description.find("23/05/2024"), std::string::npos) << may.description;

  // Every deadline of the plan is there, on its day.
  int deadlines = 0;
  for (const auto& [uid, e] : events) {
    if (e.category != "DEADLINE") continue;
    ++deadlines;
    EXPECT_TRUE(e.all_day) << uid;
    EXPECT_EQ(e.summary.rfind("Hạn", 0), 0u) << e.summary;
  }
  int written = 0;
  // Each day a step (or task) is due once: a deadline said twice (129's
  // contest, in the table and in the body) is one event.
  const auto days = [](const std::vector<Constraint>& cs) {
    std::set<std::pair<bool, Date>> out;
    for (const auto& c : cs) {
      if (c.kind == ConstraintKind::due || c.kind == ConstraintKind::window ||
          c.kind == ConstraintKind::start_by) {
        out.insert({c.kind == ConstraintKind::start_by,
                    c.kind == ConstraintKind::window ? c.until : c.date});
      }
    }
    return static_cast<int>(out.size());
  };
  for (const auto& task : a.plan->tasks) {
    written += days(task.constraints);
    for (const auto& step : task.steps) written += days(step.constraints);
  }
  EXPECT_GT(written, 0);
  EXPECT_EQ(deadlines, written);
}

TEST(IcsExport, StepsSpanTheirDaysAndUidsAreStable) {
  const auto a = sample("129-KH-DUK.yaml");
  const auto first = read_back(ics_of(a, true));
  const auto again = read_back(ics_of(a, true, Lang::en));
  std::set<std::string> uids_first, uids_again;
  for (const auto& [uid, e] : first) uids_first.insert(uid);
  for (const auto& [uid, e] : again) uids_again.insert(uid);
  EXPECT_EQ(uids_first, uids_again);  // the language changes no UID

  // ban-tin.khung: 10 working days from Monday 1 April 2024 (a plain week,
  // then 8-12 April): 1-12 April, so DTEND is the 13th.
  const auto khung = first.at(io::ics_uid("129-KH/ĐUK", "step", "ban-tin.khung"));
  EXPECT_EQ(khung.start, "20240401");
  EXPECT_EQ(khung.end, "20240413");
  std::size_t steps = 0;
  for (const auto& [uid, e] : first) steps += e.category == "STEP";
  EXPECT_EQ(steps, a.graph->size());
}

TEST(IcsExport, LinesAreFoldedAndUtf8Intact) {
  const auto text = ics_of(sample("129-KH-DUK.yaml"), true);
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - at, 75u) << text.substr(at, end - at);
    at = end + 2;
  }
  // Unfolded, the longest Vietnamese title is whole.
  std::string unfolded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += text[i];
  }
  EXPECT_NE(unfolded.find("Lễ Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối"), std::string::npos);
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

// Issue 21, item 7: the calendar's name is TEXT (RFC 5545 3.3.11), its ',' and
// ';' escaped, folded like every line; a deadline said twice is one event.
TEST(IcsExport, CalendarNameIsEscapedTextAndADeadlineSaidTwiceIsOneEvent) {
  const auto a = testing::analyze_ok(
      "plan: {id: H, title: \"Kế hoạch a, b; c \\\\ d, một tên dài để gập dòng ở bảy mươi lăm "
      "octet\", start: 2024-06-03}\n"
      "calendar: {days_off: [sat, sun]}\n"
      "tasks:\n"
      "  - {id: a, name: A, duration: 2d, due: 2024-06-14, when: \"Trước ngày 15/6/2024\"}\n");
  const auto text = ics_of(a, false);
  EXPECT_NE(text.find("X-WR-CALNAME:Kế hoạch a\\, b\\; c \\\\ d\\,"), std::string::npos) << text;
  for (std::size_t at = 0, end; (end = text.find("\r\n", at)) != std::string::npos; at = end + 2) {
    EXPECT_LE(end - at, 75u) << text.substr(at, end - at);
  }
  const Component calendar(icalparser_parse_string(text.c_str()));
  ASSERT_TRUE(calendar);
  std::string name;
  for (auto* p = icalcomponent_get_first_property(calendar.get(), ICAL_X_PROPERTY); p != nullptr;
       p = icalcomponent_get_next_property(calendar.get(), ICAL_X_PROPERTY)) {
    if (std::string(icalproperty_get_x_name(p)) == "X-WR-CALNAME") name = icalproperty_get_x(p);
  }
  EXPECT_NE(name.find("Kế hoạch a"), std::string::npos) << name;
  const auto events = read_back(text);
  int deadlines = 0;
  for (const auto& [uid, e] : events) deadlines += e.category == "DEADLINE" ? 1 : 0;
  EXPECT_EQ(deadlines, 1) << text;
}

}  // namespace
}  // namespace tiendo
