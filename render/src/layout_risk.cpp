// The risk chart (`tiendo risk --chart`): the spread of the plan's finish
// over the runs of the simulation, as a committee reads it. Bars: how many
// runs finished on each day (by week when the spread is long); a line: the
// share of runs finished by each day (the S-curve, 0-100 % on the right
// axis); upright lines: the planned finish, the day half the runs finish
// by, and the day 8 in 10 do, each labelled in words; and the plan's
// latest deadline, if any, with its chance.
#include <tiendo/render/render.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "display_list.hpp"
#include "painter.hpp"
#include "pango_metrics.hpp"
#include "svg_writer.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

namespace {

constexpr double kWidth = 760, kHeight = 430;
constexpr double kLeft = 64, kRight = 64, kTop = 76, kBottom = 78;

int day_number(Date d) {
  return static_cast<int>(d.time_since_epoch().count());
}

/// "6 in 10", "6 trong 10": a share as a planner says it.
std::string in_ten(double share, Lang lang) {
  const auto n = static_cast<int>(std::lround(share * 10));
  return std::to_string(n) + (lang == Lang::en ? " in 10" : " trong 10");
}

/// "99.6 %": a share as the text report writes it.
std::string percent(double share) {
  const auto tenths = static_cast<long>(std::lround(share * 1000));
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " %";
}

class RiskLayout {
 public:
  RiskLayout(const RiskReport& report, Lang lang, const TextMetrics& metrics)
      : report_(report), lang_(lang), metrics_(metrics) {
    const auto& f = report.finishes;
    first_ = day_number(std::min(f.front(), report.finish.planned));
    last_ = day_number(std::max(f.back(), report.finish.planned));
    if (const auto* d = latest_deadline()) {
      first_ = std::min(first_, day_number(d->deadline));
      last_ = std::max(last_, day_number(d->deadline));
    }
    // A bar a day up to about two months of spread, else a bar a week.
    bin_ = last_ - first_ + 1 > 62 ? 7 : 1;
    first_ -= bin_;
    last_ += bin_;
    counts_.assign(static_cast<std::size_t>((last_ - first_) / bin_ + 1), 0);
    for (const auto d : f) ++counts_[static_cast<std::size_t>((day_number(d) - first_) / bin_)];
  }

  DisplayList layout() {
    Page page{kWidth, kHeight, {}};
    ops_ = &page.ops;
    title();
    axes();
    bars();
    s_curve();
    markers();
    legend();
    DisplayList list;
    list.title = report_.title;
    list.creator = "tiendo";
    list.pages.push_back(std::move(page));
    return list;
  }

 private:
  bool en() const { return lang_ == Lang::en; }
  double plot_w() const { return kWidth - kLeft - kRight; }
  double plot_h() const { return kHeight - kTop - kBottom; }
  double x_of(int day) const {
    return kLeft + plot_w() * (day - first_) / static_cast<double>(last_ - first_ + 1);
  }
  double y_of_share(double share) const { return kTop + plot_h() * (1 - share); }

  const DeadlineRisk* latest_deadline() const {
    const DeadlineRisk* out = nullptr;
    for (const auto& d : report_.deadlines) {
      if (out == nullptr || d.deadline > out->deadline) out = &d;
    }
    return out;
  }

  void text(double x, double y, double w, const std::string& s, double size, Align align,
            Color color = {0.1, 0.1, 0.1, 1}, bool bold = false,
            const std::string& role = "label") {
    TextOp t;
    t.x = x;
    t.y = y;
    t.w = w;
    t.h = size * 1.5;
    t.text = s;
    t.font = {size, bold, false};
    t.color = color;
    t.align = align;
    t.tag = {role, ""};
    ops_->push_back(t);
  }

  void line(Point a, Point b, Stroke stroke, const std::string& role) {
    PathOp p;
    p.points = {a, b};
    p.stroke = std::move(stroke);
    p.tag = {role, ""};
    ops_->push_back(p);
  }

