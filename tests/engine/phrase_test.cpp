// Every time phrase of the brief's table and of the four seeds, read into the
// constraint model; spelling variants read alike.
#include <gtest/gtest.h>
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>

#include "phrase_summary.hpp"
#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::d;

const std::vector<Event>& events() {
  static const std::vector<Event> list{
      {"le-ky-niem", "Lễ Kỷ niệm 70 năm", d("2024-11-02"), std::nullopt, {"Lễ Kỷ niệm"}, {}},
      {"dai-hoi", "Đại hội XIII của Đảng", d("2021-01-25"), d("2021-02-01"), {"Đại hội"}, {}},
      {"hoi-nghi", "Hội nghị sơ kết", d("2026-07-08"), std::nullopt, {}, {}}};
  return list;
}

const std::vector<Committee>& committees() {
  static const std::vector<Committee> list{
      {"BTV", "Ban Thường vụ Đảng ủy Khối", {"Ban Thường vụ"}, {}, 3, {}, {}}};
  return list;
}

PhraseReading read(const std::string& text, BeforeMeans before = BeforeMeans::day_before,
                   int year = 2024) {
  static const CalendarSpec vn = [] {
    CalendarSpec spec;
    spec.builtin = "vn";
    return spec;
  }();
  PhraseContext c;
  c.year = year;
  c.before = before;
  c.events = &events();
  c.committees = &committees();
  c.issued = d("2026-03-15");
  c.calendar = &vn;
  return read_phrase(text, c);
}

PhraseReading read_in(int year, const std::string& text) {
  return read(text, BeforeMeans::day_before, year);
}

using testing::summary;

TEST(Phrases, TheBriefsTable) {
  EXPECT_EQ(summary(read("Trước ngày 30/8/2024")), "due 2024-08-29");
  EXPECT_EQ(summary(read("Trước 25/10/2024")), "due 2024-10-24");
  EXPECT_EQ(summary(read("Trong tháng 6/2024")), "window 2024-06-01..2024-06-30");
  EXPECT_EQ(summary(read("Xuất bản kỳ tháng 10/2024")),
            "window 2024-10-01..2024-10-31 +warning");  // 'Xuất bản' is no time: said
  EXPECT_EQ(summary(read("Tại kỳ họp BTV tháng 5/2024")), "meeting BTV 2024-5");
  EXPECT_EQ(summary(read("Từ ngày 10/10 đến 13/10/2024")), "span 2024-10-10..2024-10-13");
  EXPECT_EQ(summary(read("Từ ngày 28/10 - 05/11/2024")), "span 2024-10-28..2024-11-05");
  EXPECT_EQ(summary(read("Từ tháng 4/2024 đến tháng 11/2024")), "window 2024-04-01..2024-11-30");
  EXPECT_EQ(summary(read("đến hết tháng 5/2022")), "due 2022-05-31");
  EXPECT_EQ(summary(read("đầu tháng 7/2024")), "window 2024-07-01..2024-07-10");
  EXPECT_EQ(summary(read("giữa tháng 7/2024")), "window 2024-07-11..2024-07-20");
  EXPECT_EQ(summary(read("cuối tháng 7/2024")), "window 2024-07-21..2024-07-31");
  EXPECT_EQ(summary(read("quý I/2021")), "window 2021-01-01..2021-03-31");
  EXPECT_EQ(summary(read("6 tháng đầu năm 2024")), "window 2024-01-01..2024-06-30");
  EXPECT_EQ(summary(read("Trong năm 2024")), "window 2024-01-01..2024-12-31");
  EXPECT_EQ(summary(read("cuối năm 2019")), "window 2019-10-01..2019-12-31");
  EXPECT_EQ(summary(read("Tại Lễ Kỷ niệm")), "start_on 2024-11-02");
  EXPECT_EQ(summary(read("Trước khai mạc Đại hội")), "due 2021-01-24");
  EXPECT_EQ(summary(read("Sau Đại hội")), "not_before 2021-02-02");
  EXPECT_EQ(summary(read("Trong thời gian tiến hành Đại hội")), "window 2021-01-25..2021-02-01");
  EXPECT_EQ(summary(read("Thường xuyên")), "ongoing");
  EXPECT_EQ(summary(read("Theo kế hoạch")), "ongoing");
  EXPECT_EQ(summary(read("Theo lịch trình")), "ongoing");
}

