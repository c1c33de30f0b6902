// Parses a small plan with the installed engine, builds its graph, schedules
// it and prints what run_install_test.cmake expects.
#include <tiendo/calendar.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/schedule.hpp>
#include <tiendo/version.hpp>

#include <iostream>

namespace {

constexpr const char* kPlan = R"(plan: {id: tiny, title: "Install check", start: 2024-04-01}
calendar: {days_off: [sat, sun]}
tasks:
  - id: report
    name: "Report"
    steps:
      - {id: draft, name: "Draft", kind: draft, duration: 3d}
      - {id: review, name: "Review", kind: approval, duration: 2d}
  - id: slides
    name: "Slides"
    steps:
      - {id: make, name: "Make the slides", duration: 1d, after: report.draft}
)";

}  // namespace

int main() {
  std::cout << "tiendo " << tiendo::kVersion << "\n";
  const auto parsed = tiendo::parse_plan(kPlan);
  if (!parsed.plan) {
    for (const auto& d : parsed.diagnostics) std::cerr << d.message << "\n";
    return 1;
  }
  const auto& plan = *parsed.plan;
  const auto graph = tiendo::build_graph(plan);
  if (!graph.graph) return 1;
  const auto schedule = tiendo::schedule_plan(plan, *graph.graph);
  for (const auto& s : schedule.steps) {
    std::cout << graph.graph->step(plan, s.node).id << " " << tiendo::format_iso(s.start) << " "
              << tiendo::format_iso(s.finish) << " float " << s.total_float << "\n";
  }
  std::cout << "critical";
  for (const auto v : schedule.critical_path) std::cout << " " << graph.graph->step(plan, v).id;
  std::cout << "\nfinish " << tiendo::format_iso(schedule.finish) << "\n";
  return 0;
}
