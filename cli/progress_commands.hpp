#pragma once
// After the plan is adopted: `tiendo status`, `tiendo baseline save|list`,
// `tiendo whatif` (docs/progress.md).

#include "plan_loading.hpp"

namespace tiendo::cli {

/// The progress report: text, JSON, or a one-page PDF (needs -o).
int run_status(const Args& args);
/// Saves the schedule as it stands as baseline --name beside the plan.
int run_baseline_save(const Args& args);
/// Lists the plan's baselines.
int run_baseline_list(const Args& args);
/// What the --delay, --cancel-meeting and --move-event changes would move.
int run_whatif(const Args& args);

}  // namespace tiendo::cli