TEST(Phrases, TheSeeds) {
  EXPECT_EQ(summary(read("Triển khai từ tháng 01/2022 đến hết tháng 5/2022")),
            "window 2022-01-01..2022-05-31");
  EXPECT_EQ(summary(read("vào đầu tháng 7/2024")), "window 2024-07-01..2024-07-10");
  EXPECT_EQ(summary(read("Xuất bản kỳ tháng 10/2024 (số 219)")),
            "window 2024-10-01..2024-10-31 +warning");
  EXPECT_EQ(summary(read("Tháng 9/2024")), "window 2024-09-01..2024-09-30");
  EXPECT_EQ(summary(read("Theo kịch bản và lịch trình các hoạt động, sự kiện.")), "ongoing");
  EXPECT_EQ(summary(read("Triển khai thực hiện trong tháng 9 năm 2024")),
            "window 2024-09-01..2024-09-30");
  EXPECT_EQ(summary(read("Trước ngày 10/06/2024")), "due 2024-06-09");
  EXPECT_EQ(summary(read("Từ tháng 01/2022 đến tháng 12/2023")), "window 2022-01-01..2023-12-31");
  EXPECT_EQ(summary(read("Từ ngày 15/3 đến 15/4/2022")), "span 2022-03-15..2022-04-15");
}

TEST(Phrases, SpellingVariantsReadAlike) {
  const auto want = "due 2024-08-29";
  EXPECT_EQ(summary(read("truoc ngay 30/8/2024")), want);
  EXPECT_EQ(summary(read("TRƯỚC NGÀY 30-8-2024")), want);
  EXPECT_EQ(summary(read("Trước   30.08.2024")), want);
  // NFD: every diacritic a combining mark after its letter.
  EXPECT_EQ(summary(read("Tru\xCC\x9B"
                         "o\xCC\x9B\xCC\x81"
                         "c nga\xCC\x80"
                         "y 30/8/2024")),
            want);
  EXPECT_EQ(summary(read("tai ky hop btv thang 5/2024")), "meeting BTV 2024-5");
  EXPECT_EQ(summary(read("Trước ngày 30/8/2024", BeforeMeans::same_day)), "due 2024-08-30");
}

TEST(Phrases, English) {
  EXPECT_EQ(summary(read("before 2024-08-30")), "due 2024-08-29");
  EXPECT_EQ(summary(read("by 30 August 2024")), "due 2024-08-30");
  EXPECT_EQ(summary(read("in June 2024")), "window 2024-06-01..2024-06-30");
  EXPECT_EQ(summary(read("from 2024-10-10 to 2024-10-13")), "span 2024-10-10..2024-10-13");
  EXPECT_EQ(summary(read("late July 2024")), "window 2024-07-21..2024-07-31");
  EXPECT_EQ(summary(read("Q1 2021")), "window 2021-01-01..2021-03-31");
  EXPECT_EQ(summary(read("first half of 2024")), "window 2024-01-01..2024-06-30");
  EXPECT_EQ(summary(read("at the BTV meeting of May 2024")), "meeting BTV 2024-5");
  EXPECT_EQ(summary(read("after Đại hội")), "not_before 2021-02-02");
  EXPECT_EQ(summary(read("ongoing")), "ongoing");
}

