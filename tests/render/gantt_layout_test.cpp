// The Gantt layout, checked on its display list with fixed-width text
// metrics: no fonts, no Cairo.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "layout_gantt.hpp"
#include "plan_fixture.hpp"
#include "render_fixture.hpp"
#include "style.hpp"
#include "synthetic.hpp"

namespace tiendo::render {
namespace {

using testing::load_sample;

DisplayList gantt(const Analysis& a, GanttOptions options = {}, PageSize page = PageSize::none) {
  const FixedMetrics metrics;
  return layout_gantt(a, options, metrics, page);
}

template <typename T>
std::vector<const T*> ops(const Page& page, const std::string& role) {
  std::vector<const T*> out;
  for (const auto& op : page.ops) {
    if (const auto* t = std::get_if<T>(&op); t && t->tag.role == role) out.push_back(t);
  }
  return out;
}

/// x = a + b * days since `ref`: the one affine map every date must follow.
struct DateMap {
  Date ref;
  double a = 0, b = 0;
  double x(Date d) const { return a + b * static_cast<double>((d - ref).count()); }
};

/// Fits the map on the meeting lines (each at its day's middle).
DateMap fit_on_meetings(const Analysis& a, const Page& page) {
  const auto lines = ops<PathOp>(page, "meeting-line");
  const auto& meetings = a.plan->committees.at(0).meetings;
  EXPECT_EQ(lines.size(), meetings.size());
  DateMap map{meetings.front()};
  const double x0 = lines.front()->points.front().x, x1 = lines.back()->points.front().x;
  map.b = (x1 - x0) / static_cast<double>((meetings.back() - meetings.front()).count());
  map.a = x0 - map.b / 2;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_NEAR(lines[i]->points.front().x, map.x(meetings[i]) + map.b / 2, 0.01);
  }
  return map;
}

TEST(GanttLayout, EveryStepHasOneMarkAtItsDates) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto list = gantt(a);
  ASSERT_EQ(list.pages.size(), 1u);
  const auto& page = list.pages[0];
  const auto map = fit_on_meetings(a, page);
  EXPECT_NEAR(map.b, 900.0 / 245, 0.2) << "about 900 pt for the plan's eight months";

  std::map<std::string, int> marks;
  for (const auto* r : ops<RectOp>(page, "bar")) {
    ++marks[r->tag.id];
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != r->tag.id) ++v;
    const auto& s = a.schedule->steps[v];
    EXPECT_NEAR(r->x, map.x(s.start), 0.01) << r->tag.id;
    EXPECT_NEAR(r->x + r->w, map.x(s.finish + date::days{1}), 0.01) << r->tag.id;
    const auto& step = a.graph->step(*a.plan, v);
    EXPECT_EQ(r->fill, style::bar_fill(step.kind, s.critical)) << r->tag.id;
  }
  for (const auto* c : ops<CircleOp>(page, "approval")) {
    ++marks[c->tag.id];
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != c->tag.id) ++v;
    EXPECT_NEAR(c->cx, map.x(*a.schedule->steps[v].meeting) + map.b / 2, 0.01);
  }
  EXPECT_EQ(marks.size(), a.graph->size());
  for (const auto& [id, n] : marks) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(ops<CircleOp>(page, "approval").size(), 4u);

  const auto events = ops<PathOp>(page, "event-line");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]->tag.id, "le-ky-niem");
  EXPECT_NEAR(events[0]->points[0].x, map.x(testing::d("2024-11-02")) + map.b / 2, 0.01);
  EXPECT_EQ(events[0]->stroke.color, style::kEvent);
}

