#pragma once
// Schedule risk (`tiendo risk`; docs/risk.md): how sure is the plan? Each
// step with a three-point estimate (optimistic, most likely = duration,
// pessimistic) takes a duration drawn at random in every run of a Monte Carlo
// simulation; the same scheduler (meetings, calendar, constraints) places
// the steps each time. The answer: the spread of the plan's finish, the
// chance that each deadline holds, and how often each step is critical.

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tiendo {

enum class Distribution {
  triangular,  ///< the three points as a triangle (the default)
  pert,        ///< Beta-PERT: the most likely weighs four times
};

struct RiskOptions {
  int runs = 2000;
  std::uint64_t seed = 1;  ///< the same seed, the same draws: reports repeat
  Distribution distribution = Distribution::triangular;
};

/// Days of a spread: the planned (deterministic) one and percentiles.
struct DateSpread {
  Date planned{}, p10{}, p50{}, p80{}, p90{};
};

/// One deadline (a due date, a window's end, a must-finish day) of a step.
struct DeadlineRisk {
  std::string step, name;
  Date deadline{};
  std::string event;  ///< the event the date came from, if any
  double met = 0;     ///< share of runs in which the step finished by then
  DateSpread finish;  ///< the step's finish
  SourceLocation where;
};

struct StepRisk {
  std::string step, name;
  double critical = 0;  ///< share of runs in which it was critical
};

struct RiskReport {
  std::string plan_id, title;
  RiskOptions options;
  int uncertain = 0;   ///< steps with a range of durations
  int fixed = 0;       ///< of those, finished or under way: not drawn (their progress holds)
  DateSpread finish;   ///< the plan's finish
  /// The plan's finish in every run, earliest first: the distribution a
  /// chart draws (its histogram and its S-curve).
  std::vector<Date> finishes;
  double all_met = 0;  ///< share of runs in which every deadline held
  std::vector<DeadlineRisk> deadlines;  ///< least likely to hold first
  std::vector<StepRisk> critical;       ///< most often critical first; never-critical left out
};

/// Runs the simulation on an analysed plan (it must be ok()). Linear in
/// runs x the plan's size.
RiskReport risk_analysis(const Analysis& analysis, const RiskOptions& options = {});

/// Reads 'triangular' or 'pert'.
std::optional<Distribution> distribution_named(std::string_view name);
std::string_view to_string(Distribution distribution);

std::string risk_text(const RiskReport& report, Lang lang);
/// JSON (docs/schemas/tiendo-risk-1.schema.json).
std::string risk_json(const RiskReport& report);

}  // namespace tiendo
