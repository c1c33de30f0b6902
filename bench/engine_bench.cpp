// Engine benchmarks on synthetic plans: graph build, schedule (both passes,
// floats, critical path) and the feasibility checks, at growing sizes, to
// show the cost stays linear. Numbers go in the README, never in tests.
#include <benchmark/benchmark.h>
#include <tiendo/checks.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/schedule.hpp>

#include <random>

namespace {

using namespace tiendo;

/// N steps in tasks of 4; each step also waits for about two steps of
/// earlier tasks (all four link types, lags and leads); every tenth step has
/// a deadline, every twentieth task an approval at a monthly meeting.
Plan synthetic_plan(int steps) {
  std::mt19937 rng(42);
  Plan plan;
  plan.info.id = "bench";
  plan.info.start = *parse_iso_date("2024-01-01");
  for (int y = 2024; y <= 2025; ++y) {
    plan.calendar.holidays.push_back(*parse_iso_date(std::to_string(y) + "-04-30"));
    plan.calendar.holidays.push_back(*parse_iso_date(std::to_string(y) + "-09-02"));
  }
  Committee btv;
  btv.id = "BTV";
  btv.submit_lead = 3;
  for (int m = 0; m < 36; ++m) btv.meetings.push_back(plan.info.start + date::days{28 + 30 * m});
  plan.committees.push_back(btv);
  const int tasks = std::max(1, steps / 4);
  std::uniform_int_distribution<int> duration(1, 10);
  std::uniform_int_distribution<int> lag(-2, 3);
  std::uniform_int_distribution<int> type(0, 9);
  for (int t = 0; t < tasks; ++t) {
    Task task;
    task.id = "t" + std::to_string(t);
    task.name = task.id;
    for (int s = 0; s < 4; ++s) {
      Step step;
      step.local_id = "s" + std::to_string(s);
      step.id = task.id + "." + step.local_id;
      step.name = step.id;
      step.duration = {duration(rng), Duration::Unit::working_days};
      if (s == 1 && t % 20 == 0) {
        step.kind = StepKind::approval;
        step.duration = {1, Duration::Unit::working_days};
        step.meeting = MeetingRef{"BTV", std::nullopt, std::nullopt, {}, {}};
      }
      if (t > 0) {
        // Recent tasks only, so the plan stays a few hundred days long.
        std::uniform_int_distribution<int> earlier(std::max(0, t - 50), t - 1);
        for (int k = 0; k < 2; ++k) {
          LinkSpec link;
          link.target = "t" + std::to_string(earlier(rng)) + ".s" + std::to_string(k + 1);
          const int kind = type(rng);
          link.type = kind < 7 ? LinkType::FS : static_cast<LinkType>(kind - 6);
          link.lag = lag(rng);
          step.after.push_back(link);
        }
      }
      if ((t * 4 + s) % 10 == 0) {
        step.constraints.push_back(
            {ConstraintKind::due, plan.info.start + date::days{200}, {}, {}, {}, {}});
      }
      task.steps.push_back(std::move(step));
    }
    plan.tasks.push_back(std::move(task));
  }
  return plan;
}

void set_counters(benchmark::State& state, const DependencyGraph& g) {
  state.counters["steps"] = static_cast<double>(g.size());
  state.counters["links"] = static_cast<double>(g.links.size());
  state.SetComplexityN(static_cast<benchmark::IterationCount>(g.size() + g.links.size()));
}

void BM_BuildGraph(benchmark::State& state) {
  const auto plan = synthetic_plan(static_cast<int>(state.range(0)));
  std::optional<DependencyGraph> g;
  for (auto _ : state) {
    g = build_graph(plan).graph;
    benchmark::DoNotOptimize(g);
  }
  set_counters(state, *g);
}

void BM_Schedule(benchmark::State& state) {
  const auto plan = synthetic_plan(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  for (auto _ : state) {
    auto s = schedule_plan(plan, g);
    benchmark::DoNotOptimize(s);
  }
  set_counters(state, g);
}

void BM_Checks(benchmark::State& state) {
  const auto plan = synthetic_plan(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  const auto s = schedule_plan(plan, g);
  for (auto _ : state) {
    auto findings = check_plan(plan, g, s);
    benchmark::DoNotOptimize(findings);
  }
  set_counters(state, g);
}

BENCHMARK(BM_BuildGraph)
    ->RangeMultiplier(10)
    ->Range(1000, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK(BM_Schedule)
    ->RangeMultiplier(10)
    ->Range(1000, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK(BM_Checks)
    ->RangeMultiplier(10)
    ->Range(1000, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
