#include <tiendo/analysis.hpp>
#include <tiendo/messages.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/progress.hpp>

#include <algorithm>
#include <map>

namespace tiendo {

namespace {

/// What progress is measured against: the baseline's dates by step id, or
/// the plan scheduled as if nothing had been reported.
PlannedDates planned_dates(const Plan& plan, const DependencyGraph& graph,
                           const Baseline* baseline) {
  PlannedDates planned;
  planned.steps.resize(graph.size());
  if (baseline != nullptr) {
    planned.source_en = baseline_words(baseline->name, Lang::en);
    planned.source_vi = "theo " + baseline_words(baseline->name, Lang::vi);
    std::map<std::string_view, const BaselineDates*> by_id;
    for (const auto& d : baseline->steps) by_id.emplace(d.id, &d);
    for (NodeId v = 0; v < graph.size(); ++v) {
      if (const auto it = by_id.find(graph.step(plan, v).id); it != by_id.end()) {
        planned.steps[v] = PlannedDates::Span{it->second->start, it->second->finish};
      }
    }
    return planned;
  }
  planned.source_en = "the plan's schedule";
  planned.source_vi = "theo lịch của kế hoạch";
  Plan as_planned = plan;
  for (auto& task : as_planned.tasks) {
    for (auto& step : task.steps) step.progress = {};
  }
  const auto schedule = schedule_plan(as_planned, graph);
  for (NodeId v = 0; v < graph.size(); ++v) {
    planned.steps[v] = PlannedDates::Span{schedule.steps[v].start, schedule.steps[v].finish};
  }
  return planned;
}

}  // namespace

Analysis analyze(std::string_view plan_text, const ParseOptions& options) {
  auto parsed = parse_plan(plan_text, options);
  auto a = analyze(std::move(parsed.plan), std::move(parsed.diagnostics), options.baseline);
  a.lang = std::move(parsed.lang);
  return a;
}

Analysis analyze(std::optional<Plan> plan, Diagnostics diagnostics, const Baseline* baseline) {
  Analysis a;
  a.diagnostics = std::move(diagnostics);
  if (!plan) return a;
  a.lang = plan->info.lang;
  a.plan = std::move(plan);
  auto built = build_graph(*a.plan);
  a.diagnostics.insert(a.diagnostics.end(), built.diagnostics.begin(), built.diagnostics.end());
  if (!built.graph) return a;
  a.graph = std::move(built.graph);
  a.schedule = schedule_plan(*a.plan, *a.graph);
  const auto& cal = a.schedule->calendar;
  for (const auto& s : a.schedule->steps) {
    if (s.ef >= cal.working_day_count()) {
      a.diagnostics.push_back(
          make_diagnostic(Severity::error, {}, "schedule-overflow",
                          {{"last", Message{format_iso(cal.last()), format_vn(cal.last())}}},
                          say("hint:overflow")));
      a.schedule.reset();
      return a;
    }
  }
  a.findings = check_plan(*a.plan, *a.graph, *a.schedule);
  if (a.schedule->status_date) {
    auto progress =
        check_progress(*a.plan, *a.graph, *a.schedule, planned_dates(*a.plan, *a.graph, baseline));
    a.findings.insert(a.findings.end(), std::make_move_iterator(progress.begin()),
                      std::make_move_iterator(progress.end()));
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const Finding& x, const Finding& y) { return x.severity > y.severity; });
  }
  return a;
}

}  // namespace tiendo
