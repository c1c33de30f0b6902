#pragma once
// The Gantt chart's layout, in parts that share two structures: GanttChart,
// what is decided once for the whole chart (rows, dates, columns, axis,
// markers, sizes, pages), and GanttPage, the page being drawn. Each part is a
// file of its own:
//   gantt_table.cpp    the columns and the table on the left
//   gantt_time.cpp     the dates shown, the time axis, days off, grid lines
//   gantt_markers.cpp  meetings, events, the status date: lines and labels
//   gantt_bars.cpp     bars, summaries, milestones, float, deadlines, conflicts
//   gantt_links.cpp    dependency arrows and their routing
//   gantt_legend.cpp   the legend
//   layout_gantt.cpp   header sizes, pagination, the order of drawing, footer

#include <tiendo/render/render.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "display_list.hpp"
#include "gantt_rows.hpp"
#include "labels.hpp"
#include "style.hpp"
#include "text_metrics.hpp"
#include "time_axis.hpp"

namespace tiendo::render::gantt {

struct ColumnSpec {
  Column column;
  double width;
  std::string header;
};

/// A vertical marker line and its label above the axis.
struct Marker {
  enum class Kind { meeting, event, status } kind;
  Date day{};
  double x = 0;  ///< the line's x
  std::string label;
  std::string id;
  double label_x = 0, label_w = 0;
  int level = 0;
};

/// Where a step is drawn on its row.
struct BarGeometry {
  double x1 = 0, x2 = 0, y = 0;  ///< y: the bar's middle
  bool round = false;            ///< drawn as a circle (an approval at a meeting)
  bool diamond = false;          ///< a milestone
  bool visible = false;
};

enum class Swatch {
  bar,
  critical,
  floatline,
  milestone,
  approval,
  deadline,
  event,
  meeting,
  status,
  weekend,
  holiday,
  conflict,
  summary,
  group,
  links,
  critical_links,
  done,
  underway,
  baseline
};

struct LegendItem {
  LegendItem(Swatch s, StepKind k, std::string l, bool d = false)
      : swatch(s), kind(k), label(std::move(l)), dark(d) {}
  Swatch swatch;
  StepKind kind = StepKind::other;
  std::string label;
  /// Drawn in the critical colour (links); for a kind's bar, the kind has
  /// critical bars too, shown in their dark fill beside the light one.
  bool dark = false;
};

/// What is decided once for the whole chart.
struct GanttChart {
  GanttChart(const Analysis& analysis, const GanttOptions& options, const TextMetrics& metrics,
             Point sheet_size, bool inset_chart)
      : a(analysis),
        o(options),
        m(metrics),
        w(labels::words(options.lang)),
        sheet(sheet_size),
        inset(inset_chart),
        status(options.status_date ? options.status_date : analysis.schedule->status_date) {}

  const Analysis& a;
  const GanttOptions& o;
  const TextMetrics& m;
  const labels::Words& w;
  Point sheet;  ///< the page's size; 0 x 0: one page sized to the chart
  /// Drawn inside another page (the status report's): no title or footer,
  /// only the rows with a bar between the chart's dates.
  bool inset = false;
  /// The status line's day: the options', else the schedule's.
  std::optional<Date> status;
  /// Taller rows with a baseline, for its bar under the step's.
  double row_h = style::kRowHeight;
  /// Each row's height: row_h, or in a fitted chart (GanttOptions::fit) as
  /// tall as its table text needs, one line or two (see measure_rows).
  std::vector<double> heights;
  /// The baseline's lane under each bar (0 without a baseline).
  double lane = 0;
  std::map<std::string, const BaselineDates*> baseline_steps, baseline_tasks;

  std::vector<GanttRow> rows;
  std::map<std::string, std::vector<int>> findings_by_step;  ///< finding numbers, 1-based
  Date from{}, to{};                                         ///< the days shown
  std::vector<ColumnSpec> columns;
  double table_w = 0;
  TimeAxis axis;
  double page_w = 0, page_h = 0;
  std::vector<Marker> markers;
  int lanes = 0;                ///< label lanes above the axis
  Links links = Links::none;    ///< the arrows drawn: all, driving, critical or none
  std::size_t links_shown = 0;  ///< links between two steps on the chart's rows
  int title_lines = 1;
  double title_h = 0, header_h = 0, legend_h = 0, footer_h = 0, axis_h = 0;
  std::vector<LegendItem> legend;
  std::vector<std::pair<std::size_t, std::size_t>> pages;  ///< rows [begin, end) of each page

