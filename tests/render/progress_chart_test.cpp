// Progress on the Gantt chart (done fills, a baseline's bars, the status
// line from the schedule) and the one-page status report, on
// tests/data/charts/progress.yaml: reported through Wed 19/6/2024, a and b
// finished, c under way at 40%, e under way with no percentage, d, f, g not
// started (f a milestone).
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <tiendo/render/render.hpp>
#include <tiendo/status.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "layout_gantt.hpp"
#include "layout_status.hpp"
#include "pango_metrics.hpp"
#include "render_fixture.hpp"

namespace tiendo::render {
namespace {

using testing::load_chart_plan;

/// The plan's schedule as the committee adopted it, but for task `pano`
/// (added since): its step and summary are not in the baseline.
Baseline adopted(const Analysis& a) {
  auto b = make_baseline(*a.plan, *a.graph, *a.schedule, "adopted", Date{date::year{2024} / 6 / 1});
  std::erase_if(b.steps, [](const BaselineDates& d) { return d.id == "pano.g"; });
  std::erase_if(b.tasks, [](const BaselineDates& d) { return d.id == "pano"; });
  // Planned a week earlier than now, so that the baseline bars are not
  // simply under the bars.
  for (auto& d : b.steps) {
    d.start -= date::days{7};
    d.finish -= date::days{7};
  }
  return b;
}

pugi::xml_document parse(const std::string& svg) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(svg.data(), svg.size()));
  return doc;
}

/// data-step (or data-task) -> the element, for the elements of a class.
std::map<std::string, pugi::xml_node> by_subject(const pugi::xml_document& doc, const char* cls) {
  std::map<std::string, pugi::xml_node> out;
  for (const auto& x : doc.select_nodes((std::string("//*[@class='") + cls + "']").c_str())) {
    const auto node = x.node();
    const std::string step = node.attribute("data-step").value();
    out[step.empty() ? std::string("task:") + node.attribute("data-task").value() : step] = node;
  }
  return out;
}

std::set<std::string> keys(const std::map<std::string, pugi::xml_node>& m) {
  std::set<std::string> out;
  for (const auto& [k, v] : m) out.insert(k);
  return out;
}

bool has_text(const pugi::xml_document& doc, const std::string& text) {
  for (const auto& x : doc.select_nodes("//text")) {
    if (pugi::xpath_query("string(.)").evaluate_string(x.node()) == text) return true;
  }
  return false;
}

/// Writes the chart for a look when TIENDO_KEEP_CHARTS names a folder.
void keep(const std::string& bytes, const std::string& name) {
  if (const char* dir = std::getenv("TIENDO_KEEP_CHARTS")) {
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
  }
}

TEST(ProgressChart, DoneFillsWhereStepsAreDoneOrUnderWayAndNowhereElse) {
  const auto a = load_chart_plan("progress.yaml");
  const auto baseline = adopted(a);
  GanttOptions options;
  options.baseline = &baseline;
  const auto svg = render_gantt(a, options, Format::svg);
  ASSERT_EQ(svg.error, "");
  keep(svg.bytes, "progress.svg");
  GanttOptions png_options = options;
  png_options.dpi = 110;
  keep(render_gantt(a, png_options, Format::png).bytes, "progress.png");
  const auto doc = parse(svg.bytes);

  const auto fills = by_subject(doc, "progress");
  EXPECT_EQ(keys(fills),
            (std::set<std::string>{"ke-hoach.a", "ke-hoach.b", "tai-lieu.c", "phat-song.e"}));
  EXPECT_STREQ(fills.at("ke-hoach.a").attribute("data-progress").value(), "100");
  EXPECT_STREQ(fills.at("tai-lieu.c").attribute("data-progress").value(), "40");
  // e has no percentage: done up to the status date, part of its bar.
  const int e = std::atoi(fills.at("phat-song.e").attribute("data-progress").value());
  EXPECT_GT(e, 0);
  EXPECT_LT(e, 100);
  // c's fill is 40% of its bar, from its start.
  const auto bars = by_subject(doc, "bar");
  const double bar_x = bars.at("tai-lieu.c").attribute("x").as_double();
  const double bar_w = bars.at("tai-lieu.c").attribute("width").as_double();
  const double fill_w = fills.at("tai-lieu.c").attribute("width").as_double();
  EXPECT_NEAR(fills.at("tai-lieu.c").attribute("x").as_double(), bar_x, 1);
  EXPECT_NEAR(fill_w, 0.4 * bar_w, 1.5);
  // Finished bars carry a check; a step under way, an edge where the rest begins.
  EXPECT_EQ(keys(by_subject(doc, "done-check")).count("tai-lieu.c"), 0u);
  EXPECT_EQ(doc.select_nodes("//*[@class='done-check']").size(), 2u);
  // The milestone not yet reached is hollow.
  const auto f = by_subject(doc, "milestone").at("phat-song.f");
  EXPECT_STREQ(f.attribute("fill").value(), "#ffffff");

  // The status line comes from the schedule's status date.
  EXPECT_EQ(doc.select_nodes("//*[@class='status-line']").size(), 1u);
  for (const char* word : {"Đã hoàn thành", "Đang thực hiện", "Kế hoạch gốc", "Ngày báo cáo"}) {
    EXPECT_TRUE(has_text(doc, word)) << word;
  }
}

