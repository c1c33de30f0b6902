// The status report as the one page an office brings to a committee meeting
// (A4 portrait, read on paper): where the plan stands at the status date in
// four numbers, the dates that must hold and whether they will, what is
// late, the next six weeks as a Gantt chart and the progress findings. Lists
// are cut to what fits ("… và N mục khác"), never spilled onto a second page.
#include <tiendo/render/render.hpp>

#include <algorithm>
#include <map>

#include "display_list.hpp"
#include "layout_gantt.hpp"
#include "layout_status.hpp"
#include "painter.hpp"
#include "pango_metrics.hpp"
#include "style.hpp"

namespace tiendo::render {

namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4 portrait, points
constexpr double kMargin = 36;
constexpr double kRowH = 15;        // a table row of one line
constexpr double kChainH = 12;      // the driving chain under a row at risk
constexpr double kSectionH = 22;    // a section's heading
constexpr double kFindingH = 24;    // a finding: up to two lines
constexpr double kMinGanttH = 170;  // below this the chart says nothing
// Caps that leave the six-week chart room for a dozen rows even when every
// list is long: the chart is what the committee looks at.
constexpr std::size_t kMaxDates = 5;  // events and deadlines listed
constexpr std::size_t kMaxLate = 3;
constexpr std::size_t kMaxFindings = 3;
constexpr int kGanttWeeksBefore = 1, kGanttWeeksAfter = 6;

using style::kInk;
const Color kGrey = style::kMutedInk;
const Color kRule = style::kTableRule;
const Color kHeadFill = style::kTableHead;
const Color kLate = style::kLateInk;

/// The page's words, in its language.
struct StatusWords {
  const char *heading, *as_of, *against, *done, *underway, *late, *not_started;
  const char *dates, *subject, *target, *forecast, *margin, *event, *deadline, *chain;
  const char *late_steps, *behind, *due, *gantt, *findings, *more, *none_late, *page;
  const char *saved, *of_them, *late_among;
};

const StatusWords& status_words(Lang lang) {
  static const StatusWords vi{"BÁO CÁO TIẾN ĐỘ",
                              "Tính đến ngày",
                              "so với",
                              "Đã hoàn thành",
                              "Đang thực hiện",
                              "Chậm tiến độ",
                              "Chưa thực hiện",
                              "Sự kiện và hạn hoàn thành",
                              "Nội dung",
                              "Ngày phải đạt",
                              "Dự báo",
                              "Dự trữ (ngày làm việc)",
                              "Sự kiện",
                              "Hạn",
                              "Do chuỗi",
                              "Các bước chậm tiến độ",
                              "chậm",
                              "dự kiến xong",
                              "Tiến độ 6 tuần tới",
                              "Những điểm cần lưu ý",
                              "… và %N mục khác",
                              "Không có bước nào chậm tiến độ.",
                              "Trang",
                              "lưu ngày",
                              ", trong đó ",
                              " mục chậm"};
  static const StatusWords en{"PROGRESS REPORT",
                              "As of",
                              "against",
                              "Done",
                              "Under way",
                              "Late",
                              "Not started",
                              "Events and deadlines",
                              "Subject",
                              "Target",
                              "Forecast",
                              "Margin (working days)",
                              "Event",
                              "Deadline",
                              "Driven by",
                              "Late steps",
                              "behind by",
                              "forecast to finish",
                              "The next six weeks",
                              "Findings",
                              "… and %N more",
                              "No step is late.",
                              "Page",
                              "saved",
                              ", ",
                              " of them late"};
  return lang == Lang::en ? en : vi;
}

std::string more_text(const StatusWords& w, std::size_t n) {
  std::string text = w.more;
  text.replace(text.find("%N"), 2, std::to_string(n));
  return text;
}

/// "+3" / "0" / "−2": a margin's sign always written.
std::string signed_days(int days) {
  return days > 0   ? "+" + std::to_string(days)
         : days < 0 ? "−" + std::to_string(-days)
                    : std::string("0");
}

class StatusLayout {
 public:
  StatusLayout(const Analysis& a, const StatusReport& r, Lang lang, const TextMetrics& m,
               const Baseline* baseline)
      : a_(a), r_(r), lang_(lang), m_(m), w_(status_words(lang)), baseline_(baseline) {
    for (const auto& s : r_.steps) name_of_[s.id] = s.name;
  }

