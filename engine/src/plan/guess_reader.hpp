#pragma once
// What the plan says tiendo guessed (`guessed:`) and what it could not read
// of the planner's words (`not_read:`), read with located diagnostics.
// Internal to the engine; docs/plan-format.md says how they are written.

#include <tiendo/plan.hpp>

#include <string_view>

#include "plan/value_reader.hpp"

namespace tiendo::detail {

/// `guessed:` of a mapping that holds values (the plan's header, an event, a
/// committee, a task, a step): `{key: why, …}` or `[key, …]`. Each key must be
/// one the mapping holds. Appends to `guesses`.
void read_guessed(Reader& reader, const yaml::Node& mapping, std::string_view subject_kind,
                  const std::string& subject, std::vector<Guess>& guesses);

/// `not_read:` of a mapping: the words as written (one, or a list). Appends
/// to `losses`, each for `subject` (empty: the plan as a whole).
void read_not_read(Reader& reader, const yaml::Node& mapping, const std::string& subject,
                   std::vector<Loss>& losses);

}  // namespace tiendo::detail