TEST(ProgressChart, BaselineBarsUnderTheStepsTheBaselineKnows) {
  const auto a = load_chart_plan("progress.yaml");
  const auto baseline = adopted(a);
  GanttOptions options;
  options.baseline = &baseline;
  const auto doc = parse(render_gantt(a, options, Format::svg).bytes);
  const auto bars = by_subject(doc, "baseline");
  // Every step but g (added since), and the summaries of the three tasks
  // with more than one step (pano has one: its row is g's).
  EXPECT_EQ(keys(bars), (std::set<std::string>{
                            "ke-hoach.a", "ke-hoach.b", "tai-lieu.c", "tai-lieu.d", "phat-song.e",
                            "phat-song.f", "task:ke-hoach", "task:tai-lieu", "task:phat-song"}));
  EXPECT_STREQ(bars.at("ke-hoach.a").attribute("data-baseline").value(), "2024-05-27/2024-05-31");
  // A week earlier than the step's own bar, and under it.
  const auto step = by_subject(doc, "bar").at("ke-hoach.a");
  const auto base = bars.at("ke-hoach.a");
  EXPECT_LT(base.attribute("x").as_double(), step.attribute("x").as_double() - 20);
  EXPECT_GT(base.attribute("y").as_double(),
            step.attribute("y").as_double() + step.attribute("height").as_double());

  // Without a baseline: no grey bars, no legend entry, shorter rows.
  const auto plain = parse(render_gantt(a, {}, Format::svg).bytes);
  EXPECT_TRUE(by_subject(plain, "baseline").empty());
  EXPECT_FALSE(has_text(plain, "Kế hoạch gốc"));
  EXPECT_LT(plain.child("svg").attribute("height").as_double(),
            doc.child("svg").attribute("height").as_double());
}

/// The box an operation covers, for the overlap check.
struct Box {
  double x1, y1, x2, y2;
};

std::optional<Box> box_of(const Op& op, const std::set<std::string>& roles) {
  if (const auto* r = std::get_if<RectOp>(&op); r && roles.count(r->tag.role)) {
    return Box{r->x, r->y, r->x + r->w, r->y + r->h};
  }
  if (const auto* p = std::get_if<PolygonOp>(&op); p && roles.count(p->tag.role)) {
    Box b{1e9, 1e9, -1e9, -1e9};
    for (const auto& q : p->points) {
      b = {std::min(b.x1, q.x), std::min(b.y1, q.y), std::max(b.x2, q.x), std::max(b.y2, q.y)};
    }
    return b;
  }
  if (const auto* t = std::get_if<TextOp>(&op); t && roles.count(t->tag.role)) {
    return Box{t->x, t->y, t->x + t->w, t->y + t->h};
  }
  return std::nullopt;
}

