#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::plan_header;

std::vector<std::string> kinds(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& f : a.findings) out.push_back(f.kind);
  return out;
}

TEST(Checks, FeasiblePlanHasNoFindings) {
  const auto a =
      analyze_ok(plan_header() + "tasks:\n  - {id: a, name: A, duration: 2d, due: 2024-06-04}\n");
  EXPECT_TRUE(a.findings.empty());
  EXPECT_TRUE(feasible(a.findings));
}

TEST(Checks, DeadlineMissedNamesTheDrivingChain) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n  - id: t\n    name: T\n    steps:\n"
                            "      - {id: a, name: A, duration: 3d}\n"
                            "      - {id: b, name: B, duration: 2d, due: 2024-06-06}\n");
  ASSERT_EQ(kinds(a), std::vector<std::string>{"deadline-missed"});
  const auto& f = a.findings[0];
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.shortfall, 1);
  EXPECT_EQ(f.chain, (std::vector<std::string>{"t.a", "t.b"}));
  EXPECT_EQ(f.message_en,
            "'t.b' finishes 2024-06-07, 1 working day after its due date 2024-06-06; driven by "
            "the plan's start 2024-06-03 → t.a → t.b");
  EXPECT_EQ(f.message_vi,
            "Bước 't.b' xong ngày 07/06/2024, chậm 1 ngày làm việc so với thời hạn 06/06/2024; "
            "do chuỗi ngày bắt đầu kế hoạch 03/06/2024 → t.a → t.b");
  EXPECT_EQ(f.where.line, 8);
  EXPECT_FALSE(feasible(a.findings));
}

TEST(Checks, WindowMissedAndWindowTooShort) {
  const auto a =
      analyze_ok(plan_header() +
                 "tasks:\n"
                 "  - {id: a, name: A, duration: 5d}\n"
                 "  - {id: b, name: B, duration: 2d, after: a, window: [2024-06-03, 2024-06-07]}\n"
                 "  - {id: c, name: C, duration: 6d, window: [2024-06-03, 2024-06-09]}\n"
                 "  - {id: e, name: E, duration: 3cd, window: [2024-06-08, 2024-06-09]}\n");
  EXPECT_EQ(kinds(a),
            (std::vector<std::string>{"window-missed", "window-too-short", "window-too-short"}));
  EXPECT_EQ(a.findings[0].shortfall, 2);
}

TEST(Checks, TheSameDeadlineSaidTwiceIsReportedOnce) {
  // The table's cell and the body's sentence both give the window; `due:`
  // and a phrase both give the due date.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: a, name: A, duration: 20d}\n"
                            "  - id: b\n    name: B\n    duration: 2d\n    after: a\n"
                            "    when: ['Tháng 6/2024', 'trong tháng 6 năm 2024']\n"
                            "    window: [2024-06-01, 2024-06-30]\n"
                            "  - id: c\n    name: C\n    duration: 7d\n    due: 2024-06-07\n"
                            "    when: 'chậm nhất ngày 7/6/2024'\n");
  EXPECT_EQ(kinds(a), (std::vector<std::string>{"window-missed", "deadline-missed"}));
  EXPECT_EQ(a.findings[0].where.line, 10);  // the first saying: `window:` is read before `when:`
  EXPECT_EQ(a.findings[1].where.line, 14);
}

TEST(Checks, ContradictingConstraints) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n  - {id: a, name: A, duration: 2d, not_before: 2024-06-10, "
                            "due: 2024-06-10}\n");
  EXPECT_EQ(kinds(a), (std::vector<std::string>{"deadline-missed", "constraints-contradict"}));
}

TEST(Checks, DueBeforeAPredecessorIsDue) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n  - id: t\n    name: T\n    steps:\n"
                            "      - {id: a, name: A, duration: 1d, due: 2024-06-20}\n"
                            "      - {id: b, name: B, duration: 1d}\n"
                            "      - {id: c, name: C, duration: 1d, due: 2024-06-14}\n");
  ASSERT_EQ(kinds(a), std::vector<std::string>{"due-before-predecessor"});
  EXPECT_EQ(a.findings[0].steps, (std::vector<std::string>{"t.c", "t.a"}));
}

TEST(Checks, StartToStartDoesNotOrderDueDates) {
  const auto a =
      analyze_ok(plan_header() +
                 "tasks:\n"
                 "  - {id: a, name: A, duration: 5d, due: 2024-06-20}\n"
                 "  - {id: b, name: B, duration: 1d, due: 2024-06-14, after: {on: a, type: SS}}\n");
  EXPECT_TRUE(a.findings.empty());
}

TEST(Checks, FixedDatesOnDaysOffAreWarnings) {
  // A work step fixed on a Sunday moves, and says so; a meeting on a holiday
  // too. The event on a Saturday is said only when the plan asks: most
  // ceremonies are held on days off.
  const std::string body =
      "events: [{id: ev, name: E, date: 2024-06-08}]\n"
      "committees: {C: {meetings: [2024-06-12]}}\n"
      "tasks:\n"
      "  - {id: a, name: A, duration: 1d, start_on: 2024-06-09}\n"
      "  - {id: b, name: B, duration: 1cd, start_on: 2024-06-09}\n";
  const auto a = analyze_ok(plan_header(", holidays: [2024-06-12]") + body);
  EXPECT_EQ(kinds(a),
            (std::vector<std::string>{"fixed-date-non-working", "fixed-date-non-working"}));
  EXPECT_TRUE(feasible(a.findings));
  EXPECT_EQ(a.findings[0].message_en, "a C meeting falls on 2024-06-12, a holiday");
  EXPECT_EQ(a.findings[1].message_en,
            "the fixed date of 'a' falls on 2024-06-09, a weekly day off; scheduled on "
            "2024-06-10 (use a duration in calendar days, e.g. '1cd', to keep it)");
  const auto warned =
      analyze_ok(plan_header(", holidays: [2024-06-12], events_on_days_off: warn") + body);
  ASSERT_EQ(warned.findings.size(), 3u);
  EXPECT_EQ(warned.findings[0].message_en, "event 'ev' falls on 2024-06-08, a weekly day off");
}

TEST(Checks, ErrorsComeBeforeWarnings) {
  const auto a = analyze_ok(plan_header(", events_on_days_off: warn") +
                            "events: [{id: ev, name: E, date: 2024-06-08}]\n"
                            "tasks:\n  - {id: a, name: A, duration: 3d, due: 2024-06-03}\n");
  EXPECT_EQ(kinds(a), (std::vector<std::string>{"deadline-missed", "fixed-date-non-working"}));
}

}  // namespace
}  // namespace tiendo
