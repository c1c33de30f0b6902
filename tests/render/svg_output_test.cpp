// The SVG we write ourselves (svg_writer.cpp): well-formed XML, one element
// per step with its id and data-* attributes, the chart's words as text, and
// each line of text where the PNG has it: both are rasterised (the SVG by
// librsvg's rsvg-convert, as a browser would draw it) and the ink of every
// text box compared to the pixel.
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <tiendo/render/render.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "layout_gantt.hpp"
#include "layout_network.hpp"
#include "painter.hpp"
#include "pango_metrics.hpp"
#include "plan_fixture.hpp"
#include "render_fixture.hpp"
#include "svg_writer.hpp"

namespace tiendo::render {
namespace {

using testing::load_sample;

pugi::xml_document parse(const std::string& svg) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(svg.data(), svg.size());
  EXPECT_TRUE(result) << result.description() << " at byte " << result.offset;
  return doc;
}

/// Every element below `node` with attribute `name`, in document order.
std::vector<pugi::xml_node> with_attribute(const pugi::xml_node& node, const char* name) {
  std::vector<pugi::xml_node> out;
  for (const auto& x : node.select_nodes((std::string("//*[@") + name + "]").c_str())) {
    out.push_back(x.node());
  }
  return out;
}

/// The strings of the <text> elements (with their <tspan>s), in order.
std::vector<std::string> texts(const pugi::xml_document& doc) {
  std::vector<std::string> out;
  for (const auto& x : doc.select_nodes("//text")) {
    out.push_back(pugi::xpath_query("string(.)").evaluate_string(x.node()));
  }
  return out;
}

TEST(SvgOutput, GanttIsXmlWithEveryStepOnceAndItsWordsAsText) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  const auto svg = render_gantt(a, {}, Format::svg);
  ASSERT_EQ(svg.error, "");
  const auto doc = parse(svg.bytes);
  const auto root = doc.child("svg");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_EQ(svg.bytes.find("<glyph"), std::string::npos) << "no glyph outlines";

  // One mark per step, found by its id and data-step.
  std::map<std::string, int> marks;
  std::set<std::string> ids;
  for (const auto& e : with_attribute(root, "id")) {
    EXPECT_TRUE(ids.insert(e.attribute("id").value()).second)
        << "id used twice: " << e.attribute("id").value();
  }
  for (const auto& e : with_attribute(root, "data-step")) {
    const std::string cls = e.attribute("class").value();
    if (cls != "bar" && cls != "approval" && cls != "milestone") continue;
    const std::string step = e.attribute("data-step").value();
    ++marks[step];
    EXPECT_EQ(std::string(e.attribute("id").value()), "step-" + step);
    NodeId v = 0;
    while (a.graph->step(*a.plan, v).id != step) ++v;
    EXPECT_STREQ(e.attribute("data-task").value(),
                 a.plan->tasks[a.graph->nodes[v].task].id.c_str());
    EXPECT_STREQ(e.attribute("data-critical").value(),
                 a.schedule->steps[v].critical ? "true" : "false");
    EXPECT_FALSE(std::string(e.attribute("data-kind").value()).empty());
  }
  EXPECT_EQ(marks.size(), a.graph->size());
  for (const auto& [step, n] : marks) EXPECT_EQ(n, 1) << step;