TEST(ProgressChart, BaselineBarsTouchNoBarNoMarkNoText) {
  const auto a = load_chart_plan("progress.yaml");
  const auto baseline = adopted(a);
  GanttOptions options;
  options.baseline = &baseline;
  const PangoMetrics metrics;
  const auto list = layout_gantt(a, options, metrics, PageSize::none);
  std::vector<Box> baselines, others;
  for (const auto& op : list.pages.front().ops) {
    if (const auto b = box_of(op, {"baseline"})) baselines.push_back(*b);
    if (const auto b = box_of(op, {"bar", "progress", "milestone", "summary", "deadline", "legend",
                                   "marker-label", "badge-number"})) {
      others.push_back(*b);
    }
  }
  ASSERT_EQ(baselines.size(), 9u);
  for (const auto& b : baselines) {
    for (const auto& o : others) {
      const bool apart = b.x2 <= o.x1 || o.x2 <= b.x1 || b.y2 <= o.y1 || o.y2 <= b.y1;
      EXPECT_TRUE(apart) << "baseline at " << b.x1 << "," << b.y1 << " overlaps " << o.x1 << ","
                         << o.y1;
    }
  }
}

TEST(ProgressChart, APlanWithoutProgressHasNoProgressMarks) {
  const auto a = testing::load_sample("129-KH-DUK.yaml");
  const auto doc = parse(render_gantt(a, {}, Format::svg).bytes);
  EXPECT_TRUE(by_subject(doc, "progress").empty());
  EXPECT_TRUE(doc.select_nodes("//*[@class='status-line']").empty());
  EXPECT_FALSE(has_text(doc, "Đã hoàn thành"));
  EXPECT_FALSE(has_text(doc, "Đang thực hiện"));
}

/// The texts of a display list's first page.
std::vector<std::string> page_texts(const DisplayList& list) {
  std::vector<std::string> out;
  for (const auto& op : list.pages.front().ops) {
    if (const auto* t = std::get_if<TextOp>(&op)) out.push_back(t->text);
  }
  return out;
}

