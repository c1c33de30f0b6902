#pragma once
// The time scale of a Gantt chart: dates to x, and the two tiers of labels
// chosen so that they never collide (a label gets about 1.5 times its width).

#include <tiendo/render/render.hpp>

#include <string>
#include <vector>

#include "text_metrics.hpp"

namespace tiendo::render {

struct AxisCell {
  double x1 = 0, x2 = 0;
  std::string label;
};

struct TimeAxis {
  Date from{}, to{};  ///< inclusive
  double x0 = 0;
  double day_width = 1;
  enum class Unit { day, week, month, quarter };
  Unit upper = Unit::month;
  Unit lower = Unit::day;
  std::vector<AxisCell> upper_cells, lower_cells;
  /// At a day scale wide enough: a third tier naming the weekdays
  /// ('T2' … 'CN', 'Mo' … 'Su').
  std::vector<AxisCell> weekday_cells;

  double x(Date d) const { return x0 + static_cast<double>((d - from).count()) * day_width; }
  double width() const { return x(to + date::days{1}) - x0; }
};

/// A day width for `scale` when the chart is not fitted to a page.
double natural_day_width(Scale scale, int days);

/// Chooses the tiers for [from, to] drawn `day_width` wide per day.
TimeAxis make_axis(Date from, Date to, double x0, double day_width, Scale scale, Lang lang,
                   const TextMetrics& metrics);

}  // namespace tiendo::render