  DisplayList run() {
    header();
    counts();
    dates();
    late_steps();
    const double findings_h = findings_height();
    gantt(kPageH - kMargin - 18 - findings_h);
    findings();
    footer();
    DisplayList list;
    list.title = std::string(w_.heading) + " — " + r_.title;
    list.creator = "tiendo";
    list.pages.push_back(std::move(page_));
    return list;
  }

 private:
  double width() const { return kPageW - 2 * kMargin; }

  void text(double x, double y, double w, double h, std::string s, Font font, Color color,
            const std::string& role, Align align = Align::left, int lines = 1) {
    page_.ops.emplace_back(TextOp{
        x, y, w, h, std::move(s), font, color, align, lines, {role, std::to_string(count_++)}});
  }

  void rule(double y, double weight = 0.5) {
    page_.ops.emplace_back(PathOp{{{kMargin, y}, {kMargin + width(), y}},
                                  {kRule, weight, {}},
                                  false,
                                  false,
                                  {"rule", std::to_string(count_++)}});
  }

  void section(const std::string& title) {
    y_ += 6;
    text(kMargin, y_, width(), kSectionH - 6, title, {10.5, true}, kInk, "section");
    y_ += kSectionH - 6;
  }

  void header() {
    text(kMargin, y_, width(), 22, w_.heading, {16, true}, kInk, "heading", Align::center);
    y_ += 24;
    const Font title_font{11, true};
    const int lines = m_.width(r_.title, title_font) > width() ? 2 : 1;
    const double title_h = lines * m_.line_height(title_font) + 2;
    text(kMargin, y_, width(), title_h, r_.title, title_font, kInk, "title", Align::center, 2);
    y_ += title_h + 2;
    const auto& info = a_.plan->info;
    std::string sub = info.id;
    if (!info.issuer.empty()) sub += " · " + info.issuer;
    text(kMargin, y_, width(), 13, sub, {8.5}, kGrey, "subtitle", Align::center);
    y_ += 14;
    std::string as_of = std::string(w_.as_of) + " " + format_date(r_.status_date, lang_);
    if (!r_.baseline.empty()) {
      as_of += ", " + std::string(w_.against) + " " + baseline_words(r_.baseline, lang_);
      if (baseline_ != nullptr && baseline_->name == r_.baseline) {
        as_of += std::string(" (") + w_.saved + " " + format_date(baseline_->saved, lang_) + ")";
      }
    }
    text(kMargin, y_, width(), 15, as_of, {10, true}, kInk, "as-of", Align::center);
    y_ += 20;
  }

  /// Four boxes: the steps by state, the late ones in the alarm colour.
  void counts() {
    const std::pair<const char*, int> boxes[] = {{w_.done, r_.done},
                                                 {w_.underway, r_.in_progress},
                                                 {w_.late, r_.late},
                                                 {w_.not_started, r_.not_started}};
    const double gap = 8, box_w = (width() - 3 * gap) / 4, box_h = 40;
    double x = kMargin;
    for (const auto& [label, n] : boxes) {
      const bool alarm = label == w_.late && n > 0;
      const Color color = alarm ? kLate : kInk;
      page_.ops.emplace_back(RectOp{x,
                                    y_,
                                    box_w,
                                    box_h,
                                    from_hex(0xf7f7f7),
                                    Stroke{alarm ? kLate : kRule, alarm ? 1.2 : 0.6, {}},
                                    3,
                                    {"count-box", label}});
      text(x, y_ + 3, box_w, 20, std::to_string(n), {15, true}, color, "count", Align::center);
      text(x, y_ + 23, box_w, 14, label, {8.5, alarm}, color, "count-label", Align::center);
      x += box_w + gap;
    }
    y_ += box_h + 6;
  }

