// The only file that knows Boost.Graph. It resolves the plan's dependencies to
// links between steps, finds cycles with a depth-first search and orders the
// steps topologically; the rest of the engine sees plain arrays.
#include <tiendo/graph.hpp>
#include <tiendo/messages.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include <tiendo/suggest.hpp>

namespace tiendo {

namespace {

struct EdgeData {
  std::uint32_t link = 0;
};

// 32-bit vertex and edge indexes: a million steps' graph in half the memory.
using CsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeData,
                                       boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<CsrGraph>::vertex_descriptor;
using Edge = boost::graph_traits<CsrGraph>::edge_descriptor;

/// Records the DFS tree (to rebuild a cycle's path), the first back edge, and
/// the finish order (reversed, a topological order when there is no cycle).
struct CycleAndOrderVisitor : boost::default_dfs_visitor {
  std::vector<std::uint32_t>* tree_link;  // per vertex: link of the tree edge into it
  std::vector<NodeId>* finish_order;
  std::optional<std::uint32_t>* back_link;

  void tree_edge(Edge e, const CsrGraph& g) const { (*tree_link)[boost::target(e, g)] = g[e].link; }
  void back_edge(Edge e, const CsrGraph& g) const {
    if (!*back_link) *back_link = g[e].link;
  }
  void finish_vertex(Vertex v, const CsrGraph&) const {
    finish_order->push_back(static_cast<NodeId>(v));
  }
};

/// Ids to indexes: open addressing over string_views of the plan's own
/// strings, so a quarter of a million tasks cost two arrays, not as many
/// allocations.
class IdIndex {
 public:
  void reserve(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    keys_.assign(capacity, {});
    values_.assign(capacity, kEmpty);
  }

  /// Adds `key` (which must outlive the index); false if it is already there.
  bool insert(std::string_view key, std::uint32_t value) {
    for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
      if (values_[i] == kEmpty) {
        keys_[i] = key;
        values_[i] = value;
        return true;
      }
      if (keys_[i] == key) return false;
    }
  }

  std::optional<std::uint32_t> find(std::string_view key) const {
    if (keys_.empty()) return std::nullopt;
    for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
      if (values_[i] == kEmpty) return std::nullopt;
      if (keys_[i] == key) return values_[i];
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::size_t slot(std::string_view key) const {
    return std::hash<std::string_view>{}(key) & (keys_.size() - 1);
  }
  std::vector<std::string_view> keys_;
  std::vector<std::uint32_t> values_;
};

static_assert(sizeof(Link) == 16, "a link stays small: plans have millions");

/// Pending link with names still unresolved on one side (a task).
struct RawLink {
  Link link;
  bool pred_is_task = false;
  bool succ_is_task = false;
  std::uint32_t pred_task = 0;
  std::uint32_t succ_task = 0;
};

class GraphBuilder {
 public:
  explicit GraphBuilder(const Plan& plan) : plan_(plan) {}

  GraphResult build() {
    number_nodes();
    std::vector<RawLink> raw;
    std::vector<EventLink> events;
    collect_links(raw, events);
    if (has_errors(diagnostics_)) return {std::nullopt, std::move(diagnostics_)};
    expand_task_links(raw);
    collect_constraints();
    group_links();
    group_events(events);
    if (!order_or_report_cycle()) return {std::nullopt, std::move(diagnostics_)};
    return {std::move(g_), std::move(diagnostics_)};
  }

 private:
  enum class TargetKind { none, step, task, event };
  struct Target {
    TargetKind kind = TargetKind::none;
    std::uint32_t index = 0;
  };

  void number_nodes() {
    std::size_t count = 0;
    for (const auto& task : plan_.tasks) count += task.steps.size();
    g_.nodes.reserve(count);
    task_index_.reserve(plan_.tasks.size());  // O(1) per id, no allocation
    task_first_.reserve(plan_.tasks.size() + 1);
    for (std::uint32_t t = 0; t < plan_.tasks.size(); ++t) {
      task_first_.push_back(static_cast<NodeId>(g_.nodes.size()));
      const auto& task = plan_.tasks[t];
      task_index_.insert(task.id, t);
      for (std::uint32_t s = 0; s < task.steps.size(); ++s) g_.nodes.push_back({t, s});
    }
    task_first_.push_back(static_cast<NodeId>(g_.nodes.size()));
  }

