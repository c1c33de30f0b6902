// The lunar calendar against published dates.
#include <gtest/gtest.h>
#include <tiendo/lunar.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::d;

// Tết Nguyên đán in Vietnam, 1990-2035: the published dates (they agree with
// the Chinese New Year except in 2007 and 2030, where Vietnam's is a day
// earlier because its calendar is computed for UTC+7).
TEST(Lunar, TetMatchesPublishedDates) {
  const std::vector<std::pair<int, const char*>> published{
      {1990, "1990-01-27"}, {1991, "1991-02-15"}, {1992, "1992-02-04"}, {1993, "1993-01-23"},
      {1994, "1994-02-10"}, {1995, "1995-01-31"}, {1996, "1996-02-19"}, {1997, "1997-02-07"},
      {1998, "1998-01-28"}, {1999, "1999-02-16"}, {2000, "2000-02-05"}, {2001, "2001-01-24"},
      {2002, "2002-02-12"}, {2003, "2003-02-01"}, {2004, "2004-01-22"}, {2005, "2005-02-09"},
      {2006, "2006-01-29"}, {2007, "2007-02-17"}, {2008, "2008-02-07"}, {2009, "2009-01-26"},
      {2010, "2010-02-14"}, {2011, "2011-02-03"}, {2012, "2012-01-23"}, {2013, "2013-02-10"},
      {2014, "2014-01-31"}, {2015, "2015-02-19"}, {2016, "2016-02-08"}, {2017, "2017-01-28"},
      {2018, "2018-02-16"}, {2019, "2019-02-05"}, {2020, "2020-01-25"}, {2021, "2021-02-12"},
      {2022, "2022-02-01"}, {2023, "2023-01-22"}, {2024, "2024-02-10"}, {2025, "2025-01-29"},
      {2026, "2026-02-17"}, {2027, "2027-02-06"}, {2028, "2028-01-26"}, {2029, "2029-02-13"},
      {2030, "2030-02-02"}, {2031, "2031-01-23"}, {2032, "2032-02-11"}, {2033, "2033-01-31"},
      {2034, "2034-02-19"}, {2035, "2035-02-08"}};
  for (const auto& [year, date] : published) EXPECT_EQ(format_iso(tet(year)), date) << year;
}

TEST(Lunar, WhereVietnamAndChinaDiffer) {
  // 1968: Tết on 29/1 in the North (30/1 in China); 1985: a month earlier
  // than China's 20/2, because the 1984 solstice fell on 21/12 in Hanoi.
  EXPECT_EQ(format_iso(tet(1968)), "1968-01-29");
  EXPECT_EQ(format_iso(tet(1985)), "1985-01-21");
  EXPECT_EQ(leap_month(1985), 2);
  EXPECT_EQ(format_iso(tet(2053)), "2053-02-18");
}

TEST(Lunar, HungKingsDay) {
  const std::vector<std::pair<int, const char*>> published{
      {2015, "2015-04-28"}, {2020, "2020-04-02"}, {2021, "2021-04-21"}, {2022, "2022-04-10"},
      {2023, "2023-04-29"}, {2024, "2024-04-18"}, {2025, "2025-04-07"}, {2026, "2026-04-26"},
      {2037, "2037-04-24"}, {2038, "2038-04-13"}};
  for (const auto& [year, date] : published) {
    EXPECT_EQ(format_iso(*from_lunar({10, 3, year, false})), date) << year;
  }
}

TEST(Lunar, LeapMonths) {
  EXPECT_EQ(leap_month(2017), 6);
  EXPECT_EQ(leap_month(2020), 4);
  EXPECT_EQ(leap_month(2023), 2);
  EXPECT_EQ(leap_month(2025), 6);
  EXPECT_EQ(leap_month(2028), 5);
  EXPECT_EQ(leap_month(2024), 0);
  // A leap month 6 in 2025: its first day, and no leap 5 that year.
  const auto leap6 = from_lunar({1, 6, 2025, true});
  ASSERT_TRUE(leap6);
  EXPECT_EQ(to_lunar(*leap6), (LunarDate{1, 6, 2025, true}));
  EXPECT_FALSE(from_lunar({1, 5, 2025, true}));
}

TEST(Lunar, NoticeDatesInBothCalendars) {
  // "thứ Bảy 14/2/2026 (tức 27 tháng Chạp, năm Ất Tỵ)"
  EXPECT_EQ(to_lunar(d("2026-02-14")), (LunarDate{27, 12, 2025, false}));
  EXPECT_EQ(year_name(2025), "Ất Tỵ");
  EXPECT_EQ(year_name(2024), "Giáp Thìn");
  EXPECT_EQ(year_name(2020), "Canh Tý");
  EXPECT_EQ(year_name(2026), "Bính Ngọ");
}

TEST(Lunar, RoundTripEveryDay2000To2040) {
  int months_of_30 = 0;
  for (Date day = d("2000-01-01"); day <= d("2040-12-31"); day += date::days{1}) {
    const auto l = to_lunar(day);
    ASSERT_GE(l.day, 1);
    ASSERT_LE(l.day, 30);
    const auto back = from_lunar(l);
    ASSERT_TRUE(back) << format_iso(day);
    ASSERT_EQ(*back, day) << format_iso(day);
    months_of_30 += l.day == 30;
  }
  EXPECT_GT(months_of_30, 200);
  EXPECT_FALSE(from_lunar({30, 1, 2024, false})) << "month 1 of Giáp Thìn has 29 days";
  EXPECT_FALSE(from_lunar({1, 13, 2024, false}));
}

TEST(Lunar, YearsByName) {
  EXPECT_EQ(year_from_name("Canh Tý", 2024), 2020);
  EXPECT_EQ(year_from_name("canh ty", 2024), 2020);
  EXPECT_EQ(year_from_name("GIÁP THÌN", 2030), 2024);
  EXPECT_EQ(year_from_name("Bính Ngọ", 2024), 2026);
  EXPECT_FALSE(year_from_name("Giáp Mèo", 2024));
}

}  // namespace
}  // namespace tiendo
