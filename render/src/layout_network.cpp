// The activity-on-node network, laid out in layers from left to right by our
// own Sugiyama-style pass (docs/rendering.md says why not Graphviz):
//   1. layer = longest path from a source, in topological order;
//   2. a link across several layers gets a dummy slot in each layer between,
//      so it runs past boxes, never through them;
//   3. within a layer, nodes are ordered by the barycentre of their
//      neighbours, sweeping left-right then right-left a few times;
//   4. y follows the predecessors where there is room, x is the layer.
// Every step is linear in nodes + links except the sort inside a layer.
#include "layout_network.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "criticality.hpp"
#include "labels.hpp"
#include "style.hpp"
#include "title_block.hpp"

namespace tiendo::render {

namespace {

using namespace style;

constexpr double kBoxW = 156;
constexpr double kCellsH = 38;  ///< the box's two rows of dates under its name
constexpr int kNameLines = 4;   ///< a name longer than this many lines ends in "…"
constexpr double kNameW = kBoxW - 8;
constexpr double kGapX = 56;
constexpr double kGapY = 16;
constexpr double kDummyH = 8;

struct Slot {
  bool dummy = false;
  NodeId node = 0;         ///< the step (real slots)
  std::uint32_t link = 0;  ///< the link it carries (dummy slots)
  int layer = 0;
  double order = 0;    ///< position key within the layer
  double y = 0;        ///< top of the box (or the dummy's line)
  double h = kDummyH;  ///< the box's height (or the dummy's)
  double height() const { return h; }
};

class NetworkLayout {
 public:
  NetworkLayout(const Analysis& a, const NetworkOptions& o, const TextMetrics& m, PageSize page)
      : a_(a), o_(o), m_(m), w_(labels::words(o.lang)), page_(page) {}

  DisplayList run() {
    choose_nodes();
    classify();
    size_boxes();
    assign_layers();
    add_dummies();
    order_layers();
    assign_coordinates();
    DisplayList list;
    list.title = chart_title(o_.title, a_.plan->info.title);
    list.creator = "tiendo";
    list.pages.push_back(draw());
    return list;
  }

 private:
  void choose_nodes() {
    const auto n = a_.graph->size();
    shown_.assign(n, true);
    if (o_.critical_only) {
      for (NodeId v = 0; v < n; ++v) shown_[v] = a_.schedule->steps[v].critical;
    }
    slot_of_.assign(n, -1);
  }

  /// Why each shown critical step is critical; which legend entries show.
  void classify() {
    const auto n = a_.graph->size();
    why_.assign(n, Criticality::none);
    for (NodeId v = 0; v < n; ++v) {
      if (!shown_[v]) continue;
      why_[v] = criticality(a_, v);
      used_[static_cast<std::size_t>(why_[v])] = true;
    }
    const auto& links = a_.graph->links;
    for (std::uint32_t i = 0; i < links.size(); ++i) {
      critical_links_ += shown_[links[i].pred] && shown_[links[i].succ] && link_critical(i);
    }
  }

  /// A link of the critical path: between critical steps, the one that set
  /// its successor's start.
  bool link_critical(std::uint32_t i) const {
    const auto& link = a_.graph->links[i];
    const auto& steps = a_.schedule->steps;
    return steps[link.pred].critical && steps[link.succ].critical &&
           steps[link.succ].driving_link == i;
  }

  /// Steps are named with their task's number, as the plan's table numbers tasks.
  std::string box_name(NodeId v) const {
    const auto task = a_.graph->nodes[v].task;
    const auto& step = a_.graph->step(*a_.plan, v);
    return a_.plan->tasks[task].steps.size() > 1 ? std::to_string(task + 1) + " · " + step.name
                                                 : std::to_string(task + 1) + ". " + step.name;
  }

