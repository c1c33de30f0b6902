// Many plans at once, on small plans worked out by hand. The calendar is the
// default one (Saturday and Sunday off, no holidays); June 2024 starts on a
// Saturday, so its Mondays are 3, 10, 17 and 24.
#include <gtest/gtest.h>
#include <tiendo/portfolio.hpp>

#include <algorithm>
#include <map>

namespace tiendo {
namespace {

const PortfolioSource kWorkspace{"workspace.yaml",
                                 "workspace: {name: Văn phòng, start: 2024-01-01}\n"
                                 "committees:\n"
                                 "  BTV: {meetings: [2024-06-20], submit_lead: 3d, max_items: 1}\n"
                                 "people:\n"
                                 "  - {id: nhai, name: \"Đ/c Mai Thị Nhài\"}\n"
                                 "units:\n"
                                 "  - {id: btg, name: \"Ban Tuyên giáo\", capacity: 1}\n"};

/// A plan with `tasks` (YAML lines under `tasks:`) and `extra` top-level keys.
PortfolioSource plan(const std::string& id, const std::string& tasks,
                     const std::string& extra = "") {
  return {id + ".yaml", "plan: {id: " + id + ", start: 2024-06-03}\n" + extra + "tasks:\n" + tasks};
}

std::vector<const PortfolioFinding*> of_kind(const Portfolio& p, const std::string& kind) {
  std::vector<const PortfolioFinding*> out;
  for (const auto& f : p.findings) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

std::vector<std::string> steps_of(const PortfolioFinding& f) {
  std::vector<std::string> out;
  for (const auto& s : f.steps) out.push_back(s.plan + ":" + s.step);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Portfolio, PlansUseTheWorkspacesCommitteesPeopleAndUnits) {
  const auto p =
      analyze_portfolio({plan("A",
                              "  - {id: a, name: A, owner: nhai, lead: btg, kind: approval, "
                              "when: \"Tại kỳ họp BTV tháng 6/2024\"}\n")},
                        kWorkspace);
  ASSERT_TRUE(p.plans[0].analysis.ok()) << p.plans[0].analysis.diagnostics[0].message;
  const auto& a = p.plans[0].analysis;
  EXPECT_EQ(a.plan->tasks[0].owner, "Đ/c Mai Thị Nhài");
  EXPECT_EQ(a.plan->tasks[0].lead, "Ban Tuyên giáo");
  EXPECT_EQ(a.schedule->steps[0].meeting, Date{date::year{2024} / 6 / 20});
}

TEST(Portfolio, AWorkspaceThatDoesNotReadIsAnErrorOfThePortfolio) {
  // Issue 21, item 6: it was printed, then lost (0 errors, exit 0).
  const PortfolioSource broken{"workspace.yaml", "workspace: {name: x, start: 2024-01-01\n"};
  const auto p =
      analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 1d, due: 2024-06-28}\n")},
                        broken);
  const auto found = of_kind(p, "workspace-unreadable");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->severity, Severity::error);
  EXPECT_EQ(found[0]->subject, "workspace.yaml");
  EXPECT_EQ(found[0]->from, Date{date::year{2024} / 6 / 3});
  EXPECT_NE(found[0]->message_vi.find("Không đọc được workspace.yaml (dòng 2"), std::string::npos)
      << found[0]->message_vi;
  EXPECT_EQ(&p.findings.front(), found[0]);  // errors first
  // A workspace that reads gives no such finding.
  const auto fine = analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 1d}\n")},
                                      kWorkspace);
  EXPECT_TRUE(of_kind(fine, "workspace-unreadable").empty());
}

TEST(Portfolio, ACommitteeDeclaredOtherwiseThanTheWorkspaceIsAnError) {
  const auto p =
      analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 1d}\n",
                              "committees:\n  BTV: {meetings: [2024-06-27], submit_lead: 3d}\n")},
                        kWorkspace);
  ASSERT_FALSE(p.plans[0].analysis.ok());
  const auto& d = p.plans[0].analysis.diagnostics[0];
  EXPECT_EQ(d.code, "shared-committee-differs");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_NE(d.message.find("workspace.yaml line 3"), std::string::npos) << d.message;
  // Declared the same: accepted, and the workspace's limit applies.
  const auto same =
      analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 1d}\n",
                              "committees:\n  BTV: {meetings: [2024-06-20], submit_lead: 3d}\n")},
                        kWorkspace);
  ASSERT_TRUE(same.plans[0].analysis.ok());
  EXPECT_EQ(same.plans[0].analysis.plan->committees[0].max_items, 1);
}

