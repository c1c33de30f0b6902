#pragma once
// The progress report an office brings to the meeting: where every step
// stands at the status date, the forecast for each event and deadline, and
// what drives the ones at risk (`tiendo status`; docs/progress.md).

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>
#include <tiendo/progress.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

enum class StepState { done, in_progress, late, not_started };

std::string_view to_string(StepState state);

struct StepStatus {
  NodeId node = 0;
  std::string id, name, task;
  StepState state = StepState::not_started;
  Date start{}, finish{};  ///< actual or forecast
  std::optional<int> percent;
  int behind = 0;  ///< working days behind its planned dates (late only)
  /// Variance against a baseline, when one is given: working days, + later.
  std::optional<int> finish_variance;
};

/// A date that must hold: an event, or a step's deadline.
struct Forecast {
  std::string kind;     ///< "event" or "deadline"
  std::string subject;  ///< the event's or the step's id
  std::string name;
  Date target{};    ///< the event's day, or the deadline
  Date forecast{};  ///< when what it needs is forecast to be done
  /// Working days to spare: negative when the forecast misses it.
  int margin = 0;
  bool at_risk() const { return margin < 0; }
  /// For one at risk: the chain of steps that drives it, first step first.
  std::vector<std::string> drivers;
};

struct StatusReport {
  std::string plan_id, title;
  Date status_date{};
  std::string baseline;  ///< its name, when the report compares with one
  int done = 0, in_progress = 0, late = 0, not_started = 0;
  std::vector<StepStatus> steps;  ///< plan order
  std::vector<Forecast> events;   ///< by day
  std::vector<Forecast> deadlines;
  std::vector<Finding> findings;  ///< progress findings and errors
};

/// The report for an analysed plan with a status date (or, without one, as
/// of `today`). `comparison`: variance against a baseline, if any.
StatusReport status_report(const Analysis& analysis, Date today,
                           const BaselineComparison* comparison = nullptr);

/// Events and deadlines together, most late first: by margin (the most
/// negative first), then by day. What a committee asks first, and what a
/// report cut to a few rows must never hide.
std::vector<const Forecast*> most_late_first(const StatusReport& report);

/// The late steps, furthest behind first (then by their forecast finish).
std::vector<const StepStatus*> late_steps(const StatusReport& report);

/// The report as text: events and deadlines each ranked as most_late_first()
/// ranks them, the late steps as late_steps() does.
std::string status_text(const StatusReport& report, Lang lang);
/// JSON (docs/schemas/tiendo-status-1.schema.json).
std::string status_json(const StatusReport& report, Lang lang);

}  // namespace tiendo
