#pragma once
// The only code that draws with Cairo: display list in, PNG or PDF bytes out.

#include <tiendo/render/render.hpp>

#include <string>

#include "display_list.hpp"

namespace tiendo::render {

struct PaintOptions {
  double dpi = 150;     ///< PNG resolution
  std::string created;  ///< PDF creation date (ISO 8601), for reproducible files
};

/// Draws every page of a PDF, or the first page as a PNG, and returns the
/// file, or an error from Cairo (SVG: svg_writer.hpp).
RenderResult paint(const DisplayList& list, Format format, const PaintOptions& options);

}  // namespace tiendo::render
