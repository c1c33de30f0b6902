#pragma once
// Gantt charts and critical-path network diagrams as PNG, SVG and PDF, drawn
// from the engine's public API only.

#include <tiendo/analysis.hpp>
#include <tiendo/calendar.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/progress.hpp>
#include <tiendo/report.hpp>
#include <tiendo/risk.hpp>
#include <tiendo/status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::render {

enum class Format { png, svg, pdf };

/// The format named by a file's extension (.png, .svg, .pdf), if any.
std::optional<Format> format_from_path(std::string_view path);

enum class Scale { automatic, day, week, month };
/// `none`: one page sized to the chart (the default for PNG and SVG; PDF
/// defaults to A4). Pages are landscape.
enum class PageSize { none, a4, a3 };
enum class GroupBy { task, owner, lead };
enum class Column { number, name, owner, lead };
/// Which dependency arrows a Gantt chart draws.
enum class Links {
  automatic,  ///< all of them up to kAutoLinks among the rows shown, else `driving`
  all,
  driving,   ///< each step's driving link: the one that set its early start
  critical,  ///< the critical path's: driving links between critical steps
  none
};
/// `Links::automatic` draws every arrow up to this many, the driving ones beyond.
inline constexpr std::size_t kAutoLinks = 60;

/// How a Gantt chart is fitted to paper or to a projector
/// (docs/rendering.md, "Fitted charts").
enum class Fit {
  none,   ///< the chart at its own sizes: one image, or PDF pages as many as the rows fill
  page,   ///< the whole chart on one landscape page (`page`, default A4), its text
          ///< printed at kMinPrintedText points or more; when that cannot hold, the
          ///< fewest pages, their rows shared out evenly (no page holds a lone row)
  slide,  ///< a 16:9 slide (kSlideSize) for a projector, text at kSlideText down to
          ///< kSlideMinText points: the tasks with a step on the critical path or a
          ///< decision at a meeting first, those steps alone under their summary;
          ///< every other task after them, summarised as its one summary row
};
/// A fitted page's text is never printed smaller than this (points).
inline constexpr double kMinPrintedText = 7;
/// A slide: 13.33 x 7.5 inches, the 16:9 of presentation software (points).
inline constexpr double kSlideWidth = 960, kSlideHeight = 540;
/// A slide's text: this size when it fits, never under the least (points).
inline constexpr double kSlideText = 12, kSlideMinText = 10;

struct GanttOptions {
  Lang lang = Lang::vi;
  std::optional<Date> from, to;  ///< the time range shown (default: the plan's)
  Scale scale = Scale::automatic;
  double dpi = 150;              ///< PNG only
  std::optional<PageSize> page;  ///< PDF pages (default A4); PNG and SVG are one image
  GroupBy group_by = GroupBy::task;
  bool critical_only = false;
  /// The status line's day (default: the schedule's status date, when the
  /// plan reports progress).
  std::optional<Date> status_date;
  std::string title;  ///< default: the plan's title
  std::vector<Column> columns{Column::number, Column::name, Column::owner, Column::lead};
  Links links = Links::automatic;  ///< which dependency arrows are drawn
  /// When set, a thin grey bar under each step's and task summary's bar at
  /// its dates in the baseline (matched by id; a step the baseline does not
  /// know gets none). Not owned: it must outlive the call.
  const Baseline* baseline = nullptr;
  /// Fitted to a page or a slide (PDF: as many pages as it needs; PNG and
  /// SVG: one page, else an error naming how many it would take).
  Fit fit = Fit::none;
};

struct NetworkOptions {
  Lang lang = Lang::vi;
  double dpi = 150;
  /// Default: one page sized to the diagram (every format). With a page
  /// size, the diagram is scaled down to fit that landscape page.
  std::optional<PageSize> page;
  bool critical_only = false;
  std::string title;
};

struct RenderResult {
  std::string bytes;  ///< the file's content
  int pages = 0;
  std::string error;  ///< empty on success
};

/// The Gantt chart of an analysed plan (analysis.ok() must hold).
RenderResult render_gantt(const Analysis& analysis, const GanttOptions& options, Format format);

/// The activity-on-node network of an analysed plan.
RenderResult render_network(const Analysis& analysis, const NetworkOptions& options, Format format);

/// The committees' agenda across a folder of plans as a printable PDF (A4
/// portrait: a heading per meeting, a row per item, column headings whole
/// on every page, late items in red, each item's state as agenda_state()
/// says it), or as SVG (the same table on one page as long as it needs).
RenderResult render_agenda(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang,
                           Format format = Format::pdf);

/// The status report (status_report()) as one A4 portrait PDF page: counts
/// of steps by state, events and deadlines with their forecast and margin
/// (those at risk in red, with the chain driving them), the late steps, a
/// Gantt chart of the six weeks after the status date and the progress
/// findings; long lists end in "… và N mục khác" so it stays one page.
/// With the baseline the report compares with, its grey bars in the chart.
RenderResult render_status(const Analysis& analysis, const StatusReport& report, Lang lang,
                           const Baseline* baseline = nullptr);

/// The spread of the plan's finish over a risk simulation's runs
/// (risk_analysis()): a bar of runs per day (per week when the spread is
/// long), the S-curve of the share finished by each day, and the planned
/// finish, the days half and 8 in 10 of the runs finish by, and the latest
/// deadline with its chance, each labelled in words. One landscape page.
RenderResult render_risk(const RiskReport& report, Lang lang, Format format);

/// The chart's geometry as text, one drawing operation a line, measured with
/// fixed character widths instead of fonts: stable on every machine, for
/// tests and for reviewing layout changes.
std::string gantt_geometry(const Analysis& analysis, const GanttOptions& options);
std::string network_geometry(const Analysis& analysis, const NetworkOptions& options);

/// The font family used for every text ("Noto Sans", falling back to
/// "DejaVu Sans" and then any sans-serif face with Vietnamese coverage).
std::string_view font_family();

}  // namespace tiendo::render
