// The agenda of committee meetings as a printed table a secretary hands
// round: A4 portrait, a heading per meeting, one row per item to approve,
// the column headings repeated on every page (whole: each column at least
// as wide as the longest word of its heading, which wraps to two lines).
// As SVG, the same table on one page as long as it needs.
#include <tiendo/render/render.hpp>

#include <algorithm>

#include "display_list.hpp"
#include "painter.hpp"
#include "pango_metrics.hpp"
#include "style.hpp"
#include "svg_writer.hpp"

namespace tiendo::render {

namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4 portrait, points
constexpr double kMargin = 36;
constexpr double kHeaderH = 26, kRowH = 40, kMeetingH = 28;

using style::kInk;
const Color kGrey = style::kMutedInk;
const Color kRule = style::kTableRule;
const Color kHeadFill = style::kTableHead;
const Color kLate = style::kLateInk;
const Color kRisk = from_hex(0x9a6700);

struct ColumnSpec {
  const char* vi;
  const char* en;
  double width;  ///< share of the table's width
};

constexpr ColumnSpec kColumns[] = {{"STT", "No.", 0.05},
                                   {"Kế hoạch", "Plan", 0.12},
                                   {"Nội dung trình", "Item", 0.28},
                                   {"Người phụ trách", "Person in charge", 0.14},
                                   {"Đơn vị chủ trì", "Lead unit", 0.14},
                                   {"Hạn gửi hồ sơ", "Papers due", 0.12},
                                   {"Tình trạng", "State", 0.15}};
constexpr std::size_t kItemColumn = 2;
const Font kHeadFont{8, true};

/// The columns' widths in points: each its share of `table`, widened to
/// hold the longest word of its heading (a heading may wrap, never cut), the
/// item's column giving up what the others took.
std::vector<double> column_widths(const TextMetrics& m, Lang lang, double table) {
  std::vector<double> widths;
  double taken = 0;
  for (const auto& c : kColumns) {
    const std::string_view head = lang == Lang::en ? c.en : c.vi;
    double longest = 0;
    for (std::size_t at = 0; at <= head.size();) {
      const auto space = std::min(head.find(' ', at), head.size());
      longest = std::max(longest, m.width(head.substr(at, space - at), kHeadFont));
      at = space + 1;
    }
    widths.push_back(std::max(c.width * table, longest + 8));
    taken += widths.back();
  }
  widths[kItemColumn] -= taken - table;
  return widths;
}

class AgendaLayout {
 public:
  /// `paged`: A4 pages; otherwise one page as long as the table (SVG).
  AgendaLayout(const std::string& title, Lang lang, const TextMetrics& metrics, bool paged)
      : title_(title),
        lang_(lang),
        paged_(paged),
        widths_(column_widths(metrics, lang, kPageW - 2 * kMargin)) {
    new_page();
  }

  void meeting(const AgendaMeeting& m) {
    const bool en = lang_ == Lang::en;
    if (full(kMeetingH + kHeaderH + kRowH)) new_page();
    const bool over = m.max_items > 0 && static_cast<int>(m.items.size()) > m.max_items;
    std::string heading = (en ? "Meeting of " : "Kỳ họp ") + m.committee +
                          (m.committee_name.empty() ? "" : " — " + m.committee_name) +
                          (en ? ", " : ", ngày ") + format_date(m.date, lang_) + ": " +
                          std::to_string(m.items.size()) +
                          (en ? (m.items.size() == 1 ? " item" : " items") : " nội dung");
    if (m.max_items > 0)
      heading += (en ? " (at most " : " (tối đa ") + std::to_string(m.max_items) + ")";
    text(kMargin, y_, width(), kMeetingH, heading, {11, true}, over ? kLate : kInk, "meeting");
    y_ += kMeetingH;
    header();
    int n = 0;
    for (const auto& item : m.items) {
      if (full(kRowH)) {
        new_page();
        header();
      }
      row(++n, item);
    }
    y_ += 10;
  }

  DisplayList finish() {
    DisplayList out;
    if (!paged_) pages_.back().height = y_ + kMargin;
    const int count = static_cast<int>(pages_.size());
    for (int i = 0; i < count; ++i) {
      auto& p = pages_[static_cast<std::size_t>(i)];
      TextOp footer;
      footer.x = kMargin;
      footer.y = p.height - kMargin + 8;
      footer.w = kPageW - 2 * kMargin;
      footer.h = 14;
      footer.text = (lang_ == Lang::en ? "Page " : "Trang ") + std::to_string(i + 1) + "/" +
                    std::to_string(count);
      footer.font = {8, false};
      footer.color = kGrey;
      footer.align = Align::right;
      footer.tag = {"footer", std::to_string(i + 1)};
      p.ops.emplace_back(std::move(footer));
      out.pages.push_back(std::move(p));
    }
    out.title = title_;
    out.creator = "tiendo";
    return out;
  }

