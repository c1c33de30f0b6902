// The files themselves: SVG structure against the schedule, PNG pixels at
// computed places, PDF pages, same bytes for the same input, and each
// sample's PNG against a reviewed reference (TIENDO_UPDATE_GOLDEN=1 rewrites
// the references; look at them before committing).
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <tiendo/render/render.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>

#include "layout_gantt.hpp"
#include "pango_metrics.hpp"
#include "plan_fixture.hpp"
#include "render_fixture.hpp"
#include "style.hpp"

namespace tiendo::render {
namespace {

using testing::load_sample;
using testing::Rgb;

Rgb rgb(Color c) {
  return {static_cast<int>(c.r * 255 + 0.5), static_cast<int>(c.g * 255 + 0.5),
          static_cast<int>(c.b * 255 + 0.5)};
}

/// The x of a vertical line written as <path d="M x y L x y">.
double line_x(const pugi::xml_node& path) {
  double x = 0;
  std::sscanf(path.attribute("d").value(), "M%lf", &x);
  return x;
}

TEST(ChartOutput, SvgBarsSitAtTheirDates) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto svg = render_gantt(a, {}, Format::svg);
  ASSERT_EQ(svg.error, "");
  ASSERT_EQ(svg.bytes.rfind("<?xml", 0), 0u);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(svg.bytes.data(), svg.bytes.size()));

  // The three meeting lines fix the date -> x map; the ceremony line and
  // every bar must follow it.
  std::vector<double> meeting_x;
  for (const auto& m : doc.select_nodes("//path[@class='meeting-line']")) {
    meeting_x.push_back(line_x(m.node()));
    EXPECT_STREQ(m.node().attribute("stroke").value(), to_hex(style::kMeeting).c_str());
    EXPECT_STREQ(m.node().attribute("stroke-dasharray").value(), "3 2");
  }
  ASSERT_EQ(meeting_x.size(), 3u);
  const auto event = doc.select_node("//path[@class='event-line']").node();
  ASSERT_TRUE(event);
  const double event_x = line_x(event);
  const auto& meetings = a.plan->committees[0].meetings;
  const double day =
      (meeting_x[2] - meeting_x[0]) / static_cast<double>((meetings[2] - meetings[0]).count());
  const auto x = [&](Date d) {
    return meeting_x[0] - day / 2 + day * static_cast<double>((d - meetings[0]).count());
  };
  EXPECT_NEAR(meeting_x[1], x(meetings[1]) + day / 2, 0.01);
  EXPECT_NEAR(event_x, x(testing::d("2024-11-02")) + day / 2, 0.01);

  int bars = 0;
  for (NodeId v = 0; v < a.graph->size(); ++v) {
    const auto& step = a.graph->step(*a.plan, v);
    const auto& s = a.schedule->steps[v];
    if (step.meeting) continue;  // drawn as a circle on the meeting day
    ++bars;
    const auto bar = doc.select_node(("//rect[@data-step='" + step.id + "']").c_str()).node();
    ASSERT_TRUE(bar) << step.id;
    const double x1 = bar.attribute("x").as_double();
    const double x2 = x1 + bar.attribute("width").as_double();
    EXPECT_NEAR(x1, x(s.start), 0.01) << step.id;
    EXPECT_NEAR(x2, x(s.finish + date::days{1}), 0.01) << step.id;
    EXPECT_STREQ(bar.attribute("fill").value(),
                 to_hex(style::bar_fill(step.kind, s.critical)).c_str())
        << step.id;
  }
  EXPECT_EQ(bars, 25);  // every step of 129-KH-DUK but the four approvals
}

