// libFuzzer target: a plan file through the whole pipeline the CLI runs.
// parse_plan, then (when it returns a plan) the dependency graph, the
// schedule, the checks, and every report written from them. Any crash,
// sanitizer report, hang or runaway allocation is a finding. The same text
// is also read as a workspace's workspace.yaml under a small plan (the
// portfolio and agenda reports), and a plan that reads has its first step's
// name edited in place (set_step_value), which must leave a plan that reads.
// A plan that schedules also goes through three runs of the risk simulation.
#include <tiendo/analysis.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/plan_edit.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/report.hpp>
#include <tiendo/risk.hpp>

#include <cstdio>
#include <cstdlib>

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
    sink += tiendo::format_diagnostic(d, "fuzz.yaml", text, tiendo::Lang::vi).size();
  }
  if (analysis.plan) sink += tiendo::explain_plan(*analysis.plan, tiendo::Lang::en).size();
  if (!analysis.ok()) return analysis.plan.has_value();
  sink += tiendo::schedule_table(analysis, tiendo::Lang::vi).size();
  sink += tiendo::schedule_json(analysis, tiendo::Lang::en).size();
  sink += tiendo::schedule_csv(analysis, tiendo::Lang::vi).size();
  sink += tiendo::check_text(analysis, tiendo::Lang::en).size();
  sink += tiendo::check_json(analysis, tiendo::Lang::vi).size();
  sink += tiendo::guesses_text(*analysis.plan, tiendo::Lang::vi).size();
  sink += tiendo::guesses_json(*analysis.plan).size();
  // Confirming a guess takes exactly it away: the plan still reads, with one
  // guess fewer.
  if (!analysis.plan->guesses.empty()) {
    const auto& g = analysis.plan->guesses.front();
    const auto confirmed = tiendo::confirm_guess(text, g.subject_kind, g.subject, g.key);
    if (confirmed.ok()) {
      tiendo::ParseOptions again;
      again.lenient = lenient;
      const auto reread = tiendo::parse_plan(confirmed.text, again);
      if (!reread.plan || reread.plan->guesses.size() + 1 != analysis.plan->guesses.size()) {
        std::fprintf(stderr, "fuzz_plan: confirming a guess did not take exactly it away\n");
        std::abort();
      }
    }
  }
  // A few runs of the risk simulation (three-point estimates drawn).
  const auto risk = tiendo::risk_analysis(analysis, {3, 1, tiendo::Distribution::pert});
  sink += tiendo::risk_text(risk, tiendo::Lang::vi).size() + tiendo::risk_json(risk).size();
  // An edit through the form changes one value: the plan still reads.
  const auto& first = analysis.plan->tasks.front().steps.front();
  const auto edited = tiendo::set_step_value(text, first.id, "name", "Đổi tên: \"mới\" # 2");
  if (edited.ok()) {
    tiendo::ParseOptions again;
    again.lenient = lenient;
    if (!tiendo::parse_plan(edited.text, again).plan) {
      std::fprintf(stderr, "fuzz_plan: the plan no longer reads after editing a name\n");
      std::abort();
    }
  }
  return true;
}

/// The text as a workspace.yaml shared by a small plan that uses a committee,
/// a person and a unit by id.
void run_as_workspace(std::string_view text) {
  static const std::string plan =
      "plan: {id: P, start: 2024-06-03}\n"
      "tasks:\n"
      "  - {id: a, name: A, owner: nhai, lead: btg, duration: 3d, due: 2024-06-05}\n"
      "  - {id: b, name: B, owner: nhai, kind: approval, when: \"Tại kỳ họp BTV tháng 6/2024\"}\n";
  const auto p =
      tiendo::analyze_portfolio({{"p.yaml", plan}, {"q.yaml", plan}},
                                tiendo::PortfolioSource{"workspace.yaml", std::string(text)});
  sink += tiendo::portfolio_text(p, tiendo::Lang::vi).size();
  sink += tiendo::portfolio_json(p, tiendo::Lang::en).size();
  sink += tiendo::agenda_text(p, {}, tiendo::Lang::en).size();
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
    run_as_workspace(text);
    return 0;
  }
  try {
    if (!run(text, false)) run(text, true);
    run_as_workspace(text);
  } catch (const std::invalid_argument& e) {
    if (std::string_view(e.what()) == "the calendar has no working day") return -1;
    throw;
  }
  return 0;
}
