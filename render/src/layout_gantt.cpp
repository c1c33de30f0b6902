// The Gantt chart's layout: rows and table on the left, the time axis and the
// bars on the right, markers (meetings, events, status) as full-height lines
// labelled above the axis, legend and page footer below. This file decides
// the sizes of the header and footer, cuts the rows into pages and draws each
// page back to front: shading and grid, marker lines, float, arrows, bars,
// marks, text. The parts are in gantt_*.cpp (see gantt_chart.hpp).
#include "layout_gantt.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "gantt_chart.hpp"
#include "title_block.hpp"

#include <tiendo/report.hpp>

namespace tiendo::render {

namespace {

using namespace style;
using namespace gantt;

class GanttLayout {
 public:
  GanttLayout(const Analysis& a, const GanttOptions& o, const TextMetrics& m, Point sheet,
              bool inset)
      : c_(a, o, m, sheet, inset) {}

  DisplayList run() {
    plan();
    return draw();
  }

  /// Everything but drawing: rows, dates, columns, axis, markers, sizes, pages.
  void plan() {
    c_.rows = c_.o.fit == Fit::slide ? slide_rows(c_.a, c_.o) : gantt_rows(c_.a, c_.o);
    if (c_.inset) keep_active_rows();
    index_findings();
    index_baseline();
    choose_range(c_);
    choose_columns(c_);
    measure_rows(c_);
    choose_axis(c_);
    place_markers(c_);
    choose_links(c_);
    measure_header();
    paginate();
  }

  DisplayList draw() const {
    DisplayList list;
    list.title = title();
    list.creator = "tiendo";
    for (std::size_t p = 0; p < c_.pages.size(); ++p) list.pages.push_back(draw_page(p));
    return list;
  }

  /// The rows laid out, and those on the first page.
  std::size_t rows() const { return c_.rows.size(); }
  std::size_t pages() const { return c_.pages.size(); }
  /// How many tasks (and a slide's first block) are cut across pages.
  std::size_t blocks_cut() const {
    std::size_t n = 0;
    for (std::size_t p = 0; p + 1 < c_.pages.size(); ++p) {
      const auto end = c_.pages[p].second;
      n += end > 0 && end < c_.rows.size() && c_.rows[end].block == c_.rows[end - 1].block;
    }
    return n;
  }
  std::size_t first_page_rows() const { return c_.pages.front().second; }

 private:
  /// An inset shows what goes on between its dates: the steps whose bar
  /// reaches into them, their tasks' summaries and their groups' headings.
  void keep_active_rows() {
    const auto& sched = *c_.a.schedule;
    const Date from = c_.o.from.value_or(sched.start), to = c_.o.to.value_or(sched.finish);
    const auto active = [&](NodeId v) {
      return sched.steps[v].finish >= from && sched.steps[v].start <= to;
    };
    std::set<std::size_t> blocks;  // the tasks (blocks) with a step shown
    for (const auto& row : c_.rows) {
      if (row.node && active(*row.node)) blocks.insert(row.block);
    }
    std::vector<GanttRow> kept;
    for (auto& row : c_.rows) {
      const bool keep = row.kind == GanttRow::Kind::group
                            ? std::any_of(row.group_tasks.begin(), row.group_tasks.end(),
                                          [&](std::uint32_t t) { return blocks.count(t) > 0; })
                            : (row.node ? active(*row.node) : blocks.count(row.block) > 0);
      if (keep) kept.push_back(std::move(row));
    }
    c_.rows = std::move(kept);
  }

  void index_baseline() {
    if (!c_.o.baseline) return;
    c_.row_h = kRowHeight + kBaselineLane;
    for (const auto& b : c_.o.baseline->steps) c_.baseline_steps.emplace(b.id, &b);
    for (const auto& b : c_.o.baseline->tasks) c_.baseline_tasks.emplace(b.id, &b);
  }

  void index_findings() {
    for (std::size_t i = 0; i < c_.a.findings.size(); ++i) {
      const auto& f = c_.a.findings[i];
      if (!f.steps.empty()) c_.findings_by_step[f.steps.front()].push_back(static_cast<int>(i + 1));
    }
  }

  std::string title() const { return chart_title(c_.o.title, c_.a.plan->info.title); }

  // --- vertical layout and pages -------------------------------------------------

  void measure_header() {
    const double avail = c_.page_w - 2 * kMargin;
    const Font title_font{kTitleSize, true, false};
    c_.title_lines = c_.m.width(title(), title_font) > avail ? 2 : 1;
    c_.title_h = c_.title_lines * c_.m.line_height(title_font);
    c_.axis_h = (c_.axis.weekday_cells.empty() ? 2 : 3) * kTierHeight;
    c_.legend = legend_items(c_);
    c_.legend_h = legend_height(c_, avail);
    if (c_.inset) {
      // The page around it has the title and the footer.
      c_.header_h = 4 + c_.lanes * kLaneHeight + c_.axis_h;
      c_.footer_h = 8 + c_.legend_h + 4;
      return;
    }
    c_.header_h = kMargin + c_.title_h + 16 + 6 + c_.lanes * kLaneHeight + c_.axis_h;
    c_.footer_h = 8 + c_.legend_h + 16 + kMargin;
  }

