// The Gantt chart's layout: rows and table on the left, the time axis and the
// bars on the right, markers (meetings, events, status) as full-height lines
// labelled above the axis, legend and page footer below. Drawing order is
// back to front: shading and grid, marker lines, float, arrows, bars, marks,
// text.
#include "layout_gantt.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gantt_rows.hpp"
#include "labels.hpp"
#include "style.hpp"
#include "time_axis.hpp"
#include "title_block.hpp"

namespace tiendo::render {

namespace {

using namespace style;

struct ColumnSpec {
  Column column;
  double width;
  std::string header;
};

/// A label above the axis for a vertical marker line.
struct Marker {
  enum class Kind { meeting, event, status } kind;
  Date day{};
  double x = 0;  ///< the line's x
  std::string label;
  std::string id;
  double label_x = 0, label_w = 0;
  int level = 0;
};

struct BarGeometry {
  double x1 = 0, x2 = 0, y = 0;  ///< y: the bar's middle
  bool round = false;            ///< drawn as a circle (an approval at a meeting)
  bool diamond = false;          ///< a milestone
  bool visible = false;
};

class GanttLayout {
 public:
  GanttLayout(const Analysis& a, const GanttOptions& o, const TextMetrics& m, PageSize page)
      : a_(a), o_(o), m_(m), w_(labels::words(o.lang)), page_(page) {}

  DisplayList run() {
    rows_ = gantt_rows(a_, o_);
    index_findings();
    choose_range();
    choose_columns();
    choose_axis();
    place_markers();
    measure_header();
    paginate();
    DisplayList list;
    list.title = title();
    list.creator = "tiendo";
    for (std::size_t p = 0; p < pages_.size(); ++p) list.pages.push_back(draw_page(p));
    return list;
  }

 private:
  // --- what is shown ---------------------------------------------------------

  void index_findings() {
    for (std::size_t i = 0; i < a_.findings.size(); ++i) {
      const auto& f = a_.findings[i];
      if (!f.steps.empty()) findings_by_step_[f.steps.front()].push_back(static_cast<int>(i + 1));
    }
  }

  std::string title() const { return chart_title(o_.title, a_.plan->info.title); }

  void choose_range() {
    const auto& sched = *a_.schedule;
    Date lo = sched.finish, hi = sched.start;
    bool any = false;
    for (const auto& row : rows_) {
      if (!row.node) continue;
      const auto& s = sched.steps[*row.node];
      lo = std::min(lo, s.start);
      hi = std::max({hi, s.finish, s.late_finish});
      any = true;
    }
    if (!any) lo = hi = sched.start;
    for (const auto& e : a_.plan->events) {
      if (e.date >= lo - date::days{31} && e.date <= hi + date::days{31}) {
        lo = std::min(lo, e.date);
        hi = std::max(hi, e.date);
      }
    }
    if (o_.status_date) {
      lo = std::min(lo, *o_.status_date);
      hi = std::max(hi, *o_.status_date);
    }
    // A little room either side; a month's first or last week is taken
    // whole so the axis starts and ends on a month boundary.
    const date::year_month_day f{lo}, t{hi};
    const Date month_first{f.year() / f.month() / 1};
    const Date month_last{t.year() / t.month() / date::last};
    from_ = o_.from.value_or((lo - month_first).count() < 7 ? month_first : lo - date::days{2});
    to_ = o_.to.value_or((month_last - hi).count() < 7 ? month_last : hi + date::days{3});
    if (to_ < from_) std::swap(from_, to_);
  }

  void choose_columns() {
    for (const auto c : o_.columns) {
      switch (c) {
        case Column::number:
          columns_.push_back({c, 26, w_.number});
          break;
        case Column::name:
          columns_.push_back({c, 210, w_.name});
          break;
        case Column::owner:
          columns_.push_back({c, 92, w_.owner});
          break;
        case Column::lead:
          columns_.push_back({c, 112, w_.lead});
          break;
      }
    }
    table_w_ = 0;
    for (const auto& c : columns_) table_w_ += c.width;
    if (page_ != PageSize::none) {
      // Leave the timeline at least 45% of an A4 page: narrow the name first.
      const double max_table = (page_size(page_).x - 2 * kMargin) * 0.55;
      for (auto& c : columns_) {
        if (table_w_ <= max_table) break;
        const double cut = std::min(table_w_ - max_table, c.column == Column::name ? 70.0 : 25.0);
        if (c.column != Column::number) {
          c.width -= cut;
          table_w_ -= cut;
        }
      }
    }
  }

  void choose_axis() {
    const int days = static_cast<int>((to_ - from_).count()) + 1;
    const double x0 = kMargin + table_w_;
    double day_w = natural_day_width(o_.scale, days);
    if (page_ != PageSize::none) day_w = (page_size(page_).x - kMargin - x0) / days;
    axis_ = make_axis(from_, to_, x0, day_w, o_.scale, o_.lang, m_);
    page_w_ = page_ == PageSize::none ? x0 + axis_.width() + kMargin : page_size(page_).x;
  }

  // --- markers above the axis ----------------------------------------------------

