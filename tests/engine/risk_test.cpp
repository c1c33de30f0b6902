// Schedule risk: three-point estimates read with their errors, and the Monte
// Carlo simulation's shares and percentiles against the distributions worked
// out by hand (docs/risk.md).
#include <gtest/gtest.h>
#include <tiendo/risk.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

using testing::analyze_ok;
using testing::d;
using testing::plan_header;

bool has_code(const Diagnostics& diagnostics, const std::string& code) {
  for (const auto& x : diagnostics) {
    if (x.code == code) return true;
  }
  return false;
}

const DeadlineRisk* deadline_of_step(const RiskReport& r, const std::string& id) {
  for (const auto& x : r.deadlines) {
    if (x.step == id) return &x;
  }
  return nullptr;
}

double critical_share(const RiskReport& r, const std::string& id) {
  for (const auto& x : r.critical) {
    if (x.step == id) return x.critical;
  }
  return 0;
}

/// Step a, named `name`: triangular(2, 3, 10) working days from Monday 3
/// June, due Wednesday 5; beside it b, 5 days. 20,000 runs, seed 7.
RiskReport triangular_due_report(const std::string& name) {
  const auto a = analyze_ok(plan_header() + "tasks:\n  - {id: a, name: " + name +
                            ", duration: 3d, optimistic: 2d, pessimistic: 10d, due: 2024-06-05}\n"
                            "  - {id: b, name: B, duration: 5d}\n");
  return risk_analysis(a, {20000, 7, Distribution::triangular});
}

TEST(Risk, TriangularSharesAndPercentilesMatchTheDistribution) {
  // A: triangular(2, 3, 10) working days from Monday 3 June, due Wednesday 5
  // (3 days). F(x) = (x-2)^2 / (8*1) up to 3, then 1 - (10-x)^2 / (8*7).
  // Met iff it takes 3 days: F(3) = 1/8. Days taken = ceil(x): P(<=4) =
  // 1 - 36/56 = .357, P(<=5) = .554, so the median is 5 days (Fri 7); P(<=7)
  // = .839, P(<=6) = .714: P80 is 7 days (Tue 11); P(<=8) = .929: P90 is
  // 8 days (Wed 12). Its due date makes it critical in every run (it has no
  // float left when it is met on the day, negative when missed).
  const auto r = triangular_due_report("A");
  EXPECT_EQ(r.uncertain, 1);
  const auto* due = deadline_of_step(r, "a");
  ASSERT_NE(due, nullptr);
  EXPECT_NEAR(due->met, 0.125, 0.01);
  EXPECT_EQ(due->finish.planned, d("2024-06-05"));
  EXPECT_EQ(due->finish.p50, d("2024-06-07"));
  EXPECT_EQ(due->finish.p80, d("2024-06-11"));
  EXPECT_EQ(due->finish.p90, d("2024-06-12"));
  EXPECT_NEAR(r.all_met, 0.125, 0.01);
  EXPECT_EQ(r.finish.p10, d("2024-06-07")) << "B's 5 days at least";
  EXPECT_EQ(critical_share(r, "a"), 1.0);
}

TEST(Risk, TheTextSpeaksAPlannersWordsAndKeepsTheNumbers) {
  // The same step as above: on time in 1/8 of the runs (about 1 in 10), done
  // by Friday 7/6 in half of them, by Tuesday 11/6 in 8 in 10, by 12/6 in 9.
  const auto r = triangular_due_report("Dựng phóng sự");
  const auto vi = risk_text(r, Lang::vi);
  EXPECT_NE(vi.find("Dựng phóng sự (a), hạn 05/06/2024: kịp khoảng 1 trong 10 lần (12."),
            std::string::npos)
      << vi;
  EXPECT_NE(vi.find("nửa số lần xong đến 07/06/2024, 8 trong 10 lần đến 11/06/2024, 9 trong 10 "
                    "lần đến 12/06/2024 (P50, P80, P90)"),
            std::string::npos)
      << vi;
  EXPECT_NE(vi.find("phân bố tam giác"), std::string::npos);
  EXPECT_EQ(vi.find("triangular"), std::string::npos) << "no jargon in the Vietnamese report";
  EXPECT_EQ(vi.find(" P50 "), std::string::npos) << "percentiles named after what they say";
  const auto en = risk_text(r, Lang::en);
  EXPECT_NE(en.find("due 2024-06-05: on time about 1 run in 10 (12."), std::string::npos) << en;
  EXPECT_NE(en.find("by 2024-06-11 in 8 runs in 10"), std::string::npos) << en;
}

