// Scheduling with progress, worked out by hand on a Monday-to-Friday calendar
// starting Monday 2024-06-03. June 2024: Mon 3, 10, 17, 24; weekends 8-9,
// 15-16, 22-23. The status date is a day whose end progress is reported
// through: unfinished work runs from the next working day (docs/progress.md).
#include <gtest/gtest.h>
#include <tiendo/progress.hpp>
#include <tiendo/report.hpp>
#include <tiendo/whatif.hpp>

#include <algorithm>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::d;
using testing::expect_dates;
using testing::plan_header;
using testing::step;

std::string plan_with(const std::string& status, const std::string& steps,
                      const std::string& before_tasks = "") {
  return "plan: {id: T, title: test, start: 2024-06-03, status_date: " + status +
         "}\ncalendar: {days_off: [sat, sun]}\n" + before_tasks +
         "tasks:\n  - id: t\n    name: T\n    steps:\n" + steps;
}

std::vector<const Finding*> findings_of(const Analysis& a, const std::string& kind) {
  std::vector<const Finding*> out;
  for (const auto& f : a.findings) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

Diagnostics errors_of(const std::string& yaml) {
  auto a = analyze(yaml);
  Diagnostics out;
  for (const auto& diagnostic : a.diagnostics) {
    if (diagnostic.severity == Severity::error) out.push_back(diagnostic);
  }
  return out;
}

bool has_code(const Diagnostics& list, const std::string& code) {
  return std::any_of(list.begin(), list.end(), [&](const Diagnostic& x) { return x.code == code; });
}

TEST(Progress, FinishedKeepsActualsAndTheRestRunsAfterTheStatusDate) {
  // a done 3-5 June as planned; b (2d) started 6 June, half done: 1 day left,
  // run on Tue 11 after the status date Mon 10; c follows on Wed 12.
  const auto a = analyze_ok(plan_with("2024-06-10",
                                      "      - {id: a, name: A, duration: 3d, started: 2024-06-03,"
                                      " done: 2024-06-05}\n"
                                      "      - {id: b, name: B, duration: 2d, started: 2024-06-06,"
                                      " progress: 50%}\n"
                                      "      - {id: c, name: C, duration: 1d}\n"));
  const auto& sa = step(a, "t.a");
  expect_dates(sa, "2024-06-03", "2024-06-05");
  EXPECT_TRUE(sa.finished);
  EXPECT_FALSE(sa.critical);
  EXPECT_EQ(sa.total_float, 0);
  EXPECT_EQ(sa.driver, Driver::actual);
  const auto& sb = step(a, "t.b");
  expect_dates(sb, "2024-06-06", "2024-06-11");
  EXPECT_TRUE(sb.in_progress);
  EXPECT_EQ(sb.remaining, 1);
  EXPECT_TRUE(sb.critical);
  expect_dates(step(a, "t.c"), "2024-06-12", "2024-06-12");
  EXPECT_EQ(a.schedule->status_date, d("2024-06-10"));
  // The critical path runs through what is left, not the finished a.
  ASSERT_EQ(a.schedule->critical_path.size(), 2u);
  EXPECT_EQ(a.graph->step(*a.plan, a.schedule->critical_path.front()).id, "t.b");

  // Planned: b 6-7 June, c 10 June. By the end of 10 June b should have
  // finished, and so should c (a day's work on the 10th).
  const auto behind = findings_of(a, "behind-schedule");
  ASSERT_EQ(behind.size(), 2u);
  EXPECT_EQ(behind[0]->steps.front(), "t.b");
  EXPECT_EQ(behind[0]->shortfall, 2);  // forecast 11 June: 10 and 11 later than the 7th
  EXPECT_NE(behind[0]->message_en.find("should have finished by 2024-06-07"), std::string::npos);
  EXPECT_EQ(behind[1]->steps.front(), "t.c");
  EXPECT_NE(behind[1]->message_en.find("should have finished by 2024-06-10"), std::string::npos);
  EXPECT_EQ(behind[1]->shortfall, 2);  // forecast 12 June
  EXPECT_TRUE(findings_of(a, "progress-incomplete").empty());
}

TEST(Progress, ALateActualFinishMovesTheSuccessors) {
  // a planned 3-5 June, done Fri 7: b starts Mon 10.
  const auto a = analyze_ok(plan_with("2024-06-07",
                                      "      - {id: a, name: A, duration: 3d, started: 2024-06-03,"
                                      " done: 2024-06-07}\n"
                                      "      - {id: b, name: B, duration: 2d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-07");
  EXPECT_EQ(step(a, "t.a").duration, 5);
  expect_dates(step(a, "t.b"), "2024-06-10", "2024-06-11");
  // b was planned 6-7 June: by the end of the 7th it should have finished;
  // it is forecast to finish on Tue 11, 2 working days later.
  const auto behind = findings_of(a, "behind-schedule");
  ASSERT_EQ(behind.size(), 1u);
  EXPECT_EQ(behind[0]->steps.front(), "t.b");
  EXPECT_EQ(behind[0]->shortfall, 2);
}

TEST(Progress, AnEarlyActualFinishPullsTheSuccessorsIn) {
  // a (5d) planned 3-7 June, done Wed 5 (started 3): b starts Thu 6.
  const auto a = analyze_ok(plan_with("2024-06-05",
                                      "      - {id: a, name: A, duration: 5d, progress: đã hoàn "
                                      "thành ngày 5/6/2024, started: 2024-06-03}\n"
                                      "      - {id: b, name: B, duration: 2d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-05");
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-07");
  EXPECT_TRUE(findings_of(a, "behind-schedule").empty());
}

TEST(Progress, NothingUnfinishedStartsBeforeTheStatusDate) {
  // a not started by Wed 12 June (planned 3-4): it runs 13-14; b after it.
  const auto a = analyze_ok(plan_with("2024-06-12",
                                      "      - {id: a, name: A, duration: 2d, progress: chưa thực "
                                      "hiện}\n"
                                      "      - {id: b, name: B, duration: 1d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-13", "2024-06-14");
  EXPECT_EQ(step(a, "t.a").driver, Driver::status);
  expect_dates(step(a, "t.b"), "2024-06-17", "2024-06-17");
  // a planned 3-4 June, forecast to finish 14 June: 8 working days later
  // (5-7, 10-14); b planned 5 June, forecast 17 June: 8 too.
  const auto behind = findings_of(a, "behind-schedule");
  ASSERT_EQ(behind.size(), 2u);
  EXPECT_EQ(behind[0]->steps.front(), "t.a");
  EXPECT_EQ(behind[0]->shortfall, 8);
  EXPECT_EQ(behind[1]->shortfall, 8);
}

TEST(Progress, StartedWithoutProgressIsAssumedNotAdvancedAndSaidSo) {
  // b (3d) started Thu 6 with nothing else said: all 3 days remain after the
  // status date Fri 7: 10-12 June.
  const auto a = analyze_ok(plan_with("2024-06-07",
                                      "      - {id: a, name: A, duration: 3d, done: 2024-06-05}\n"
                                      "      - {id: b, name: B, duration: 3d, started: 2024-06-06}"
                                      "\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-05");  // started: its duration before
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-12");
  EXPECT_EQ(step(a, "t.b").remaining, 3);
  const auto incomplete = findings_of(a, "progress-incomplete");
  ASSERT_EQ(incomplete.size(), 1u);
  EXPECT_NE(incomplete[0]->message_en.find("assumed none of it done"), std::string::npos);
}

TEST(Progress, UnderWayWithoutAStartDayTakesThePlannedStartAndSaysSo) {
  const auto a = analyze_ok(plan_with("2024-06-05",
                                      "      - {id: a, name: A, duration: 4d, progress: đang thực "
                                      "hiện (50%)}\n"));
  // Planned 3-6 June; 2 days left after Wed 5: 6-7 June.
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-07");
  EXPECT_EQ(step(a, "t.a").remaining, 2);
  const auto incomplete = findings_of(a, "progress-incomplete");
  ASSERT_EQ(incomplete.size(), 1u);
  EXPECT_NE(incomplete[0]->message_en.find("start day is not reported"), std::string::npos);
}

TEST(Progress, OutOfSequenceWorkWaitsForItsPredecessor) {
  // b started Tue 4 before a (3d, not started) finished. Status Wed 5: a
  // runs 6, 7, 10; b's remaining 2 days (its 50%) follow: 11-12 June.
  const auto a = analyze_ok(plan_with("2024-06-05",
                                      "      - {id: a, name: A, duration: 3d, progress: 0%}\n"
                                      "      - {id: b, name: B, duration: 4d, started: 2024-06-04,"
                                      " progress: 50%}\n"));
  expect_dates(step(a, "t.a"), "2024-06-06", "2024-06-10");
  expect_dates(step(a, "t.b"), "2024-06-04", "2024-06-12");
  EXPECT_EQ(step(a, "t.b").driver, Driver::link);
  const auto out = findings_of(a, "actual-before-predecessor");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->steps, (std::vector<std::string>{"t.b", "t.a"}));
}

TEST(Progress, StartToStartAroundAStartedStep) {
  // a (4d) started Mon 3, 25%: 3 days left after Tue 4: 5-7 June. b waits
  // SS+1 on a (Tue 4) and the status date: it runs Wed 5 - Thu 6.
  const auto a = analyze_ok(plan_with("2024-06-04",
                                      "      - {id: a, name: A, duration: 4d, started: 2024-06-03,"
                                      " progress: 25%}\n"
                                      "      - {id: b, name: B, duration: 2d, chain: false, after:"
                                      " {on: a, type: SS, lag: 1d}}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-07");
  expect_dates(step(a, "t.b"), "2024-06-05", "2024-06-06");
}

TEST(Progress, FinishToFinishOnAStartedPredecessor) {
  // a (5d) started Mon 3, 2 days remaining after Wed 5: ends Fri 7. b (2d)
  // must finish no earlier than a (FF): 6-7 June.
  const auto a = analyze_ok(plan_with("2024-06-05",
                                      "      - {id: a, name: A, duration: 5d, started: 2024-06-03,"
                                      " remaining: 2d}\n"
                                      "      - {id: b, name: B, duration: 2d, chain: false, after:"
                                      " {on: a, type: FF}}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-07");
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-07");
}

TEST(Progress, StartToFinishOnAStartedPredecessor) {
  // b (2d) may finish no earlier than 5 working days after a's actual start
  // (Mon 3 + 5: the end of Fri 7): 6-7 June. With the status date Thu 6, b
  // cannot start before Fri 7: 7 and 10 June.
  const auto steps = std::string(
      "      - {id: a, name: A, duration: 8d, started: 2024-06-03, progress: 25%}\n"
      "      - {id: b, name: B, duration: 2d, chain: false, after: {on: a, type: SF, lag: 5d}}\n");
  expect_dates(step(analyze_ok(plan_with("2024-06-03", steps)), "t.b"), "2024-06-06", "2024-06-07");
  expect_dates(step(analyze_ok(plan_with("2024-06-06", steps)), "t.b"), "2024-06-07", "2024-06-10");
}

TEST(Progress, ALeadAcrossTheStatusDate) {
  // a (5d) started Mon 3, 4 days left after Thu 6: 7, 10, 11, 12 June. b
  // starts 2 days before a ends (lag -2d) on Tue 11, after the status date.
  const auto a = analyze_ok(plan_with("2024-06-06",
                                      "      - {id: a, name: A, duration: 5d, started: 2024-06-03,"
                                      " remaining: 4d}\n"
                                      "      - {id: b, name: B, duration: 1d, chain: false, after:"
                                      " {on: a, lag: -2d}}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-12");
  expect_dates(step(a, "t.b"), "2024-06-11", "2024-06-11");
  // With the status date on Mon 3, the lead puts b on Thu 6 (a ends Fri 7
  // after 4 days from Tue 4): the status date does not hold it.
  const auto early = analyze_ok(plan_with("2024-06-03",
                                          "      - {id: a, name: A, duration: 5d, started: "
                                          "2024-06-03, remaining: 4d}\n"
                                          "      - {id: b, name: B, duration: 1d, chain: false, "
                                          "after: {on: a, lag: -2d}}\n"));
  expect_dates(step(early, "t.a"), "2024-06-03", "2024-06-07");
  expect_dates(step(early, "t.b"), "2024-06-06", "2024-06-06");
}

TEST(Progress, FloatIsMeasuredFromTheForecast) {
  // b (4d) started Wed 5 with 3 days left after Fri 7: 10-12 June; c on 13
  // June ends the plan. x (1d) also follows the finished a: it could not
  // start before the status date, so it runs Mon 10, 3 days ahead of the end.
  const auto a = analyze_ok(plan_with("2024-06-07",
                                      "      - {id: a, name: A, duration: 2d, done: 2024-06-04}\n"
                                      "      - {id: b, name: B, duration: 4d, started: 2024-06-05,"
                                      " remaining: 3d}\n"
                                      "      - {id: c, name: C, duration: 1d, due: 2024-06-14}\n"
                                      "      - {id: x, name: X, duration: 1d, chain: false, after:"
                                      " a}\n"));
  expect_dates(step(a, "t.b"), "2024-06-05", "2024-06-12");
  expect_dates(step(a, "t.c"), "2024-06-13", "2024-06-13");
  EXPECT_EQ(step(a, "t.b").total_float, 0);
  EXPECT_TRUE(step(a, "t.b").critical);
  EXPECT_EQ(format_iso(step(a, "t.b").late_finish), "2024-06-12");
  expect_dates(step(a, "t.x"), "2024-06-10", "2024-06-10");
  EXPECT_EQ(step(a, "t.x").total_float, 3);
  EXPECT_EQ(format_iso(step(a, "t.x").late_start), "2024-06-13");
  EXPECT_TRUE(findings_of(a, "deadline-missed").empty());
}

TEST(Progress, AForecastPastTheDeadlineIsAnError) {
  const auto a = analyze_ok(plan_with("2024-06-07",
                                      "      - {id: a, name: A, duration: 4d, started: 2024-06-05,"
                                      " remaining: 3d}\n"
                                      "      - {id: c, name: C, duration: 1d, due: 2024-06-12}\n"));
  expect_dates(step(a, "t.c"), "2024-06-13", "2024-06-13");
  const auto missed = findings_of(a, "deadline-missed");
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0]->shortfall, 1);
  EXPECT_FALSE(feasible(a.findings));
}

TEST(Progress, AFinishedMilestoneReleasesItsSuccessors) {
  const auto a =
      analyze_ok(plan_with("2024-06-05",
                           "      - {id: m, name: M, kind: milestone, done: 2024-06-05}\n"
                           "      - {id: b, name: B, duration: 1d}\n"));
  expect_dates(step(a, "t.m"), "2024-06-05", "2024-06-05");
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-06");
}

TEST(Progress, AnApprovalNotTakenAtAPastMeetingGoesToTheNextOne) {
  // The draft was done Tue 4; the meeting of Wed 5 June passed without the
  // approval by the status date Thu 6: the next meeting, Fri 21.
  const auto a = analyze_ok(
      plan_with("2024-06-06",
                "      - {id: d, name: Draft, kind: draft, duration: 2d, done: 2024-06-04}\n"
                "      - {id: ap, name: Approve, at: {committee: C}}\n",
                "committees: {C: {meetings: [2024-06-05, 2024-06-21]}}\n"));
  expect_dates(step(a, "t.ap"), "2024-06-21", "2024-06-21");
  EXPECT_EQ(step(a, "t.ap").meeting, d("2024-06-21"));
  // Taken at its meeting: it is done on that day.
  const auto taken = analyze_ok(
      plan_with("2024-06-06",
                "      - {id: d, name: Draft, kind: draft, duration: 2d, done: 2024-06-04}\n"
                "      - {id: ap, name: Approve, at: {committee: C}, done: 2024-06-05}\n",
                "committees: {C: {meetings: [2024-06-05, 2024-06-21]}}\n"));
  expect_dates(step(taken, "t.ap"), "2024-06-05", "2024-06-05");
}

TEST(Progress, WithoutProgressTheStatusDateChangesNothing) {
  const auto a = analyze_ok(plan_with("2024-06-20", "      - {id: a, name: A, duration: 2d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-04");
  EXPECT_FALSE(a.schedule->status_date);
}

TEST(Progress, BadReportsAreErrorsAtTheirKey) {
  const auto bad = [](const std::string& fields) {
    return errors_of(
        plan_with("2024-06-10", "      - {id: a, name: A, duration: 3d, " + fields + "}\n"));
  };
  EXPECT_TRUE(has_code(bad("started: 2024-06-05, done: 2024-06-04"), "done-before-started"));
  EXPECT_TRUE(has_code(bad("progress: 120%"), "invalid-progress"));
  EXPECT_TRUE(has_code(bad("progress: đã hoàn thành"), "invalid-progress"));  // which day?
  EXPECT_TRUE(has_code(bad("progress: xyz"), "invalid-progress"));
  EXPECT_TRUE(has_code(bad("done: 2024-06-12"), "actual-in-future"));
  EXPECT_TRUE(has_code(bad("started: 2024-06-11"), "actual-in-future"));
  EXPECT_TRUE(has_code(bad("done: 2024-06-05, progress: 60%"), "progress-contradiction"));
  EXPECT_TRUE(has_code(bad("done: 2024-06-05, remaining: 2d"), "progress-contradiction"));
  EXPECT_TRUE(has_code(bad("started: 2024-06-04, progress: bắt đầu ngày 5/6/2024"),
                       "progress-contradiction"));
  EXPECT_TRUE(has_code(bad("remaining: 2cd"), "invalid-duration"));
  const auto located = bad("done: 2024-06-12");
  ASSERT_FALSE(located.empty());
  EXPECT_EQ(located[0].where.line, 7);
}

TEST(Progress, TheStatusDateOptionWinsAndTodayIsTheFallback) {
  const std::string plan =
      "plan: {id: T, title: test, start: 2024-06-03}\ncalendar: {days_off: [sat, sun]}\n"
      "tasks:\n  - {id: a, name: A, duration: 3d, started: 2024-06-03, progress: 0%}\n";
  ParseOptions options;
  options.today = d("2024-06-04");
  auto a = analyze(plan, options);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.schedule->status_date, d("2024-06-04"));
  expect_dates(step(a, "a"), "2024-06-03", "2024-06-07");  // 3 days from Wed 5
  options.status_date = d("2024-06-05");
  a = analyze(plan, options);
  EXPECT_EQ(a.schedule->status_date, d("2024-06-05"));
  expect_dates(step(a, "a"), "2024-06-03", "2024-06-10");
}

TEST(ProgressPhrases, OfficeWordings) {
  PhraseContext context;
  context.year = 2024;
  context.start = d("2024-04-01");
  const auto read = [&](const char* text) { return read_progress_phrase(text, context); };
  auto r = read("đã hoàn thành ngày 12/5");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.progress.done, d("2024-05-12"));
  EXPECT_TRUE(r.year_assumed);
  r = read("Đang thực hiện (60%)");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.progress.percent, 60);
  EXPECT_TRUE(r.progress.in_progress());
  EXPECT_FALSE(r.progress.started);
  r = read("đang thực hiện");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.progress.underway);
  r = read("bắt đầu từ ngày 3/5/2024");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.progress.started, d("2024-05-03"));
  EXPECT_FALSE(r.year_assumed);
  r = read("hoàn thành 60%");  // how far it got, not finished
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.progress.percent, 60);
  EXPECT_FALSE(r.progress.done);
  r = read("chưa thực hiện");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.progress.percent, 0);
  EXPECT_FALSE(r.progress.in_progress());
  r = read("done on 2024-05-12");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.progress.done, d("2024-05-12"));
  EXPECT_EQ(read("45").progress.percent, 45);
  // Refused, never guessed.
  for (const char* bad : {"xong", "đã hoàn thành ngày 31/2/2024", "60% 70%", "150%",
                          "chưa thực hiện 50%", "ngày 12/5/2024", "gần xong"}) {
    EXPECT_FALSE(read(bad).ok()) << bad;
  }
}

