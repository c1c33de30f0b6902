#include <gtest/gtest.h>
#include <tiendo/calendar.hpp>

namespace tiendo {
namespace {

Date d(const char* iso) {
  return *parse_iso_date(iso);
}

// June 2024: Monday 3; holiday Wednesday 5; Saturday 8 worked (a swap).
WorkCalendar june() {
  CalendarSpec spec;
  spec.holidays = {d("2024-06-05")};
  spec.working_days = {d("2024-06-08")};
  spec.extra_days_off = {d("2024-06-14")};
  return WorkCalendar(spec, d("2024-05-01"), d("2024-07-31"));
}

TEST(Calendar, WorkingDays) {
  const auto cal = june();
  EXPECT_TRUE(cal.is_working(d("2024-06-03")));
  EXPECT_FALSE(cal.is_working(d("2024-06-05")));
  EXPECT_TRUE(cal.is_working(d("2024-06-08")));
  EXPECT_FALSE(cal.is_working(d("2024-06-09")));
  EXPECT_FALSE(cal.is_working(d("2024-06-14")));
  EXPECT_EQ(cal.reason_off(d("2024-06-05")), "holiday");
  EXPECT_EQ(cal.reason_off(d("2024-06-09")), "weekly day off");
  EXPECT_EQ(cal.reason_off(d("2024-06-14")), "day off");
  EXPECT_EQ(cal.reason_off(d("2024-06-08")), "");
}

TEST(Calendar, ForwardAcrossWeekendAndHoliday) {
  const auto cal = june();
  // Three working days from Monday 3: 3, 4, (5 off), 6.
  const int s = cal.start_boundary(d("2024-06-03"));
  EXPECT_EQ(cal.working_day(s + 2), d("2024-06-06"));
  // From Friday 7: 7, Sat 8 (worked), (9 off), 10.
  const int f = cal.start_boundary(d("2024-06-07"));
  EXPECT_EQ(cal.working_day(f + 2), d("2024-06-10"));
  EXPECT_EQ(cal.next_working(d("2024-06-05")), d("2024-06-06"));
  EXPECT_EQ(cal.next_working(d("2024-06-09")), d("2024-06-10"));
}

TEST(Calendar, BackwardAcrossWeekendAndHoliday) {
  const auto cal = june();
  EXPECT_EQ(cal.previous_working(d("2024-06-05")), d("2024-06-04"));
  EXPECT_EQ(cal.previous_working(d("2024-06-16")), d("2024-06-13"));
  // Four working days back from Monday 10: 8 (Sat, worked), 7, 6, 4.
  const int e = cal.start_boundary(d("2024-06-10"));
  EXPECT_EQ(cal.working_day(e - 4), d("2024-06-04"));
}

TEST(Calendar, Boundaries) {
  const auto cal = june();
  // A day off has its start and end boundary equal: no work fits in it.
  EXPECT_EQ(cal.start_boundary(d("2024-06-05")), cal.end_boundary(d("2024-06-05")));
  EXPECT_EQ(cal.end_boundary(d("2024-06-04")), cal.start_boundary(d("2024-06-04")) + 1);
  EXPECT_EQ(cal.working_days_between(d("2024-06-03"), d("2024-06-09")), 5);
  EXPECT_EQ(cal.working_days_between(d("2024-06-10"), d("2024-06-16")), 4);
  EXPECT_EQ(cal.working_days_between(d("2024-06-10"), d("2024-06-09")), 0);
}

TEST(Calendar, CustomWeeklyDaysOff) {
  CalendarSpec spec;
  spec.days_off = {date::Friday};
  const WorkCalendar cal(spec, d("2024-06-01"), d("2024-06-30"));
  EXPECT_TRUE(cal.is_working(d("2024-06-08")));
  EXPECT_FALSE(cal.is_working(d("2024-06-07")));
}

TEST(Calendar, VietnameseWeekdayHeads) {
  EXPECT_EQ(weekday_vn(date::Sunday), "CN");
  EXPECT_EQ(weekday_vn(date::Monday), "T2");
  EXPECT_EQ(weekday_vn(date::Saturday), "T7");
  EXPECT_EQ(weekday_vn(Weekday{*parse_iso_date("2024-11-02")}), "T7");  // the anniversary
}

TEST(Calendar, DatesFormattedOutsideFourDigitYears) {
  // Written by hand for four-digit years; any other year still comes out whole.
  EXPECT_EQ(format_iso(Date{date::year{12345} / 1 / 2}), "12345-01-02");
  EXPECT_EQ(format_vn(Date{date::year{12345} / 1 / 2}), "02/01/12345");
  EXPECT_EQ(format_iso(Date{date::year{987} / 3 / 4}), "0987-03-04");
}

TEST(Calendar, IsoDates) {
  EXPECT_FALSE(parse_iso_date("2024-02-30"));
  EXPECT_FALSE(parse_iso_date("2024-2-3"));
  EXPECT_FALSE(parse_iso_date("30/10/2024"));
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_EQ(format_iso(d("2024-11-02")), "2024-11-02");
  EXPECT_EQ(format_vn(d("2024-11-02")), "02/11/2024");
}

}  // namespace
}  // namespace tiendo
