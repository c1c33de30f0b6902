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

namespace {

Items items_of_lines(const std::vector<std::pair<std::string, bool>>& lines) {
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
  for (std::size_t i = first_item; i < lines.size(); ++i) {
    const auto& line = lines[i].first;
    // "- Tổ chức cho học sinh tựu trường" / "( 19/8/2019)": a remark in
    // parentheses on a line of its own belongs to the item above it.
    if (!out.items.empty() && !marked(line) && line.starts_with("(") && line.ends_with(")")) {
      out.items.back() += " " + line;
      continue;
    }
    out.items.push_back(unmarked(line));
  }
  return out;
}

/// The first `bytes` of a text, not cutting a character in two.
std::string_view head_of(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

/// The last word of a folded line.
std::string_view last_word(std::string_view f) {
  const auto space = f.rfind(' ');
  return space == std::string_view::npos ? f : f.substr(space + 1);
}

bool has_digit(std::string_view text) {
  return text.find_first_of("0123456789") != std::string_view::npos;
}

/// A line that cannot end a time: it needs the next line to say when.
bool dangling(const std::string& line) {
  if (line.ends_with("-") || line.ends_with("\xE2\x80\x93")) return true;
  const auto f = folded(line);
  for (const std::string_view w : {"ngay", "truoc", "tu", "den", "sau", "thang", "nam", "trong",
                                   "vao", "nhat", "han", "quy", "luc", "tai", "cua", "va"}) {
    if (last_word(f) == w) return true;
  }
  return false;
}

/// The next line goes on from this one.
bool continues(const std::string& line, const std::string& next) {
  if (marked(next)) return false;
  // "Đất cát: trồng từ 20/12-20/1;" then "đất thịt trồng từ 20/1-10/2": a
  // line that ends its clause ends its item, whatever the next begins with.
  if (const auto end = line.find_last_not_of(" \t"); end != std::string::npos && line[end] == ';') {
    return false;
  }
  if (dangling(line)) return true;
  if (!has_digit(line) && !next.empty() && next[0] >= '0' && next[0] <= '9') return true;
  utf8proc_int32_t c = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(next.data()),
                                  static_cast<utf8proc_ssize_t>(next.size()), &c);
  return n > 0 && utf8proc_islower(c);
}

}  // namespace

Items items_of(const std::vector<Block>& blocks) {
  std::vector<std::pair<std::string, bool>> lines;
  add_lines(blocks, lines);
  return items_of_lines(lines);
}

std::vector<std::string> joined_lines(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (!out.empty() && continues(out.back(), line)) {
      out.back() += " " + line;
    } else {
      out.push_back(line);
    }
  }
  return out;
}

Items time_items_of(const std::vector<Block>& blocks) {
  std::vector<std::pair<std::string, bool>> lines;
  add_lines(blocks, lines);
  std::vector<std::pair<std::string, bool>> joined;
  int joins = 0;
  for (auto& [line, item] : lines) {
    // A list item is an item of its own, even without a typed marker.
    if (!joined.empty() && !item && continues(joined.back().first, line)) {
      joined.back().first += " " + line;
      ++joins;
    } else {
      joined.emplace_back(std::move(line), item);
    }
  }
  auto out = items_of_lines(joined);
  out.joined = joins;
  return out;
}

bool citation(std::string_view line) {
  const auto all = folded(head_of(line, 200));
  const auto begin = all.find_first_not_of("(- ");
  const auto f = std::string_view(all).substr(begin == std::string::npos ? all.size() : begin);
  if (f.starts_with("can cu ") || f.starts_with("can cu:") || f.starts_with("theo quy dinh")) {
    return true;
  }
  // "Điều 22 Luật Bầu cử", "Khoản 2 Điều 5": an article of a law.
  for (const std::string_view w : {"dieu ", "khoan "}) {
    if (f.starts_with(w) && f.size() > w.size() && f[w.size()] >= '0' && f[w.size()] <= '9') {
      return true;
    }
  }
  return false;
}

bool preamble(std::string_view paragraph) {
  const auto all = folded(head_of(paragraph, 200));
  const auto begin = all.find_first_not_of("-+ ");
  const auto f = std::string_view(all).substr(begin == std::string::npos ? all.size() : begin);
  // "Xét đề nghị …", "Xét Tờ trình số …": grounds; "Xét công nhận tốt
  // nghiệp THCS" is work.
  if (f.starts_with("theo de nghi") || f.starts_with("xet:") || f.starts_with("xet de nghi") ||
      f.starts_with("xet to trinh") || f.starts_with("xet bao cao") ||
      f.starts_with("xet ket qua")) {
    return true;
  }
  // "Căn cứ Luật …", "Thực hiện Kế hoạch số …": a document the plan follows.
  // "Căn cứ tình hình thực tiễn, các địa phương tổ chức … trước ngày 15/7"
  // is work to do, and "Thực hiện tuyên truyền …" may be.
  std::string_view rest;
  if (f.starts_with("can cu ")) {
    rest = f.substr(7);
  } else if (f.starts_with("thuc hien ")) {
    rest = f.substr(10);
  } else {
    return f.starts_with("can cu:");
  }
  for (const std::string_view w :
       {"ke hoach", "chi thi",      "nghi quyet", "nghi dinh", "quyet dinh", "huong dan",
        "cong van", "thong bao",    "thong tu",   "luat",      "bo luat",    "hien phap",
        "ket luan", "chuong trinh", "dieu",       "van ban",   "quy dinh",   "chuc nang",
        "y kien",   "to trinh",     "de an",      "phap lenh"}) {
    if (rest.starts_with(w)) return true;
  }
  return false;
}

bool has_word(const std::string& name) {
  int letters = 0;
  for (const char c : folded(name)) {
    letters = (c >= 'a' && c <= 'z') ? letters + 1 : 0;
    if (letters >= 2) return true;
  }
  return false;
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
  // A word of a megabyte is no id: ids are at most 100 characters.
  if (out.size() > 40) out.resize(40);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string shortened(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  return std::string(head_of(text, bytes)) + "…";
}

std::string quoted(std::string_view text) {
  return "'" + shortened(text) + "'";
}

}  // namespace tiendo::documents::import
