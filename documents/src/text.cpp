#include "text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "read_context.hpp"

namespace tiendo::documents::detail {

namespace {

const utf8proc_uint8_t* bytes_of(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_space_like(utf8proc_int32_t c) {
  return c == 0xA0 || c == 0x2007 || c == 0x202F || c == 0x2002 || c == 0x2003 || c == 0x2009;
}

bool is_invisible(utf8proc_int32_t c) {
  return c == 0xAD || c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D;
}

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string nfc(const std::string& text) {
  if (is_ascii(text)) return text;
  // utf8proc_NFC allocates with malloc; the deleter gives it back.
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> composed(utf8proc_NFC(bytes_of(text)));
  if (!composed) return text;
  return std::string(reinterpret_cast<const char*>(composed.get()));
}

bool is_blank_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(bytes_of(text.substr(i)),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == '\v') {
        out += '\n';
      } else if (byte == '\r') {
        // A lone CR is a line end; CR LF is one.
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
      } else if (byte >= 0x20 || byte == '\n' || byte == '\t') {
        out += static_cast<char>(byte);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(bytes_of(text.substr(i)),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) {  // callers validate first; never loop on a bad byte
      ++i;
      continue;
    }
    if (is_space_like(c)) {
      out += ' ';
    } else if (!is_invisible(c) && !(c >= 0x80 && c < 0xA0)) {
      out.append(text.substr(i, static_cast<std::size_t>(n)));
    }
    i += static_cast<std::size_t>(n);
  }
  return nfc(out);
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return clean_text(out);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

int LineIndex::line(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

SourceLocation LineIndex::at(std::size_t offset) const {
  if (starts_.empty()) return {};
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<int>(it - starts_.begin());
  const std::size_t begin = *(it - 1);
  int column = 1;
  for (std::size_t i = begin; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return SourceLocation{line, column, 1};
}

void ParagraphBuilder::add(std::string_view text, bool bold, bool italic) {
  if (!collapse_) {
    append(text, bold, italic);
    return;
  }
  std::string collapsed;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!at_line_start_ && !after_space_) collapsed += ' ';
      after_space_ = true;
      continue;
    }
    collapsed += c;
    after_space_ = false;
    at_line_start_ = false;
  }
  append(collapsed, bold, italic);
}

void ParagraphBuilder::line_break() {
  // A space before a line break is not shown.
  if (!runs_.empty() && !runs_.back().text.empty() && runs_.back().text.back() == ' ') {
    runs_.back().text.pop_back();
  }
  append("\n", false, false);
  at_line_start_ = true;
  after_space_ = false;
}

void ParagraphBuilder::add_preserved(std::string_view text, bool bold, bool italic) {
  append(text, bold, italic);
  at_line_start_ = false;
  after_space_ = !text.empty() && text.back() == ' ';
}

void ParagraphBuilder::tab() {
  append("\t", false, false);
  at_line_start_ = false;
  after_space_ = true;
}

void ParagraphBuilder::append(std::string_view text, bool bold, bool italic) {
  if (text.empty()) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if ((last.bold == bold && last.italic == italic) || is_blank_text(text)) {
      last.text += text;
      return;
    }
    if (is_blank_text(last.text)) {
      // Leading whitespace takes the formatting of the text that follows.
      last.text += text;
      last.bold = bold;
      last.italic = italic;
      return;
    }
  }
  runs_.push_back(Run{std::string(text), bold, italic});
}

bool ParagraphBuilder::blank() const {
  return std::all_of(runs_.begin(), runs_.end(),
                     [](const Run& run) { return is_blank_text(run.text); });
}

Paragraph ParagraphBuilder::finish(ReadContext& context, int line) {
  Paragraph paragraph;
  // Spaces at the ends of a paragraph are never seen.
  while (!runs_.empty()) {
    auto& text = runs_.front().text;
    text.erase(0, text.find_first_not_of(' '));
    if (!text.empty()) break;
    runs_.erase(runs_.begin());
  }
  while (!runs_.empty()) {
    auto& text = runs_.back().text;
    const auto last = text.find_last_not_of(' ');
    text.erase(last == std::string::npos ? 0 : last + 1);
    if (!text.empty()) break;
    runs_.pop_back();
  }
  std::string joined;
  bool any_visible = false;
  bool all_bold = true;
  bool all_italic = true;
  for (auto& run : runs_) {
    joined += run.text;
    run.text = clean_text(run.text);
    if (!is_blank_text(run.text)) {
      any_visible = true;
      all_bold = all_bold && run.bold;
      all_italic = all_italic && run.italic;
    }
  }
  paragraph.text = clean_text(joined);
  paragraph.runs = std::move(runs_);
  // A run that held only invisible characters is gone from the text too.
  std::erase_if(paragraph.runs, [](const Run& run) { return run.text.empty(); });
  paragraph.bold = any_visible && all_bold;
  paragraph.italic = any_visible && all_italic;
  paragraph.index = context.next_paragraph_index();
  paragraph.line = line;
  runs_.clear();
  at_line_start_ = true;
  after_space_ = false;
  return paragraph;
}

}  // namespace tiendo::documents::detail
