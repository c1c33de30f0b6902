#pragma once
// What-if: the plan with a step delayed, a meeting cancelled or an event
// moved, compared with the plan as it is, without touching the file
// (`tiendo whatif`; docs/progress.md).

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>

#include <string>
#include <vector>

namespace tiendo {

struct WhatIfChange {
  enum class Kind { delay, cancel_meeting, move_event };
  Kind kind = Kind::delay;
  std::string target;  ///< the step (delay), committee (cancel) or event (move)
  int days = 0;        ///< delay: working days later than it is now forecast
  Date date{};         ///< cancel: the meeting's day; move: the event's new day
};

/// Reads 'STEP=5d', 'BTV:2024-07-30', 'le-ky-niem=2024-11-09' as given to
/// --delay, --cancel-meeting and --move-event; an error message otherwise.
std::optional<WhatIfChange> parse_what_if(WhatIfChange::Kind kind, std::string_view text,
                                          std::string& error);

/// One date that moved: a deadline's forecast, an approval's meeting, an
/// event's forecast, or the plan's finish.
struct WhatIfDelta {
  std::string kind;  ///< "deadline", "meeting", "event", "finish"
  std::string id;
  std::string name;
  Date before{}, after{};
  int days = 0;           ///< working days, positive: later
  int margin_before = 0;  ///< deadlines and events: working days to spare
  int margin_after = 0;
};

struct WhatIfResult {
  Diagnostics diagnostics;                          ///< a change that names nothing in the plan
  std::vector<std::string> applied_en, applied_vi;  ///< each change in words
  std::vector<WhatIfDelta> deltas;  ///< in the order: finish, events, meetings, deadlines
  bool feasible_before = true, feasible_after = true;
  std::vector<Finding> new_errors;       ///< errors the changes bring
  std::vector<Finding> resolved_errors;  ///< errors they remove

  bool ok() const { return !has_errors(diagnostics); }
};

/// Applies `changes` to a copy of `analysis.plan` and compares.
WhatIfResult what_if(const Analysis& analysis, const std::vector<WhatIfChange>& changes);

std::string what_if_text(const WhatIfResult& result, Lang lang);
/// JSON (docs/schemas/tiendo-whatif-1.schema.json).
std::string what_if_json(const WhatIfResult& result, Lang lang);

}  // namespace tiendo
