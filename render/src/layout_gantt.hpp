#pragma once
// Schedule -> display list for the Gantt chart. Pure geometry: no Cairo.

#include <tiendo/render/render.hpp>

#include "display_list.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

/// Lays the chart out on pages of `page` size (landscape), or on one page
/// sized to the chart for PageSize::none; a fitted chart (options.fit) on
/// `page` (A4 for none) or a slide, as few as it can take at a legible size.
DisplayList layout_gantt(const Analysis& analysis, const GanttOptions& options,
                         const TextMetrics& metrics, PageSize page);

/// A Gantt chart inside another page (the status report's): the page of a
/// chart laid out into `size` points with no title and no footer, its
/// margins the usual 24 pt at the left and right (so place it 24 pt left of
/// the box it fills), only the rows with a bar between options.from and
/// options.to, as many as fit.
struct GanttInset {
  Page page;                ///< as tall as the rows shown need
  std::size_t rows = 0;     ///< the rows shown
  std::size_t omitted = 0;  ///< the rows that did not fit
};
GanttInset layout_gantt_inset(const Analysis& analysis, const GanttOptions& options,
                              const TextMetrics& metrics, Point size);

/// Landscape page size in points (0 x 0 for PageSize::none).
Point page_size(PageSize page);

}  // namespace tiendo::render
