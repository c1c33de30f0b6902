#pragma once
// Text measured with Pango and the chart's fonts.

#include "cairo_handles.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

/// Measures with Pango through the one font map and context the painter also
/// configures: 72 dpi (so sizes are points), grey antialiasing, no hinting of
/// metrics, so widths do not depend on the output's resolution.
class PangoMetrics final : public TextMetrics {
 public:
  PangoMetrics();
  double width(std::string_view text, const Font& font) const override;
  double line_height(const Font& font) const override;

  /// A description of `font` in the chart's family.
  static FontDescriptionHandle describe(const Font& font);
  /// Applies the measuring settings to a context used for painting.
  static void configure(PangoContext* context);

 private:
  FontMapHandle font_map_;
  PangoContextHandle context_;
  LayoutHandle layout_;
};

}  // namespace tiendo::render