TEST(Phrases, LunarDates) {
  EXPECT_EQ(summary(read("mùng 1 Tết 2025")), "start_on 2025-01-29");
  EXPECT_EQ(summary(read("ngày 10/3 âm lịch năm 2025")), "start_on 2025-04-07");
  EXPECT_EQ(summary(read("Rằm tháng Giêng 2026")), "start_on 2026-03-03");
  EXPECT_EQ(summary(read("Tết Nguyên đán Giáp Thìn")), "start_on 2024-02-10");
  EXPECT_EQ(summary(read("mồng 5 tháng Giêng năm Canh Tý")), "start_on 2020-01-29");
  EXPECT_EQ(summary(read("Trước mùng 1 Tết 2025")), "due 2025-01-28");
  EXPECT_EQ(read_day("mung 1 tet 2026", 2024), d("2026-02-17"));
}

// Every example of the issue that asked for the grammar (tiendo#10), read as
// it says; the plan's year is 2026 unless the phrase gives one.
TEST(Phrases, SolarDatesWrittenOutAreSolar) {
  EXPECT_EQ(summary(read_in(2025, "Trước ngày 12 tháng 9 năm 2025")), "due 2025-09-11");
  EXPECT_EQ(summary(read_in(2026, "Chậm nhất ngày 06 (sáu) tháng 06 (sáu) năm 2026")),
            "due 2026-06-06");
  EXPECT_EQ(summary(read_in(2026, "ngày 10 tháng 3 âm lịch năm 2025")), "start_on 2025-04-07");
}

TEST(Phrases, BeforeAPeriodIsBeforeItStarts) {
  EXPECT_EQ(summary(read_in(2026, "trước tháng 7/2026")), "due 2026-06-30");
  EXPECT_EQ(summary(read_in(2026, "trước năm 2027")), "due 2026-12-31");
  EXPECT_EQ(summary(read_in(2026, "trước quý III/2026")), "due 2026-06-30");
  EXPECT_EQ(summary(read_in(2026, "before 25 Oct 2026")), "due 2026-10-24");
  EXPECT_EQ(summary(read_in(2026, "đến cuối quý I")), "due 2026-03-31");
  EXPECT_EQ(summary(read_in(2026, "by end of Q1 2026")), "due 2026-03-31");
}

TEST(Phrases, RangesKeepBothEnds) {
  EXPECT_EQ(summary(read_in(2026, "từ ngày 14 - 16/5/2026")), "span 2026-05-14..2026-05-16");
  EXPECT_EQ(summary(read_in(2026, "từ ngày 3 đến 6/11")), "span 2026-11-03..2026-11-06");
  EXPECT_EQ(summary(read_in(2026, "từ tháng 2-4/2026")), "window 2026-02-01..2026-04-30");
  EXPECT_EQ(summary(read_in(2026, "tháng 6, 7/2026")), "window 2026-06-01..2026-07-31");
  EXPECT_EQ(summary(read_in(2026, "tháng 8 và tháng 9/2026")), "window 2026-08-01..2026-09-30");
  // 28 Chạp Ất Tỵ is 15/02/2026, mùng 4 Bính Ngọ 20/02/2026.
  EXPECT_EQ(summary(read_in(2026, "từ 28 tháng Chạp đến mùng 4 tháng Giêng")),
            "span 2026-02-15..2026-02-20");
  EXPECT_EQ(summary(read_in(2026, "giai đoạn 2026 - 2030")), "window 2026-01-01..2030-12-31");
  EXPECT_EQ(summary(read_in(2026, "Từ nay đến ngày 2/9/2026")), "window 2026-03-15..2026-09-02");
}

