// Input written to hurt: duplicate keys, deep nesting, huge ids, bytes that
// are not text, cycles of a hundred thousand steps. Each gets a located
// error, and none takes more than a moment (ctest's timeout is the judge).
#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>
#include <tiendo/parse.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

const std::string kHead = "plan: {id: T, start: 2024-06-03}\n";

const Diagnostic* find_code(const Diagnostics& diagnostics, std::string_view code) {
  for (const auto& d : diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

Diagnostic only_error(const std::string& yaml, std::string_view code) {
  const auto result = parse_plan(yaml);
  EXPECT_FALSE(result.plan);
  const auto* d = find_code(result.diagnostics, code);
  if (d == nullptr) {
    std::string all;
    for (const auto& x : result.diagnostics) all += x.code + ": " + x.message + "\n";
    ADD_FAILURE() << "no [" << code << "] among:\n" << all;
    return {};
  }
  return *d;
}

TEST(HostileInput, ADuplicateKeyIsAnErrorNamingBothPlaces) {
  const auto d = only_error(kHead +
                                "tasks:\n  - {id: a, name: A, duration: 1d}\n"
                                "tasks:\n  - {id: b, name: B, duration: 1d}\n",
                            "duplicate-key");
  EXPECT_EQ(d.message, "key 'tasks' is written twice in the same mapping");
  EXPECT_EQ(d.where.line, 4);
  EXPECT_EQ(d.where.column, 1);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].where.line, 2);
}

TEST(HostileInput, ADuplicateKeyInAStepIsAnError) {
  const auto d = only_error(kHead + "tasks:\n  - {id: a, name: A, duration: 1d, duration: 5d}\n",
                            "duplicate-key");
  EXPECT_EQ(d.message, "key 'duration' is written twice in the same mapping");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 36);
  EXPECT_EQ(d.notes[0].where.column, 22);
}

TEST(HostileInput, DuplicateKeysInALargeMappingAreFound) {
  // More keys than are compared pairwise: the hash-table path.
  std::string meetings;
  for (int i = 10; i < 30; ++i) meetings += "      2024-05-" + std::to_string(i) + ": 2024-06-03\n";
  meetings += "      2024-05-12: 2024-06-04\n";
  const auto d = only_error(kHead +
                                "committees:\n  BTV:\n    meetings: [2024-05-10]\n    moved:\n" +
                                meetings + "tasks:\n  - {id: a, name: A, duration: 1d}\n",
                            "duplicate-key");
  EXPECT_EQ(d.message, "key '2024-05-12' is written twice in the same mapping");
  EXPECT_EQ(d.where.line, 26);
  EXPECT_EQ(d.notes[0].where.line, 8);
}

TEST(HostileInput, TwoPeopleOrUnitsWithOneIdAreAnError) {
  const auto people = only_error(kHead +
                                     "people: [{id: nhai, name: A}, {id: nhai, name: B}]\n"
                                     "tasks:\n  - {id: a, name: A, duration: 1d}\n",
                                 "duplicate-id");
  EXPECT_EQ(people.message, "id 'nhai' is used twice (person)");
  EXPECT_EQ(people.where.column, 36);
  ASSERT_EQ(people.notes.size(), 1u);
  EXPECT_EQ(people.notes[0].where.column, 15);
  const auto units = only_error(kHead +
                                    "units: [{id: btg, name: A}, {id: btg, name: B}]\n"
                                    "tasks:\n  - {id: a, name: A, duration: 1d}\n",
                                "duplicate-id");
  EXPECT_EQ(units.message, "id 'btg' is used twice (unit)");
}

TEST(HostileInput, AnEventEndingBeforeItStartsIsAnError) {
  const auto d = only_error(kHead +
                                "events: [{id: dh, name: DH, date: 2024-10-14, until: 2024-10-12}]\n"
                                "tasks:\n  - {id: a, name: A, duration: 1d}\n",
                            "invalid-event");
  EXPECT_EQ(d.message, "event 'dh' ends (2024-10-12) before it starts (2024-10-14)");
  EXPECT_EQ(d.where.line, 2);
}