  void place_markers() {
    const auto inside = [&](Date d) { return d >= from_ && d <= to_; };
    const auto centre = [&](Date d) { return axis_.x(d) + axis_.day_width / 2; };
    for (const auto& c : a_.plan->committees) {
      for (const Date m : c.meetings) {
        if (!inside(m)) continue;
        markers_.push_back({Marker::Kind::meeting, m, centre(m),
                            std::string(w_.meeting) + " " + c.id + " " + labels::day_month(m),
                            c.id});
      }
    }
    for (const auto& e : a_.plan->events) {
      if (inside(e.date)) {
        markers_.push_back({Marker::Kind::event, e.date, centre(e.date), e.name, e.id});
      }
    }
    if (o_.status_date && inside(*o_.status_date)) {
      markers_.push_back({Marker::Kind::status,
                          *o_.status_date,
                          axis_.x(*o_.status_date + date::days{1}),
                          std::string(w_.status) + " " + labels::day_month(*o_.status_date),
                          {}});
    }
    std::stable_sort(markers_.begin(), markers_.end(),
                     [](const Marker& a, const Marker& b) { return a.x < b.x; });
    // Greedy levels: a label takes the lowest level where it clears the
    // label before it by 4 pt; labels stay inside the timeline.
    const double left = axis_.x0, right = axis_.x0 + axis_.width();
    std::vector<double> level_end;
    for (auto& mk : markers_) {
      const auto& font = mk.kind == Marker::Kind::event ? kBold : kText;
      mk.label_w = std::min(m_.width(mk.label, font) + 2, 170.0);
      mk.label_x = std::clamp(mk.x - mk.label_w / 2, left, std::max(left, right - mk.label_w));
      std::size_t level = 0;
      while (level < level_end.size() && level_end[level] + 4 > mk.label_x) ++level;
      if (level == level_end.size()) {
        if (level_end.size() < 4) {
          level_end.push_back(0);
        } else {
          level = static_cast<std::size_t>(std::min_element(level_end.begin(), level_end.end()) -
                                           level_end.begin());
        }
      }
      mk.level = static_cast<int>(level);
      level_end[level] = mk.label_x + mk.label_w;
    }
    lanes_ = static_cast<int>(level_end.size());
  }

  // --- vertical layout and pages -------------------------------------------------

  void measure_header() {
    const double avail = page_w_ - 2 * kMargin;
    const Font title_font{kTitleSize, true, false};
    title_lines_ = m_.width(title(), title_font) > avail ? 2 : 1;
    title_h_ = title_lines_ * m_.line_height(title_font);
    axis_h_ = (axis_.weekday_cells.empty() ? 2 : 3) * kTierHeight;
    header_h_ = kMargin + title_h_ + 16 + 6 + lanes_ * kLaneHeight + axis_h_;
    legend_ = legend_items();
    legend_h_ = legend_height(avail);
    footer_h_ = 8 + legend_h_ + 16 + kMargin;
  }

  void paginate() {
    if (page_ == PageSize::none) {
      pages_.push_back({0, rows_.size()});
      page_h_ = header_h_ + static_cast<double>(rows_.size()) * kRowHeight + footer_h_;
      return;
    }
    page_h_ = page_size(page_).y;
    const auto per_page = static_cast<std::size_t>(
        std::max(1.0, std::floor((page_h_ - header_h_ - footer_h_) / kRowHeight)));
    std::size_t begin = 0;
    while (begin < rows_.size()) {
      std::size_t end = std::min(rows_.size(), begin + per_page);
      // Keep a task's rows together when the task fits on a page.
      if (end < rows_.size() && rows_[end].block == rows_[end - 1].block) {
        std::size_t cut = end;
        while (cut > begin && rows_[cut - 1].block == rows_[end].block) --cut;
        if (cut > begin) end = cut;
      }
      pages_.push_back({begin, end});
      begin = end;
    }
    if (pages_.empty()) pages_.push_back({0, 0});
  }

  // --- one page ----------------------------------------------------------------------

  Page draw_page(std::size_t p) {
    Page page;
    page.width = page_w_;
    page.height = page_h_;
    ops_ = &page.ops;
    const auto [begin, end] = pages_[p];
    rows_top_ = header_h_;
    rows_bottom_ = rows_top_ + static_cast<double>(end - begin) * kRowHeight;
    axis_top_ = rows_top_ - axis_h_;
    lane_top_ = axis_top_ - lanes_ * kLaneHeight;
    row_of_.clear();
    row_spans_.clear();
    for (std::size_t r = begin; r < end; ++r) {
      if (rows_[r].node) row_of_[*rows_[r].node] = r - begin;
      row_spans_.push_back(bar_span(rows_[r], r - begin));
    }

    draw_shading();
    draw_grid(begin, end);
    draw_marker_lines();
    for (std::size_t r = begin; r < end; ++r) draw_float(rows_[r], r - begin);
    if (o_.links) draw_links();
    for (std::size_t r = begin; r < end; ++r) draw_bars(rows_[r], r - begin);
    for (std::size_t r = begin; r < end; ++r) draw_deadlines(rows_[r], r - begin);
    for (std::size_t r = begin; r < end; ++r) draw_conflicts(rows_[r], r - begin);
    draw_table(begin, end);
    draw_axis();
    draw_marker_labels();
    draw_title(p);
    draw_legend();
    draw_footer(p);
    return page;
  }

  double row_y(std::size_t r) const { return rows_top_ + static_cast<double>(r) * kRowHeight; }
  double timeline_right() const { return axis_.x0 + axis_.width(); }

