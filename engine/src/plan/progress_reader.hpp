#pragma once
// The progress keys of a step (started, done, progress, remaining) and the
// plan's status date, read with located diagnostics. Internal to the engine.

#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>
#include <tiendo/plan.hpp>

#include <array>

#include "plan/value_reader.hpp"

namespace tiendo::detail {

/// The keys read_step_progress takes, for the readers' key lists.
inline constexpr std::array<const char*, 4> kProgressKeys{"started", "done", "progress",
                                                          "remaining"};

/// Reads a step's progress keys into `step.progress`.
void read_step_progress(Reader& reader, const yaml::Node& item, Step& step,
                        const PhraseContext& context);

/// Reads `status_date:` of the plan's `plan:` mapping (a day, as progress
/// dates are written).
std::optional<Date> read_status_date(Reader& reader, const yaml::Node& node,
                                     const PhraseContext& context);

/// Once every step is read: settles the status date (the option, the plan's,
/// today, or the latest actual date) and reports actual dates after it.
void settle_status_date(Reader& reader, Plan& plan, const ParseOptions& options);

}  // namespace tiendo::detail