TEST(HostileInput, DeepNestingFailsFastAtItsLine) {
  const auto d = only_error(kHead + "tasks: " + std::string(1'000'000, '['), "yaml-syntax");
  EXPECT_EQ(d.message, "YAML syntax: nesting deeper than 64 levels");
  EXPECT_EQ(d.where.line, 2);
  // "tasks: " is 7 columns; with the plan's own mapping, the 64th '[' would
  // be the 65th level.
  EXPECT_EQ(d.where.column, 7 + 64);
}

TEST(HostileInput, AnEmptyOrBlankFileIsAnErrorAtItsStart) {
  for (const std::string text : {"", "   \n\n  \n", "# only a comment\n"}) {
    const auto d = only_error(text, "empty-plan");
    EXPECT_EQ(d.where.line, 1) << '"' << text << '"';
    EXPECT_EQ(d.where.column, 1);
  }
}

TEST(HostileInput, BytesThatAreNotTextAreReportedWhereTheyAre) {
  // libyaml reports these by byte offset; the position must still be the
  // line and the code-point column, not 1:1.
  const auto utf8 = only_error(kHead + "tasks:\n  - {id: a, name: \"Tổng \xff\", duration: 1d}\n",
                               "yaml-syntax");
  EXPECT_EQ(utf8.where.line, 3);
  EXPECT_EQ(utf8.where.column, 25);  // after '"Tổng ', counted in code points
  const auto control = only_error(kHead + "tasks:\n  - {id: a, name: \"B\x01\", duration: 1d}\n",
                                  "yaml-syntax");
  EXPECT_EQ(control.where.line, 3);
  EXPECT_EQ(control.where.column, 21);
}

TEST(HostileInput, AnIdOfAHundredCharactersIsTheMost) {
  const auto d = only_error(kHead + "tasks:\n  - {id: " + std::string(101, 'a') +
                                ", name: A, duration: 1d}\n",
                            "invalid-id");
  EXPECT_EQ(d.message, "an id of 101 characters; ids are at most 100");
  EXPECT_TRUE(parse_plan(kHead + "tasks:\n  - {id: " + std::string(100, 'a') +
                         ", name: A, duration: 1d}\n")
                  .plan);
}

TEST(HostileInput, AHugeUnknownIdIsReportedWithoutASuggestion) {
  // 64,000 characters against every known id: the did-you-mean used to cost
  // minutes (quadratic in the length).
  const auto a = analyze(kHead + "tasks:\n  - {id: ab, name: A, duration: 1d}\n"
                                 "  - {id: b, name: B, duration: 1d, after: " +
                         std::string(64'000, 'a') + "}\n");
  const auto* d = find_code(a.diagnostics, "unknown-id");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->suggestion, "");
}

TEST(HostileInput, DatesOutsideTheYearsTiendoPlansAreErrors) {
  for (const std::string value : {"99999-01-01", "0000-01-01", "1899-12-31", "2200-01-01"}) {
    const auto result = parse_plan("plan: {id: T, start: " + value + "}\ntasks: []\n");
    const auto* d = find_code(result.diagnostics, "invalid-date");
    ASSERT_NE(d, nullptr) << value;
    EXPECT_EQ(d->suggestion, "dates run from 1900 to 2199") << value;
  }
}

TEST(HostileInput, AHundredThousandStepCycleIsShownByItsEnds) {
  std::string tasks = kHead + "tasks:\n";
  constexpr int kSteps = 100'000;
  for (int i = 0; i < kSteps; ++i) {
    tasks += "  - {id: s" + std::to_string(i) + ", name: S, duration: 1d, after: s" +
             std::to_string((i + kSteps - 1) % kSteps) + "}\n";
  }
  const auto a = analyze(tasks);
  const auto* d = find_code(a.diagnostics, "dependency-cycle");
  ASSERT_NE(d, nullptr);
  EXPECT_LT(d->message.size(), 400u) << d->message.substr(0, 400);
  EXPECT_NE(d->message.find("(a cycle of 100000 steps)"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("(99990 more steps)"), std::string::npos) << d->message;
  EXPECT_EQ(d->notes.size(), 10u);
  std::string printed = format_diagnostic(*d, "plan.yaml", tasks);
  EXPECT_LT(printed.size(), 5000u);
}

}  // namespace
}  // namespace tiendo
