// The agenda as a printable PDF: one page per sixteen-odd items, the column
// headings on every page and whole, the same bytes for the same agenda; "hết
// dự trữ" only on an item whose documents have no day to spare.
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <tiendo/render/render.hpp>

#include <string>

namespace tiendo {
namespace {

/// A portfolio with one meeting of `items` items (no plans behind it: the
/// agenda draws only what the meeting holds).
Portfolio with_meeting(int items) {
  Portfolio p;
  AgendaMeeting m;
  m.committee = "BTV";
  m.committee_name = "Ban Thường vụ Đảng ủy Khối";
  m.date = Date{date::year{2024} / 7 / 30};
  m.max_items = 3;
  for (int i = 0; i < items; ++i) {
    AgendaItem item;
    item.step = {"a.yaml",
                 "35-KH/ĐUK",
                 "t.s" + std::to_string(i),
                 "Trình BTV duyệt đề án số " + std::to_string(i),
                 {}};
    item.task = "Hội thi báo cáo viên giỏi";
    item.owner = "Đ/c Ngô Văn Lâm";
    item.lead = "Ban Tuyên giáo ĐUK";
    item.documents_due = Date{date::year{2024} / 7 / 25};
    item.late = i % 2 == 0;
    m.items.push_back(item);
  }
  p.meetings.push_back(m);
  return p;
}

TEST(AgendaPdf, PagesFollowTheItems) {
  // Page 1: title, meeting heading and column headings, then 16 rows of 40
  // pt; each next page its headings and 18 rows: 40 items are 3 pages.
  EXPECT_EQ(render::render_agenda(with_meeting(3), {}, Lang::vi).pages, 1);
  EXPECT_EQ(render::render_agenda(with_meeting(16), {}, Lang::vi).pages, 1);
  EXPECT_EQ(render::render_agenda(with_meeting(17), {}, Lang::vi).pages, 2);
  const auto forty = render::render_agenda(with_meeting(40), {}, Lang::vi);
  ASSERT_EQ(forty.error, "");
  EXPECT_EQ(forty.pages, 3);
  EXPECT_EQ(forty.bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(render::render_agenda(with_meeting(40), {}, Lang::vi).bytes, forty.bytes);
}

TEST(AgendaPdf, NoMeetingIsAnErrorNotAnEmptyPage) {
  const auto none = render::render_agenda(with_meeting(3), {"BCH", {}, {}}, Lang::en);
  EXPECT_EQ(none.error, "no meeting with items to approve");
  EXPECT_TRUE(none.bytes.empty());
}

TEST(AgendaPdf, ColumnHeadingsAreWhole) {
  // Before, "Hạn gửi hồ sơ" was cut to "Hạn gửi hồ…" in its column.
  for (const auto lang : {Lang::vi, Lang::en}) {
    const auto svg = render::render_agenda(with_meeting(3), {}, lang, render::Format::svg);
    ASSERT_EQ(svg.error, "");
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(svg.bytes.data(), svg.bytes.size()));
    std::string heads;
    for (const auto& t : doc.select_nodes("//text[@class='column']")) {
      std::string line;
      for (const auto& piece : t.node().select_nodes(".//text()")) line += piece.node().value();
      heads += (heads.empty() ? "" : " ") + line;
    }
    EXPECT_EQ(heads, lang == Lang::vi
                         ? "STT Kế hoạch Nội dung trình Người phụ trách Đơn vị chủ "
                           "trì Hạn gửi hồ sơ Tình trạng"
                         : "No. Plan Item Person in charge Lead unit Papers due State");
    EXPECT_EQ(heads.find("…"), std::string::npos) << heads;
  }
}

/// Three approvals pinned to the BTV meeting of 28/5/2024 (documents due
/// 3 working days before, on 23/5), after drafts from 1/4 on a Monday-to-
/// Friday calendar: 38 working days end on 22/5, the last day that still
/// makes the papers (no day to spare); 30 end on 10/5 (8 to spare); 40 on
/// 24/5 (too late).
constexpr const char* kMargins = R"(plan: {id: A-1, title: Agenda margins, start: 2024-04-01}
calendar: {days_off: [sat, sun]}
committees:
  BTV: {name: Ban Thường vụ, meetings: [2024-05-28, 2024-07-30], submit_lead: 3d}
tasks:
  - id: sat
    name: Đề án sát hạn
    steps:
      - {id: du-thao, name: Dự thảo, kind: draft, duration: 38d}
      - {id: duyet, name: Trình duyệt đề án, kind: approval, at: {committee: BTV, date: 2024-05-28}, after: du-thao}
  - id: du
    name: Đề án còn dư
    steps:
      - {id: du-thao, name: Dự thảo, kind: draft, duration: 30d}
      - {id: duyet, name: Trình duyệt kế hoạch, kind: approval, at: {committee: BTV, date: 2024-05-28}, after: du-thao}
  - id: tre
    name: Đề án trễ
    steps:
      - {id: du-thao, name: Dự thảo, kind: draft, duration: 40d}
      - {id: duyet, name: Trình duyệt báo cáo, kind: approval, at: {committee: BTV, date: 2024-05-28}, after: du-thao}
)";

TEST(AgendaPdf, NoSlackLeftOnlyWhereItIsTrue) {
  // Before, every item pinned to a meeting said "hết dự trữ" (its float is
  // 0 because the pin fixes it), whatever time its documents had.
  const auto p = analyze_portfolio({{"a.yaml", kMargins}}, std::nullopt);
  ASSERT_EQ(p.meetings.size(), 1u);
  const auto& items = p.meetings.front().items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].documents_due, (Date{date::year{2024} / 5 / 23}));
  EXPECT_EQ(items[0].margin, 0);
  EXPECT_TRUE(items[0].at_risk);
  EXPECT_EQ(agenda_state(items[0], Lang::vi), "hết dự trữ");
  EXPECT_EQ(items[1].margin, 8);
  EXPECT_FALSE(items[1].at_risk);
  EXPECT_EQ(agenda_state(items[1], Lang::vi), "kịp, dư 8 ngày làm việc");
  EXPECT_EQ(agenda_state(items[1], Lang::en), "on time, 8 working days spare");
  EXPECT_TRUE(items[2].late);
  EXPECT_FALSE(items[2].at_risk) << "late, not 'no slack'";
  EXPECT_EQ(agenda_state(items[2], Lang::vi), "TRỄ HẠN");
  // Drawn, the agenda says each item's own state.
  const auto svg = render::render_agenda(p, {}, Lang::vi, render::Format::svg);
  EXPECT_NE(svg.bytes.find("hết dự trữ"), std::string::npos);
  EXPECT_NE(svg.bytes.find("dư 8 ngày"), std::string::npos);
}

}  // namespace
}  // namespace tiendo
