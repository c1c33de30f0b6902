#pragma once

#include <tiendo/diagnostics.hpp>
#include <tiendo/plan.hpp>

#include <optional>
#include <string_view>

namespace tiendo {

struct ParseResult {
  std::optional<Plan> plan;  ///< set when there is no error
  Diagnostics diagnostics;   ///< all problems found, in file order
};

struct ParseOptions {
  /// A time phrase that cannot be read is a warning, and its step stays
  /// unconstrained, instead of an error.
  bool lenient = false;
  /// A time phrase with words the reader did not use is an error, not a
  /// warning (`phrase-partly-read`).
  bool strict = false;
};

/// Reads a YAML plan (docs/plan-format.md). Collects every error it can
/// instead of stopping at the first; the plan is returned only if none.
ParseResult parse_plan(std::string_view text, const ParseOptions& options = {});

/// Parses `5d`, `5cd`, `2w` or `0`; nullopt when malformed.
std::optional<Duration> parse_duration(std::string_view text);

/// Parses a lag: `2d`, `-1d`, `1w`, `0` (working days); nullopt when malformed.
std::optional<int> parse_lag(std::string_view text);

}  // namespace tiendo
