#include "text/text_fold.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace tiendo::detail {

namespace {

std::string map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                              static_cast<utf8proc_ssize_t>(text.size()), &out,
                              static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  if (n < 0) return std::string(text);  // not UTF-8: compare it as it is
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

bool starts_upper(std::string_view text) {
  utf8proc_int32_t code = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                  static_cast<utf8proc_ssize_t>(text.size()), &code);
  return n > 0 && utf8proc_isupper(code);
}

std::string fold(std::string_view text) {
  const auto folded = map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  std::string out;
  out.reserve(folded.size());
  bool space = true;  // trims leading white space
  for (std::size_t i = 0; i < folded.size(); ++i) {
    // 'đ' (U+0111, C4 91) is a letter of its own, not d plus a mark.
    if (static_cast<unsigned char>(folded[i]) == 0xC4 && i + 1 < folded.size() &&
        static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      out += 'd';
      ++i;
      space = false;
      continue;
    }
    const char c = folded[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space) out += ' ';
      space = true;
    } else {
      out += c;
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace tiendo::detail