TEST(GanttLayout, DeadlinesFloatAndCriticalStrokes) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto list = gantt(a);
  const auto& page = list.pages[0];
  const auto map = fit_on_meetings(a, page);
  std::set<std::string> deadlines;
  for (const auto* p : ops<PolygonOp>(page, "deadline")) {
    deadlines.insert(p->tag.id);
    const auto at = p->tag.id.substr(p->tag.id.find('@') + 1);
    // The marker's tip is at the end of the due day.
    EXPECT_NEAR(p->points[2].x, map.x(*parse_iso_date(at) + date::days{1}), 0.01);
  }
  EXPECT_TRUE(deadlines.count("phong-su.duyet-ps@2024-10-24"));
  EXPECT_TRUE(deadlines.count("cuoc-thi.tich-hop@2024-08-29"));
  EXPECT_TRUE(deadlines.count("nghe-thuat.tong-duyet@2024-10-29"));
  for (const auto* r : ops<RectOp>(page, "bar")) {
    const bool critical = r->stroke->color == style::kCritical;
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != r->tag.id) ++v;
    EXPECT_EQ(critical, a.schedule->steps[v].critical) << r->tag.id;
  }
  // Float runs from the bar's end to the late finish.
  for (const auto* f : ops<PathOp>(page, "float")) {
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != f->tag.id) ++v;
    const auto& s = a.schedule->steps[v];
    EXPECT_GT(s.total_float, 0);
    EXPECT_NEAR(f->points[1].x, map.x(s.late_finish + date::days{1}), 0.01) << f->tag.id;
  }
}

TEST(GanttLayout, ConflictsAreNumberedAsInTheReport) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  const auto list = gantt(a);
  const auto& page = list.pages[0];
  std::map<int, std::string> badges;
  for (const auto* c : ops<CircleOp>(page, "badge")) {
    const auto hash = c->tag.id.find('#');
    badges[std::stoi(c->tag.id.substr(hash + 1))] = c->tag.id.substr(0, hash);
  }
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    const auto& f = a.findings[i];
    if (f.steps.empty()) continue;
    ASSERT_TRUE(badges.count(static_cast<int>(i + 1))) << "finding " << i + 1;
    EXPECT_EQ(badges[static_cast<int>(i + 1)], f.steps.front());
  }
  std::set<std::string> outlined;
  for (const auto* r : ops<RectOp>(page, "conflict-outline")) outlined.insert(r->tag.id);
  for (const auto* c : ops<CircleOp>(page, "conflict-outline")) outlined.insert(c->tag.id);
  EXPECT_TRUE(outlined.count("phong-su.duyet-ps"));
  EXPECT_TRUE(outlined.count("ban-tin.duyet-khung"));
  EXPECT_TRUE(outlined.count("pano"));
  EXPECT_FALSE(outlined.count("nghe-thuat.tong-duyet")) << "a warning gets a badge, no outline";
}

/// The labels of the first page's legend.
std::set<std::string> legend(const DisplayList& list) {
  std::set<std::string> items;
  for (const auto* t : ops<TextOp>(list.pages[0], "legend")) items.insert(t->text);
  return items;
}

TEST(GanttLayout, LegendShowsOnlyWhatIsUsed) {
  const auto ok = legend(gantt(load_sample("129-KH-DUK.yaml")));
  EXPECT_FALSE(ok.count("Vướng mắc (số theo báo cáo)"));
  EXPECT_TRUE(ok.count("Sự kiện"));
  EXPECT_TRUE(ok.count("Kỳ họp"));
  EXPECT_FALSE(ok.count("Mốc")) << "the plan has no milestone";
  const auto bad = legend(gantt(load_sample("129-KH-DUK-infeasible.yaml")));
  EXPECT_TRUE(bad.count("Vướng mắc (số theo báo cáo)"));
}

TEST(GanttLayout, CroppedLegendListsOnlyWhatShowsBetweenItsDates) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto whole = legend(gantt(a));
  GanttOptions options;
  options.from = testing::d("2024-10-21");
  options.to = testing::d("2024-11-10");
  const auto cropped = legend(gantt(a, options));
  // The drafts (April-May) and the meeting approvals (May, July, September)
  // are in the whole plan but not between 21/10 and 10/11.
  EXPECT_TRUE(whole.count("Xây dựng, dự thảo"));
  EXPECT_TRUE(whole.count("Duyệt tại kỳ họp"));
  EXPECT_FALSE(cropped.count("Xây dựng, dự thảo"));
  EXPECT_FALSE(cropped.count("Duyệt tại kỳ họp"));
  // The anniversary on 2/11 and the broadcasts running into November are.
  EXPECT_TRUE(cropped.count("Sự kiện"));
  EXPECT_TRUE(cropped.count("Phát sóng, xuất bản"));
}

