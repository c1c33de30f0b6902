// Committee meetings, events and the status date: full-height lines across
// the rows, each labelled in a lane above the axis.
#include <algorithm>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

namespace {

/// Where each marker's label goes: a lane above the axis (level 0 the top)
/// and an x. A label is as wide as its text (cut only when wider than the
/// whole timeline) and stays inside the timeline: centred on its line when
/// that fits, else ending just left of its line, else starting just right
/// of it, else against the timeline's edge. It takes the first level where
/// it keeps 4 pt clear of the labels there and no marker line crosses it: a
/// marker's line runs from below its own label down to the rows, through
/// every lane under it. Only when no level allows that (a crowd of markers
/// days apart) may a line pass behind a label, and labels still never
/// overlap. Events are placed first, so they get the top lanes, then
/// meetings, then the status date; each kind from right to left, so that in
/// a crowd the labels set left of their lines climb towards the right and
/// no line crosses them.
void stack_labels(GanttChart& c) {
  constexpr double kGap = 4, kBeside = 3;
  const double left = c.axis.x0, right = c.timeline_right();
  std::vector<const Marker*> placed;
  const auto fits = [&](const Marker& mk, double x, int level, bool lines) {
    if (x < left - 0.01 || x + mk.label_w > right + 0.01) return false;
    for (const auto* other : placed) {
      if (other->level == level && x < other->label_x + other->label_w + kGap &&
          other->label_x < x + mk.label_w + kGap)
        return false;
      if (!lines) continue;
      // Its line through this label, or this one's line through its label.
      if (other->level < level && other->x > x - 1 && other->x < x + mk.label_w + 1) return false;
      if (other->level > level && mk.x > other->label_x - 1 &&
          mk.x < other->label_x + other->label_w + 1)
        return false;
    }
    return true;
  };
  std::vector<Marker*> order;
  for (const auto kind : {Marker::Kind::event, Marker::Kind::meeting, Marker::Kind::status}) {
    for (auto it = c.markers.rbegin(); it != c.markers.rend(); ++it) {
      if (it->kind == kind) order.push_back(&*it);
    }
  }
  for (auto* m : order) {
    auto& mk = *m;
    const auto& font = mk.kind == Marker::Kind::event ? kBold : kText;
    mk.label_w = std::min(c.m.width(mk.label, font) + 2, std::max(0.0, right - left));
    const double candidates[] = {
        mk.x - mk.label_w / 2, mk.x - kBeside - mk.label_w, mk.x + kBeside,
        std::clamp(mk.x - mk.label_w / 2, left, std::max(left, right - mk.label_w))};
    const auto place = [&](bool lines, int levels) {
      for (int level = 0; level < levels; ++level) {
        for (const double x : candidates) {
          if (fits(mk, x, level, lines)) {
            mk.label_x = x;
            mk.level = level;
            return true;
          }
        }
      }
      return false;
    };
    // A free level always exists below the ones used so far.
    const int levels = static_cast<int>(placed.size()) + 1;
    if (!place(true, levels)) place(false, levels);
    placed.push_back(&mk);
    c.lanes = std::max(c.lanes, mk.level + 1);
  }
}

}  // namespace

void place_markers(GanttChart& c) {
  const auto inside = [&](Date d) { return d >= c.from && d <= c.to; };
  const auto centre = [&](Date d) { return c.axis.x(d) + c.axis.day_width / 2; };
  for (const auto& committee : c.a.plan->committees) {
    for (const Date m : committee.meetings) {
      if (!inside(m)) continue;
      c.markers.push_back(
          {Marker::Kind::meeting, m, centre(m),
           std::string(c.w.meeting) + " " + committee.id + " " + labels::day_month(m),
           committee.id});
    }
  }
  for (const auto& e : c.a.plan->events) {
    if (inside(e.date)) {
      c.markers.push_back({Marker::Kind::event, e.date, centre(e.date), e.name, e.id});
    }
  }
  if (c.status && inside(*c.status)) {
    c.markers.push_back({Marker::Kind::status,
                         *c.status,
                         c.axis.x(*c.status + date::days{1}),
                         std::string(c.w.status) + " " + labels::day_month(*c.status),
                         {}});
  }
  std::stable_sort(c.markers.begin(), c.markers.end(),
                   [](const Marker& a, const Marker& b) { return a.x < b.x; });
  stack_labels(c);
}

void draw_marker_lines(const GanttChart& c, GanttPage& p) {
  for (const auto& mk : c.markers) {
    const double top = p.lane_top + (mk.level + 1) * kLaneHeight;
    switch (mk.kind) {
      case Marker::Kind::meeting:
        p.ops.push_back(PathOp{{{mk.x, top}, {mk.x, p.rows_bottom}},
                               dashed(kMeeting, 0.9, {3, 2}),
                               false,
                               false,
                               {"meeting-line", mk.id + "@" + format_iso(mk.day)}});
        break;
      case Marker::Kind::event:
        p.ops.push_back(PathOp{{{mk.x, top}, {mk.x, p.rows_bottom}},
                               solid(kEvent, 1.8),
                               false,
                               false,
                               {"event-line", mk.id}});
        break;
      case Marker::Kind::status:
        p.ops.push_back(PathOp{{{mk.x, top}, {mk.x, p.rows_bottom}},
                               dashed(kStatus, 1.2, {6, 2, 1.5, 2}),
                               false,
                               false,
                               {"status-line", format_iso(mk.day)}});
        break;
    }
  }
}

void draw_marker_labels(const GanttChart& c, GanttPage& p) {
  for (const auto& mk : c.markers) {
    const double y = p.lane_top + mk.level * kLaneHeight;
    const Color color = mk.kind == Marker::Kind::event     ? kEvent
                        : mk.kind == Marker::Kind::meeting ? kMeeting
                                                           : kStatus;
    // On white, so that where a crowd leaves no other way a line passes
    // behind the label, not through its letters.
    p.ops.push_back(RectOp{mk.label_x,
                           y + 1,
                           mk.label_w,
                           kLaneHeight - 2,
                           from_hex(0xFFFFFF),
                           std::nullopt,
                           0,
                           {"marker-label-back", mk.id}});
    p.ops.push_back(TextOp{mk.label_x,
                           y,
                           mk.label_w,
                           kLaneHeight,
                           mk.label,
                           mk.kind == Marker::Kind::event ? kBold : kText,
                           color,
                           Align::center,
                           1,
                           {"marker-label", mk.id}});
  }
}

}  // namespace tiendo::render::gantt
