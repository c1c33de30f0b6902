// Engine benchmarks on synthetic plans (synthetic.hpp) from 10^3 to 10^6
// steps: graph build, the schedule (both passes, floats, critical path), the
// feasibility checks, and reading the plan file. Each reports steps, links
// and the process's peak RSS. Numbers go in the README, never in tests.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <tiendo/checks.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/schedule.hpp>

#include <map>

#include "synthetic.hpp"

namespace {

using namespace tiendo;

const Plan& plan_of(int steps) {
  static std::map<int, Plan> cache;
  auto it = cache.find(steps);
  if (it == cache.end()) {
    bench::SyntheticOptions options;
    options.steps = steps;
    it = cache.emplace(steps, bench::synthetic_plan(options)).first;
  }
  return it->second;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void counters(benchmark::State& state, const DependencyGraph& g) {
  state.counters["steps"] = static_cast<double>(g.size());
  state.counters["links"] = static_cast<double>(g.links.size());
  state.counters["peak_MB"] = peak_rss_mb();
}

void BM_BuildGraph(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  std::optional<DependencyGraph> g;
  for (auto _ : state) {
    g = build_graph(plan).graph;
    benchmark::DoNotOptimize(g);
  }
  counters(state, *g);
}

void BM_Schedule(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  for (auto _ : state) {
    auto s = schedule_plan(plan, g);
    benchmark::DoNotOptimize(s);
  }
  counters(state, g);
}

void BM_GraphAndSchedule(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  std::optional<DependencyGraph> g;
  for (auto _ : state) {
    g = build_graph(plan).graph;
    auto s = schedule_plan(plan, *g);
    benchmark::DoNotOptimize(s);
  }
  counters(state, *g);
}

void BM_Checks(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  const auto s = schedule_plan(plan, g);
  for (auto _ : state) {
    auto findings = check_plan(plan, g, s);
    benchmark::DoNotOptimize(findings);
  }
  counters(state, g);
}

void BM_ParsePlanFile(benchmark::State& state) {
  const auto yaml = bench::to_yaml(plan_of(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    auto parsed = parse_plan(yaml);
    benchmark::DoNotOptimize(parsed);
  }
  state.counters["bytes"] = static_cast<double>(yaml.size());
  state.counters["peak_MB"] = peak_rss_mb();
}

#define LADDER RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)
BENCHMARK(BM_BuildGraph)->LADDER;
BENCHMARK(BM_Schedule)->LADDER;
BENCHMARK(BM_GraphAndSchedule)->LADDER;
BENCHMARK(BM_Checks)->LADDER;
BENCHMARK(BM_ParsePlanFile)
    ->RangeMultiplier(10)
    ->Range(1000, 100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