  /// Every box is as tall as the longest name shown needs: the name wraps
  /// inside the box's head, on up to kNameLines lines.
  void size_boxes() {
    int lines = 2;
    for (NodeId v = 0; v < shown_.size(); ++v) {
      if (!shown_[v]) continue;
      lines = std::max(lines, std::min(kNameLines, wrapped_lines(m_, box_name(v), kBold, kNameW)));
    }
    name_lines_ = lines;
    head_h_ = std::ceil(lines * m_.line_height(kBold)) + 4;
    box_h_ = head_h_ + kCellsH;
  }

  void assign_layers() {
    const auto& g = *a_.graph;
    layer_.assign(g.size(), 0);
    for (const NodeId v : g.order) {
      for (auto i = g.in_begin[v]; i < g.in_begin[v + 1]; ++i) {
        const auto p = g.links[i].pred;
        if (shown_[p]) layer_[v] = std::max(layer_[v], layer_[p] + 1);
      }
    }
    for (NodeId v = 0; v < g.size(); ++v) {
      if (!shown_[v]) continue;
      slot_of_[v] = static_cast<int>(slots_.size());
      slots_.push_back({false, v, 0, layer_[v], static_cast<double>(v), 0, box_h_});
      layers_ = std::max(layers_, layer_[v] + 1);
    }
  }

  /// Links as chains of slots: pred, dummies..., succ.
  void add_dummies() {
    const auto& g = *a_.graph;
    for (std::uint32_t i = 0; i < g.links.size(); ++i) {
      const auto& link = g.links[i];
      if (!shown_[link.pred] || !shown_[link.succ]) continue;
      std::vector<int> chain{slot_of_[link.pred]};
      for (int l = layer_[link.pred] + 1; l < layer_[link.succ]; ++l) {
        chain.push_back(static_cast<int>(slots_.size()));
        slots_.push_back({true, 0, i, l, static_cast<double>(link.pred), 0, kDummyH});
      }
      chain.push_back(slot_of_[link.succ]);
      edges_.push_back({i, std::move(chain)});
    }
  }

  void order_layers() {
    by_layer_.assign(static_cast<std::size_t>(layers_), {});
    for (std::size_t s = 0; s < slots_.size(); ++s)
      by_layer_[slots_[s].layer].push_back(static_cast<int>(s));
    // Neighbours between adjacent layers.
    std::vector<std::vector<int>> left(slots_.size()), right(slots_.size());
    for (const auto& e : edges_) {
      for (std::size_t k = 0; k + 1 < e.chain.size(); ++k) {
        right[e.chain[k]].push_back(e.chain[k + 1]);
        left[e.chain[k + 1]].push_back(e.chain[k]);
      }
    }
    const auto renumber = [&](std::vector<int>& layer) {
      std::stable_sort(layer.begin(), layer.end(),
                       [&](int a, int b) { return slots_[a].order < slots_[b].order; });
      for (std::size_t i = 0; i < layer.size(); ++i)
        slots_[layer[i]].order = static_cast<double>(i);
    };
    for (auto& layer : by_layer_) renumber(layer);
    const auto sweep = [&](std::size_t l, const std::vector<std::vector<int>>& side) {
      auto& layer = by_layer_[l];
      for (const int s : layer) {
        const auto& nb = side[s];
        if (nb.empty()) continue;
        double sum = 0;
        for (const int t : nb) sum += slots_[t].order;
        // Keep a trace of the old position to break ties stably.
        slots_[s].order = sum / static_cast<double>(nb.size()) + slots_[s].order * 1e-6;
      }
      renumber(layer);
    };
    for (int round = 0; round < 4; ++round) {
      for (std::size_t l = 1; l < by_layer_.size(); ++l) sweep(l, left);
      for (std::size_t l = by_layer_.size(); l-- > 1;) sweep(l - 1, right);
    }
  }

