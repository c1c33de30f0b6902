#pragma once
// XML 1.0 has no place for most control characters: pugixml writes them as
// character references ('&#01;', '&#11;') that no XML 1.0 reader accepts, so
// the exports (MSPDI, docx) replace them before text reaches a node.

#include <string>
#include <string_view>

namespace tiendo::io {

/// `text` with each control character (U+0000..U+001F) a space; tab, line
/// feed and carriage return are kept when `keep_breaks` (they are XML 1.0).
inline std::string xml_safe(std::string_view text, bool keep_breaks = false) {
  std::string out(text);
  for (auto& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20) continue;
    if (keep_breaks && (c == '\t' || c == '\n' || c == '\r')) continue;
    c = ' ';
  }
  return out;
}

}  // namespace tiendo::io
