// The agenda as a printable PDF: one page per sixteen-odd items, the column
// headings on every page, the same bytes for the same agenda.
#include <gtest/gtest.h>
#include <tiendo/render/render.hpp>

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

}  // namespace
}  // namespace tiendo