  void assign_coordinates() {
    const Font title_font{kTitleSize, true, false};
    top_ = kMargin + m_.line_height(title_font) + 22;
    std::vector<std::vector<int>> left(slots_.size());
    for (const auto& e : edges_) {
      for (std::size_t k = 0; k + 1 < e.chain.size(); ++k)
        left[e.chain[k + 1]].push_back(e.chain[k]);
    }
    height_ = 0;
    for (const auto& layer : by_layer_) {
      double y = top_;
      for (const int s : layer) {
        auto& slot = slots_[s];
        // Line up with the predecessors' middle when there is room below.
        double want = y;
        if (!left[s].empty()) {
          double sum = 0;
          for (const int t : left[s]) sum += slots_[t].y + slots_[t].height() / 2;
          want = sum / static_cast<double>(left[s].size()) - slot.height() / 2;
        }
        slot.y = std::max(y, want);
        y = slot.y + slot.height() + kGapY;
      }
      height_ = std::max(height_, y);
    }
  }

  double column_x(int layer) const { return kMargin + layer * (kBoxW + kGapX); }

  // --- drawing ------------------------------------------------------------------------

  Page draw() {
    Page page;
    const double content_w = std::max(column_x(std::max(layers_, 1)) - kGapX + kMargin, 420.0);
    // The key wraps to the page's width.
    const int key_lines =
        std::max(1, wrapped_lines(m_, key_text(), kText, content_w - 2 * kMargin));
    const double key_h = key_lines * m_.line_height(kText) + 4;
    auto legend = legend_entries();
    const double legend_h = place_legend(legend, content_w - 2 * kMargin);
    const double content_h = height_ + 26 + legend_h + key_h + kMargin;
    page.width = content_w;
    page.height = content_h;
    ops_ = &page.ops;
    draw_title(content_w);
    for (const auto& e : edges_) draw_edge(e);
    for (const auto& slot : slots_) {
      if (!slot.dummy) draw_box(slot);
    }
    draw_legend(legend, content_h - kMargin - key_h - legend_h);
    ops_->push_back(TextOp{kMargin,
                           content_h - kMargin - key_h,
                           content_w - 2 * kMargin,
                           key_h,
                           key_text(),
                           kText,
                           kMutedInk,
                           Align::left,
                           key_lines,
                           {"key", {}}});
    if (page_ != PageSize::none) fit_to(page, page_);
    return page;
  }

  /// Scales the drawing down (never up) to fit a landscape page.
  static void fit_to(Page& page, PageSize size) {
    const Point target = size == PageSize::a3 ? Point{1190.55, 841.89} : Point{841.89, 595.28};
    const double k = std::min({1.0, target.x / page.width, target.y / page.height});
    transform(page.ops, k, {0, 0});
    page.width = target.x;
    page.height = target.y;
  }

  void draw_title(double width) {
    const bool en = o_.lang == Lang::en;
    std::string sub = a_.plan->info.id + " · " +
                      (en ? "Critical-path network (activity on node)"
                          : "Sơ đồ mạng đường găng (công việc trên nút)");
    const double title_h = m_.line_height(Font{kTitleSize, true, false});
    add_title_block(*ops_, {chart_title(o_.title, a_.plan->info.title), sub, kMargin, kMargin,
                            width - 2 * kMargin, title_h, 1});
  }

  std::string short_date(Date d) const {
    const auto& s = *a_.schedule;
    const bool one_year =
        date::year_month_day{s.start}.year() == date::year_month_day{s.finish}.year();
    const date::year_month_day ymd{d};
    char buffer[16];
    if (one_year) {
      std::snprintf(buffer, sizeof buffer, "%02u/%02u", static_cast<unsigned>(ymd.day()),
                    static_cast<unsigned>(ymd.month()));
    } else {
      std::snprintf(buffer, sizeof buffer, "%02u/%02u/%02d", static_cast<unsigned>(ymd.day()),
                    static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()) % 100);
    }
    return buffer;
  }