  // A link per drawn arrow, named pred->succ; summaries; findings.
  int links = 0;
  for (const auto& e : with_attribute(root, "data-link")) {
    const std::string link = e.attribute("data-link").value();
    EXPECT_NE(link.find("->"), std::string::npos) << link;
    ++links;
  }
  EXPECT_GT(links, 10);
  EXPECT_FALSE(doc.select_nodes("//*[@class='summary'][@data-task]").empty());
  std::set<int> numbered;
  for (const auto& e : with_attribute(root, "data-finding")) {
    std::istringstream numbers(e.attribute("data-finding").value());
    for (int n = 0; numbers >> n;) numbered.insert(n);
  }
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    if (!a.findings[i].steps.empty()) {
      EXPECT_TRUE(numbered.count(static_cast<int>(i + 1))) << "finding " << i + 1;
    }
  }
  EXPECT_FALSE(doc.select_nodes("//*[@id='finding-1']").empty());

  // The words are text: every text op's lines, as Pango lays them out, are
  // <text> elements in the same order.
  const PangoMetrics metrics;
  const auto list = layout_gantt(a, {}, metrics, PageSize::none);
  std::vector<std::string> want;
  for (const auto& op : list.pages[0].ops) {
    if (const auto* t = std::get_if<TextOp>(&op)) {
      for (const auto& line : metrics.lines(*t)) want.push_back(line.text);
    }
  }
  EXPECT_EQ(texts(doc), want);
  const auto all = texts(doc);
  const auto has = [&](const std::string& s) {
    return std::find(all.begin(), all.end(), s) != all.end();
  };
  EXPECT_TRUE(has("Nội dung"));
  EXPECT_TRUE(has("Tháng 10/2024"));
  EXPECT_TRUE(has(a.plan->tasks.back().owner.empty() ? "STT" : a.plan->tasks.back().owner));
}

TEST(SvgOutput, LinesCarryTheWholeTextUnlessPangoEllipsizes) {
  const PangoMetrics metrics;
  TextOp t;
  t.w = 120;
  t.h = 30;
  t.max_lines = 2;
  t.text = "Xây dựng phóng sự Kỷ niệm 70 năm Ngày thành lập";
  const auto two = metrics.lines(t);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].text + " " + two[1].text, t.text);
  EXPECT_LT(two[0].baseline, two[1].baseline);
  t.text += " Đảng bộ Khối các cơ quan tỉnh Thái Nguyên";
  const auto cut = metrics.lines(t);
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(cut[1].text.substr(cut[1].text.size() - 3), "…");
  for (const auto& line : cut) EXPECT_LE(line.right - line.left, t.w + 0.01);
  t.align = Align::right;
  t.text = "Trang 1/1";
  const auto right = metrics.lines(t);
  ASSERT_EQ(right.size(), 1u);
  EXPECT_NEAR(right[0].right, t.x + t.w, 0.01);
  // A trailing space keeps its place at the right edge, unshown.
  t.text = "Trang 1/1 ";
  const auto spaced = metrics.lines(t);
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].text, "Trang 1/1");
  EXPECT_LT(spaced[0].right, t.x + t.w - 1);
  EXPECT_NEAR(spaced[0].right - spaced[0].left, right[0].right - right[0].left, 0.01);
}

TEST(SvgOutput, TextIsEscapedAndValid) {
  const auto a = testing::analyze_ok(
      testing::plan_header() +
      "tasks:\n"
      "  - {id: a, name: \"R&D <draft> \\\"quoted\\\" it's\", owner: \"A & B\", duration: 3d}\n"
      "  - {id: b, name: \"]]> & &amp;\", duration: 2d, after: a}\n");
  const auto svg = render_gantt(a, {}, Format::svg);
  ASSERT_EQ(svg.error, "");
  const auto doc = parse(svg.bytes);
  const auto all = texts(doc);
  EXPECT_NE(std::find(all.begin(), all.end(), "R&D <draft> \"quoted\" it's"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "A & B"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "]]> & &amp;"), all.end());
}

TEST(SvgOutput, SameInputSameBytes) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  const auto one = render_gantt(a, {}, Format::svg);
  EXPECT_EQ(one.bytes, render_gantt(a, {}, Format::svg).bytes);
  const auto net = render_network(a, {}, Format::svg);
  EXPECT_EQ(net.bytes, render_network(a, {}, Format::svg).bytes);
  // Numbers have at most two decimals.
  std::smatch m;
  EXPECT_FALSE(std::regex_search(one.bytes, m, std::regex(R"(\d\.\d{3})"))) << m.str();
}