  /// The names of a chain's steps, "A → B → C".
  std::string chain_text(const std::vector<std::string>& ids) const {
    std::string out;
    for (const auto& id : ids) {
      const auto it = name_of_.find(id);
      out += (out.empty() ? "" : " → ") + (it == name_of_.end() ? id : it->second);
    }
    return out;
  }

  void dates() {
    // The committee's question first: what is most late. Ranked by margin,
    // so a list cut to a few rows never hides a late date behind punctual ones.
    const auto rows = most_late_first(r_);
    if (rows.empty()) return;
    section(w_.dates);
    const double cols[] = {0.49, 0.16, 0.16, 0.19};
    const char* heads[] = {w_.subject, w_.target, w_.forecast, w_.margin};
    page_.ops.emplace_back(
        RectOp{kMargin, y_, width(), kRowH + 2, kHeadFill, std::nullopt, 0, {"table-head", {}}});
    double x = kMargin;
    for (std::size_t i = 0; i < 4; ++i) {
      text(x + 3, y_, cols[i] * width() - 6, kRowH + 2, heads[i], {8, true}, kInk, "column",
           i == 0 ? Align::left : Align::right);
      x += cols[i] * width();
    }
    y_ += kRowH + 2;
    const std::size_t shown = std::min(rows.size(), kMaxDates);
    for (std::size_t i = 0; i < shown; ++i) date_row(*rows[i], cols);
    if (shown < rows.size()) {
      more(rows.size() - shown,
           std::count_if(rows.begin() + static_cast<std::ptrdiff_t>(shown), rows.end(),
                         [](const Forecast* f) { return f->at_risk(); }));
    }
  }

  void date_row(const Forecast& f, const double (&cols)[4]) {
    const bool risk = f.at_risk();
    const Color color = risk ? kLate : kInk;
    const std::string kind = f.kind == "event" ? w_.event : w_.deadline;
    const std::string cells[] = {kind + ": " + f.name, format_date(f.target, lang_),
                                 format_date(f.forecast, lang_), signed_days(f.margin)};
    double x = kMargin;
    for (std::size_t i = 0; i < 4; ++i) {
      text(x + 3, y_, cols[i] * width() - 6, kRowH, cells[i], {8, risk && (i == 0 || i == 3)},
           color, i == 0 ? "subject" : "cell", i == 0 ? Align::left : Align::right);
      x += cols[i] * width();
    }
    y_ += kRowH;
    if (risk && !f.drivers.empty()) {
      text(kMargin + 12, y_ - 2, width() - 15, kChainH,
           std::string(w_.chain) + ": " + chain_text(f.drivers), {7.5, false, true}, kLate,
           "chain");
      y_ += kChainH;
    }
    rule(y_);
  }

  /// "… và N mục khác", and how many of them are late when any is (only
  /// when more are late than the list shows: it shows the most late first).
  void more(std::size_t n, std::ptrdiff_t late = 0) {
    auto line = more_text(w_, n);
    if (late > 0) line += w_.of_them + std::to_string(late) + w_.late_among;
    text(kMargin + 3, y_, width() - 6, 13, line, {8, false, true}, late > 0 ? kLate : kGrey,
         "more");
    y_ += 13;
  }

  void late_steps() {
    const auto late = tiendo::late_steps(r_);
    section(w_.late_steps);
    if (late.empty()) {
      text(kMargin + 3, y_, width() - 6, 13, w_.none_late, {8}, kInk, "late-none");
      y_ += 14;
      return;
    }
    const std::size_t shown = std::min(late.size(), kMaxLate);
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& s = *late[i];
      const std::string what =
          s.name + (s.task.empty() || s.task == s.name ? "" : " (" + s.task + ")");
      const std::string why = std::string(w_.behind) + " " + std::to_string(s.behind) +
                              (lang_ == Lang::en ? " working days, " : " ngày làm việc, ") +
                              w_.due + " " + format_date(s.finish, lang_);
      text(kMargin + 3, y_, width() * 0.5 - 6, kRowH, "• " + what, {8}, kInk, "late-step");
      text(kMargin + width() * 0.5, y_, width() * 0.5 - 3, kRowH, why, {8, true}, kLate, "late-why",
           Align::right);
      y_ += kRowH;
    }
    if (shown < late.size()) more(late.size() - shown);
  }