  /// The node of the step of task `t` that `matches`, if any (a task has a
  /// handful of steps: a scan beats a second index of a million ids).
  template <typename Match>
  std::optional<NodeId> step_of(std::uint32_t t, Match matches) const {
    const auto& steps = plan_.tasks[t].steps;
    for (std::uint32_t s = 0; s < steps.size(); ++s) {
      if (matches(steps[s])) return task_first_[t] + s;
    }
    return std::nullopt;
  }

  Target resolve(const std::string& name, std::uint32_t in_task) const {
    // Ids hold no '.', so a dotted name is "task.step"; a bare one is first a
    // step of the same task, then a task (a one-step task is its own step),
    // then an event.
    if (const auto dot = name.find('.'); dot != std::string::npos) {
      const auto t = task_index_.find(std::string_view(name).substr(0, dot));
      const auto v = t ? step_of(*t, [&](const Step& s) { return s.id == name; }) : std::nullopt;
      return v ? Target{TargetKind::step, *v} : Target{};
    }
    if (const auto v = step_of(in_task, [&](const Step& s) { return s.local_id == name; })) {
      return {TargetKind::step, *v};
    }
    if (const auto t = task_index_.find(name)) {
      const auto& steps = plan_.tasks[*t].steps;
      if (steps.size() == 1 && steps[0].id == name) return {TargetKind::step, task_first_[*t]};
      return {TargetKind::task, *t};
    }
    for (std::uint32_t e = 0; e < plan_.events.size(); ++e) {
      const auto& event = plan_.events[e];
      if (event.id == name ||
          std::find(event.aliases.begin(), event.aliases.end(), name) != event.aliases.end()) {
        return {TargetKind::event, e};
      }
    }
    return {};
  }

  void report_unknown(const LinkSpec& spec, std::uint32_t in_task) {
    std::vector<std::string> names;
    for (const auto& step : plan_.tasks[in_task].steps) names.push_back(step.local_id);
    for (const auto& task : plan_.tasks) {
      names.push_back(task.id);
      for (const auto& step : task.steps) names.push_back(step.id);
    }
    for (const auto& event : plan_.events) names.push_back(event.id);
    diagnostics_.push_back(make_diagnostic(Severity::error, spec.where, "unknown-id",
                                           {{"id", spec.target}},
                                           did_you_mean_in_both(spec.target, names)));
  }

  void collect_links(std::vector<RawLink>& raw, std::vector<EventLink>& events) {
    std::size_t written = 0;  // one allocation for a million links, not twenty
    for (const auto& task : plan_.tasks) {
      for (const auto& step : task.steps) written += step.after.size() + 1;
    }
    g_.links.reserve(written);
    for (std::uint32_t t = 0; t < plan_.tasks.size(); ++t) {
      const auto& task = plan_.tasks[t];
      // The task's own `after:` applies to its first steps (expanded later).
      if (too_many(task.after, task.where)) continue;
      for (std::uint32_t i = 0; i < task.after.size(); ++i) {
        const auto& spec = task.after[i];
        add_link(spec, {Link::Origin::task, static_cast<std::uint16_t>(i)}, resolve(spec.target, t),
                 t, {TargetKind::task, t}, raw, events);
      }
      for (std::uint32_t s = 0; s < task.steps.size(); ++s) {
        const auto& step = task.steps[s];
        const NodeId v = task_first_[t] + s;
        bool names_previous = false;
        if (too_many(step.after, step.where)) continue;
        for (std::uint32_t i = 0; i < step.after.size(); ++i) {
          const auto& spec = step.after[i];
          const auto target = resolve(spec.target, t);
          if (s > 0 && target.kind == TargetKind::step && target.index == v - 1) {
            names_previous = true;
          }
          add_link(spec, {Link::Origin::step, static_cast<std::uint16_t>(i)}, target, t,
                   {TargetKind::step, v}, raw, events);
        }
        if (s > 0 && step.chain && !names_previous) {
          g_.links.push_back({v - 1, v, 0, LinkType::FS, Link::Origin::implied, 0});
        }
      }
    }
  }

  /// Where a link was written: its origin and index there.
  struct Written {
    Link::Origin origin;
    std::uint16_t spec;
  };

