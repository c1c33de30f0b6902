// The network layout: boxes in layers, links from box to box that never run
// through another box.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "layout_network.hpp"
#include "pango_metrics.hpp"
#include "render_fixture.hpp"

namespace tiendo::render {
namespace {

struct Box {
  double x, y, w, h;
  bool contains(Point p, double inset) const {
    return p.x > x + inset && p.x < x + w - inset && p.y > y + inset && p.y < y + h - inset;
  }
};

/// Does the axis-parallel segment a-b pass through the inside of `box`?
bool crosses(Point a, Point b, const Box& box) {
  const int steps = 40;
  for (int i = 1; i < steps; ++i) {
    const Point p{a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps};
    if (box.contains(p, 1)) return true;
  }
  return false;
}

void check_network(const Analysis& a) {
  const FixedMetrics metrics;
  const auto list = layout_network(a, {}, metrics, PageSize::none);
  ASSERT_EQ(list.pages.size(), 1u);
  std::map<std::string, Box> boxes;
  std::vector<const PathOp*> links;
  for (const auto& op : list.pages[0].ops) {
    if (const auto* r = std::get_if<RectOp>(&op); r && r->tag.role == "box") {
      EXPECT_TRUE(boxes.emplace(r->tag.id, Box{r->x, r->y, r->w, r->h}).second);
    }
    if (const auto* p = std::get_if<PathOp>(&op);
        p && (p->tag.role == "link" || p->tag.role == "link-critical")) {
      links.push_back(p);
    }
  }
  EXPECT_EQ(boxes.size(), a.graph->size());
  EXPECT_EQ(links.size(), a.graph->links.size());
  for (auto i = boxes.begin(); i != boxes.end(); ++i) {
    for (auto j = std::next(i); j != boxes.end(); ++j) {
      const auto& p = i->second;
      const auto& q = j->second;
      const bool apart =
          p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
      EXPECT_TRUE(apart) << i->first << " overlaps " << j->first;
    }
  }
  for (const auto* link : links) {
    const auto gt = link->tag.id.find('>');
    const auto& from = boxes.at(link->tag.id.substr(0, gt));
    const auto& to = boxes.at(link->tag.id.substr(gt + 1));
    EXPECT_LT(from.x, to.x) << link->tag.id << ": links run left to right";
    EXPECT_NEAR(link->points.front().x, from.x + from.w, 0.01);
    EXPECT_NEAR(link->points.back().x, to.x, 0.01);
    for (std::size_t k = 1; k < link->points.size(); ++k) {
      const auto& p = link->points[k - 1];
      const auto& q = link->points[k];
      EXPECT_TRUE(std::abs(p.x - q.x) < 0.01 || std::abs(p.y - q.y) < 0.01) << "orthogonal";
      for (const auto& [id, box] : boxes) {
        EXPECT_FALSE(crosses(p, q, box)) << link->tag.id << " runs through " << id;
      }
    }
  }
}

TEST(NetworkLayout, SampleBoxesAndLinks) {
  check_network(testing::load_sample("129-KH-DUK.yaml"));
}

TEST(NetworkLayout, InfeasibleSample) {
  check_network(testing::load_sample("129-KH-DUK-infeasible.yaml"));
}

TEST(NetworkLayout, HundredStepsWithCrossLinks) {
  // 25 tasks of 4 steps; each task's first step waits for two earlier steps.
  std::string yaml = "plan: {id: N, start: 2024-01-08}\ntasks:\n";
  for (int t = 0; t < 25; ++t) {
    yaml += "  - id: t" + std::to_string(t) + "\n    name: T\n    steps:\n";
    for (int s = 0; s < 4; ++s) {
      yaml += "      - {id: s" + std::to_string(s) +
              ", name: S, duration: " + std::to_string(1 + (t * 7 + s * 3) % 6) + "d";
      if (t > 0 && s == 0) {
        yaml += ", after: [t" + std::to_string((t * 5) % t) + ".s" + std::to_string(t % 4) + ", t" +
                std::to_string(t - 1) + ".s1]";
      }
      yaml += "}\n";
    }
  }
  const auto a = analyze(yaml);
  ASSERT_TRUE(a.ok());
  check_network(a);
}

/// Three chains: draft -> write -> print, the plan's longest path (critical
/// by logic); an approval pinned to the BTV meeting of 28/5 with time to
/// spare before it (critical only because it is pinned); a poster held to
/// a fixed window it fills (pinned by its date); and a side task with float.
constexpr const char* kPinnedAndLogic = R"(plan: {id: NET-1, title: Two kinds, start: 2024-04-01}
calendar: {days_off: [sat, sun]}
committees:
  BTV: {name: BTV, meetings: [2024-05-28, 2024-07-30], submit_lead: 3d}
tasks:
  - id: sach
    name: Sách
    steps:
      - {id: draft, name: Draft, kind: draft, duration: 20d}
      - {id: write, name: Write, kind: production, duration: 40d, after: draft}
      - {id: print, name: Print, kind: production, duration: 30d, after: write}
  - id: de-an
    name: Đề án
    steps:
      - {id: du-thao, name: Dự thảo, kind: draft, duration: 5d}
      - {id: duyet, name: Duyệt, kind: approval, at: {committee: BTV, date: 2024-05-28}, after: du-thao}
  - {id: pano, name: Pano, kind: production, duration: 5d, when: "từ ngày 1/7/2024 đến ngày 5/7/2024"}
  - {id: phu, name: Phụ, kind: other, duration: 3d}
)";

TEST(NetworkLayout, PinnedStepsAreDrawnApartFromTheLogicalCriticalPath) {
  const auto a = analyze(kPinnedAndLogic);
  ASSERT_TRUE(a.ok());
  const FixedMetrics metrics;
  const auto list = layout_network(a, {}, metrics, PageSize::none);
  std::map<std::string, const RectOp*> border;
  std::set<std::string> legend;
  for (const auto& op : list.pages[0].ops) {
    const auto* r = std::get_if<RectOp>(&op);
    if (r && r->tag.role == "box-border") border[r->tag.id] = r;
    if (r && r->tag.role == "legend-box") legend.insert(r->tag.id);
  }
  // Worked by hand: the book's chain ends the plan (90 working days); the
  // approval is pinned to 28/5, its draft done by 5/4; the poster fills its window.
  for (const auto* id : {"sach.draft", "sach.write", "sach.print"}) {
    const auto& b = *border.at(id);
    EXPECT_TRUE(b.stroke->dash.empty()) << id << ": critical by logic, solid";
    EXPECT_GE(b.stroke->width, 2) << id;
    EXPECT_EQ(b.tag.meaning->critical_by, "logic") << id;
  }
  for (const auto* id : {"de-an.duyet", "pano"}) {
    const auto& b = *border.at(id);
    EXPECT_FALSE(b.stroke->dash.empty()) << id << ": pinned, dashed";
    EXPECT_GE(b.stroke->width, 2) << id;
    EXPECT_EQ(b.tag.meaning->critical_by, "pinned") << id;
    EXPECT_TRUE(b.tag.meaning->critical) << id << ": still critical in the schedule";
  }
  for (const auto* id : {"de-an.du-thao", "phu"}) {
    EXPECT_LT(border.at(id)->stroke->width, 1) << id << ": float left";
    EXPECT_EQ(border.at(id)->tag.meaning->critical_by, "") << id;
  }
  // The legend says which is which, and only what is drawn.
  EXPECT_EQ(legend, (std::set<std::string>{"logic", "pinned", "float"}));
  const auto only_pinned = testing::load_sample("129-KH-DUK.yaml");
  std::set<std::string> kinds;
  int pinned = 0;
  const auto drawn = layout_network(only_pinned, {}, metrics, PageSize::none);
  for (const auto& op : drawn.pages[0].ops) {
    const auto* r = std::get_if<RectOp>(&op);
    if (r && r->tag.role == "legend-box") kinds.insert(r->tag.id);
    pinned += r && r->tag.role == "box-border" && r->tag.meaning->critical_by == "pinned";
  }
  EXPECT_EQ(pinned, 13) << "plan 129's steps pinned to a date or a meeting";
  EXPECT_EQ(kinds, (std::set<std::string>{"pinned", "float"}));
}

TEST(NetworkLayout, CriticalBoxesAreThick) {
  const auto a = testing::load_sample("129-KH-DUK.yaml");
  const FixedMetrics metrics;
  const auto list = layout_network(a, {}, metrics, PageSize::none);
  int thick = 0, thin = 0;
  for (const auto& op : list.pages[0].ops) {
    const auto* r = std::get_if<RectOp>(&op);
    if (!r || r->tag.role != "box-border") continue;
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != r->tag.id) ++v;
    const bool critical = a.schedule->steps[v].critical;
    EXPECT_EQ(r->stroke->width >= 2, critical) << r->tag.id;
    (critical ? thick : thin)++;
  }
  EXPECT_GT(thick, 0);
  EXPECT_GT(thin, 0);
}