TEST(GanttLayout, VietnameseAndEnglishAxis) {
  const auto a = load_sample("129-KH-DUK.yaml");
  std::set<std::string> vi, en;
  const auto vi_list = gantt(a);
  for (const auto* t : ops<TextOp>(vi_list.pages[0], "axis-upper")) vi.insert(t->text);
  GanttOptions english;
  english.lang = Lang::en;
  const auto en_list = gantt(a, english);
  for (const auto* t : ops<TextOp>(en_list.pages[0], "axis-upper")) en.insert(t->text);
  EXPECT_TRUE(vi.count("Tháng 10/2024")) << *vi.begin();
  EXPECT_TRUE(en.count("October 2024")) << *en.begin();
  GanttOptions days;
  days.scale = Scale::day;
  days.from = testing::d("2024-10-01");
  days.to = testing::d("2024-10-31");
  std::vector<std::string> lower;
  const auto day_list = gantt(a, days);
  for (const auto* t : ops<TextOp>(day_list.pages[0], "axis-lower")) lower.push_back(t->text);
  ASSERT_EQ(lower.size(), 31u);
  EXPECT_EQ(lower.front(), "1");
  EXPECT_EQ(lower.back(), "31");
}

TEST(GanttLayout, AxisLabelsAndMarkerLabelsNeverCollide) {
  const FixedMetrics m;
  for (const auto* sample : {"129-KH-DUK.yaml", "129-KH-DUK-infeasible.yaml"}) {
    for (const auto page : {PageSize::none, PageSize::a4, PageSize::a3}) {
      const auto a = load_sample(sample);
      const auto list = gantt(a, {}, page);
      for (const auto& p : list.pages) {
        for (const auto* role : {"axis-upper", "axis-lower"}) {
          for (const auto* t : ops<TextOp>(p, role)) {
            EXPECT_LE(m.width(t->text, t->font) * 1.5, t->w + 0.01) << t->text;
          }
        }
        // Marker labels on one level do not overlap.
        std::map<double, std::vector<const TextOp*>> levels;
        for (const auto* t : ops<TextOp>(p, "marker-label")) levels[t->y].push_back(t);
        for (auto& [y, labels] : levels) {
          for (std::size_t i = 1; i < labels.size(); ++i) {
            EXPECT_LE(labels[i - 1]->x + labels[i - 1]->w, labels[i]->x + 0.01) << labels[i]->text;
          }
        }
      }
    }
  }
}

TEST(GanttLayout, ArrowsStayInTheTimeline) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  const auto list = gantt(a);
  const auto& page = list.pages[0];
  const auto table = ops<RectOp>(page, "table-header");
  ASSERT_EQ(table.size(), 1u);
  const double timeline_left = table[0]->x + table[0]->w;
  int arrows = 0;
  for (const auto& op : page.ops) {
    const auto* p = std::get_if<PathOp>(&op);
    if (!p || (p->tag.role != "link" && p->tag.role != "link-critical")) continue;
    ++arrows;
    EXPECT_TRUE(p->arrow);
    for (const auto& pt : p->points) EXPECT_GT(pt.x, timeline_left) << p->tag.id;
  }
  EXPECT_GT(arrows, 10);
}

TEST(GanttLayout, ArrowsGoDownAColumnClearOfTheBarsBetween) {
  // a: Mon 3 - Tue 4/6; b (the row between): Fri 7 - Thu 13/6; c waits for a
  // with a 4-day lag and starts Tue 11/6, under b. Straight down at c's start
  // would cross b: the arrow goes down left of b, then along c's gutter.
  const auto a =
      testing::analyze_ok(testing::plan_header() +
                          "tasks:\n"
                          "  - {id: a, name: A, duration: 2d}\n"
                          "  - {id: b, name: B, duration: 5d, not_before: 2024-06-07}\n"
                          "  - {id: c, name: C, duration: 1d, after: {on: a, lag: 4d}}\n");
  const auto list = gantt(a);
  const auto& page = list.pages[0];
  const PathOp* arrow = nullptr;
  for (const auto* p : ops<PathOp>(page, "link")) {
    if (p->tag.id == "a>c") arrow = p;
  }
  for (const auto* p : ops<PathOp>(page, "link-critical")) {
    if (p->tag.id == "a>c") arrow = p;
  }
  ASSERT_NE(arrow, nullptr);
  const RectOp* b = nullptr;
  for (const auto* r : ops<RectOp>(page, "bar")) {
    if (r->tag.id == "b") b = r;
  }
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(arrow->points.size(), 5u);
  const double column = arrow->points[1].x;
  EXPECT_EQ(arrow->points[2].x, column);
  EXPECT_LT(column, b->x) << "the column clears b";
  EXPECT_GT(arrow->points[2].y, b->y + b->h) << "it turns below b's bar";
}

