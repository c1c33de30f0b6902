#pragma once
// What the importers' fuzz targets check of the plan an import wrote: it
// must parse (an import promises a plan that reads as it is), so a plan that
// does not is a bug, and the target aborts, printing the plan and the errors.
// Then it is scheduled, as the user would next; crashes there count too.
#include <tiendo/analysis.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/parse.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace tiendo::fuzz {

inline Analysis check_imported_plan(const std::string& yaml, const char* target) {
  const auto parsed = parse_plan(yaml);
  if (!parsed.plan) {
    std::fprintf(stderr, "%s: the imported plan does not parse\n--- plan\n%s--- errors\n", target,
                 yaml.c_str());
    for (const auto& d : parsed.diagnostics) {
      std::fprintf(stderr, "%s", format_diagnostic(d, "imported.yaml", yaml).c_str());
    }
    std::abort();
  }
  return analyze(yaml);
}

}  // namespace tiendo::fuzz
