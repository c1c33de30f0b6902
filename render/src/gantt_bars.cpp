// What a row shows on the timeline: a step's bar (an approval as a circle on
// its meeting day, a milestone as a diamond) with its done part in a dark
// fill, a task's summary bar, the baseline's bar under either, float as a
// thin line to the late finish, deadlines as ▼ with a tick, conflicts as an
// outline and the findings' numbers.
#include <algorithm>
#include <cmath>
#include <set>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

BarGeometry bar_geometry(const GanttChart& c, const GanttPage& p, NodeId v, std::size_t r) {
  const auto& s = c.a.schedule->steps[v];
  const auto& step = c.step(v);
  const auto& axis = c.axis;
  BarGeometry g;
  g.y = p.bar_y(r);
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
  const double y = p.bar_y(r) - 2;
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
  const double y = p.bar_y(r) - 3;
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

std::optional<double> done_share(const GanttChart& c, NodeId v) {
  const auto& s = c.a.schedule->steps[v];
  if (s.finished) return 1.0;
  if (!s.in_progress) return std::nullopt;
  if (const auto percent = c.step(v).progress.percent)
    return std::clamp(*percent / 100.0, 0.0, 1.0);
  if (!c.status) return std::nullopt;
  const double x1 = c.axis.x(s.start), x2 = c.axis.x(s.finish + date::days{1});
  if (x2 <= x1) return std::nullopt;
  return std::clamp((c.axis.x(*c.status + date::days{1}) - x1) / (x2 - x1), 0.0, 1.0);
}

namespace {

/// The done part over a bar: inside its outline, from its start to its
/// share; a white edge where the rest begins (a critical bar's rest is dark
/// too), a white check on a finished bar wide enough for one.
void draw_done(const GanttChart& c, GanttPage& p, NodeId v, const BarGeometry& g,
               const Stroke& outline, double share) {
  const auto& s = c.a.schedule->steps[v];
  const auto& step = c.step(v);
  // Along the whole bar (the timeline may cut it), then cut like the bar.
  const double start = c.axis.x(s.start), end = c.axis.x(s.finish + date::days{1});
  const double inner = outline.width / 2;
  const double x1 = g.x1 + inner;
  const double x2 = std::min(g.x2 - inner, start + (end - start) * share);
  if (x2 <= x1) return;
  auto meaning =
      Meaning::of_step(step.id, c.task_of(v).id, std::string(to_string(step.kind)), s.critical);
  meaning.progress = static_cast<int>(std::lround(share * 100));
  const double top = g.y - kBarHeight / 2 + inner, h = kBarHeight - 2 * inner;
  p.ops.push_back(RectOp{x1,
                         top,
                         x2 - x1,
                         h,
                         done_fill(step.kind),
                         std::nullopt,
                         0,
                         {"progress", step.id, std::move(meaning)}});
  const Color white = from_hex(0xFFFFFF);
  if (!s.finished && x2 < g.x2 - inner) {
    p.ops.push_back(PathOp{
        {{x2, top}, {x2, top + h}}, solid(white, 0.8), false, false, {"progress-edge", step.id}});
  }
  if (s.finished && g.x2 - g.x1 >= 12) {
    const double cx = (g.x1 + g.x2) / 2;
    p.ops.push_back(PathOp{{{cx - 3, g.y}, {cx - 1, g.y + 2.5}, {cx + 3.5, g.y - 2.5}},
                           solid(white, 1.3),
                           false,
                           false,
                           {"done-check", step.id}});
  }
}

/// A milestone's diamond: filled once reached; while the plan reports
/// progress, one not yet reached is hollow.
void draw_milestone(const GanttChart& c, GanttPage& p, NodeId v, const BarGeometry& g,
                    const Meaning& meaning) {
  const auto& s = c.a.schedule->steps[v];
  const double h = kDiamondHalf;
  const Color ink = s.critical ? kCritical : kInk;
  const bool hollow = c.a.schedule->status_date && !s.finished;
  auto done = meaning;
  if (s.finished) done.progress = 100;
  p.ops.push_back(PolygonOp{{{g.x1, g.y - h}, {g.x1 + h, g.y}, {g.x1, g.y + h}, {g.x1 - h, g.y}},
                            hollow ? std::optional<Color>(from_hex(0xFFFFFF)) : ink,
                            hollow ? std::optional<Stroke>(solid(ink, 1.2)) : std::nullopt,
                            {"milestone", c.step(v).id, std::move(done)}});
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
    draw_milestone(c, p, v, g, meaning);
    return;
  }
  const Stroke outline = bar_outline(step.kind, s.critical);
  if (g.round) {
    // An approval is a day at a meeting: done or not, no part of it.
    const Color fill = s.finished ? done_fill(step.kind) : bar_fill(step.kind, s.critical);
    auto done = meaning;
    if (s.finished) done.progress = 100;
    p.ops.push_back(CircleOp{(g.x1 + g.x2) / 2,
                             g.y,
                             (g.x2 - g.x1) / 2,
                             fill,
                             outline,
                             {"approval", step.id, std::move(done)}});
    return;
  }
  p.ops.push_back(RectOp{g.x1,
                         g.y - kBarHeight / 2,
                         g.x2 - g.x1,
                         kBarHeight,
                         bar_fill(step.kind, s.critical),
                         outline,
                         1.2,
                         {"bar", step.id, meaning}});
  if (const auto share = done_share(c, v)) draw_done(c, p, v, g, outline, *share);
}

namespace {

/// The baseline's bar for `dates` on page row `r`, cut to the timeline: a
/// thin grey bar under the step's (a small diamond for a milestone).
void draw_baseline_dates(const GanttChart& c, GanttPage& p, const BaselineDates& dates,
                         bool milestone, Meaning meaning, std::size_t r) {
  const double top = p.bar_y(r) + kBarHeight / 2 + 2.5;
  const double mid = top + kBaselineHeight / 2;
  const double left = c.axis.x0, right = c.timeline_right();
  meaning.baseline = format_iso(dates.start) + "/" + format_iso(dates.finish);
  if (milestone) {
    const double x = c.axis.x(dates.finish + date::days{1});
    if (x < left || x > right) return;
    const double h = 3.2;
    p.ops.push_back(PolygonOp{{{x, mid - h}, {x + h, mid}, {x, mid + h}, {x - h, mid}},
                              kBaseline,
                              std::nullopt,
                              {"baseline", dates.id, std::move(meaning)}});
    return;
  }
  double x1 = std::max(c.axis.x(dates.start), left);
  double x2 = std::min(c.axis.x(dates.finish + date::days{1}), right);
  if (x2 <= left || x1 >= right || x2 < x1) return;  // outside the dates shown
  if (x2 - x1 < 2) {                                 // a day at a month scale: still seen
    x1 = (x1 + x2) / 2 - 1;
    x2 = x1 + 2;
  }
  p.ops.push_back(RectOp{x1,
                         top,
                         x2 - x1,
                         kBaselineHeight,
                         kBaseline,
                         std::nullopt,
                         0,
                         {"baseline", dates.id, std::move(meaning)}});
}

}  // namespace

void draw_baseline(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r) {
  if (!c.o.baseline) return;
  if (row.node) {
    const auto& step = c.step(*row.node);
    const auto it = c.baseline_steps.find(step.id);
    if (it == c.baseline_steps.end()) return;
    draw_baseline_dates(c, p, *it->second, step.duration.is_milestone(),
                        Meaning::of_step(step.id, c.task_of(*row.node).id, "baseline", false), r);
  } else if (row.kind == GanttRow::Kind::task && row.task) {
    const auto& id = c.a.plan->tasks[*row.task].id;
    const auto it = c.baseline_tasks.find(id);
    if (it == c.baseline_tasks.end()) return;
    auto meaning = Meaning::of_summary(id, false);
    meaning.what = "baseline";
    draw_baseline_dates(c, p, *it->second, false, std::move(meaning), r);
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
    // The marker at the row's top, its tick down past the bar (as far as
    // the row goes in a fitted chart's short rows).
    const double top = std::max(p.row_y(r) + 0.5, p.bar_y(r) - kRowHeight / 2 + 1.5);
    const double tick =
        std::min(p.bar_y(r) + kRowHeight / 2 - 2, p.row_y(r) + p.row_height(r) - p.lane - 0.5);
    p.ops.push_back(PathOp{{{x, top + 5}, {x, tick}},
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
