// Vietnam's holidays: the rule, compensatory days, and the announced years.
#include <gtest/gtest.h>
#include <tiendo/parse.hpp>
#include <tiendo/vn_calendar.hpp>

#include <set>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::d;

std::set<std::string> days_off(int year) {
  std::set<std::string> out;
  for (const auto& day : vietnam_year(year).days_off) out.insert(format_iso(day.date));
  return out;
}

WorkCalendar vn(int year) {
  CalendarSpec spec;
  spec.builtin = "vn";
  return WorkCalendar(spec, Date{date::year{year} / 1 / 1}, Date{date::year{year} / 12 / 31});
}

TEST(VietnamCalendar, AnnouncedYear2024) {
  const auto cal = vn(2024);
  // Tết Thursday 8/2 to Wednesday 14/2.
  for (const char* day : {"2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"}) {
    EXPECT_FALSE(cal.is_working(d(day))) << day;
  }
  EXPECT_TRUE(cal.is_working(d("2024-02-07")));
  EXPECT_TRUE(cal.is_working(d("2024-02-15")));
  // 27/4 - 1/5 with Monday 29/4 swapped for Saturday 4/5.
  EXPECT_FALSE(cal.is_working(d("2024-04-29")));
  EXPECT_EQ(cal.reason_off(d("2024-04-29")), "announced day off");
  EXPECT_EQ(cal.reason_off(d("2024-04-30")), "holiday");
  EXPECT_TRUE(cal.is_working(d("2024-05-04")));
  // Giỗ Tổ by the lunar rule; 2/9 and 3/9.
  EXPECT_FALSE(cal.is_working(d("2024-04-18")));
  EXPECT_EQ(cal.holiday_name(d("2024-04-18")), "Giỗ Tổ Hùng Vương");
  EXPECT_FALSE(cal.is_working(d("2024-09-02")));
  EXPECT_FALSE(cal.is_working(d("2024-09-03")));
  EXPECT_TRUE(cal.is_working(d("2024-09-04")));
  const auto year = vietnam_year(2024);
  EXPECT_EQ(year.by_rule, (std::vector<std::string>{"tet-duong-lich", "gio-to"}));
}

TEST(VietnamCalendar, AnnouncedPeriodsMatchTheNotices) {
  // Tết 2026: Saturday 14/2 to Sunday 22/2, every weekday inside off.
  const auto cal = vn(2026);
  for (Date day = d("2026-02-14"); day <= d("2026-02-22"); day += date::days{1}) {
    EXPECT_FALSE(cal.is_working(day)) << format_iso(day);
  }
  EXPECT_TRUE(cal.is_working(d("2026-02-23")));
  EXPECT_TRUE(cal.is_working(d("2026-01-10"))) << "Saturday worked for Friday 2/1";
  EXPECT_FALSE(cal.is_working(d("2026-01-02")));
  EXPECT_TRUE(cal.is_working(d("2026-08-22")));
  EXPECT_FALSE(cal.is_working(d("2026-08-31")));
  // 2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday: off to Wednesday 3/5.
  const auto y2023 = days_off(2023);
  EXPECT_TRUE(y2023.count("2023-05-02"));
  EXPECT_TRUE(y2023.count("2023-05-03"));
  EXPECT_FALSE(y2023.count("2023-05-04"));
}

TEST(VietnamCalendar, RuleWithCompensatoryDays) {
  // 2027 has no announcement: Tết (mùng 1 Saturday 6/2) is Thursday 4/2 to
  // Monday 8/2 by the rule, and its Saturday and Sunday are given back on
  // Tuesday 9/2 and Wednesday 10/2; 1/5 on a Saturday gives Monday 3/5.
  const auto year = vietnam_year(2027);
  EXPECT_TRUE(year.announced.empty());
  const auto off = days_off(2027);
  for (const char* day : {"2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
                          "2027-05-03", "2027-04-16", "2027-09-02", "2027-09-03"}) {
    EXPECT_TRUE(off.count(day)) << day;
  }
  EXPECT_FALSE(off.count("2027-02-11"));
  const auto cal = vn(2027);
  EXPECT_EQ(cal.reason_off(d("2027-02-09")), "compensatory day off");
  EXPECT_EQ(cal.reason_off(d("2027-02-06")), "holiday");
}

