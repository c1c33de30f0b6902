// Draws the Gantt chart of a small plan with the installed renderer, as SVG,
// into the file named by its argument.
#include <tiendo/analysis.hpp>
#include <tiendo/render/render.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: chart_consumer OUT.svg\n";
    return 2;
  }
  const auto analysis = tiendo::analyze(R"(plan: {id: tiny, title: "Install check", start: 2024-04-01}
tasks:
  - id: report
    name: "Report"
    steps:
      - {id: draft, name: "Draft", kind: draft, duration: 3d}
      - {id: review, name: "Review", kind: approval, duration: 2d}
)");
  if (!analysis.ok()) return 1;
  tiendo::render::GanttOptions options;
  options.lang = tiendo::Lang::en;
  const auto chart = tiendo::render::render_gantt(analysis, options, tiendo::render::Format::svg);
  if (!chart.error.empty()) {
    std::cerr << chart.error << "\n";
    return 1;
  }
  std::ofstream(argv[1], std::ios::binary) << chart.bytes;
  std::cout << "gantt " << chart.pages << " page, " << chart.bytes.size() << " bytes\n";
  return 0;
}
