// What a verdict rests on: guessed values (`guessed:`), the planner's words
// that gave nothing (`not_read:`), a plan with nothing to check against; and
// confirming a guess in the plan's text.
#include <gtest/gtest.h>
#include <tiendo/plan_edit.hpp>
#include <tiendo/report.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::plan_header;

const std::string kGuessedPlan =
    "plan:\n"
    "  id: T\n"
    "  title: test\n"
    "  start: 2024-06-03\n"
    "  guessed: {start: the first working day after the plan is issued}\n"
    "calendar: {days_off: [sat, sun]}\n"
    "tasks:\n"
    "  - id: t\n"
    "    name: T\n"
    "    steps:\n"
    "      - id: a\n"
    "        name: Xây dựng dự thảo\n"
    "        kind: draft\n"
    "        duration: 10d\n"
    "        guessed:\n"
    "          kind: from the word 'xay dung'\n"
    "          duration: the usual for a draft step\n"
    "      - id: b\n"
    "        name: Phát hành\n"
    "        kind: broadcast\n"
    "        due: 2024-07-31\n"
    "        guessed: [kind]\n";

TEST(Trust, GuessesAreReadWithTheirPlaceAndWhy) {
  const auto a = analyze_ok(kGuessedPlan);
  const auto& g = a.plan->guesses;
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g[0].subject_kind, "plan");
  EXPECT_EQ(g[0].key, "start");
  EXPECT_EQ(g[0].value, "2024-06-03");
  EXPECT_EQ(g[0].where.line, 4);
  EXPECT_EQ(g[1].subject, "t.a");
  EXPECT_EQ(g[1].key, "kind");
  EXPECT_EQ(g[1].value, "draft");
  EXPECT_EQ(g[1].why, "from the word 'xay dung'");
  EXPECT_EQ(g[1].where.line, 13);
  EXPECT_EQ(g[2].key, "duration");
  EXPECT_EQ(g[2].where.line, 14);
  EXPECT_EQ(g[3].subject, "t.b");
  EXPECT_EQ(g[3].why, "");
}

TEST(Trust, AGuessOfAKeyTheMappingDoesNotHaveIsAnError) {
  const auto a = analyze(plan_header() +
                         "tasks:\n  - {id: a, name: A, duration: 2d, due: 2024-06-14, "
                         "guessed: [durations]}\n");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.diagnostics.front().code, "unknown-guess");
  EXPECT_EQ(a.diagnostics.front().suggestion, "did you mean 'duration'?");
}

TEST(Trust, TheVerdictCountsGuessesAndSaysSo) {
  const auto a = analyze_ok(kGuessedPlan);
  const auto v = verdict_of(*a.plan, a.findings);
  EXPECT_EQ(v.kind, Verdict::Kind::feasible);
  EXPECT_EQ(v.guesses, 4);
  EXPECT_FALSE(v.clean());
  EXPECT_EQ(verdict_text(v, Lang::vi),
            "khả thi nếu 4 giá trị phỏng đoán là đúng (0 lỗi, 0 cảnh báo)");
  EXPECT_EQ(verdict_text(v, Lang::en), "feasible if 4 guessed values hold (0 errors, 0 warnings)");
  const auto text = check_text(a, Lang::en);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "T: feasible if 4 guessed values hold (0 errors, 0 warnings)");
  const auto json = check_json(a, Lang::en);
  EXPECT_NE(json.find("\"verdict\": \"feasible\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"guessed_values\": 4"), std::string::npos) << json;
  EXPECT_NE(json.find("\"key\": \"duration\""), std::string::npos) << json;
}

TEST(Trust, ATimeNotReadIsAWarningFindingAndInTheVerdict) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - id: a\n"
                            "    name: A\n"
                            "    duration: 2d\n"
                            "    due: 2024-06-14\n"
                            "    not_read: Phát trên sóng TH và tại Lễ kỷ niệm\n");
  ASSERT_EQ(a.findings.size(), 1u);
  const auto& f = a.findings[0];
  EXPECT_EQ(f.kind, "time-not-read");
  EXPECT_EQ(f.severity, Severity::warning);
  EXPECT_EQ(f.steps, std::vector<std::string>{"a"});
  EXPECT_EQ(f.where.line, 8);
  const auto v = verdict_of(*a.plan, a.findings);
  EXPECT_EQ(v.losses, 1);
  EXPECT_EQ(verdict_text(v, Lang::vi),
            "khả thi; 1 nội dung chưa đọc được nên chưa được kiểm tra (0 lỗi, 1 cảnh báo)");
}

TEST(Trust, WhatTheDocumentLeftOutIsAFindingOfThePlan) {
  const auto a = analyze_ok(
      "plan:\n  id: T\n  title: t\n  start: 2024-06-03\n"
      "  not_read: [\"table 2 (STT | Nội dung): no time column\"]\n"
      "tasks:\n  - {id: a, name: A, duration: 2d, due: 2024-06-14}\n");
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "document-not-read");
  EXPECT_EQ(a.findings[0].where.line, 5);
  EXPECT_NE(a.findings[0].message_en.find("table 2 (STT | Nội dung): no time column"),
            std::string::npos);
}