  void title() {
    const auto name = report_.title.empty() ? report_.plan_id : report_.title;
    text(kLeft, 14, plot_w(),
         (en() ? "When the plan finishes: " : "Kế hoạch kết thúc khi nào: ") + name, 13,
         Align::left, {0.1, 0.1, 0.1, 1}, true, "title");
    const auto runs = std::to_string(report_.finishes.size());
    text(kLeft, 36, plot_w(),
         en() ? runs + " runs of the schedule with the steps' durations drawn from their ranges; " +
                    std::to_string(report_.uncertain) + " steps are uncertain"
              : runs +
                    " lần lập lịch với thời lượng các bước lấy ngẫu nhiên trong khoảng của "
                    "chúng; " +
                    std::to_string(report_.uncertain) + " bước chưa chắc chắn",
         9.5, Align::left, {0.3, 0.3, 0.3, 1}, false, "subtitle");
  }

  void axes() {
    const Stroke axis{{0.35, 0.35, 0.35, 1}, 0.8, {}};
    const Stroke grid{{0.85, 0.85, 0.85, 1}, 0.5, {}};
    const double bottom = kTop + plot_h();
    line({kLeft, bottom}, {kLeft + plot_w(), bottom}, axis, "axis");
    // Right axis: the share of runs finished, 0-100 %.
    for (int pct = 0; pct <= 100; pct += 20) {
      const double y = y_of_share(pct / 100.0);
      if (pct > 0) line({kLeft, y}, {kLeft + plot_w(), y}, grid, "grid");
      text(kLeft + plot_w() + 4, y - 7, kRight - 6, std::to_string(pct) + " %", 8.5, Align::left,
           {0.3, 0.3, 0.3, 1}, false, "axis-label");
    }
    text(kLeft + plot_w() + 4, kTop - 26, kRight, en() ? "finished" : "đã xong", 8.5, Align::left,
         {0.3, 0.3, 0.3, 1}, false, "axis-title");
    // Left axis: runs per bar.
    const int most = *std::max_element(counts_.begin(), counts_.end());
    text(4, kTop - 26, kLeft - 8, en() ? "runs" : "số lần", 8.5, Align::right, {0.3, 0.3, 0.3, 1},
         false, "axis-title");
    text(4, kTop - 7, kLeft - 8, std::to_string(most), 8.5, Align::right, {0.3, 0.3, 0.3, 1}, false,
         "axis-label");
    text(4, bottom - 7, kLeft - 8, "0", 8.5, Align::right, {0.3, 0.3, 0.3, 1}, false, "axis-label");
    // Dates along the bottom: about eight, on bar boundaries.
    const int span = last_ - first_ + 1;
    const int every = std::max(bin_, ((span / 8) / bin_ + 1) * bin_);
    for (int day = first_; day <= last_; day += every) {
      const double x = x_of(day);
      line({x, bottom}, {x, bottom + 4}, axis, "tick");
      text(x - 40, bottom + 6, 80, format_date(Date{date::days{day}}, lang_), 8.5, Align::center,
           {0.3, 0.3, 0.3, 1}, false, "date");
    }
  }

  void bars() {
    const int most = *std::max_element(counts_.begin(), counts_.end());
    const double bottom = kTop + plot_h();
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      if (counts_[i] == 0) continue;
      const int day = first_ + static_cast<int>(i) * bin_;
      const double h = plot_h() * counts_[i] / std::max(1, most);
      RectOp r;
      r.x = x_of(day) + 0.5;
      r.w = std::max(1.0, x_of(day + bin_) - x_of(day) - 1);
      r.y = bottom - h;
      r.h = h;
      r.fill = from_hex(0x9ECAE1);
      r.stroke = Stroke{from_hex(0x6BAED6), 0.5, {}};
      r.tag = {"bar", format_iso(Date{date::days{day}})};
      ops_->push_back(r);
    }
  }