  void draw_box(const Slot& slot) {
    const auto& s = a_.schedule->steps[slot.node];
    const auto& step = a_.graph->step(*a_.plan, slot.node);
    const double x = column_x(slot.layer), y = slot.y;
    const bool crit = s.critical;
    const auto why = why_[slot.node];
    const Color head = head_fill(step.kind, why);
    const Color head_ink = why == Criticality::logic ? from_hex(0xFFFFFF) : kInk;
    const Stroke border = box_border(why);
    ops_->push_back(
        RectOp{x, y, kBoxW, box_h_, from_hex(0xFFFFFF), std::nullopt, 3, {"box", step.id}});
    ops_->push_back(RectOp{x, y, kBoxW, head_h_, head, std::nullopt, 3, {"box-head", step.id}});
    const auto task = a_.graph->nodes[slot.node].task;
    ops_->push_back(TextOp{x + 4,
                           y + 2,
                           kNameW,
                           head_h_ - 4,
                           box_name(slot.node),
                           kBold,
                           head_ink,
                           Align::left,
                           name_lines_,
                           {"box-name", step.id}});
    const double cell_w = kBoxW / 3, row_h = kCellsH / 2;
    const std::string dur = step.duration.elapsed() ? std::to_string(step.duration.value) + "cd"
                                                    : std::to_string(s.duration) + "d";
    const std::string cells[2][3] = {
        {short_date(s.early_start), dur, short_date(s.early_finish)},
        {short_date(s.late_start), std::to_string(s.total_float), short_date(s.late_finish)}};
    for (int r = 0; r < 2; ++r) {
      for (int c = 0; c < 3; ++c) {
        const double cx = x + c * cell_w, cy = y + head_h_ + r * row_h;
        const bool float_cell = r == 1 && c == 1;
        const Color ink = float_cell && s.total_float < 0 ? kAlarm : kInk;
        ops_->push_back(TextOp{cx,
                               cy,
                               cell_w,
                               row_h,
                               cells[r][c],
                               float_cell ? kBold : kText,
                               ink,
                               Align::center,
                               1,
                               {"box-cell", step.id}});
      }
    }
    // Cell rules, then the border on top.
    ops_->push_back(PathOp{{{x, y + head_h_}, {x + kBoxW, y + head_h_}},
                           solid(from_hex(0xB0B0B0), 0.5),
                           false,
                           false,
                           {"box-rule", {}}});
    ops_->push_back(PathOp{{{x, y + head_h_ + row_h}, {x + kBoxW, y + head_h_ + row_h}},
                           solid(from_hex(0xD0D0D0), 0.5),
                           false,
                           false,
                           {"box-rule", {}}});
    for (int c = 1; c < 3; ++c) {
      ops_->push_back(PathOp{{{x + c * cell_w, y + head_h_}, {x + c * cell_w, y + box_h_}},
                             solid(from_hex(0xD0D0D0), 0.5),
                             false,
                             false,
                             {"box-rule", {}}});
    }
    auto meaning =
        Meaning::of_step(step.id, a_.plan->tasks[task].id, std::string(to_string(step.kind)), crit);
    if (why != Criticality::none)
      meaning.critical_by = why == Criticality::logic ? "logic" : "pinned";
    ops_->push_back(
        RectOp{x, y, kBoxW, box_h_, std::nullopt, border, 3, {"box-border", step.id, meaning}});
  }

  struct Edge {
    std::uint32_t link;
    std::vector<int> chain;
  };

