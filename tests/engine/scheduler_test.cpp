// Schedules worked out by hand on a Monday-to-Friday calendar starting Monday
// 2024-06-03. June 2024: Mon 3, 10, 17, 24; weekends 8-9, 15-16, 22-23.
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::d;
using testing::expect_dates;
using testing::plan_header;
using testing::step;

void expect_late(const ScheduledStep& s, const char* start, const char* finish) {
  EXPECT_EQ(format_iso(s.late_start), start);
  EXPECT_EQ(format_iso(s.late_finish), finish);
}

std::string one_task(const std::string& steps, const std::string& extra_calendar = "") {
  return plan_header(extra_calendar) + "tasks:\n  - id: t\n    name: T\n    steps:\n" + steps;
}

TEST(Scheduler, FinishToStartChainCrossesTheWeekend) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: b, name: B, duration: 2d}\n"
                          "      - {id: c, name: C, duration: 1d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-05");
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-07");
  expect_dates(step(a, "t.c"), "2024-06-10", "2024-06-10");
  for (const auto* id : {"t.a", "t.b", "t.c"}) {
    EXPECT_EQ(step(a, id).total_float, 0) << id;
    EXPECT_TRUE(step(a, id).critical) << id;
  }
  ASSERT_EQ(a.schedule->critical_path.size(), 3u);
  EXPECT_EQ(a.graph->step(*a.plan, a.schedule->critical_path.back()).id, "t.c");
}

TEST(Scheduler, TimedPhasesGiveTheSameSchedule) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d, due: 2024-06-04}\n"
                          "      - {id: b, name: B, duration: 2d}\n"));
  SchedulePhases phases;
  const auto timed = schedule_plan(*a.plan, *a.graph, phases);
  ASSERT_EQ(timed.steps.size(), a.schedule->steps.size());
  for (std::size_t v = 0; v < timed.steps.size(); ++v) {
    EXPECT_EQ(timed.steps[v].start, a.schedule->steps[v].start);
    EXPECT_EQ(timed.steps[v].late_finish, a.schedule->steps[v].late_finish);
    EXPECT_EQ(timed.steps[v].total_float, a.schedule->steps[v].total_float);
  }
  EXPECT_EQ(timed.critical_path, a.schedule->critical_path);
  for (const double ms : {phases.facts, phases.forward, phases.backward, phases.floats}) {
    EXPECT_GE(ms, 0.0);
    EXPECT_LT(ms, 1000.0);  // a two-step plan; a phase that is never timed stays 0
  }
}

TEST(Scheduler, CriticalPathTieGoesToTheLaterStepWhateverTheOrder) {
  // p and q tie (no float, same finish). z waits for y, written after it,
  // so the graph orders steps by depth-first search, not by the file: the
  // choice must still be the later one in the plan, q.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: z, name: Z, duration: 1d, after: y}\n"
                            "  - {id: y, name: Y, duration: 1d}\n"
                            "  - {id: p, name: P, duration: 5d}\n"
                            "  - {id: q, name: Q, duration: 5d}\n");
  ASSERT_EQ(a.schedule->critical_path.size(), 1u);
  EXPECT_EQ(a.graph->step(*a.plan, a.schedule->critical_path[0]).id, "q");
}

TEST(Scheduler, CriticalPathFollowsATieToTheEndOfItsChain) {
  // The milestone is reached the day x finishes: same float, same finish.
  // Written before x, it still ends the critical path.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: m, name: M, kind: milestone, after: x}\n"
                            "  - {id: x, name: X, duration: 3d}\n");
  ASSERT_EQ(a.schedule->critical_path.size(), 2u);
  EXPECT_EQ(a.graph->step(*a.plan, a.schedule->critical_path[0]).id, "x");
  EXPECT_EQ(a.graph->step(*a.plan, a.schedule->critical_path[1]).id, "m");
}

TEST(Scheduler, HolidaysAreSkipped) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n", ", holidays: [2024-06-05]"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-06");
}

TEST(Scheduler, FinishToStartLagAndLead) {
  const auto lag =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: b, name: B, duration: 2d, after: {on: a, lag: 2d}}\n"));
  expect_dates(step(lag, "t.b"), "2024-06-10", "2024-06-11");
  ASSERT_EQ(lag.graph->links.size(), 1u) << "the explicit link replaces the implied one";

  const auto lead =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: b, name: B, duration: 2d, after: {on: a, lag: -1d}}\n"));
  expect_dates(step(lead, "t.b"), "2024-06-05", "2024-06-06");
}