  void s_curve() {
    PathOp p;
    p.stroke = Stroke{from_hex(0x08519C), 2, {}};
    p.tag = {"s-curve", ""};
    const auto n = static_cast<double>(report_.finishes.size());
    int done = 0;
    p.points.push_back({x_of(first_), y_of_share(0)});
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      done += counts_[i];
      const int end = first_ + (static_cast<int>(i) + 1) * bin_;
      p.points.push_back({x_of(end), y_of_share(done / n)});
    }
    ops_->push_back(p);
  }

  void marker(Date day, const std::string& label, Color color, std::vector<double> dash,
              double label_y, const std::string& role) {
    const double x =
        x_of(day_number(day)) + (x_of(day_number(day) + 1) - x_of(day_number(day))) / 2;
    line({x, kTop - 4}, {x, kTop + plot_h()}, Stroke{color, 1.4, std::move(dash)}, role);
    const bool right_half = x > kLeft + plot_w() * 0.6;
    // A light ground under the label, so bars and lines do not cross its words.
    const double w = std::min(250.0, metrics_.width(label, Font{8.5, true, false}) + 6);
    RectOp ground;
    ground.x = right_half ? x - 4 - w : x + 2;
    ground.y = label_y + 1;
    ground.w = w;
    ground.h = 11.5;
    ground.fill = Color{1, 1, 1, 0.85};
    ground.tag = {role + "-ground", ""};
    ops_->push_back(ground);
    text(right_half ? x - 254 : x + 4, label_y, 250, label, 8.5,
         right_half ? Align::right : Align::left, color, true, role + "-label");
  }

  void markers() {
    const auto& f = report_.finish;
    marker(f.planned, (en() ? "planned: " : "theo kế hoạch: ") + format_date(f.planned, lang_),
           {0.2, 0.2, 0.2, 1}, {4, 3}, kTop + 2, "planned");
    marker(f.p50, (en() ? "half the runs by " : "nửa số lần xong đến ") + format_date(f.p50, lang_),
           from_hex(0x08519C), {}, kTop + 16, "p50");
    marker(f.p80,
           (en() ? "8 in 10 runs by " : "8 trong 10 lần xong đến ") + format_date(f.p80, lang_),
           from_hex(0x08519C), {2, 2}, kTop + 30, "p80");
    if (const auto* d = latest_deadline()) {
      marker(d->deadline,
             (en() ? "deadline " : "hạn ") + format_date(d->deadline, lang_) + ": " +
                 (en() ? "met " : "kịp ") + in_ten(d->met, lang_) + (en() ? " runs (" : " lần (") +
                 percent(d->met) + ")",
             from_hex(0xC0392B), {}, kTop + 44, "deadline");
    }
  }

  void legend() {
    const double y = kHeight - 30;
    RectOp r;
    r.x = kLeft;
    r.y = y + 2;
    r.w = 14;
    r.h = 9;
    r.fill = from_hex(0x9ECAE1);
    r.stroke = Stroke{from_hex(0x6BAED6), 0.5, {}};
    r.tag = {"legend", "bars"};
    ops_->push_back(r);
    text(kLeft + 18, y, 260,
         bin_ == 1 ? (en() ? "runs finishing on that day" : "số lần kết thúc vào ngày đó")
                   : (en() ? "runs finishing in that week" : "số lần kết thúc trong tuần đó"),
         8.5, Align::left, {0.2, 0.2, 0.2, 1}, false, "legend");
    line({kLeft + 290, y + 6}, {kLeft + 310, y + 6}, Stroke{from_hex(0x08519C), 2, {}}, "legend");
    text(kLeft + 314, y, 300,
         en() ? "share of runs finished by that day (right axis)"
              : "tỉ lệ số lần đã xong đến ngày đó (trục phải)",
         8.5, Align::left, {0.2, 0.2, 0.2, 1}, false, "legend");
  }

  const RiskReport& report_;
  Lang lang_;
  const TextMetrics& metrics_;
  int first_ = 0, last_ = 0, bin_ = 1;
  std::vector<int> counts_;
  std::vector<Op>* ops_ = nullptr;
};

}  // namespace

RenderResult render_risk(const RiskReport& report, Lang lang, Format format) {
  if (report.finishes.empty()) {
    return {{},
            0,
            lang == Lang::en ? "the simulation has no runs to draw"
                             : "mô phỏng không có lần nào để vẽ"};
  }
  const PangoMetrics metrics;
  const auto list = RiskLayout(report, lang, metrics).layout();
  if (format == Format::svg) return {write_svg(list, metrics), 1, {}};
  PaintOptions options;
  options.dpi = 150;
  options.created = format_iso(report.finish.planned) + "T00:00:00";  // same report, same bytes
  auto result = paint(list, format, options);
  result.pages = 1;
  return result;
}

}  // namespace tiendo::render
