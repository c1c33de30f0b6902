#pragma once
// CSV as RFC 4180 has it: a field with a comma, quote or line break is
// quoted, its quotes doubled; rows end with CRLF. Every CSV tiendo writes
// goes through here (schedule, portfolio, agenda, the page's download).

#include <string>
#include <string_view>
#include <vector>

namespace tiendo::detail {

/// A number as tiendo writes one ("-3", "+2", "12", "0.5"): a spreadsheet
/// reads it as the number it is, so it needs no guard.
inline bool plain_number(std::string_view s) {
  std::size_t i = (s.size() > 1 && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

/// A cell a spreadsheet would run as a formula (a step named "=HYPERLINK(…)",
/// "+1+1", "@SUM(…)", or starting with a tab or carriage return) gets a
/// leading apostrophe, as OWASP's CSV-injection advice has it: Excel and
/// LibreOffice then show it as text.
inline std::string formula_guarded(const std::string& s) {
  if (s.empty() || plain_number(s)) return s;
  const char first = s.front();
  if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
      first == '\r') {
    return "'" + s;
  }
  return s;
}

inline std::string csv_field(const std::string& raw) {
  const auto s = formula_guarded(raw);
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
