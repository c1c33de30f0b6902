#include "risk_command.hpp"

#include <tiendo/files.hpp>
#include <tiendo/render/render.hpp>
#include <tiendo/risk.hpp>

#include <iostream>

namespace tiendo::cli {

int run_risk(const Args& args) {
  const auto distribution = distribution_named(args.distribution);
  if (!distribution) {
    std::cerr << "tiendo: --distribution is triangular or pert, not '" << args.distribution
              << "'\n";
    return kBadInput;
  }
  const auto loaded = load_plan(args);
  if (!loaded) return kBadInput;
  const auto& a = loaded->analysis;
  const auto report = risk_analysis(a, {args.runs, args.seed, *distribution});
  if (!args.chart.empty()) {
    // The finish's spread as a chart, beside the report (written first).
    const auto format = render::format_from_path(args.chart);
    if (!format) {
      std::cerr << "tiendo: --chart FILE must end in .svg, .png or .pdf: '" << args.chart << "'\n";
      return kBadInput;
    }
    const auto chart = render::render_risk(report, pick_lang(args, a), *format);
    if (!chart.error.empty()) {
      std::cerr << "tiendo: " << chart.error << "\n";
      return kBadInput;
    }
    if (const auto error = write_file_atomically(args.chart, chart.bytes); !error.empty()) {
      std::cerr << "tiendo: " << error << "\n";
      return kBadInput;
    }
  }
  if (args.format == "json") return emit(args, risk_json(report));
  return emit(args, risk_text(report, pick_lang(args, a)));
}

}  // namespace tiendo::cli
