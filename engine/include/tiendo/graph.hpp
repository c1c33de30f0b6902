#pragma once
// The dependency graph of a plan: one node per step, one link per dependency
// (explicit, or implied by the order of a task's steps). Built with
// Boost.Graph in dependency_graph.cpp; only plain arrays are exposed here.

#include <tiendo/diagnostics.hpp>
#include <tiendo/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tiendo {

using NodeId = std::uint32_t;

/// A link between two steps: 16 bytes, since a large plan has millions.
struct Link {
  /// Where it was written: the order of a task's steps (implied), or the
  /// successor's step or task's `after` list, at index `spec`.
  enum class Origin : std::uint8_t { implied, step, task };
  static constexpr std::size_t kMaxSpecs = 65536;  ///< dependencies one step or task may list

  NodeId pred = 0;
  NodeId succ = 0;
  int lag = 0;  ///< working days, negative = lead
  LinkType type = LinkType::FS;
  Origin origin = Origin::implied;
  std::uint16_t spec = 0;

  bool implied() const { return origin == Origin::implied; }
};

/// A dependency on a named event: a date the step waits for (as `after:`).
struct EventLink {
  NodeId succ = 0;
  std::size_t event = 0;  ///< index in Plan::events
  LinkType type = LinkType::FS;
  int lag = 0;
  SourceLocation where;
};

/// Where a node's step lives in the plan.
struct NodeRef {
  std::uint32_t task = 0;
  std::uint32_t step = 0;
};

/// An immutable, validated DAG. Links are stored twice as index arrays
/// (grouped by successor and by predecessor) so both passes walk contiguous
/// memory; `order` is a topological order.
struct DependencyGraph {
  std::vector<NodeRef> nodes;
  std::vector<Link> links;               ///< grouped by succ
  std::vector<std::uint32_t> in_begin;   ///< links[in_begin[v] .. in_begin[v+1])
  std::vector<std::uint32_t> out_links;  ///< link indices grouped by pred
  std::vector<std::uint32_t> out_begin;  ///< out_links[out_begin[v] .. out_begin[v+1])
  std::vector<NodeId> order;             ///< topological order
  std::vector<EventLink> event_links;    ///< grouped by succ
  std::vector<std::uint32_t> event_begin;
  /// Each node's date constraints: its own and those its task passes down
  /// (a task's start constraints go to its first steps, its due dates to its
  /// last ones).
  std::vector<Constraint> constraints;  ///< grouped by node
  std::vector<std::uint32_t> constraint_begin;

  std::size_t size() const { return nodes.size(); }
  const Step& step(const Plan& plan, NodeId v) const {
    return plan.tasks[nodes[v].task].steps[nodes[v].step];
  }
  /// Where a link was written in the plan file (its step, if implied).
  SourceLocation where(const Plan& plan, const Link& link) const {
    switch (link.origin) {
      case Link::Origin::step:
        return step(plan, link.succ).after[link.spec].where;
      case Link::Origin::task:
        return plan.tasks[nodes[link.succ].task].after[link.spec].where;
      case Link::Origin::implied:
        break;
    }
    return step(plan, link.succ).where;
  }
};

struct GraphResult {
  std::optional<DependencyGraph> graph;
  Diagnostics diagnostics;  ///< unknown ids (with did-you-mean), cycles
};

/// Resolves every dependency of the plan and checks that the graph is acyclic.
/// O(steps + links).
GraphResult build_graph(const Plan& plan);

}  // namespace tiendo
