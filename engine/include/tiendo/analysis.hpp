#pragma once
// One call from plan text to schedule and findings: what the CLI runs.

#include <tiendo/checks.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/plan.hpp>
#include <tiendo/schedule.hpp>

#include <optional>
#include <string_view>

namespace tiendo {

struct Analysis {
  Diagnostics diagnostics;  ///< input errors; when any is an error, the rest is empty
  std::optional<Plan> plan;
  std::optional<DependencyGraph> graph;
  std::optional<Schedule> schedule;
  std::vector<Finding> findings;
  /// The plan's `lang:` (ParseResult::lang): set also when the plan could
  /// not be read, to say why in its language.
  std::string lang = "vi";

  bool ok() const { return schedule.has_value(); }
};

/// Parses, builds the graph, schedules and checks.
Analysis analyze(std::string_view plan_text, const ParseOptions& options = {});

/// The same from a plan already read (and changed: the portfolio adds the
/// dates other plans' steps give it); `diagnostics` are the reading's.
Analysis analyze(std::optional<Plan> plan, Diagnostics diagnostics,
                 const Baseline* baseline = nullptr);

}  // namespace tiendo