TEST(Baselines, RoundTripAndVariance) {
  const std::string yaml = plan_with("2024-06-07",
                                     "      - {id: a, name: A, duration: 3d, started: 2024-06-03,"
                                     " done: 2024-06-07}\n"
                                     "      - {id: b, name: B, duration: 2d}\n");
  // The baseline: the plan as adopted, without progress: a 3-5, b 6-7 June.
  const std::string adopted =
      "plan: {id: T, title: test, start: 2024-06-03}\n"
      "calendar: {days_off: [sat, sun]}\n"
      "tasks:\n  - id: t\n    name: T\n    steps:\n"
      "      - {id: a, name: A, duration: 3d}\n"
      "      - {id: b, name: B, duration: 2d}\n";
  const auto then = analyze_ok(adopted);
  BaselineFile file;
  ASSERT_FALSE(add_baseline(
      file, make_baseline(*then.plan, *then.graph, *then.schedule, "adopted", d("2024-06-01"))));
  const auto text = baseline_json(file);
  EXPECT_NE(text.find("\"format\": \"tiendo-baseline-1\""), std::string::npos);
  const auto read = read_baseline_file(text);
  ASSERT_TRUE(read.file) << (read.diagnostics.empty() ? "" : read.diagnostics[0].message);
  const auto* baseline = read.file->find("adopted");
  ASSERT_NE(baseline, nullptr);
  ASSERT_EQ(baseline->steps.size(), 2u);
  EXPECT_EQ(baseline->steps[1].finish, d("2024-06-07"));

  const auto now = analyze_ok(yaml);
  Diagnostics diagnostics;
  const auto cmp =
      compare_with_baseline(*now.plan, *now.graph, *now.schedule, *baseline, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(cmp.steps.size(), 2u);
  // a: same start, finished 2 working days later (Fri 7, not Wed 5).
  EXPECT_EQ(cmp.steps[0].start_variance, 0);
  EXPECT_EQ(cmp.steps[0].finish_variance, 2);
  // b: 10-11 June instead of 6-7: 2 working days later at both ends.
  EXPECT_EQ(cmp.steps[1].start_variance, 2);
  EXPECT_EQ(cmp.steps[1].finish_variance, 2);
  ASSERT_EQ(cmp.tasks.size(), 1u);
  EXPECT_EQ(cmp.tasks[0].finish_variance, 2);

  // The CSV carries both, after the plain columns.
  const auto csv = schedule_csv(now, Lang::en, &cmp);
  EXPECT_NE(csv.find(",preds,state,actual_start,actual_finish,percent,remaining,baseline_start,"
                     "baseline_finish,start_variance,finish_variance\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",done,2024-06-03,2024-06-07,100,,2024-06-03,2024-06-05,0,2\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",not_started,,,,,2024-06-06,2024-06-07,2,2\r\n"), std::string::npos) << csv;
  EXPECT_EQ(schedule_csv(now, Lang::en).find("baseline_start"), std::string::npos);

  // Measured against the baseline: b should have finished by the 7th.
  ParseOptions options;
  options.baseline = baseline;
  const auto against = analyze(yaml, options);
  const auto behind = findings_of(against, "behind-schedule");
  ASSERT_EQ(behind.size(), 1u);
  EXPECT_NE(behind[0]->message_en.find("the adopted baseline"), std::string::npos)
      << behind[0]->message_en;
  // The Vietnamese names the baseline in words, not by its file key 'adopted'.
  EXPECT_NE(behind[0]->message_vi.find("kế hoạch gốc đã được thông qua"), std::string::npos)
      << behind[0]->message_vi;
  EXPECT_EQ(behind[0]->message_vi.find("'adopted'"), std::string::npos) << behind[0]->message_vi;
  EXPECT_EQ(behind[0]->shortfall, 2);

  // Earlier than the baseline is negative.
  const auto early = analyze_ok(plan_with("2024-06-04",
                                          "      - {id: a, name: A, duration: 3d, started: "
                                          "2024-06-03, done: 2024-06-04}\n"
                                          "      - {id: b, name: B, duration: 2d}\n"));
  const auto ahead =
      compare_with_baseline(*early.plan, *early.graph, *early.schedule, *baseline, diagnostics);
  EXPECT_EQ(ahead.steps[0].finish_variance, -1);
  EXPECT_EQ(ahead.steps[1].start_variance, -1);
}

TEST(Baselines, AnotherPlansOrVersionsBaselineIsRefused) {
  EXPECT_TRUE(has_code(read_baseline_file("{\"format\": \"tiendo-baseline-0\"}").diagnostics,
                       "baseline-format"));
  EXPECT_TRUE(has_code(read_baseline_file("[1, 2").diagnostics, "baseline-unreadable"));
  EXPECT_TRUE(has_code(read_baseline_file("{\"format\": \"tiendo-baseline-1\", \"plan\": \"x\","
                                          " \"baselines\": [{\"name\": \"a\"}]}")
                           .diagnostics,
                       "baseline-unreadable"));
  // Members of the wrong type are errors, not exceptions (found by fuzz_progress).
  for (const char* wrong : {R"({"format": ["tiendo-baseline-1"]})",
                            R"({"format": "tiendo-baseline-1", "plan": 7, "baselines": []})",
                            R"({"format": "tiendo-baseline-1", "baselines": [{"name": ["a"]}]})",
                            R"({"format": "tiendo-baseline-1", "baselines": [{"name": "a",
                                "saved": "2024-06-01", "steps": {}}]})"}) {
    const auto read = read_baseline_file(wrong);
    EXPECT_FALSE(read.file) << wrong;
    EXPECT_FALSE(read.diagnostics.empty()) << wrong;
  }
  const auto a = analyze_ok(plan_with("2024-06-03", "      - {id: a, name: A, duration: 3d}\n"));
  Baseline other{
      "adopted", "OTHER", d("2024-06-01"), {{"t.a", d("2024-06-03"), d("2024-06-05"), {}}}, {}};
  Diagnostics diagnostics;
  compare_with_baseline(*a.plan, *a.graph, *a.schedule, other, diagnostics);
  EXPECT_TRUE(has_code(diagnostics, "baseline-other-plan"));
  // Same plan id, but none of its steps: an earlier draft.
  Baseline stale{
      "adopted", "T", d("2024-06-01"), {{"t.x", d("2024-06-03"), d("2024-06-05"), {}}}, {}};
  diagnostics.clear();
  const auto cmp = compare_with_baseline(*a.plan, *a.graph, *a.schedule, stale, diagnostics);
  EXPECT_TRUE(has_code(diagnostics, "baseline-other-plan"));
  // Some steps added and removed since: warned, with their ids.
  Baseline partial{"adopted",
                   "T",
                   d("2024-06-01"),
                   {{"t.a", d("2024-06-03"), d("2024-06-05"), {}},
                    {"t.gone", d("2024-06-03"), d("2024-06-05"), {}}},
                   {}};
  diagnostics.clear();
  const auto some = compare_with_baseline(*a.plan, *a.graph, *a.schedule, partial, diagnostics);
  EXPECT_TRUE(has_code(diagnostics, "baseline-missing-steps"));
  EXPECT_EQ(some.missing_steps, std::vector<std::string>{"t.gone"});
  BaselineFile file{"T", {}};
  EXPECT_TRUE(add_baseline(file, other).has_value());
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::d;
using testing::expect_dates;
using testing::step;

