// The legend under the rows: a swatch and a name for each thing the chart
// draws, and only those, in lines as wide as the page.
#include <algorithm>
#include <set>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

std::vector<LegendItem> legend_items(const GanttChart& c) {
  std::vector<LegendItem> items;
  std::set<StepKind> kinds;
  bool milestone = false, approval = false, critical = false, floated = false, deadline = false,
       summary = false, conflict = false;
  // A chart cut to --from/--to lists only what shows between its dates.
  const auto shows = [&](Date first, Date last) { return last >= c.from && first <= c.to; };
  bool group = false, critical_approval = false, done = false, underway = false, baseline = false;
  std::set<StepKind> critical_kinds;  // of the bars (approvals at a meeting are circles)
  const auto& g = *c.a.graph;
  for (const auto& row : c.rows) {
    if (row.kind == GanttRow::Kind::task && !row.node && row.task) {
      const auto& t = c.a.schedule->tasks[*row.task];
      summary = summary || shows(t.start, t.finish);
      const auto b = c.baseline_tasks.find(c.a.plan->tasks[*row.task].id);
      baseline =
          baseline || (b != c.baseline_tasks.end() && shows(b->second->start, b->second->finish));
    }
    if (row.kind == GanttRow::Kind::group) {
      const auto [x1, x2] = group_span(c, row);
      group = group || x1 <= x2;
    }
    if (!row.node) continue;
    const auto& s = c.a.schedule->steps[*row.node];
    const auto& step = c.step(*row.node);
    conflict = conflict || c.findings_by_step.count(step.id) > 0;
    for (auto i = g.constraint_begin[*row.node]; i < g.constraint_begin[*row.node + 1]; ++i) {
      const auto& k = g.constraints[i];
      const bool due = k.kind == ConstraintKind::due || k.kind == ConstraintKind::window;
      const Date day = k.kind == ConstraintKind::window ? k.until : k.date;
      deadline = deadline || (due && shows(day, day));
    }
    floated = floated || (s.total_float > 0 && shows(s.finish, s.late_finish));
    const auto b = c.baseline_steps.find(step.id);
    baseline =
        baseline || (b != c.baseline_steps.end() && shows(b->second->start, b->second->finish));
    if (!shows(s.start, s.finish)) continue;
    // A reached milestone is filled like any other: only bars and approvals
    // show a done fill.
    if (!step.duration.is_milestone() && done_share(c, *row.node)) {
      done = done || s.finished;
      underway = underway || !s.finished;
    }
    critical = critical || s.critical;
    if (step.duration.is_milestone()) {
      milestone = true;
    } else if (step.meeting && s.meeting) {
      approval = true;
      critical_approval = critical_approval || s.critical;
    } else {
      if (s.critical) critical_kinds.insert(step.kind);
      kinds.insert(step.kind);
    }
  }
  const auto& w = c.w;
  // A kind with critical bars shows both its fills: light, then dark.
  for (const auto k : kinds) {
    items.push_back({Swatch::bar, k, labels::kind_name(k, c.o.lang), critical_kinds.count(k) > 0});
  }
  if (group) items.push_back({Swatch::group, {}, w.group});
  if (summary) items.push_back({Swatch::summary, {}, w.summary});
  if (critical) items.push_back({Swatch::critical, {}, w.critical});
  if (floated) items.push_back({Swatch::floatline, {}, w.floating});
  if (approval) items.push_back({Swatch::approval, {}, w.approval, critical_approval});
  if (milestone) items.push_back({Swatch::milestone, {}, w.milestone});
  if (deadline) items.push_back({Swatch::deadline, {}, w.deadline});
  if (done) items.push_back({Swatch::done, {}, w.done});
  if (underway) items.push_back({Swatch::underway, {}, w.underway});
  if (baseline) items.push_back({Swatch::baseline, {}, w.baseline});
  // Which arrows are drawn, when the chart has any to draw.
  if (c.links_shown > 0 && c.links != Links::none) {
    items.push_back({Swatch::links,
                     {},
                     c.links == Links::all       ? w.links_all
                     : c.links == Links::driving ? w.links_driving
                                                 : w.links_critical,
                     c.links == Links::critical});
    // The critical path's arrows are dark among the grey ones: say so.
    if (c.links != Links::critical) {
      std::vector<bool> shown(g.size(), false);
      for (const auto& row : c.rows) {
        if (row.node) shown[*row.node] = true;
      }
      for (std::uint32_t i = 0; i < g.links.size(); ++i) {
        const auto& link = g.links[i];
        if (shown[link.pred] && shown[link.succ] && link_drawn(c, i) && link_critical(c, i)) {
          items.push_back({Swatch::critical_links, {}, w.critical_links, true});
          break;
        }
      }
    }
  }
  bool event = false, meeting = false, status = false;
  for (const auto& mk : c.markers) {
    event = event || mk.kind == Marker::Kind::event;
    meeting = meeting || mk.kind == Marker::Kind::meeting;
    status = status || mk.kind == Marker::Kind::status;
  }
  if (event) items.push_back({Swatch::event, {}, w.event});
  if (meeting) items.push_back({Swatch::meeting, {}, w.meeting_line});
  if (status) items.push_back({Swatch::status, {}, w.status});
  const auto& cal = c.a.schedule->calendar;
  bool weekend = false, holiday = false;
  for (Date d = c.from; d <= c.to; d += date::days{1}) {
    if (cal.is_working(d)) continue;
    if (cal.reason_off(d) == "weekly day off") {
      weekend = weekend || c.axis.day_width >= kWeekendMinDay;
    } else {
      holiday = holiday || c.axis.day_width >= 0.8;
    }
  }
  if (weekend) items.push_back({Swatch::weekend, {}, w.weekend});
  if (holiday) items.push_back({Swatch::holiday, {}, w.holiday});
  if (conflict) items.push_back({Swatch::conflict, {}, w.conflict});
  return items;
}