  bool fixed_page() const { return sheet.x > 0; }
  /// A chart fitted to a page or a slide: rows as tall as their text.
  bool compact() const { return o.fit != Fit::none; }
  double timeline_right() const { return axis.x0 + axis.width(); }
  const Step& step(NodeId v) const { return a.graph->step(*a.plan, v); }
  const Task& task_of(NodeId v) const { return a.plan->tasks[a.graph->nodes[v].task]; }
};

/// The page being drawn: its rows and where things are on it.
struct GanttPage {
  GanttPage(std::vector<Op>& out, double baseline_lane) : ops(out), lane(baseline_lane) {}

  std::vector<Op>& ops;
  double lane;                     ///< the baseline's lane at the foot of each row
  std::vector<double> tops;        ///< each page row's top from rows_top, and the last's foot
  std::size_t begin = 0, end = 0;  ///< the chart's rows on this page
  double rows_top = 0, rows_bottom = 0, axis_top = 0, lane_top = 0;
  std::map<NodeId, std::size_t> row_of;              ///< step -> page row
  std::vector<std::pair<double, double>> row_spans;  ///< per page row: its bar's x extent

  double row_y(std::size_t r) const { return rows_top + tops[r]; }
  double row_height(std::size_t r) const { return tops[r + 1] - tops[r]; }
  /// The middle of the bars on page row `r`, above the baseline's lane.
  double bar_y(std::size_t r) const { return row_y(r) + (row_height(r) - lane) / 2; }
};

// gantt_table.cpp
void choose_columns(GanttChart& c);
/// Each row's height (GanttChart::heights): row_h, or in a fitted chart the
/// table's text on one line (kCompactRow) or two.
void measure_rows(GanttChart& c);
void draw_table(const GanttChart& c, GanttPage& p);

// gantt_time.cpp
void choose_range(GanttChart& c);
void choose_axis(GanttChart& c);
void draw_shading(const GanttChart& c, GanttPage& p);
void draw_grid(const GanttChart& c, GanttPage& p);
void draw_axis(const GanttChart& c, GanttPage& p);

// gantt_markers.cpp
void place_markers(GanttChart& c);
void draw_marker_lines(const GanttChart& c, GanttPage& p);
void draw_marker_labels(const GanttChart& c, GanttPage& p);

// gantt_bars.cpp
/// The share of a step's bar drawn done: 1 when finished, its percentage or
/// up to the status date when under way, none otherwise.
std::optional<double> done_share(const GanttChart& c, NodeId v);
BarGeometry bar_geometry(const GanttChart& c, const GanttPage& p, NodeId v, std::size_t r);
/// A task's summary bar, cut to the timeline (x1 > x2 when outside it).
std::pair<double, double> summary_span(const GanttChart& c, std::uint32_t t);
/// A plan group's bar (a heading row's), cut to the timeline (x1 > x2 when none).
std::pair<double, double> group_span(const GanttChart& c, const GanttRow& row);
/// The extent of the bar drawn on page row `r` (x1 > x2 when none shows).
std::pair<double, double> bar_span(const GanttChart& c, const GanttPage& p, const GanttRow& row,
                                   std::size_t r);
void draw_float(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r);
void draw_bars(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r);
/// The baseline's bar under a step's or a task summary's (with a baseline).
void draw_baseline(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r);
void draw_deadlines(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r);
void draw_conflicts(const GanttChart& c, GanttPage& p, const GanttRow& row, std::size_t r);

// gantt_links.cpp
/// Counts the links between shown steps and resolves Links::automatic.
void choose_links(GanttChart& c);
/// Whether link `i` is on the critical path (drawn dark).
bool link_critical(const GanttChart& c, std::uint32_t i);
/// Whether link `i` is drawn in the chosen mode.
bool link_drawn(const GanttChart& c, std::uint32_t i);
void draw_links(const GanttChart& c, GanttPage& p);

// gantt_legend.cpp
/// The items the chart uses, and only those.
std::vector<LegendItem> legend_items(const GanttChart& c);
double legend_height(const GanttChart& c, double avail);
void draw_legend(const GanttChart& c, GanttPage& p);

}  // namespace tiendo::render::gantt
