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

/// What a verdict rests on (check_plan includes these): a warning for each
/// of the planner's words the plan could not hold (`time-not-read`,
/// `document-not-read`).
std::vector<Finding> check_trust(const Plan& plan);

/// What `check` says of a plan, with what it rests on: no verdict is clean
/// over values tiendo guessed or words it could not read.
struct Verdict {
  enum class Kind { feasible, not_feasible, nothing_to_check };
  Kind kind = Kind::feasible;
  int errors = 0, warnings = 0;
  int guesses = 0;  ///< values not read from the planner's words (`guessed:`)
  int losses = 0;   ///< words that gave the plan nothing (`not_read:`)

  bool is_feasible() const { return kind == Kind::feasible; }
  /// True when it rests on nothing guessed and nothing lost.
  bool clean() const { return guesses == 0 && losses == 0; }
};

/// Not feasible with an error finding; else nothing to check against when
/// the plan has no deadline, window, pinned meeting or event; else feasible.
Verdict verdict_of(const Plan& plan, const std::vector<Finding>& findings);

}  // namespace tiendo
