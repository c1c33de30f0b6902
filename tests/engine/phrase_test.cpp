// Every time phrase of the brief's table and of the four seeds, read into the
// constraint model; spelling variants read alike.
#include <gtest/gtest.h>
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::d;

const std::vector<Event>& events() {
  static const std::vector<Event> list{
      {"le-ky-niem", "Lễ Kỷ niệm 70 năm", d("2024-11-02"), std::nullopt, {"Lễ Kỷ niệm"}, {}},
      {"dai-hoi", "Đại hội XIII của Đảng", d("2021-01-25"), d("2021-02-01"), {"Đại hội"}, {}}};
  return list;
}

PhraseReading read(const std::string& text, BeforeMeans before = BeforeMeans::day_before) {
  static const std::vector<Committee> committees{{"BTV", "", {}, 3, {}}};
  PhraseContext c{2024, before, &events(), &committees};
  return read_phrase(text, c);
}

/// "kind from..until" of every constraint, and the meeting.
std::string summary(const PhraseReading& r) {
  if (!r.ok()) return "error: " + r.error;
  std::string out;
  for (const auto& c : r.constraints) {
    if (!out.empty()) out += ' ';
    out += std::string(to_string(c.kind)) + " " + format_iso(c.date);
    if (c.kind == ConstraintKind::window) out += ".." + format_iso(c.until);
  }
  if (r.meeting) {
    if (!out.empty()) out += ' ';
    out += "meeting " + r.meeting->committee;
    if (r.meeting->month) {
      out += ' ' + std::to_string(static_cast<int>(r.meeting->month->year())) + "-" +
             std::to_string(static_cast<unsigned>(r.meeting->month->month()));
    }
  }
  if (r.ongoing) out += out.empty() ? "ongoing" : " ongoing";
  return out;
}

TEST(Phrases, TheBriefsTable) {
  EXPECT_EQ(summary(read("Trước ngày 30/8/2024")), "due 2024-08-29");
  EXPECT_EQ(summary(read("Trước 25/10/2024")), "due 2024-10-24");
  EXPECT_EQ(summary(read("Trong tháng 6/2024")), "window 2024-06-01..2024-06-30");
  EXPECT_EQ(summary(read("Xuất bản kỳ tháng 10/2024")), "window 2024-10-01..2024-10-31");
  EXPECT_EQ(summary(read("Tại kỳ họp BTV tháng 5/2024")), "meeting BTV 2024-5");
  EXPECT_EQ(summary(read("Từ ngày 10/10 đến 13/10/2024")),
            "window 2024-10-10..2024-10-13 start_on 2024-10-10");
  EXPECT_EQ(summary(read("Từ ngày 28/10 - 05/11/2024")),
            "window 2024-10-28..2024-11-05 start_on 2024-10-28");
  EXPECT_EQ(summary(read("Từ tháng 4/2024 đến tháng 11/2024")), "window 2024-04-01..2024-11-30");
  EXPECT_EQ(summary(read("đến hết tháng 5/2022")), "window 2022-05-01..2022-05-31");
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
  EXPECT_EQ(summary(read("Xuất bản kỳ tháng 10/2024 (số 219)")), "window 2024-10-01..2024-10-31");
  EXPECT_EQ(summary(read("Tháng 9/2024")), "window 2024-09-01..2024-09-30");
  EXPECT_EQ(summary(read("Theo kịch bản và lịch trình các hoạt động, sự kiện.")), "ongoing");
  EXPECT_EQ(summary(read("Triển khai thực hiện trong tháng 9 năm 2024")),
            "window 2024-09-01..2024-09-30");
  EXPECT_EQ(summary(read("Trước ngày 10/06/2024")), "due 2024-06-09");
  EXPECT_EQ(summary(read("Từ tháng 01/2022 đến tháng 12/2023")), "window 2022-01-01..2023-12-31");
  EXPECT_EQ(summary(read("Từ ngày 15/3 đến 15/4/2022")),
            "window 2022-03-15..2022-04-15 start_on 2022-03-15");
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
  EXPECT_EQ(summary(read("from 2024-10-10 to 2024-10-13")),
            "window 2024-10-10..2024-10-13 start_on 2024-10-10");
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

TEST(Phrases, UnreadableIsAnErrorOrALenientWarning) {
  EXPECT_EQ(summary(read("khi nào xong thì thôi")),
            "error: cannot read 'khi nào xong thì thôi' as a time");
  const std::string plan =
      "plan: {id: T, start: 2024-06-03}\n"
      "tasks:\n  - {id: a, name: A, duration: 1d, when: \"khi nào xong\"}\n";
  const auto strict = parse_plan(plan);
  ASSERT_EQ(strict.diagnostics.size(), 1u);
  EXPECT_EQ(strict.diagnostics[0].code, "unread-phrase");
  EXPECT_EQ(strict.diagnostics[0].where.line, 3);
  EXPECT_EQ(strict.diagnostics[0].where.column, 42);
  EXPECT_NE(strict.diagnostics[0].suggestion.find("Trước (ngày) DATE"), std::string::npos);
  EXPECT_FALSE(strict.plan);
  const auto lenient = parse_plan(plan, {true});
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