 private:
  double width() const { return kPageW - 2 * kMargin; }

  /// Whether `h` more points run past the page's foot.
  bool full(double h) const { return paged_ && y_ + h > kPageH - kMargin; }

  void new_page() {
    pages_.push_back({kPageW, kPageH, {}});
    y_ = kMargin;
    if (pages_.size() == 1) {
      text(kMargin, y_, width(), 40, title_, {14, true}, kInk, "title", Align::left, 2);
      y_ += 46;
    }
  }

  void text(double x, double y, double w, double h, std::string s, Font font, Color color,
            const std::string& role, Align align = Align::left, int lines = 1) {
    TextOp t;
    t.x = x;
    t.y = y;
    t.w = w;
    t.h = h;
    t.text = std::move(s);
    t.font = font;
    t.color = color;
    t.align = align;
    t.max_lines = lines;
    t.tag = {role, std::to_string(count_++)};
    pages_.back().ops.emplace_back(std::move(t));
  }

  void rule(double y) {
    PathOp line;
    line.points = {{kMargin, y}, {kMargin + width(), y}};
    line.stroke = {kRule, 0.5, {}};
    line.tag = {"rule", std::to_string(count_++)};
    pages_.back().ops.emplace_back(std::move(line));
  }

  void header() {
    RectOp fill;
    fill.x = kMargin;
    fill.y = y_;
    fill.w = width();
    fill.h = kHeaderH;
    fill.fill = kHeadFill;
    fill.tag = {"header", std::to_string(count_++)};
    pages_.back().ops.emplace_back(std::move(fill));
    double x = kMargin;
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
      const auto& c = kColumns[i];
      text(x + 3, y_, widths_[i] - 6, kHeaderH, lang_ == Lang::en ? c.en : c.vi, kHeadFont, kInk,
           "column", Align::left, 2);
      x += widths_[i];
    }
    y_ += kHeaderH;
    rule(y_);
  }

  void row(int n, const AgendaItem& item) {
    const std::string state = agenda_state(item, lang_);
    const Color state_color = item.late ? kLate : item.at_risk ? kRisk : kInk;
    const std::string cells[] = {std::to_string(n),
                                 item.step.plan,
                                 item.step.name + " (" + item.task + ")",
                                 item.owner,
                                 item.lead,
                                 format_date(item.documents_due, lang_),
                                 state};
    double x = kMargin;
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
      const double w = widths_[i];
      text(x + 3, y_ + 2, w - 6, kRowH - 4, cells[i], {8, i == 6 && item.late},
           i == 6 ? state_color : kInk, i == 2 ? "item" : "cell", Align::left, 3);
      x += w;
    }
    y_ += kRowH;
    rule(y_);
  }

  std::string title_;
  Lang lang_;
  bool paged_;
  std::vector<double> widths_;  ///< the columns', in points
  std::vector<Page> pages_;
  double y_ = 0;
  int count_ = 0;
};

}  // namespace

RenderResult render_agenda(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang,
                           Format format) {
  const bool en = lang == Lang::en;
  if (format == Format::png) return {{}, 0, "the agenda is drawn as PDF or SVG"};
  const std::string office =
      portfolio.shared && !portfolio.shared->info.title.empty() ? portfolio.shared->info.title : "";
  const PangoMetrics metrics;
  AgendaLayout layout((en ? "Agenda of the meetings" : "Chương trình các kỳ họp") +
                          (office.empty() ? "" : " — " + office),
                      lang, metrics, format == Format::pdf);
  Date first{};
  bool any = false;
  for (const auto& m : portfolio.meetings) {
    if (!filter.committee.empty() && m.committee != filter.committee) continue;
    if ((filter.from && m.date < *filter.from) || (filter.to && m.date > *filter.to)) continue;
    if (!any) first = m.date;
    any = true;
    layout.meeting(m);
  }
  if (!any)
    return {
        {}, 0, en ? "no meeting with items to approve" : "không có kỳ họp nào có nội dung trình"};
  const auto list = layout.finish();
  if (format == Format::svg) return {write_svg(list, metrics), 1, {}};
  PaintOptions options;
  options.created = format_iso(first) + "T00:00:00";  // the same agenda, the same bytes
  auto result = paint(list, Format::pdf, options);
  result.pages = static_cast<int>(list.pages.size());
  return result;
}

}  // namespace tiendo::render