TEST(Scheduler, StartToStart) {
  const auto a = analyze_ok(
      one_task("      - {id: a, name: A, duration: 3d}\n"
               "      - {id: b, name: B, duration: 2d, after: {on: a, type: SS, lag: 1d}}\n"));
  expect_dates(step(a, "t.b"), "2024-06-04", "2024-06-05");
  // b ends with a, so both are critical; a's late start is bounded by SS.
  EXPECT_EQ(step(a, "t.a").total_float, 0);
  EXPECT_EQ(step(a, "t.b").total_float, 0);
}

TEST(Scheduler, FinishToFinish) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: b, name: B, duration: 2d, after: {on: a, type: FF}}\n"));
  expect_dates(step(a, "t.b"), "2024-06-04", "2024-06-05");
  // A longer successor cannot start before the plan does.
  const auto clamp =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: b, name: B, duration: 5d, after: {on: a, type: FF}}\n"));
  expect_dates(step(clamp, "t.b"), "2024-06-03", "2024-06-07");
}

TEST(Scheduler, StartToFinish) {
  const auto a = analyze_ok(
      one_task("      - {id: a, name: A, duration: 3d}\n"
               "      - {id: b, name: B, duration: 2d, after: {on: a, type: SF, lag: 3d}}\n"));
  expect_dates(step(a, "t.b"), "2024-06-04", "2024-06-05");
}

TEST(Scheduler, BackwardPassGivesFloatToParallelWork) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - id: t\n    name: T\n    steps:\n"
                            "      - {id: a, name: A, duration: 3d}\n"
                            "      - {id: b, name: B, duration: 2d}\n"
                            "  - {id: u, name: U, duration: 1d}\n");
  const auto& u = step(a, "u");
  expect_dates(u, "2024-06-03", "2024-06-03");
  expect_late(u, "2024-06-07", "2024-06-07");
  EXPECT_EQ(u.total_float, 4);
  EXPECT_EQ(u.free_float, 4);
  EXPECT_FALSE(u.critical);
  expect_late(step(a, "t.a"), "2024-06-03", "2024-06-05");
}

TEST(Scheduler, FreeFloatBeforeAConstrainedSuccessor) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 1d}\n"
                          "      - {id: b, name: B, duration: 1d, not_before: 2024-06-06}\n"));
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-06");
  EXPECT_EQ(step(a, "t.b").driver, Driver::constraint);
  EXPECT_EQ(step(a, "t.a").free_float, 2);
  EXPECT_EQ(step(a, "t.a").total_float, 2);
}

TEST(Scheduler, NotBeforeADayOffStartsOnTheNextWorkingDay) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 1d, not_before: 2024-06-08}\n"));
  expect_dates(step(a, "t.a"), "2024-06-10", "2024-06-10");
}

TEST(Scheduler, DeadlineGivesNegativeFloatAndDoesNotMoveDates) {
  const auto a = analyze_ok(one_task("      - {id: a, name: A, duration: 5d, due: 2024-06-05}\n"));
  const auto& s = step(a, "t.a");
  expect_dates(s, "2024-06-03", "2024-06-07");
  expect_late(s, "2024-05-30", "2024-06-05");
  EXPECT_EQ(s.total_float, -2);
  EXPECT_TRUE(s.critical);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "deadline-missed");
  EXPECT_EQ(a.findings[0].shortfall, 2);
}

TEST(Scheduler, MustStartOnHoldsAndGivesItsPredecessorsFloat) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 1d}\n"
                          "      - {id: b, name: B, duration: 1d, start_on: 2024-06-12}\n"));
  expect_dates(step(a, "t.b"), "2024-06-12", "2024-06-12");
  EXPECT_EQ(step(a, "t.b").total_float, 0);
  expect_late(step(a, "t.a"), "2024-06-11", "2024-06-11");
  EXPECT_EQ(step(a, "t.a").total_float, 6);
  EXPECT_EQ(step(a, "t.a").free_float, 6);
}

TEST(Scheduler, MustStartOnBeforeItsInputsIsAConflict) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 5d}\n"
                          "      - {id: b, name: B, duration: 1d, start_on: 2024-06-05}\n"));
  expect_dates(step(a, "t.b"), "2024-06-05", "2024-06-05");
  EXPECT_EQ(step(a, "t.a").total_float, -3);
  expect_late(step(a, "t.a"), "2024-05-29", "2024-06-04");
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "constraint-conflict");
  EXPECT_EQ(a.findings[0].shortfall, 3);
}