  void draw_shading() {
    // Days off as columns behind everything; runs of days merged into one
    // rectangle. Weekends only when a day is wide enough to see.
    const auto& cal = a_.schedule->calendar;
    const bool weekends = axis_.day_width >= kWeekendMinDay;
    const bool holidays = axis_.day_width >= 0.8;
    Date run_start{};
    Color run_color{};
    bool in_run = false;
    const auto flush = [&](Date end) {
      if (!in_run) return;
      ops_->push_back(
          RectOp{axis_.x(run_start),
                 axis_top_ + kTierHeight,
                 axis_.x(end) - axis_.x(run_start),
                 rows_bottom_ - axis_top_ - kTierHeight,
                 run_color,
                 std::nullopt,
                 0,
                 {run_color == kHoliday ? "holiday" : "weekend", format_iso(run_start)}});
      in_run = false;
    };
    for (Date d = from_; d <= to_; d += date::days{1}) {
      std::optional<Color> color;
      if (!cal.is_working(d)) {
        const auto why = cal.reason_off(d);
        if (why == "weekly day off") {
          if (weekends) color = kWeekend;
        } else if (holidays) {
          color = kHoliday;
        }
      }
      if (in_run && (!color || !(*color == run_color))) flush(d);
      if (color && !in_run) {
        run_start = d;
        run_color = *color;
        in_run = true;
      }
    }
    flush(to_ + date::days{1});
  }

  void draw_grid(std::size_t begin, std::size_t end) {
    const double left = kMargin, right = timeline_right();
    // Row lines: stronger between tasks than between steps.
    for (std::size_t r = begin; r < end; ++r) {
      const double y = row_y(r - begin);
      const bool task_edge = rows_[r].kind != GanttRow::Kind::step;
      ops_->push_back(PathOp{{{left, y}, {right, y}},
                             solid(task_edge ? kRowLine : kStepRowLine, task_edge ? 0.5 : 0.4),
                             false,
                             false,
                             {"row-line", {}}});
      if (rows_[r].kind == GanttRow::Kind::group) {
        ops_->push_back(RectOp{
            left, y, right - left, kRowHeight, kHeaderFill, std::nullopt, 0, {"group-band", {}}});
      }
    }
    ops_->push_back(PathOp{{{left, rows_bottom_}, {right, rows_bottom_}},
                           solid(kMonthLine, 0.6),
                           false,
                           false,
                           {"row-line", {}}});
    // Month lines stronger than week lines.
    for (const auto& cell : axis_.upper_cells) {
      ops_->push_back(PathOp{{{cell.x1, axis_top_}, {cell.x1, rows_bottom_}},
                             solid(kMonthLine, 0.6),
                             false,
                             false,
                             {"month-line", {}}});
    }
    if (axis_.lower != TimeAxis::Unit::month) {
      for (const auto& cell : axis_.lower_cells) {
        if (axis_.lower == TimeAxis::Unit::day) {
          if (date::weekday{axis_.from + date::days{static_cast<int>(std::lround(
                                             (cell.x1 - axis_.x0) / axis_.day_width))}} !=
              date::Monday) {
            continue;
          }
        }
        ops_->push_back(PathOp{{{cell.x1, axis_top_ + kTierHeight}, {cell.x1, rows_bottom_}},
                               solid(kWeekLine, 0.4),
                               false,
                               false,
                               {"week-line", {}}});
      }
    }
  }

  void draw_marker_lines() {
    for (const auto& mk : markers_) {
      const double top = lane_top_ + (mk.level + 1) * kLaneHeight;
      switch (mk.kind) {
        case Marker::Kind::meeting:
          ops_->push_back(PathOp{{{mk.x, top}, {mk.x, rows_bottom_}},
                                 dashed(kMeeting, 0.9, {3, 2}),
                                 false,
                                 false,
                                 {"meeting-line", mk.id + "@" + format_iso(mk.day)}});
          break;
        case Marker::Kind::event:
          ops_->push_back(PathOp{{{mk.x, top}, {mk.x, rows_bottom_}},
                                 solid(kEvent, 1.8),
                                 false,
                                 false,
                                 {"event-line", mk.id}});
          break;
        case Marker::Kind::status:
          ops_->push_back(PathOp{{{mk.x, top}, {mk.x, rows_bottom_}},
                                 dashed(kStatus, 1.2, {6, 2, 1.5, 2}),
                                 false,
                                 false,
                                 {"status-line", format_iso(mk.day)}});
          break;
      }
    }
  }

  // --- bars ---------------------------------------------------------------------------

  BarGeometry geometry(NodeId v, std::size_t r) const {
    const auto& s = a_.schedule->steps[v];
    const auto& step = a_.graph->step(*a_.plan, v);
    BarGeometry g;
    g.y = row_y(r) + kRowHeight / 2;
    const double left = axis_.x0, right = timeline_right();
    if (step.duration.is_milestone()) {
      g.diamond = true;
      g.x1 = g.x2 = axis_.x(s.finish + date::days{1});
    } else if (step.meeting && s.meeting) {
      g.round = true;
      const double cx = axis_.x(*s.meeting) + axis_.day_width / 2;
      g.x1 = cx - 4.5;
      g.x2 = cx + 4.5;
    } else {
      g.x1 = axis_.x(s.start);
      g.x2 = axis_.x(s.finish + date::days{1});
    }
    g.visible = g.x2 >= left && g.x1 <= right;
    g.x1 = std::max(g.x1, left);
    g.x2 = std::min(g.x2, right);
    if (!g.diamond && !g.round && g.x2 - g.x1 < 2) {
      // A day at a month scale is thinner than a line: keep it visible.
      const double mid = (g.x1 + g.x2) / 2;
      g.x1 = mid - 1;
      g.x2 = mid + 1;
    }
    return g;
  }

