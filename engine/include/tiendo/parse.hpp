#pragma once

#include <tiendo/diagnostics.hpp>
#include <tiendo/plan.hpp>

#include <optional>
#include <string_view>

namespace tiendo {

struct Baseline;

struct ParseResult {
  std::optional<Plan> plan;  ///< set when there is no error
  Diagnostics diagnostics;   ///< all problems found, in file order
  /// The plan's `lang:` as far as it was read ("vi" when not written or not
  /// read): the language to say the diagnostics in, also when `plan` is not set.
  std::string lang = "vi";
};

struct ParseOptions {
  /// A time phrase that cannot be read is a warning, and its step stays
  /// unconstrained, instead of an error.
  bool lenient = false;
  /// A time phrase with words the reader did not use is an error, not a
  /// warning (`phrase-partly-read`).
  bool strict = false;
  /// Reading a workspace's `workspace.yaml` (what a folder of plans shares):
  /// `workspace:` instead of `plan:`, no tasks.
  bool workspace = false;
  /// What the plans of a workspace share (its committees, people, units and
  /// calendar), read from workspace.yaml: a plan takes those it does not
  /// declare; one it declares differently is an error naming both places.
  const Plan* shared = nullptr;
  /// The status date, overriding the plan's `status_date:` (--status-date).
  std::optional<Date> status_date;
  /// The status date of a plan that reports progress and names none: the
  /// CLI passes today's date. Without either, the latest actual date is used.
  std::optional<Date> today;
  /// What progress is measured against (behind-schedule): this baseline's
  /// dates, else the plan's own schedule without its progress.
  const Baseline* baseline = nullptr;
};

/// Reads a YAML plan (docs/plan-format.md). Collects every error it can
/// instead of stopping at the first; the plan is returned only if none.
ParseResult parse_plan(std::string_view text, const ParseOptions& options = {});

/// Parses `5d`, `5cd`, `2w` or `0`; nullopt when malformed.
std::optional<Duration> parse_duration(std::string_view text);

/// Parses a lag: `2d`, `-1d`, `1w`, `0` (working days); nullopt when malformed.
std::optional<int> parse_lag(std::string_view text);

}  // namespace tiendo