TEST(SvgOutput, NetworkBoxesAndLinks) {
  const auto a = load_sample("129-KH-DUK.yaml");
  const auto svg = render_network(a, {}, Format::svg);
  ASSERT_EQ(svg.error, "");
  const auto doc = parse(svg.bytes);
  std::set<std::string> boxes;
  for (const auto& x : doc.select_nodes("//*[@class='box-border']")) {
    EXPECT_TRUE(boxes.insert(x.node().attribute("data-step").value()).second);
  }
  EXPECT_EQ(boxes.size(), a.graph->size());
  EXPECT_EQ(doc.select_nodes("//*[@data-link]").size(), a.graph->links.size());
}

// --- text positions: the SVG drawn by librsvg against the PNG drawn by Cairo --

constexpr double kDpi = 96;

/// rsvg-convert's PNG of `svg` at kDpi, or an empty string (and a failure)
/// when it cannot run.
std::string rasterise(const std::string& svg, const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("tiendo-svg-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto in = dir / (name + ".svg"), out = dir / (name + ".png");
  std::ofstream(in, std::ios::binary) << svg;
  const auto command = "rsvg-convert --dpi-x " + std::to_string(static_cast<int>(kDpi)) +
                       " --dpi-y " + std::to_string(static_cast<int>(kDpi)) + " -b white -o '" +
                       out.string() + "' '" + in.string() + "'";
  if (std::system(command.c_str()) != 0) {
    ADD_FAILURE() << "rsvg-convert failed (scripts/setup.sh installs librsvg2-bin): " << command;
    return {};
  }
  const auto png = read_file(out.string());
  std::filesystem::remove_all(dir);
  return png.text.value_or("");
}

/// Where the ink is inside [x0, x1) x [y0, y1): the box of the pixels with
/// some ink (antialiasing makes thin strokes, a hyphen, the dot under 'ặ',
/// darker or lighter as they fall on the pixel grid, so a light threshold),
/// and the centre of all ink, weighted by darkness. Empty: x1 < x0.
struct Ink {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  double cx = 0, cy = 0;
  bool empty() const { return x1 < x0; }
};

Ink ink(const testing::Png& image, int x0, int y0, int x1, int y1) {
  Ink box;
  double weight = 0;
  for (int y = std::max(0, y0); y < std::min(y1, image.height()); ++y) {
    for (int x = std::max(0, x0); x < std::min(x1, image.width()); ++x) {
      const auto p = image.pixel(x, y);
      const int dark = 3 * 255 - (p.r + p.g + p.b);
      weight += dark;
      box.cx += dark * x;
      box.cy += dark * y;
      if (dark > 3 * 48) {
        box.x0 = std::min(box.x0, x);
        box.x1 = std::max(box.x1, x);
        box.y0 = std::min(box.y0, y);
        box.y1 = std::max(box.y1, y);
      }
    }
  }
  if (weight > 0) {
    box.cx /= weight;
    box.cy /= weight;
  }
  return box;
}

/// Draws `list`'s text only, in black, in layers of boxes that do not touch,
/// as a PNG by Cairo and as our SVG drawn by librsvg, and compares the ink
/// of every text box: each edge within a pixel.
void expect_text_where_the_png_has_it(const DisplayList& list, const PangoMetrics& metrics,
                                      const std::string& name) {
  std::vector<TextOp> all;
  for (const auto& op : list.pages[0].ops) {
    if (const auto* t = std::get_if<TextOp>(&op); t && !t->text.empty()) {
      all.push_back(*t);
      all.back().color = Color{0, 0, 0, 1};
    }
  }
  ASSERT_GT(all.size(), 20u);
  constexpr double kRoom = 4;  // points around a box where its ink may reach
  // The ink's centre, a steadier measure than its edges: librsvg measures a
  // centred or right-aligned string itself (with its own rounding), so short
  // labels land up to half a pixel from Cairo's; left-aligned ones a quarter.
  constexpr double kCentre = 0.75;
  const auto touch = [&](const TextOp& a, const TextOp& b) {
    return a.x - kRoom < b.x + b.w + kRoom && b.x - kRoom < a.x + a.w + kRoom &&
           a.y - kRoom < b.y + b.h + kRoom && b.y - kRoom < a.y + a.h + kRoom;
  };
  std::vector<std::vector<TextOp>> layers;
  for (const auto& t : all) {
    auto it = std::find_if(layers.begin(), layers.end(), [&](const std::vector<TextOp>& layer) {
      return std::none_of(layer.begin(), layer.end(),
                          [&](const TextOp& other) { return touch(t, other); });
    });
    if (it == layers.end()) it = layers.insert(layers.end(), std::vector<TextOp>{});
    it->push_back(t);
  }
  const double scale = kDpi / 72;
  int compared = 0;
  double worst = 0;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    DisplayList layer;
    layer.pages.push_back({list.pages[0].width, list.pages[0].height, {}});
    for (const auto& t : layers[l]) layer.pages[0].ops.emplace_back(t);
    const auto png = paint(layer, Format::png, {kDpi, {}});
    ASSERT_EQ(png.error, "");
    const auto raster = rasterise(write_svg(layer, metrics), name + std::to_string(l));
    ASSERT_FALSE(raster.empty());
    const testing::Png cairo(png.bytes), rsvg(raster);
    ASSERT_TRUE(cairo.ok() && rsvg.ok());
    EXPECT_NEAR(rsvg.width(), cairo.width(), 1);
    EXPECT_NEAR(rsvg.height(), cairo.height(), 1);
    for (const auto& t : layers[l]) {
      const int x0 = static_cast<int>((t.x - kRoom) * scale);
      const int y0 = static_cast<int>((t.y - kRoom) * scale);
      const int x1 = static_cast<int>((t.x + t.w + kRoom) * scale) + 1;
      const int y1 = static_cast<int>((t.y + t.h + kRoom) * scale) + 1;
      const auto want = ink(cairo, x0, y0, x1, y1), got = ink(rsvg, x0, y0, x1, y1);
      ASSERT_EQ(want.empty(), got.empty()) << t.text;
      if (want.empty()) continue;
      ++compared;
      EXPECT_NEAR(got.cx, want.cx, kCentre) << name << ": centre of '" << t.text << "'";
      EXPECT_NEAR(got.cy, want.cy, kCentre) << name << ": middle of '" << t.text << "'";
      worst = std::max({worst, std::abs(got.cx - want.cx), std::abs(got.cy - want.cy)});
      if (std::getenv("TIENDO_SVG_STATS")) {
        std::cout << "STAT " << static_cast<int>(t.align) << " " << got.cx - want.cx << " "
                  << got.cy - want.cy << " " << t.font.size << " " << t.text << "\n";
      }
      if (std::abs(got.x0 - want.x0) > 1 || std::abs(got.x1 - want.x1) > 1 ||
          std::abs(got.y0 - want.y0) > 1 || std::abs(got.y1 - want.y1) > 1 ||
          std::abs(got.cx - want.cx) > kCentre || std::abs(got.cy - want.cy) > kCentre) {
        // For a look: both crops, four times enlarged, beside the build.
        const auto stem = "svg-text-" + name + "-" + std::to_string(compared);
        cairo.save_crop(x0, y0, x1 - x0, y1 - y0, 4, stem + "-png.png");
        rsvg.save_crop(x0, y0, x1 - x0, y1 - y0, 4, stem + "-svg.png");
      }
      EXPECT_NEAR(got.x0, want.x0, 1) << name << ": left of '" << t.text << "'";
      EXPECT_NEAR(got.x1, want.x1, 1) << name << ": right of '" << t.text << "'";
      EXPECT_NEAR(got.y0, want.y0, 1) << name << ": top of '" << t.text << "'";
      EXPECT_NEAR(got.y1, want.y1, 1) << name << ": bottom of '" << t.text << "'";
    }
  }
  EXPECT_EQ(compared, static_cast<int>(all.size()));
  std::cout << name << ": " << compared << " text boxes, ink centres at most " << worst
            << " px apart\n";
}

