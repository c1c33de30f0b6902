#include "import/cell_items.hpp"

#include <utf8proc.h>
#include <tiendo/phrase.hpp>

#include <algorithm>

namespace tiendo::documents::import {

namespace {

/// A line that starts with an item's marker: "- ", "+ ", "• ", "– ".
bool marked(std::string_view line) {
  for (const std::string_view m : {"- ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "* "}) {
    if (line.substr(0, m.size()) == m) return true;
  }
  return line == "-";
}

std::string unmarked(std::string line) {
  for (const std::string_view m : {"- ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "* "}) {
    if (std::string_view(line).substr(0, m.size()) == m) return trim(line.substr(m.size()));
  }
  return line;
}

bool starts_upper(std::string_view text) {
  utf8proc_int32_t c = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                  static_cast<utf8proc_ssize_t>(text.size()), &c);
  return n > 0 && utf8proc_isupper(c);
}

/// "Head - A - B" as Word pastes it: " - " before a capital letter separates
/// items ("(12-15p)" and "Phát thanh - Truyền hình" in a name stay whole
/// only when what follows is not a capital; a unit's name is in another
/// column and is not split).
std::vector<std::string> split_dashes(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 3 < line.size(); ++i) {
    if (line.compare(i, 3, " - ") != 0) continue;
    if (!starts_upper(std::string_view(line).substr(i + 3))) continue;
    parts.push_back(trim(line.substr(begin, i - begin)));
    begin = i + 3;
  }
  parts.push_back(trim(line.substr(begin)));
  return parts;
}

void add_lines(const std::vector<Block>& blocks, std::vector<std::pair<std::string, bool>>& out) {
  for (const auto& block : blocks) {
    if (const auto* table = block.table()) {
      for (const auto& cell : table->cells) {
        if (!cell.covered) add_lines(cell.blocks, out);
      }
      continue;
    }
    const auto* p = block.paragraph();
    std::size_t begin = 0;
    const auto& text = p->text;
    while (begin <= text.size()) {
      auto end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      auto line = trim(text.substr(begin, end - begin));
      if (!line.empty()) out.emplace_back(std::move(line), p->list.has_value());
      begin = end + 1;
    }
  }
}

}  // namespace

std::string trim(std::string text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.back())) text.pop_back();
  std::size_t b = 0;
  while (b < text.size() && space(text[b])) ++b;
  text.erase(0, b);
  return text;
}

std::string folded(std::string_view text) {
  return fold_text(text);
}

std::vector<std::string> lines_of(const std::vector<Block>& blocks) {
  std::vector<std::pair<std::string, bool>> lines;
  add_lines(blocks, lines);
  std::vector<std::string> out;
  for (auto& [line, item] : lines) out.push_back(std::move(line));
  return out;
}

Items items_of(const std::vector<Block>& blocks) {
  std::vector<std::pair<std::string, bool>> lines;
  add_lines(blocks, lines);
  Items out;
  if (lines.empty()) return out;
  if (lines.size() == 1) {
    // One line: maybe Word's pasted "Head - A - B", or "- A - B" (a time cell).
    const auto& line = lines[0].first;
    if (marked(line)) {
      out.items = split_dashes(unmarked(line));
      return out;
    }
    auto parts = split_dashes(line);
    out.head = parts[0];
    out.items.assign(parts.begin() + 1, parts.end());
    return out;
  }
  // Several lines: a first line without a marker is the head.
  std::size_t first_item = 0;
  if (!marked(lines[0].first) && !lines[0].second) {
    out.head = lines[0].first;
    first_item = 1;
  }
  for (std::size_t i = first_item; i < lines.size(); ++i)
    out.items.push_back(unmarked(lines[i].first));
  return out;
}

/// An id of the first few words ("ban-tin-noi"): folded, a dash between words.
std::string slugged(const std::string& text, int words) {
  const auto f = folded(text);
  std::string out;
  int n = 0;
  bool dash = false;
  for (const char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      dash = false;
    } else if (!out.empty() && !dash) {
      if (++n == words) break;
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace tiendo::documents::import