  /// The findings' block: measured first, so the chart above takes what is
  /// left of the page.
  double findings_height() const {
    if (r_.findings.empty()) return 0;
    const auto shown = std::min(r_.findings.size(), kMaxFindings);
    return kSectionH + 6 + static_cast<double>(shown) * kFindingH +
           (shown < r_.findings.size() ? 13 : 0);
  }

  void findings() {
    if (r_.findings.empty()) return;
    section(w_.findings);
    const std::size_t shown = std::min(r_.findings.size(), kMaxFindings);
    const std::string_view lang = lang_ == Lang::en ? "en" : "vi";
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& f = r_.findings[i];
      const Color color = f.severity == Severity::error ? kLate : kInk;
      text(kMargin + 3, y_, width() - 6, kFindingH, std::to_string(i + 1) + ". " + f.message(lang),
           {8}, color, "finding", Align::left, 2);
      y_ += kFindingH;
    }
    if (shown < r_.findings.size()) more(r_.findings.size() - shown);
  }

  /// The Gantt chart from a week before the status date to six weeks
  /// after it, at the chart's own sizes (8 pt text, as printed charts), the
  /// rows that do not fit counted below it.
  void gantt(double bottom) {
    const Date from = r_.status_date - date::days{7 * kGanttWeeksBefore};
    const Date to = r_.status_date + date::days{7 * kGanttWeeksAfter};
    const double avail = bottom - y_ - kSectionH;
    if (avail < kMinGanttH) return;  // no heading over an empty space
    section(std::string(w_.gantt) + " (" + labels_range(from, to) + ")");
    GanttOptions o;
    o.lang = lang_;
    o.from = from;
    o.to = to;
    o.status_date = r_.status_date;
    o.columns = {Column::number, Column::name};
    o.links = Links::none;   // six weeks of arrows cut at both ends say little
    o.baseline = baseline_;  // the grey bars the report's variance is measured against
    // The chart's margins are 24 pt; the box it fills is the page's width.
    constexpr double kChartMargin = style::kMargin;
    auto inset = layout_gantt_inset(a_, o, m_, {width() + 2 * kChartMargin, avail - 14});
    transform(inset.page.ops, 1, {kMargin - kChartMargin, y_});
    for (auto& op : inset.page.ops) page_.ops.push_back(std::move(op));
    y_ += inset.page.height;
    if (inset.omitted > 0) more(inset.omitted);
  }

  std::string labels_range(Date from, Date to) const {
    return lang_ == Lang::en ? format_iso(from) + " – " + format_iso(to)
                             : format_vn(from) + " – " + format_vn(to);
  }

  void footer() {
    const double y = kPageH - kMargin + 8;
    text(kMargin, y, width(), 12, std::string(w_.page) + " 1/1", {8}, kGrey, "footer",
         Align::right);
    text(kMargin, y, width() / 2, 12, r_.plan_id + " · tiendo", {8}, kGrey, "footer");
  }

  const Analysis& a_;
  const StatusReport& r_;
  Lang lang_;
  const TextMetrics& m_;
  const StatusWords& w_;
  const Baseline* baseline_;
  std::map<std::string, std::string> name_of_;
  Page page_{kPageW, kPageH, {}};
  double y_ = kMargin;
  int count_ = 0;
};

}  // namespace

DisplayList layout_status(const Analysis& analysis, const StatusReport& report, Lang lang,
                          const TextMetrics& metrics, const Baseline* baseline) {
  return StatusLayout(analysis, report, lang, metrics, baseline).run();
}

RenderResult render_status(const Analysis& analysis, const StatusReport& report, Lang lang,
                           const Baseline* baseline) {
  if (!analysis.ok()) return {{}, 0, "the plan has errors: no status report to draw"};
  const PangoMetrics metrics;
  const auto list = layout_status(analysis, report, lang, metrics, baseline);
  PaintOptions options;
  options.created = format_iso(report.status_date) + "T00:00:00";  // same report, same bytes
  auto result = paint(list, Format::pdf, options);
  result.pages = static_cast<int>(list.pages.size());
  return result;
}

}  // namespace tiendo::render