TEST(Portfolio, APersonOwingMoreThanTwoOnOneDayAcrossPlans) {
  // Two due on Monday 10 June in A, one in B (by name, not id): three.
  const auto p = analyze_portfolio(
      {plan("A",
            "  - {id: a1, name: A1, owner: nhai, duration: 2d, due: 2024-06-10}\n"
            "  - {id: a2, name: A2, owner: nhai, duration: 2d, due: 2024-06-10}\n"),
       plan("B",
            "  - {id: b1, name: B1, owner: \"đ/c mai thị nhài\", duration: 2d, "
            "due: 2024-06-10}\n")},
      kWorkspace);
  const auto day = of_kind(p, "person-overloaded-day");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0]->subject, "Đ/c Mai Thị Nhài");
  EXPECT_EQ(day[0]->from, Date{date::year{2024} / 6 / 10});
  EXPECT_EQ(day[0]->count, 3);
  EXPECT_EQ(day[0]->limit, 2);
  EXPECT_EQ(steps_of(*day[0]), (std::vector<std::string>{"A:a1", "A:a2", "B:b1"}));
  EXPECT_TRUE(of_kind(p, "person-overloaded-week").empty());  // 3 is not more than 5
}

TEST(Portfolio, APersonOwingMoreThanFiveInOneWeek) {
  // Two a day on Monday, Tuesday and Friday of the week of 10 June: six, and
  // no day over two.
  std::string a, b;
  for (const auto& [id, day] :
       std::vector<std::pair<std::string, std::string>>{{"s1", "10"}, {"s2", "10"}, {"s3", "11"}}) {
    a += "  - {id: " + id + ", name: X, owner: nhai, duration: 1d, due: 2024-06-" + day + "}\n";
  }
  for (const auto& [id, day] : std::vector<std::pair<std::string, std::string>>{
           {"t1", "11"}, {"t2", "14"}, {"t3", "14"}, {"t4", "17"}}) {
    b += "  - {id: " + id + ", name: Y, owner: nhai, duration: 1d, due: 2024-06-" + day + "}\n";
  }
  const auto p = analyze_portfolio({plan("A", a), plan("B", b)}, kWorkspace);
  EXPECT_TRUE(of_kind(p, "person-overloaded-day").empty());
  const auto week = of_kind(p, "person-overloaded-week");
  ASSERT_EQ(week.size(), 1u);
  EXPECT_EQ(week[0]->from, Date{date::year{2024} / 6 / 10});
  EXPECT_EQ(week[0]->to, Date{date::year{2024} / 6 / 16});
  EXPECT_EQ(week[0]->count, 6);  // t4 on the 17th is the next week
}

TEST(Portfolio, AUnitOverItsCapacityOnTheDaysItsStepsOverlap) {
  // A: Mon 3 – Fri 7 June; B: starts Wed 5, 5 working days (to Tue 11):
  // both on 5, 6 and 7 June; capacity 1.
  const auto p =
      analyze_portfolio({plan("A", "  - {id: a, name: A, lead: btg, duration: 5d}\n"),
                         plan("B",
                              "  - {id: b, name: B, lead: \"Ban Tuyên giáo\", duration: 5d, "
                              "not_before: 2024-06-05}\n")},
                        kWorkspace);
  const auto over = of_kind(p, "unit-over-capacity");
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0]->severity, Severity::error);
  EXPECT_EQ(over[0]->from, Date{date::year{2024} / 6 / 5});
  EXPECT_EQ(over[0]->to, Date{date::year{2024} / 6 / 7});
  EXPECT_EQ(over[0]->count, 2);
  EXPECT_EQ(steps_of(*over[0]), (std::vector<std::string>{"A:a", "B:b"}));
}