bool contains(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

/// Nothing below the footer's line or past the right margin.
void expect_inside_page(const DisplayList& list) {
  const auto& page = list.pages.front();
  for (const auto& op : page.ops) {
    if (const auto b = box_of(op, {"rule", "finding", "more", "late-step", "late-why", "subject",
                                   "bar", "legend", "row-line", "progress", "chain"})) {
      EXPECT_LE(b->y2, page.height - 36 + 0.5);
      EXPECT_LE(b->x2, page.width - 12);
    }
  }
}

TEST(StatusPdf, OnePageWithTheReportsHeadingsInItsLanguage) {
  const auto a = load_chart_plan("progress.yaml");
  const auto report = status_report(a, Date{date::year{2024} / 6 / 19});
  EXPECT_EQ(report.done, 2);
  const auto pdf = render_status(a, report, Lang::vi);
  ASSERT_EQ(pdf.error, "");
  keep(pdf.bytes, "status.pdf");
  EXPECT_EQ(pdf.pages, 1);
  EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(render_status(a, report, Lang::vi).bytes, pdf.bytes) << "the same bytes each time";

  const PangoMetrics metrics;
  const auto vi = layout_status(a, report, Lang::vi, metrics);
  ASSERT_EQ(vi.pages.size(), 1u);
  const auto texts = page_texts(vi);
  for (const char* heading :
       {"BÁO CÁO TIẾN ĐỘ", "Tính đến ngày 19/06/2024", "Đã hoàn thành", "Đang thực hiện",
        "Chậm tiến độ", "Chưa thực hiện", "Sự kiện và hạn hoàn thành", "Các bước chậm tiến độ"}) {
    EXPECT_TRUE(contains(texts, heading)) << heading;
  }
  EXPECT_TRUE(contains(texts, a.plan->info.title));
  EXPECT_TRUE(contains(texts, "2")) << "two steps done";
  // The Gantt snippet is on the page: the bars of what goes on around the
  // status date, its status line.
  const auto& ops = vi.pages.front().ops;
  const auto role_count = [&](const std::string& role) {
    return std::count_if(ops.begin(), ops.end(), [&](const Op& op) {
      return std::visit([&](const auto& x) { return x.tag.role == role; }, op);
    });
  };
  EXPECT_GE(role_count("bar"), 3);
  EXPECT_EQ(role_count("status-line"), 1);
  expect_inside_page(vi);

  EXPECT_EQ(role_count("baseline"), 0);
  // Compared with a baseline, the chart draws its grey bars too.
  const auto baseline = adopted(a);
  const auto compared = layout_status(a, report, Lang::vi, metrics, &baseline);
  const auto& with = compared.pages.front().ops;
  EXPECT_GE(std::count_if(with.begin(), with.end(),
                          [](const Op& op) {
                            return std::visit(
                                [](const auto& x) { return x.tag.role == "baseline"; }, op);
                          }),
            3);
  keep(render_status(a, report, Lang::vi, &baseline).bytes, "status-baseline.pdf");

  const auto en = page_texts(layout_status(a, report, Lang::en, metrics));
  EXPECT_TRUE(contains(en, "PROGRESS REPORT"));
  EXPECT_TRUE(contains(en, "As of 2024-06-19"));
}

TEST(StatusPdf, LongListsAreCutToStayOnePage) {
  const auto a = load_chart_plan("progress.yaml");
  auto report = status_report(a, Date{date::year{2024} / 6 / 19});
  ASSERT_FALSE(report.deadlines.empty());
  ASSERT_FALSE(report.findings.empty());
  const auto deadline = report.deadlines.front();
  for (int i = 0; i < 40; ++i) report.deadlines.push_back(deadline);
  const auto finding = report.findings.front();
  for (int i = 0; i < 30; ++i) report.findings.push_back(finding);
  StepStatus late;
  late.id = "x";
  late.name = "Một bước chậm";
  late.state = StepState::late;
  late.behind = 3;
  for (int i = 0; i < 25; ++i) report.steps.push_back(late);

  const auto pdf = render_status(a, report, Lang::vi);
  ASSERT_EQ(pdf.error, "");
  keep(pdf.bytes, "status-long.pdf");
  keep(render_status(a, report, Lang::en).bytes, "status-long.en.pdf");
  EXPECT_EQ(pdf.pages, 1);
  const PangoMetrics metrics;
  const auto list = layout_status(a, report, Lang::vi, metrics);
  const auto texts = page_texts(list);
  const auto dates = most_late_first(report);
  const auto late_hidden =
      std::count_if(dates.begin() + 5, dates.end(), [](const Forecast* f) { return f->at_risk(); });
  EXPECT_TRUE(contains(
      texts,
      "… và " + std::to_string(dates.size() - 5) + " mục khác" +
          (late_hidden > 0 ? ", trong đó " + std::to_string(late_hidden) + " mục chậm" : "")));
  EXPECT_TRUE(contains(texts, "… và " + std::to_string(report.findings.size() - 3) + " mục khác"));
  expect_inside_page(list);
  // The lists leave the chart its room (two steps, the rest counted).
  const auto& ops = list.pages.front().ops;
  EXPECT_GE(std::count_if(ops.begin(), ops.end(),
                          [](const Op& op) {
                            const auto* r = std::get_if<RectOp>(&op);
                            return r && r->tag.role == "bar";
                          }),
            2);
}

/// Eight tasks from Monday 3/6/2024 on a Monday-to-Friday calendar, none
/// started, each with a due date; worked by hand (working days to spare,
/// finish against due): t1 20d → 28/6 vs 14/6: −10; t5 15d → 21/6 vs 12/6:
/// −7; t3 10d → 14/6 vs 10/6: −4; t4 5d → 7/6 vs 5/6: −2; t6 2d → 4/6 vs
/// 3/6: −1; t2 3d → 5/6 vs 4/6: −1; t8 4d → 6/6 vs 6/6: 0; t7 8d → 12/6
/// vs 20/6: +6. By day, the first five are t6 t2 t4 t3 t5: t1, the most
/// late, was hidden.
constexpr const char* kEightDeadlines =
    R"(plan: {id: 09-KH/VP, title: Tám việc có hạn, start: 2024-06-03}
calendar: {days_off: [sat, sun]}
tasks:
  - {id: t1, name: Việc một, kind: other, duration: 20d, due: 2024-06-14}
  - {id: t2, name: Việc hai, kind: other, duration: 3d, due: 2024-06-04}
  - {id: t3, name: Việc ba, kind: other, duration: 10d, due: 2024-06-10}
  - {id: t4, name: Việc bốn, kind: other, duration: 5d, due: 2024-06-05}
  - {id: t5, name: Việc năm, kind: other, duration: 15d, due: 2024-06-12}
  - {id: t6, name: Việc sáu, kind: other, duration: 2d, due: 2024-06-03}
  - {id: t7, name: Việc bảy, kind: other, duration: 8d, due: 2024-06-20}
  - {id: t8, name: Việc tám, kind: other, duration: 4d, due: 2024-06-06}
)";

