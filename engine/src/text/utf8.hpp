#pragma once
// Minimal UTF-8 counting for diagnostics (columns and carets). Normalisation
// and case folding belong to a Unicode library, not here.

#include <string_view>

namespace tiendo::detail {

inline bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Number of code points in `text`.
inline int utf8_length(std::string_view text) {
  int n = 0;
  for (const char c : text) n += is_continuation(c) ? 0 : 1;
  return n;
}

/// The leading part of `text` holding `code_points` code points.
inline std::string_view utf8_prefix(std::string_view text, int code_points) {
  std::size_t i = 0;
  int seen = 0;
  while (i < text.size()) {
    if (!is_continuation(text[i])) {
      if (seen == code_points) break;
      ++seen;
    }
    ++i;
  }
  return text.substr(0, i);
}

}  // namespace tiendo::detail