TEST(Portfolio, AMeetingsAgendaAcrossPlansAndItsLimit) {
  const std::string approval =
      "kind: approval, owner: nhai, lead: btg, when: \"Tại kỳ họp BTV tháng 6/2024\"}\n";
  const auto p = analyze_portfolio({plan("A", "  - {id: a, name: Duyệt A, " + approval),
                                    plan("B", "  - {id: b, name: Duyệt B, " + approval)},
                                   kWorkspace);
  ASSERT_EQ(p.meetings.size(), 1u);
  const auto& m = p.meetings[0];
  EXPECT_EQ(m.committee, "BTV");
  EXPECT_EQ(m.date, Date{date::year{2024} / 6 / 20});
  ASSERT_EQ(m.items.size(), 2u);
  // Thursday 20 June less 3 working days: Monday 17 June.
  EXPECT_EQ(m.items[0].documents_due, Date{date::year{2024} / 6 / 17});
  EXPECT_EQ(m.items[0].owner, "Đ/c Mai Thị Nhài");
  const auto over = of_kind(p, "agenda-over-limit");
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0]->count, 2);
  EXPECT_EQ(over[0]->limit, 1);
  const auto text = agenda_text(p, {}, Lang::en);
  EXPECT_NE(text.find("Meeting of BTV on 2024-06-20: 2 items of at most 1 — OVER THE LIMIT"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("documents due 2024-06-17"), std::string::npos) << text;
  EXPECT_EQ(agenda_text(p, {"BCH", {}, {}}, Lang::en), "no meeting with items to approve\n");
}

TEST(Portfolio, TwoPlansEventsOnOneDay) {
  const auto p = analyze_portfolio(
      {plan("A", "  - {id: a, name: A, duration: 1d}\n",
            "events: [{id: le, name: Lễ Kỷ niệm, date: 2024-06-29}]\n"),
       plan("B", "  - {id: b, name: B, duration: 1d}\n",
            "events: [{id: hoi-nghi, name: Hội nghị, date: 2024-06-28, until: 2024-06-29}]\n")},
      kWorkspace);
  const auto same = of_kind(p, "events-same-day");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0]->from, Date{date::year{2024} / 6 / 29});
}

TEST(Portfolio, APlanThatDoesNotReadIsReportedAndTheRestChecked) {
  const auto p =
      analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 5d, due: 2024-06-04}\n"),
                         {"broken.yaml", "plan: {id: X\n"}},
                        kWorkspace);
  EXPECT_EQ(p.plans_read(), 1);
  EXPECT_FALSE(p.plans[1].analysis.ok());
  // A's own finding, named with its plan.
  const auto missed = of_kind(p, "plan:deadline-missed");
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0]->message_en.rfind("A: ", 0), 0u) << missed[0]->message_en;
  const auto text = portfolio_text(p, Lang::en);
  EXPECT_NE(text.find("1/2 plans read"), std::string::npos) << text;
  EXPECT_NE(text.find("cannot read broken.yaml:"), std::string::npos) << text;
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

TEST(Portfolio, AllPlansAsOneKeepEachPlansDates) {
  // B links a step of its own task, and a task of its own; A waits for an
  // event. Each step's dates in the union are its dates in its plan.
  const auto p = analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 3d, after: [le]}\n",
                                         "events: [{id: le, name: Lễ, date: 2024-06-10}]\n"),
                                    {"B.yaml",
                                     "plan: {id: B, start: 2024-06-17}\ntasks:\n"
                                     "  - id: t\n    name: T\n    steps:\n"
                                     "      - {id: x, name: X, duration: 2d}\n"
                                     "      - {id: y, name: Y, duration: 2d, after: [x]}\n"
                                     "  - {id: u, name: U, duration: 1d, after: [t]}\n"}},
                                   kWorkspace);
  const auto all = portfolio_analysis(p);
  ASSERT_TRUE(all && all->ok()) << (all && !all->diagnostics.empty() ? all->diagnostics[0].message
                                                                     : "");
  ASSERT_EQ(all->plan->groups.size(), 2u);
  EXPECT_EQ(all->plan->groups[1].name, "B — ");
  std::map<std::string, Date> starts;
  for (NodeId v = 0; v < all->graph->size(); ++v) {
    starts[all->graph->step(*all->plan, v).id] = all->schedule->steps[v].start;
  }
  for (const auto& plan : p.plans) {
    const auto k = plan.file == "A.yaml" ? "p1-" : "p2-";
    const auto& a = plan.analysis;
    for (NodeId v = 0; v < a.graph->size(); ++v) {
      const auto id = k + a.graph->step(*a.plan, v).id;
      ASSERT_TRUE(starts.count(id)) << id;
      EXPECT_EQ(starts[id], a.schedule->steps[v].start) << id;
    }
  }
  // By hand: A starts the working day after the event (Tue 11 June); B's
  // u after x (17-18) and y (19-20): Fri 21 June.
  EXPECT_EQ(starts["p1-a"], Date{date::year{2024} / 6 / 11});
  EXPECT_EQ(starts["p2-u"], Date{date::year{2024} / 6 / 21});
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