TEST(Trust, APlanWithNothingToCheckAgainstIsNotFeasible) {
  const auto a = analyze_ok(plan_header() + "tasks:\n  - {id: a, name: A, duration: 2d}\n");
  const auto v = verdict_of(*a.plan, a.findings);
  EXPECT_EQ(v.kind, Verdict::Kind::nothing_to_check);
  EXPECT_FALSE(v.is_feasible());
  EXPECT_EQ(verdict_text(v, Lang::en),
            "nothing to check against (no deadline, window, pinned meeting or event) (0 errors, "
            "0 warnings)");
  // A start constraint alone cannot be missed either.
  const auto b = analyze_ok(plan_header() +
                            "tasks:\n  - {id: a, name: A, duration: 2d, not_before: 2024-06-10}\n");
  EXPECT_EQ(verdict_of(*b.plan, b.findings).kind, Verdict::Kind::nothing_to_check);
  // An event is something to check against.
  const auto c = analyze_ok(plan_header() + "events:\n  - {id: le, name: Lễ, date: 2024-07-01}\n" +
                            "tasks:\n  - {id: a, name: A, duration: 2d}\n");
  EXPECT_EQ(verdict_of(*c.plan, c.findings).kind, Verdict::Kind::feasible);
}

TEST(Trust, ANotFeasibleVerdictSaysItIsReckonedWithGuesses) {
  auto text = kGuessedPlan;
  text.replace(text.find("due: 2024-07-31"), 15, "due: 2024-06-05");
  const auto a = analyze_ok(text);
  const auto v = verdict_of(*a.plan, a.findings);
  EXPECT_EQ(v.kind, Verdict::Kind::not_feasible);
  EXPECT_EQ(verdict_text(v, Lang::vi),
            "KHÔNG khả thi (tính với 4 giá trị phỏng đoán) (1 lỗi, 0 cảnh báo)");
}

TEST(Trust, GuessesTextListsEachAtItsLine) {
  const auto a = analyze_ok(kGuessedPlan);
  const auto text = guesses_text(*a.plan, Lang::en);
  EXPECT_NE(text.find("line 13: step 't.a' kind = draft (from the word 'xay dung')"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("line 4: the plan start = 2024-06-03"), std::string::npos) << text;
  const auto json = guesses_json(*a.plan);
  EXPECT_NE(json.find("\"format\": \"tiendo-guesses-1\""), std::string::npos);
}

TEST(Trust, ConfirmingAGuessTakesItOutOfGuessed) {
  const auto once = confirm_guess(kGuessedPlan, "step", "t.a", "kind");
  ASSERT_TRUE(once.ok()) << once.error;
  EXPECT_EQ(once.text.find("kind: from the word"), std::string::npos);
  EXPECT_NE(once.text.find("        guessed: {duration: the usual for a draft step}\n"),
            std::string::npos)
      << once.text;
  const auto a = analyze_ok(once.text);
  EXPECT_EQ(a.plan->guesses.size(), 3u);
  // The last one takes `guessed:` away.
  const auto twice = confirm_guess(once.text, "step", "t.a", "duration");
  ASSERT_TRUE(twice.ok()) << twice.error;
  EXPECT_EQ(analyze_ok(twice.text).plan->guesses.size(), 2u);
  EXPECT_EQ(twice.text.find("duration: the usual"), std::string::npos);
  // A list, and the plan's header.
  const auto listed = confirm_guess(twice.text, "step", "t.b", "kind");
  ASSERT_TRUE(listed.ok()) << listed.error;
  const auto header = confirm_guess(listed.text, "plan", "", "start");
  ASSERT_TRUE(header.ok()) << header.error;
  const auto none = analyze_ok(header.text);
  EXPECT_TRUE(none.plan->guesses.empty());
  EXPECT_TRUE(verdict_of(*none.plan, none.findings).clean());
  // Only what is guessed can be confirmed.
  EXPECT_FALSE(confirm_guess(header.text, "step", "t.a", "kind").ok());
  EXPECT_FALSE(confirm_guess(kGuessedPlan, "step", "t.zz", "kind").ok());
}

TEST(Trust, SettingAGuessedValueConfirmsIt) {
  const auto edited = set_step_value(kGuessedPlan, "t.a", "duration", "80d");
  ASSERT_TRUE(edited.ok()) << edited.error;
  const auto a = analyze_ok(edited.text);
  ASSERT_EQ(a.plan->guesses.size(), 3u);
  for (const auto& g : a.plan->guesses) EXPECT_FALSE(g.subject == "t.a" && g.key == "duration");
  // Removing a guessed value removes its guess too (it would name nothing).
  const auto removed = set_step_value(kGuessedPlan, "t.a", "kind", "");
  ASSERT_TRUE(removed.ok()) << removed.error;
  EXPECT_EQ(analyze_ok(removed.text).plan->guesses.size(), 3u);
}

TEST(Trust, ConfirmingNeverChangesAnythingElse) {
  // A reason written over two lines: removing only its first line would
  // join the second to the value above. Either the whole entry goes, or the
  // confirmation is refused; the plan's values never change.
  const std::string text = plan_header() +
                           "tasks:\n"
                           "  - id: a\n"
                           "    name: A\n"
                           "    duration: 10d\n"
                           "    due: 2024-06-28\n"
                           "    guessed:\n"
                           "      duration: the usual\n"
                           "        for a draft\n";
  ASSERT_EQ(analyze_ok(text).plan->guesses.size(), 1u);
  const auto confirmed = confirm_guess(text, "step", "a", "duration");
  if (confirmed.ok()) {
    const auto a = analyze_ok(confirmed.text);
    EXPECT_TRUE(a.plan->guesses.empty());
    EXPECT_EQ(a.plan->tasks[0].steps[0].duration.value, 10);
  } else {
    EXPECT_NE(confirmed.error.find("edit it in the text"), std::string::npos) << confirmed.error;
  }
}

}  // namespace
}  // namespace tiendo
