#pragma once
// Text measured with Pango and the chart's fonts.

#include "cairo_handles.hpp"
#include "text_metrics.hpp"

#include <vector>

namespace tiendo::render {

/// A run of a line: text Pango shaped in one piece, from x on.
struct TextPiece {
  std::string text;
  double x = 0;
};

/// One line of a TextOp as the painter shows it, in page units.
struct TextLine {
  std::string text;     ///< what the line shows, "…" where Pango ellipsized, no outer spaces
  double left = 0;      ///< where its first character starts
  double right = 0;     ///< where its last visible character ends
  double baseline = 0;  ///< y of the baseline
  /// Its runs: one, or more where Pango shaped parts apart (the ellipsis, a
  /// character from a fallback font), each to be placed where Pango put it.
  std::vector<TextPiece> pieces;
};

/// Measures with Pango through the one font map and context the painter also
/// configures: 72 dpi (so sizes are points), grey antialiasing, no hinting of
/// metrics, so widths do not depend on the output's resolution.
class PangoMetrics final : public TextMetrics {
 public:
  PangoMetrics();
  double width(std::string_view text, const Font& font) const override;
  double line_height(const Font& font) const override;
  /// The lines `text` is painted as: wrapped, cut and ellipsized by the same
  /// Pango settings as the painter's (painter.cpp), placed in its box.
  std::vector<TextLine> lines(const TextOp& text) const;

  /// A description of `font` in the chart's family.
  static FontDescriptionHandle describe(const Font& font);
  /// Applies the measuring settings to a context used for painting.
  static void configure(PangoContext* context);
  /// Sets `layout` up for `text` exactly as the painter does: font, width,
  /// lines, alignment, wrapping, ellipsis. Returns the top of its first line.
  static double prepare(PangoLayout* layout, const TextOp& text);

 private:
  FontMapHandle font_map_;
  PangoContextHandle context_;
  LayoutHandle layout_;        ///< for widths and heights
  LayoutHandle lines_layout_;  ///< for lines(): set up as the painter's
};

}  // namespace tiendo::render