TEST(Risk, CriticalityIsTheShareOfRunsOnTheLongestPath) {
  // A: triangular(2, 3, 10) beside B, 5 days, no deadline. A is critical
  // when it takes 5 days or more: P(x > 4) = (10-4)^2 / 56 = .643; B when A
  // takes 5 or less (a tie makes both critical): P(x <= 5) = 1 - 25/56 = .554.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: a, name: A, duration: 3d, optimistic: 2d, pessimistic: 10d}\n"
                            "  - {id: b, name: B, duration: 5d}\n");
  const auto r = risk_analysis(a, {20000, 5, Distribution::triangular});
  EXPECT_NEAR(critical_share(r, "a"), 36.0 / 56, 0.015);
  EXPECT_NEAR(critical_share(r, "b"), 1 - 25.0 / 56, 0.015);
  ASSERT_EQ(r.critical.size(), 2u);
  EXPECT_EQ(r.critical.front().step, "a") << "most often critical first";
}

TEST(Risk, PertIsSymmetricAroundItsMode) {
  // Beta-PERT(2, 4, 6): alpha = beta = 3, so half the runs take 4 days or
  // less: due Thursday 6 June (4 days) is met in about half.
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: a, name: A, duration: 4d, optimistic: 2d, pessimistic: 6d,"
                            " due: 2024-06-06}\n");
  const auto r = risk_analysis(a, {20000, 3, Distribution::pert});
  EXPECT_NEAR(deadline_of_step(r, "a")->met, 0.5, 0.015);
  // Triangular(2, 4, 6) the same: symmetric too.
  EXPECT_NEAR(deadline_of_step(risk_analysis(a, {20000, 3, Distribution::triangular}), "a")->met,
              0.5, 0.015);
}

TEST(Risk, WithoutRangesTheScheduleIsCertain) {
  const auto a = analyze_ok(plan_header() +
                            "tasks:\n"
                            "  - {id: a, name: A, duration: 3d, due: 2024-06-05}\n"
                            "  - {id: b, name: B, duration: 2d, after: a, due: 2024-06-06}\n");
  const auto r = risk_analysis(a, {200, 1, Distribution::triangular});
  EXPECT_EQ(r.uncertain, 0);
  EXPECT_EQ(r.finish.p10, r.finish.planned);
  EXPECT_EQ(r.finish.p90, r.finish.planned);
  EXPECT_EQ(deadline_of_step(r, "a")->met, 1.0);
  EXPECT_EQ(deadline_of_step(r, "b")->met, 0.0);  // b finishes Friday 7
  EXPECT_EQ(r.all_met, 0.0);
  EXPECT_NE(risk_text(r, Lang::en).find("the schedule below is certain"), std::string::npos);
}

TEST(Risk, TheSameSeedGivesTheSameReportAndProgressIsNotDrawn) {
  const auto a = analyze_ok(
      "plan: {id: T, title: T, start: 2024-06-03, status_date: 2024-06-05}\n"
      "calendar: {days_off: [sat, sun]}\n"
      "tasks:\n"
      "  - {id: a, name: A, duration: 2d, optimistic: 1d, pessimistic: 9d, started: 2024-06-03,"
      " done: 2024-06-04}\n"
      "  - {id: b, name: B, duration: 4d, optimistic: 2d, pessimistic: 9d, after: a,"
      " due: 2024-06-11}\n");
  const auto one = risk_analysis(a, {500, 11, Distribution::triangular});
  EXPECT_EQ(one.uncertain, 2);
  EXPECT_EQ(one.fixed, 1) << "a is done: its dates hold";
  EXPECT_EQ(risk_json(one), risk_json(risk_analysis(a, {500, 11, Distribution::triangular})));
  EXPECT_NE(risk_json(one).find("\"format\": \"tiendo-risk-1\""), std::string::npos);
  // b starts after the status date (Thursday 6): 4 days end Tuesday 11.
  EXPECT_EQ(deadline_of_step(one, "b")->finish.planned, d("2024-06-11"));
}

TEST(Risk, EstimatesThatContradictTheDurationAreErrors) {
  const auto read = [](const std::string& step) {
    return parse_plan(plan_header() + "committees: {C: {meetings: [2024-06-12]}}\n" +
                      "tasks:\n  - " + step + "\n")
        .diagnostics;
  };
  EXPECT_TRUE(read("{id: a, name: A, duration: 3d, optimistic: 2d, pessimistic: 5d}").empty());
  for (const char* bad :
       {"{id: a, name: A, duration: 3d, optimistic: 4d}",
        "{id: a, name: A, duration: 3d, pessimistic: 2d}",
        "{id: a, name: A, duration: 3d, optimistic: 2cd}",
        "{id: a, name: A, duration: 3d, pessimistic: soon}",
        "{id: a, name: A, kind: milestone, optimistic: 1d}",
        "{id: a, name: A, kind: approval, at: 'Tại kỳ họp C tháng 6/2024', pessimistic: 3d}"}) {
    EXPECT_TRUE(has_code(read(bad), "invalid-duration")) << bad;
  }
}

}  // namespace
}  // namespace tiendo