  /// The rows [begin, end) of each page when a page's rows may be `cap`
  /// points tall: as many as fit, a task's rows kept together when the task
  /// fits on a page.
  std::vector<std::pair<std::size_t, std::size_t>> cut(double cap) const {
    const auto& rows = c_.rows;
    std::vector<std::pair<std::size_t, std::size_t>> pages;
    std::size_t begin = 0;
    while (begin < rows.size()) {
      std::size_t end = begin;
      double h = 0;
      while (end < rows.size() && (end == begin || h + c_.heights[end] <= cap + 1e-6)) {
        h += c_.heights[end++];
      }
      if (end < rows.size() && rows[end].block == rows[end - 1].block) {
        std::size_t cut = end;
        while (cut > begin && rows[cut - 1].block == rows[end].block) --cut;
        if (cut > begin) end = cut;
      }
      pages.push_back({begin, end});
      begin = end;
    }
    return pages;
  }

  void paginate() {
    const auto& rows = c_.rows;
    double total = 0;
    for (const double h : c_.heights) total += h;
    if (!c_.fixed_page()) {
      c_.pages.push_back({0, rows.size()});
      c_.page_h = c_.header_h + total + c_.footer_h;
      return;
    }
    c_.page_h = c_.sheet.y;
    const double avail = c_.page_h - c_.header_h - c_.footer_h;
    c_.pages = cut(avail);
    if (c_.pages.size() > 1 && !c_.inset) {
      // The rows shared out evenly over as many pages: the least height a
      // page may take that still needs no more of them, so the last page is
      // not left a row or two; never less than a task that fits on a page
      // needs, so it stays whole.
      double lo = 0, hi = avail, block = 0;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        block = r > 0 && rows[r].block == rows[r - 1].block ? block + c_.heights[r] : c_.heights[r];
        if (block <= avail) lo = std::max(lo, block);
      }
      for (int i = 0; i < 30; ++i) {
        const double mid = (lo + hi) / 2;
        (cut(mid).size() <= c_.pages.size() ? hi : lo) = mid;
      }
      if (auto even = cut(hi); even.size() == c_.pages.size()) c_.pages = std::move(even);
    }
    if (c_.pages.empty()) c_.pages.push_back({0, 0});
    // An inset is as tall as its first page's rows.
    if (c_.inset) {
      double shown = 0;
      for (std::size_t r = c_.pages.front().first; r < c_.pages.front().second; ++r) {
        shown += c_.heights[r];
      }
      c_.page_h = c_.header_h + shown + c_.footer_h;
    }
  }

  // --- one page ----------------------------------------------------------------------

  Page draw_page(std::size_t n) const {
    Page page;
    page.width = c_.page_w;
    page.height = c_.page_h;
    GanttPage p(page.ops, c_.lane);
    std::tie(p.begin, p.end) = c_.pages[n];
    p.tops.push_back(0);
    for (std::size_t r = p.begin; r < p.end; ++r) p.tops.push_back(p.tops.back() + c_.heights[r]);
    p.rows_top = c_.header_h;
    p.rows_bottom = p.rows_top + p.tops.back();
    p.axis_top = p.rows_top - c_.axis_h;
    p.lane_top = p.axis_top - c_.lanes * kLaneHeight;
    for (std::size_t r = p.begin; r < p.end; ++r) {
      if (c_.rows[r].node) p.row_of[*c_.rows[r].node] = r - p.begin;
      p.row_spans.push_back(bar_span(c_, p, c_.rows[r], r - p.begin));
    }

    draw_shading(c_, p);
    draw_grid(c_, p);
    draw_marker_lines(c_, p);
    for (std::size_t r = p.begin; r < p.end; ++r) draw_float(c_, p, c_.rows[r], r - p.begin);
    draw_links(c_, p);
    for (std::size_t r = p.begin; r < p.end; ++r) draw_baseline(c_, p, c_.rows[r], r - p.begin);
    for (std::size_t r = p.begin; r < p.end; ++r) draw_bars(c_, p, c_.rows[r], r - p.begin);
    for (std::size_t r = p.begin; r < p.end; ++r) draw_deadlines(c_, p, c_.rows[r], r - p.begin);
    for (std::size_t r = p.begin; r < p.end; ++r) draw_conflicts(c_, p, c_.rows[r], r - p.begin);
    draw_table(c_, p);
    draw_axis(c_, p);
    draw_marker_labels(c_, p);
    draw_legend(c_, p);
    if (!c_.inset) {
      draw_title(p);
      draw_footer(p, n);
    }
    return page;
  }

