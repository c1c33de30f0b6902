// The legend under the rows: a swatch and a name for each thing the chart
// draws, and only those, in lines as wide as the page.
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
  const auto& g = *c.a.graph;
  for (const auto& row : c.rows) {
    if (row.kind == GanttRow::Kind::task && !row.node && row.task) {
      const auto& t = c.a.schedule->tasks[*row.task];
      summary = summary || shows(t.start, t.finish);
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
    if (!shows(s.start, s.finish)) continue;
    critical = critical || s.critical;
    if (step.duration.is_milestone()) {
      milestone = true;
    } else if (step.meeting && s.meeting) {
      approval = true;
    } else {
      kinds.insert(step.kind);
    }
  }
  const auto& w = c.w;
  for (const auto k : kinds) items.push_back({Swatch::bar, k, labels::kind_name(k, c.o.lang)});
  if (summary) items.push_back({Swatch::summary, {}, w.summary});
  if (critical) items.push_back({Swatch::critical, {}, w.critical});
  if (floated) items.push_back({Swatch::floatline, {}, w.floating});
  if (approval) items.push_back({Swatch::approval, {}, w.approval});
  if (milestone) items.push_back({Swatch::milestone, {}, w.milestone});
  if (deadline) items.push_back({Swatch::deadline, {}, w.deadline});
  // Which arrows are drawn, when the chart has any to draw.
  if (c.links_shown > 0 && c.links != Links::none) {
    items.push_back({Swatch::links,
                     {},
                     c.links == Links::all       ? w.links_all
                     : c.links == Links::driving ? w.links_driving
                                                 : w.links_critical,
                     c.links == Links::critical});
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

double item_width(const GanttChart& c, const LegendItem& item) {
  return 22 + c.m.width(item.label, kText) + 14;
}

void draw_swatch(GanttPage& p, const LegendItem& item, double x, double cy) {
  const Tag tag{"legend-swatch", {}};
  auto& ops = p.ops;
  switch (item.swatch) {
    case Swatch::bar:
      ops.push_back(RectOp{x, cy - 4.5, 18, 9, bar_fill(item.kind, false),
                           solid(shade(kind_color(item.kind), 0.15), 0.6), 1.2, tag});
      break;
    case Swatch::critical:
      ops.push_back(
          RectOp{x, cy - 4.5, 18, 9, from_hex(0x555555), solid(kCritical, 1.3), 1.2, tag});
      break;
    case Swatch::summary:
      ops.push_back(RectOp{x, cy - 2, 18, 4, kSummary, std::nullopt, 0, tag});
      break;
    case Swatch::floatline:
      ops.push_back(PathOp{{{x, cy}, {x + 18, cy}}, solid(kFloat, 0.8), false, false, tag});
      ops.push_back(
          PathOp{{{x + 18, cy - 3}, {x + 18, cy + 3}}, solid(kFloat, 0.8), false, false, tag});
      break;
    case Swatch::approval:
      ops.push_back(CircleOp{x + 9, cy, 4.5, bar_fill(StepKind::approval, false),
                             solid(shade(kind_color(StepKind::approval), 0.15), 0.6), tag});
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
      ops.push_back(PathOp{{{x, cy - 3}, {x + 7, cy - 3}, {x + 7, cy + 2}, {x + 18, cy + 2}},
                           item.dark ? solid(kCritical, 1.0) : solid(kLink, 0.6),
                           true,
                           true,
                           tag});
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
    p.ops.push_back(TextOp{
        x + 22, y, w - 22, 14, item.label, kText, kInk, Align::left, 1, {"legend", item.label}});
    x += w;
  }
}

}  // namespace tiendo::render::gantt
