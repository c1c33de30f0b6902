#pragma once
// A phrase's reading in one line, for the phrase tests to compare with what
// was worked out by hand.

#include <tiendo/phrase.hpp>

#include <string>

namespace tiendo::testing {

/// "kind from..until" of every constraint, a fixed span as "span", the
/// meeting, and "+warning" when the reader warned.
inline std::string summary(const PhraseReading& r) {
  if (!r.ok()) return "error: " + r.error;
  std::string out;
  const auto add = [&](const std::string& item) { out += (out.empty() ? "" : " ") + item; };
  if (r.span) add("span " + format_iso(r.span->first) + ".." + format_iso(r.span->second));
  for (const auto& c : r.constraints) {
    if (r.span && (c.kind == ConstraintKind::window || c.kind == ConstraintKind::start_on) &&
        c.date == r.span->first) {
      continue;
    }
    std::string item = std::string(to_string(c.kind)) + " " + format_iso(c.date);
    if (c.kind == ConstraintKind::window) item += ".." + format_iso(c.until);
    add(item);
  }
  if (r.meeting) {
    std::string item = "meeting " + r.meeting->committee;
    if (r.meeting->month) {
      item += " " + std::to_string(static_cast<int>(r.meeting->month->year())) + "-" +
              std::to_string(static_cast<unsigned>(r.meeting->month->month()));
    }
    if (r.meeting->date) item += " " + format_iso(*r.meeting->date);
    add(item);
  }
  if (r.ongoing) add("ongoing");
  for (const auto& w : r.warnings) {
    if (w.severity == Severity::warning) add("+warning");
  }
  return out;
}

}  // namespace tiendo::testing
