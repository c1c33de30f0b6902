#pragma once
// Why a step has no float: the chain of links it sits on ("critical by
// logic", the critical path proper), or its own date or meeting (a step
// pinned to a day, a window it fills, a deadline met to the day, a committee
// meeting). A plan's pinned steps all read as critical in the schedule, but
// moving them is not what moves the finish: charts draw the two apart.

#include <tiendo/analysis.hpp>

namespace tiendo::render {

enum class Criticality {
  none,    ///< float left
  logic,   ///< no float, through its links: its inputs drive it and it drives what follows
  pinned,  ///< no float because of its own date or meeting
};

/// A critical step is pinned when its early start was set by its own date,
/// meeting or event (not by a predecessor or the plan's start), or its late
/// finish by its own deadline, window or must-finish day (not by a successor
/// or the plan's end); otherwise it is critical by logic.
Criticality criticality(const Analysis& analysis, NodeId v);

}  // namespace tiendo::render