TEST(GanttLayout, PagesRepeatTheHeaderAndKeepTasksWhole) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto list = gantt(a, {}, PageSize::a4);
  ASSERT_EQ(list.pages.size(), 3u);
  std::map<std::string, int> seen;
  for (std::size_t p = 0; p < list.pages.size(); ++p) {
    const auto& page = list.pages[p];
    EXPECT_NEAR(page.width, 841.89, 0.01);
    EXPECT_NEAR(page.height, 595.28, 0.01);
    EXPECT_FALSE(ops<TextOp>(page, "axis-upper").empty());
    EXPECT_FALSE(ops<TextOp>(page, "header").empty());
    const auto numbers = ops<TextOp>(page, "page-number");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0]->text, "Trang " + std::to_string(p + 1) + "/3");
    for (const auto* r : ops<RectOp>(page, "bar")) ++seen[r->tag.id];
    // Every row fits above the legend.
    for (const auto* t : ops<TextOp>(page, "cell")) EXPECT_LT(t->y + t->h, page.height - 40);
  }
  for (const auto& [id, n] : seen) EXPECT_EQ(n, 1) << id << " drawn on two pages";
  // Task 5's rows (cuoc-thi) are all on one page.
  int pages_with_contest = 0;
  for (const auto& page : list.pages) {
    bool has = false;
    for (const auto* t : ops<TextOp>(page, "cell"))
      has = has || t->tag.id.rfind("cuoc-thi", 0) == 0;
    pages_with_contest += has;
  }
  EXPECT_EQ(pages_with_contest, 1);
}

TEST(GanttLayout, CriticalOnlyAndGroupBy) {
  const auto a = load_sample("129-KH-DUK.yaml");
  GanttOptions critical;
  critical.critical_only = true;
  const auto list = gantt(a, critical);
  const auto& page = list.pages[0];
  for (const auto* r : ops<RectOp>(page, "bar")) EXPECT_EQ(r->stroke->color, style::kCritical);
  EXPECT_FALSE(ops<CircleOp>(page, "approval").empty());

  GanttOptions by_owner;
  by_owner.group_by = GroupBy::owner;
  std::vector<std::string> groups;
  const auto owner_list = gantt(a, by_owner);
  for (const auto* t : ops<TextOp>(owner_list.pages[0], "group")) groups.push_back(t->text);
  EXPECT_EQ(groups,
            (std::vector<std::string>{"Đ/c Mai Thị Nhài", "Đ/c Ngô Văn Lâm", "(chưa phân công)"}));
}

TEST(GanttLayout, StatusDateLineAndTitle) {
  const auto a = load_sample("129-KH-DUK.yaml");
  GanttOptions options;
  options.status_date = testing::d("2024-09-16");
  options.title = "Tiến độ";
  const auto list = gantt(a, options);
  const auto& page = list.pages[0];
  const auto map = fit_on_meetings(a, page);
  const auto status = ops<PathOp>(page, "status-line");
  ASSERT_EQ(status.size(), 1u);
  EXPECT_NEAR(status[0]->points[0].x, map.x(testing::d("2024-09-17")), 0.01);
  EXPECT_EQ(ops<TextOp>(page, "title")[0]->text, "Tiến độ");
  EXPECT_NE(ops<TextOp>(page, "subtitle")[0]->text.find("Ngày báo cáo: 16/09/2024"),
            std::string::npos);
}

TEST(GanttLayout, WeekendsAndHolidaysAreShadedAtDayScale) {
  const auto a = load_sample("129-KH-DUK.yaml");
  GanttOptions options;
  options.from = testing::d("2024-08-26");
  options.to = testing::d("2024-09-08");
  const auto list = gantt(a, options);
  const auto& page = list.pages[0];
  std::vector<std::string> weekends, holidays;
  for (const auto* r : ops<RectOp>(page, "weekend")) weekends.push_back(r->tag.id);
  for (const auto* r : ops<RectOp>(page, "holiday")) holidays.push_back(r->tag.id);
  EXPECT_EQ(weekends, (std::vector<std::string>{"2024-08-31", "2024-09-07"}));
  EXPECT_EQ(holidays, (std::vector<std::string>{"2024-09-02"})) << "2/9 and 3/9 in one run";
}

