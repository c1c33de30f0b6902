// Every error path of the plan reader: the code, the message, the position.
#include <gtest/gtest.h>
#include <tiendo/parse.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

/// "line:column [code] message (suggestion)" of every diagnostic.
std::vector<std::string> errors_of(const std::string& yaml) {
  const auto result = parse_plan(yaml);
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) {
    auto text = std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " [" +
                d.code + "] " + d.message;
    if (!d.suggestion.empty()) text += " (" + d.suggestion + ")";
    out.push_back(text);
  }
  EXPECT_EQ(result.plan.has_value(), out.empty());
  return out;
}

const std::string kHead = "plan: {id: T, start: 2024-06-03}\n";

TEST(Parser, ReadsACompletePlan) {
  const auto result = parse_plan(
      "plan:\n  id: 129-KH/ĐUK\n  title: \"Kế hoạch\"\n  issuer: BTV\n  issued: 2024-03-29\n"
      "  lang: en\n  start: 2024-04-01\n  before: same_day\n"
      "calendar: {days_off: [Sat, sunday], holidays: [2024-04-30], extra_days_off: [2024-04-29],"
      " working_days: [2024-05-04]}\n"
      "events: [{id: ev, name: E, date: 2024-11-02, aliases: [ceremony]}]\n"
      "committees: {BTV: {name: Ban, meetings: [2024-07-30, 2024-05-28], submit_lead: 3d}}\n"
      "people: [{id: nhai, name: \"Đ/c Mai Thị Nhài\", title: PBT}]\n"
      "units: [{id: btg, name: \"Ban Tuyên giáo\"}]\n"
      "tasks:\n"
      "  - id: t\n    name: Task\n    owner: nhai\n    lead: btg\n    assist: [x, btg]\n"
      "    steps:\n"
      "      - {id: a, name: A, kind: draft, duration: 2w}\n"
      "      - {id: b, name: B, at: {committee: BTV, month: 2024-05}}\n"
      "      - {id: c, name: C, kind: broadcast, after: [{on: a, type: ss, lag: -1d}], due: "
      "ceremony}\n"
      "  - {id: u, name: U, duration: 3cd, window: [2024-06-01, ev]}\n");
  ASSERT_TRUE(result.plan) << (result.diagnostics.empty() ? "" : result.diagnostics[0].message);
  const auto& p = *result.plan;
  EXPECT_EQ(p.info.id, "129-KH/ĐUK");
  EXPECT_EQ(p.info.lang, "en");
  EXPECT_EQ(p.info.before, BeforeMeans::same_day);
  EXPECT_EQ(p.calendar.days_off.size(), 2u);
  EXPECT_EQ(p.calendar.days_off[0], date::Saturday);
  EXPECT_EQ(p.committees[0].meetings.front(), testing::d("2024-05-28"));
  EXPECT_EQ(p.committees[0].submit_lead, 3);
  const auto& t = p.tasks[0];
  EXPECT_EQ(t.owner, "Đ/c Mai Thị Nhài");
  EXPECT_EQ(t.lead, "Ban Tuyên giáo");
  EXPECT_EQ(t.assist, (std::vector<std::string>{"x", "Ban Tuyên giáo"}));
  EXPECT_EQ(t.steps[0].duration.value, 10);
  EXPECT_EQ(t.steps[1].kind, StepKind::approval);
  ASSERT_TRUE(t.steps[1].meeting);
  EXPECT_EQ(t.steps[1].meeting->month, date::year{2024} / date::May);
  EXPECT_EQ(t.steps[1].duration.value, 1);
  EXPECT_EQ(t.steps[2].after[0].type, LinkType::SS);
  EXPECT_EQ(t.steps[2].after[0].lag, -1);
  EXPECT_EQ(t.steps[2].constraints[0].date, testing::d("2024-11-02"));
  EXPECT_EQ(t.steps[2].constraints[0].event, "ev");
  EXPECT_EQ(p.tasks[1].steps.size(), 1u);
  EXPECT_EQ(p.tasks[1].steps[0].id, "u");
  EXPECT_TRUE(p.tasks[1].steps[0].duration.elapsed());
  EXPECT_EQ(p.tasks[1].steps[0].constraints[0].until, testing::d("2024-11-02"));
}

TEST(Parser, YamlSyntax) {
  EXPECT_EQ(
      errors_of("plan: {id: T\ntasks: []\n"),
      std::vector<std::string>{"2:6 [yaml-syntax] YAML syntax: while parsing a flow mapping: did "
                               "not find expected ',' or '}' (look for an unclosed '{', '[' or "
                               "quote, or a wrong indentation, here or above)"});
}