TEST(StatusPdf, ListsRankMostLateFirst) {
  const auto a = analyze(kEightDeadlines);
  ASSERT_TRUE(a.ok());
  const auto report = status_report(a, Date{date::year{2024} / 5 / 31});
  std::vector<std::pair<std::string, int>> ranked;
  for (const auto* f : most_late_first(report)) ranked.emplace_back(f->subject, f->margin);
  const std::vector<std::pair<std::string, int>> by_hand{{"t1", -10}, {"t5", -7}, {"t3", -4},
                                                         {"t4", -2},  {"t6", -1}, {"t2", -1},
                                                         {"t8", 0},   {"t7", 6}};
  EXPECT_EQ(ranked, by_hand);
  // The page shows five: the five most late, and says one more is late.
  const PangoMetrics metrics;
  std::vector<std::string> subjects;
  const auto list = layout_status(a, report, Lang::vi, metrics);
  for (const auto& op : list.pages.front().ops) {
    const auto* t = std::get_if<TextOp>(&op);
    if (t && t->tag.role == "subject") subjects.push_back(t->text);
  }
  EXPECT_EQ(subjects, (std::vector<std::string>{"Hạn: Việc một", "Hạn: Việc năm", "Hạn: Việc ba",
                                                "Hạn: Việc bốn", "Hạn: Việc sáu"}));
  EXPECT_TRUE(contains(page_texts(list), "… và 3 mục khác, trong đó 1 mục chậm"));
  // The text report ranks the same way.
  const auto text = status_text(report, Lang::vi);
  EXPECT_LT(text.find("(t1)"), text.find("(t5)"));
  EXPECT_LT(text.find("(t5)"), text.find("(t6)"));
  EXPECT_LT(text.find("(t2)"), text.find("(t7)"));
}

TEST(StatusPdf, LateStepsFurthestBehindFirst) {
  StatusReport report;
  for (const auto& [id, behind] : {std::pair{"a", 2}, {"b", 9}, {"c", 5}}) {
    StepStatus s;
    s.id = id;
    s.state = StepState::late;
    s.behind = behind;
    report.steps.push_back(s);
  }
  std::string order;
  for (const auto* s : late_steps(report)) order += s->id;
  EXPECT_EQ(order, "bca");
}

TEST(StatusPdf, TheBaselineIsNamedInTheReportsLanguage) {
  const auto a = load_chart_plan("progress.yaml");
  auto report = status_report(a, Date{date::year{2024} / 6 / 19});
  report.baseline = "adopted";  // the name `baseline save` gives by default
  const auto baseline = adopted(a);
  const PangoMetrics metrics;
  const auto vi = page_texts(layout_status(a, report, Lang::vi, metrics, &baseline));
  const auto as_of =
      std::string("Tính đến ngày 19/06/2024, so với kế hoạch gốc đã được thông qua (lưu ngày ") +
      format_date(baseline.saved, Lang::vi) + ")";
  EXPECT_TRUE(contains(vi, as_of)) << as_of;
  for (const auto& t : vi) {
    if (t.find("Tính đến") != std::string::npos) {
      EXPECT_EQ(t.find("adopted"), std::string::npos) << t;
    }
  }
  EXPECT_NE(status_text(report, Lang::vi).find("so với kế hoạch gốc đã được thông qua"),
            std::string::npos);
  EXPECT_NE(status_text(report, Lang::en).find("against the adopted baseline"), std::string::npos);
  EXPECT_EQ(baseline_words("v2", Lang::vi), "kế hoạch gốc 'v2'");
}

}  // namespace
}  // namespace tiendo::render
