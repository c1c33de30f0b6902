#pragma once
// Schedule -> display list for the Gantt chart. Pure geometry: no Cairo.

#include <tiendo/render/render.hpp>

#include "display_list.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

/// Lays the chart out on pages of `page` size (landscape), or on one page
/// sized to the chart for PageSize::none.
DisplayList layout_gantt(const Analysis& analysis, const GanttOptions& options,
                         const TextMetrics& metrics, PageSize page);

/// Landscape page size in points.
Point page_size(PageSize page);

}  // namespace tiendo::render