TEST(Parser, NotAMapping) {
  EXPECT_EQ(errors_of("- a\n- b\n"),
            std::vector<std::string>{"1:1 [expected-map] a plan file is a mapping with 'plan', "
                                     "'calendar', 'events', 'committees' and 'tasks'"});
}

TEST(Parser, MissingSections) {
  EXPECT_EQ(
      errors_of("calendar: {}\n"),
      (std::vector<std::string>{"1:1 [missing-key] the plan file needs 'plan' (id, title, start)",
                                "1:1 [missing-key] the plan file needs 'tasks'"}));
  EXPECT_EQ(errors_of("plan: {id: T}\ntasks: []\n"),
            std::vector<std::string>{"1:7 [missing-key] 'plan' needs 'start', the first day of the "
                                     "plan (add e.g. 'start: 2024-04-01')"});
}

TEST(Parser, UnknownKeyWithSuggestion) {
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duraton: 2d}\n"),
            (std::vector<std::string>{
                "3:22 [unknown-key] unknown key 'duraton' in a task (did you mean 'duration'?)",
                "3:10 [missing-duration] step 'a' (other) needs a 'duration' (add e.g. 'duration: "
                "5d' (working days) or 'duration: 5cd' (calendar days))"}));
  EXPECT_EQ(errors_of(kHead + "tsks: []\ntasks: []\n"),
            std::vector<std::string>{
                "2:1 [unknown-key] unknown key 'tsks' in the plan file (did you mean 'tasks'?)"});
}

TEST(Parser, BadDate) {
  EXPECT_EQ(errors_of("plan: {id: T, start: 2024-02-30}\ntasks: []\n"),
            std::vector<std::string>{"1:22 [invalid-date] '2024-02-30' is not a date; 'start' "
                                     "takes YYYY-MM-DD (write it as e.g. 2024-10-25)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d, due: 31/9/2024}\n"),
            std::vector<std::string>{"3:41 [invalid-date] '31/9/2024' is neither a date "
                                     "(YYYY-MM-DD) nor an event of the plan (write it as e.g. "
                                     "2024-10-25)"});
  EXPECT_TRUE(
      errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d, due: 25/10/2024}\n").empty())
      << "the Vietnamese way of writing a date is read";
}

TEST(Parser, UnknownEventWithSuggestion) {
  EXPECT_EQ(errors_of(kHead + "events: [{id: le-ky-niem, date: 2024-11-02}]\n"
                              "tasks:\n  - {id: a, name: A, duration: 1d, due: le-ky-nim}\n"),
            std::vector<std::string>{"4:41 [unknown-event] 'le-ky-nim' is neither a date "
                                     "(YYYY-MM-DD) nor an event of the plan (did you mean "
                                     "'le-ky-niem'?)"});
}

TEST(Parser, BadDurationKindAndId) {
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 5 dayz}\n"),
            std::vector<std::string>{"3:32 [invalid-duration] '5 dayz' is not a duration (write "
                                     "working days as '5d' or '5 ngày làm việc', weeks as '2w', "
                                     "calendar days as '5cd' or '5 ngày', or 0 for a milestone)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, kind: drat, duration: 1d}\n"),
            std::vector<std::string>{"3:28 [invalid-kind] 'drat' is not a step kind (one of "
                                     "draft, approval, production, broadcast, event, milestone, "
                                     "other) (did you mean 'draft'?)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: \"phóng sự\", name: A, duration: 1d}\n"),
            std::vector<std::string>{"3:10 [invalid-id] id 'phóng sự' may hold only ASCII "
                                     "letters, digits, '-' and '_'"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: m, name: M, kind: milestone, duration: 2d}\n"),
            std::vector<std::string>{"3:49 [invalid-duration] a milestone has duration 0 (use "
                                     "kind 'event' or 'other' for a step that takes time)"});
}

TEST(Parser, BadLinks) {
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d}\n"
                              "  - {id: b, name: B, duration: 1d, after: {on: a, type: FX}}\n"),
            std::vector<std::string>{"4:57 [invalid-link-type] 'FX' is not a dependency type "
                                     "(FS, SS, FF or SF) (did you mean 'FS'?)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d}\n"
                              "  - {id: b, name: B, duration: 1d, after: {on: a, lag: 2cd}}\n"),
            std::vector<std::string>{"4:56 [invalid-lag] '2cd' is not a lag; lags are working "
                                     "days such as '2d' or '-1d' (a lead)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: b, name: B, duration: 1d, after: {type: SS}}\n"),
            std::vector<std::string>{"3:43 [missing-key] a dependency needs 'on', the id it "
                                     "waits for"});
}

