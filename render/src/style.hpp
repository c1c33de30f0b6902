#pragma once
// The chart's colours and sizes in one place. Step kinds use the Okabe-Ito
// palette (safe for colour-blind readers); every distinction that matters
// also survives greyscale: critical bars are dark with a strong outline,
// others light; deadlines and milestones differ by shape; meetings are
// dashed, events solid.

#include <tiendo/plan.hpp>

#include "display_list.hpp"

namespace tiendo::render::style {

inline Color kind_color(StepKind kind) {
  switch (kind) {
    case StepKind::draft:
      return from_hex(0x56B4E9);  // sky blue
    case StepKind::approval:
      return from_hex(0xE69F00);  // orange
    case StepKind::production:
      return from_hex(0x009E73);  // bluish green
    case StepKind::broadcast:
      return from_hex(0xCC79A7);  // reddish purple
    case StepKind::event:
      return from_hex(0x0072B2);  // blue
    case StepKind::milestone:
      return from_hex(0x000000);
    case StepKind::other:
      return from_hex(0x8C8C8C);
  }
  return from_hex(0x8C8C8C);
}

/// A tint toward white (t = 0: the colour, 1: white).
inline Color tint(Color c, double t) {
  return {c.r + (1 - c.r) * t, c.g + (1 - c.g) * t, c.b + (1 - c.b) * t, c.a};
}
/// A shade toward black.
inline Color shade(Color c, double t) {
  return {c.r * (1 - t), c.g * (1 - t), c.b * (1 - t), c.a};
}

inline Stroke solid(Color c, double width) {
  return {c, width, {}};
}
inline Stroke dashed(Color c, double width, std::vector<double> dash) {
  return {c, width, std::move(dash)};
}

// The bars' and arrows' paint, one definition for the chart and its legend.
inline Color bar_fill(StepKind kind, bool critical) {
  return critical ? shade(kind_color(kind), 0.35) : tint(kind_color(kind), 0.55);
}

/// The done part of a step (finished, or under way up to its progress):
/// darker than a critical bar's fill, so a bar under way reads as a dark
/// part then a lighter one even on the critical path.
inline Color done_fill(StepKind kind) {
  return shade(kind_color(kind), 0.6);
}

inline const Color kInk = from_hex(0x1A1A1A);
inline const Color kMutedInk = from_hex(0x555555);
inline const Color kCritical = from_hex(0x111111);
inline const Color kAlarm = from_hex(0xD55E00);    // vermillion: conflicts, deadlines
inline const Color kEvent = from_hex(0x003F7F);    // the ceremony, a congress
inline const Color kMeeting = from_hex(0x8C5A00);  // committee meetings
inline const Color kStatus = from_hex(0x007A5A);   // the status date
inline const Color kLink = from_hex(0x8A8A8A);
inline const Color kFloat = from_hex(0x6E6E6E);
inline const Color kWeekend = from_hex(0xEFEFEF);  // ~6% grey
inline const Color kHoliday = from_hex(0xDCDCDC);  // darker, named in the legend
inline const Color kMonthLine = from_hex(0xB4B4B4);
inline const Color kWeekLine = from_hex(0xE2E2E2);
inline const Color kRowLine = from_hex(0xD2D2D2);
inline const Color kStepRowLine = from_hex(0xEDEDED);
inline const Color kHeaderFill = from_hex(0xF4F4F4);
inline const Color kSummary = from_hex(0x333333);
inline const Color kGroupBar = from_hex(0x1A1A1A);  // a plan group's bar, over its tasks
inline const Color kBaseline = from_hex(0x9A9A9A);  // the baseline's bar, under the step's
// The printed tables (agenda, status report): rules, the heading's band, late.
inline const Color kTableRule = from_hex(0xBBBBBB);
inline const Color kTableHead = from_hex(0xEEEEEE);
inline const Color kLateInk = from_hex(0xB3261E);

inline Stroke bar_outline(StepKind kind, bool critical) {
  return critical ? solid(kCritical, 1.3) : solid(shade(kind_color(kind), 0.15), 0.6);
}
/// A Gantt dependency arrow: thin and grey, the critical path's dark.
inline Stroke link_stroke(bool critical) {
  return critical ? solid(kCritical, 1.0) : solid(kLink, 0.6);
}

constexpr double kMargin = 24;
constexpr double kTextSize = 8;
constexpr double kTitleSize = 15;
constexpr double kSubtitleSize = 9;
constexpr double kRowHeight = 22;
constexpr double kBarHeight = 10;
/// A fitted chart's row whose table text takes one line (GanttOptions::fit).
constexpr double kCompactRow = 16;
/// With a baseline a row grows by this much: the baseline's bar goes under
/// the step's, clear of it and of the row below.
constexpr double kBaselineLane = 6;
constexpr double kBaselineHeight = 3.5;
constexpr double kTierHeight = 15;
constexpr double kLaneHeight = 11;
inline const Font kText{kTextSize, false, false};
inline const Font kBold{kTextSize, true, false};

/// Below this many points per day, weekend stripes would bury the bars.
constexpr double kWeekendMinDay = 4;
constexpr double kDiamondHalf = 5.5;  ///< a milestone's diamond, centre to tip
constexpr double kGroupIndent = 10;   ///< the table's indent per level of the plan's groups

}  // namespace tiendo::render::style