  void draw_float(const GanttRow& row, std::size_t r) {
    if (!row.node) return;
    const auto& s = a_.schedule->steps[*row.node];
    if (s.total_float <= 0) return;
    const auto g = geometry(*row.node, r);
    if (!g.visible) return;
    const double end = std::min(axis_.x(s.late_finish + date::days{1}), timeline_right());
    if (end <= g.x2 + 1) return;
    ops_->push_back(PathOp{{{g.x2, g.y}, {end, g.y}},
                           solid(kFloat, 0.8),
                           false,
                           false,
                           {"float", a_.graph->step(*a_.plan, *row.node).id}});
    ops_->push_back(PathOp{{{end, g.y - 3}, {end, g.y + 3}},
                           solid(kFloat, 0.8),
                           false,
                           false,
                           {"float-end", a_.graph->step(*a_.plan, *row.node).id}});
  }

  void draw_bars(const GanttRow& row, std::size_t r) {
    if (row.kind == GanttRow::Kind::task && !row.node) {
      draw_summary(*row.task, r);
      return;
    }
    if (!row.node) return;
    const NodeId v = *row.node;
    const auto& s = a_.schedule->steps[v];
    const auto& step = a_.graph->step(*a_.plan, v);
    const auto g = geometry(v, r);
    if (!g.visible) return;
    const Tag tag{"bar", step.id};
    if (g.diamond) {
      const double h = kDiamondHalf;
      ops_->push_back(
          PolygonOp{{{g.x1, g.y - h}, {g.x1 + h, g.y}, {g.x1, g.y + h}, {g.x1 - h, g.y}},
                    s.critical ? kCritical : kInk,
                    std::nullopt,
                    {"milestone", step.id}});
      return;
    }
    const Color fill = bar_fill(step.kind, s.critical);
    const Stroke outline =
        s.critical ? solid(kCritical, 1.3) : solid(shade(kind_color(step.kind), 0.15), 0.6);
    if (g.round) {
      ops_->push_back(CircleOp{
          (g.x1 + g.x2) / 2, g.y, (g.x2 - g.x1) / 2, fill, outline, {"approval", step.id}});
    } else {
      ops_->push_back(
          RectOp{g.x1, g.y - kBarHeight / 2, g.x2 - g.x1, kBarHeight, fill, outline, 1.2, tag});
    }
  }

  /// A task's summary bar, cut to the timeline (x1 > x2 when outside it).
  std::pair<double, double> summary_span(std::uint32_t t) const {
    const auto& task = a_.schedule->tasks[t];
    return {std::max(axis_.x(task.start), axis_.x0),
            std::min(axis_.x(task.finish + date::days{1}), timeline_right())};
  }

  void draw_summary(std::uint32_t t, std::size_t r) {
    const auto [x1, x2] = summary_span(t);
    if (x1 > x2) return;
    const double y = row_y(r) + kRowHeight / 2 - 2;
    const Color c = kSummary;
    ops_->push_back(
        RectOp{x1, y, x2 - x1, 4, c, std::nullopt, 0, {"summary", a_.plan->tasks[t].id}});
    ops_->push_back(
        PolygonOp{{{x1, y}, {x1 + 4, y}, {x1, y + 7}}, c, std::nullopt, {"summary-end", {}}});
    ops_->push_back(
        PolygonOp{{{x2, y}, {x2 - 4, y}, {x2, y + 7}}, c, std::nullopt, {"summary-end", {}}});
  }

  void draw_deadlines(const GanttRow& row, std::size_t r) {
    if (!row.node) return;
    const NodeId v = *row.node;
    const auto& g = *a_.graph;
    std::set<Date> dues;
    for (auto i = g.constraint_begin[v]; i < g.constraint_begin[v + 1]; ++i) {
      const auto& c = g.constraints[i];
      if (c.kind == ConstraintKind::due) dues.insert(c.date);
      if (c.kind == ConstraintKind::window) dues.insert(c.until);
    }
    for (const Date due : dues) {
      if (due < from_ || due > to_) continue;
      const double x = axis_.x(due + date::days{1});
      const double top = row_y(r) + 1.5;
      ops_->push_back(PathOp{{{x, top + 5}, {x, row_y(r) + kRowHeight - 2}},
                             solid(kAlarm, 1.1),
                             false,
                             false,
                             {"deadline-tick", g.step(*a_.plan, v).id}});
      ops_->push_back(PolygonOp{{{x - 3.5, top}, {x + 3.5, top}, {x, top + 5.5}},
                                kAlarm,
                                std::nullopt,
                                {"deadline", g.step(*a_.plan, v).id + "@" + format_iso(due)}});
    }
  }