TEST(SvgOutput, GanttTextWhereThePngHasIt) {
  const PangoMetrics metrics;
  for (const auto* sample : {"129-KH-DUK.yaml", "004-DUK-TW-15-nam-2022.yaml"}) {
    const auto a = load_sample(sample);
    GanttOptions options;
    options.lang = std::string(sample).starts_with("004") ? Lang::en : Lang::vi;
    expect_text_where_the_png_has_it(layout_gantt(a, options, metrics, PageSize::none), metrics,
                                     sample);
  }
}

TEST(SvgOutput, NetworkTextWhereThePngHasIt) {
  const PangoMetrics metrics;
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  expect_text_where_the_png_has_it(layout_network(a, {}, metrics, PageSize::none), metrics,
                                   "network");
}

/// The chart's shapes (its text is the test above's): librsvg's drawing of
/// the SVG and Cairo's PNG differ only in antialiasing.
void expect_shapes_like_the_png(DisplayList list, const PangoMetrics& metrics,
                                const std::string& name) {
  auto& ops = list.pages[0].ops;
  ops.erase(std::remove_if(ops.begin(), ops.end(),
                           [](const Op& op) { return std::holds_alternative<TextOp>(op); }),
            ops.end());
  const auto png = paint(list, Format::png, {kDpi, {}}).bytes;
  const auto raster = rasterise(write_svg(list, metrics), name);
  ASSERT_FALSE(raster.empty());
  const testing::Png cairo(png), rsvg(raster);
  ASSERT_TRUE(cairo.ok() && rsvg.ok());
  const int w = std::min(cairo.width(), rsvg.width()), h = std::min(cairo.height(), rsvg.height());
  EXPECT_NEAR(rsvg.width(), cairo.width(), 1);
  EXPECT_NEAR(rsvg.height(), cairo.height(), 1);
  long off = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) off += !testing::close_to(cairo.pixel(x, y), rsvg.pixel(x, y), 60);
  }
  const double share = static_cast<double>(off) / (static_cast<double>(w) * h);
  std::cout << name << ": " << share * 100 << "% of the pixels differ\n";
  EXPECT_LT(share, 0.0005) << name << ": see svg-diff-" << name << ".png";
  if (share >= 0.0005 || std::getenv("TIENDO_SVG_DIFF")) {
    // The PNG faded, the pixels that differ in red.
    cairo_surface_t* out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    auto* data = cairo_image_surface_get_data(out);
    const int stride = cairo_image_surface_get_stride(out);
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const auto p = cairo.pixel(x, y);
        const bool differs = !testing::close_to(p, rsvg.pixel(x, y), 60);
        auto* q = data + y * stride + x * 4;
        q[2] = differs ? 255 : static_cast<unsigned char>(200 + p.r / 5);
        q[1] = differs ? 0 : static_cast<unsigned char>(200 + p.g / 5);
        q[0] = differs ? 0 : static_cast<unsigned char>(200 + p.b / 5);
      }
    }
    cairo_surface_mark_dirty(out);
    cairo_surface_write_to_png(out, ("svg-diff-" + name + ".png").c_str());
    cairo_surface_destroy(out);
  }
}

TEST(SvgOutput, ShapesLookLikeThePng) {
  const auto a = load_sample("129-KH-DUK-infeasible.yaml");
  const PangoMetrics metrics;
  GanttOptions gantt;
  gantt.status_date = testing::d("2024-09-16");
  expect_shapes_like_the_png(layout_gantt(a, gantt, metrics, PageSize::none), metrics, "gantt");
  expect_shapes_like_the_png(layout_network(a, {}, metrics, PageSize::none), metrics, "network");
}

}  // namespace
}  // namespace tiendo::render