// A draft (3d), its approval at a meeting of C (7 or 21 June), then a day's
// work due Wed 12 June. As planned: draft 3-5, approval Fri 7, work Mon 10,
// 2 working days to spare.
const std::string kGated =
    "plan: {id: T, title: test, start: 2024-06-03}\ncalendar: {days_off: [sat, sun]}\n"
    "committees: {C: {meetings: [2024-06-07, 2024-06-21]}}\n"
    "tasks:\n  - id: t\n    name: T\n    steps:\n"
    "      - {id: d, name: Draft, kind: draft, duration: 3d}\n"
    "      - {id: ap, name: Approve, at: {committee: C}}\n"
    "      - {id: e, name: Work, duration: 1d, due: 2024-06-12}\n";

const WhatIfDelta* delta(const WhatIfResult& r, const std::string& kind, const std::string& id) {
  for (const auto& x : r.deltas) {
    if (x.kind == kind && x.id == id) return &x;
  }
  return nullptr;
}

TEST(WhatIf, ACancelledMeetingPushesTheApprovalAndWhatFollows) {
  const auto a = analyze_ok(kGated);
  expect_dates(step(a, "t.e"), "2024-06-10", "2024-06-10");
  std::string error;
  const auto c = parse_what_if(WhatIfChange::Kind::cancel_meeting, "C:2024-06-07", error);
  ASSERT_TRUE(c) << error;
  const auto r = what_if(a, {*c});
  ASSERT_TRUE(r.ok());
  const auto* meeting = delta(r, "meeting", "t.ap");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->after, d("2024-06-21"));
  EXPECT_EQ(meeting->days, 10);
  const auto* due = delta(r, "deadline", "t.e");
  ASSERT_NE(due, nullptr);
  EXPECT_EQ(due->after, d("2024-06-24"));
  EXPECT_EQ(due->margin_before, 2);
  EXPECT_EQ(due->margin_after, -8);  // 13, 14, 17-21, 24 June
  const auto* finish = delta(r, "finish", "T");
  ASSERT_NE(finish, nullptr);
  EXPECT_EQ(finish->days, 10);
  EXPECT_TRUE(r.feasible_before);
  EXPECT_FALSE(r.feasible_after);
  ASSERT_EQ(r.new_errors.size(), 1u);
  EXPECT_EQ(r.new_errors[0].kind, "deadline-missed");
  // The plan itself is untouched.
  expect_dates(step(a, "t.ap"), "2024-06-07", "2024-06-07");
}

