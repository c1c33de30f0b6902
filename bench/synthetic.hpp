#pragma once
// Synthetic plans for benchmarks, side-by-side runs and chart tests: N steps
// in tasks of 3-6 steps (or as asked), about `links` dependencies per step on steps of recent tasks
// (all four types, some lags and leads), some deadlines, windows and pinned
// meetings, on a calendar with holidays. Deterministic for a seed.

#include <tiendo/plan.hpp>

#include <string>

namespace tiendo::bench {

struct SyntheticOptions {
  int steps = 1000;
  double links = 3;        ///< per step, on average
  int min_task_steps = 3;  ///< each task has this many steps or more
  int max_task_steps = 6;  ///< ... and at most this many
  unsigned seed = 42;
  /// Only what every tool compared shares: finish-to-start links with gaps of
  /// zero or more working days, start-no-earlier-than dates. No meetings,
  /// deadlines, windows or leads.
  bool common_only = false;
};

Plan synthetic_plan(const SyntheticOptions& options);

/// The plan as a tiendo plan file.
std::string to_yaml(const Plan& plan);
/// The plan as a TaskJuggler 3 project (common_only plans), with a CSV
/// report of each task's start and end to `csv_name`.
std::string to_tjp(const Plan& plan, const std::string& csv_name);
/// The plan as a PlantUML Gantt diagram (common_only plans).
std::string to_plantuml(const Plan& plan);

}  // namespace tiendo::bench