  void draw_conflicts(const GanttRow& row, std::size_t r) {
    if (!row.node) return;
    const auto& id = a_.graph->step(*a_.plan, *row.node).id;
    const auto it = findings_by_step_.find(id);
    if (it == findings_by_step_.end()) return;
    const auto g = geometry(*row.node, r);
    if (!g.visible) return;
    const auto severity_error = [&](int number) {
      return a_.findings[static_cast<std::size_t>(number - 1)].severity == Severity::error;
    };
    bool any_error = false;
    for (const int n : it->second) any_error = any_error || severity_error(n);
    if (any_error && !g.diamond) {
      if (g.round) {
        ops_->push_back(CircleOp{(g.x1 + g.x2) / 2,
                                 g.y,
                                 (g.x2 - g.x1) / 2 + 2,
                                 std::nullopt,
                                 solid(kAlarm, 1.6),
                                 {"conflict-outline", id}});
      } else {
        ops_->push_back(RectOp{g.x1 - 1.5,
                               g.y - kBarHeight / 2 - 1.5,
                               g.x2 - g.x1 + 3,
                               kBarHeight + 3,
                               std::nullopt,
                               solid(kAlarm, 1.6),
                               2,
                               {"conflict-outline", id}});
      }
    }
    // Numbered badges right of the bar (left of it near the right edge).
    const double radius = it->second.back() >= 10 ? 7 : 5.5;  // room for two digits
    const double step = 2 * radius + 2;
    const double need = static_cast<double>(it->second.size()) * step;
    double x = g.x2 + 4 + radius;
    if (x + need > timeline_right()) x = g.x1 - 4 - need + radius;
    for (const int n : it->second) {
      const Color c = severity_error(n) ? kAlarm : kMuted();
      ops_->push_back(CircleOp{x,
                               g.y,
                               radius,
                               c,
                               solid(from_hex(0xFFFFFF), 0.8),
                               {"badge", id + "#" + std::to_string(n)}});
      ops_->push_back(TextOp{x - radius - 2,
                             g.y - radius,
                             2 * radius + 4,
                             2 * radius,
                             std::to_string(n),
                             Font{8, true, false},
                             from_hex(0xFFFFFF),
                             Align::center,
                             1,
                             {"badge-number", std::to_string(n)}});
      x += step;
    }
  }

  static Color kMuted() { return from_hex(0x7A7A7A); }

  // --- arrows -------------------------------------------------------------------------

  void draw_links() {
    const auto& g = *a_.graph;
    const auto& steps = a_.schedule->steps;
    for (std::uint32_t i = 0; i < g.links.size(); ++i) {
      const auto& link = g.links[i];
      const auto pr = row_of_.find(link.pred);
      const auto sr = row_of_.find(link.succ);
      if (pr == row_of_.end() || sr == row_of_.end() || pr->second == sr->second) continue;
      const auto p = geometry(link.pred, pr->second);
      const auto s = geometry(link.succ, sr->second);
      if (!p.visible || !s.visible) continue;
      const bool critical = steps[link.pred].critical && steps[link.succ].critical &&
                            steps[link.succ].driving_link == i;
      const bool down = sr->second > pr->second;
      // The gutter: the row boundary next to the successor, on the side the
      // arrow comes from, where no bar or text is.
      const double gutter = down ? row_y(sr->second) : row_y(sr->second) + kRowHeight;
      const double enter_y = down ? s.y - kBarHeight / 2 : s.y + kBarHeight / 2;
      std::vector<Point> pts;
      switch (link.type) {
        case LinkType::FS: {
          const double sx = std::min(s.x1 + 3, (s.x1 + s.x2) / 2);
          const auto vx =
              sx >= p.x2 + 4 ? free_column(pr->second, sr->second, p.x2 + 4, sx) : std::nullopt;
          if (sx >= p.x2 + 4 && (!vx || *vx >= sx)) {
            // Straight down into the successor (or no clear column: still so).
            pts = {{p.x2, p.y}, {sx, p.y}, {sx, enter_y}};
          } else if (sx >= p.x2 + 4) {
            // Down a column that no bar in between covers, then along the
            // gutter above (or below) the successor.
            pts = {{p.x2, p.y}, {*vx, p.y}, {*vx, gutter}, {sx, gutter}, {sx, enter_y}};
          } else {
            pts = {{p.x2, p.y},        {p.x2 + 5, p.y}, {p.x2 + 5, gutter},
                   {s.x1 - 6, gutter}, {s.x1 - 6, s.y}, {s.x1, s.y}};
          }
          break;
        }
        case LinkType::SS: {
          const double x = std::min(p.x1, s.x1) - 6;
          pts = {{p.x1, p.y}, {x, p.y}, {x, s.y}, {s.x1, s.y}};
          break;
        }
        case LinkType::FF: {
          const double x = std::max(p.x2, s.x2) + 6;
          pts = {{p.x2, p.y}, {x, p.y}, {x, s.y}, {s.x2, s.y}};
          break;
        }
        case LinkType::SF:
          pts = {{p.x1, p.y},        {p.x1 - 6, p.y}, {p.x1 - 6, gutter},
                 {s.x2 + 6, gutter}, {s.x2 + 6, s.y}, {s.x2, s.y}};
          break;
      }
      // Arrows stay in the timeline, clear of the table's text.
      for (auto& pt : pts) pt.x = std::max(pt.x, axis_.x0 + 1);
      ops_->push_back(
          PathOp{std::move(pts),
                 critical ? solid(kCritical, 1.0) : solid(kLink, 0.6),
                 true,
                 true,
                 {critical ? "link-critical" : "link",
                  g.step(*a_.plan, link.pred).id + ">" + g.step(*a_.plan, link.succ).id}});
    }
  }

  /// The extent of the bar drawn on page row `r` (x1 > x2 when none shows).
  std::pair<double, double> bar_span(const GanttRow& row, std::size_t r) const {
    if (row.kind == GanttRow::Kind::task && !row.node && row.task) return summary_span(*row.task);
    if (!row.node) return {1, 0};
    const auto g = geometry(*row.node, r);
    if (!g.visible) return {1, 0};
    const double wing = g.diamond ? kDiamondHalf : 0;
    return {g.x1 - wing, g.x2 + wing};
  }