TEST(GanttLayout, GeometryDumpIsStable) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto first = gantt_geometry(a, {});
  EXPECT_EQ(first, gantt_geometry(a, {}));
  EXPECT_NE(first.find("rect bar[phong-su.ghi-hinh]"), std::string::npos);
}

}  // namespace
}  // namespace tiendo::render

namespace tiendo::render {
namespace {

TEST(GanttLayout, DayScaleNamesTheWeekdays) {
  const auto a = testing::load_sample("129-KH-DUK.yaml");
  GanttOptions options;
  options.from = testing::d("2024-10-07");
  options.to = testing::d("2024-10-13");
  const auto list = gantt(a, options);
  std::vector<std::string> names;
  for (const auto* t : ops<TextOp>(list.pages[0], "axis-weekday")) names.push_back(t->text);
  EXPECT_EQ(names, (std::vector<std::string>{"T2", "T3", "T4", "T5", "T6", "T7", "CN"}));
  options.lang = Lang::en;
  const auto en = gantt(a, options);
  names.clear();
  for (const auto* t : ops<TextOp>(en.pages[0], "axis-weekday")) names.push_back(t->text);
  EXPECT_EQ(names.front(), "Mo");
  EXPECT_EQ(names.back(), "Su");
  // At a week scale there is no weekday tier.
  const auto weeks = gantt(a);
  EXPECT_TRUE(ops<TextOp>(weeks.pages[0], "axis-weekday").empty());
}

}  // namespace
}  // namespace tiendo::render

namespace tiendo::render {
namespace {

/// A synthetic plan of 200 tasks (1-3 steps each) and some 500 links
/// (bench/synthetic.cpp).
const Analysis& big_plan() {
  static const Analysis a = [] {
    bench::SyntheticOptions o;
    o.steps = 397;   // 200 tasks with this seed
    o.links = 1.28;  // 508 links
    o.min_task_steps = 1;
    o.max_task_steps = 3;
    o.seed = 7;
    return analyze(bench::to_yaml(bench::synthetic_plan(o)));
  }();
  return a;
}

/// The links drawn on every page, as "pred>succ".
std::multiset<std::string> drawn_links(const DisplayList& list) {
  std::multiset<std::string> out;
  for (const auto& page : list.pages) {
    for (const auto& op : page.ops) {
      const auto* p = std::get_if<PathOp>(&op);
      if (p && (p->tag.role == "link" || p->tag.role == "link-critical")) out.insert(p->tag.id);
    }
  }
  return out;
}

TEST(GanttLayout, LinksAllDrivingCriticalNone) {
  const auto& a = big_plan();
  ASSERT_TRUE(a.ok());
  const auto& g = *a.graph;
  EXPECT_EQ(a.plan->tasks.size(), 200u);
  EXPECT_NEAR(static_cast<double>(g.links.size()), 500, 30);
  std::multiset<std::string> all, driving, critical;
  for (std::uint32_t i = 0; i < g.links.size(); ++i) {
    const auto& link = g.links[i];
    const auto id = g.step(*a.plan, link.pred).id + ">" + g.step(*a.plan, link.succ).id;
    all.insert(id);
    const auto& succ = a.schedule->steps[link.succ];
    if (succ.driving_link != i) continue;
    driving.insert(id);
    if (succ.critical && a.schedule->steps[link.pred].critical) critical.insert(id);
  }
  ASSERT_GT(driving.size(), 100u);
  ASSERT_LT(driving.size(), all.size());
  ASSERT_GT(critical.size(), 0u);
  ASSERT_LT(critical.size(), driving.size());

  const auto with = [&](Links links, PageSize page = PageSize::none) {
    GanttOptions o;
    o.links = links;
    o.lang = Lang::en;
    return gantt(a, o, page);
  };
  EXPECT_EQ(drawn_links(with(Links::all)), all);
  EXPECT_EQ(drawn_links(with(Links::driving)), driving);
  EXPECT_EQ(drawn_links(with(Links::critical)), critical);
  EXPECT_TRUE(drawn_links(with(Links::none)).empty());
  // Past sixty links, `auto` draws the driving ones, and the legend says so.
  const auto automatic = with(Links::automatic);
  EXPECT_EQ(drawn_links(automatic), driving);
  EXPECT_TRUE(legend(automatic).count("Arrows: driving links only"));
  EXPECT_TRUE(legend(with(Links::critical)).count("Arrows: critical links only"));
  EXPECT_TRUE(legend(with(Links::all)).count("Dependency"));
  for (const auto* label :
       {"Dependency", "Arrows: driving links only", "Arrows: critical links only"}) {
    EXPECT_FALSE(legend(with(Links::none)).count(label));
  }
  // On A4 pages each arrow is drawn on the page that has both its ends.
  const auto paged = drawn_links(with(Links::driving, PageSize::a4));
  for (const auto& id : paged) EXPECT_TRUE(driving.count(id)) << id;
}

TEST(GanttLayout, SmallPlansDrawEveryLinkByDefault) {
  const auto a = load_sample("129-KH-DUK.yaml");
  ASSERT_LE(a.graph->links.size(), kAutoLinks);
  const auto list = gantt(a);
  EXPECT_EQ(drawn_links(list).size(), a.graph->links.size());
  EXPECT_TRUE(legend(list).count("Liên kết (phụ thuộc)"));
  GanttOptions driving;
  driving.links = Links::driving;
  EXPECT_TRUE(legend(gantt(a, driving)).count("Mũi tên: chỉ các liên kết quyết định"));
}

}  // namespace
}  // namespace tiendo::render

