// Dependency arrows: orthogonal, leaving the predecessor at its finish (or
// start) and entering the successor at its start (or finish), running down a
// column no bar in between covers and along the gutter between rows.
#include <algorithm>
#include <optional>

#include "gantt_chart.hpp"

namespace tiendo::render::gantt {

using namespace style;

namespace {

/// The rightmost x in [lo, hi] that no bar of the rows strictly between page
/// rows `a` and `b` covers (with a little room), if any.
std::optional<double> free_column(const GanttPage& p, std::size_t a, std::size_t b, double lo,
                                  double hi) {
  std::vector<std::pair<double, double>> blocked;
  for (std::size_t r = std::min(a, b) + 1; r < std::max(a, b); ++r) {
    const auto [x1, x2] = p.row_spans[r];
    if (x1 <= x2 && x2 + 2 >= lo && x1 - 2 <= hi) blocked.emplace_back(x1 - 2, x2 + 2);
  }
  std::sort(blocked.begin(), blocked.end(),
            [](const auto& l, const auto& r) { return l.second > r.second; });
  double x = hi;
  // Each step moves x left of a bar that covers it; bars are visited from
  // the right, so one pass finds the first clear spot.
  for (bool moved = true; moved && x >= lo;) {
    moved = false;
    for (const auto& [x1, x2] : blocked) {
      if (x1 <= x && x <= x2) {
        x = x1 - 0.5;
        moved = true;
      }
    }
  }
  if (x < lo) return std::nullopt;
  return x;
}

/// The route of a link from bar `p` on page row `pr` to bar `s` on row `sr`.
std::vector<Point> route(const GanttPage& page, LinkType type, const BarGeometry& p, std::size_t pr,
                         const BarGeometry& s, std::size_t sr) {
  const bool down = sr > pr;
  // The gutter: the row boundary next to the successor, on the side the
  // arrow comes from, where no bar or text is.
  const double gutter = down ? page.row_y(sr) : page.row_y(sr) + page.row_height(sr);
  const double enter_y = down ? s.y - kBarHeight / 2 : s.y + kBarHeight / 2;
  switch (type) {
    case LinkType::FS: {
      const double sx = std::min(s.x1 + 3, (s.x1 + s.x2) / 2);
      const auto vx = sx >= p.x2 + 4 ? free_column(page, pr, sr, p.x2 + 4, sx) : std::nullopt;
      if (sx >= p.x2 + 4 && (!vx || *vx >= sx)) {
        // Straight down into the successor (or no clear column: still so).
        return {{p.x2, p.y}, {sx, p.y}, {sx, enter_y}};
      }
      if (sx >= p.x2 + 4) {
        // Down a column that no bar in between covers, then along the
        // gutter above (or below) the successor.
        return {{p.x2, p.y}, {*vx, p.y}, {*vx, gutter}, {sx, gutter}, {sx, enter_y}};
      }
      return {{p.x2, p.y},        {p.x2 + 5, p.y}, {p.x2 + 5, gutter},
              {s.x1 - 6, gutter}, {s.x1 - 6, s.y}, {s.x1, s.y}};
    }
    case LinkType::SS: {
      const double x = std::min(p.x1, s.x1) - 6;
      return {{p.x1, p.y}, {x, p.y}, {x, s.y}, {s.x1, s.y}};
    }
    case LinkType::FF: {
      const double x = std::max(p.x2, s.x2) + 6;
      return {{p.x2, p.y}, {x, p.y}, {x, s.y}, {s.x2, s.y}};
    }
    case LinkType::SF:
      return {{p.x1, p.y},        {p.x1 - 6, p.y}, {p.x1 - 6, gutter},
              {s.x2 + 6, gutter}, {s.x2 + 6, s.y}, {s.x2, s.y}};
  }
  return {};
}

}  // namespace

void choose_links(GanttChart& c) {
  const auto& g = *c.a.graph;
  std::vector<bool> shown(g.size(), false);
  for (const auto& row : c.rows) {
    if (row.node) shown[*row.node] = true;
  }
  c.links_shown = 0;
  for (const auto& link : g.links) c.links_shown += shown[link.pred] && shown[link.succ];
  c.links = c.o.links;
  // Past some sixty arrows a chart is a thicket: the driving links still say
  // what holds each step up.
  if (c.links == Links::automatic) {
    c.links = c.links_shown <= kAutoLinks ? Links::all : Links::driving;
  }
}

bool link_critical(const GanttChart& c, std::uint32_t i) {
  const auto& steps = c.a.schedule->steps;
  const auto& link = c.a.graph->links[i];
  return steps[link.pred].critical && steps[link.succ].critical &&
         steps[link.succ].driving_link == i;
}

bool link_drawn(const GanttChart& c, std::uint32_t i) {
  const auto& steps = c.a.schedule->steps;
  const auto& link = c.a.graph->links[i];
  const bool driving = steps[link.succ].driving_link == i;
  switch (c.links) {
    case Links::all:
      return true;
    case Links::driving:
      return driving;
    case Links::critical:
      return driving && steps[link.pred].critical && steps[link.succ].critical;
    case Links::automatic:
    case Links::none:
      break;
  }
  return false;
}

void draw_links(const GanttChart& c, GanttPage& page) {
  if (c.links == Links::none) return;
  const auto& g = *c.a.graph;
  for (std::uint32_t i = 0; i < g.links.size(); ++i) {
    if (!link_drawn(c, i)) continue;
    const auto& link = g.links[i];
    const auto pr = page.row_of.find(link.pred);
    const auto sr = page.row_of.find(link.succ);
    if (pr == page.row_of.end() || sr == page.row_of.end() || pr->second == sr->second) continue;
    const auto p = bar_geometry(c, page, link.pred, pr->second);
    const auto s = bar_geometry(c, page, link.succ, sr->second);
    if (!p.visible || !s.visible) continue;
    const bool critical = link_critical(c, i);
    auto pts = route(page, link.type, p, pr->second, s, sr->second);
    // Arrows stay in the timeline, clear of the table's text.
    for (auto& pt : pts) pt.x = std::max(pt.x, c.axis.x0 + 1);
    const auto& pred = c.step(link.pred).id;
    const auto& succ = c.step(link.succ).id;
    page.ops.push_back(
        PathOp{std::move(pts),
               link_stroke(critical),
               true,
               true,
               {critical ? "link-critical" : "link", pred + ">" + succ,
                Meaning::of_link(pred, succ, std::string(to_string(link.type)), critical)}});
  }
}

}  // namespace tiendo::render::gantt