TEST(ChartOutput, PngPixelsAtComputedPlaces) {
  const auto a = load_sample("129-KH-DUK.yaml");
  GanttOptions options;
  options.from = testing::d("2024-10-21");
  options.to = testing::d("2024-11-10");
  options.dpi = 96;
  const auto png = render_gantt(a, options, Format::png);
  ASSERT_EQ(png.error, "");
  const testing::Png image(png.bytes);
  ASSERT_TRUE(image.ok());
  // Geometry from the same layout (x does not depend on the fonts).
  const auto geometry = gantt_geometry(a, options);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(geometry, m, std::regex(R"(page 1 ([\d.]+)x([\d.]+))")));
  const double scale = 96.0 / 72;
  EXPECT_EQ(image.width(), static_cast<int>(std::ceil(std::stod(m[1]) * scale)));
  ASSERT_TRUE(std::regex_search(
      geometry, m,
      std::regex(R"(path event-line\[le-ky-niem\] ([\d.]+),([\d.]+) [\d.]+,([\d.]+))")));
  const double ex = std::stod(m[1]), top = std::stod(m[2]), bottom = std::stod(m[3]);
  int event_hits = 0;
  for (double y = top + 60; y < bottom; y += 37) {
    event_hits +=
        testing::close_to(image.pixel(static_cast<int>(ex * scale), static_cast<int>(y * scale)),
                          rgb(style::kEvent), 40);
  }
  EXPECT_GE(event_hits, 3);
  // The weekend of 26-27/10 is shaded where nothing else is drawn: the top
  // part of the last row.
  ASSERT_TRUE(std::regex_search(
      geometry, m,
      std::regex(R"(rect weekend\[2024-10-26\] ([\d.]+) ([\d.]+) ([\d.]+)x([\d.]+))")));
  const double wx = std::stod(m[1]) + std::stod(m[3]) / 2;
  const double wy = std::stod(m[2]) + std::stod(m[4]) - 19;
  EXPECT_TRUE(
      testing::close_to(image.pixel(static_cast<int>(wx * scale), static_cast<int>(wy * scale)),
                        rgb(style::kWeekend), 4));
  // A working day beside it is white.
  EXPECT_TRUE(testing::close_to(
      image.pixel(static_cast<int>((wx - std::stod(m[3])) * scale), static_cast<int>(wy * scale)),
      {255, 255, 255}, 4));
}

TEST(ChartOutput, TallPngHasNoLeftoversAtTheBottom) {
  // Ninety tasks: a PNG of several 1,024-row bands. The last band reuses
  // the surface of the one before; nothing of it may show below the page.
  std::string yaml = "plan: {id: TALL, title: Tall, start: 2024-04-01}\ntasks:\n";
  for (int t = 0; t < 90; ++t) {
    yaml += "  - {id: t" + std::to_string(t) + ", name: Task " + std::to_string(t) +
            ", duration: " + std::to_string(3 + t % 7) + "d" +
            (t > 0 ? ", after: t" + std::to_string(t - 1) : std::string()) + "}\n";
  }
  const auto a = analyze(yaml);
  ASSERT_TRUE(a.ok());
  GanttOptions options;
  options.dpi = 96;
  const auto png = render_gantt(a, options, Format::png);
  ASSERT_EQ(png.error, "");
  const testing::Png image(png.bytes);
  ASSERT_TRUE(image.ok());
  ASSERT_GT(image.height(), 2 * 1024);
  for (int y = image.height() - 3; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      ASSERT_EQ(image.pixel(x, y), (Rgb{255, 255, 255})) << "at " << x << "," << y;
    }
  }
}

TEST(ChartOutput, PngWiderThanCairoCanPaintSaysSo) {
  const auto a = load_sample("129-KH-DUK.yaml");
  GanttOptions options;
  options.dpi = 3000;  // some 60,000 pixels wide
  const auto png = render_gantt(a, options, Format::png);
  EXPECT_TRUE(png.bytes.empty());
  EXPECT_NE(png.error.find("over the 32,767 wide a PNG can be here"), std::string::npos)
      << png.error;
  EXPECT_NE(png.error.find("lower --dpi"), std::string::npos);
}

TEST(ChartOutput, PdfPages) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto count_pages = [](const std::string& pdf) {
    int n = 0;
    for (std::size_t at = pdf.find("/Type /Page "); at != std::string::npos;
         at = pdf.find("/Type /Page ", at + 1)) {
      ++n;
    }
    return n;
  };
  const auto a4 = render_gantt(a, {}, Format::pdf);
  ASSERT_EQ(a4.error, "");
  EXPECT_EQ(a4.bytes.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(a4.pages, 3);  // 11 tasks and their steps: 3 landscape A4 pages
  EXPECT_EQ(count_pages(a4.bytes), 3);
  GanttOptions a3;
  a3.page = PageSize::a3;
  const auto big = render_gantt(a, a3, Format::pdf);
  EXPECT_EQ(count_pages(big.bytes), big.pages);
  EXPECT_LE(big.pages, a4.pages);
  EXPECT_NE(a4.bytes.find("/CreationDate (20240329000000"), std::string::npos)
      << "the plan's date, not the clock";
}

TEST(ChartOutput, SameInputSameBytes) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  for (const auto format : {Format::png, Format::svg, Format::pdf}) {
    const auto one = render_gantt(a, {}, format);
    const auto two = render_gantt(a, {}, format);
    ASSERT_EQ(one.error, "");
    ASSERT_GT(one.bytes.size(), 1000u);
    EXPECT_TRUE(one.bytes == two.bytes) << "format " << static_cast<int>(format);
    const bool same_network =
        render_network(a, {}, format).bytes == render_network(a, {}, format).bytes;
    EXPECT_TRUE(same_network) << "format " << static_cast<int>(format);
  }
}

