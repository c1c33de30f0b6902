// Writes a synthetic plan (synthetic.hpp) as a tiendo plan file, a
// TaskJuggler project or a PlantUML Gantt diagram, for bench/compare.sh.
//   plan_gen STEPS [--common] [--seed N] [--format yaml|tjp|puml] [--csv NAME]
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "synthetic.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr
        << "usage: plan_gen STEPS [--common] [--seed N] [--format yaml|tjp|puml] [--csv NAME]\n";
    return 2;
  }
  tiendo::bench::SyntheticOptions options;
  options.steps = std::atoi(argv[1]);
  std::string format = "yaml", csv = "tj-dates";
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--common") == 0) options.common_only = true;
    if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      options.seed = static_cast<unsigned>(std::atoi(argv[++i]));
    if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc) format = argv[++i];
    if (std::strcmp(argv[i], "--csv") == 0 && i + 1 < argc) csv = argv[++i];
  }
  if (options.steps <= 0) return 2;
  const auto plan = tiendo::bench::synthetic_plan(options);
  if (format == "tjp") {
    std::cout << tiendo::bench::to_tjp(plan, csv);
  } else if (format == "puml") {
    std::cout << tiendo::bench::to_plantuml(plan);
  } else {
    std::cout << tiendo::bench::to_yaml(plan);
  }
  return 0;
}
