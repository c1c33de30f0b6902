// Editing a value of a plan in its text: the value changes where it is
// written, everything else stays byte for byte, and the result is a plan.
#include <gtest/gtest.h>
#include <tiendo/parse.hpp>
#include <tiendo/plan_edit.hpp>

#include <string>

namespace tiendo {
namespace {

const std::string kPlan =
    "# Kế hoạch thử: comments must survive\n"
    "plan: {id: T, start: 2024-06-03}\n"
    "tasks:\n"
    "  - id: phong-su   # the reportage\n"
    "    name: \"Phóng sự\"\n"
    "    steps:\n"
    "      - {id: kich-ban, name: \"Kịch bản\", kind: draft, duration: 10d}\n"
    "      - id: duyet\n"
    "        name: Duyệt kịch bản  # at the meeting\n"
    "        when: \"Trước ngày 30/8/2024\"\n"
    "        after: [kich-ban]\n"
    "        duration: 1d\n"
    "  - id: bang-ron\n"
    "    name: Treo băng rôn\n"
    "    duration: 3d\n";

std::string edited(std::string_view step, std::string_view key, std::string_view value) {
  const auto e = set_step_value(kPlan, step, key, value);
  EXPECT_TRUE(e.ok()) << e.error;
  return e.text;
}

/// The text with its first `from` replaced by `to`: what the edit must give.
std::string replaced(const std::string& from, const std::string& to) {
  auto out = kPlan;
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return out.replace(at, from.size(), to);
}

TEST(PlanEdit, AValueInAFlowMapChangesInPlace) {
  EXPECT_EQ(edited("phong-su.kich-ban", "duration", "15d"),
            replaced("duration: 10d}", "duration: 15d}"));
  EXPECT_EQ(edited("phong-su.kich-ban", "name", "Kịch bản: bản 2"),
            replaced("name: \"Kịch bản\"", "name: \"Kịch bản: bản 2\""));
}

TEST(PlanEdit, AValueInABlockMapKeepsItsComment) {
  EXPECT_EQ(edited("phong-su.duyet", "name", "Duyệt lần 2"),
            replaced("name: Duyệt kịch bản  # at", "name: Duyệt lần 2  # at"));
  EXPECT_EQ(edited("phong-su.duyet", "when", "Tại kỳ họp BTV tháng 9/2024"),
            replaced("when: \"Trước ngày 30/8/2024\"", "when: Tại kỳ họp BTV tháng 9/2024"));
  EXPECT_EQ(edited("phong-su.duyet", "after", "kich-ban, bang-ron"),
            replaced("after: [kich-ban]", "after: [kich-ban, bang-ron]"));
}

TEST(PlanEdit, AMissingKeyIsAdded) {
  EXPECT_EQ(edited("phong-su.kich-ban", "when", "Tháng 6/2024"),
            replaced("duration: 10d}", "duration: 10d, when: Tháng 6/2024}"));
  EXPECT_EQ(edited("phong-su.duyet", "kind", "approval"),
            replaced("      - id: duyet\n", "      - id: duyet\n        kind: approval\n"));
  // A task without steps is a step itself.
  EXPECT_EQ(edited("bang-ron", "kind", "broadcast"),
            replaced("  - id: bang-ron\n", "  - id: bang-ron\n    kind: broadcast\n"));
}

TEST(PlanEdit, AnEmptyValueRemovesTheKey) {
  EXPECT_EQ(edited("phong-su.duyet", "after", ""), replaced("        after: [kich-ban]\n", ""));
  EXPECT_EQ(edited("phong-su.kich-ban", "kind", ""), replaced(", kind: draft", ""));
  EXPECT_EQ(edited("phong-su.kich-ban", "note", ""), kPlan);  // nothing to remove
}

TEST(PlanEdit, ValuesYamlWouldMisreadAreQuoted) {
  EXPECT_EQ(edited("bang-ron", "name", "no"), replaced("name: Treo băng rôn", "name: \"no\""));
  EXPECT_EQ(edited("bang-ron", "name", "Băng rôn, khẩu hiệu"),
            replaced("name: Treo băng rôn", "name: \"Băng rôn, khẩu hiệu\""));
  EXPECT_EQ(edited("bang-ron", "name", "- \"a\" # b"),
            replaced("name: Treo băng rôn", "name: \"- \\\"a\\\" # b\""));
}

TEST(PlanEdit, TheEditedPlanParsesWithTheNewValue) {
  const auto text = edited("phong-su.kich-ban", "duration", "15d");
  const auto parsed = parse_plan(text);
  ASSERT_TRUE(parsed.plan.has_value())
      << (parsed.diagnostics.empty() ? "" : parsed.diagnostics[0].message);
  EXPECT_EQ(parsed.plan->tasks[0].steps[0].duration.value, 15);
}

TEST(PlanEdit, WhatCannotBeEditedIsSaidAndNothingChanges) {
  EXPECT_EQ(set_step_value(kPlan, "nope.x", "name", "A").error, "the plan has no task 'nope'");
  EXPECT_EQ(set_step_value(kPlan, "phong-su.x", "name", "A").error,
            "task 'phong-su' has no step 'x'");
  EXPECT_EQ(set_step_value(kPlan, "phong-su", "name", "A").error,
            "task 'phong-su' has steps: edit one of them");
  EXPECT_EQ(set_step_value(kPlan, "phong-su.duyet", "id", "").error,
            "'id' opens the step: it cannot be removed here");
  EXPECT_FALSE(set_step_value("tasks: [\n", "a", "name", "A").ok());
  const std::string block =
      "plan: {id: T, start: 2024-06-03}\ntasks:\n  - id: a\n    name: |\n"
      "      hai dòng\n      tên\n";
  EXPECT_EQ(set_step_value(block, "a", "name", "B").error,
            "'name' is written over several lines: edit it in the text");
}

}  // namespace
}  // namespace tiendo