  /// The rightmost x in [lo, hi] that no bar of the rows strictly between
  /// page rows `a` and `b` covers (with a little room), if any.
  std::optional<double> free_column(std::size_t a, std::size_t b, double lo, double hi) const {
    std::vector<std::pair<double, double>> blocked;
    for (std::size_t r = std::min(a, b) + 1; r < std::max(a, b); ++r) {
      const auto [x1, x2] = row_spans_[r];
      if (x1 <= x2 && x2 + 2 >= lo && x1 - 2 <= hi) blocked.emplace_back(x1 - 2, x2 + 2);
    }
    std::sort(blocked.begin(), blocked.end(),
              [](const auto& l, const auto& r) { return l.second > r.second; });
    double x = hi;
    // Each step moves x left of a bar that covers it; bars are visited from
    // the right, so one pass finds the first clear spot.
    for (bool moved = true; moved && x >= lo;) {
      moved = false;
      for (const auto& [x1, x2] : blocked) {
        if (x1 <= x && x <= x2) {
          x = x1 - 0.5;
          moved = true;
        }
      }
    }
    if (x < lo) return std::nullopt;
    return x;
  }

  // --- text: table, axis, labels, title ---------------------------------------------

  void draw_table(std::size_t begin, std::size_t end) {
    double x = kMargin;
    ops_->push_back(RectOp{
        kMargin, axis_top_, table_w_, axis_h_, kHeaderFill, std::nullopt, 0, {"table-header", {}}});
    for (const auto& c : columns_) {
      ops_->push_back(TextOp{x + 3,
                             axis_top_,
                             c.width - 6,
                             axis_h_,
                             c.header,
                             kBold,
                             kInk,
                             c.column == Column::number ? Align::center : Align::left,
                             2,
                             {"header", {}}});
      ops_->push_back(PathOp{{{x, axis_top_}, {x, rows_bottom_}},
                             solid(kRowLine, 0.5),
                             false,
                             false,
                             {"column-line", {}}});
      x += c.width;
    }
    ops_->push_back(PathOp{{{x, axis_top_}, {x, rows_bottom_}},
                           solid(kMonthLine, 0.8),
                           false,
                           false,
                           {"column-line", {}}});
    for (std::size_t r = begin; r < end; ++r) {
      const auto& row = rows_[r];
      const double y = row_y(r - begin);
      double cx = kMargin;
      for (const auto& c : columns_) {
        std::string text;
        switch (c.column) {
          case Column::number:
            text = row.number;
            break;
          case Column::name:
            text = row.name;
            break;
          case Column::owner:
            text = row.owner;
            break;
          case Column::lead:
            text = row.lead;
            break;
        }
        if (row.kind == GanttRow::Kind::group && c.column == Column::name) {
          // A group heading spans the whole table.
          ops_->push_back(TextOp{cx + 3,
                                 y,
                                 table_w_ - (cx - kMargin) - 6,
                                 kRowHeight,
                                 text,
                                 kBold,
                                 kInk,
                                 Align::left,
                                 1,
                                 {"group", text}});
          break;
        }
        const bool bold = row.kind != GanttRow::Kind::step && c.column == Column::name &&
                          !(row.task && a_.plan->tasks[*row.task].steps.size() == 1);
        const double indent = row.kind == GanttRow::Kind::step && c.column == Column::name ? 8 : 0;
        ops_->push_back(
            TextOp{cx + 3 + indent,
                   y + 1,
                   c.width - 6 - indent,
                   kRowHeight - 2,
                   text,
                   bold ? kBold : kText,
                   kInk,
                   c.column == Column::number ? Align::center : Align::left,
                   2,
                   {"cell", row.node ? a_.graph->step(*a_.plan, *row.node).id
                                     : (row.task ? a_.plan->tasks[*row.task].id : "")}});
        cx += c.width;
      }
    }
  }

  void draw_axis() {
    const double top = axis_top_;
    ops_->push_back(PathOp{{{axis_.x0, top}, {timeline_right(), top}},
                           solid(kMonthLine, 0.6),
                           false,
                           false,
                           {"axis-line", {}}});
    ops_->push_back(PathOp{{{axis_.x0, top + kTierHeight}, {timeline_right(), top + kTierHeight}},
                           solid(kRowLine, 0.5),
                           false,
                           false,
                           {"axis-line", {}}});
    draw_tier(axis_.upper_cells, top, kBold, kInk, "axis-upper");
    draw_tier(axis_.lower_cells, top + kTierHeight, kText, kMutedInk, "axis-lower");
    draw_tier(axis_.weekday_cells, top + 2 * kTierHeight, kText, kMutedInk, "axis-weekday");
  }

  void draw_tier(const std::vector<AxisCell>& cells, double y, const Font& font, Color color,
                 const char* role) {
    for (const auto& cell : cells) {
      ops_->push_back(TextOp{cell.x1,
                             y,
                             cell.x2 - cell.x1,
                             kTierHeight,
                             cell.label,
                             font,
                             color,
                             Align::center,
                             1,
                             {role, cell.label}});
    }
  }

  void draw_marker_labels() {
    for (const auto& mk : markers_) {
      const double y = lane_top_ + mk.level * kLaneHeight;
      const Color c = mk.kind == Marker::Kind::event     ? kEvent
                      : mk.kind == Marker::Kind::meeting ? kMeeting
                                                         : kStatus;
      ops_->push_back(TextOp{mk.label_x,
                             y,
                             mk.label_w,
                             kLaneHeight,
                             mk.label,
                             mk.kind == Marker::Kind::event ? kBold : kText,
                             c,
                             Align::center,
                             1,
                             {"marker-label", mk.id}});
    }
  }

