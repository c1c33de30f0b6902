#pragma once
// The rows of a Gantt chart: which tasks and steps are shown, in what order,
// under which group headings.

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
  std::optional<NodeId> node;         ///< the step drawn on this row
  std::optional<std::uint32_t> task;  ///< a task row (summary, or its only step)
  std::size_t block = 0;              ///< rows of one task share a block (kept on one page)
};

/// The chart's rows in plan order, grouped as asked; `critical_only` keeps
/// only critical steps and the tasks that have one.
std::vector<GanttRow> gantt_rows(const Analysis& analysis, const GanttOptions& options);

}  // namespace tiendo::render