TEST(Parser, Committees) {
  const std::string committee = "committees: {BTV: {meetings: [2024-05-28, 2024-07-30]}}\n";
  EXPECT_EQ(errors_of(kHead + committee + "tasks:\n  - {id: a, name: A, at: {committee: BTC}}\n"),
            std::vector<std::string>{"4:38 [unknown-committee] no committee 'BTC' (did you mean "
                                     "'BTV'?)"});
  EXPECT_EQ(errors_of(kHead + committee +
                      "tasks:\n  - {id: a, name: A, at: {committee: BTV, month: 2024-06}}\n"),
            std::vector<std::string>{"4:50 [unknown-meeting] BTV has no meeting in 2024-06 (its "
                                     "meetings are 2024-05-28 2024-07-30)"});
  EXPECT_EQ(errors_of(kHead + committee +
                      "tasks:\n  - {id: a, name: A, at: {committee: BTV, month: 5/2024}}\n"),
            std::vector<std::string>{"4:50 [invalid-month] '5/2024' is not a month (write it as "
                                     "YYYY-MM, e.g. 2024-05)"});
  EXPECT_EQ(errors_of(kHead + committee +
                      "tasks:\n  - {id: a, name: A, duration: 3d, at: {committee: BTV}}\n"),
            std::vector<std::string>{"4:32 [invalid-duration] an approval at a committee meeting "
                                     "takes the meeting day; remove 'duration'"});
}

TEST(Parser, Windows) {
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d, window: [2024-06-01]}\n"),
            std::vector<std::string>{"3:44 [invalid-window] 'window' is a pair [from, to] of "
                                     "dates (write e.g. 'window: [2024-10-01, 2024-10-31]')"});
  EXPECT_EQ(
      errors_of(kHead +
                "tasks:\n  - {id: a, name: A, duration: 1d, window: [2024-06-30, 2024-06-01]}\n"),
      std::vector<std::string>{"3:44 [invalid-window] the window ends (2024-06-01) before "
                               "it starts (2024-06-30)"});
}

TEST(Parser, DuplicateIds) {
  const auto result = parse_plan(kHead +
                                 "tasks:\n  - {id: a, name: A, duration: 1d}\n"
                                 "  - {id: a, name: B, duration: 1d}\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  const auto& d = result.diagnostics[0];
  EXPECT_EQ(d.code, "duplicate-id");
  EXPECT_EQ(d.where.line, 4);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].where.line, 3);
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - id: t\n    name: T\n    steps:\n"
                              "      - {id: a, name: A, duration: 1d}\n"
                              "      - {id: a, name: B, duration: 1d}\n"),
            std::vector<std::string>{"7:14 [duplicate-id] task 't' has two steps with id 'a'"});
}

TEST(Parser, CalendarValues) {
  EXPECT_EQ(errors_of(kHead + "calendar: {days_off: [saturdy]}\ntasks: []\n"),
            std::vector<std::string>{"2:23 [invalid-weekday] 'saturdy' is not a day of the week "
                                     "(mon, tue, ... sun) (did you mean 'saturday'?)"});
  EXPECT_EQ(errors_of(kHead + "calendar: {holidays: [vm, 2024-06-05]}\ntasks: []\n"),
            std::vector<std::string>{"2:23 [unknown-calendar] there is no built-in calendar 'vm' "
                                     "('vn' is Vietnam's public holidays; list other days off as "
                                     "dates)"});
  EXPECT_TRUE(errors_of(kHead + "calendar: {holidays: vn}\ntasks: []\n").empty());
  EXPECT_EQ(errors_of(kHead + "calendar: {holidays: 2024-06-05}\ntasks: []\n"),
            std::vector<std::string>{"2:22 [expected-list] 'holidays' must be a list"});
  EXPECT_EQ(errors_of("plan: {id: T, start: 2024-06-03, lang: fr}\ntasks: []\n"),
            std::vector<std::string>{"1:40 [invalid-value] 'lang' is 'vi' or 'en', not 'fr'"});
}

TEST(Parser, StepsMustNotBeEmpty) {
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: t, name: T, steps: []}\n"),
            std::vector<std::string>{"3:29 [empty-steps] task 't' has an empty 'steps' list "
                                     "(remove 'steps' to make the task a single step)"});
}

