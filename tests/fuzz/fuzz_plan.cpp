// libFuzzer target: a plan file through the whole pipeline the CLI runs.
// parse_plan, then (when it returns a plan) the dependency graph, the
// schedule, the checks, and every report written from them. Any crash,
// sanitizer report, hang or runaway allocation is a finding.
#include <tiendo/analysis.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/report.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "known.hpp"

namespace {

// Reading the result keeps the optimiser from dropping the reports.
std::size_t sink = 0;

/// Whether the plan could be read.
bool run(std::string_view text, bool lenient) {
  tiendo::ParseOptions options;
  options.lenient = lenient;
  const auto analysis = tiendo::analyze(text, options);
  for (const auto& d : analysis.diagnostics) {
    sink += tiendo::format_diagnostic(d, "fuzz.yaml", text).size();
  }
  if (analysis.plan) sink += tiendo::explain_plan(*analysis.plan, tiendo::Lang::en).size();
  if (!analysis.ok()) return analysis.plan.has_value();
  sink += tiendo::schedule_table(analysis, tiendo::Lang::vi).size();
  sink += tiendo::schedule_json(analysis, tiendo::Lang::en).size();
  sink += tiendo::schedule_csv(analysis, tiendo::Lang::vi).size();
  sink += tiendo::check_text(analysis, tiendo::Lang::en).size();
  sink += tiendo::check_json(analysis, tiendo::Lang::vi).size();
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Strict first, as 'tiendo check' reads a plan; a plan rejected only for an
  // unreadable phrase goes on with --lenient, as 'tiendo check --lenient'.
  // Known bug (known-failures.txt): a calendar without a working day (all
  // seven days off; a meeting rule's 'from' after its 'until') throws out of
  // analyze. Caught only while it is avoided, so that otherwise the report
  // shows where it was thrown.
  if (!tiendo::fuzz::avoiding("calendar-no-working-day")) {
    if (!run(text, false)) run(text, true);
    return 0;
  }
  try {
    if (!run(text, false)) run(text, true);
  } catch (const std::invalid_argument& e) {
    if (std::string_view(e.what()) == "the calendar has no working day") return -1;
    throw;
  }
  return 0;
}