  void draw_edge(const Edge& e) {
    const auto& g = *a_.graph;
    const auto& link = g.links[e.link];
    const bool critical = link_critical(e.link);
    const auto mid = [&](int s) { return slots_[s].y + slots_[s].height() / 2; };
    // Each link bends in the gap after its source column, shifted a little
    // per link so parallel vertical runs stay apart.
    const double shift = (static_cast<double>(e.link % 7) - 3) * 3;
    std::vector<Point> pts;
    const auto& first = slots_[e.chain.front()];
    pts.push_back({column_x(first.layer) + kBoxW, mid(e.chain.front())});
    for (std::size_t k = 1; k < e.chain.size(); ++k) {
      const auto& prev = slots_[e.chain[k - 1]];
      const auto& cur = slots_[e.chain[k]];
      const double gap_x = column_x(prev.layer) + kBoxW + kGapX / 2 + shift;
      const double y_prev = pts.back().y;
      const double y_cur = mid(e.chain[k]);
      pts.push_back({gap_x, y_prev});
      pts.push_back({gap_x, y_cur});
      if (cur.dummy) {
        pts.push_back({column_x(cur.layer) + kBoxW, y_cur});
      } else {
        pts.push_back({column_x(cur.layer), y_cur});
      }
    }
    // Drop points that do not bend.
    std::vector<Point> clean;
    for (const auto& p : pts) {
      if (!clean.empty() && std::abs(clean.back().x - p.x) < 0.01 &&
          std::abs(clean.back().y - p.y) < 0.01)
        continue;
      clean.push_back(p);
    }
    std::string label;
    if (link.type != LinkType::FS || link.lag != 0) {
      label = to_string(link.type);
      if (link.lag > 0) label += '+';
      if (link.lag != 0) label += std::to_string(link.lag) + "d";
    }
    const auto& pred = g.step(*a_.plan, link.pred).id;
    const auto& succ = g.step(*a_.plan, link.succ).id;
    ops_->push_back(
        PathOp{clean,
               critical ? solid(kCritical, 1.6) : solid(kLink, 0.7),
               true,
               true,
               {critical ? "link-critical" : "link", pred + ">" + succ,
                Meaning::of_link(pred, succ, std::string(to_string(link.type)), critical)}});
    if (!label.empty() && clean.size() >= 2) {
      const auto& end = clean.back();
      ops_->push_back(TextOp{end.x - 40,
                             end.y - 11,
                             34,
                             10,
                             label,
                             Font{kTextSize, false, true},
                             kMutedInk,
                             Align::right,
                             1,
                             {"link-label", label}});
    }
  }

  /// The key explaining the boxes' fields, bottom left.
  std::string key_text() const {
    return o_.lang == Lang::en ? "Box: name · early start | duration | early finish · late start "
                                 "| total float | late finish (working days)."
                               : "Ô: tên · bắt đầu sớm | thời gian | kết thúc sớm · bắt đầu muộn "
                                 "| dự trữ | kết thúc muộn (ngày làm việc).";
  }

  // --- the three kinds of box, and their legend ---------------------------------------
  // Critical by logic: a dark head and a thick border. Pinned: a light head
  // and a thick dashed border (the distinction survives greyscale). Float
  // left: a light head and a thin grey border.

  static Color head_fill(StepKind kind, Criticality why) {
    return why == Criticality::logic ? shade(kind_color(kind), 0.35) : tint(kind_color(kind), 0.6);
  }

  static Stroke box_border(Criticality why) {
    switch (why) {
      case Criticality::logic:
        return solid(kCritical, 2.0);
      case Criticality::pinned:
        return dashed(kCritical, 2.0, {5, 2.5});
      case Criticality::none:
        break;
    }
    return solid(from_hex(0x9A9A9A), 0.8);
  }

  struct LegendEntry {
    enum class Swatch { box, link } swatch;
    Criticality why;
    std::string label;
    double x = 0, y = 0;  ///< the swatch's top left, from the legend's top
  };

  static constexpr double kSwatchW = 26, kSwatchH = 13, kLegendGap = 14;

