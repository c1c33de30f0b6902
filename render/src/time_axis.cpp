#include "time_axis.hpp"

#include <algorithm>

#include "labels.hpp"
#include "style.hpp"

namespace tiendo::render {

namespace {

// The upper tier is bold, the lower one regular (see layout_gantt.cpp).
const Font kLowerFont{style::kTextSize, false, false};
const Font kUpperFont{style::kTextSize, true, false};

bool fits(const TextMetrics& m, const Font& font, const std::string& text, double room) {
  return text.empty() || m.width(text, font) * 1.5 <= room;
}

Date month_start(Date d) {
  const date::year_month_day ymd{d};
  return Date{ymd.year() / ymd.month() / 1};
}

Date quarter_start(Date d) {
  const date::year_month_day ymd{d};
  const auto m = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
  return Date{ymd.year() / date::month{m} / 1};
}

/// Cells of one unit over [from, to], clipped to the range, with labels from
/// the widest level that fits every cell (a cell too narrow for any is blank).
template <typename Start, typename Next, typename Label>
std::vector<AxisCell> cells(const TimeAxis& axis, Start start, Next next, Label label, int levels,
                            const TextMetrics& m, const Font& font) {
  std::vector<AxisCell> out;
  std::vector<Date> starts;
  for (Date d = start(axis.from); d <= axis.to; d = next(d)) starts.push_back(d);
  for (const Date d : starts) {
    const Date end = std::min(next(d), axis.to + date::days{1});
    out.push_back({axis.x(std::max(d, axis.from)), axis.x(end), {}});
  }
  for (int level = 0; level < levels; ++level) {
    bool all = true;
    for (std::size_t i = 0; i < out.size() && all; ++i) {
      // Clipped cells at the edges may stay blank; full ones must fit.
      const bool clipped = starts[i] < axis.from || next(starts[i]) > axis.to + date::days{1};
      if (!clipped && !fits(m, font, label(starts[i], level), out[i].x2 - out[i].x1)) all = false;
    }
    if (all || level == levels - 1) {
      for (std::size_t i = 0; i < out.size(); ++i) {
        const auto text = label(starts[i], level);
        out[i].label = fits(m, font, text, out[i].x2 - out[i].x1) ? text : "";
      }
      break;
    }
  }
  return out;
}

}  // namespace

double natural_day_width(Scale scale, int days) {
  switch (scale) {
    case Scale::day:
      return 18;
    case Scale::week:
      return 4;
    case Scale::month:
      return 1.3;
    case Scale::automatic:
      break;
  }
  // About 900 pt of timeline, within readable bounds.
  return std::clamp(900.0 / std::max(days, 1), 0.9, 24.0);
}

TimeAxis make_axis(Date from, Date to, double x0, double day_width, Scale scale, Lang lang,
                   const TextMetrics& m) {
  TimeAxis axis;
  axis.from = from;
  axis.to = to;
  axis.x0 = x0;
  axis.day_width = day_width;
  const double day_label = m.width("30", kLowerFont) * 1.5;
  const double week_label = m.width("30", kLowerFont) * 1.5;
  if (scale == Scale::day || (scale == Scale::automatic && day_width >= day_label)) {
    axis.lower = TimeAxis::Unit::day;
  } else if (scale == Scale::week || (scale == Scale::automatic && 7 * day_width >= week_label)) {
    axis.lower = TimeAxis::Unit::week;
  } else {
    axis.lower = TimeAxis::Unit::month;
  }
  // Respect an explicit scale only while its labels still fit.
  if (axis.lower == TimeAxis::Unit::day && day_width < day_label) axis.lower = TimeAxis::Unit::week;
  if (axis.lower == TimeAxis::Unit::week && 7 * day_width < week_label) {
    axis.lower = TimeAxis::Unit::month;
  }
  axis.upper =
      axis.lower == TimeAxis::Unit::month ? TimeAxis::Unit::quarter : TimeAxis::Unit::month;

  const auto next_day = [](Date d) { return d + date::days{1}; };
  const auto next_month = [](Date d) {
    const date::year_month_day ymd{d};
    return Date{(ymd.year() / ymd.month() + date::months{1}) / 1};
  };
  const auto next_quarter = [&](Date d) { return next_month(next_month(next_month(d))); };
  const auto month_label = [&](Date d, int level) {
    const date::year_month_day ymd{d};
    return labels::month(ymd.year() / ymd.month(), lang, level);
  };
  const auto quarter_label = [&](Date d, int level) {
    const date::year_month_day ymd{d};
    return labels::quarter(ymd.year(), (static_cast<unsigned>(ymd.month()) + 2) / 3, lang, level);
  };

  switch (axis.lower) {
    case TimeAxis::Unit::day:
      axis.lower_cells = cells(
          axis, [](Date d) { return d; }, next_day,
          [](Date d, int) {
            return std::to_string(static_cast<unsigned>(date::year_month_day{d}.day()));
          },
          1, m, kLowerFont);
      if (day_width >= m.width("CN", kLowerFont) * 1.5 &&
          day_width >= m.width("Mo", kLowerFont) * 1.5) {
        axis.weekday_cells = cells(
            axis, [](Date d) { return d; }, next_day,
            [lang](Date d, int) { return labels::weekday(date::weekday{d}, lang); }, 1, m,
            kLowerFont);
      }
      break;
    case TimeAxis::Unit::week: {
      // Weeks start on Monday and are labelled with that Monday's date.
      const auto monday = [](Date d) { return d - (date::weekday{d} - date::Monday); };
      axis.lower_cells = cells(
          axis, monday, [](Date d) { return d + date::weeks{1}; },
          [](Date d, int level) {
            const date::year_month_day ymd{d};
            return level == 0 ? labels::day_month(d)
                              : std::to_string(static_cast<unsigned>(ymd.day()));
          },
          2, m, kLowerFont);
      break;
    }
    default:
      axis.lower_cells = cells(
          axis, month_start, next_month,
          [&](Date d, int level) { return month_label(d, level + 2); }, 2, m, kLowerFont);
  }
  if (axis.upper == TimeAxis::Unit::month) {
    axis.upper_cells = cells(axis, month_start, next_month, month_label, 4, m, kUpperFont);
  } else {
    axis.upper_cells = cells(axis, quarter_start, next_quarter, quarter_label, 2, m, kUpperFont);
  }
  return axis;
}

}  // namespace tiendo::render