TEST(Portfolio, AStepMayWaitForAnotherPlansStep) {
  // A's t.s runs Mon 3 – Fri 7 June; B's w waits for it (FS): Mon 10 – Tue
  // 11, a day after its due date: the chain runs across both plans.
  const auto p = analyze_portfolio(
      {plan("A", "  - id: t\n    name: T\n    steps:\n      - {id: s, name: S, duration: 5d}\n"),
       plan("B",
            "  - {id: w, name: W, duration: 2d, after: [\"A:t.s\"], due: 2024-06-10}\n"
            "  - {id: v, name: V, duration: 1d, after: [{on: \"A:t\", type: SS, lag: 2d}]}\n")},
      kWorkspace);
  ASSERT_TRUE(p.plans[1].analysis.ok()) << p.plans[1].analysis.diagnostics[0].message;
  const auto& b = p.plans[1].analysis;
  EXPECT_EQ(b.schedule->steps[0].start, Date{date::year{2024} / 6 / 10});
  EXPECT_EQ(b.schedule->steps[0].finish, Date{date::year{2024} / 6 / 11});
  // SS + 2 working days from Monday 3: Wednesday 5.
  EXPECT_EQ(b.schedule->steps[1].start, Date{date::year{2024} / 6 / 5});
  const auto late = of_kind(p, "cross-plan-link-late");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0]->severity, Severity::error);
  EXPECT_NE(late[0]->message_en.find("A:t.s → B:w"), std::string::npos) << late[0]->message_en;
}

// Issue 21, item 10: a link from a plan to itself was told "no plan 'A' in
// this folder", which is false and no help.
TEST(Portfolio, ALinkToItsOwnPlanSaysSo) {
  const auto p = analyze_portfolio(
      {plan("A", "  - {id: a, name: A, duration: 1d}\n"
                 "  - {id: b, name: B, duration: 1d, after: [\"A:a\"]}\n")},
      kWorkspace);
  EXPECT_EQ(p.plans_read(), 0);
  const auto& d = p.plans[0].analysis.diagnostics.back();
  EXPECT_EQ(d.code, "cross-plan-link");
  EXPECT_NE(d.message.find("names this plan itself"), std::string::npos) << d.message;
  EXPECT_NE(d.suggestion.find("'task.step'"), std::string::npos);
}

TEST(Portfolio, PlansWaitingForEachOtherAreACycle) {
  const auto p =
      analyze_portfolio({plan("A", "  - {id: a, name: A, duration: 1d, after: [\"B:b\"]}\n"),
                         plan("B", "  - {id: b, name: B, duration: 1d, after: [\"A:a\"]}\n"),
                         plan("C", "  - {id: c, name: C, duration: 1d, after: [\"Z:z\"]}\n"),
                         plan("D", "  - {id: d, name: D, duration: 1d}\n")},
                        kWorkspace);
  EXPECT_EQ(p.plans_read(), 1);
  EXPECT_EQ(p.plans[0].analysis.diagnostics.back().code, "cross-plan-cycle");
  EXPECT_NE(p.plans[0].analysis.diagnostics.back().message.find("A.yaml, B.yaml"),
            std::string::npos);
  EXPECT_EQ(p.plans[2].analysis.diagnostics.back().code, "unknown-plan");
  EXPECT_EQ(p.plans[2].analysis.diagnostics.back().where.line, 3);
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

TEST(Portfolio, OneRowPerPlanSpansItsDays) {
  // A: Mon 3 – Fri 7 June; B from Mon 17 June, 2 + 2 days: to Thu 20.
  const auto p = analyze_portfolio(
      {plan("A", "  - {id: a, name: A, duration: 5d}\n"),
       {"B.yaml",
        "plan: {id: B, start: 2024-06-17}\ntasks:\n"
        "  - {id: b, name: B, duration: 2d}\n  - {id: c, name: C, duration: 2d, after: [b]}\n"}},
      kWorkspace);
  const auto rows = portfolio_analysis(p, true);
  ASSERT_TRUE(rows && rows->ok());
  ASSERT_EQ(rows->plan->tasks.size(), 2u);
  EXPECT_EQ(rows->schedule->steps[0].start, Date{date::year{2024} / 6 / 3});
  EXPECT_EQ(rows->schedule->steps[0].finish, Date{date::year{2024} / 6 / 7});
  EXPECT_EQ(rows->schedule->steps[1].start, Date{date::year{2024} / 6 / 17});
  EXPECT_EQ(rows->schedule->steps[1].finish, Date{date::year{2024} / 6 / 20});
}

}  // namespace
}  // namespace tiendo
