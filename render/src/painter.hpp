#pragma once
// The only code that draws: display list in, PNG, SVG or PDF bytes out.

#include <tiendo/render/render.hpp>

#include <string>

#include "display_list.hpp"

namespace tiendo::render {

struct PaintOptions {
  double dpi = 150;     ///< PNG resolution
  std::string created;  ///< PDF creation date (ISO 8601), for reproducible files
};

/// Draws every page (PNG and SVG take the first page only) and returns the
/// file, or an error from Cairo.
RenderResult paint(const DisplayList& list, Format format, const PaintOptions& options);

}  // namespace tiendo::render