TEST(Scheduler, MustFinishOn) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d, finish_on: 2024-06-14}\n"));
  expect_dates(step(a, "t.a"), "2024-06-12", "2024-06-14");
  EXPECT_EQ(step(a, "t.a").total_float, 0);
}

TEST(Scheduler, WindowStartsAtItsStartAndDueAtItsEnd) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: w, name: W, duration: 2d, window: [2024-06-12, 2024-06-20]}\n"
                            "  - {id: long, name: L, duration: 20d}\n");
  const auto& w = step(a, "w");
  expect_dates(w, "2024-06-12", "2024-06-13");
  expect_late(w, "2024-06-19", "2024-06-20");
  EXPECT_EQ(w.total_float, 5);
}

TEST(Scheduler, ApprovalLandsOnTheFirstMeetingAfterInputsAndLead) {
  const std::string committee =
      "committees: {C: {name: Committee, meetings: [2024-06-07, 2024-06-21], submit_lead: 2d}}\n";
  const auto a = analyze_ok(plan_header() + committee +
                            "tasks:\n  - id: t\n    name: T\n    steps:\n"
                            "      - {id: d, name: Draft, kind: draft, duration: 3d}\n"
                            "      - {id: ap, name: Approve, at: {committee: C}}\n");
  const auto& ap = step(a, "t.ap");
  expect_dates(ap, "2024-06-21", "2024-06-21");
  EXPECT_EQ(ap.driver, Driver::meeting);
  ASSERT_TRUE(ap.meeting.has_value());
  EXPECT_EQ(*ap.meeting, d("2024-06-21"));
  const auto& draft = step(a, "t.d");
  expect_late(draft, "2024-06-14", "2024-06-18");
  EXPECT_EQ(draft.total_float, 9);
  EXPECT_EQ(draft.free_float, 9);
  EXPECT_TRUE(a.findings.empty());
}

TEST(Scheduler, ApprovalWithoutLeadTakesTheNextMeeting) {
  const auto a = analyze_ok(plan_header() +
                            "committees: {C: {meetings: [2024-06-07, 2024-06-21]}}\n"
                            "tasks:\n  - id: t\n    name: T\n    steps:\n"
                            "      - {id: d, name: Draft, kind: draft, duration: 3d}\n"
                            "      - {id: ap, name: Approve, at: {committee: C}}\n");
  expect_dates(step(a, "t.ap"), "2024-06-07", "2024-06-07");
}

TEST(Scheduler, ApprovalPinnedToAMonthTakesItsFirstReachableMeeting) {
  const auto a =
      analyze_ok(plan_header() +
                 "committees: {C: {meetings: [2024-06-07, 2024-06-21], submit_lead: 2d}}\n"
                 "tasks:\n  - id: t\n    name: T\n    steps:\n"
                 "      - {id: d, name: Draft, kind: draft, duration: 3d}\n"
                 "      - {id: ap, name: Approve, at: {committee: C, month: 2024-06}}\n");
  expect_dates(step(a, "t.ap"), "2024-06-21", "2024-06-21");
  EXPECT_EQ(step(a, "t.ap").driver, Driver::pinned);
  EXPECT_TRUE(a.findings.empty());
}

TEST(Scheduler, ApprovalPinnedBeforeItsInputsAreReady) {
  const auto a =
      analyze_ok(plan_header() +
                 "committees: {C: {meetings: [2024-06-07, 2024-06-21], submit_lead: 2d}}\n"
                 "tasks:\n  - id: t\n    name: T\n    steps:\n"
                 "      - {id: d, name: Draft, kind: draft, duration: 3d}\n"
                 "      - {id: ap, name: Approve, at: {committee: C, date: 2024-06-07}}\n");
  expect_dates(step(a, "t.ap"), "2024-06-07", "2024-06-07");
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "pinned-meeting-too-early");
  EXPECT_EQ(a.findings[0].shortfall, 1);
  EXPECT_EQ(step(a, "t.d").total_float, -1);
}

