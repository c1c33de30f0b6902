// The render library's entry points: options -> layout -> painter.
#include <tiendo/render/render.hpp>

#include <algorithm>

#include "layout_gantt.hpp"
#include "layout_network.hpp"
#include "painter.hpp"
#include "pango_metrics.hpp"
#include "svg_writer.hpp"

namespace tiendo::render {

std::optional<Format> format_from_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (ext == "png") return Format::png;
  if (ext == "svg") return Format::svg;
  if (ext == "pdf") return Format::pdf;
  return std::nullopt;
}

namespace {

/// The date a PDF says it was made: the status date, else the plan's issue
/// date, else its start. Never the clock, so the same plan gives the same file.
std::string creation_date(const Analysis& a, std::optional<Date> status) {
  const Date d = status ? *status : a.plan->info.issued.value_or(a.plan->info.start);
  return format_iso(d) + "T00:00:00";
}

}  // namespace

namespace {

/// Charts past these sizes are no longer read by anyone, and would cost
/// minutes and gigabytes to lay out: an error, with the figure, instead.
constexpr std::size_t kMaxGanttSteps = 100'000;
constexpr std::size_t kMaxNetworkSteps = 20'000;

/// The steps a chart would draw: all, or the critical ones.
std::size_t shown_steps(const Analysis& a, bool critical_only) {
  if (!critical_only) return a.graph->size();
  return static_cast<std::size_t>(std::count_if(a.schedule->steps.begin(), a.schedule->steps.end(),
                                                [](const auto& s) { return s.critical; }));
}

std::string too_many_steps(std::size_t steps, std::size_t limit, std::string_view chart) {
  return "a " + std::string(chart) + " of " + std::to_string(steps) +
         " steps is more than a chart can show (at most " + std::to_string(limit) +
         "); draw a part of it with --critical-only, or use schedule and check";
}

}  // namespace

RenderResult render_gantt(const Analysis& analysis, const GanttOptions& options, Format format) {
  if (const auto steps = shown_steps(analysis, options.critical_only); steps > kMaxGanttSteps) {
    return {{}, 0, too_many_steps(steps, kMaxGanttSteps, "Gantt chart")};
  }
  const PangoMetrics metrics;
  // PNG and SVG are one image sized to the chart; only PDF has pages. A
  // fitted chart is its page (or slide) in every format.
  const auto page = format == Format::pdf || options.fit != Fit::none
                        ? options.page.value_or(PageSize::a4)
                        : PageSize::none;
  const auto list = layout_gantt(analysis, options, metrics, page);
  if (format != Format::pdf && list.pages.size() > 1) {
    return {{},
            0,
            "the chart takes " + std::to_string(list.pages.size()) + " " +
                (options.fit == Fit::slide ? "slides" : "pages") +
                " at a legible size, and a PNG or SVG is one: write a PDF (-o FILE.pdf), or show "
                "less (--from/--to, --critical-only" +
                (options.fit == Fit::page ? ", --page A3)" : ")")};
  }
  if (format == Format::svg) return {write_svg(list, metrics), 1, {}};
  const auto status = options.status_date ? options.status_date : analysis.schedule->status_date;
  return paint(list, format, {options.dpi, creation_date(analysis, status)});
}

RenderResult render_network(const Analysis& analysis, const NetworkOptions& options,
                            Format format) {
  if (const auto steps = shown_steps(analysis, options.critical_only); steps > kMaxNetworkSteps) {
    return {{}, 0, too_many_steps(steps, kMaxNetworkSteps, "network")};
  }
  const PangoMetrics metrics;
  // A network is one drawing: sized to itself unless a page is asked for,
  // then scaled down to fit it.
  const auto list =
      layout_network(analysis, options, metrics, options.page.value_or(PageSize::none));
  if (format == Format::svg) return {write_svg(list, metrics), 1, {}};
  return paint(list, format, {options.dpi, creation_date(analysis, std::nullopt)});
}

std::string gantt_geometry(const Analysis& analysis, const GanttOptions& options) {
  const FixedMetrics metrics;
  return dump(layout_gantt(analysis, options, metrics, options.page.value_or(PageSize::none)));
}

std::string network_geometry(const Analysis& analysis, const NetworkOptions& options) {
  const FixedMetrics metrics;
  return dump(layout_network(analysis, options, metrics, options.page.value_or(PageSize::none)));
}

}  // namespace tiendo::render
