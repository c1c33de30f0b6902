// What a row shows on the timeline: a step's bar (an approval as a circle on
// its meeting day, a milestone as a diamond), a task's summary bar, float as a
// thin line to the late finish, deadlines as ▼ with a tick, conflicts as an
// outline and the findings' numbers.
#include <algorithm>
#include <set>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

BarGeometry bar_geometry(const GanttChart& c, const GanttPage& p, NodeId v, std::size_t r) {
  const auto& s = c.a.schedule->steps[v];
  const auto& step = c.step(v);
  const auto& axis = c.axis;
  BarGeometry g;
  g.y = p.row_y(r) + kRowHeight / 2;
  const double left = axis.x0, right = c.timeline_right();
  if (step.duration.is_milestone()) {
    g.diamond = true;
    g.x1 = g.x2 = axis.x(s.finish + date::days{1});
  } else if (step.meeting && s.meeting) {
    g.round = true;
    const double cx = axis.x(*s.meeting) + axis.day_width / 2;
    g.x1 = cx - 4.5;
    g.x2 = cx + 4.5;
  } else {
    g.x1 = axis.x(s.start);
    g.x2 = axis.x(s.finish + date::days{1});
  }
  g.visible = g.x2 >= left && g.x1 <= right;
  g.x1 = std::max(g.x1, left);
  g.x2 = std::min(g.x2, right);
  if (!g.diamond && !g.round && g.x2 - g.x1 < 2) {
    // A day at a month scale is thinner than a line: keep it visible.
    const double mid = (g.x1 + g.x2) / 2;
    g.x1 = mid - 1;
    g.x2 = mid + 1;
  }
  return g;
}

std::pair<double, double> summary_span(const GanttChart& c, std::uint32_t t) {
  const auto& task = c.a.schedule->tasks[t];
  return {std::max(c.axis.x(task.start), c.axis.x0),
          std::min(c.axis.x(task.finish + date::days{1}), c.timeline_right())};
}

std::pair<double, double> group_span(const GanttChart& c, const GanttRow& row) {
  if (row.group_tasks.empty()) return {1, 0};
  Date start = c.a.schedule->tasks[row.group_tasks.front()].start;
  Date finish = c.a.schedule->tasks[row.group_tasks.front()].finish;
  for (const auto t : row.group_tasks) {
    start = std::min(start, c.a.schedule->tasks[t].start);
    finish = std::max(finish, c.a.schedule->tasks[t].finish);
  }
  return {std::max(c.axis.x(start), c.axis.x0),
          std::min(c.axis.x(finish + date::days{1}), c.timeline_right())};
}

std::pair<double, double> bar_span(const GanttChart& c, const GanttPage& p, const GanttRow& row,
                                   std::size_t r) {
  if (row.kind == GanttRow::Kind::task && !row.node && row.task) return summary_span(c, *row.task);
  if (row.kind == GanttRow::Kind::group) return group_span(c, row);
  if (!row.node) return {1, 0};
  const auto g = bar_geometry(c, p, *row.node, r);
  if (!g.visible) return {1, 0};
  const double wing = g.diamond ? kDiamondHalf : 0;
  return {g.x1 - wing, g.x2 + wing};
}

void draw_float(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  if (!row.node) return;
  const auto& s = c.a.schedule->steps[*row.node];
  if (s.total_float <= 0) return;
  const auto g = bar_geometry(c, p, *row.node, r);
  if (!g.visible) return;
  const double end = std::min(c.axis.x(s.late_finish + date::days{1}), c.timeline_right());
  if (end <= g.x2 + 1) return;
  const auto& id = c.step(*row.node).id;
  p.ops.push_back(
      PathOp{{{g.x2, g.y}, {end, g.y}}, solid(kFloat, 0.8), false, false, {"float", id}});
  p.ops.push_back(PathOp{
      {{end, g.y - 3}, {end, g.y + 3}}, solid(kFloat, 0.8), false, false, {"float-end", id}});
}

namespace {

void draw_summary(const GanttChart& c, GanttPage& p, std::uint32_t t, std::size_t r) {
  const auto [x1, x2] = summary_span(c, t);
  if (x1 > x2) return;
  const double y = p.row_y(r) + kRowHeight / 2 - 2;
  const Color color = kSummary;
  const auto& id = c.a.plan->tasks[t].id;
  p.ops.push_back(
      RectOp{x1,
             y,
             x2 - x1,
             4,
             color,
             std::nullopt,
             0,
             {"summary", id, Meaning::of_summary(id, c.a.schedule->tasks[t].critical)}});
  p.ops.push_back(
      PolygonOp{{{x1, y}, {x1 + 4, y}, {x1, y + 7}}, color, std::nullopt, {"summary-end", {}}});
  p.ops.push_back(
      PolygonOp{{{x2, y}, {x2 - 4, y}, {x2, y + 7}}, color, std::nullopt, {"summary-end", {}}});
}

/// A plan group's bar, from its first task's start to its last task's
/// finish: thicker than a task's summary, with the same ends, so the rows
/// read as a hierarchy.
void draw_group(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  const auto [x1, x2] = group_span(c, row);
  if (x1 > x2) return;
  const double y = p.row_y(r) + kRowHeight / 2 - 3;
  const Color color = kGroupBar;
  p.ops.push_back(RectOp{x1,
                         y,
                         x2 - x1,
                         6,
                         color,
                         std::nullopt,
                         0,
                         {"group", row.group, Meaning::of_group(row.group)}});
  p.ops.push_back(
      PolygonOp{{{x1, y}, {x1 + 5, y}, {x1, y + 9}}, color, std::nullopt, {"group-end", {}}});
  p.ops.push_back(
      PolygonOp{{{x2, y}, {x2 - 5, y}, {x2, y + 9}}, color, std::nullopt, {"group-end", {}}});
}

}  // namespace