TEST(Scheduler, ApprovalAfterTheLastMeeting) {
  const auto a =
      analyze_ok(plan_header() +
                 "committees: {C: {meetings: [2024-06-07, 2024-06-21], submit_lead: 2d}}\n"
                 "tasks:\n  - id: t\n    name: T\n    steps:\n"
                 "      - {id: d, name: Draft, kind: draft, duration: 15d}\n"
                 "      - {id: ap, name: Approve, at: {committee: C}}\n");
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "no-meeting");
  EXPECT_FALSE(step(a, "t.ap").meeting.has_value());
}

TEST(Scheduler, MilestoneIsReachedAtTheEndOfItsDay) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 3d}\n"
                          "      - {id: m, name: M, kind: milestone}\n"
                          "      - {id: b, name: B, duration: 1d}\n"));
  expect_dates(step(a, "t.m"), "2024-06-05", "2024-06-05");
  EXPECT_EQ(step(a, "t.m").duration, 0);
  expect_dates(step(a, "t.b"), "2024-06-06", "2024-06-06");
  const auto first = analyze_ok(one_task("      - {id: m, name: M, kind: milestone}\n"));
  expect_dates(step(first, "t.m"), "2024-06-03", "2024-06-03");
}

TEST(Scheduler, CalendarDayStepsRunOverDaysOff) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 4cd, start_on: 2024-06-06}\n"
                          "      - {id: b, name: B, duration: 1d}\n"));
  expect_dates(step(a, "t.a"), "2024-06-06", "2024-06-09");
  EXPECT_EQ(step(a, "t.a").duration, 2);
  expect_dates(step(a, "t.b"), "2024-06-10", "2024-06-10");
  const auto sat =
      analyze_ok(one_task("      - {id: a, name: A, duration: 1cd, start_on: 2024-06-08}\n"));
  expect_dates(step(sat, "t.a"), "2024-06-08", "2024-06-08");
}

TEST(Scheduler, EventsAreDatesToWaitForAndToFinishBy) {
  const auto a = analyze_ok(plan_header() +
                            "events: [{id: ev, name: Event, date: 2024-06-12, aliases: [E]}]\n"
                            "tasks:\n"
                            "  - {id: x, name: X, duration: 1d, after: E}\n"
                            "  - {id: y, name: Y, duration: 8d, due: ev}\n"
                            "  - {id: z, name: Z, duration: 1cd, at: ev}\n");
  expect_dates(step(a, "x"), "2024-06-13", "2024-06-13");
  EXPECT_EQ(step(a, "x").driver, Driver::event);
  expect_dates(step(a, "y"), "2024-06-03", "2024-06-12");
  EXPECT_EQ(step(a, "y").total_float, 0);
  expect_dates(step(a, "z"), "2024-06-12", "2024-06-12");
}

TEST(Scheduler, TaskLinksAndTaskRollUp) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - id: x\n    name: X\n    due: 2024-06-06\n    steps:\n"
                            "      - {id: p, name: P, duration: 2d}\n"
                            "      - {id: q, name: Q, duration: 3d}\n"
                            "  - id: y\n    name: Y\n    after: x\n    steps:\n"
                            "      - {id: r, name: R, duration: 1d}\n");
  expect_dates(step(a, "y.r"), "2024-06-10", "2024-06-10");
  const auto& x = a.schedule->tasks[0];
  EXPECT_EQ(format_iso(x.start), "2024-06-03");
  EXPECT_EQ(format_iso(x.finish), "2024-06-07");
  EXPECT_EQ(x.total_float, -1);
  EXPECT_TRUE(x.critical);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].steps.front(), "x.q");
  EXPECT_EQ(a.findings[0].shortfall, 1);
}

TEST(Scheduler, ChainFalseStartsInParallel) {
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 2d}\n"
                          "      - {id: b, name: B, duration: 1d, chain: false}\n"));
  expect_dates(step(a, "t.b"), "2024-06-03", "2024-06-03");
  EXPECT_TRUE(a.graph->links.empty());
}

TEST(Scheduler, SwappedWorkingDayIsWorked) {
  const auto a = analyze_ok(
      one_task("      - {id: a, name: A, duration: 6d}\n", ", working_days: [2024-06-08]"));
  expect_dates(step(a, "t.a"), "2024-06-03", "2024-06-08");
}

