#pragma once
// Text measurement, apart from painting. Layout asks a TextMetrics how wide a
// line is; PangoMetrics (pango_metrics.hpp) measures with the fonts the
// painter will use, FixedMetrics estimates from character counts so geometry
// dumps are the same on every machine (as pikchr does).

#include <string>
#include <string_view>
#include <vector>

#include "display_list.hpp"

namespace tiendo::render {

class TextMetrics {
 public:
  virtual ~TextMetrics() = default;
  /// Width of `text` on one line, in points.
  virtual double width(std::string_view text, const Font& font) const = 0;
  /// Distance between two lines' baselines, in points.
  virtual double line_height(const Font& font) const = 0;
};

/// 0.55 em per code point (0.6 em bold): no font needed.
class FixedMetrics final : public TextMetrics {
 public:
  double width(std::string_view text, const Font& font) const override;
  double line_height(const Font& font) const override { return font.size * 1.2; }
};

/// How many lines `text` takes wrapped at spaces into `width` points (a word
/// wider than that is cut, as Pango does); 0 for no text.
int wrapped_lines(const TextMetrics& metrics, std::string_view text, const Font& font,
                  double width);

}  // namespace tiendo::render