TEST(Phrases, PartsOfPeriods) {
  EXPECT_EQ(summary(read_in(2026, "9 tháng đầu năm")), "window 2026-01-01..2026-09-30");
  EXPECT_EQ(summary(read_in(2026, "chín tháng đầu năm")), "window 2026-01-01..2026-09-30");
  EXPECT_EQ(summary(read_in(2026, "2 tháng đầu năm")), "window 2026-01-01..2026-02-28");
  EXPECT_EQ(summary(read_in(2026, "in the first 9 months of 2026")),
            "window 2026-01-01..2026-09-30");
  EXPECT_EQ(summary(read_in(2026, "đầu quý I")), "window 2026-01-01..2026-01-31");
  EXPECT_EQ(summary(read_in(2026, "cuối quý II")), "window 2026-06-01..2026-06-30");
  EXPECT_EQ(summary(read_in(2026, "trong quý 4")), "window 2026-10-01..2026-12-31");
  EXPECT_EQ(summary(read_in(2026, "thượng tuần tháng 8")), "window 2026-08-01..2026-08-10");
  EXPECT_EQ(summary(read_in(2026, "trung tuần tháng 8")), "window 2026-08-11..2026-08-20");
  EXPECT_EQ(summary(read_in(2026, "hạ tuần tháng 8")), "window 2026-08-21..2026-08-31");
  // 1/8/2026 is a Saturday: the first week with a weekday of August is 3-9.
  EXPECT_EQ(summary(read_in(2026, "tuần thứ 2 của tháng 8")), "window 2026-08-10..2026-08-16");
  // Tết Bính Ngọ's days off run 14-22/02/2026; the first working week after is 23-27.
  EXPECT_EQ(summary(read_in(2026, "tuần làm việc đầu tiên sau Tết")),
            "window 2026-02-23..2026-02-27");
}

TEST(Phrases, OffsetsFromEvents) {
  EXPECT_EQ(summary(read("Trước Lễ Kỷ niệm 03 ngày")), "due 2024-10-30");
  EXPECT_EQ(summary(read("Sau Hội nghị 1 tuần")), "not_before 2026-07-15");
  // The 5th working day before Monday 25/01/2021: 18, 19, 20, 21, 22 January.
  EXPECT_EQ(summary(read("chậm nhất 5 ngày làm việc trước Đại hội")), "due 2021-01-18");
  EXPECT_EQ(summary(read("trước, trong và sau Lễ Kỷ niệm")),
            "start_by 2024-11-02 finish_not_before 2024-11-02");
  EXPECT_EQ(summary(read("two weeks after the ceremony")),
            "error: cannot read 'two weeks after "
            "the ceremony' as a time: 'two' is not understood");
}

TEST(Phrases, VerbsSayWhichEndADateHolds) {
  EXPECT_EQ(summary(read_in(2026, "hoàn thành trong tháng 2/2026")),
            "finish_not_before 2026-02-01 due 2026-02-28");
  EXPECT_EQ(summary(read_in(2026, "bắt đầu từ tháng 4/2026")), "not_before 2026-04-01");
  EXPECT_EQ(summary(read_in(2025, "đồng loạt khởi công trước ngày 20/6/2025")),
            "start_by 2025-06-19 +warning");
}

TEST(Phrases, HoursAndRelativeYears) {
  const auto hour = read_in(2026, "Trước 17h00 ngày 25/8/2026");
  EXPECT_EQ(summary(hour), "due 2026-08-25");
  ASSERT_EQ(hour.warnings.size(), 1u);
  EXPECT_EQ(hour.warnings[0].code, "phrase-hour-dropped");
  EXPECT_EQ(summary(read_in(2026, "trước ngày 10/01 của năm liền kề")), "due 2027-01-09");
}

TEST(Phrases, MeetingsByIdNameOrAliasAndOnADay) {
  EXPECT_EQ(summary(read_in(2026, "tại phiên họp ngày 3/10")), "meeting BTV 2026-10-03");
  EXPECT_EQ(summary(read_in(2026, "Tại kỳ họp Ban Thường vụ tháng 5/2026")), "meeting BTV 2026-5");
  EXPECT_EQ(summary(read_in(2026, "Tại kỳ họp Ban Thường vụ Đảng ủy Khối tháng 5/2026")),
            "meeting BTV 2026-5");
  EXPECT_EQ(summary(read_in(2026, "Tại kỳ họp Thường trực tháng 5/2026")),
            "error: no committee named 'thuong truc'");
}