  /// A list of more dependencies than a link can point back into.
  bool too_many(const std::vector<LinkSpec>& after, SourceLocation where) {
    if (after.size() <= Link::kMaxSpecs) return false;
    diagnostics_.push_back(
        make_diagnostic(Severity::error, where, "too-many-links", {}, say("hint:split-work")));
    return true;
  }

  void add_link(const LinkSpec& spec, Written written, Target pred, std::uint32_t in_task,
                Target succ, std::vector<RawLink>& raw, std::vector<EventLink>& events) {
    switch (pred.kind) {
      case TargetKind::none:
        report_unknown(spec, in_task);
        return;
      case TargetKind::event:
        if (succ.kind == TargetKind::task) {
          for (NodeId v = task_first_[succ.index]; v < task_first_[succ.index + 1]; ++v) {
            events.push_back({v, pred.index, spec.type, spec.lag, spec.where});
          }
        } else {
          events.push_back({succ.index, pred.index, spec.type, spec.lag, spec.where});
        }
        return;
      default:
        break;
    }
    const bool same = pred.kind == succ.kind && pred.index == succ.index;
    const bool own_task = pred.kind == TargetKind::task && succ.kind == TargetKind::step &&
                          g_.nodes[succ.index].task == pred.index;
    if (same || own_task) {
      diagnostics_.push_back(
          make_diagnostic(Severity::error, spec.where, "self-dependency", {{"id", spec.target}}));
      return;
    }
    if (pred.kind == TargetKind::step && succ.kind == TargetKind::step) {
      // Step to step: final already; only links naming a task wait in `raw`.
      g_.links.push_back(
          {pred.index, succ.index, spec.lag, spec.type, written.origin, written.spec});
      return;
    }
    RawLink r;
    r.link = {pred.index, succ.index, spec.lag, spec.type, written.origin, written.spec};
    r.pred_is_task = pred.kind == TargetKind::task;
    r.succ_is_task = succ.kind == TargetKind::task;
    r.pred_task = pred.index;
    r.succ_task = succ.index;
    raw.push_back(r);
  }

  /// A link to or from a task stands for links to its first steps (those with
  /// no predecessor inside the task) or from its last ones (no successor
  /// inside), depending on which end of the task the link type uses.
  void expand_task_links(std::vector<RawLink>& raw) {
    std::vector<char> has_pred_inside(g_.nodes.size(), 0);
    std::vector<char> has_succ_inside(g_.nodes.size(), 0);
    for (const auto& link : g_.links) {  // step-to-step links only, so far
      if (g_.nodes[link.pred].task == g_.nodes[link.succ].task) {
        has_pred_inside[link.succ] = 1;
        has_succ_inside[link.pred] = 1;
      }
    }
    first_steps_.assign(g_.nodes.size(), 0);
    last_steps_.assign(g_.nodes.size(), 0);
    for (NodeId v = 0; v < g_.nodes.size(); ++v) {
      first_steps_[v] = !has_pred_inside[v];
      last_steps_[v] = !has_succ_inside[v];
    }
    const auto ends = [&](std::uint32_t task, bool use_finish) {
      std::vector<NodeId> out;
      for (NodeId v = task_first_[task]; v < task_first_[task + 1]; ++v) {
        if (use_finish ? last_steps_[v] : first_steps_[v]) out.push_back(v);
      }
      return out;
    };
    for (const auto& r : raw) {
      const auto type = r.link.type;
      const bool pred_finish = type == LinkType::FS || type == LinkType::FF;
      const bool succ_finish = type == LinkType::FF || type == LinkType::SF;
      const auto preds =
          r.pred_is_task ? ends(r.pred_task, pred_finish) : std::vector<NodeId>{r.link.pred};
      const auto succs =
          r.succ_is_task ? ends(r.succ_task, succ_finish) : std::vector<NodeId>{r.link.succ};
      for (const NodeId p : preds) {
        for (const NodeId s : succs) {
          Link link = r.link;
          link.pred = p;
          link.succ = s;
          g_.links.push_back(link);
        }
      }
    }
  }

