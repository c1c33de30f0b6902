#pragma once
// Known bugs not fixed yet, and how a fuzz target steers clear of them.
//
// tests/fuzz/known-failures.txt lists the regression inputs of bugs that are
// known and not fixed yet, each with a tag; tests/fuzz/run.sh skips those
// inputs and passes the tags in TIENDO_FUZZ_AVOID (comma-separated). A target
// that is told to avoid a tag rejects the inputs of that bug's shape
// (LLVMFuzzerTestOneInput returns -1: not run further, not added to the
// corpus), so that the time-bounded runs look for new bugs instead of finding
// the known one again in every run. Once the fix lands and its line leaves
// known-failures.txt, the tag is no longer passed and the shape is fuzzed
// again. Without TIENDO_FUZZ_AVOID (long runs, by hand) nothing is avoided.
#include <cstdlib>
#include <string>
#include <string_view>

namespace tiendo::fuzz {

/// Whether run.sh asked to steer clear of the known bug `tag`.
inline bool avoiding(std::string_view tag) {
  static const std::string tags = [] {
    const char* env = std::getenv("TIENDO_FUZZ_AVOID");
    return "," + std::string(env ? env : "") + ",";
  }();
  return tags.find("," + std::string(tag) + ",") != std::string::npos;
}

/// Calls `each(code_point)` for every code point of `text`; false when
/// `text` is not valid UTF-8 (overlong forms, surrogates and values past
/// U+10FFFF included).
template <typename F>
bool for_each_code_point(std::string_view text, F each) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      n = 1, cp = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
      n = 2, cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 3, cp = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 4, cp = b & 0x07u;
    } else {
      return false;
    }
    if (i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    each(cp);
    i += n;
  }
  return true;
}

inline bool valid_utf8(std::string_view text) {
  return for_each_code_point(text, [](char32_t) {});
}

/// Whether every code point of `text` may stand in a YAML stream (YAML 1.1's
/// printable set: tab, line breaks, and no other control character).
inline bool yaml_printable(std::string_view text) {
  bool ok = true;
  for_each_code_point(text, [&](char32_t c) {
    const bool printable = c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) ||
                           c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) ||
                           (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    ok = ok && printable;
  });
  return ok;
}

/// Whether `text` holds a line break other than LF and CR: NEL (U+0085), LS
/// (U+2028) or PS (U+2029), which YAML also ends a line at.
inline bool has_unicode_line_break(std::string_view text) {
  bool found = false;
  for_each_code_point(text, [&](char32_t c) {
    found = found || c == 0x85 || c == 0x2028 || c == 0x2029;
  });
  return found;
}

/// Whether a cell of the table `text` holds a line break, as the importer
/// splits it (table_import.cpp, split_rows): a cell that starts with '"' is
/// quoted and may hold the separator, doubled quotes and line breaks.
inline bool has_line_break_in_quoted_cell(std::string_view text) {
  const auto first_line = text.substr(0, text.find('\n'));
  const char sep = first_line.find('\t') != std::string_view::npos ? '\t' : ',';
  bool quoted = false;
  bool cell_empty = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        return true;
      }
      cell_empty = false;
    } else if (c == '"' && cell_empty) {
      quoted = true;
    } else if (c == sep || c == '\n' || c == '\r') {
      cell_empty = true;
    } else {
      cell_empty = false;
    }
  }
  return false;
}

}  // namespace tiendo::fuzz
