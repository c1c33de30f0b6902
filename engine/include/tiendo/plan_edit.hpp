#pragma once
// Changing one value of a plan file in its text, where it is written, so that
// everything else (comments, layout, the quoting of other values) stays byte
// for byte: what a form on the web page does to a planner's file.

#include <string>
#include <string_view>

namespace tiendo {

struct PlanEdit {
  std::string text;   ///< the whole plan, edited; empty on error
  std::string error;  ///< why the edit was not made
  bool ok() const { return error.empty(); }
};

/// Sets `key` of the step `step_id` ("task.step", or "task" for a task
/// without steps) to `value`. An existing value is replaced where it is
/// written; a missing key is added to the step (inside its `{…}`, or on a
/// line of its own after `id:`); an empty value removes the key. `after` and
/// `assist` take a comma-separated list and are written as `[a, b]`; every
/// other value is written plain when YAML allows, else double-quoted. The
/// text must parse as YAML; the edited text is parsed again and must hold the
/// value, or nothing is changed.
///
/// A value set this way is the planner's: when the step's `guessed:` names
/// `key`, that entry is taken out (the guess is confirmed).
PlanEdit set_step_value(std::string_view text, std::string_view step_id, std::string_view key,
                        std::string_view value);

/// Confirms a guess: takes `key` out of the `guessed:` of the mapping it
/// belongs to (`subject_kind` "plan", "event", "committee", "task" or "step";
/// `subject` its id), and `guessed:` itself when nothing is left in it. The
/// value stays as it is: the planner says it is right. An error when that
/// mapping guesses no such key.
PlanEdit confirm_guess(std::string_view text, std::string_view subject_kind,
                       std::string_view subject, std::string_view key);

}  // namespace tiendo
