#pragma once
// The feasibility report: what cannot be met, and why.

#include <tiendo/diagnostics.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/plan.hpp>
#include <tiendo/schedule.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiendo {

/// One problem with the plan. `kind` is a stable code (docs/report-format.md).
struct Finding {
  std::string kind;
  Severity severity = Severity::error;
  std::vector<std::string> steps;  ///< the step ids involved, the subject first
  std::vector<std::string> chain;  ///< the driving chain, first step first
  int shortfall = 0;               ///< working days missing, when it applies
  std::string message_en;
  std::string message_vi;
  SourceLocation where;

  const std::string& message(std::string_view lang) const {
    return lang == "en" ? message_en : message_vi;
  }
};

/// Every finding, errors first, then in plan order. O(steps + links).
std::vector<Finding> check_plan(const Plan& plan, const DependencyGraph& graph,
                                const Schedule& schedule);

/// Where each step was meant to be: a baseline's dates, or the plan's own
/// schedule without its progress. Indexed by NodeId; empty: not known.
struct PlannedDates {
  struct Span {
    Date start{}, finish{};
  };
  std::vector<std::optional<Span>> steps;
  std::string source_en, source_vi;  ///< "the plan's schedule", "baseline 'adopted'"
};

/// The progress findings (docs/progress.md): behind-schedule,
/// actual-before-predecessor, progress-incomplete, progress-inconsistent.
/// Empty when the schedule has no status date.
std::vector<Finding> check_progress(const Plan& plan, const DependencyGraph& graph,
                                    const Schedule& schedule, const PlannedDates& planned);

/// True when no finding is an error.
bool feasible(const std::vector<Finding>& findings);

}  // namespace tiendo
