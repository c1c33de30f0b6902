// Time on the Gantt chart: the days shown, the axis over them, days off
// shaded behind everything, row, month and week lines.
#include <algorithm>
#include <cmath>

#include "gantt_chart.hpp"
#include "layout_gantt.hpp"

namespace tiendo::render::gantt {

using namespace style;

void choose_range(GanttChart& c) {
  const auto& sched = *c.a.schedule;
  Date lo = sched.finish, hi = sched.start;
  bool any = false;
  for (const auto& row : c.rows) {
    if (!row.node) continue;
    const auto& s = sched.steps[*row.node];
    lo = std::min(lo, s.start);
    hi = std::max({hi, s.finish, s.late_finish});
    any = true;
    // The baseline's bar is shown whole too: it is the point of drawing it.
    if (const auto b = c.baseline_steps.find(c.step(*row.node).id); b != c.baseline_steps.end()) {
      lo = std::min(lo, b->second->start);
      hi = std::max(hi, b->second->finish);
    }
  }
  if (!any) lo = hi = sched.start;
  for (const auto& e : c.a.plan->events) {
    if (e.date >= lo - date::days{31} && e.date <= hi + date::days{31}) {
      lo = std::min(lo, e.date);
      hi = std::max(hi, e.date);
    }
  }
  if (c.status) {
    lo = std::min(lo, *c.status);
    hi = std::max(hi, *c.status);
  }
  // A little room either side; a month's first or last week is taken
  // whole so the axis starts and ends on a month boundary.
  const date::year_month_day f{lo}, t{hi};
  const Date month_first{f.year() / f.month() / 1};
  const Date month_last{t.year() / t.month() / date::last};
  c.from = c.o.from.value_or((lo - month_first).count() < 7 ? month_first : lo - date::days{2});
  c.to = c.o.to.value_or((month_last - hi).count() < 7 ? month_last : hi + date::days{3});
  if (c.to < c.from) std::swap(c.from, c.to);
}

void choose_axis(GanttChart& c) {
  const int days = static_cast<int>((c.to - c.from).count()) + 1;
  const double x0 = kMargin + c.table_w;
  double day_w = natural_day_width(c.o.scale, days);
  if (c.fixed_page()) day_w = (c.sheet.x - kMargin - x0) / days;
  c.axis = make_axis(c.from, c.to, x0, day_w, c.o.scale, c.o.lang, c.m);
  c.page_w = c.fixed_page() ? c.sheet.x : x0 + c.axis.width() + kMargin;
}

void draw_shading(const GanttChart& c, GanttPage& p) {
  // Days off as columns behind everything; runs of days merged into one
  // rectangle. Weekends only when a day is wide enough to see.
  const auto& cal = c.a.schedule->calendar;
  const auto& axis = c.axis;
  const bool weekends = axis.day_width >= kWeekendMinDay;
  const bool holidays = axis.day_width >= 0.8;
  Date run_start{};
  Color run_color{};
  bool in_run = false;
  const auto flush = [&](Date end) {
    if (!in_run) return;
    p.ops.push_back(RectOp{axis.x(run_start),
                           p.axis_top + kTierHeight,
                           axis.x(end) - axis.x(run_start),
                           p.rows_bottom - p.axis_top - kTierHeight,
                           run_color,
                           std::nullopt,
                           0,
                           {run_color == kHoliday ? "holiday" : "weekend", format_iso(run_start)}});
    in_run = false;
  };
  for (Date d = c.from; d <= c.to; d += date::days{1}) {
    std::optional<Color> color;
    if (!cal.is_working(d)) {
      const auto why = cal.reason_off(d);
      if (why == "weekly day off") {
        if (weekends) color = kWeekend;
      } else if (holidays) {
        color = kHoliday;
      }
    }
    if (in_run && (!color || !(*color == run_color))) flush(d);
    if (color && !in_run) {
      run_start = d;
      run_color = *color;
      in_run = true;
    }
  }
  flush(c.to + date::days{1});
}

void draw_grid(const GanttChart& c, GanttPage& p) {
  const double left = kMargin, right = c.timeline_right();
  // Row lines: stronger between tasks than between steps.
  for (std::size_t r = p.begin; r < p.end; ++r) {
    const double y = p.row_y(r - p.begin);
    const bool task_edge = c.rows[r].kind != GanttRow::Kind::step;
    p.ops.push_back(PathOp{{{left, y}, {right, y}},
                           solid(task_edge ? kRowLine : kStepRowLine, task_edge ? 0.5 : 0.4),
                           false,
                           false,
                           {"row-line", {}}});
    // A band under a heading of the first level; nested ones have none, so
    // two headings in a row do not make a block of grey.
    if (c.rows[r].kind == GanttRow::Kind::group && c.rows[r].depth == 0) {
      p.ops.push_back(RectOp{left,
                             y,
                             right - left,
                             p.row_height(r - p.begin),
                             kHeaderFill,
                             std::nullopt,
                             0,
                             {"group-band", {}}});
    }
  }
  p.ops.push_back(PathOp{{{left, p.rows_bottom}, {right, p.rows_bottom}},
                         solid(kMonthLine, 0.6),
                         false,
                         false,
                         {"row-line", {}}});
  // Month lines stronger than week lines.
  const auto& axis = c.axis;
  for (const auto& cell : axis.upper_cells) {
    p.ops.push_back(PathOp{{{cell.x1, p.axis_top}, {cell.x1, p.rows_bottom}},
                           solid(kMonthLine, 0.6),
                           false,
                           false,
                           {"month-line", {}}});
  }
  if (axis.lower != TimeAxis::Unit::month) {
    for (const auto& cell : axis.lower_cells) {
      if (axis.lower == TimeAxis::Unit::day) {
        if (date::weekday{axis.from + date::days{static_cast<int>(
                                          std::lround((cell.x1 - axis.x0) / axis.day_width))}} !=
            date::Monday) {
          continue;
        }
      }
      p.ops.push_back(PathOp{{{cell.x1, p.axis_top + kTierHeight}, {cell.x1, p.rows_bottom}},
                             solid(kWeekLine, 0.4),
                             false,
                             false,
                             {"week-line", {}}});
    }
  }
}

namespace {

void draw_tier(GanttPage& p, const std::vector<AxisCell>& cells, double y, const Font& font,
               Color color, const char* role) {
  for (const auto& cell : cells) {
    p.ops.push_back(TextOp{cell.x1,
                           y,
                           cell.x2 - cell.x1,
                           kTierHeight,
                           cell.label,
                           font,
                           color,
                           Align::center,
                           1,
                           {role, cell.label}});
  }
}

}  // namespace

void draw_axis(const GanttChart& c, GanttPage& p) {
  const double top = p.axis_top;
  const auto& axis = c.axis;
  p.ops.push_back(PathOp{{{axis.x0, top}, {c.timeline_right(), top}},
                         solid(kMonthLine, 0.6),
                         false,
                         false,
                         {"axis-line", {}}});
  p.ops.push_back(PathOp{{{axis.x0, top + kTierHeight}, {c.timeline_right(), top + kTierHeight}},
                         solid(kRowLine, 0.5),
                         false,
                         false,
                         {"axis-line", {}}});
  draw_tier(p, axis.upper_cells, top, kBold, kInk, "axis-upper");
  draw_tier(p, axis.lower_cells, top + kTierHeight, kText, kMutedInk, "axis-lower");
  draw_tier(p, axis.weekday_cells, top + 2 * kTierHeight, kText, kMutedInk, "axis-weekday");
}

}  // namespace tiendo::render::gantt