TEST(Phrases, NothingIsDroppedInSilence) {
  const auto partly = read("Phát trên sóng TH, trong tháng 10/2024");
  EXPECT_EQ(summary(partly), "window 2024-10-01..2024-10-31 +warning");
  ASSERT_EQ(partly.warnings.size(), 1u);
  EXPECT_EQ(partly.warnings[0].code, "phrase-partly-read");
  EXPECT_NE(partly.warnings[0].message_en.find("'Phát trên sóng TH'"), std::string::npos);
  // Two readings that cannot both hold: refused, both named.
  const auto both = read("Trong tháng 9/2024, tổng kết Cuộc thi và trao giải tại Lễ Kỷ niệm.");
  EXPECT_FALSE(both.ok());
  EXPECT_NE(both.error.find("'Trong tháng 9/2024'"), std::string::npos) << both.error;
  EXPECT_NE(both.error.find("'tại Lễ Kỷ niệm'"), std::string::npos) << both.error;
  EXPECT_FALSE(read("Đợt 1 trước ngày 31/12; đợt 2 trước ngày 5/02").ok());
  EXPECT_FALSE(read("tháng 3 và tháng 9/2026").ok());  // two separate periods
  // Each constraint keeps the words it came from.
  const auto words = read("bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025");
  ASSERT_EQ(words.constraints.size(), 2u);
  const std::string text = "bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025";
  const auto of = [&](const Constraint& c) {
    return text.substr(c.words_begin, c.words_end - c.words_begin);
  };
  EXPECT_EQ(of(words.constraints[0]), "bắt đầu từ tháng 4/2025");
  EXPECT_EQ(of(words.constraints[1]), "hoàn thành trước ngày 30/6/2025");
}

/// The notes a reading carries ('phrase-assumption'), in English.
std::vector<std::string> assumptions(const PhraseReading& r) {
  std::vector<std::string> out;
  for (const auto& w : r.warnings) {
    if (w.code == "phrase-assumption") out.push_back(w.message_en);
  }
  return out;
}

TEST(Phrases, MungWithNumbersIsASolarDaySaidSo) {
  // Quốc khánh is "mùng 2/9" as often as a lunar day is: solar, with a note.
  const auto r = read_in(2026, "Trước mùng 2/9/2026");
  EXPECT_EQ(summary(r), "due 2026-09-01");
  EXPECT_EQ(assumptions(r), std::vector<std::string>{"'mùng 2/9' is read as a solar day; write "
                                                     "'âm lịch' after it for a lunar one"});
  // Said lunar, it is lunar (10/3 Bính Ngọ = 26/4/2026), with no note.
  const auto lunar = read_in(2026, "mùng 10/3 âm lịch năm 2026");
  EXPECT_EQ(summary(lunar), "start_on 2026-04-26");
  EXPECT_TRUE(assumptions(lunar).empty());
}

TEST(Phrases, ARangeEndingBeforeItStartsIsAnErrorNotAYearLong) {
  EXPECT_EQ(summary(read_in(2026, "Từ ngày 13/10 đến 10/10/2024")),
            "error: the range ends (10/10/2024) before it starts (13/10/2024)");
  // Across New Year it is the year before, said so.
  const auto r = read_in(2026, "28/12 - 05/01/2025");
  EXPECT_EQ(summary(r), "span 2024-12-28..2025-01-05");
  EXPECT_EQ(assumptions(r), std::vector<std::string>{
                                "the range's first day is taken in 2024, the year before its end"});
}

TEST(Phrases, AYearlessDayWellBeforeThePlanStartsIsInTheNextYear) {
  PhraseContext c;
  c.year = 2026;
  c.start = d("2026-10-01");
  const auto january = read_phrase("Trước ngày 15/1", c);
  EXPECT_EQ(summary(january), "due 2027-01-14");
  EXPECT_EQ(assumptions(january),
            std::vector<std::string>{"the day has no year and would fall well before the plan "
                                     "starts: taken in 2027"});
  // A day in the plan's own year, or a year written, stays.
  EXPECT_EQ(summary(read_phrase("Trước ngày 15/10", c)), "due 2026-10-14");
  EXPECT_EQ(summary(read_phrase("Trước ngày 15/1/2026", c)), "due 2026-01-14");
  EXPECT_TRUE(assumptions(read_phrase("Trước ngày 15/10", c)).empty());
}