TEST(VietnamCalendar, NationalDayTakesTheDayThatJoinsTheWeekend) {
  // As every year announced since the 2019 Code chose: 2021 Thu -> 3/9,
  // 2022 Fri -> 1/9, 2024 Mon -> 3/9, 2025 Tue -> 1/9.
  EXPECT_TRUE(days_off(2028).count("2028-09-01")) << "Saturday 2/9: Friday 1/9";
  EXPECT_TRUE(days_off(2028).count("2028-09-04")) << "and Monday in lieu of the Saturday";
  EXPECT_TRUE(days_off(2030).count("2030-09-03")) << "Monday 2/9: Tuesday 3/9";
  EXPECT_TRUE(days_off(2032).count("2032-09-03")) << "Thursday 2/9: Friday 3/9";
  EXPECT_FALSE(days_off(2019).count("2019-09-03")) << "2012 Code: 2/9 only";
}

TEST(VietnamCalendar, PlansComposeTheirOwnDays) {
  const auto a = testing::analyze_ok(
      "plan: {id: T, start: 2024-02-05}\n"
      "calendar: {days_off: [sat, sun], holidays: [vn, 2024-02-16], working_days: [2024-02-17]}\n"
      "tasks:\n  - {id: a, name: A, duration: 4d}\n");
  // Mon 5, Tue 6, Wed 7, then Tết to 14/2, 15/2; 16/2 is the plan's own day off.
  EXPECT_EQ(format_iso(testing::step(a, "a").finish), "2024-02-15");
  const auto b = testing::analyze_ok(
      "plan: {id: T, start: 2024-02-05}\n"
      "calendar: {days_off: [sat, sun], holidays: [vn, 2024-02-16], working_days: [2024-02-17]}\n"
      "tasks:\n  - {id: a, name: A, duration: 5d}\n");
  EXPECT_EQ(format_iso(testing::step(b, "a").finish), "2024-02-17");
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

std::vector<std::string> meetings_of(const std::string& committee_yaml) {
  const auto a = testing::analyze_ok(
      "plan: {id: T, start: 2024-01-02}\n"
      "calendar: {days_off: [sat, sun], holidays: vn}\n"
      "committees: {BTV: " +
      committee_yaml +
      "}\n"
      "tasks:\n  - {id: a, name: A, duration: 1d}\n");
  std::vector<std::string> out;
  for (const Date m : a.plan->committees[0].meetings) out.push_back(format_iso(m));
  return out;
}

TEST(MeetingRules, MonthlyLastThursday) {
  const auto m = meetings_of("{rule: {every: month, weekday: thu, nth: last}, until: 2024-05-31}");
  EXPECT_EQ(m, (std::vector<std::string>{"2024-01-25", "2024-02-29", "2024-03-28", "2024-04-25",
                                         "2024-05-30"}));
}

TEST(MeetingRules, WeekdayReadAsInDaysOff) {
  // A full name in any case, as `days_off` takes it...
  EXPECT_EQ(meetings_of("{rule: {every: month, weekday: Thursday, nth: last}, until: 2024-02-29}"),
            (std::vector<std::string>{"2024-01-25", "2024-02-29"}));
  // ...and not a word that merely starts like a day, which it used to take.
  const auto a = analyze(testing::plan_header() +
                         "committees:\n  BTV: {rule: {every: month, weekday: thurs, nth: last}, "
                         "until: 2024-02-29}\ntasks:\n  - {id: a, name: A, duration: 1d}\n");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.diagnostics[0].code, "invalid-weekday");
  EXPECT_EQ(a.diagnostics[0].suggestion, "did you mean 'thursday'?");
}

TEST(MeetingRules, MonthlyOnThe25thMovedToTheNextWorkingDay) {
  // 25/2/2024 is a Sunday, 25/5 a Saturday; 25/1 is a Thursday.
  const auto m = meetings_of("{rule: {every: month, day: 25, if_off: next}, until: 2024-05-31}");
  EXPECT_EQ(m, (std::vector<std::string>{"2024-01-25", "2024-02-26", "2024-03-25", "2024-04-25",
                                         "2024-05-27"}));
}

TEST(MeetingRules, QuarterlyWithExceptions) {
  const auto m = meetings_of(
      "{rule: {every: quarter, weekday: tue, nth: last}, until: 2024-12-31, "
      "moved: {2024-06-25: 2024-07-02}, cancelled: [2024-09-24], meetings: [2024-11-05]}");
  EXPECT_EQ(m, (std::vector<std::string>{"2024-03-26", "2024-07-02", "2024-11-05", "2024-12-31"}));
}

TEST(MeetingRules, ANoticeThatCannotBeFound) {
  const auto r = parse_plan(
      "plan: {id: T, start: 2024-01-02}\n"
      "committees: {BTV: {rule: {every: month, day: 25}, cancelled: [2024-03-26]}}\n"
      "tasks: []\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "unknown-meeting");
}

}  // namespace
}  // namespace tiendo
