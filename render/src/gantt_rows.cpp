#include "gantt_rows.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "criticality.hpp"
#include "labels.hpp"

namespace tiendo::render {

namespace {

/// The rows of task `t`: its summary row, then the steps `keep` keeps (all
/// its rows gone when it keeps none); `summary_only`: the summary row alone.
void add_task(const Analysis& a, std::uint32_t t, std::size_t block, std::vector<GanttRow>& rows,
              const std::function<bool(NodeId)>& keep, bool summary_only = false) {
  const auto& task = a.plan->tasks[t];
  const auto& graph = *a.graph;
  // Nodes of a task are numbered consecutively in plan order.
  NodeId first = 0;
  while (graph.nodes[first].task != t) ++first;
  std::vector<NodeId> shown;
  for (NodeId v = first; v < first + task.steps.size(); ++v) {
    if (summary_only || keep(v)) shown.push_back(v);
  }
  if (shown.empty()) return;
  if (summary_only) shown.clear();
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

/// The groups from the outermost to the task's own (indexes into
/// Plan::groups); empty for a task in no group.
std::vector<std::size_t> group_path(const Plan& plan,
                                    const std::map<std::string, std::size_t>& index,
                                    const std::string& group) {
  std::vector<std::size_t> path;
  for (auto it = index.find(group); it != index.end() && path.size() <= index.size();
       it = index.find(plan.groups[it->second].parent)) {
    path.push_back(it->second);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

/// Rows by task, under headings for the plan's groups.
/// The steps a chart shows: all, or the critical ones.
std::function<bool(NodeId)> shown_steps(const Analysis& a, const GanttOptions& options) {
  return [&a, only = options.critical_only](NodeId v) {
    return !only || a.schedule->steps[v].critical;
  };
}

std::vector<GanttRow> grouped_by_plan(const Analysis& a, const GanttOptions& options) {
  const auto& plan = *a.plan;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < plan.groups.size(); ++i) index.emplace(plan.groups[i].id, i);
  std::vector<GanttRow> rows;
  std::vector<std::size_t> open;       // the groups of the headings above, outermost first
  std::vector<std::size_t> open_rows;  // their heading rows
  for (std::uint32_t t = 0; t < plan.tasks.size(); ++t) {
    std::vector<GanttRow> task_rows;
    add_task(a, t, t, task_rows, shown_steps(a, options));
    if (task_rows.empty()) continue;
    const auto path = group_path(plan, index, plan.tasks[t].group);
    std::size_t common = 0;
    while (common < open.size() && common < path.size() && open[common] == path[common]) ++common;
    open.resize(common);
    open_rows.resize(common);
    for (std::size_t k = common; k < path.size(); ++k) {
      GanttRow heading;
      heading.kind = GanttRow::Kind::group;
      heading.name = plan.groups[path[k]].name;
      heading.group = plan.groups[path[k]].id;
      heading.depth = static_cast<int>(k);
      heading.block = t;  // kept on the page of its first task
      open.push_back(path[k]);
      open_rows.push_back(rows.size());
      rows.push_back(std::move(heading));
    }
    for (const auto r : open_rows) rows[r].group_tasks.push_back(t);
    for (auto& row : task_rows) {
      row.depth = static_cast<int>(path.size());
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace

std::vector<GanttRow> gantt_rows(const Analysis& a, const GanttOptions& options) {
  std::vector<GanttRow> rows;
  const auto& tasks = a.plan->tasks;
  if (options.group_by == GroupBy::task) {
    if (!a.plan->groups.empty()) return grouped_by_plan(a, options);
    for (std::uint32_t t = 0; t < tasks.size(); ++t)
      add_task(a, t, t, rows, shown_steps(a, options));
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
    for (const auto t : members[key]) add_task(a, t, t, rows, shown_steps(a, options));
    if (rows.size() == before + 1) rows.pop_back();  // nothing shown under it
  }
  return rows;
}

std::vector<GanttRow> slide_rows(const Analysis& a, const GanttOptions& options) {
  const auto& sched = *a.schedule;
  const std::set<NodeId> path(sched.critical_path.begin(), sched.critical_path.end());
  const auto key = [&](NodeId v) {
    return criticality(a, v) == Criticality::logic || path.count(v) > 0 ||
           (a.graph->step(*a.plan, v).meeting && sched.steps[v].meeting);
  };
  std::vector<GanttRow> first, rest;
  const auto& tasks = a.plan->tasks;
  for (std::uint32_t t = 0; t < tasks.size(); ++t) {
    const auto before = first.size();
    add_task(a, t, t, first, key);
    if (first.size() == before && !options.critical_only) add_task(a, t, t, rest, key, true);
  }
  // The critical path and the decisions are one block: on one slide when
  // they fit on one, the others after them.
  for (auto& row : first) row.block = tasks.size();
  if (!rest.empty() && !first.empty()) {
    GanttRow heading;
    heading.kind = GanttRow::Kind::group;
    heading.name = labels::words(options.lang).others;
    heading.block = rest.front().block;  // kept on the page of the first task under it
    first.push_back(std::move(heading));
  }
  for (auto& row : rest) first.push_back(std::move(row));
  return first;
}

}  // namespace tiendo::render