  void draw_title(std::size_t) {
    const auto& info = a_.plan->info;
    std::string sub = info.id;
    if (!info.issuer.empty()) sub += " · " + info.issuer;
    if (o_.status_date) {
      sub += " · " + std::string(w_.status) + ": " + labels::full_date(*o_.status_date, o_.lang);
    } else if (info.issued) {
      sub += " · " + std::string(w_.created) + " " + labels::full_date(*info.issued, o_.lang);
    }
    add_title_block(*ops_, {title(), sub, kMargin, kMargin, page_w_ - 2 * kMargin, title_h_, 2});
  }

  // --- legend and footer ----------------------------------------------------------------

  enum class Swatch {
    bar,
    critical,
    floatline,
    milestone,
    approval,
    deadline,
    event,
    meeting,
    status,
    weekend,
    holiday,
    conflict,
    summary
  };
  struct LegendItem {
    Swatch swatch;
    StepKind kind = StepKind::other;
    std::string label;
  };

  /// The items the chart uses, and only those.
  std::vector<LegendItem> legend_items() const {
    std::vector<LegendItem> items;
    std::set<StepKind> kinds;
    bool milestone = false, approval = false, critical = false, floated = false, deadline = false,
         summary = false, conflict = false;
    // A chart cut to --from/--to lists only what shows between its dates.
    const auto shows = [&](Date first, Date last) { return last >= from_ && first <= to_; };
    for (const auto& row : rows_) {
      if (row.kind == GanttRow::Kind::task && !row.node && row.task) {
        const auto& t = a_.schedule->tasks[*row.task];
        summary = summary || shows(t.start, t.finish);
      }
      if (!row.node) continue;
      const auto& s = a_.schedule->steps[*row.node];
      const auto& step = a_.graph->step(*a_.plan, *row.node);
      conflict = conflict || findings_by_step_.count(step.id) > 0;
      const auto& g = *a_.graph;
      for (auto i = g.constraint_begin[*row.node]; i < g.constraint_begin[*row.node + 1]; ++i) {
        const auto& c = g.constraints[i];
        const bool due = c.kind == ConstraintKind::due || c.kind == ConstraintKind::window;
        const Date day = c.kind == ConstraintKind::window ? c.until : c.date;
        deadline = deadline || (due && shows(day, day));
      }
      floated = floated || (s.total_float > 0 && shows(s.finish, s.late_finish));
      if (!shows(s.start, s.finish)) continue;
      critical = critical || s.critical;
      if (step.duration.is_milestone()) {
        milestone = true;
      } else if (step.meeting && s.meeting) {
        approval = true;
      } else {
        kinds.insert(step.kind);
      }
    }
    for (const auto k : kinds) items.push_back({Swatch::bar, k, labels::kind_name(k, o_.lang)});
    if (summary) items.push_back({Swatch::summary, {}, w_.summary});
    if (critical) items.push_back({Swatch::critical, {}, w_.critical});
    if (floated) items.push_back({Swatch::floatline, {}, w_.floating});
    if (approval) items.push_back({Swatch::approval, {}, w_.approval});
    if (milestone) items.push_back({Swatch::milestone, {}, w_.milestone});
    if (deadline) items.push_back({Swatch::deadline, {}, w_.deadline});
    bool event = false, meeting = false, status = false;
    for (const auto& mk : markers_) {
      event = event || mk.kind == Marker::Kind::event;
      meeting = meeting || mk.kind == Marker::Kind::meeting;
      status = status || mk.kind == Marker::Kind::status;
    }
    if (event) items.push_back({Swatch::event, {}, w_.event});
    if (meeting) items.push_back({Swatch::meeting, {}, w_.meeting_line});
    if (status) items.push_back({Swatch::status, {}, w_.status});
    const auto& cal = a_.schedule->calendar;
    bool weekend = false, holiday = false;
    for (Date d = from_; d <= to_; d += date::days{1}) {
      if (cal.is_working(d)) continue;
      if (cal.reason_off(d) == "weekly day off") {
        weekend = weekend || axis_.day_width >= kWeekendMinDay;
      } else {
        holiday = holiday || axis_.day_width >= 0.8;
      }
    }
    if (weekend) items.push_back({Swatch::weekend, {}, w_.weekend});
    if (holiday) items.push_back({Swatch::holiday, {}, w_.holiday});
    if (conflict) items.push_back({Swatch::conflict, {}, w_.conflict});
    return items;
  }

  double item_width(const LegendItem& item) const { return 22 + m_.width(item.label, kText) + 14; }

  double legend_height(double avail) const {
    if (legend_.empty()) return 0;
    int lines = 1;
    double x = 0;
    for (const auto& item : legend_) {
      const double w = item_width(item);
      if (x > 0 && x + w > avail) {
        ++lines;
        x = 0;
      }
      x += w;
    }
    return lines * 14.0;
  }

  void draw_legend() {
    const double avail = page_w_ - 2 * kMargin;
    double x = kMargin;
    double y = rows_bottom_ + 8;
    for (const auto& item : legend_) {
      const double w = item_width(item);
      if (x > kMargin && x + w > kMargin + avail) {
        x = kMargin;
        y += 14;
      }
      draw_swatch(item, x, y + 7);
      ops_->push_back(TextOp{
          x + 22, y, w - 22, 14, item.label, kText, kInk, Align::left, 1, {"legend", item.label}});
      x += w;
    }
  }

