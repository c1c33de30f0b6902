#pragma once
// The display list as SVG with real text, written by us rather than by
// Cairo (whose SVG surface writes every glyph as an outline): a web page can
// search the text, style it, and find each step, link and finding by its id
// and data-* attributes.

#include <string>

#include "display_list.hpp"
#include "pango_metrics.hpp"

namespace tiendo::render {

/// The first page of `list` as an SVG document, in points. Text is laid out
/// by `metrics` exactly as the painter lays it out (same wrapping, ellipsis
/// and lines), each line a <text> in the chart's font anchored where the
/// painter puts it. Same list, same bytes: numbers are printed to 0.01 pt,
/// ids come from the plan's ids.
std::string write_svg(const DisplayList& list, const PangoMetrics& metrics);

}  // namespace tiendo::render
