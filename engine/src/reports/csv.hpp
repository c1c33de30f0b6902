#pragma once
// CSV as RFC 4180 has it: a field with a comma, quote or line break is
// quoted, its quotes doubled; rows end with CRLF.

#include <string>
#include <vector>

namespace tiendo::detail {

inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

inline std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

}  // namespace tiendo::detail