TEST(Scheduler, MilestoneDueBeforeThePlanStartsShowsItsOwnLateDate) {
  // Due Wednesday 29 May, five days before the plan starts on Monday 3 June:
  // the late date is the 29th itself (it used to show the 30th), and the
  // milestone is two working days late (Thursday 30 and Friday 31 May).
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: m, name: M, kind: milestone, due: 2024-05-29}\n");
  EXPECT_EQ(format_iso(step(a, "m").start), "2024-06-03");
  EXPECT_EQ(format_iso(step(a, "m").late_finish), "2024-05-29");
  EXPECT_EQ(step(a, "m").total_float, -2);
}

TEST(Scheduler, LateDatesFarBeforeThePlanStartAreNotClamped) {
  // 300 working days (60 weeks) that must end by Friday 7 June 2024 start
  // late on Monday 17 April 2023, 413 days before the plan's start.
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 300d}\n"
                          "      - {id: m, name: M, kind: milestone, due: 2024-06-07}\n"));
  expect_late(step(a, "t.a"), "2023-04-17", "2024-06-07");
  EXPECT_EQ(format_iso(step(a, "t.m").late_finish), "2024-06-07");
  EXPECT_EQ(step(a, "t.a").total_float, -295);  // early finish: 300 working days from 3 June
}

TEST(Scheduler, MilestoneNotBeforeADayLetsItsSuccessorsStartThatDay) {
  // As in MS Project and P6: a milestone held to 'not before Wednesday 5
  // June' is reached as the 5th begins, so the step after it starts on the
  // 5th (it used to start on the 6th).
  const auto a =
      analyze_ok(one_task("      - {id: m, name: M, kind: milestone, not_before: 2024-06-05}\n"
                          "      - {id: b, name: B, duration: 2d}\n"));
  EXPECT_EQ(format_iso(step(a, "t.m").start), "2024-06-05");
  expect_dates(step(a, "t.b"), "2024-06-05", "2024-06-06");
}

TEST(Scheduler, EventsStillHappenAtTheEndOfTheirDay) {
  // An event of the plan is a day that is spent: what follows it starts the
  // next working day (Thursday 6 June after Wednesday's ceremony).
  const auto a = analyze_ok(plan_header() +
                            "events: [{id: le, name: Le, date: 2024-06-05}]\n"
                            "tasks:\n"
                            "  - {id: b, name: B, duration: 2d, after: le}\n");
  expect_dates(step(a, "b"), "2024-06-06", "2024-06-07");
}

TEST(Scheduler, StartByThatCannotBeMetGivesNegativeFloat) {
  // a runs Monday 3 to Friday 7 June; b may start on Monday 10 but must
  // start by Thursday 6: two working days late, total float -2 on both.
  const auto a =
      analyze_ok(one_task("      - {id: a, name: A, duration: 5d}\n"
                          "      - {id: b, name: B, duration: 2d, start_by: 2024-06-06}\n"));
  expect_dates(step(a, "t.b"), "2024-06-10", "2024-06-11");
  expect_late(step(a, "t.b"), "2024-06-06", "2024-06-07");
  EXPECT_EQ(step(a, "t.b").total_float, -2);
  EXPECT_EQ(format_iso(step(a, "t.a").late_finish), "2024-06-05");
  EXPECT_EQ(step(a, "t.a").total_float, -2);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].kind, "start-by-missed");
  EXPECT_EQ(a.findings[0].shortfall, 2);
}

TEST(Scheduler, FinishNotBeforeHoldsTheStepBack) {
  // Two working days that may not finish before Friday 7 June: Thursday 6
  // and Friday 7. Not before Saturday 8: the finish moves to Monday 10.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: c, name: C, duration: 2d, finish_not_before: 2024-06-07}\n"
                            "  - {id: d, name: D, duration: 2d, finish_not_before: 2024-06-08}\n"
                            "  - {id: e, name: E, duration: 3cd, finish_not_before: 2024-06-09}\n");
  expect_dates(step(a, "c"), "2024-06-06", "2024-06-07");
  expect_dates(step(a, "d"), "2024-06-07", "2024-06-10");
  expect_dates(step(a, "e"), "2024-06-07", "2024-06-09");
  EXPECT_TRUE(a.findings.empty());
}

TEST(Scheduler, FinishNotBeforeAfterTheDueDateContradicts) {
  const auto a = analyze_ok(
      plan_header() +
      "tasks:\n"
      "  - {id: c, name: C, duration: 1d, due: 2024-06-05, finish_not_before: 2024-06-07}\n");
  bool found = false;
  for (const auto& f : a.findings) found = found || f.kind == "constraints-contradict";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tiendo