/// The rows on each page of a laid-out Gantt chart (a line under each row
/// and one more at the foot of the rows).
std::vector<int> rows_per_page(const DisplayList& list) {
  std::vector<int> rows;
  for (const auto& page : list.pages) {
    int lines = 0;
    for (const auto& op : page.ops) {
      const auto* p = std::get_if<PathOp>(&op);
      lines += p && p->tag.role == "row-line";
    }
    rows.push_back(lines - 1);
  }
  return rows;
}

/// The smallest text of a page, in points as printed.
double smallest_text(const Page& page) {
  double least = 1e9;
  for (const auto& op : page.ops) {
    if (const auto* t = std::get_if<TextOp>(&op); t && !t->text.empty()) {
      least = std::min(least, t->font.size);
    }
  }
  return least;
}

/// `pdfinfo`'s page count of a PDF (poppler-utils), or -1 without it.
int pdfinfo_pages(const std::string& pdf, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << pdf;
  const std::string command = "pdfinfo '" + path.string() + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return -1;
  char line[256];
  int pages = -1;
  while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
    std::sscanf(line, "Pages: %d", &pages);
  }
  return pages;
}

TEST(ChartOutput, PrintedPagesHoldNoLoneRow) {
  // Plan 129 on A4 is 3 pages; the last used to hold one row (task 11).
  // The rows are now shared out over the same 3 pages.
  const auto a = load_sample("129-KH-DUK.yaml");
  const PangoMetrics metrics;
  const auto rows = rows_per_page(layout_gantt(a, {}, metrics, PageSize::a4));
  ASSERT_EQ(rows.size(), 3u);
  for (const int n : rows) EXPECT_GE(n, 5) << "a page of a few rows";
  EXPECT_EQ(rows[0] + rows[1] + rows[2], 34);
}

TEST(ChartOutput, FitPageTakesOnePageOrTheFewestAtALegibleSize) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const PangoMetrics metrics;
  GanttOptions options;
  options.fit = Fit::page;
  // A3: the whole chart on one page, its text at 7 pt or more.
  options.page = PageSize::a3;
  const auto a3 = render_gantt(a, options, Format::pdf);
  ASSERT_EQ(a3.error, "");
  EXPECT_EQ(a3.pages, 1);
  if (const int n = pdfinfo_pages(a3.bytes, "tiendo-fit-a3.pdf"); n >= 0) {
    EXPECT_EQ(n, 1);
  }
  const auto on_a3 = layout_gantt(a, options, metrics, PageSize::a3);
  ASSERT_EQ(on_a3.pages.size(), 1u);
  EXPECT_NEAR(on_a3.pages[0].width, 1190.55, 0.01);
  EXPECT_GE(smallest_text(on_a3.pages[0]), kMinPrintedText - 1e-9);
  EXPECT_EQ(rows_per_page(on_a3), std::vector<int>{34});
  // A4: 34 rows cannot be on one page at 7 pt; two pages, neither with a
  // lone row, and still no text under 7 pt.
  options.page = PageSize::a4;
  const auto a4 = render_gantt(a, options, Format::pdf);
  ASSERT_EQ(a4.error, "");
  EXPECT_EQ(a4.pages, 2) << "3 without --fit";
  if (const int n = pdfinfo_pages(a4.bytes, "tiendo-fit-a4.pdf"); n >= 0) {
    EXPECT_EQ(n, 2);
  }
  const auto on_a4 = layout_gantt(a, options, metrics, PageSize::a4);
  ASSERT_EQ(on_a4.pages.size(), 2u);
  for (const auto& page : on_a4.pages) {
    EXPECT_NEAR(page.width, 841.89, 0.01);
    EXPECT_NEAR(page.height, 595.28, 0.01);
    EXPECT_GE(smallest_text(page), kMinPrintedText - 1e-9);
  }
  const auto rows = rows_per_page(on_a4);
  EXPECT_EQ(rows[0] + rows[1], 34);
  EXPECT_GE(std::min(rows[0], rows[1]), 10);
  // A PNG is one page: an A3 one is drawn, an A4 one says it takes two.
  const auto png = render_gantt(a, options, Format::png);
  EXPECT_NE(png.error.find("takes 2 pages"), std::string::npos) << png.error;
  options.page = PageSize::a3;
  options.dpi = 72;
  const auto a3_png = render_gantt(a, options, Format::png);
  ASSERT_EQ(a3_png.error, "");
  const testing::Png image(a3_png.bytes);
  EXPECT_EQ(image.width(), 1191);
  // Seed 002 (13 tasks) fits on one A4 page with its text a little under
  // 8 pt; a plan of seven steps at the chart's own 8 pt, no smaller.
  GanttOptions fitted;
  fitted.fit = Fit::page;
  const auto one =
      layout_gantt(load_sample("002-BTG-so-ket-2024.yaml"), fitted, metrics, PageSize::a4);
  ASSERT_EQ(one.pages.size(), 1u);
  EXPECT_GE(smallest_text(one.pages[0]), kMinPrintedText - 1e-9);
  const auto small =
      layout_gantt(testing::load_chart_plan("progress.yaml"), fitted, metrics, PageSize::a4);
  ASSERT_EQ(small.pages.size(), 1u);
  EXPECT_NEAR(smallest_text(small.pages[0]), 8, 1e-9);
}