namespace tiendo::render {
namespace {

using testing::load_chart_plan;

std::vector<Analysis> chart_plans() {
  std::vector<Analysis> plans;
  for (const auto* sample :
       {"129-KH-DUK.yaml", "129-KH-DUK-infeasible.yaml", "002-BTG-so-ket-2024.yaml",
        "003-tuyen-truyen-dai-hoi-2020.yaml", "004-DUK-TW-15-nam-2022.yaml"}) {
    plans.push_back(load_sample(sample));
  }
  plans.push_back(load_chart_plan("grouped.yaml"));
  plans.push_back(load_chart_plan("crowded-events.yaml"));
  return plans;
}

bool intersect(const TextOp& p, const TextOp& q) {
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

TEST(GanttLayout, NoTextLeavesThePage) {
  for (const auto& a : chart_plans()) {
    for (const auto page : {PageSize::none, PageSize::a4}) {
      const auto list = gantt(a, {}, page);
      for (const auto& p : list.pages) {
        for (const auto& op : p.ops) {
          const auto* t = std::get_if<TextOp>(&op);
          if (!t) continue;
          EXPECT_GE(t->x, 0) << t->text;
          EXPECT_GE(t->y, 0) << t->text;
          EXPECT_LE(t->x + t->w, p.width + 0.01) << a.plan->info.id << ": " << t->text;
          EXPECT_LE(t->y + t->h, p.height + 0.01) << a.plan->info.id << ": " << t->text;
        }
      }
    }
  }
}

TEST(GanttLayout, MarkerLabelsWholeApartAndClearOfTheLines) {
  const FixedMetrics m;
  int crossings = 0;
  for (const auto& a : chart_plans()) {
    for (const auto page : {PageSize::none, PageSize::a4}) {
      const auto list = gantt(a, {}, page);
      for (const auto& p : list.pages) {
        const auto table = ops<RectOp>(p, "table-header");
        ASSERT_EQ(table.size(), 1u);
        const double left = table[0]->x + table[0]->w;
        const auto labels = ops<TextOp>(p, "marker-label");
        for (std::size_t i = 0; i < labels.size(); ++i) {
          const auto& t = *labels[i];
          // Whole (no ellipsis) and inside the timeline.
          EXPECT_GE(t.w + 0.01, m.width(t.text, t.font)) << t.text;
          EXPECT_GE(t.x, left - 0.01) << t.text;
          EXPECT_LE(t.x + t.w, p.width - style::kMargin + 0.01) << t.text;
          for (std::size_t j = i + 1; j < labels.size(); ++j) {
            EXPECT_FALSE(intersect(t, *labels[j])) << t.text << " / " << labels[j]->text;
          }
        }
        // A marker line never crosses a label's letters: where a crowd
        // makes one pass (counted), it goes behind the label's white box.
        const auto backs = ops<RectOp>(p, "marker-label-back");
        ASSERT_EQ(backs.size(), labels.size());
        std::size_t last_line = 0, first_back = p.ops.size();
        for (std::size_t k = 0; k < p.ops.size(); ++k) {
          const auto* line = std::get_if<PathOp>(&p.ops[k]);
          const auto* back = std::get_if<RectOp>(&p.ops[k]);
          if (line && line->tag.role.ends_with("-line") && line->tag.role != "row-line") {
            last_line = k;
          }
          if (back && back->tag.role == "marker-label-back") first_back = std::min(first_back, k);
        }
        EXPECT_LT(last_line, first_back);
        for (std::size_t i = 0; i < labels.size(); ++i) {
          EXPECT_EQ(backs[i]->fill, from_hex(0xFFFFFF));
          EXPECT_NEAR(backs[i]->x, labels[i]->x, 0.01);
          EXPECT_NEAR(backs[i]->w, labels[i]->w, 0.01);
        }
        for (const auto* role : {"event-line", "meeting-line", "status-line"}) {
          for (const auto* line : ops<PathOp>(p, role)) {
            const double x = line->points.front().x, top = line->points.front().y;
            for (const auto* t : labels) {
              crossings += x > t->x && x < t->x + t->w && top < t->y + t->h;
            }
          }
        }
      }
    }
  }
  RecordProperty("lines_behind_labels", crossings);
}

TEST(GanttLayout, CrowdedEventsAreStackedAndTheLastEndsLeftOfItsLine) {
  const auto a = load_chart_plan("crowded-events.yaml");
  const auto list = gantt(a);
  const auto& p = list.pages[0];
  const auto labels = ops<TextOp>(p, "marker-label");
  ASSERT_EQ(labels.size(), 8u) << "five events, three meetings";
  std::set<double> levels;
  for (const auto* t : labels) levels.insert(t->y);
  EXPECT_GE(levels.size(), 4u);
  // The last event's day is the chart's last: its long name ends at its line.
  const TextOp* last = nullptr;
  for (const auto* t : labels) {
    if (t->tag.id == "tong-ket") last = t;
  }
  ASSERT_NE(last, nullptr);
  const PathOp* line = nullptr;
  for (const auto* l : ops<PathOp>(p, "event-line")) {
    if (l->tag.id == "tong-ket") line = l;
  }
  ASSERT_NE(line, nullptr);
  EXPECT_LT(last->x + last->w, line->points.front().x);
  EXPECT_EQ(last->text, "Hội nghị tổng kết công tác tuyên truyền các ngày lễ lớn");
}

bool same_paint(const std::optional<Color>& fill, const std::optional<Stroke>& stroke,
                const std::optional<Color>& fill2, const std::optional<Stroke>& stroke2) {
  const auto same_stroke = [](const std::optional<Stroke>& s, const std::optional<Stroke>& t) {
    return s.has_value() == t.has_value() &&
           (!s || (s->color == t->color && s->width == t->width && s->dash == t->dash));
  };
  return fill == fill2 && same_stroke(stroke, stroke2);
}

TEST(GanttLayout, CriticalBarsAndLinksAreInTheLegendsColours) {
  for (const auto& a : chart_plans()) {
    const auto list = gantt(a);
    const auto& p = list.pages[0];
    std::vector<std::pair<std::optional<Color>, std::optional<Stroke>>> swatches;
    std::vector<Stroke> swatch_lines;
    for (const auto& op : p.ops) {
      if (const auto* r = std::get_if<RectOp>(&op); r && r->tag.role == "legend-swatch") {
        swatches.emplace_back(r->fill, r->stroke);
      }
      if (const auto* c = std::get_if<CircleOp>(&op); c && c->tag.role == "legend-swatch") {
        swatches.emplace_back(c->fill, c->stroke);
      }
      if (const auto* l = std::get_if<PathOp>(&op); l && l->tag.role == "legend-swatch") {
        swatch_lines.push_back(l->stroke);
      }
    }
    const auto in_legend = [&](const std::optional<Color>& fill,
                               const std::optional<Stroke>& stroke) {
      for (const auto& [f, s] : swatches) {
        if (same_paint(f, s, fill, stroke)) return true;
      }
      return false;
    };
    int critical = 0;
    for (const auto* r : ops<RectOp>(p, "bar")) {
      EXPECT_TRUE(in_legend(r->fill, r->stroke)) << a.plan->info.id << " " << r->tag.id;
      critical += r->tag.meaning && r->tag.meaning->critical;
    }
    for (const auto* c : ops<CircleOp>(p, "approval")) {
      EXPECT_TRUE(in_legend(c->fill, c->stroke)) << a.plan->info.id << " " << c->tag.id;
    }
    for (const auto* role : {"link", "link-critical"}) {
      for (const auto* l : ops<PathOp>(p, role)) {
        bool found = false;
        for (const auto& s : swatch_lines) {
          found = found || same_paint({}, l->stroke, {}, s);
        }
        EXPECT_TRUE(found) << a.plan->info.id << " " << l->tag.id;
      }
    }
    if (a.plan->info.id == "129-KH/ĐUK (bản lỗi)") {
      EXPECT_GT(critical, 5);
    }
  }
}

TEST(GanttLayout, PlanGroupsAreHeadingRowsWithTheirOwnBar) {
  const auto a = load_chart_plan("grouped.yaml");
  const auto list = gantt(a);
  const auto& p = list.pages[0];
  std::map<std::string, const RectOp*> bars;
  for (const auto* r : ops<RectOp>(p, "group")) bars[r->tag.id] = r;
  ASSERT_EQ(bars.size(), 4u) << "A, A1, A2, B; C has no task";
  EXPECT_FALSE(bars.count("C"));
  // A group's bar spans its tasks' summaries, those of its subgroups too.
  const auto span = [&](std::initializer_list<const char*> tasks) {
    double x1 = 1e9, x2 = -1e9;
    for (const auto* r : ops<RectOp>(p, "summary")) {
      for (const auto* t : tasks) {
        if (r->tag.id == t) {
          x1 = std::min(x1, r->x);
          x2 = std::max(x2, r->x + r->w);
        }
      }
    }
    for (const auto* r : ops<RectOp>(p, "bar")) {
      for (const auto* t : tasks) {
        if (r->tag.id == t) {
          x1 = std::min(x1, r->x);
          x2 = std::max(x2, r->x + r->w);
        }
      }
    }
    return std::pair{x1, x2};
  };
  const auto a_span = span({"ke-hoach", "dac-san", "chuyen-muc", "phong-su"});
  EXPECT_NEAR(bars["A"]->x, a_span.first, 0.01);
  EXPECT_NEAR(bars["A"]->x + bars["A"]->w, a_span.second, 0.01);
  const auto b_span = span({"le", "trien-lam"});
  EXPECT_NEAR(bars["B"]->x, b_span.first, 0.01);
  EXPECT_NEAR(bars["B"]->x + bars["B"]->w, b_span.second, 0.01);
  // Headings above their tasks, indented by depth, in plan order.
  std::map<std::string, double> x_of;
  for (const auto& op : p.ops) {
    const auto* t = std::get_if<TextOp>(&op);
    if (t) x_of.emplace(t->text, t->x);
  }
  ASSERT_TRUE(x_of.count("A. Tuyên truyền trên báo chí"));
  ASSERT_TRUE(x_of.count("I. Báo in"));
  ASSERT_TRUE(x_of.count("Đặc san chào mừng 95 năm"));
  EXPECT_LT(x_of["A. Tuyên truyền trên báo chí"], x_of["I. Báo in"]);
  EXPECT_LT(x_of["I. Báo in"], x_of["Đặc san chào mừng 95 năm"]);
  EXPECT_FALSE(x_of.count("C. Thi đua (chưa giao việc)"));
  EXPECT_TRUE(legend(list).count("Nhóm nhiệm vụ"));
  EXPECT_FALSE(legend(gantt(load_sample("129-KH-DUK.yaml"))).count("Nhóm nhiệm vụ"));
}

}  // namespace
}  // namespace tiendo::render
