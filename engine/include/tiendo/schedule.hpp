#pragma once
// The CPM schedule: early and late dates, floats, the critical path.

#include <tiendo/calendar.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tiendo {

/// What fixed a step's early start.
enum class Driver : std::uint8_t {
  plan_start,  ///< nothing earlier: the plan's start
  link,        ///< a predecessor (see ScheduledStep::driving_link)
  event,       ///< a named event it waits for
  constraint,  ///< a not-before / window / must-start / must-finish date
  meeting,     ///< the first committee meeting it could reach
  pinned,      ///< the meeting it is pinned to
  actual,      ///< reported progress: its actual start (docs/progress.md)
  status,      ///< not started by the status date: held to the day after it
};

std::string_view to_string(Driver driver);

struct ScheduledStep {
  NodeId node = 0;
  Date start{}, finish{};  ///< as scheduled (the early dates), inclusive
  Date early_start{}, early_finish{}, late_start{}, late_finish{};
  int duration = 0;  ///< working days it occupies (0 for a milestone)
  int total_float = 0;
  int free_float = 0;
  bool critical = false;
  Driver driver = Driver::plan_start;
  std::optional<std::uint32_t> driving_link;  ///< index in DependencyGraph::links
  std::optional<Date> meeting;                ///< approvals: the meeting it lands on
  /// Progress (docs/progress.md): finished steps keep their actual dates and
  /// have no float; a step under way runs its remaining work after the
  /// status date.
  bool finished = false;
  bool in_progress = false;
  int remaining = 0;  ///< working days left of a step under way

  // Working-day boundaries (see WorkCalendar): start and end, early and late.
  int es = 0, ef = 0, ls = 0, lf = 0;
  /// Earliest start the inputs allow before meetings and hard constraints
  /// snap it (used by the checks to measure shortfalls).
  int ready = 0;
};

struct ScheduledTask {
  std::uint32_t task = 0;
  Date start{}, finish{};
  Date early_start{}, early_finish{}, late_start{}, late_finish{};
  int total_float = 0;
  bool critical = false;
};

struct Schedule {
  WorkCalendar calendar;
  Date start{}, finish{};
  std::vector<ScheduledStep> steps;   ///< indexed by NodeId
  std::vector<ScheduledTask> tasks;   ///< indexed like Plan::tasks
  std::vector<NodeId> critical_path;  ///< from its first step to its last
  /// Set when the plan reports progress: what is unfinished is scheduled
  /// after the end of this day.
  std::optional<Date> status_date;
};

/// Forward and backward pass in topological order. O(steps + links): each
/// link is looked at once per pass and every calendar query is O(1).
Schedule schedule_plan(const Plan& plan, const DependencyGraph& graph);

/// Where a schedule's time went, in milliseconds (for bench/engine_bench).
struct SchedulePhases {
  double facts = 0;     ///< durations, date constraints and meetings to boundaries
  double forward = 0;   ///< early dates
  double backward = 0;  ///< late dates
  double floats = 0;    ///< total and free float, task roll-up, critical path
};

/// schedule_plan, timing each phase into `phases`.
Schedule schedule_plan(const Plan& plan, const DependencyGraph& graph, SchedulePhases& phases);

/// The chain of driving predecessors that ends at `v`, first step first: at
/// most `max_steps` of it, the ones nearest to `v`.
std::vector<NodeId> driving_chain(const DependencyGraph& graph, const Schedule& schedule, NodeId v,
                                  std::size_t max_steps = SIZE_MAX);

/// True when the chain was cut by `max_steps` (its first step was itself
/// driven by a predecessor).
bool chain_is_cut(const Schedule& schedule, const std::vector<NodeId>& chain);

/// Steps nothing waits for, in plan order: the ends of the plan's paths.
std::vector<NodeId> end_points(const DependencyGraph& graph);

}  // namespace tiendo
