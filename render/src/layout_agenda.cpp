// The agenda of committee meetings as a printed table a secretary hands
// round: A4 portrait, a heading per meeting, one row per item to approve,
// the column headings repeated on every page.
#include <tiendo/render/render.hpp>

#include "display_list.hpp"
#include "painter.hpp"
#include "style.hpp"

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
                                   {"Nội dung trình", "Item", 0.30},
                                   {"Người phụ trách", "Person in charge", 0.15},
                                   {"Đơn vị chủ trì", "Lead unit", 0.15},
                                   {"Hạn gửi hồ sơ", "Papers due", 0.11},
                                   {"Tình trạng", "State", 0.12}};

class AgendaLayout {
 public:
  AgendaLayout(const std::string& title, Lang lang) : title_(title), lang_(lang) { new_page(); }

  void meeting(const AgendaMeeting& m) {
    const bool en = lang_ == Lang::en;
    if (y_ + kMeetingH + kHeaderH + kRowH > kPageH - kMargin) new_page();
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
      if (y_ + kRowH > kPageH - kMargin) {
        new_page();
        header();
      }
      row(++n, item);
    }
    y_ += 10;
  }

  DisplayList finish() {
    DisplayList out;
    const int count = static_cast<int>(pages_.size());
    for (int i = 0; i < count; ++i) {
      auto& p = pages_[static_cast<std::size_t>(i)];
      TextOp footer;
      footer.x = kMargin;
      footer.y = kPageH - kMargin + 8;
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
    for (const auto& c : kColumns) {
      const double w = c.width * width();
      text(x + 3, y_, w - 6, kHeaderH, lang_ == Lang::en ? c.en : c.vi, {8, true}, kInk, "column");
      x += w;
    }
    y_ += kHeaderH;
    rule(y_);
  }

  void row(int n, const AgendaItem& item) {
    const bool en = lang_ == Lang::en;
    const std::string state = item.late      ? (en ? "LATE" : "TRỄ HẠN")
                              : item.at_risk ? (en ? "no float left" : "hết dự trữ")
                                             : (en ? "on time" : "kịp");
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
      const double w = kColumns[i].width * width();
      text(x + 3, y_ + 2, w - 6, kRowH - 4, cells[i], {8, i == 6 && item.late},
           i == 6 ? state_color : kInk, i == 2 ? "item" : "cell", Align::left, 3);
      x += w;
    }
    y_ += kRowH;
    rule(y_);
  }

  std::string title_;
  Lang lang_;
  std::vector<Page> pages_;
  double y_ = 0;
  int count_ = 0;
};

}  // namespace

RenderResult render_agenda(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang) {
  const bool en = lang == Lang::en;
  const std::string office =
      portfolio.shared && !portfolio.shared->info.title.empty() ? portfolio.shared->info.title : "";
  AgendaLayout layout((en ? "Agenda of the meetings" : "Chương trình các kỳ họp") +
                          (office.empty() ? "" : " — " + office),
                      lang);
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
  PaintOptions options;
  options.created = format_iso(first) + "T00:00:00";  // the same agenda, the same bytes
  auto result = paint(list, Format::pdf, options);
  result.pages = static_cast<int>(list.pages.size());
  return result;
}

}  // namespace tiendo::render