  void collect_constraints() {
    g_.constraint_begin.reserve(g_.nodes.size() + 1);
    for (NodeId v = 0; v < g_.nodes.size(); ++v) {
      g_.constraint_begin.push_back(static_cast<std::uint32_t>(g_.constraints.size()));
      const auto& task = plan_.tasks[g_.nodes[v].task];
      const auto& step = task.steps[g_.nodes[v].step];
      g_.constraints.insert(g_.constraints.end(), step.constraints.begin(), step.constraints.end());
      for (const auto& c : task.constraints) {
        const bool start_side = c.kind == ConstraintKind::not_before ||
                                c.kind == ConstraintKind::start_on ||
                                c.kind == ConstraintKind::start_by;
        const bool finish_side = c.kind == ConstraintKind::due ||
                                 c.kind == ConstraintKind::finish_on ||
                                 c.kind == ConstraintKind::finish_not_before;
        if (c.kind == ConstraintKind::window) {
          if (first_steps_[v]) {
            g_.constraints.push_back(
                {ConstraintKind::not_before, c.date, {}, c.event, c.written, c.where});
          }
          if (last_steps_[v]) {
            g_.constraints.push_back(
                {ConstraintKind::due, c.until, {}, c.event, c.written, c.where});
          }
        } else if ((start_side && first_steps_[v]) || (finish_side && last_steps_[v])) {
          g_.constraints.push_back(c);
        }
      }
      drop_repeated(g_.constraint_begin.back());
    }
    g_.constraint_begin.push_back(static_cast<std::uint32_t>(g_.constraints.size()));
  }

  /// A plan often says one deadline twice (the table's cell and the body's
  /// sentence; `due:` and a phrase): the scheduler and the checks see it
  /// once, or one missed window would be reported twice. The plan keeps both
  /// sayings (explain shows each); the first stays here, with its location.
  void drop_repeated(std::size_t begin) {
    if (g_.constraints.size() - begin < 2) return;
    std::set<std::tuple<ConstraintKind, Date, Date>> seen;
    const auto first = g_.constraints.begin() + static_cast<std::ptrdiff_t>(begin);
    g_.constraints.erase(std::remove_if(first, g_.constraints.end(),
                                        [&](const Constraint& c) {
                                          return !seen.emplace(c.kind, c.date, c.until).second;
                                        }),
                         g_.constraints.end());
  }

  /// Counting sort by successor and by predecessor: O(nodes + links).
  void group_links() {
    const auto n = g_.nodes.size();
    std::vector<std::uint32_t> count(n + 1, 0);
    for (const auto& link : g_.links) ++count[link.succ + 1];
    for (std::size_t v = 0; v < n; ++v) count[v + 1] += count[v];
    g_.in_begin = count;
    // Links come step by step, so they are grouped already unless a link
    // names a task; only then is a second copy of them worth its memory.
    const bool grouped =
        std::is_sorted(g_.links.begin(), g_.links.end(),
                       [](const Link& a, const Link& b) { return a.succ < b.succ; });
    if (!grouped) {
      std::vector<Link> by_succ(g_.links.size());
      for (const auto& link : g_.links) by_succ[count[link.succ]++] = link;
      g_.links = std::move(by_succ);
    }

    std::vector<std::uint32_t> out(n + 1, 0);
    for (const auto& link : g_.links) ++out[link.pred + 1];
    for (std::size_t v = 0; v < n; ++v) out[v + 1] += out[v];
    g_.out_begin = out;
    g_.out_links.resize(g_.links.size());
    for (std::uint32_t i = 0; i < g_.links.size(); ++i) {
      g_.out_links[out[g_.links[i].pred]++] = i;
    }
  }

  void group_events(std::vector<EventLink>& events) {
    std::stable_sort(events.begin(), events.end(),
                     [](const EventLink& a, const EventLink& b) { return a.succ < b.succ; });
    g_.event_links = std::move(events);
    g_.event_begin.assign(g_.nodes.size() + 1, 0);
    for (const auto& e : g_.event_links) ++g_.event_begin[e.succ + 1];
    for (std::size_t v = 0; v < g_.nodes.size(); ++v) g_.event_begin[v + 1] += g_.event_begin[v];
  }

