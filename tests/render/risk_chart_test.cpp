// The risk chart (`tiendo risk --chart`): drawn from a report whose runs are
// written by hand, so every bar and point of the S-curve is known.
#include <tiendo/render/render.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace tiendo {
namespace {

Date day(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

/// Ten runs: 2 finish on 7/4/2025, 5 on 8/4, 3 on 10/4; planned 4/4; a
/// deadline on 9/4 met in 7 runs of 10.
RiskReport ten_runs() {
  RiskReport r;
  r.plan_id = "R-1";
  r.title = "Kế hoạch thử";
  r.uncertain = 3;
  for (int i = 0; i < 2; ++i) r.finishes.push_back(day(2025, 4, 7));
  for (int i = 0; i < 5; ++i) r.finishes.push_back(day(2025, 4, 8));
  for (int i = 0; i < 3; ++i) r.finishes.push_back(day(2025, 4, 10));
  r.finish = {day(2025, 4, 4), day(2025, 4, 7), day(2025, 4, 8), day(2025, 4, 10),
              day(2025, 4, 10)};
  DeadlineRisk d;
  d.step = "a.b";
  d.deadline = day(2025, 4, 9);
  d.met = 0.7;
  r.deadlines.push_back(d);
  return r;
}

int count_of(const std::string& svg, const std::string& what) {
  int n = 0;
  for (auto at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
  return n;
}

TEST(RiskChart, ABarForEachDayRunsFinishOnAndTheMarkersInWords) {
  const auto chart = render::render_risk(ten_runs(), Lang::vi, render::Format::svg);
  ASSERT_TRUE(chart.error.empty()) << chart.error;
  const auto& svg = chart.bytes;
  // Three days have runs (7, 8 and 10 April): three bars.
  EXPECT_EQ(count_of(svg, "class=\"bar\""), 3) << svg.substr(0, 2000);
  EXPECT_EQ(count_of(svg, "class=\"s-curve\""), 1);
  EXPECT_NE(svg.find("theo kế hoạch: 04/04/2025"), std::string::npos);
  EXPECT_NE(svg.find("nửa số lần xong đến 08/04/2025"), std::string::npos);
  EXPECT_NE(svg.find("8 trong 10 lần xong đến 10/04/2025"), std::string::npos);
  EXPECT_NE(svg.find("hạn 09/04/2025: kịp 7 trong 10 lần (70.0 %)"), std::string::npos);
}

TEST(RiskChart, TheSCurveClimbsToAllRunsAtTheLastFinish) {
  const auto svg = render::render_risk(ten_runs(), Lang::en, render::Format::svg).bytes;
  // The curve's points: its last y is the 100 % line's, its first the 0 %'s.
  const std::regex curve(
      "class=\"s-curve\"[^>]*points=\"([^\"]*)\"|<path class=\"s-curve\"[^>]*d=\"([^\"]*)\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, curve)) << svg.substr(0, 3000);
  const std::string points = m[1].matched ? m[1].str() : m[2].str();
  std::vector<double> ys;
  const std::regex number_pair("(-?[0-9.]+)[ ,](-?[0-9.]+)");
  for (auto it = std::sregex_iterator(points.begin(), points.end(), number_pair);
       it != std::sregex_iterator(); ++it) {
    ys.push_back(std::stod((*it)[2].str()));
  }
  ASSERT_GE(ys.size(), 4u) << points;
  EXPECT_GT(ys.front(), ys.back());  // y grows downward: the curve rises
  for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_LE(ys[i], ys[i - 1] + 1e-6) << points;
  EXPECT_NE(svg.find("half the runs by 2025-04-08"), std::string::npos);
}

TEST(RiskChart, PngAndPdfToo) {
  EXPECT_TRUE(
      render::render_risk(ten_runs(), Lang::vi, render::Format::png).bytes.starts_with("\x89PNG"));
  EXPECT_TRUE(
      render::render_risk(ten_runs(), Lang::vi, render::Format::pdf).bytes.starts_with("%PDF"));
  RiskReport none;
  EXPECT_FALSE(render::render_risk(none, Lang::vi, render::Format::svg).error.empty());
}

}  // namespace
}  // namespace tiendo