  void draw_swatch(const LegendItem& item, double x, double cy) {
    const Tag tag{"legend-swatch", {}};
    switch (item.swatch) {
      case Swatch::bar:
        ops_->push_back(RectOp{x, cy - 4.5, 18, 9, bar_fill(item.kind, false),
                               solid(shade(kind_color(item.kind), 0.15), 0.6), 1.2, tag});
        break;
      case Swatch::critical:
        ops_->push_back(
            RectOp{x, cy - 4.5, 18, 9, from_hex(0x555555), solid(kCritical, 1.3), 1.2, tag});
        break;
      case Swatch::summary:
        ops_->push_back(RectOp{x, cy - 2, 18, 4, kSummary, std::nullopt, 0, tag});
        break;
      case Swatch::floatline:
        ops_->push_back(PathOp{{{x, cy}, {x + 18, cy}}, solid(kFloat, 0.8), false, false, tag});
        ops_->push_back(
            PathOp{{{x + 18, cy - 3}, {x + 18, cy + 3}}, solid(kFloat, 0.8), false, false, tag});
        break;
      case Swatch::approval:
        ops_->push_back(CircleOp{x + 9, cy, 4.5, bar_fill(StepKind::approval, false),
                                 solid(shade(kind_color(StepKind::approval), 0.15), 0.6), tag});
        break;
      case Swatch::milestone:
        ops_->push_back(PolygonOp{{{x + 9, cy - kDiamondHalf},
                                   {x + 9 + kDiamondHalf, cy},
                                   {x + 9, cy + kDiamondHalf},
                                   {x + 9 - kDiamondHalf, cy}},
                                  kInk,
                                  std::nullopt,
                                  tag});
        break;
      case Swatch::deadline:
        ops_->push_back(PolygonOp{
            {{x + 5.5, cy - 5}, {x + 12.5, cy - 5}, {x + 9, cy + 0.5}}, kAlarm, std::nullopt, tag});
        ops_->push_back(
            PathOp{{{x + 9, cy}, {x + 9, cy + 5}}, solid(kAlarm, 1.1), false, false, tag});
        break;
      case Swatch::event:
        ops_->push_back(
            PathOp{{{x + 9, cy - 6}, {x + 9, cy + 6}}, solid(kEvent, 1.8), false, false, tag});
        break;
      case Swatch::meeting:
        ops_->push_back(PathOp{
            {{x + 9, cy - 6}, {x + 9, cy + 6}}, dashed(kMeeting, 0.9, {3, 2}), false, false, tag});
        break;
      case Swatch::status:
        ops_->push_back(PathOp{{{x + 9, cy - 6}, {x + 9, cy + 6}},
                               dashed(kStatus, 1.2, {6, 2, 1.5, 2}),
                               false,
                               false,
                               tag});
        break;
      case Swatch::weekend:
        ops_->push_back(RectOp{x, cy - 5, 18, 10, kWeekend, solid(kRowLine, 0.4), 0, tag});
        break;
      case Swatch::holiday:
        ops_->push_back(RectOp{x, cy - 5, 18, 10, kHoliday, solid(kRowLine, 0.4), 0, tag});
        break;
      case Swatch::conflict:
        ops_->push_back(CircleOp{x + 9, cy, 5.5, kAlarm, std::nullopt, tag});
        ops_->push_back(TextOp{x + 2, cy - 5.5, 14, 11, "1", Font{8, true, false},
                               from_hex(0xFFFFFF), Align::center, 1, tag});
        break;
    }
  }

  void draw_footer(std::size_t p) {
    const double y = page_h_ - kMargin - 12;
    const auto page_text =
        std::string(w_.page) + " " + std::to_string(p + 1) + "/" + std::to_string(pages_.size());
    ops_->push_back(TextOp{kMargin,
                           y,
                           page_w_ - 2 * kMargin,
                           12,
                           page_text,
                           kText,
                           kMutedInk,
                           Align::right,
                           1,
                           {"page-number", std::to_string(p + 1)}});
    ops_->push_back(TextOp{kMargin,
                           y,
                           (page_w_ - 2 * kMargin) / 2,
                           12,
                           a_.plan->info.id + " · tiendo",
                           kText,
                           kMutedInk,
                           Align::left,
                           1,
                           {"footer", {}}});
  }

  const Analysis& a_;
  const GanttOptions& o_;
  const TextMetrics& m_;
  const labels::Words& w_;
  PageSize page_;

  std::vector<GanttRow> rows_;
  std::map<std::string, std::vector<int>> findings_by_step_;
  Date from_{}, to_{};
  std::vector<ColumnSpec> columns_;
  double table_w_ = 0;
  TimeAxis axis_;
  double page_w_ = 0, page_h_ = 0;
  std::vector<Marker> markers_;
  int lanes_ = 0;
  int title_lines_ = 1;
  double title_h_ = 0, header_h_ = 0, legend_h_ = 0, footer_h_ = 0, axis_h_ = 0;
  std::vector<LegendItem> legend_;
  std::vector<std::pair<std::size_t, std::size_t>> pages_;

  // Per page.
  std::vector<Op>* ops_ = nullptr;
  std::vector<std::pair<double, double>> row_spans_;  ///< per page row: its bar's x extent
  double rows_top_ = 0, rows_bottom_ = 0, axis_top_ = 0, lane_top_ = 0;
  std::map<NodeId, std::size_t> row_of_;
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

DisplayList layout_gantt(const Analysis& analysis, const GanttOptions& options,
                         const TextMetrics& metrics, PageSize page) {
  return GanttLayout(analysis, options, metrics, page).run();
}

}  // namespace tiendo::render
