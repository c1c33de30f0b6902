#include <tiendo/analysis.hpp>
#include <tiendo/parse.hpp>

namespace tiendo {

Analysis analyze(std::string_view plan_text, const ParseOptions& options) {
  auto parsed = parse_plan(plan_text, options);
  return analyze(std::move(parsed.plan), std::move(parsed.diagnostics));
}

Analysis analyze(std::optional<Plan> plan, Diagnostics diagnostics) {
  Analysis a;
  a.diagnostics = std::move(diagnostics);
  if (!plan) return a;
  a.plan = std::move(plan);
  auto built = build_graph(*a.plan);
  a.diagnostics.insert(a.diagnostics.end(), built.diagnostics.begin(), built.diagnostics.end());
  if (!built.graph) return a;
  a.graph = std::move(built.graph);
  a.schedule = schedule_plan(*a.plan, *a.graph);
  const auto& cal = a.schedule->calendar;
  for (const auto& s : a.schedule->steps) {
    if (s.ef >= cal.working_day_count()) {
      a.diagnostics.push_back({Severity::error,
                               "schedule-overflow",
                               "the schedule runs past " + format_iso(cal.last()) +
                                   ", the end of the calendar tiendo can index",
                               {},
                               {},
                               "check for durations or lags that are far too long"});
      a.schedule.reset();
      return a;
    }
  }
  a.findings = check_plan(*a.plan, *a.graph, *a.schedule);
  return a;
}

}  // namespace tiendo
