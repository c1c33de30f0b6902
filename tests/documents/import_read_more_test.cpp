// `tiendo import` on shapes met in the document corpus's documents once they
// were scored (session 7's held-out set, folded in): a header in words the
// reader did not know, a cell of several lines beside a cell of several
// dates, an item named a deadline beside a bare day, a column of months
// beside a column of days, a leader's line of a work schedule, a ceremony
// the body dates and the times that count from it, a range of days in one
// month, two times in one sentence, a time in parentheses that is another
// item's. Each date below was worked out by hand (weekdays checked in a
// calendar).
#include <tiendo/calendar.hpp>
#include <tiendo/documents/import.hpp>
#include <tiendo/parse.hpp>

#include "documents_support.hpp"
#include "import_pages.hpp"

#include <algorithm>

namespace tiendo::documents::test {
namespace {

/// What a step means: its constraints in words, "; "-joined.
std::string meaning(const Step& step) {
  std::string out;
  for (const auto& c : step.constraints) out += (out.empty() ? "" : "; ") + describe(c, Lang::en);
  return out;
}

/// The meaning of the task's steps, " | "-joined.
std::string meaning(const Task& task) {
  std::string out;
  for (const auto& s : task.steps) out += (out.empty() ? "" : " | ") + meaning(s);
  return out;
}

TEST(ImportReadMore, AHeaderInUnknownWordsPairsLinesAndReadsNamedDeadlines) {
  // Shaped like 005: "Mô Tả | Ngày"; a content cell of a head and two items
  // beside a cell of two dates; items named "Hạn chót …" beside bare days.
  const auto in = imported(
      page("Lịch đào tạo",
           "<table border=\"1\"><tr><th>Mô Tả</th><th>Ngày</th></tr>"
           "<tr><td>Hạn chót đăng ký môn học</td><td>10/08/2017</td></tr>"
           "<tr><td><p>Hạn chót thanh toán học phí</p><p>– Đối với sinh viên từ khóa 10-22</p>"
           "<p>– Đối với sinh viên khóa 23</p></td><td><p>25/09/2017</p><p>09/10/2017</p></td></tr>"
           "<tr><td>Tuần lễ kiểm tra giữa kỳ</td><td>Từ 13/11/2017 đến 18/11/2017</td></tr>"
           "</table>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  // A bare day beside "Hạn chót …" is the deadline, not the day it happens.
  EXPECT_EQ(meaning(plan.tasks[0]), "due by 2017-08-10") << in.result.yaml;
  // A line per item: the first date is the first item's, none the head's.
  const auto& fees = plan.tasks[1];
  ASSERT_EQ(fees.steps.size(), 2u) << in.result.yaml;
  EXPECT_EQ(fees.steps[0].name, "Đối với sinh viên từ khóa 10-22");
  EXPECT_EQ(meaning(fees.steps[0]), "due by 2017-09-25");
  EXPECT_EQ(meaning(fees.steps[1]), "due by 2017-10-09");
  // A span stays a span.
  EXPECT_NE(meaning(plan.tasks[2]).find("2017-11-13"), std::string::npos) << meaning(plan.tasks[2]);
  EXPECT_NE(meaning(plan.tasks[2]).find("2017-11-18"), std::string::npos) << meaning(plan.tasks[2]);
}

TEST(ImportReadMore, TheLeftmostOfUnknownColumnsNamesTheRowAndANumberIsNoHeader) {
  // Of several columns the reader cannot place, the leftmost names the row
  // and the others are its notes (session 10, the sixth collection's 114:
  // "Cây trồng" | "Giống chủ yếu" | "Thời vụ"); a value ("29/03/2024") is
  // no header.
  const auto two = imported(page("x",
                                 "<table><tr><th>Cây trồng</th><th>Giống chủ yếu</th><th>Thời "
                                 "vụ</th></tr><tr><td>Khoai lang</td><td>Các loại</td><td>5/11/2021"
                                 "-5/1/2022</td></tr></table>"));
  ASSERT_EQ(two.plan.tasks.size(), 1u) << two.result.yaml;
  EXPECT_EQ(two.plan.tasks[0].name, "Khoai lang: Các loại");
  EXPECT_EQ(meaning(two.plan.tasks[0]), "within 2021-11-05 .. 2022-01-05; starts on 2021-11-05")
      << two.result.yaml;
  const auto value = import_plan(page("x",
                                      "<table><tr><td>Ngày ban hành</td><td>29/03/2024</td>"
                                      "</tr><tr><td>a</td><td>b</td></tr></table>"),
                                 "notice.html");
  EXPECT_EQ(value.yaml.find("from table 1"), std::string::npos) << value.yaml;
}

TEST(ImportReadMore, HeaderWordsOfOtherIssuers) {
  // "Đầu việc", "Thời điểm", "Trách nhiệm", "Hạn chót": headers met in
  // schools' and agencies' tables. 30/9/2020 is a Wednesday.
  const auto in = imported(page(
      "Kế hoạch",
      "<table border=\"1\"><tr><th>TT</th><th>Đầu việc</th><th>Thời điểm</th><th>Trách nhiệm</th>"
      "<th>Bộ phận</th></tr>"
      "<tr><td>1</td><td>Rà soát hồ sơ</td><td>Tháng 9/2020</td><td>Ông A</td><td>Phòng Đào "
      "tạo</td>"
      "</tr><tr><td>2</td><td>Nộp báo cáo</td><td>Trước ngày 30/9/2020</td><td>Bà B</td>"
      "<td>Khoa</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "within 2020-09-01 .. 2020-09-30") << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[1]), "due by 2020-09-29") << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].owner, "Ông A") << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[1].lead, "Khoa") << in.result.yaml;
  const auto due = imported(page("Kế hoạch",
                                 "<table border=\"1\"><tr><th>Nội dung</th><th>Hạn chót</th></tr>"
                                 "<tr><td>Nộp hồ sơ</td><td>30/9/2020</td></tr></table>"));
  ASSERT_EQ(due.plan.tasks.size(), 1u) << due.result.yaml;
  EXPECT_EQ(meaning(due.plan.tasks[0]), "due by 2020-09-30") << due.result.yaml;
}

TEST(ImportReadMore, AColumnOfMonthsGivesTheDayItsMonth) {
  // Shaped like 019: 18/6/2019 is a Tuesday (thứ Ba), 19/8/2019 a Monday.
  const auto in = imported(
      page("Lịch tiếp dân năm 2019",
           "<p><b>Lịch tiếp dân của đồng chí Bí thư Huyện uỷ năm 2019</b></p>"
           "<table border=\"1\"><tr><th>STT</th><th>Tháng</th><th>Ngày tiếp công dân</th></tr>"
           "<tr><td>1</td><td>Tháng 6</td><td>Ngày 18 (thứ Ba)</td></tr>"
           "<tr><td>2</td><td>Tháng 8</td><td>Ngày 19 (thứ Hai)</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "starts on 2019-06-18") << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[1]), "starts on 2019-08-19") << in.result.yaml;
  EXPECT_NE(in.result.yaml.find("the month from 'Tháng 6'"), std::string::npos) << in.result.yaml;
}

TEST(ImportReadMore, SeveralDaysInAMonthsCellAreAStepEach) {
  // Shaped like 050: Thursdays of July 2025 are 3, 10, 17, 24 and 31.
  const auto in = imported(
      page("Lịch tiếp công dân năm 2025",
           "<p><b>Lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2025</b></p>"
           "<table border=\"1\"><tr><th>Tháng</th><th>Người Tiếp công dân</th><th>Chức vụ</th>"
           "<th>Ngày tiếp công dân</th></tr>"
           "<tr><td>Tháng 7</td><td>Nguyễn Thị Thống</td><td>Chủ tịch</td>"
           "<td>Ngày 03; 10; 17; 24; 31 (Thứ 5)</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  const auto& july = in.plan.tasks[0];
  ASSERT_EQ(july.steps.size(), 5u) << in.result.yaml;
  const char* days[] = {"2025-07-03", "2025-07-10", "2025-07-17", "2025-07-24", "2025-07-31"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(meaning(july.steps[i]), std::string("starts on ") + days[i]) << in.result.yaml;
  }
}

TEST(ImportReadMore, ACalendarOfMonthsGivesEachItemItsDayOrTheRowsPeriod) {
  // Shaped like 040: the month column ("8/2019"), the period ("Từ 05 -
  // 31/8"), a cell of items each maybe with its own day in parentheses.
  const auto in = imported(
      page("Lịch chỉ đạo năm học 2019-2020",
           "<table border=\"1\"><tr><th>THÁNG</th><th>TUẦN C.MÔN</th><th>NỘI DUNG CÔNG VIỆC</th>"
           "<th>BỘ PHẬN T.HIỆN</th></tr>"
           "<tr><td>8/2019</td><td>Từ<br>05 - 31/8</td><td>"
           "<p>- Yêu cầu giáo viên trả phép đúng thời gian (05/8)</p>"
           "<p>- Tu bổ CSVC, thiết bị, đồ dùng.</p>"
           "<p>- Tổ chức cho học sinh tựu trường<br>( 19/8/2019)</p>"
           "<p>- Nộp báo cáo số lượng huy động trẻ tháng 8/2019 ( chiều 28/9 )</p>"
           "</td><td><p>- BGH</p></td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  const auto& august = in.plan.tasks[0];
  EXPECT_EQ(august.name, "Tháng 8/2019");
  ASSERT_EQ(august.steps.size(), 4u) << in.result.yaml;
  EXPECT_EQ(august.steps[0].name, "Yêu cầu giáo viên trả phép đúng thời gian");
  EXPECT_EQ(meaning(august.steps[0]), "starts on 2019-08-05");
  EXPECT_NE(meaning(august.steps[1]).find("within 2019-08-05 .. 2019-08-31"), std::string::npos)
      << in.result.yaml;
  EXPECT_EQ(august.steps[2].name, "Tổ chức cho học sinh tựu trường");
  EXPECT_EQ(meaning(august.steps[2]), "starts on 2019-08-19");
  // A report to hand in, on a day: that day is its deadline.
  EXPECT_EQ(meaning(august.steps[3]), "due by 2019-09-28") << in.result.yaml;
}

TEST(ImportReadMore, AProgrammeOfNumberedDaysSessionsAndHourRanges) {
  // Shaped like 042: "Ngày thứ 2" is the programme's second day, not a
  // Monday; items under "Buổi sáng:" stay on their day; "7-9h:",
  // "15h30-17h:" and "17h30 – 19h:" are clock times, not words of the item.
  const auto in = imported(page(
      "Chương trình Đại hội",
      "<p><b>Chương trình Đại hội Thi đua yêu nước toàn quốc lần thứ IX</b></p>"
      "<p>Đại hội Thi đua yêu nước toàn quốc lần thứ IX diễn ra trong 2 ngày (6-7/12/2015) với "
      "các nội dung, lịch trình cụ thể:</p>"
      "<p><b>Ngày thứ nhất (6/12/2015)</b></p><p><b>Buổi sáng:</b></p>"
      "<p>- 7-9h: Các đoàn vào Lăng viếng Chủ tịch Hồ Chí Minh.</p>"
      "<p><b>Buổi chiều:</b></p>"
      "<p>15h30-17h: Giao lưu với các điển hình tiên tiến.</p>"
      "<p>17h30 – 19h: Lãnh đạo Đảng, Nhà nước chiêu đãi các đại biểu.</p>"
      "<p><b>Ngày thứ 2 (8/12/2015)</b></p><p><b>Buổi sáng từ 8-12h:</b></p>"
      "<p>- Nghi lễ khai mạc Đại hội.</p>"));
  const auto& plan = in.plan;
  const auto* congress = named(plan, "Đại hội Thi đua yêu nước");
  ASSERT_NE(congress, nullptr) << in.result.yaml;
  EXPECT_NE(meaning(*congress).find("2015-12-06"), std::string::npos) << meaning(*congress);
  EXPECT_NE(meaning(*congress).find("2015-12-07"), std::string::npos) << meaning(*congress);
  for (const auto* words : {"Các đoàn vào Lăng", "Giao lưu với", "Lãnh đạo Đảng"}) {
    const auto* item = named(plan, words);
    ASSERT_NE(item, nullptr) << words << "\n" << in.result.yaml;
    EXPECT_TRUE(item->name.starts_with(words)) << item->name;  // no clock left in front
    EXPECT_EQ(meaning(*item), "starts on 2015-12-06") << words;
  }
  // 8/12/2015 was a Tuesday: read as "Thứ 2" (Monday) it would be refused.
  const auto* opening = named(plan, "Nghi lễ khai mạc");
  ASSERT_NE(opening, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*opening), "starts on 2015-12-08") << in.result.yaml;
}

TEST(ImportReadMore, ALeadersLineIsAnItemOfTheDayAndEachClockTimeATask) {
  // Shaped like 016: 25/3/2023 is a Saturday, 27/3/2023 a Monday; the
  // leader's lines carry no "- " and hold several activities.
  const auto in = imported(page(
      "Lịch làm việc",
      "<p><b>THỨ BẢY, NGÀY 25/3/2023</b></p>"
      "<p>Chủ tịch: 7 giờ 30 phút, báo cáo bài lớp tập huấn công tác dân vận.</p>"
      "<p><b>THỨ HAI, NGÀY 27/3/2023</b></p>"
      "<p>- Phó Chủ tịch Đỗ Văn Lô: 7 giờ, dự Ngày chạy Olympic. 8 giờ, dự kỳ họp thứ Sáu Hội đồng "
      "nhân dân xã. 14 giờ, làm việc định kỳ với Đảng ủy xã.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 4u) << in.result.yaml;
  const auto* report = named(plan, "báo cáo bài lớp tập huấn");
  ASSERT_NE(report, nullptr) << in.result.yaml;
  EXPECT_EQ(report->name.find("Chủ tịch"), std::string::npos) << report->name;
  EXPECT_EQ(meaning(*report), "starts on 2023-03-25");
  for (const auto* words : {"dự Ngày chạy Olympic", "dự kỳ họp thứ Sáu", "làm việc định kỳ"}) {
    const auto* task = named(plan, words);
    ASSERT_NE(task, nullptr) << words << "\n" << in.result.yaml;
    EXPECT_EQ(meaning(*task), "starts on 2023-03-27") << words;
  }
  EXPECT_NE(in.result.yaml.find("owner: Phó Chủ tịch Đỗ Văn Lô"), std::string::npos)
      << in.result.yaml;
}

TEST(ImportReadMore, ACeremonyTheBodyDatesIsAnEventTheOtherTimesCountFrom) {
  // Shaped like 034: 5/9/2022 less one week is 29/8/2022, less two 22/8.
  // The page's posting line ("08/08/2022 09:41 SA") is no heading of a day.
  const auto in = imported(
      page("Khung kế hoạch thời gian năm học 2022-2023",
           "<p><b>Khung kế hoạch thời gian năm học 2022-2023</b></p>"
           "<p>08/08/2022 09:41 SA</p>"
           "<p>Theo đó, khung kế hoạch thời gian năm học 2022-2023 như sau:</p>"
           "<p>- Tổ chức khai giảng vào ngày 05/9/2022.</p>"
           "<p>- Tựu trường sớm nhất trước 01 tuần so với ngày tổ chức khai giảng.</p>"
           "<p>Riêng đối với lớp 1, tựu trường sớm nhất trước 02 tuần so với ngày tổ chức khai "
           "giảng.</p>"
           "<p>Quyết định 2159/QĐ-BGDĐT có hiệu lực từ ngày 05/8/2022.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.events.size(), 1u) << in.result.yaml;
  EXPECT_EQ(plan.events[0].date, Date{date::year{2022} / 9 / 5});
  const auto* opening = named(plan, "Tổ chức khai giảng");
  ASSERT_NE(opening, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*opening), "starts on 2022-09-05");
  const auto* back = named(plan, "Tựu trường");
  ASSERT_NE(back, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*back), "not before 2022-08-29") << in.result.yaml;
  const auto* first_grade = named(plan, "Riêng đối với lớp 1");
  ASSERT_NE(first_grade, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*first_grade), "not before 2022-08-22") << in.result.yaml;
  // A decision taking effect is no task.
  EXPECT_EQ(named(plan, "hiệu lực"), nullptr) << in.result.yaml;
  EXPECT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
}

TEST(ImportReadMore, AGenericTimeLabelNamesWhatTheTitleIsAbout) {
  // Shaped like 012: "b) Thời gian: 9 giờ, thứ Sáu, ngày 26/3/2021" (a
  // Friday) is the ceremony's time, not the document's place and date; a
  // task named like the ceremony gets an id of its own.
  const auto in = imported(page(
      "Kế hoạch",
      "<p><b>Kế hoạch Chương trình tổ chức Lễ kỷ niệm 90 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh "
      "(26/3/1931 - 26/3/2021)</b></p>"
      "<p><b>2. Hình thức, thời gian, địa điểm</b></p>"
      "<p>a) Hình thức: Lễ kỷ niệm tổ chức trực tuyến.</p>"
      "<p>b) Thời gian: 9 giờ, thứ Sáu, ngày 26/3/2021.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  const auto& task = in.plan.tasks[0];
  EXPECT_TRUE(task.name.starts_with("Lễ kỷ niệm 90 năm Ngày thành lập Đoàn")) << task.name;
  EXPECT_EQ(meaning(task), "starts on 2021-03-26");
  EXPECT_EQ(in.result.yaml.find("issued:"), std::string::npos) << in.result.yaml;
}

TEST(ImportReadMore, RangesOfDaysTwoTimesInASentenceAndATimeInParentheses) {
  // Shaped like 010 and 007.
  const auto in = imported(page(
      "Kế hoạch",
      "<p>KẾ HOẠCH đăng ký học phần</p>"
      "<p>– Đại hội các chi đoàn được tổ chức và hoàn thành trong thời gian từ 15-30/8/2010.</p>"
      "<p>1. Đăng ký học phần lần 1: từ ngày 27/11/2017 đến 04/12/2017 sau ngày này Phòng Đào tạo "
      "điều chỉnh và đăng ký học phần lần 2 từ 07/12/2017 đến 10/12/2017.</p>"
      "<p>2. Nộp học phí chính thức từ ngày 20/12/2017 đến 28/01/2018 (Khoa Máy tàu biển Lịch nộp "
      "học phí từ 25/12/2017 đến 29/12/2017).</p>"
      "<p>3. Treo cờ từ ngày 31/7/2023 đến 03/8/2023 (thứ Năm 03/8/2023).</p>"));
  const auto& plan = in.plan;
  const auto has_span = [&](std::string_view words, std::string_view from, std::string_view to) {
    const auto* t = named(plan, words);
    if (t == nullptr) return false;
    const auto m = meaning(*t);
    return m.find(from) != std::string::npos && m.find(to) != std::string::npos;
  };
  EXPECT_TRUE(has_span("Đại hội các chi đoàn", "2010-08-15", "2010-08-30")) << in.result.yaml;
  EXPECT_TRUE(has_span("Đăng ký học phần lần 1", "2017-11-27", "2017-12-04")) << in.result.yaml;
  EXPECT_TRUE(has_span("đăng ký học phần lần 2", "2017-12-07", "2017-12-10")) << in.result.yaml;
  EXPECT_TRUE(has_span("Nộp học phí chính thức", "2017-12-20", "2018-01-28")) << in.result.yaml;
  EXPECT_TRUE(has_span("Khoa Máy tàu biển", "2017-12-25", "2017-12-29")) << in.result.yaml;
  // A parenthesis that restates the day is no task of its own.
  EXPECT_EQ(plan.tasks.size(), 6u) << in.result.yaml;
}

TEST(ImportReadMore, RunningTextUnderADayHeadingIsThatDaysItems) {
  // Shaped like 043: the year only in the title; "NGÀY 25-9:" headings;
  // "Buổi sáng: … . Buổi chiều: …", an announcing line, clauses split by ';'.
  const auto in = imported(page(
      "Chương trình làm việc của Đại hội VIII (từ ngày 25 đến 27-9- 2014)",
      "<p><b>Chương trình làm việc của Đại hội VIII (từ ngày 25 đến 27-9- 2014)</b></p>"
      "<ul><li><b>NGÀY 25-9:</b></li></ul>"
      "<p>Buổi sáng: Đoàn Đại biểu dâng hương tại Đài tưởng niệm liệt sĩ. Buổi chiều: Khai mạc "
      "Triển lãm hình ảnh.</p>"
      "<p>Ngày làm việc thứ nhất của Đại hội:</p>"
      "<p>Đại hội Hiệp thương cử Đoàn Chủ tịch; Báo cáo tình hình đại biểu tham dự.</p>"
      "<ul><li><b>NGÀY 26-9:</b></li></ul>"
      "<p>Chủ tịch đọc diễn văn khai mạc đại hội; Các đại biểu tham luận tại Hội trường.</p>"
      "<p>Trân trọng.</p>"));
  const auto& plan = in.plan;
  for (const auto* words : {"Đoàn Đại biểu dâng hương", "Khai mạc Triển lãm",
                            "Đại hội Hiệp thương cử", "Báo cáo tình hình đại biểu"}) {
    const auto* item = named(plan, words);
    ASSERT_NE(item, nullptr) << words << "\n" << in.result.yaml;
    EXPECT_EQ(meaning(*item), "starts on 2014-09-25") << words;
  }
  for (const auto* words : {"Chủ tịch đọc diễn văn", "Các đại biểu tham luận"}) {
    const auto* item = named(plan, words);
    ASSERT_NE(item, nullptr) << words << "\n" << in.result.yaml;
    EXPECT_EQ(meaning(*item), "starts on 2014-09-26") << words;
  }
  EXPECT_EQ(named(plan, "Ngày làm việc thứ nhất"), nullptr) << in.result.yaml;
  EXPECT_EQ(named(plan, "Trân trọng"), nullptr) << in.result.yaml;
}

TEST(ImportReadMore, SentencesOfNoticesOtherIssuersWrite) {
  // Shaped like 048, 054 and 051: a sentence that starts with "Sở …" (no
  // number line "Số …"), a day-month with a dash after "đến", an item that
  // ends with its own time before the colon of its list.
  const auto in = imported(page(
      "Thông báo năm 2024",
      "<p>Sở GD&amp;ĐT Hà Nội yêu cầu các đơn vị trực thuộc phân công lịch trực, gửi lịch trực "
      "về Sở trước ngày 29/1/2024.</p>"
      "<p>Theo đó, Hội phát động hưởng ứng “Tuần lễ áo dài” từ ngày 1 đến 8-3; tổng kết cuộc "
      "thi.</p>"
      "<p>2. Thi viết tin, bài tuyên truyền Cuộc thi (từ 10g00 ngày 17/6/2024 đến 09g30 ngày "
      "12/8/2024):</p><p>- Bài viết gửi về Ban Tổ chức.</p>"));
  const auto& plan = in.plan;
  const auto* send = named(plan, "gửi lịch trực");
  ASSERT_NE(send, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*send), "due by 2024-01-28");
  const auto* week = named(plan, "Tuần lễ áo dài");
  ASSERT_NE(week, nullptr) << in.result.yaml;
  EXPECT_NE(meaning(*week).find("2024-03-01"), std::string::npos) << meaning(*week);
  EXPECT_NE(meaning(*week).find("2024-03-08"), std::string::npos) << meaning(*week);
  const auto* writing = named(plan, "Thi viết tin");
  ASSERT_NE(writing, nullptr) << in.result.yaml;
  EXPECT_NE(meaning(*writing).find("2024-06-17"), std::string::npos) << meaning(*writing);
  EXPECT_NE(meaning(*writing).find("2024-08-12"), std::string::npos) << meaning(*writing);
}

TEST(ImportReadMore, ATableWithNoHeaderRowIsReadByWhatItsRowsHold) {
  // Shaped like 057: work | time, no header, a semester row across both
  // columns, ranges written "26/9-30/9/2022" and "19/9- 25/9/2022".
  const auto in = imported(
      page("Lịch trình đào tạo năm học 2022 – 2023",
           "<table border=\"1\"><tr><td colspan=\"2\"><b>Học kỳ I</b></td></tr>"
           "<tr><td>Bắt đầu dạy học học kỳ I</td><td>05/9/2022</td></tr>"
           "<tr><td>Sinh viên nhập học</td><td>19/9- 25/9/2022</td></tr>"
           "<tr><td>Sinh viên học chính trị đầu năm học</td><td>26/9-30/9/2022</td></tr>"
           "<tr><td colspan=\"2\"><b>Học kỳ II</b></td></tr>"
           "<tr><td>Thi bổ sung kết thúc học phần</td><td>13/3/2023-19/3/2023</td></tr></table>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 4u) << in.result.yaml;
  EXPECT_EQ(plan.groups.size(), 2u) << in.result.yaml;  // the semesters
  const auto spans = [&](std::string_view words, std::string_view from, std::string_view to) {
    const auto* t = named(plan, words);
    return t != nullptr && meaning(*t).find(from) != std::string::npos &&
           meaning(*t).find(to) != std::string::npos;
  };
  EXPECT_TRUE(spans("Sinh viên nhập học", "2022-09-19", "2022-09-25")) << in.result.yaml;
  EXPECT_TRUE(spans("học chính trị", "2022-09-26", "2022-09-30")) << in.result.yaml;
  EXPECT_TRUE(spans("Thi bổ sung", "2023-03-13", "2023-03-19")) << in.result.yaml;
  EXPECT_NE(in.result.tasks_from.find("no header row"), std::string::npos) << in.result.tasks_from;
}

TEST(ImportReadMore, ADayHeadingWithItsHoursAndADateAtopThePage) {
  // Shaped like 062: the posting date alone atop the page, the title's
  // subject line, then "Sáng ngày 08/05/2025: Từ 7 giờ 30 phút đến 11 giờ"
  // over dash items, then remarks ("Lưu ý …:") that are no items of the day.
  const auto in = imported(
      page("Thông báo",
           "<p>07/05/2025</p><p><b>THÔNG BÁO</b></p>"
           "<p><b>VỀ VIỆC TIÊM CHỦNG THƯỜNG XUYÊN THÁNG 05/2025</b></p>"
           "<p>- Nay Trạm Y Tế xin thông báo thời gian tiêm như sau:</p>"
           "<p><b>Sáng ngày 08/05/2025: Từ 7 giờ 30 phút đến 11 giờ 00 phút</b></p>"
           "<p>- Vắc xin BCG ( lao) Trẻ chưa tiêm mũi cơ bản nào</p>"
           "<p>- Vắc xin Bại liệt (OPV): Cho trẻ từ 2 tháng tuổi trở lên</p>"
           "<p>Lưu ý các bà mẹ:</p><p>- Khi đi tiêm chủng nhớ mang theo sổ tiêm chủng</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 2u) << in.result.yaml;
  for (const auto& t : plan.tasks) {
    EXPECT_TRUE(t.name.starts_with("Vắc xin")) << t.name;
    EXPECT_EQ(meaning(t), "starts on 2025-05-08") << t.name;
  }
}

TEST(ImportReadMore, APostedPagesDateGivesTheYearNotItsTitle) {
  // Shaped like 072: posted 27/12/2014 about New Year 2015; 27/12/2014 was
  // a Saturday (read in 2015 it is a Sunday, and the weekday is refused).
  const auto in = imported(page(
      "Tổng vệ sinh môi trường đón Tết Dương lịch năm 2015",
      "<h1>Tổng vệ sinh môi trường đón Tết Dương lịch năm 2015</h1><p>14:58 | 27/12/2014</p>"
      "<p>UBND thành phố yêu cầu các cơ quan tiến hành dọn dẹp vệ sinh vào lúc 16h chiều thứ bảy "
      "ngày 27/12.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "starts on 2014-12-27") << in.result.yaml;
}

TEST(ImportReadMore, MonthsWrittenWithADashAndATimeThatLeadsItsClause) {
  // Shaped like 056: "tháng 12-2019" is December 2019 (it was read "từ
  // tháng 1" alone, as not before 1/1, in silence), and the words after a
  // leading time name its task, not the label of the whole sentence.
  const auto in = imported(page(
      "Kế hoạch đại hội",
      "<p>Ban Thường vụ Huyện ủy dự kiến: từ tháng 7 đến tháng 12-2019 triển khai quán triệt các "
      "chỉ thị; từ tháng 1 đến tháng 3-2020 sẽ tiến hành đại hội các chi bộ trực thuộc.</p>"));
  const auto* first = named(in.plan, "triển khai quán triệt");
  ASSERT_NE(first, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*first), "within 2019-07-01 .. 2019-12-31") << in.result.yaml;
  const auto* second = named(in.plan, "đại hội các chi bộ");
  ASSERT_NE(second, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*second), "within 2020-01-01 .. 2020-03-31") << in.result.yaml;
}

TEST(ImportReadMore, EveryWarningIsSaidInVietnameseToo) {
  // The page and the CLI speak the planner's language: an import note only
  // in English was the page's complaint (issue 22, item 6).
  const auto result = import_plan(
      page("Kế hoạch",
           "<table border=\"1\"><tr><th>STT</th><th>NỘI DUNG</th><th>Mô hình</th>"
           "<th>THỜI GIAN</th><th>Thời hạn</th></tr>"
           "<tr><td>1</td><td>Họp triển khai</td><td>x</td><td>Trước ngày 35/10/2024</td>"
           "<td>Sau Tết</td></tr><tr><td></td><td></td><td></td><td>Tháng 9/2024</td><td></td>"
           "</tr></table><p>Hội nghị ngày 12/11/2024 tại hội trường.</p>"),
      "notice.html");
  ASSERT_FALSE(result.diagnostics.empty());
  for (const auto& d : result.diagnostics) {
    EXPECT_FALSE(d.message_vi.empty()) << d.code << ": " << d.message;
    EXPECT_EQ(d.message_vi.find(" row "), std::string::npos) << d.message_vi;
    EXPECT_EQ(d.message_vi.find("table "), std::string::npos) << d.message_vi;
  }
}

TEST(ImportReadMore, ARemarkThatAsksForWorkByADayIsATask) {
  // Shaped like 058: "Lưu ý:" after the items, with a deadline; a remark
  // that only tells of a day stays a remark.
  const auto in = imported(
      page("Thông báo tổ chức giải thể thao năm 2017",
           "<p>- Thời gian khai mạc: 6h30 thứ Sáu, 22/09/2017.</p>"
           "<p>Lưu ý: các đơn vị lập danh sách vận động viên và gửi về Văn phòng Công đoàn Trường "
           "(phòng 214 – C2) trước thứ Sáu ngày 15/09/2017.</p>"
           "<p>Ghi chú: Ngày 20/9/2017 sân bóng đóng cửa.</p>"));
  const auto* list = named(in.plan, "lập danh sách vận động viên");
  ASSERT_NE(list, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*list), "due by 2017-09-14") << in.result.yaml;
  EXPECT_EQ(named(in.plan, "sân bóng đóng cửa"), nullptr) << in.result.yaml;
}

TEST(ImportReadMore, ALatestDayNamedAfterALongItemIsItsDeadline) {
  // Shaped like 053: "(chậm nhất 105 ngày - …)" lies past where a long name
  // is cut, and the bare day after it is still the deadline.
  const auto in = imported(page(
      "Sự kiện sắp diễn ra",
      "<ul><li>UBTVQH dự kiến cơ cấu, thành phần và phân bổ số lượng đại biểu Quốc hội được bầu; "
      "số lượng người được giới thiệu ứng cử đại biểu Quốc hội ở mỗi tỉnh, thành phố trực thuộc "
      "trung ương (chậm nhất 105 ngày - Điều 7, 8, 9). (29/01/2021)</li></ul>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "due by 2021-01-29") << in.result.yaml;
}

TEST(ImportReadMore, AWeekdayColumnUnderATimeHeaderAndAPlaceColumn) {
  // Shaped like 075: "Thời gian mở vòng" spans "Thứ" | "Ngày, tháng, năm";
  // shaped like 081: "Địa điểm" is where, a note, not the work.
  const auto rounds = imported(
      page("Lịch mở vòng thi",
           "<table border=\"1\"><tr><th rowspan=\"2\">Vòng</th><th colspan=\"2\">Thời gian mở "
           "vòng</th></tr><tr><th>Thứ</th><th>Ngày, tháng, năm</th></tr>"
           "<tr><td>Vòng 1</td><td>Thứ Hai</td><td>05/09/2011</td></tr>"
           "<tr><td>Vòng 2</td><td>Thứ Bảy</td><td>17/09/2011</td></tr></table>"));
  ASSERT_EQ(rounds.plan.tasks.size(), 2u) << rounds.result.yaml;
  EXPECT_EQ(rounds.plan.tasks[0].name, "Vòng 1");
  EXPECT_EQ(meaning(rounds.plan.tasks[0]), "starts on 2011-09-05") << rounds.result.yaml;
  const auto places = imported(
      page("Lịch tiếp xúc cử tri",
           "<table border=\"1\"><tr><th>STT</th><th>Huyện,</th><th>Thời gian</th><th>Địa "
           "điểm</th></tr><tr><td>1</td><td>Mỹ Lộc</td><td>08 giờ Ngày 21-6-2022 (Thứ Ba)</td>"
           "<td>Hội trường A0</td></tr></table>"));
  ASSERT_EQ(places.plan.tasks.size(), 1u) << places.result.yaml;
  // "Huyện," names no work: the row's place says which meeting it is.
  EXPECT_EQ(places.plan.tasks[0].name, "Mỹ Lộc: Hội trường A0") << places.result.yaml;
  EXPECT_EQ(meaning(places.plan.tasks[0]), "starts on 2022-06-21") << places.result.yaml;
}

TEST(ImportReadMore, ACalendarOfWeeksWithItsRemarks) {
  // Shaped like 073: THÁNG (merged over its weeks) | TUẦN (1, 2, 3: counts,
  // no time) | THỜI GIAN (the week, years in two digits) | GHI CHÚ (what
  // happens that week, with a day of its own when it says one).
  const auto in = imported(page(
      "Bảng phân bố số tuần năm học 2016-2017",
      "<table border=\"1\"><tr><th>THÁNG</th><th>TUẦN</th><th>THỜI GIAN</th><th>GHI CHÚ</th></tr>"
      "<tr><td rowspan=\"3\">9/2016</td><td>3</td><td>29/8/16 đến 03/9/16</td><td></td></tr>"
      "<tr><td>4</td><td>05/9/16 đến 10/9/16</td><td>Khai giảng ngày 05/9/2016</td></tr>"
      "<tr><td>5</td><td>12/9/16 đến 17/9/16</td><td>Kiểm tra chất lượng đầu năm</td></tr>"
      "</table>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  const auto& steps = in.plan.tasks[0].steps;
  ASSERT_EQ(steps.size(), 3u) << in.result.yaml;
  EXPECT_EQ(steps[0].name, "9/2016: TUẦN 3") << in.result.yaml;
  EXPECT_EQ(steps[1].name, "9/2016: Khai giảng ngày 05/9/2016");
  ASSERT_FALSE(steps[1].constraints.empty());
  EXPECT_EQ(format_iso(steps[1].constraints[0].date), "2016-09-05");  // the note's own day
  EXPECT_EQ(steps[1].constraints.size(), 1u);
  ASSERT_FALSE(steps[2].constraints.empty());
  EXPECT_EQ(format_iso(steps[2].constraints[0].date), "2016-09-12");  // the week's, year from "16"
}

TEST(ImportReadMore, ASectionRowWithItsOwnSpanIsATaskOfItsGroup) {
  // Shaped like 073: "Học kỳ I (15/8/2016 đến 31/12/2016): …" across the table.
  const auto in = imported(
      page("Kế hoạch thời gian năm học 2016-2017",
           "<table border=\"1\"><tr><th>STT</th><th>Nội dung</th><th>Thời gian</th></tr>"
           "<tr><td colspan=\"3\">Học kỳ I (15/8/2016 đến 31/12/2016): Có ít nhất 19 tuần thực "
           "học.</td></tr><tr><td>1</td><td>Khai giảng</td><td>Ngày 05/9/2016</td></tr></table>"));
  ASSERT_EQ(in.plan.groups.size(), 1u) << in.result.yaml;
  const auto* semester = named(in.plan, "Học kỳ I");
  ASSERT_NE(semester, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*semester), "within 2016-08-15 .. 2016-12-31; starts on 2016-08-15")
      << in.result.yaml;
  EXPECT_EQ(semester->group, in.plan.groups[0].id);
}

TEST(ImportReadMore, DaysApartAndASpanAnnouncingItsItems) {
  // Shaped like 074: "Vào ngày 26, 28, 29/3/2017" is three days, not a task
  // "Vào ngày 26" on 28-29/3; a span that announces its items is the time
  // of the line above.
  const auto in =
      imported(page("Thông báo lịch thi",
                    "<p>1. Đối với cấp tiểu học:</p>"
                    "<p>Từ ngày 21 – 25/3/2017, được chia ra làm 05 điểm thi cụ thể như sau:</p>"
                    "<p>2. Đối với cấp trung học cơ sở:</p><p>Vào ngày 26, 28, 29/3/2017</p>"));
  const auto* primary = named(in.plan, "Đối với cấp tiểu học");
  ASSERT_NE(primary, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*primary), "within 2017-03-21 .. 2017-03-25; starts on 2017-03-21")
      << in.result.yaml;
  std::vector<std::string> days;
  for (const auto& t : in.plan.tasks) {
    if (t.name.find("trung học cơ sở") != std::string::npos) days.push_back(meaning(t));
  }
  std::sort(days.begin(), days.end());
  EXPECT_EQ(days, (std::vector<std::string>{"starts on 2017-03-26", "starts on 2017-03-28",
                                            "starts on 2017-03-29"}))
      << in.result.yaml;
}

TEST(ImportReadMore, AWeeksPlanGivesItsItemsTheWeek) {
  // Shaped like 084: the title names the week; an item with a day of its
  // own keeps it, the others fall in the week.
  const std::string title = "HOẠT ĐỘNG CHUYÊN MÔN TUẦN 16 ( TỪ 11/12/2017 ĐẾN 16/12/2017)";
  const auto in = imported(page(title, "<h1>" + title + "</h1>" +
                                           "<ul><li>Nộp đề cương ôn tập vào ngày 15/12/2017</li>"
                                           "<li>Học BDTX các modum 10,11,19,20</li></ul>"));
  const auto* own = named(in.plan, "Nộp đề cương ôn tập");
  ASSERT_NE(own, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*own), "starts on 2017-12-15");
  const auto* week = named(in.plan, "Học BDTX các modum");
  ASSERT_NE(week, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*week), "within 2017-12-11 .. 2017-12-16; starts on 2017-12-11")
      << in.result.yaml;
}

TEST(ImportReadMore, OneJudgeOfTheGroundsForCellsAndParagraphs) {
  // "Xét công nhận tốt nghiệp" is work, in a cell and in the body alike;
  // "Xét đề nghị của …" and "Thực hiện theo Điều lệ …" are grounds.
  const auto table = imported(
      page("Khung kế hoạch năm học",
           "<table border=\"1\"><tr><th>STT</th><th>Nội dung</th><th>Thời gian</th></tr>"
           "<tr><td>1</td><td>Xét công nhận tốt nghiệp THCS</td><td>Trước ngày 30/6/2022</td></tr>"
           "</table>"));
  ASSERT_EQ(table.plan.tasks.size(), 1u) << table.result.yaml;
  const auto body = imported(page("Thông báo",
                                  "<p>Xét đề nghị của Phòng Giáo dục ngày 12/5/2022.</p>"
                                  "<p>Thực hiện theo Điều lệ trường ngày 15/9/2020.</p>"
                                  "<p>Xét công nhận tốt nghiệp THCS trước ngày 30/6/2022.</p>"));
  ASSERT_EQ(body.plan.tasks.size(), 1u) << body.result.yaml;
  EXPECT_EQ(meaning(body.plan.tasks[0]), "due by 2022-06-29") << body.result.yaml;
}

TEST(ImportReadMore, AnItemNearTheTopIsNoDateOfIssue) {
  // Shaped like 070: "1.1/ … : từ ngày 08 – 12/5/2017: …" in the first
  // paragraphs was taken for the date line (issued 12/5/2017, the plan's
  // start after it); a span announcing its parts after its item is read.
  const auto in = imported(page(
      "Kế hoạch kiểm tra cuối năm học 2016 – 2017",
      "<h1>Kế hoạch kiểm tra cuối năm học 2016 – 2017</h1>"
      "<p>1/ Tổ chức kiểm tra cuối học kỳ II cho học sinh khối 1, 2, 3. Từ ngày 08/5/2017 – "
      "16/5/2017; cụ thể như sau:</p>"
      "<p>1.1/ Kiểm tra phần đọc thành tiếng: từ ngày 08 – 12/5/2017: kiểm tra trong tuần.</p>"));
  EXPECT_EQ(in.result.yaml.find("issued:"), std::string::npos) << in.result.yaml;
  const auto* term = named(in.plan, "Tổ chức kiểm tra cuối học kỳ II");
  ASSERT_NE(term, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*term), "within 2017-05-08 .. 2017-05-16; starts on 2017-05-08");
  EXPECT_EQ(in.result.yaml.find("1.1/"), std::string::npos) << in.result.yaml;  // the marker
}

TEST(ImportReadMore, DatesWithoutAYearAreRefusedUntilTheYearIsGiven) {
  // Shaped like 100: "đến hết 15-6", "từ 19-6 đến hết 28-6" and no year in
  // the whole text: no year from a default, a clear error naming --year; with
  // the year given, both read. Shaped like 110: a sentence about "Kế hoạch
  // cụ thể" is no title the body starts after.
  const auto html = page("Phát động cuộc thi chính luận",
                         "<p>Các tác phẩm gửi về Trường từ khi phát động đến hết 15-6. Thời "
                         "gian chấm thi từ 19-6 đến hết 28-6.</p><p>Kế hoạch cụ thể xem tại "
                         "đây.</p>");
  const auto refused = import_plan(html, "notice.html");
  EXPECT_TRUE(refused.yaml.empty());
  ASSERT_FALSE(refused.diagnostics.empty());
  EXPECT_EQ(refused.diagnostics.front().code, "no-year");
  EXPECT_NE(refused.diagnostics.front().suggestion.find("--year"), std::string::npos);
  ImportOptions options;
  options.year = 2023;
  const auto given = import_plan(html, "notice.html", options);
  ASSERT_FALSE(given.yaml.empty());
  const auto plan = parse_plan(given.yaml).plan;
  ASSERT_TRUE(plan) << given.yaml;
  ASSERT_EQ(plan->tasks.size(), 2u) << given.yaml;
  EXPECT_EQ(meaning(plan->tasks[0]), "due by 2023-06-15") << given.yaml;
  EXPECT_EQ(meaning(plan->tasks[1]), "within 2023-06-19 .. 2023-06-28; starts on 2023-06-19");
}

TEST(ImportReadMore, SessionLinesUnderAGradeAndALunarDay) {
  // Shaped like 102: "Khối 10" (bold) over "Thứ 7 (10/12): Buổi sáng : Văn,
  // Toán." names the grade; shaped like 095: "tối 14 tháng Giêng" is a day.
  const auto in = imported(
      page("Lịch kiểm tra học kì I năm 2016",
           "<p><strong>Khối 10</strong></p><p>Thứ 7 (10/12): Buổi sáng : Văn (90 phút), Toán (90 "
           "phút).</p><p>Nghi thức trọng tâm của lễ hội diễn ra tối 14 tháng Giêng.</p>"));
  const auto* grade = named(in.plan, "Khối 10: Buổi sáng");
  ASSERT_NE(grade, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*grade), "starts on 2016-12-10") << in.result.yaml;
  const auto* rite = named(in.plan, "Nghi thức trọng tâm");
  ASSERT_NE(rite, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*rite), "starts on 2016-02-21") << in.result.yaml;  // 14 Giêng Bính Thân
}

TEST(ImportReadMore, TheSameDayAsTheItemBefore) {
  // Shaped like 095: "Vào 23h15 cùng ngày, nghi lễ Khai ấn …" is on the day
  // of the sentence before; "đấu" (thi đấu) is no 'đầu'; "sẽ kết thúc vào
  // ngày D" is an end (105: it was read as an event on D).
  const auto in =
      imported(page("Lễ hội năm 2026",
                    "<p>Nghi thức trọng tâm diễn ra ngày 02/3/2026.</p>"
                    "<p>Vào 23h15 cùng ngày, nghi lễ Khai ấn được thực hiện trong nội cung.</p>"
                    "<p>Các đội chia bảng thi đấu từ ngày 21-29.10.</p>"
                    "<p>Theo Thể lệ, thời hạn nhận tác phẩm sẽ kết thúc vào ngày 30/11/2026.</p>"));
  const auto* rite = named(in.plan, "nghi lễ Khai ấn");
  ASSERT_NE(rite, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*rite), "starts on 2026-03-02") << in.result.yaml;
  const auto* games = named(in.plan, "Các đội chia bảng thi đấu");
  ASSERT_NE(games, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*games), "within 2026-10-21 .. 2026-10-29; starts on 2026-10-21");
  const auto* entries = named(in.plan, "thời hạn nhận tác phẩm");
  ASSERT_NE(entries, nullptr) << in.result.yaml;
  EXPECT_EQ(meaning(*entries), "finishes on 2026-11-30") << in.result.yaml;
}

// Found by the sixth collection's tuning documents (119, 127): quarters and
// months written with a dot in a news report's sentence; a year that is a
// law's name ("Luật Nghĩa vụ quân sự 2015") is not the document's, whose
// year-less days then take the year of the source's address; a full stop
// typed without its space ends a sentence ("địa phương.Ngày 03/03").
TEST(ImportReadMore, QuartersInASentenceAndNoYearFromALawsName) {
  const auto mttq = imported(
      page("6 Mặt trận cấp xã tổ chức xong đại hội",
           "<h1>6 Mặt trận cấp xã tổ chức xong đại hội nhiệm kỳ mới</h1>"
           "<p>Theo kế hoạch, đại hội Mặt trận cấp xã tổ chức từ quý IV/2013 và hoàn thành trước "
           "tháng 3.2014. Việc tổ chức đại hội Mặt trận cấp huyện sẽ hoàn thành trước tháng "
           "5.2014.</p>"));
  const auto* communes = named(mttq.plan, "cấp xã");
  ASSERT_NE(communes, nullptr) << mttq.result.yaml;
  // Q4 2013 starts on 1/10/2013; before March 2014 is by 28/2/2014.
  EXPECT_EQ(meaning(*communes), "not before 2013-10-01; due by 2014-02-28") << mttq.result.yaml;
  const auto* districts = named(mttq.plan, "cấp huyện");
  ASSERT_NE(districts, nullptr) << mttq.result.yaml;
  EXPECT_EQ(meaning(*districts), "due by 2014-04-30");

  const auto army = imported(page(
      "Giao quân",
      "<h1>GIAO QUÂN ĐỦ CHỈ TIÊU</h1>"
      "<p>Năm nay, Lễ giao nhận quân sẽ được tổ chức vào 3 thời điểm. Ngày 28/02, sẽ diễn ra tại "
      "7 địa phương.Ngày 03/03 sẽ diễn ra tại 34 địa phương. Triển khai thực hiện Luật Nghĩa vụ "
      "quân sự 2015, các địa phương đã hoàn tất.</p>"
      "<p>Nguồn: http://quochoitv.vn/videos/thoi-su/2021/2/giao-quan/551544</p>"));
  const auto* seven = named(army.plan, "7 địa phương");
  const auto* more = named(army.plan, "34 địa phương");
  ASSERT_NE(seven, nullptr) << army.result.yaml;
  ASSERT_NE(more, nullptr) << army.result.yaml;
  EXPECT_EQ(meaning(*seven), "starts on 2021-02-28") << army.result.yaml;
  EXPECT_EQ(meaning(*more), "starts on 2021-03-03");
}

// Found by the sixth collection's tuning documents (126, 114): days written
// D-M after 'tức' and in a list ("vào ngày 25 và 26-12"), a news agency's
// mark before the first item ("(PLO)- …"), and a time cell of one task with
// a time per line, each its own step named by its words ("Đất cát: trồng từ
// 20/12-20/1;" / "đất thịt trồng từ 20/1-10/2"), where the second line was
// a note. The page was posted on 10/11/2025; the calendar is for the crop
// of 2021-2022 (a day not before 20/10/2021, the notice's date).
TEST(ImportReadMore, DashedDaysInListsAndATimePerLine) {
  const auto exam =
      imported(page("Lịch thi",
                    "<h1>Công bố lịch thi học sinh giỏi quốc gia</h1><p>10/11/2025 19:13</p>"
                    "<p>(PLO)- Kỳ thi chọn học sinh giỏi quốc gia diễn ra vào ngày 25 và 26-12.</p>"
                    "<p>Trước đó một ngày, tức 24-12, các hội đồng coi thi tổ chức thi thử.</p>"));
  ASSERT_FALSE(exam.plan.tasks.empty()) << exam.result.yaml;
  EXPECT_EQ(exam.plan.tasks[0].name, "Kỳ thi chọn học sinh giỏi quốc gia diễn ra");
  EXPECT_EQ(meaning(exam.plan.tasks[0]), "within 2025-12-25 .. 2025-12-26; starts on 2025-12-25")
      << exam.result.yaml;
  const auto* rehearsal = named(exam.plan, "thi thử");
  ASSERT_NE(rehearsal, nullptr) << exam.result.yaml;
  EXPECT_EQ(meaning(*rehearsal), "starts on 2025-12-24");

  // The seventh collection's 137: a star before the word, and a range of
  // year-less days written with dots ("*Từ 22.2 - 27.2: …").
  const auto election =
      imported(page("Bầu cử năm 2021",
                    "<p><b>*Từ 22.2 - 27.2: Các địa phương gửi dự kiến danh sách đơn vị bầu "
                    "cử về Hội đồng bầu cử quốc gia.</b></p>"));
  ASSERT_EQ(election.plan.tasks.size(), 1u) << election.result.yaml;
  EXPECT_EQ(meaning(election.plan.tasks[0]),
            "within 2021-02-22 .. 2021-02-27; starts on 2021-02-22")
      << election.result.yaml;

  // The corpus's 065: a day alone in parentheses, and after 'sáng'.
  const auto congress = imported(
      page("Đại hội",
           "<p>11/12/2018 - 15:32</p>"
           "<p>Ngày làm việc thứ Nhất (11-12), Đại hội sẽ tiến hành các thủ tục bầu Đoàn Chủ "
           "tịch.</p><p>Phiên khai mạc trọng thể diễn ra vào sáng 12-12.</p>"));
  const auto* first_day = named(congress.plan, "thủ tục bầu");
  const auto* opening = named(congress.plan, "Phiên khai mạc");
  ASSERT_NE(first_day, nullptr) << congress.result.yaml;
  ASSERT_NE(opening, nullptr) << congress.result.yaml;
  EXPECT_EQ(meaning(*first_day), "starts on 2018-12-11") << congress.result.yaml;
  EXPECT_EQ(meaning(*opening), "starts on 2018-12-12");

  const auto crops = imported(page(
      "Lịch thời vụ Đông Xuân 2021-2022",
      "<p>UBND xã ban hành Thông báo ngày 20/10/2021 về lịch thời vụ.</p>"
      "<table border=\"1\"><tr><th>STT</th><th>Cây trồng</th><th>Thời vụ</th></tr>"
      "<tr><td>1</td><td>Lạc</td><td><p>Đất cát: trồng từ 20/12/2021-20/1/2022;</p><p>đất thịt "
      "trồng từ 20/1/2022-10/2/2022</p></td></tr></table>"));
  ASSERT_EQ(crops.plan.tasks.size(), 1u) << crops.result.yaml;
  const auto& peanuts = crops.plan.tasks[0];
  ASSERT_EQ(peanuts.steps.size(), 2u) << crops.result.yaml;
  EXPECT_EQ(peanuts.steps[0].name, "Lạc: Đất cát: trồng");
  EXPECT_EQ(meaning(peanuts.steps[0]), "within 2021-12-20 .. 2022-01-20; starts on 2021-12-20");
  EXPECT_EQ(peanuts.steps[1].name, "Lạc: đất thịt trồng");
  EXPECT_EQ(meaning(peanuts.steps[1]), "within 2022-01-20 .. 2022-02-10; starts on 2022-01-20");
}

// Found by the sixth collection's held-out set (115, scored then folded in):
// a commune's vaccination sessions in one sentence, a day's morning and
// afternoon, the next days named by their day of the month only, one
// colon standing for a semicolon. Only the first session was read; the
// days 28 and 29 were lost without a word.
TEST(ImportReadMore, SessionsOfDaysInOneSentence) {
  const auto in = imported(page(
      "Lịch tiêm phòng đợt 2 năm 2023",
      "<p>UBND xã xây dựng lịch tiêm phòng đợt 2 năm 2023 như sau: Buổi sáng ngày 27 tháng 10 "
      "tiêm ở thôn Nà Cáy; buổi chiều tiêm thôn Lủng Chuông; Sáng ngày 28 tiêm ở thôn Lủng Lỳ: "
      "buổi chiều tiêm ở thôn Khau Cà; Buổi sáng ngày 29 tiêm ở thôn Thôm Phụ.</p>"));
  const std::vector<std::pair<std::string, std::string>> sessions{
      {"Nà Cáy", "starts on 2023-10-27"},
      {"Lủng Chuông", "starts on 2023-10-27"},
      {"Lủng Lỳ", "starts on 2023-10-28"},
      {"Khau Cà", "starts on 2023-10-28"},
      {"Thôm Phụ", "starts on 2023-10-29"}};
  for (const auto& [village, when] : sessions) {
    const auto* task = named(in.plan, village);
    ASSERT_NE(task, nullptr) << village << "\n" << in.result.yaml;
    EXPECT_EQ(meaning(*task), when) << village;
  }
  // The month of "Sáng ngày 28" is not written: a guess, said in Vietnamese.
  const auto guessed = std::count_if(in.plan.guesses.begin(), in.plan.guesses.end(),
                                     [](const Guess& g) { return g.key == "when"; });
  EXPECT_EQ(guessed, 2) << in.result.yaml;
}

// Found by the seventh collection's held-out set (139, 136; scored then
// folded in). "thống kê 6 tháng trước 16 giờ ngày 01/6/2020" was read as six
// months before 1/6 (1/12/2019) with 'kê' (statistics) taken for 'kể'; a
// time may start right after another's date; and days listed first in a
// sentence whose times lead name the words after them ("ngày 18, 19 và 28-11
// tại … Xuân Lộc và ngày 29-11 tại … Trảng Bom": 18/11 was dropped and the
// listed days given to Trảng Bom).
TEST(ImportReadMore, ACountBeforeATimeAndDaysListedBeforeTheirPlaces) {
  const auto stats = imported(page(
      "Sơ kết năm 2020",
      "<p>- Các đơn vị: Gửi thống kê tháng 5/2020 trước 16 giờ ngày 31/5/2020, thống kê 6 tháng "
      "trước 16 giờ ngày 01/6/2020 cho Bộ phận Thống kê.</p>"));
  const auto* half_year = named(stats.plan, "thống kê 6 tháng");
  ASSERT_NE(half_year, nullptr) << stats.result.yaml;
  EXPECT_EQ(meaning(*half_year), "due by 2020-06-01") << stats.result.yaml;
  const auto* may = named(stats.plan, "Gửi thống kê");
  ASSERT_NE(may, nullptr) << stats.result.yaml;
  EXPECT_NE(meaning(*may).find("due by 2020-05-31"), std::string::npos) << meaning(*may);

  const auto blood = imported(page(
      "Hiến máu tháng 11-2019",
      "<p>Cụ thể: ngày 18, 19 và 28-11 tại Hội Chữ thập đỏ huyện Xuân Lộc và ngày 29-11 tại Hội "
      "Chữ thập đỏ huyện Trảng Bom.</p>"));
  int xuan_loc = 0;
  for (const auto& t : blood.plan.tasks) {
    if (t.name.find("Xuân Lộc") == std::string::npos) continue;
    ++xuan_loc;
    const auto m = meaning(t);
    EXPECT_TRUE(m == "starts on 2019-11-18" || m == "starts on 2019-11-19" ||
                m == "starts on 2019-11-28")
        << m;
  }
  EXPECT_EQ(xuan_loc, 3) << blood.result.yaml;
  const auto* trang_bom = named(blood.plan, "Trảng Bom");
  ASSERT_NE(trang_bom, nullptr) << blood.result.yaml;
  EXPECT_EQ(meaning(*trang_bom), "starts on 2019-11-29");
}

/// The names of a task's groups, innermost first, " < "-joined.
std::string groups_of(const Plan& plan, const Task& task) {
  std::string out;
  std::string id = task.group;
  for (int depth = 0; !id.empty() && depth < 8; ++depth) {
    const auto g = std::find_if(plan.groups.begin(), plan.groups.end(),
                                [&](const TaskGroup& x) { return x.id == id; });
    if (g == plan.groups.end()) break;
    out += (out.empty() ? "" : " < ") + g->name;
    id = g->parent;
  }
  return out;
}

// Found by the corpus (101, 103): exam timetables by day under headings of
// their own ("1. a) Lịch kiểm tra Khối 7, 8, 9:", then "1. b) … Khối 6:"),
// in a section ("2. Kiểm tra-đánh giá cuối kỳ 2 …"). The heading right over
// a table is a group of its day groups, inside the section's group: without
// it, "Văn (90’)" of grades 7-9 and of grade 6 could not be told apart. And
// subjects stacked in one cell beside as many clock times are one task
// each (29/3/2022 was a Tuesday, 30/3 a Wednesday, 7/4 a Thursday).
TEST(ImportReadMore, ATableOfDaysUnderItsHeadingAndStackedSubjects) {
  const std::string row = "<tr><th>Ngày</th><th>Môn kiểm tra</th><th>Thời gian</th></tr>";
  const auto in = imported(page(
      "Kế hoạch kiểm tra giữa học kỳ II",
      "<p><strong>KẾ HOẠCH KIỂM TRA GIỮA HỌC KỲ II</strong></p>"
      "<p><strong>2. Kiểm tra cuối kỳ</strong></p>"
      "<p>1. a) Lịch kiểm tra Khối 7, 8, 9:</p><table border=\"1\">" +
          row +
          "<tr><td><p>Thứ Ba</p><p>29/03/2022</p></td><td><p>Toán (60’)</p><p>Anh (60’)</p></td>"
          "<td><p>7h45 – 8h45</p><p>9h45 – 10h45</p></td></tr>"
          "<tr><td><p>Thứ Tư</p><p>30/03/2022</p></td><td>Văn (90’)</td><td>9h15 – 10h45</td></tr>"
          "</table><p>1. b) Lịch kiểm tra Khối 6:</p><table border=\"1\">" +
          row +
          "<tr><td><p>Thứ Năm</p><p>07/04/2022</p></td><td>Văn (90’)</td><td>9h15 – 10h45</td>"
          "</tr></table>"));
  const auto* maths = named(in.plan, "Toán");
  const auto* english = named(in.plan, "Anh (60");
  ASSERT_NE(maths, nullptr) << in.result.yaml;
  ASSERT_NE(english, nullptr) << in.result.yaml;
  EXPECT_EQ(maths->name, "Toán (60’)");
  EXPECT_EQ(meaning(*maths), "starts on 2022-03-29") << in.result.yaml;
  EXPECT_EQ(meaning(*english), "starts on 2022-03-29");
  // Each subject keeps its own line of the time column.
  EXPECT_NE(in.result.yaml.find("Thời gian: 9h45 – 10h45"), std::string::npos) << in.result.yaml;
  EXPECT_EQ(groups_of(in.plan, *maths),
            "Thứ Ba 29/03/2022 < 1. a) Lịch kiểm tra Khối 7, 8, 9 < 2. Kiểm tra cuối kỳ");
  const auto grade6 = std::find_if(in.plan.tasks.begin(), in.plan.tasks.end(), [](const Task& t) {
    return t.name == "Văn (90’)" && t.group.find("07-04") != std::string::npos;
  });
  ASSERT_NE(grade6, in.plan.tasks.end()) << in.result.yaml;
  EXPECT_EQ(meaning(*grade6), "starts on 2022-04-07");
  EXPECT_EQ(groups_of(in.plan, *grade6),
            "Thứ Năm 07/04/2022 < 1. b) Lịch kiểm tra Khối 6 < 2. Kiểm tra cuối kỳ");
}

}  // namespace
}  // namespace tiendo::documents::test
