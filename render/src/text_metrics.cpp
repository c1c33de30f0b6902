#include "text_metrics.hpp"

#include <string>

namespace tiendo::render {

double FixedMetrics::width(std::string_view text, const Font& font) const {
  int code_points = 0;
  for (const char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points * font.size * (font.bold ? 0.6 : 0.55);
}

int wrapped_lines(const TextMetrics& metrics, std::string_view text, const Font& font,
                  double width) {
  int lines = 0;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto space = text.find(' ', pos);
    const auto word = text.substr(pos, space == std::string_view::npos ? text.npos : space - pos);
    pos = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && metrics.width(joined, font) > width) {
      ++lines;
      joined = std::string(word);
    }
    // A word wider than the line goes on as many lines as it needs.
    const double w = metrics.width(joined, font);
    if (w > width && width > 0) {
      const int extra = static_cast<int>(w / width);
      lines += extra;
    }
    line = std::move(joined);
  }
  return lines + (line.empty() ? 0 : 1);
}

}  // namespace tiendo::render