TEST(Phrases, TheClosingOfAnEventIsItsLastDay) {
  // "bế" folds to "be", which English phrases use as a filler word.
  EXPECT_EQ(summary(read("bế mạc Đại hội")), "start_on 2021-02-01");
  EXPECT_EQ(summary(read("Sau bế mạc Đại hội")), "not_before 2021-02-02");
}

TEST(Phrases, TetDuongLichIsNewYearsDay) {
  EXPECT_EQ(summary(read_in(2026, "Trước Tết Dương lịch 2027")), "due 2026-12-31");
  PhraseContext c;
  c.year = 2026;
  c.start = d("2026-10-01");
  EXPECT_EQ(summary(read_phrase("Tết Dương lịch", c)), "start_on 2027-01-01");
}

TEST(Phrases, YearsOutsideTheCalendarAreErrorsNotFarFuturePlans) {
  // A typo for 2024: read as written, the plan would start ten centuries away.
  EXPECT_EQ(summary(read_in(2026, "Tháng 10/3024")),
            "error: 'Tháng 10/3024' falls outside the years 1900-2199 tiendo schedules: is the "
            "year mistyped?");
  EXPECT_EQ(summary(read_in(2026, "Trước ngày 5/3/1024")),
            "error: 'Trước ngày 5/3/1024' falls outside the years 1900-2199 tiendo schedules: "
            "is the year mistyped?");
  EXPECT_FALSE(read_day("1/10/3024", 2026).has_value());
  EXPECT_TRUE(read_day("1/10/2024", 2026).has_value());
}

