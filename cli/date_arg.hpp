#pragma once
// A date option (--from, --to, --status-date): YYYY-MM-DD or a message.

#include <tiendo/calendar.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace tiendo::cli {

/// The date `text` holds (nullopt when empty); on a malformed date, says so
/// on stderr and clears `ok`.
inline std::optional<Date> date_arg(const std::string& text, const char* flag, bool& ok) {
  if (text.empty()) return std::nullopt;
  const auto d = parse_iso_date(text);
  if (!d) {
    std::cerr << "tiendo: " << flag << " takes a date as YYYY-MM-DD, not '" << text << "'\n";
    ok = false;
  }
  return d;
}

}  // namespace tiendo::cli