TEST(ChartOutput, FitSlideShowsTheCriticalPathAndDecisionsFirst) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const PangoMetrics metrics;
  GanttOptions options;
  options.fit = Fit::slide;
  const auto slides = layout_gantt(a, options, metrics, PageSize::none);
  ASSERT_EQ(slides.pages.size(), 2u);
  const auto pdf = render_gantt(a, options, Format::pdf);
  EXPECT_EQ(pdf.pages, 2);
  for (const auto& page : slides.pages) {
    EXPECT_NEAR(page.width, kSlideWidth, 0.01);
    EXPECT_NEAR(page.height, kSlideHeight, 0.01);
    EXPECT_GE(smallest_text(page), kSlideMinText - 1e-9) << "larger than print";
  }
  const auto on = [&](std::size_t page, const std::string& role, const std::string& id) {
    for (const auto& op : slides.pages[page].ops) {
      if (std::visit([&](const auto& x) { return x.tag.role == role && x.tag.id == id; }, op)) {
        return true;
      }
    }
    return false;
  };
  // Slide 1: the four decisions at BTV meetings and the step on the critical
  // path, under their tasks' summaries; nothing else.
  for (const auto* id : {"ban-tin.duyet-khung", "phong-su.duyet-kich-ban", "cuoc-thi.duyet-cau-hoi",
                         "nghe-thuat.duyet-noi-dung"}) {
    EXPECT_TRUE(on(0, "approval", id)) << id;
  }
  EXPECT_TRUE(on(0, "bar", "sinh-hoat-chuyen-de")) << "the schedule's critical path";
  EXPECT_TRUE(on(0, "summary", "ban-tin"));
  EXPECT_FALSE(on(0, "bar", "ban-tin.khung")) << "a step with float, summarised";
  // Slide 2: the other tasks, each its summary bar (a task of one step its bar).
  EXPECT_TRUE(on(1, "summary", "lien-hoan"));
  EXPECT_FALSE(on(1, "bar", "lien-hoan.chuan-bi"));
  EXPECT_TRUE(on(1, "bar", "pano"));
  // A PNG of two slides is refused, saying so.
  EXPECT_NE(render_gantt(a, options, Format::png).error.find("takes 2 slides"), std::string::npos);
}

/// Compares `actual` with a reviewed PNG: same size, and under 0.5% of the
/// pixels off by more than 40 in a channel. A mismatch leaves the actual
/// image and a diff beside the build for a look.
void expect_like_reference(const std::string& actual, const std::string& name) {
  const auto path = testing::source_dir() / "tests/golden/charts" / name;
  if (std::getenv("TIENDO_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const auto reference = read_file(path.string());
  ASSERT_TRUE(reference.text) << reference.error;
  const testing::Png want(*reference.text), got(actual);
  ASSERT_TRUE(want.ok() && got.ok());
  ASSERT_EQ(got.width(), want.width()) << name;
  ASSERT_EQ(got.height(), want.height()) << name;
  long off = 0;
  for (int y = 0; y < got.height(); ++y) {
    for (int x = 0; x < got.width(); ++x)
      off += !testing::close_to(got.pixel(x, y), want.pixel(x, y), 40);
  }
  const double share = static_cast<double>(off) / (got.width() * got.height());
  if (share >= 0.005) std::ofstream("actual-" + name, std::ios::binary) << actual;
  EXPECT_LT(share, 0.005) << name << ": " << off << " pixels differ; see actual-" << name;
}

TEST(ChartOutput, SamplesLookAsReviewed) {
  for (const auto* sample : {"129-KH-DUK", "129-KH-DUK-infeasible", "002-BTG-so-ket-2024",
                             "003-tuyen-truyen-dai-hoi-2020", "004-DUK-TW-15-nam-2022"}) {
    const auto a = load_sample(std::string(sample) + ".yaml");
    GanttOptions gantt;
    gantt.dpi = 72;
    expect_like_reference(render_gantt(a, gantt, Format::png).bytes,
                          std::string(sample) + ".gantt.png");
    NetworkOptions network;
    network.dpi = 72;
    expect_like_reference(render_network(a, network, Format::png).bytes,
                          std::string(sample) + ".network.png");
  }
}

}  // namespace
}  // namespace tiendo::render