TEST(Phrases, ImpossibleDatesAreErrorsWithTheirReason) {
  EXPECT_EQ(summary(read_in(2026, "Trước ngày 31/02/2026")),
            "error: 31/2 is not a day: month 2 has at most 29 days");
  EXPECT_EQ(summary(read_in(2026, "Trước ngày 29/02/2026")),
            "error: 29/2/2026 is not a day: month 2 of 2026 has 28 days");
  // The number at fault is named, not the word before it (issue 22).
  const auto day35 = read_in(2026, "Trước 35/10/2024");
  EXPECT_EQ(summary(day35), "error: 35/10 is not a day: month 10 has at most 31 days");
  EXPECT_EQ(day35.error_vi, "35/10 không phải là ngày có thật: tháng 10 có nhiều nhất 31 ngày");
  EXPECT_EQ(day35.error_begin, std::string("Trước ").size());
  EXPECT_EQ(summary(read_in(2026, "Trước ngày 30/13/2024")),
            "error: 30/13 is not a day: a year has 12 months");
  EXPECT_EQ(read_in(2026, "Trước ngày 30/13/2024").error_vi,
            "30/13 không phải là ngày có thật: một năm chỉ có 12 tháng");
  // Chạp of Ất Tỵ (the lunar year 2025) has 29 days.
  EXPECT_EQ(summary(read_in(2026, "mùng 30 tháng Chạp năm Ất Tỵ")),
            "error: there is no lunar day 30 of month 12 in Ất Tỵ (2025): that month has 29 days");
  EXPECT_EQ(summary(read("thứ Sáu ngày 23/1/2020")),
            "error: 23/01/2020 is a thứ Năm, not a thứ Sáu: which is meant?");
  const auto not_utf8 = read(
      "Tr\xff"
      "c 30/8/2024");
  EXPECT_EQ(not_utf8.error, "the phrase is not valid UTF-8 at byte 3");
  EXPECT_FALSE(read(std::string(40'000, 'x')).ok());
}

TEST(Phrases, AWordNotUnderstoodIsNamedWithTheNearestForm) {
  const auto r = read("Trong thnag 6/2024");
  ASSERT_FALSE(r.ok()) << summary(r);
  EXPECT_EQ(r.suggestion, "did you mean 'thang'?");
  EXPECT_EQ(r.understood, "Trong");
}

TEST(Phrases, UnreadableIsAnErrorOrALenientWarning) {
  const auto unreadable = read("khi nào xong thì thôi");
  EXPECT_EQ(summary(unreadable),
            "error: cannot read 'khi nào xong thì thôi' as a time: 'khi' is not understood");
  EXPECT_EQ(unreadable.error_begin, 0u);
  const std::string plan =
      "plan: {id: T, start: 2024-06-03}\n"
      "tasks:\n  - {id: a, name: A, duration: 1d, when: \"khi nào xong\"}\n";
  const auto strict = parse_plan(plan);
  ASSERT_EQ(strict.diagnostics.size(), 1u);
  EXPECT_EQ(strict.diagnostics[0].code, "unread-phrase");
  EXPECT_EQ(strict.diagnostics[0].where.line, 3);
  EXPECT_EQ(strict.diagnostics[0].where.column, 43);  // at 'khi', inside the quotes
  EXPECT_NE(strict.diagnostics[0].suggestion.find("Trước ngày 30/8/2024"), std::string::npos);
  EXPECT_FALSE(strict.plan);
  ParseOptions lenient_options;
  lenient_options.lenient = true;
  const auto lenient = parse_plan(plan, lenient_options);
  ASSERT_TRUE(lenient.plan);
  ASSERT_EQ(lenient.diagnostics.size(), 1u);
  EXPECT_EQ(lenient.diagnostics[0].severity, Severity::warning);
  EXPECT_TRUE(lenient.plan->tasks[0].steps[0].constraints.empty());
}

TEST(Phrases, InAPlanTheyBecomeTheSameModelAsIsoKeys) {
  const std::string head =
      "plan: {id: T, start: 2024-06-03}\n"
      "events: [{id: ev, name: \"Lễ Kỷ niệm\", date: 2024-11-02}]\n"
      "committees: {BTV: {meetings: [2024-07-30]}}\n"
      "tasks:\n";
  const auto phrased = testing::analyze_ok(
      head +
      "  - id: t\n    name: T\n    steps:\n"
      "      - {id: a, name: A, duration: 3d, when: \"Trước ngày 30/8/2024\"}\n"
      "      - {id: b, name: B, when: \"Tại kỳ họp BTV tháng 7/2024\"}\n"
      "      - {id: c, name: C, kind: event, when: \"Từ ngày 10/10 đến 13/10/2024\"}\n");
  const auto iso = testing::analyze_ok(
      head +
      "  - id: t\n    name: T\n    steps:\n"
      "      - {id: a, name: A, duration: 3d, due: 2024-08-29}\n"
      "      - {id: b, name: B, at: {committee: BTV, month: 2024-07}}\n"
      "      - {id: c, name: C, kind: event, duration: 4cd, start_on: 2024-10-10}\n");
  for (const auto* id : {"t.a", "t.b", "t.c"}) {
    EXPECT_EQ(testing::step(phrased, id).start, testing::step(iso, id).start) << id;
    EXPECT_EQ(testing::step(phrased, id).finish, testing::step(iso, id).finish) << id;
  }
  EXPECT_EQ(format_iso(testing::step(phrased, "t.c").finish), "2024-10-13");
  // Date keys take the Vietnamese ways of writing a day too.
  const auto dates = testing::analyze_ok(
      head +
      "  - {id: x, name: X, duration: 1d, not_before: \"15/7/2024\", due: \"mùng 1 Tết 2025\"}\n");
  EXPECT_EQ(format_iso(testing::step(dates, "x").start), "2024-07-15");
}

}  // namespace
}  // namespace tiendo
