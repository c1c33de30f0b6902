// The scheduler against outside references: PSPLIB's critical-path lengths,
// and the dates MS Project computed for small link tests (cases rebuilt by
// hand from what MPXJ's test files show, not copied from them).
#include <gtest/gtest.h>
#include <tiendo/graph.hpp>
#include <tiendo/schedule.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

namespace fs = std::filesystem;

struct Psplib {
  int mpm_time = -1;
  std::vector<int> durations;
  std::vector<std::vector<int>> successors;  // 0-based
};

/// Reads the parts of a PSPLIB .sm file a CPM pass needs.
Psplib read_sm(const fs::path& path) {
  std::ifstream in(path);
  Psplib p;
  std::string line;
  enum { none, info, precedence, durations } section = none;
  while (std::getline(in, line)) {
    if (line.rfind("PROJECT INFORMATION", 0) == 0) {
      section = info;
      std::getline(in, line);  // header
      continue;
    }
    if (line.rfind("PRECEDENCE RELATIONS", 0) == 0) {
      section = precedence;
      std::getline(in, line);
      continue;
    }
    if (line.rfind("REQUESTS/DURATIONS", 0) == 0) {
      section = durations;
      std::getline(in, line);
      std::getline(in, line);  // dashes
      continue;
    }
    if (line.rfind("***", 0) == 0) {
      section = none;
      continue;
    }
    std::istringstream fields(line);
    if (section == info) {
      int pronr, jobs, rel, due, tard;
      fields >> pronr >> jobs >> rel >> due >> tard >> p.mpm_time;
    } else if (section == precedence) {
      int job, modes, count;
      if (!(fields >> job >> modes >> count)) continue;
      p.successors.resize(static_cast<std::size_t>(job));
      for (int i = 0, s; i < count && fields >> s; ++i) {
        p.successors[static_cast<std::size_t>(job - 1)].push_back(s - 1);
      }
    } else if (section == durations) {
      int job, mode, duration;
      if (fields >> job >> mode >> duration) p.durations.push_back(duration);
    }
  }
  return p;
}

/// The critical-path length tiendo computes for a PSPLIB instance, on a
/// calendar with no day off (PSPLIB counts periods).
int makespan(const Psplib& p) {
  Plan plan;
  plan.info.id = "psplib";
  plan.info.start = testing::d("2024-01-01");
  plan.calendar.days_off.clear();
  const auto n = p.durations.size();
  std::vector<std::vector<int>> predecessors(n);
  for (std::size_t j = 0; j < p.successors.size(); ++j) {
    for (const int s : p.successors[j]) {
      predecessors[static_cast<std::size_t>(s)].push_back(static_cast<int>(j));
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    Task task;
    task.id = 'j' + std::to_string(j + 1);
    Step step;
    step.id = step.local_id = task.id;
    step.duration = {p.durations[j], Duration::Unit::working_days};
    for (const int pred : predecessors[j]) {
      step.after.push_back({'j' + std::to_string(pred + 1), LinkType::FS, 0, {}});
    }
    task.steps.push_back(step);
    plan.tasks.push_back(task);
  }
  const auto graph = build_graph(plan);
  EXPECT_TRUE(graph.graph);
  const auto schedule = schedule_plan(plan, *graph.graph);
  const int start = schedule.calendar.start_boundary(plan.info.start);
  int end = start;
  for (const auto& s : schedule.steps) end = std::max(end, s.ef);
  // Every activity on the critical path has zero float; the sink is critical.
  EXPECT_EQ(schedule.steps.back().total_float, 0);
  return end - start;
}

using testing::source_dir;

TEST(Reference, PsplibBundledInstances) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/data/psplib")) {
    if (entry.path().extension() != ".sm") continue;
    const auto p = read_sm(entry.path());
    ASSERT_GT(p.mpm_time, 0) << entry.path();
    EXPECT_EQ(makespan(p), p.mpm_time) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

TEST(Reference, PsplibAllOfJ30) {
  const auto dir = source_dir().parent_path() / "shared/data/psplib/j30";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto p = read_sm(entry.path());
    EXPECT_EQ(makespan(p), p.mpm_time) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 480);
}