TEST(WhatIf, ADelayedDraftMissesItsMeeting) {
  const auto a = analyze_ok(kGated);
  std::string error;
  const auto c = parse_what_if(WhatIfChange::Kind::delay, "t.d=3d", error);
  ASSERT_TRUE(c) << error;
  EXPECT_EQ(c->days, 3);
  const auto r = what_if(a, {*c});
  ASSERT_TRUE(r.ok());
  // The draft runs 6, 7, 10 June: too late for the 7th; the 21st takes it.
  ASSERT_NE(delta(r, "meeting", "t.ap"), nullptr);
  EXPECT_EQ(delta(r, "meeting", "t.ap")->after, d("2024-06-21"));
  // One day later, it still makes the meeting: nothing after it moves.
  const auto one = what_if(a, {*parse_what_if(WhatIfChange::Kind::delay, "t.d=1d", error)});
  EXPECT_EQ(delta(one, "meeting", "t.ap"), nullptr);
  EXPECT_EQ(delta(one, "deadline", "t.e"), nullptr);
}

TEST(WhatIf, ChangesThatNameNothingAreErrors) {
  const auto a = analyze_ok(kGated);
  std::string error;
  EXPECT_FALSE(parse_what_if(WhatIfChange::Kind::delay, "t.d", error));
  EXPECT_FALSE(parse_what_if(WhatIfChange::Kind::delay, "t.d=0d", error));
  EXPECT_FALSE(parse_what_if(WhatIfChange::Kind::cancel_meeting, "C:7/6/2024", error));
  EXPECT_FALSE(parse_what_if(WhatIfChange::Kind::move_event, "=2024-06-07", error));
  const auto unknown = what_if(a, {*parse_what_if(WhatIfChange::Kind::delay, "t.x=2d", error)});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.diagnostics[0].code, "whatif-unknown-step");
  const auto no_meeting =
      what_if(a, {*parse_what_if(WhatIfChange::Kind::cancel_meeting, "C:2024-06-10", error)});
  ASSERT_FALSE(no_meeting.ok());
  EXPECT_NE(no_meeting.diagnostics[0].suggestion.find("2024-06-07"), std::string::npos);
}

}  // namespace
}  // namespace tiendo
