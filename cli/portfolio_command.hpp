#pragma once
// `tiendo portfolio DIR` and `tiendo agenda DIR`: a folder of plans at once.

#include <tiendo/analysis.hpp>

#include <optional>
#include <string>

namespace tiendo::cli {

struct PortfolioArgs {
  std::string dir;
  std::string format = "text";
  std::string lang = "vi";
  std::string output;
  // agenda only
  std::string committee, from, to;
};

/// 0: no error finding; 1: error findings; 2: nothing could be read.
int run_portfolio(const PortfolioArgs& args);
int run_agenda(const PortfolioArgs& args);

/// The folder's plans as one, for `tiendo gantt DIR` (diagnostics on stderr);
/// nullopt when none could be read.
std::optional<Analysis> portfolio_for_chart(const std::string& dir, bool plans_only);

}  // namespace tiendo::cli