// MS Project 2016, project starting Monday 2016-02-08, 1-day tasks in pairs
// (Task 1 -> Task 2) with one link each: MS Project's early dates and total
// slack for the finish-to-start lags 0, 1d, 2d, 1w, 2w, and FF+2d.
TEST(Reference, MsProjectLinkLags) {
  const auto a = testing::analyze_ok(
      "plan: {id: msp, start: 2016-02-08}\n"
      "tasks:\n"
      "  - {id: a1, name: T1, duration: 1d}\n"
      "  - {id: a2, name: T2, duration: 1d, after: a1}\n"
      "  - {id: b1, name: T1, duration: 1d}\n"
      "  - {id: b2, name: T2, duration: 1d, after: {on: b1, lag: 1d}}\n"
      "  - {id: c1, name: T1, duration: 1d}\n"
      "  - {id: c2, name: T2, duration: 1d, after: {on: c1, lag: 2d}}\n"
      "  - {id: d1, name: T1, duration: 1d}\n"
      "  - {id: d2, name: T2, duration: 1d, after: {on: d1, lag: 1w}}\n"
      "  - {id: e1, name: T1, duration: 1d}\n"
      "  - {id: e2, name: T2, duration: 1d, after: {on: e1, lag: 2w}}\n"
      "  - {id: f1, name: T1, duration: 1d}\n"
      "  - {id: f2, name: T2, duration: 1d, after: {on: f1, type: FF, lag: 2d}}\n");
  const auto expect = [&](const char* id, const char* start, const char* late, int slack) {
    const auto& s = testing::step(a, id);
    EXPECT_EQ(format_iso(s.start), start) << id;
    EXPECT_EQ(format_iso(s.late_start), late) << id;
    EXPECT_EQ(s.total_float, slack) << id;
  };
  expect("a1", "2016-02-08", "2016-02-22", 10);
  expect("a2", "2016-02-09", "2016-02-23", 10);
  expect("b1", "2016-02-08", "2016-02-19", 9);
  expect("b2", "2016-02-10", "2016-02-23", 9);
  expect("c2", "2016-02-11", "2016-02-23", 8);
  expect("d1", "2016-02-08", "2016-02-15", 5);
  expect("d2", "2016-02-16", "2016-02-23", 5);
  expect("e1", "2016-02-08", "2016-02-08", 0);
  expect("e2", "2016-02-23", "2016-02-23", 0);
  expect("f1", "2016-02-08", "2016-02-19", 9);
  expect("f2", "2016-02-10", "2016-02-23", 9);
  // The project ends when MS Project's does.
  EXPECT_EQ(format_iso(a.schedule->finish), "2016-02-23");
}

// SS and SF: the early dates are MS Project's. In the backward pass tiendo
// honours the link on the predecessor's start as Primavera P6 and the CPM
// textbooks do (late start <= successor's late start/finish - lag); MS
// Project shows those predecessors with the whole project's slack instead
// (11 days for both T1s here).
TEST(Reference, StartLinksFollowP6InTheBackwardPass) {
  const auto a = testing::analyze_ok(
      "plan: {id: msp, start: 2016-02-08}\n"
      "tasks:\n"
      "  - {id: end, name: End, duration: 1d, not_before: 2016-02-23}\n"
      "  - {id: g1, name: T1, duration: 1d}\n"
      "  - {id: g2, name: T2, duration: 1d, after: {on: g1, type: SF, lag: 2d}}\n"
      "  - {id: h1, name: T1, duration: 1d}\n"
      "  - {id: h2, name: T2, duration: 1d, after: {on: h1, type: SS, lag: 2d}}\n");
  EXPECT_EQ(format_iso(testing::step(a, "g2").start), "2016-02-09");
  EXPECT_EQ(testing::step(a, "g2").total_float, 10);
  EXPECT_EQ(format_iso(testing::step(a, "h2").start), "2016-02-10");
  EXPECT_EQ(testing::step(a, "h2").total_float, 9);
  EXPECT_EQ(format_iso(testing::step(a, "g1").late_start), "2016-02-22");
  EXPECT_EQ(testing::step(a, "g1").total_float, 10);
  EXPECT_EQ(format_iso(testing::step(a, "h1").late_start), "2016-02-19");
  EXPECT_EQ(testing::step(a, "h1").total_float, 9);
}

// Thursday 2006-09-21: FS, SS+1d, FF and SF in one chain, as in MS Project's
// relations test: Task 5 (SF from Task 4) is placed the working day before
// Task 4 starts, with one day of total and free slack.
TEST(Reference, MsProjectRelationsChain) {
  const auto a = testing::analyze_ok(
      "plan: {id: msp, start: 2006-09-21}\n"
      "tasks:\n"
      "  - {id: t1, name: T1, duration: 1d}\n"
      "  - {id: t2, name: T2, duration: 1d, after: t1}\n"
      "  - {id: t3, name: T3, duration: 1d, after: {on: t2, type: SS, lag: 1d}}\n"
      "  - {id: t4, name: T4, duration: 1d, after: {on: t3, type: FF}}\n"
      "  - {id: t5, name: T5, duration: 1d, after: {on: t4, type: SF}}\n");
  EXPECT_EQ(format_iso(testing::step(a, "t2").start), "2006-09-22");
  EXPECT_EQ(format_iso(testing::step(a, "t3").start), "2006-09-25");
  EXPECT_EQ(format_iso(testing::step(a, "t4").start), "2006-09-25");
  EXPECT_EQ(format_iso(testing::step(a, "t5").start), "2006-09-22");
  EXPECT_EQ(format_iso(testing::step(a, "t5").late_start), "2006-09-25");
  EXPECT_EQ(testing::step(a, "t5").total_float, 1);
  EXPECT_EQ(testing::step(a, "t5").free_float, 1);
  for (const auto* id : {"t1", "t2", "t3", "t4"}) EXPECT_EQ(testing::step(a, id).total_float, 0);
}

}  // namespace
}  // namespace tiendo
