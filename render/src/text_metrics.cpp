#include "text_metrics.hpp"

namespace tiendo::render {

double FixedMetrics::width(std::string_view text, const Font& font) const {
  int code_points = 0;
  for (const char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points * font.size * (font.bold ? 0.6 : 0.55);
}

}  // namespace tiendo::render
