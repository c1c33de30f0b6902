#pragma once
// The rows of a Gantt chart: which tasks and steps are shown, in what order,
// under which group headings (the plan's own groups, or by person in charge
// or lead unit).

#include <tiendo/render/render.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiendo::render {

struct GanttRow {
  enum class Kind { group, task, step };
  Kind kind = Kind::step;
  std::string number;  ///< STT: the task's number in the plan
  std::string name;
  std::string owner;
  std::string lead;
  std::optional<NodeId> node;              ///< the step drawn on this row
  std::optional<std::uint32_t> task;       ///< a task row (summary, or its only step)
  std::size_t block = 0;                   ///< rows of one task share a block (kept on one page)
  int depth = 0;                           ///< how deep in the plan's groups (indents the name)
  std::string group;                       ///< a plan group's heading: the group's id
  std::vector<std::uint32_t> group_tasks;  ///< ... and the tasks under this heading
};

/// The chart's rows in plan order, grouped as asked; `critical_only` keeps
/// only critical steps and the tasks that have one. By task, a plan with
/// groups gets a heading row where a group begins (one for each level
/// entered), tasks still in the plan's order; a group with no task shown
/// gets none.
std::vector<GanttRow> gantt_rows(const Analysis& analysis, const GanttOptions& options);

/// A slide's rows (Fit::slide): first each task with a step critical by
/// logic, on the schedule's critical path or decided at a committee meeting
/// (in plan order), with those steps alone under its summary; then, under
/// the heading "Các nhiệm vụ khác", every other task as its summary row
/// alone (a task of one step: its bar). With critical_only, no others. The
/// first rows are one block (kept on one slide when they fit on one).
std::vector<GanttRow> slide_rows(const Analysis& analysis, const GanttOptions& options);

}  // namespace tiendo::render