TEST(NetworkLayout, LongNamesWrapInsideTheirBox) {
  // Measured with the fonts the PNG uses: each name's lines, as Pango
  // breaks them, lie inside the box's head and say the whole name.
  const PangoMetrics metrics;
  for (const auto* sample : {"129-KH-DUK.yaml", "002-BTG-so-ket-2024.yaml"}) {
    const auto a = testing::load_sample(sample);
    const auto list = layout_network(a, {}, metrics, PageSize::none);
    const auto& page = list.pages[0];
    std::map<std::string, const RectOp*> heads;
    for (const auto& op : page.ops) {
      if (const auto* r = std::get_if<RectOp>(&op); r && r->tag.role == "box-head") {
        heads[r->tag.id] = r;
      }
    }
    int wrapped = 0;
    for (const auto& op : page.ops) {
      const auto* t = std::get_if<TextOp>(&op);
      if (!t || t->tag.role != "box-name") continue;
      const auto& head = *heads.at(t->tag.id);
      const auto lines = metrics.lines(*t);
      ASSERT_FALSE(lines.empty());
      wrapped += lines.size() > 1;
      std::string shown;
      for (const auto& line : lines) {
        shown += (shown.empty() ? "" : " ") + line.text;
        EXPECT_GE(line.left, head.x) << t->text;
        EXPECT_LE(line.right, head.x + head.w) << t->text;
        EXPECT_GT(line.baseline - t->font.size, head.y) << t->text;
        EXPECT_LT(line.baseline, head.y + head.h) << t->text;
      }
      EXPECT_EQ(shown, t->text) << "the whole name, no ellipsis";
    }
    EXPECT_GT(wrapped, 0) << sample;
    // The key under the boxes stays on the page.
    for (const auto& op : page.ops) {
      const auto* t = std::get_if<TextOp>(&op);
      if (!t) continue;
      EXPECT_LE(t->x + t->w, page.width + 0.01) << t->text;
      EXPECT_LE(t->y + t->h, page.height + 0.01) << t->text;
    }
  }
}

}  // namespace
}  // namespace tiendo::render