  bool order_or_report_cycle() {
    // Plans are mostly written in the order work happens. When every link
    // runs forward in the file, that order is topological and no cycle can
    // exist; the passes then walk memory front to back.
    const bool forward = std::all_of(g_.links.begin(), g_.links.end(),
                                     [](const Link& link) { return link.pred < link.succ; });
    if (forward) {
      g_.order.resize(g_.nodes.size());
      std::iota(g_.order.begin(), g_.order.end(), NodeId{0});
      return true;
    }
    // The CSR graph is read straight from the links grouped by predecessor,
    // through iterators: no list of edge pairs is built first.
    const auto& g = g_;
    const auto edge_at = [&g](std::uint32_t i) {
      const auto& link = g.links[g.out_links[i]];
      return std::pair<Vertex, Vertex>(link.pred, link.succ);
    };
    const auto data_at = [&g](std::uint32_t i) { return EdgeData{g.out_links[i]}; };
    const auto count = static_cast<std::uint32_t>(g_.links.size());
    const boost::counting_iterator<std::uint32_t> first(0), last(count);
    const CsrGraph csr(boost::edges_are_sorted, boost::make_transform_iterator(first, edge_at),
                       boost::make_transform_iterator(last, edge_at),
                       boost::make_transform_iterator(first, data_at),
                       static_cast<std::uint32_t>(g_.nodes.size()), count);

    std::vector<std::uint32_t> tree_link(g_.nodes.size(), 0);
    std::vector<NodeId> finish_order;
    finish_order.reserve(g_.nodes.size());
    std::optional<std::uint32_t> back_link;
    CycleAndOrderVisitor visitor;
    visitor.tree_link = &tree_link;
    visitor.finish_order = &finish_order;
    visitor.back_link = &back_link;
    std::vector<boost::default_color_type> colors(g_.nodes.size());
    boost::depth_first_search(csr,
                              boost::visitor(visitor).color_map(boost::make_iterator_property_map(
                                  colors.begin(), boost::get(boost::vertex_index, csr))));

    if (back_link) {
      report_cycle(*back_link, tree_link);
      return false;
    }
    g_.order.assign(finish_order.rbegin(), finish_order.rend());
    return true;
  }

  /// The back edge u -> v closes a cycle v -> ... -> u -> v along the tree.
  void report_cycle(std::uint32_t closing, const std::vector<std::uint32_t>& tree_link) {
    const auto& back = g_.links[closing];
    std::vector<std::uint32_t> path{closing};
    for (NodeId x = back.pred; x != back.succ;) {
      const auto l = tree_link[x];
      path.push_back(l);
      x = g_.links[l].pred;
    }
    std::reverse(path.begin(), path.end());
    const auto name = [&](NodeId v) { return g_.step(plan_, v).id; };
    // A long cycle is shown by its ends: the first and last few steps and its
    // length, so that a 100,000-step cycle is a screenful, not megabytes.
    constexpr std::size_t kShownEachEnd = 5;
    const bool cut = path.size() > 2 * kShownEachEnd + 1;
    const auto shown = [&](std::size_t i) {
      return !cut || i < kShownEachEnd || i >= path.size() - kShownEachEnd;
    };
    // The cycle in both languages: its step ids are the same in both, the
    // words for a cut one are not.
    const auto first = name(g_.links[path.front()].pred);
    Message text{first, first};
    const auto append = [&](const Message& m) {
      text.en += m.en;
      text.vi += m.vi;
    };
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (shown(i)) {
        const auto step = " -> " + name(g_.links[path[i]].succ);
        append({step, step});
      } else if (i == kShownEachEnd) {
        const auto more =
            say("what:more-steps", {{"count", std::to_string(path.size() - 2 * kShownEachEnd)}});
        append({" -> ... (" + more.en + ")", " -> ... (" + more.vi + ")"});
      }
    }
    if (cut) {
      const auto cycle = say("what:cycle-of", {{"count", std::to_string(path.size())}});
      append({" (" + cycle.en + ")", " (" + cycle.vi + ")"});
    }
    auto d = make_diagnostic(Severity::error, g_.where(plan_, back), "dependency-cycle",
                             {{"cycle", text}}, say("hint:remove-a-dependency"));
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (!shown(i)) continue;
      const auto& link = g_.links[path[i]];
      d.notes.push_back(make_note(g_.where(plan_, link),
                                  link.implied() ? "note:waits-for-implied" : "note:waits-for",
                                  {{"step", name(link.succ)}, {"on", name(link.pred)}}));
    }
    diagnostics_.push_back(std::move(d));
  }

  const Plan& plan_;
  DependencyGraph g_;
  Diagnostics diagnostics_;
  std::vector<NodeId> task_first_;
  std::vector<char> first_steps_, last_steps_;
  IdIndex task_index_;
};

}  // namespace

GraphResult build_graph(const Plan& plan) {
  return GraphBuilder(plan).build();
}

}  // namespace tiendo
