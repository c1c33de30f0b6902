// The files themselves: SVG structure against the schedule, PNG pixels at
// computed places, PDF pages, same bytes for the same input, and each
// sample's PNG against a reviewed reference (TIENDO_UPDATE_GOLDEN=1 rewrites
// the references; look at them before committing).
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <tiendo/render/render.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>

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
