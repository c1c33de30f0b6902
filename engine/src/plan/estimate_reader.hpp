#pragma once
// A step's three-point estimate (optimistic, pessimistic; `duration` is the
// most likely), read with located diagnostics. Internal to the engine.

#include <tiendo/plan.hpp>

#include <array>

#include "plan/value_reader.hpp"

namespace tiendo::detail {

/// The keys read_step_estimate takes, for the readers' key lists.
inline constexpr std::array<const char*, 2> kEstimateKeys{"optimistic", "pessimistic"};

/// Reads `optimistic:` and `pessimistic:` into the step, once its duration is
/// read: each a duration of the same unit, optimistic <= duration <=
/// pessimistic; an approval at a meeting, a milestone or an event of fixed
/// days takes none.
void read_step_estimate(Reader& reader, const yaml::Node& item, Step& step);

}  // namespace tiendo::detail
