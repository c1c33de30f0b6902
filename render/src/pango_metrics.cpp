#include "pango_metrics.hpp"

#include <tiendo/render/render.hpp>

namespace tiendo::render {

std::string_view font_family() {
  return "Noto Sans, DejaVu Sans, sans-serif";
}

PangoMetrics::PangoMetrics()
    : font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_.get())) {
  configure(context_.get());
  layout_.reset(pango_layout_new(context_.get()));
}

void PangoMetrics::configure(PangoContext* context) {
  pango_cairo_context_set_resolution(context, 72);
  const FontOptionsHandle options(cairo_font_options_create());
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options.get());
  pango_context_set_round_glyph_positions(context, FALSE);
}

FontDescriptionHandle PangoMetrics::describe(const Font& font) {
  FontDescriptionHandle description(pango_font_description_new());
  const std::string family(font_family());
  pango_font_description_set_family(description.get(), family.c_str());
  pango_font_description_set_absolute_size(description.get(), font.size * PANGO_SCALE);
  pango_font_description_set_weight(description.get(),
                                    font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(description.get(),
                                   font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return description;
}

double PangoMetrics::width(std::string_view text, const Font& font) const {
  const auto description = describe(font);
  pango_layout_set_font_description(layout_.get(), description.get());
  pango_layout_set_width(layout_.get(), -1);
  pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

double PangoMetrics::line_height(const Font& font) const {
  const auto description = describe(font);
  pango_layout_set_font_description(layout_.get(), description.get());
  pango_layout_set_width(layout_.get(), -1);
  pango_layout_set_text(layout_.get(), "Ấy", -1);
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

}  // namespace tiendo::render
