#pragma once
// `tiendo risk`: the Monte Carlo schedule risk of a plan (docs/risk.md).

#include "plan_loading.hpp"

namespace tiendo::cli {

/// The spread of the plan's finish, each deadline's chance, and how often
/// each step is critical: text or JSON.
int run_risk(const Args& args);

}  // namespace tiendo::cli