TEST(Parser, CollectsEveryError) {
  const auto errors = errors_of(kHead +
                                "tasks:\n  - {id: a, name: A, duration: x}\n"
                                "  - {id: b, name: B, duration: y}\n");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].substr(0, 4), "3:32");
  EXPECT_EQ(errors[1].substr(0, 4), "4:32");
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

TEST(Parser, MoreValueErrors) {
  const std::string committee = "committees: {BTV: {meetings: [2024-05-28]}}\n";
  EXPECT_EQ(errors_of("plan: {id: T, start: 2024-06-03, before: day-before}\ntasks: []\n"),
            std::vector<std::string>{"1:42 [invalid-value] 'before' is 'day_before' or "
                                     "'same_day', not 'day-before' (did you mean 'day_before'?)"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d, chain: no}\n"),
            std::vector<std::string>{"3:43 [invalid-value] 'chain' is true or false, not 'no'"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: [A], duration: 1d}\n"),
            std::vector<std::string>{"3:19 [expected-text] a task 'name' must be a single value"});
  EXPECT_EQ(errors_of(kHead + "tasks:\n  - {id: a, name: A, duration: 1d}\n"
                              "  - {id: b, name: B, duration: 1d, after: [[a]]}\n"),
            std::vector<std::string>{"4:44 [invalid-link] a dependency is an id or {on: id, "
                                     "type: FS|SS|FF|SF, lag: 2d}"});
  EXPECT_EQ(errors_of(kHead + committee +
                      "tasks:\n  - {id: a, name: A, at: {committee: BTV, date: 2024-05-29}}\n"),
            std::vector<std::string>{"4:49 [unknown-meeting] BTV does not meet on 2024-05-29 (its "
                                     "meetings are 2024-05-28)"});
  EXPECT_EQ(errors_of(kHead + committee + "tasks:\n  - {id: a, name: A, at: {month: 2024-05}}\n"),
            std::vector<std::string>{"4:26 [missing-key] 'at' needs 'committee' (or 'event')"});
  EXPECT_EQ(errors_of(kHead + committee +
                      "tasks:\n  - id: t\n    name: T\n    at: {committee: BTV}\n    steps:\n"
                      "      - {id: a, name: A, duration: 1d}\n"),
            std::vector<std::string>{"6:9 [invalid-value] a committee meeting applies to an "
                                     "approval step, not to a task with steps"});
  EXPECT_EQ(errors_of(kHead + "committees: {BTV: {submit_lead: three}}\ntasks: []\n"),
            std::vector<std::string>{"2:33 [invalid-duration] 'submit_lead' is a number of "
                                     "working days such as '3d', not 'three'"});
  EXPECT_EQ(errors_of(kHead + "events: [{id: e, name: E}]\ntasks: []\n"),
            std::vector<std::string>{"2:10 [missing-key] an event needs 'date'"});
}

TEST(Parser, StopsAfterFiftyErrors) {
  std::string yaml = kHead + "tasks:\n";
  for (int i = 0; i < 60; ++i)
    yaml += "  - {id: a" + std::to_string(i) + ", name: A, duration: x}\n";
  const auto result = parse_plan(yaml);
  ASSERT_EQ(result.diagnostics.size(), 51u);
  EXPECT_EQ(result.diagnostics.back().code, "too-many-errors");
}

TEST(Parser, TaskGroupsAreATreeInReadingOrder) {
  const auto ok = parse_plan(kHead +
                             "groups:\n"
                             "  - {id: A, name: \"A. Tuyên truyền\"}\n"
                             "  - {id: I, name: \"I. Trên báo chí\", parent: A}\n"
                             "tasks:\n"
                             "  - {id: t, name: T, group: I, duration: 1d}\n"
                             "  - {id: u, name: U, duration: 1d}\n");
  ASSERT_TRUE(ok.plan);
  ASSERT_EQ(ok.plan->groups.size(), 2u);
  EXPECT_EQ(ok.plan->groups[1].parent, "A");
  EXPECT_EQ(ok.plan->tasks[0].group, "I");
  EXPECT_EQ(ok.plan->tasks[1].group, "");
  EXPECT_EQ(errors_of(kHead + "groups: [{id: I, name: X, parent: B}]\ntasks:\n"
                              "  - {id: t, name: T, group: J, duration: 1d}\n"),
            (std::vector<std::string>{"2:35 [unknown-group] no group 'B' before this one",
                                      "4:29 [unknown-group] no group 'J' in 'groups' (did you "
                                      "mean 'I'?)"}));
}

}  // namespace
}  // namespace tiendo
