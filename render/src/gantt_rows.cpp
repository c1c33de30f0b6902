#include "gantt_rows.hpp"

#include <map>

#include "labels.hpp"

namespace tiendo::render {

namespace {

void add_task(const Analysis& a, const GanttOptions& options, std::uint32_t t, std::size_t block,
              std::vector<GanttRow>& rows) {
  const auto& task = a.plan->tasks[t];
  const auto& graph = *a.graph;
  // Nodes of a task are numbered consecutively in plan order.
  NodeId first = 0;
  while (graph.nodes[first].task != t) ++first;
  std::vector<NodeId> shown;
  for (NodeId v = first; v < first + task.steps.size(); ++v) {
    if (!options.critical_only || a.schedule->steps[v].critical) shown.push_back(v);
  }
  if (shown.empty()) return;
  GanttRow head;
  head.kind = GanttRow::Kind::task;
  head.number = std::to_string(t + 1);
  head.name = task.name;
  head.owner = task.owner;
  head.lead = task.lead;
  head.task = t;
  head.block = block;
  if (task.steps.size() == 1) {
    head.node = first;
    rows.push_back(head);
    return;
  }
  rows.push_back(head);
  for (const NodeId v : shown) {
    GanttRow row;
    row.kind = GanttRow::Kind::step;
    row.name = "– " + graph.step(*a.plan, v).name;
    row.node = v;
    row.block = block;
    rows.push_back(row);
  }
}

}  // namespace

std::vector<GanttRow> gantt_rows(const Analysis& a, const GanttOptions& options) {
  std::vector<GanttRow> rows;
  const auto& tasks = a.plan->tasks;
  if (options.group_by == GroupBy::task) {
    for (std::uint32_t t = 0; t < tasks.size(); ++t) add_task(a, options, t, t, rows);
    return rows;
  }
  // Groups in order of first appearance, tasks in plan order inside each.
  std::vector<std::string> keys;
  std::map<std::string, std::vector<std::uint32_t>> members;
  for (std::uint32_t t = 0; t < tasks.size(); ++t) {
    auto key = options.group_by == GroupBy::owner ? tasks[t].owner : tasks[t].lead;
    if (key.empty()) key = labels::words(options.lang).unassigned;
    if (!members.count(key)) keys.push_back(key);
    members[key].push_back(t);
  }
  for (const auto& key : keys) {
    const auto before = rows.size();
    GanttRow group;
    group.kind = GanttRow::Kind::group;
    group.name = key;
    group.block = members[key].front();
    rows.push_back(group);
    for (const auto t : members[key]) add_task(a, options, t, t, rows);
    if (rows.size() == before + 1) rows.pop_back();  // nothing shown under it
  }
  return rows;
}

}  // namespace tiendo::render
