#include "pango_metrics.hpp"

#include <tiendo/render/render.hpp>

#include <algorithm>

namespace tiendo::render {

std::string_view font_family() {
  return "Noto Sans, DejaVu Sans, sans-serif";
}

PangoMetrics::PangoMetrics()
    : font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_.get())) {
  configure(context_.get());
  layout_.reset(pango_layout_new(context_.get()));
  lines_layout_.reset(pango_layout_new(context_.get()));
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

double PangoMetrics::prepare(PangoLayout* layout, const TextOp& t) {
  const auto description = describe(t.font);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_font_description(layout, description.get());
  pango_layout_set_width(layout, static_cast<int>(t.w * PANGO_SCALE));
  pango_layout_set_height(layout, -std::max(1, t.max_lines));
  pango_layout_set_alignment(layout, t.align == Align::left     ? PANGO_ALIGN_LEFT
                                     : t.align == Align::center ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_RIGHT);
  pango_layout_set_text(layout, t.text.c_str(), static_cast<int>(t.text.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const double height = static_cast<double>(logical.height) / PANGO_SCALE;
  // Vertically centred in the box.
  return t.y + (t.h - height) / 2;
}

namespace {

/// Width (Pango units) of the glyphs of `run` whose characters start at or
/// after byte `from` of the layout's text.
int width_from(const PangoGlyphItem* run, int from) {
  int width = 0;
  const auto* glyphs = run->glyphs;
  for (int g = 0; g < glyphs->num_glyphs; ++g) {
    if (run->item->offset + glyphs->log_clusters[g] >= from)
      width += glyphs->glyphs[g].geometry.width;
  }
  return width;
}

}  // namespace

std::vector<TextLine> PangoMetrics::lines(const TextOp& t) const {
  std::vector<TextLine> out;
  if (t.text.empty()) return out;
  auto* layout = lines_layout_.get();
  const double top = prepare(layout, t);
  const char* text = pango_layout_get_text(layout);
  constexpr const char* kSpace = " \t\n\r";
  const auto at = [&](int x) { return t.x + static_cast<double>(x) / PANGO_SCALE; };
  const LayoutIterHandle iter(pango_layout_get_iter(layout));
  do {
    const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    TextLine shown;
    // Runs in visual order (left to right here): their characters, or the
    // ellipsis Pango put in place of the ones cut; spaces at the line's ends
    // are not shown.
    int x = logical.x, end = logical.x;
    for (const GSList* l = line->runs; l != nullptr; l = l->next) {
      const auto* run = static_cast<const PangoGlyphItem*>(l->data);
      const int run_width = pango_glyph_string_get_width(run->glyphs);
      std::string part;
      int lead = 0, trail = 0;  // widths of the spaces at the run's ends
      if ((run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0) {
        part = run->glyphs->num_glyphs == 3 ? "..." : "…";
      } else {
        part.assign(text + run->item->offset, static_cast<std::size_t>(run->item->length));
        const auto b = part.find_first_not_of(kSpace);
        if (b == std::string::npos) {
          // Spaces only: between words they are kept, with the run before.
          if (!shown.pieces.empty()) shown.pieces.back().text += part;
          x += run_width;
          continue;
        }
        const auto e = part.find_last_not_of(kSpace) + 1;
        trail = width_from(run, run->item->offset + static_cast<int>(e));
        if (shown.pieces.empty()) {
          lead = run_width - width_from(run, run->item->offset + static_cast<int>(b));
          part.erase(0, b);
        }
      }
      shown.pieces.push_back({part, at(x + lead)});
      end = x + run_width - trail;
      x += run_width;
    }
    if (shown.pieces.empty()) continue;
    auto& last = shown.pieces.back().text;
    last.erase(last.find_last_not_of(kSpace) + 1);
    for (const auto& piece : shown.pieces) shown.text += piece.text;
    shown.left = shown.pieces.front().x;
    shown.right = at(end);
    shown.baseline =
        top + static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE;
    out.push_back(std::move(shown));
  } while (pango_layout_iter_next_line(iter.get()));
  return out;
}

}  // namespace tiendo::render
