#include <gtest/gtest.h>
#include <tiendo/graph.hpp>
#include <tiendo/parse.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

GraphResult graph_of(const std::string& tasks) {
  const auto parsed = parse_plan(testing::plan_header() + "tasks:\n" + tasks);
  EXPECT_TRUE(parsed.plan);
  static Plan plan;  // the graph refers to the plan by index only
  plan = *parsed.plan;
  return build_graph(plan);
}

/// Each node's place in the graph's topological order.
std::vector<std::size_t> positions(const DependencyGraph& graph) {
  std::vector<std::size_t> position(graph.size());
  for (std::size_t i = 0; i < graph.order.size(); ++i) position[graph.order[i]] = i;
  return position;
}

TEST(Graph, CycleNamesEveryStepOnIt) {
  const auto g = graph_of(
      "  - {id: a, name: A, duration: 1d, after: c}\n"
      "  - {id: b, name: B, duration: 1d, after: a}\n"
      "  - {id: c, name: C, duration: 1d, after: b}\n");
  ASSERT_FALSE(g.graph);
  ASSERT_EQ(g.diagnostics.size(), 1u);
  const auto& d = g.diagnostics[0];
  EXPECT_EQ(d.code, "dependency-cycle");
  EXPECT_EQ(d.message, "dependency cycle: a -> b -> c -> a");
  EXPECT_EQ(d.where.line, 4);
  ASSERT_EQ(d.notes.size(), 3u);
  EXPECT_EQ(d.notes[0].message, "'b' waits for 'a'");
}

TEST(Graph, CycleThroughImpliedStepOrder) {
  const auto g = graph_of(
      "  - id: t\n    name: T\n    steps:\n"
      "      - {id: a, name: A, duration: 1d, after: t.b}\n"
      "      - {id: b, name: B, duration: 1d}\n");
  ASSERT_FALSE(g.graph);
  EXPECT_EQ(g.diagnostics[0].message, "dependency cycle: t.a -> t.b -> t.a");
  EXPECT_EQ(g.diagnostics[0].notes[0].message,
            "'t.b' waits for 't.a' (steps of a task follow one another)");
  EXPECT_EQ(g.diagnostics[0].notes[1].message, "'t.a' waits for 't.b'");
  EXPECT_EQ(g.diagnostics[0].where.line, 7);
}

TEST(Graph, UnknownIdSuggestsTheClosest) {
  const auto g = graph_of(
      "  - {id: ban-tin, name: A, duration: 1d}\n"
      "  - {id: b, name: B, duration: 1d, after: ban-tn}\n");
  ASSERT_FALSE(g.graph);
  ASSERT_EQ(g.diagnostics.size(), 1u);
  EXPECT_EQ(g.diagnostics[0].code, "unknown-id");
  EXPECT_EQ(g.diagnostics[0].message, "'ban-tn' is not a step, task or event of the plan");
  EXPECT_EQ(g.diagnostics[0].suggestion, "did you mean 'ban-tin'?");
  EXPECT_EQ(g.diagnostics[0].where.line, 5);
  EXPECT_EQ(g.diagnostics[0].where.column, 43);
}

TEST(Graph, SelfDependency) {
  const auto g = graph_of("  - {id: a, name: A, duration: 1d, after: a}\n");
  ASSERT_FALSE(g.graph);
  EXPECT_EQ(g.diagnostics[0].code, "self-dependency");
}

TEST(Graph, TaskLinksGoToTheTaskEnds) {
  // x: p and q in parallel (q does not chain), so x ends with both.
  const auto g = graph_of(
      "  - id: x\n    name: X\n    steps:\n"
      "      - {id: p, name: P, duration: 1d}\n"
      "      - {id: q, name: Q, duration: 1d, chain: false}\n"
      "  - id: y\n    name: Y\n    after: {on: x, type: SS}\n    steps:\n"
      "      - {id: r, name: R, duration: 1d}\n"
      "      - {id: s, name: S, duration: 1d}\n"
      "  - {id: z, name: Z, duration: 1d, after: x}\n");
  ASSERT_TRUE(g.graph);
  const auto& graph = *g.graph;
  // FS from x: from both p and q to z. SS from x into y: from x's starts (p,
  // q) to y's first step r. Plus the implied r -> s.
  EXPECT_EQ(graph.links.size(), 5u);
  std::vector<std::pair<NodeId, NodeId>> pairs;
  for (const auto& l : graph.links) pairs.emplace_back(l.pred, l.succ);
  std::sort(pairs.begin(), pairs.end());
  EXPECT_EQ(pairs,
            (std::vector<std::pair<NodeId, NodeId>>{{0, 2}, {0, 4}, {1, 2}, {1, 4}, {2, 3}}));
  // A topological order puts every predecessor first.
  const auto position = positions(graph);
  for (const auto& l : graph.links) EXPECT_LT(position[l.pred], position[l.succ]);
}

TEST(Graph, OrderWhenLinksRunBackwardInTheFile) {
  // c is written first but waits for b, which waits for a: the file's order
  // is not topological, so the depth-first search orders the steps.
  const auto g = graph_of(
      "  - {id: c, name: C, duration: 1d, after: [b, a]}\n"
      "  - {id: a, name: A, duration: 1d}\n"
      "  - {id: b, name: B, duration: 1d, after: a}\n");
  ASSERT_TRUE(g.graph);
  const auto& graph = *g.graph;
  ASSERT_EQ(graph.order.size(), 3u);
  const auto position = positions(graph);
  EXPECT_LT(position[1], position[2]);  // a before b
  EXPECT_LT(position[2], position[0]);  // b before c
}

TEST(Graph, FileOrderServesWhenEveryLinkRunsForward) {
  const auto g = graph_of(
      "  - {id: a, name: A, duration: 1d}\n"
      "  - {id: b, name: B, duration: 1d, after: a}\n"
      "  - {id: c, name: C, duration: 1d}\n");
  ASSERT_TRUE(g.graph);
  EXPECT_EQ(g.graph->order, (std::vector<NodeId>{0, 1, 2}));
}

TEST(Graph, MoreDependenciesInOneListThanALinkCanPointBackTo) {
  Plan plan;
  Task task;
  task.id = "t";
  task.steps.resize(2);
  task.steps[0].id = "t.a";
  task.steps[0].local_id = "a";
  task.steps[1].id = "t.b";
  task.steps[1].local_id = "b";
  task.steps[1].where = {7, 3, 1};
  task.steps[1].after.assign(Link::kMaxSpecs + 1, LinkSpec{"a", LinkType::FS, 0, {}});
  plan.tasks.push_back(task);
  const auto g = build_graph(plan);
  ASSERT_FALSE(g.graph);
  ASSERT_EQ(g.diagnostics.size(), 1u);
  EXPECT_EQ(g.diagnostics[0].code, "too-many-links");
  EXPECT_EQ(g.diagnostics[0].where.line, 7);
}

}  // namespace
}  // namespace tiendo
