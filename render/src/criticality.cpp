#include "criticality.hpp"

namespace tiendo::render {

Criticality criticality(const Analysis& a, NodeId v) {
  const auto& s = a.schedule->steps[v];
  if (!s.critical) return Criticality::none;
  switch (s.driver) {
    case Driver::pinned:
    case Driver::meeting:
    case Driver::constraint:
    case Driver::event:
      return Criticality::pinned;
    case Driver::plan_start:
    case Driver::link:
    case Driver::actual:
    case Driver::status:
      break;
  }
  // Compared as working-day boundaries: "before 10/6" (a Sunday) holds a
  // step to the Friday before.
  const auto& g = *a.graph;
  const auto& cal = a.schedule->calendar;
  for (auto i = g.constraint_begin[v]; i < g.constraint_begin[v + 1]; ++i) {
    const auto& c = g.constraints[i];
    if (const auto due = deadline_of(c); due && cal.end_boundary(*due) == s.lf) {
      return Criticality::pinned;
    }
    if (c.kind == ConstraintKind::start_by && cal.start_boundary(c.date) == s.ls) {
      return Criticality::pinned;
    }
  }
  return Criticality::logic;
}

}  // namespace tiendo::render
