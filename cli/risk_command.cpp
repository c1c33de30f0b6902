#include "risk_command.hpp"

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
  if (args.format == "json") return emit(args, risk_json(report));
  return emit(args, risk_text(report, pick_lang(args, a)));
}

}  // namespace tiendo::cli