  void draw_title(GanttPage& p) const {
    const auto& info = c_.a.plan->info;
    std::string sub = info.id;
    if (!info.issuer.empty()) sub += " · " + info.issuer;
    if (c_.status) {
      sub += " · " + std::string(c_.w.status) + ": " + format_date(*c_.status, c_.o.lang);
    } else if (info.issued) {
      sub += " · " + std::string(c_.w.created) + " " + format_date(*info.issued, c_.o.lang);
    }
    // A chart printed for the committee says what its verdict rests on when
    // tiendo guessed values or could not read some of the planner's words.
    if (const auto v = verdict_of(*c_.a.plan, c_.a.findings); !v.clean()) {
      sub += " · " + verdict_text(v, c_.o.lang);
    }
    add_title_block(p.ops,
                    {title(), sub, kMargin, kMargin, c_.page_w - 2 * kMargin, c_.title_h, 2});
  }

  void draw_footer(GanttPage& p, std::size_t n) const {
    const double y = c_.page_h - kMargin - 12;
    const auto page_text = std::string(c_.w.page) + " " + std::to_string(n + 1) + "/" +
                           std::to_string(c_.pages.size());
    p.ops.push_back(TextOp{kMargin,
                           y,
                           c_.page_w - 2 * kMargin,
                           12,
                           page_text,
                           kText,
                           kMutedInk,
                           Align::right,
                           1,
                           {"page-number", std::to_string(n + 1)}});
    p.ops.push_back(TextOp{kMargin,
                           y,
                           (c_.page_w - 2 * kMargin) / 2,
                           12,
                           c_.a.plan->info.id + " · tiendo",
                           kText,
                           kMutedInk,
                           Align::left,
                           1,
                           {"footer", {}}});
  }

  GanttChart c_;
};

}  // namespace

Point page_size(PageSize page) {
  switch (page) {
    case PageSize::a3:
      return {1190.55, 841.89};
    case PageSize::a4:
      return {841.89, 595.28};
    case PageSize::none:
      break;
  }
  return {0, 0};
}

namespace {

/// A fitted chart (Fit::page, Fit::slide): laid out on a sheet 1/k the
/// page's size, then scaled by k onto it, so its 8 pt text is printed at
/// 8k pt. k runs from the largest text allowed down to the least; the
/// fewest pages any k gives is taken, at the largest text that gives them
/// cutting the fewest tasks (and a slide's critical path and decisions)
/// across pages.
DisplayList layout_fitted(const Analysis& analysis, const GanttOptions& options,
                          const TextMetrics& metrics, PageSize page) {
  const bool slide = options.fit == Fit::slide;
  GanttOptions o = options;
  if (slide) {
    // A projector shows the steps and their dates, not who does them; the
    // critical path's arrows, not every one.
    o.columns = {Column::number, Column::name};
    o.group_by = GroupBy::task;
    if (o.links == Links::automatic) o.links = Links::critical;
  }
  const Point sheet = slide ? Point{kSlideWidth, kSlideHeight}
                            : page_size(page == PageSize::none ? PageSize::a4 : page);
  const double most = (slide ? kSlideText : style::kTextSize) / style::kTextSize;
  const double least = (slide ? kSlideMinText : kMinPrintedText) / style::kTextSize;
  const auto laid_out = [&](double k) {
    GanttLayout layout(analysis, o, metrics, {sheet.x / k, sheet.y / k}, false);
    layout.plan();
    return layout;
  };
  const auto fewest = laid_out(least).pages();
  constexpr int kTries = 8;
  double k = least;
  std::size_t least_cut = SIZE_MAX;
  for (int i = 0; i <= kTries; ++i) {
    const double t = most - (most - least) * i / kTries;
    const auto layout = laid_out(t);
    if (layout.pages() <= fewest && layout.blocks_cut() < least_cut) {
      k = t;
      least_cut = layout.blocks_cut();
    }
  }
  auto list = laid_out(k).draw();
  for (auto& p : list.pages) {
    transform(p.ops, k, {0, 0});
    p.width = sheet.x;
    p.height = sheet.y;
  }
  return list;
}

}  // namespace

DisplayList layout_gantt(const Analysis& analysis, const GanttOptions& options,
                         const TextMetrics& metrics, PageSize page) {
  if (options.fit != Fit::none) return layout_fitted(analysis, options, metrics, page);
  return GanttLayout(analysis, options, metrics, page_size(page), false).run();
}

GanttInset layout_gantt_inset(const Analysis& analysis, const GanttOptions& options,
                              const TextMetrics& metrics, Point size) {
  GanttLayout layout(analysis, options, metrics, size, true);
  auto list = layout.run();
  return {std::move(list.pages.front()), layout.first_page_rows(),
          layout.rows() - layout.first_page_rows()};
}

}  // namespace tiendo::render