void draw_bars(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  if (row.kind == GanttRow::Kind::task && !row.node) {
    draw_summary(c, p, *row.task, r);
    return;
  }
  if (row.kind == GanttRow::Kind::group) {
    draw_group(c, p, row, r);
    return;
  }
  if (!row.node) return;
  const NodeId v = *row.node;
  const auto& s = c.a.schedule->steps[v];
  const auto& step = c.step(v);
  const auto g = bar_geometry(c, p, v, r);
  if (!g.visible) return;
  const auto meaning =
      Meaning::of_step(step.id, c.task_of(v).id,
                       g.diamond ? "milestone" : std::string(to_string(step.kind)), s.critical);
  if (g.diamond) {
    const double h = kDiamondHalf;
    p.ops.push_back(PolygonOp{{{g.x1, g.y - h}, {g.x1 + h, g.y}, {g.x1, g.y + h}, {g.x1 - h, g.y}},
                              s.critical ? kCritical : kInk,
                              std::nullopt,
                              {"milestone", step.id, meaning}});
    return;
  }
  const Color fill = bar_fill(step.kind, s.critical);
  const Stroke outline = bar_outline(step.kind, s.critical);
  if (g.round) {
    p.ops.push_back(CircleOp{
        (g.x1 + g.x2) / 2, g.y, (g.x2 - g.x1) / 2, fill, outline, {"approval", step.id, meaning}});
  } else {
    p.ops.push_back(RectOp{g.x1,
                           g.y - kBarHeight / 2,
                           g.x2 - g.x1,
                           kBarHeight,
                           fill,
                           outline,
                           1.2,
                           {"bar", step.id, meaning}});
  }
}

void draw_deadlines(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  if (!row.node) return;
  const NodeId v = *row.node;
  const auto& g = *c.a.graph;
  std::set<Date> dues;
  for (auto i = g.constraint_begin[v]; i < g.constraint_begin[v + 1]; ++i) {
    const auto& k = g.constraints[i];
    if (k.kind == ConstraintKind::due) dues.insert(k.date);
    if (k.kind == ConstraintKind::window) dues.insert(k.until);
  }
  for (const Date due : dues) {
    if (due < c.from || due > c.to) continue;
    const double x = c.axis.x(due + date::days{1});
    const double top = p.row_y(r) + 1.5;
    p.ops.push_back(PathOp{{{x, top + 5}, {x, p.row_y(r) + kRowHeight - 2}},
                           solid(kAlarm, 1.1),
                           false,
                           false,
                           {"deadline-tick", c.step(v).id}});
    p.ops.push_back(PolygonOp{{{x - 3.5, top}, {x + 3.5, top}, {x, top + 5.5}},
                              kAlarm,
                              std::nullopt,
                              {"deadline", c.step(v).id + "@" + format_iso(due)}});
  }
}

void draw_conflicts(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  if (!row.node) return;
  const auto& id = c.step(*row.node).id;
  const auto it = c.findings_by_step.find(id);
  if (it == c.findings_by_step.end()) return;
  const auto g = bar_geometry(c, p, *row.node, r);
  if (!g.visible) return;
  const auto severity_error = [&](int number) {
    return c.a.findings[static_cast<std::size_t>(number - 1)].severity == Severity::error;
  };
  bool any_error = false;
  std::vector<int> errors;
  for (const int n : it->second) {
    any_error = any_error || severity_error(n);
    if (severity_error(n)) errors.push_back(n);
  }
  const auto& task = c.task_of(*row.node).id;
  const auto outlined = Meaning::of_findings(id, task, errors);
  if (any_error && !g.diamond) {
    if (g.round) {
      p.ops.push_back(CircleOp{(g.x1 + g.x2) / 2,
                               g.y,
                               (g.x2 - g.x1) / 2 + 2,
                               std::nullopt,
                               solid(kAlarm, 1.6),
                               {"conflict-outline", id, outlined}});
    } else {
      p.ops.push_back(RectOp{g.x1 - 1.5,
                             g.y - kBarHeight / 2 - 1.5,
                             g.x2 - g.x1 + 3,
                             kBarHeight + 3,
                             std::nullopt,
                             solid(kAlarm, 1.6),
                             2,
                             {"conflict-outline", id, outlined}});
    }
  }
  // Numbered badges right of the bar (left of it near the right edge).
  const double radius = it->second.back() >= 10 ? 7 : 5.5;  // room for two digits
  const double step = 2 * radius + 2;
  const double need = static_cast<double>(it->second.size()) * step;
  double x = g.x2 + 4 + radius;
  if (x + need > c.timeline_right()) x = g.x1 - 4 - need + radius;
  const Color muted = from_hex(0x7A7A7A);
  for (const int n : it->second) {
    const Color color = severity_error(n) ? kAlarm : muted;
    p.ops.push_back(
        CircleOp{x,
                 g.y,
                 radius,
                 color,
                 solid(from_hex(0xFFFFFF), 0.8),
                 {"badge", id + "#" + std::to_string(n), Meaning::of_findings(id, task, {n})}});
    p.ops.push_back(TextOp{x - radius - 2,
                           g.y - radius,
                           2 * radius + 4,
                           2 * radius,
                           std::to_string(n),
                           Font{8, true, false},
                           from_hex(0xFFFFFF),
                           Align::center,
                           1,
                           {"badge-number", std::to_string(n)}});
    x += step;
  }
}

}  // namespace tiendo::render::gantt
