#pragma once
// Builds plans from inline YAML and looks up scheduled steps by id.

#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>

#include <filesystem>
#include <string>

namespace tiendo::testing {

/// The repository's root (tests read their data from it).
inline std::filesystem::path source_dir() {
#ifdef TIENDO_SOURCE_DIR
  // Set by the build: __FILE__ is relative under a compiler cache's base_dir.
  return TIENDO_SOURCE_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
#endif
}

/// Analyses `yaml`; fails the test (with the diagnostics) if it has errors.
inline Analysis analyze_ok(const std::string& yaml) {
  auto a = analyze(yaml);
  std::string text;
  for (const auto& d : a.diagnostics) text += format_diagnostic(d, "plan.yaml", yaml);
  EXPECT_TRUE(a.ok()) << text;
  return a;
}

inline const ScheduledStep& step(const Analysis& a, const std::string& id) {
  for (NodeId v = 0; v < a.graph->size(); ++v) {
    if (a.graph->step(*a.plan, v).id == id) return a.schedule->steps[v];
  }
  ADD_FAILURE() << "no step " << id;
  static const ScheduledStep none{};
  return none;
}

inline Date d(const char* iso) {
  return *parse_iso_date(iso);
}

/// Checks a step's dates as scheduled (its early dates, or its actual and
/// forecast dates with progress).
inline void expect_dates(const ScheduledStep& s, const char* start, const char* finish) {
  EXPECT_EQ(format_iso(s.start), start);
  EXPECT_EQ(format_iso(s.finish), finish);
}

/// A plan header: starts Monday 2024-06-03, Saturday and Sunday off.
inline std::string plan_header(const std::string& extra = "") {
  return "plan: {id: T, title: test, start: 2024-06-03}\n"
         "calendar: {days_off: [sat, sun]" +
         extra + "}\n";
}

}  // namespace tiendo::testing
