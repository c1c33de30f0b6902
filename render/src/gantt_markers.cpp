// Committee meetings, events and the status date: full-height lines across
// the rows, each labelled in a lane above the axis.
#include <algorithm>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

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
  if (c.o.status_date && inside(*c.o.status_date)) {
    c.markers.push_back({Marker::Kind::status,
                         *c.o.status_date,
                         c.axis.x(*c.o.status_date + date::days{1}),
                         std::string(c.w.status) + " " + labels::day_month(*c.o.status_date),
                         {}});
  }
  std::stable_sort(c.markers.begin(), c.markers.end(),
                   [](const Marker& a, const Marker& b) { return a.x < b.x; });
  // Greedy levels: a label takes the lowest level where it clears the
  // label before it by 4 pt; labels stay inside the timeline.
  const double left = c.axis.x0, right = c.timeline_right();
  std::vector<double> level_end;
  for (auto& mk : c.markers) {
    const auto& font = mk.kind == Marker::Kind::event ? kBold : kText;
    mk.label_w = std::min(c.m.width(mk.label, font) + 2, 170.0);
    mk.label_x = std::clamp(mk.x - mk.label_w / 2, left, std::max(left, right - mk.label_w));
    std::size_t level = 0;
    while (level < level_end.size() && level_end[level] + 4 > mk.label_x) ++level;
    if (level == level_end.size()) {
      if (level_end.size() < 4) {
        level_end.push_back(0);
      } else {
        level = static_cast<std::size_t>(std::min_element(level_end.begin(), level_end.end()) -
                                         level_end.begin());
      }
    }
    mk.level = static_cast<int>(level);
    level_end[level] = mk.label_x + mk.label_w;
  }
  c.lanes = static_cast<int>(level_end.size());
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