namespace {

double swatch_width(const LegendItem& item) {
  return (item.swatch == Swatch::bar || item.swatch == Swatch::approval) && item.dark ? 38 : 18;
}

double item_width(const GanttChart& c, const LegendItem& item) {
  return swatch_width(item) + 4 + c.m.width(item.label, kText) + 14;
}

/// The swatch's id in the display list (and the SVG's class), for tests.
const char* swatch_id(Swatch swatch) {
  switch (swatch) {
    case Swatch::bar:
      return "bar";
    case Swatch::critical:
      return "critical";
    case Swatch::floatline:
      return "float";
    case Swatch::milestone:
      return "milestone";
    case Swatch::approval:
      return "approval";
    case Swatch::deadline:
      return "deadline";
    case Swatch::event:
      return "event";
    case Swatch::meeting:
      return "meeting";
    case Swatch::status:
      return "status";
    case Swatch::weekend:
      return "weekend";
    case Swatch::holiday:
      return "holiday";
    case Swatch::conflict:
      return "conflict";
    case Swatch::summary:
      return "summary";
    case Swatch::group:
      return "group";
    case Swatch::links:
      return "links";
    case Swatch::critical_links:
      return "critical-links";
    case Swatch::done:
      return "done";
    case Swatch::underway:
      return "underway";
    case Swatch::baseline:
      return "baseline";
  }
  return "";
}

void draw_swatch(GanttPage& p, const LegendItem& item, double x, double cy) {
  const Tag tag{"legend-swatch", swatch_id(item.swatch)};
  auto& ops = p.ops;
  switch (item.swatch) {
    case Swatch::bar:
      ops.push_back(RectOp{x, cy - 4.5, 18, 9, bar_fill(item.kind, false),
                           bar_outline(item.kind, false), 1.2, tag});
      if (item.dark) {
        ops.push_back(RectOp{x + 20,
                             cy - 4.5,
                             18,
                             9,
                             bar_fill(item.kind, true),
                             bar_outline(item.kind, true),
                             1.2,
                             {"legend-swatch", "critical-bar"}});
      }
      break;
    case Swatch::critical:
      // What makes a bar critical: its dark outline (the fills are the
      // kinds' dark ones, beside their light ones).
      ops.push_back(
          RectOp{x, cy - 4.5, 18, 9, std::nullopt, bar_outline(StepKind::other, true), 1.2, tag});
      break;
    case Swatch::summary:
      ops.push_back(RectOp{x, cy - 2, 18, 4, kSummary, std::nullopt, 0, tag});
      break;
    case Swatch::group:
      ops.push_back(RectOp{x, cy - 3, 18, 6, kGroupBar, std::nullopt, 0, tag});
      ops.push_back(
          PolygonOp{{{x, cy - 3}, {x + 5, cy - 3}, {x, cy + 6}}, kGroupBar, std::nullopt, tag});
      ops.push_back(PolygonOp{
          {{x + 18, cy - 3}, {x + 13, cy - 3}, {x + 18, cy + 6}}, kGroupBar, std::nullopt, tag});
      break;
    case Swatch::floatline:
      ops.push_back(PathOp{{{x, cy}, {x + 18, cy}}, solid(kFloat, 0.8), false, false, tag});
      ops.push_back(
          PathOp{{{x + 18, cy - 3}, {x + 18, cy + 3}}, solid(kFloat, 0.8), false, false, tag});
      break;
    case Swatch::approval:
      ops.push_back(CircleOp{x + 9, cy, 4.5, bar_fill(StepKind::approval, false),
                             bar_outline(StepKind::approval, false), tag});
      if (item.dark) {
        ops.push_back(CircleOp{x + 29,
                               cy,
                               4.5,
                               bar_fill(StepKind::approval, true),
                               bar_outline(StepKind::approval, true),
                               {"legend-swatch", "critical-approval"}});
      }
      break;
    case Swatch::milestone:
      ops.push_back(PolygonOp{{{x + 9, cy - kDiamondHalf},
                               {x + 9 + kDiamondHalf, cy},
                               {x + 9, cy + kDiamondHalf},
                               {x + 9 - kDiamondHalf, cy}},
                              kInk,
                              std::nullopt,
                              tag});
      break;
    case Swatch::deadline:
      ops.push_back(PolygonOp{
          {{x + 5.5, cy - 5}, {x + 12.5, cy - 5}, {x + 9, cy + 0.5}}, kAlarm, std::nullopt, tag});
      ops.push_back(PathOp{{{x + 9, cy}, {x + 9, cy + 5}}, solid(kAlarm, 1.1), false, false, tag});
      break;
    case Swatch::event:
      ops.push_back(
          PathOp{{{x + 9, cy - 6}, {x + 9, cy + 6}}, solid(kEvent, 1.8), false, false, tag});
      break;
    case Swatch::meeting:
      ops.push_back(PathOp{
          {{x + 9, cy - 6}, {x + 9, cy + 6}}, dashed(kMeeting, 0.9, {3, 2}), false, false, tag});
      break;
    case Swatch::status:
      ops.push_back(PathOp{{{x + 9, cy - 6}, {x + 9, cy + 6}},
                           dashed(kStatus, 1.2, {6, 2, 1.5, 2}),
                           false,
                           false,
                           tag});
      break;
    case Swatch::weekend:
      ops.push_back(RectOp{x, cy - 5, 18, 10, kWeekend, solid(kRowLine, 0.4), 0, tag});
      break;
    case Swatch::holiday:
      ops.push_back(RectOp{x, cy - 5, 18, 10, kHoliday, solid(kRowLine, 0.4), 0, tag});
      break;
    case Swatch::links:
    case Swatch::critical_links:
      ops.push_back(PathOp{{{x, cy - 3}, {x + 7, cy - 3}, {x + 7, cy + 2}, {x + 18, cy + 2}},
                           link_stroke(item.dark),
                           true,
                           true,
                           tag});
      break;
    case Swatch::done:
    case Swatch::underway: {
      // In a neutral grey: the chart uses each kind's own dark tone.
      const auto kind = StepKind::other;
      ops.push_back(
          RectOp{x, cy - 4.5, 18, 9, bar_fill(kind, false), bar_outline(kind, false), 1.2, tag});
      const double done_w = item.swatch == Swatch::done ? 17.4 : 9;
      ops.push_back(RectOp{x + 0.3, cy - 4.2, done_w, 8.4, done_fill(kind), std::nullopt, 0, tag});
      if (item.swatch == Swatch::done) {
        ops.push_back(PathOp{{{x + 6, cy}, {x + 8, cy + 2.5}, {x + 12.5, cy - 2.5}},
                             solid(from_hex(0xFFFFFF), 1.3),
                             false,
                             false,
                             tag});
      }
      break;
    }
    case Swatch::baseline:
      ops.push_back(RectOp{x, cy - kBaselineHeight / 2, 18, kBaselineHeight, kBaseline,
                           std::nullopt, 0, tag});
      break;
    case Swatch::conflict:
      ops.push_back(CircleOp{x + 9, cy, 5.5, kAlarm, std::nullopt, tag});
      ops.push_back(TextOp{x + 2, cy - 5.5, 14, 11, "1", Font{8, true, false}, from_hex(0xFFFFFF),
                           Align::center, 1, tag});
      break;
  }
}

}  // namespace

double legend_height(const GanttChart& c, double avail) {
  if (c.legend.empty()) return 0;
  int lines = 1;
  double x = 0;
  for (const auto& item : c.legend) {
    const double w = item_width(c, item);
    if (x > 0 && x + w > avail) {
      ++lines;
      x = 0;
    }
    x += w;
  }
  return lines * 14.0;
}

void draw_legend(const GanttChart& c, GanttPage& p) {
  const double avail = c.page_w - 2 * kMargin;
  double x = kMargin;
  double y = p.rows_bottom + 8;
  for (const auto& item : c.legend) {
    const double w = item_width(c, item);
    if (x > kMargin && x + w > kMargin + avail) {
      x = kMargin;
      y += 14;
    }
    draw_swatch(p, item, x, y + 7);
    const double text_x = x + swatch_width(item) + 4;
    p.ops.push_back(TextOp{text_x,
                           y,
                           w - (text_x - x),
                           14,
                           item.label,
                           kText,
                           kInk,
                           Align::left,
                           1,
                           {"legend", item.label}});
    x += w;
  }
}

}  // namespace tiendo::render::gantt
