// Engine benchmarks on synthetic plans (synthetic.hpp) from 10^3 to 10^6
// steps: graph build; the schedule, with each of its phases (facts, forward
// pass, backward pass, floats + critical path); graph and schedule together;
// the feasibility checks; reading the plan file. Each reports steps, links,
// the process's peak RSS while it ran (peak_MB, the in-memory plans
// included) and how far that peak rose above the RSS it started from
// (added_MB: what the measured calls hold at their peak). Numbers go in the
// README, never in tests.
#include <benchmark/benchmark.h>
#include <tiendo/checks.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/risk.hpp>
#include <tiendo/schedule.hpp>

#include <fstream>
#include <map>
#include <string>

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

/// A field of /proc/self/status in MB ("VmRSS", "VmHWM").
double status_mb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

/// Starts a memory measurement: the peak RSS is reset to the current RSS
/// (Linux: writing 5 to clear_refs), which is returned.
double start_memory() {
  std::ofstream("/proc/self/clear_refs") << "5";
  return status_mb("VmRSS");
}

void memory_counters(benchmark::State& state, double start_mb) {
  const double peak = status_mb("VmHWM");
  state.counters["peak_MB"] = peak;
  state.counters["added_MB"] = peak - start_mb;
}

void counters(benchmark::State& state, const DependencyGraph& g, double start_mb) {
  state.counters["steps"] = static_cast<double>(g.size());
  state.counters["links"] = static_cast<double>(g.links.size());
  memory_counters(state, start_mb);
}

void BM_BuildGraph(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const double start = start_memory();
  std::optional<DependencyGraph> g;
  for (auto _ : state) {
    g = build_graph(plan).graph;
    benchmark::DoNotOptimize(g);
  }
  counters(state, *g, start);
}

void BM_Schedule(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  const double start = start_memory();
  SchedulePhases phases;
  for (auto _ : state) {
    auto s = schedule_plan(plan, g, phases);
    benchmark::DoNotOptimize(s);
  }
  counters(state, g, start);
  // Each phase, in milliseconds per schedule.
  const auto per_run = [&](double total) {
    return benchmark::Counter(total / static_cast<double>(state.iterations()));
  };
  state.counters["facts_ms"] = per_run(phases.facts);
  state.counters["forward_ms"] = per_run(phases.forward);
  state.counters["backward_ms"] = per_run(phases.backward);
  state.counters["floats_cp_ms"] = per_run(phases.floats);
}

void BM_GraphAndSchedule(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const double start = start_memory();
  std::optional<DependencyGraph> g;
  for (auto _ : state) {
    g = build_graph(plan).graph;
    auto s = schedule_plan(plan, *g);
    benchmark::DoNotOptimize(s);
  }
  counters(state, *g, start);
}

void BM_Checks(benchmark::State& state) {
  const auto& plan = plan_of(static_cast<int>(state.range(0)));
  const auto g = *build_graph(plan).graph;
  const auto s = schedule_plan(plan, g);
  const double start = start_memory();
  for (auto _ : state) {
    auto findings = check_plan(plan, g, s);
    benchmark::DoNotOptimize(findings);
  }
  counters(state, g, start);
}

void BM_ParsePlanFile(benchmark::State& state) {
  const auto yaml = bench::to_yaml(plan_of(static_cast<int>(state.range(0))));
  const double start = start_memory();
  for (auto _ : state) {
    auto parsed = parse_plan(yaml);
    benchmark::DoNotOptimize(parsed);
  }
  state.counters["bytes"] = static_cast<double>(yaml.size());
  memory_counters(state, start);
}

/// A folder of N plans of 50 steps (10 tasks of 5), sharing the workspace's
/// committee, 20 people and 10 units: each plan's third step is approved at
/// a BTV meeting, its last one is due. Read, scheduled and checked across.
void BM_Portfolio(benchmark::State& state) {
  const auto plans = static_cast<int>(state.range(0));
  std::string workspace =
      "workspace: {name: Office, start: 2024-01-01}\ncalendar: {holidays: vn}\n"
      "committees:\n  BTV: {rule: {every: month, weekday: tue, nth: last}, submit_lead: 3d, "
      "max_items: 10}\npeople:\n";
  for (int i = 0; i < 20; ++i) {
    workspace +=
        "  - {id: p" + std::to_string(i) + ", name: \"Đ/c Người " + std::to_string(i) + "\"}\n";
  }
  workspace += "units:\n";
  for (int i = 0; i < 10; ++i) {
    workspace += "  - {id: u" + std::to_string(i) + ", name: \"Ban " + std::to_string(i) +
                 "\", capacity: 5}\n";
  }
  std::vector<PortfolioSource> sources;
  for (int k = 0; k < plans; ++k) {
    std::string text = "plan: {id: P" + std::to_string(k) + ", start: 2024-0" +
                       std::to_string(1 + k % 9) + "-01}\ntasks:\n";
    for (int t = 0; t < 10; ++t) {
      text += "  - id: t" + std::to_string(t) + "\n    name: Nhiệm vụ " + std::to_string(t) +
              "\n    owner: p" + std::to_string((k + t) % 20) + "\n    lead: u" +
              std::to_string((k + t) % 10) + "\n    steps:\n";
      for (int s = 0; s < 5; ++s) {
        text += "      - {id: s" + std::to_string(s) + ", name: Bước, ";
        text += s == 2   ? std::string("kind: approval, when: \"Tại kỳ họp BTV\"}\n")
                : s == 4 ? "duration: 3d, when: \"Trước ngày 30/12/2024\"}\n"
                         : "duration: " + std::to_string(2 + (k + t + s) % 6) + "d}\n";
      }
    }
    sources.push_back({"p" + std::to_string(k) + ".yaml", std::move(text)});
  }
  const PortfolioSource shared{"workspace.yaml", workspace};
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto p = analyze_portfolio(sources, shared);
    if (p.plans_read() != plans) state.SkipWithError("a plan did not read");
    findings = p.findings.size();
    benchmark::DoNotOptimize(p.findings.data());
  }
  state.counters["steps"] = 50.0 * plans;
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_Portfolio)->Arg(30)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

/// Schedule risk: 100 runs of the Monte Carlo simulation on a synthetic
/// plan whose every step that takes time has a range (half to twice its
/// duration): linear in runs x steps.
void BM_Risk(benchmark::State& state) {
  auto plan = plan_of(static_cast<int>(state.range(0)));
  for (auto& task : plan.tasks) {
    for (auto& step : task.steps) {
      if (step.duration.value == 0 || step.meeting) continue;
      step.optimistic = Duration{std::max(1, step.duration.value / 2), step.duration.unit};
      step.pessimistic = Duration{step.duration.value * 2, step.duration.unit};
    }
  }
  const auto analysis = analyze(std::move(plan), {});
  if (!analysis.ok()) {
    state.SkipWithError("the synthetic plan did not analyse");
    return;
  }
  for (auto _ : state) {
    const auto report = risk_analysis(analysis, {100, 1, Distribution::triangular});
    benchmark::DoNotOptimize(report.all_met);
  }
  state.counters["steps"] = static_cast<double>(analysis.graph->size());
  state.counters["runs"] = 100;
}
BENCHMARK(BM_Risk)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

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