  std::vector<LegendEntry> legend_entries() const {
    const bool en = o_.lang == Lang::en;
    std::vector<LegendEntry> out;
    const auto used = [&](Criticality c) { return used_[static_cast<std::size_t>(c)]; };
    if (used(Criticality::logic)) {
      out.push_back({LegendEntry::Swatch::box, Criticality::logic,
                     en ? "Critical by logic: a chain of links with no float left"
                        : "Găng theo logic: chuỗi liên kết không còn dự trữ"});
    }
    if (used(Criticality::pinned)) {
      out.push_back({LegendEntry::Swatch::box, Criticality::pinned,
                     en ? "Pinned to a date or a meeting: no float because of its own date"
                        : "Cố định theo ngày hoặc kỳ họp: dự trữ 0 do chính ngày đó"});
    }
    if (used(Criticality::none)) {
      out.push_back({LegendEntry::Swatch::box, Criticality::none, en ? "Has float" : "Còn dự trữ"});
    }
    if (critical_links_ > 0) {
      out.push_back(
          {LegendEntry::Swatch::link, Criticality::logic, en ? "Critical link" : "Liên kết găng"});
    }
    return out;
  }

  /// Places the entries in lines across `width`; returns their height.
  double place_legend(std::vector<LegendEntry>& entries, double width) const {
    const double line_h = std::max(kSwatchH, m_.line_height(kText)) + 5;
    double x = 0, y = 0;
    for (auto& e : entries) {
      const double w = kSwatchW + 5 + m_.width(e.label, kText);
      if (x > 0 && x + w > width) {
        x = 0;
        y += line_h;
      }
      e.x = x;
      e.y = y;
      x += w + kLegendGap;
    }
    return entries.empty() ? 0 : y + line_h + 4;
  }

  void draw_legend(const std::vector<LegendEntry>& entries, double top) {
    for (const auto& e : entries) {
      const double x = kMargin + e.x, y = top + e.y;
      if (e.swatch == LegendEntry::Swatch::link) {
        ops_->push_back(PathOp{{{x, y + kSwatchH / 2}, {x + kSwatchW, y + kSwatchH / 2}},
                               solid(kCritical, 1.6),
                               true,
                               false,
                               {"legend", "critical-link"}});
      } else {
        const auto kind = StepKind::other;  // a neutral swatch: kinds have their colours
        ops_->push_back(
            RectOp{x, y, kSwatchW, kSwatchH, from_hex(0xFFFFFF), std::nullopt, 2, {"legend", {}}});
        ops_->push_back(RectOp{x,
                               y,
                               kSwatchW,
                               kSwatchH * 0.45,
                               head_fill(kind, e.why),
                               std::nullopt,
                               2,
                               {"legend", {}}});
        ops_->push_back(RectOp{x,
                               y,
                               kSwatchW,
                               kSwatchH,
                               std::nullopt,
                               box_border(e.why),
                               2,
                               {"legend-box", e.why == Criticality::logic    ? "logic"
                                              : e.why == Criticality::pinned ? "pinned"
                                                                             : "float"}});
      }
      ops_->push_back(TextOp{x + kSwatchW + 5,
                             y,
                             m_.width(e.label, kText) + 2,
                             kSwatchH,
                             e.label,
                             kText,
                             kInk,
                             Align::left,
                             1,
                             {"legend", {}}});
    }
  }

  const Analysis& a_;
  const NetworkOptions& o_;
  const TextMetrics& m_;
  const labels::Words& w_;
  PageSize page_;
  std::vector<bool> shown_;
  std::vector<Criticality> why_;          ///< per step: why it is critical, if it is
  bool used_[3] = {false, false, false};  ///< which kinds of box are drawn
  int critical_links_ = 0;                ///< dark arrows drawn
  std::vector<int> layer_;
  std::vector<int> slot_of_;
  std::vector<Slot> slots_;
  std::vector<Edge> edges_;
  std::vector<std::vector<int>> by_layer_;
  int layers_ = 0;
  int name_lines_ = 2;
  double head_h_ = 0, box_h_ = 0;
  double top_ = 0, height_ = 0;
  std::vector<Op>* ops_ = nullptr;
};

}  // namespace

DisplayList layout_network(const Analysis& analysis, const NetworkOptions& options,
                           const TextMetrics& metrics, PageSize page) {
  return NetworkLayout(analysis, options, metrics, page).run();
}

}  // namespace tiendo::render
