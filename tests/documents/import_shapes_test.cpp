// `tiendo import` on the shapes of real notices and schedules that have no
// task table (tests/data/doc-corpus): times inside sentences and after an
// item's label, day and month headings over their items, tables whose first
// column is the day, tables of start and end columns, the year a document
// gives its dates without one. Each document is a small HTML page written
// like the corpus's, and each date below was worked out by hand (with the
// weekday checked in a calendar).
#include <tiendo/documents/import.hpp>
#include <tiendo/parse.hpp>

#include "documents_support.hpp"
#include "import_pages.hpp"

#include <algorithm>
#include <random>

namespace tiendo::documents::test {
namespace {

/// What a task's (only) step means: its constraints in words, "; "-joined.
std::string meaning(const Task& task) {
  std::string out;
  for (const auto& s : task.steps) {
    for (const auto& c : s.constraints) out += (out.empty() ? "" : "; ") + describe(c, Lang::en);
  }
  return out;
}

std::vector<std::string> names(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& t : plan.tasks) out.push_back(t.name);
  return out;
}

TEST(ImportShapes, ATimeInASentenceOrAfterALabelIsTheItemsTime) {
  // Shaped like 006 and 009: a notice's items, a "Thời gian …:" label, an
  // item that names the "Thời gian tổ chức:" line under it.
  const auto in =
      imported(page("Thông báo học hè",
                    "<p><b>THÔNG BÁO</b></p>"
                    "<p><i>Căn cứ Quyết định số 12/QĐ-ĐHTN ngày 05/01/2023 của Hiệu trưởng;</i></p>"
                    "<p>- Học kỳ 2 năm học 2022-2023 kết thúc vào ngày 23/6/2023.</p>"
                    "<p>- Thời gian học (5 tuần): Từ 26/6/2023 đến 28/7/2023.</p>"
                    "<p>1. Đối với các lớp năm nhất (Chi đoàn mới):</p>"
                    "<ul><li>Thời gian tổ chức: từ ngày 15/10/2018 đến 24/11/2018</li>"
                    "<li>Địa điểm: Tại lớp học của các Chi đoàn lớp.</li></ul>"));
  const auto& plan = in.plan;
  // The grounds ("Căn cứ Quyết định … ngày 05/01/2023") are no task.
  EXPECT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  // The time is the words at the end, as written; the name the rest.
  const auto* end = named(plan, "Học kỳ 2 năm học 2022-2023 kết thúc");
  ASSERT_NE(end, nullptr) << in.result.yaml;
  EXPECT_EQ(end->name, "Học kỳ 2 năm học 2022-2023 kết thúc");
  EXPECT_EQ(meaning(*end), "starts on 2023-06-23");
  EXPECT_NE(in.result.yaml.find("when: vào ngày 23/6/2023"), std::string::npos) << in.result.yaml;
  // A label names its item.
  const auto* study = named(plan, "Thời gian học (5 tuần)");
  ASSERT_NE(study, nullptr);
  EXPECT_NE(meaning(*study).find("2023-06-26"), std::string::npos) << meaning(*study);
  EXPECT_NE(meaning(*study).find("2023-07-28"), std::string::npos) << meaning(*study);
  // "Thời gian tổ chức:" is the time of the item that announces it.
  const auto* congress = named(plan, "Đối với các lớp năm nhất (Chi đoàn mới)");
  ASSERT_NE(congress, nullptr) << in.result.yaml;
  EXPECT_NE(meaning(*congress).find("2018-10-15"), std::string::npos) << meaning(*congress);
  EXPECT_NE(meaning(*congress).find("2018-11-24"), std::string::npos) << meaning(*congress);
}

TEST(ImportShapes, ACitedDocumentsDateAndAnAnniversaryAreNoTime) {
  // Shaped like 022: the notice's own number and date, then the anniversary
  // in parentheses, then the time, at the end of the sentence.
  const auto in = imported(page(
      "Treo cờ",
      "<p>UBND thành phố ban hành Thông báo số 681/TB-UBND ngày 19/7/2023 về việc treo cờ.</p>"
      "<p>Theo đó, nhân dịp kỷ niệm 15 năm mở rộng địa giới hành chính Thủ đô "
      "(01/8/2008-01/8/2023), đề nghị các cơ quan treo cờ Tổ quốc từ ngày 31/7/2023 đến hết ngày "
      "03/8/2023.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  const auto& flag = in.plan.tasks[0];
  EXPECT_EQ(flag.steps[0].constraints.front().written, "từ ngày 31/7/2023 đến hết ngày 03/8/2023");
  EXPECT_NE(meaning(flag).find("2023-07-31"), std::string::npos) << meaning(flag);
  EXPECT_NE(meaning(flag).find("2023-08-03"), std::string::npos) << meaning(flag);
  EXPECT_EQ(meaning(flag).find("2008"), std::string::npos) << meaning(flag);
}

TEST(ImportShapes, ADayHeadingGivesItsDayToTheItemsUnderIt) {
  // Shaped like 015: 12/5/2025 is a Monday (Thứ Hai), 13/5/2025 a Tuesday.
  const auto in = imported(page(
      "Lịch làm việc",
      "<p><b>Thứ Hai, ngày 12/5/2025</b></p>"
      "<p>- 6 giờ 30, Thường trực Thành uỷ hội ý cùng Thường trực HĐND, UBND. Điểm tại Nhà ăn.</p>"
      "<p>- 7 giờ, đồng chí Phó Bí thư dự Chương trình Kỷ niệm 84 năm ngày thành lập Đội "
      "(15/5/1941 - 15/5/2025). Điểm tại Trường Tiểu học.</p>"
      "<p><b>Thứ Ba, ngày 13/5/2025</b></p>"
      "<p>- 7 giờ 30, đồng chí Bí thư dự Hội nghị tổng kết công tác tuyển quân.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  // The clock time is not in the name; the day is the time; the hour is
  // said in the comment (tiendo plans in days).
  const auto* meeting = named(plan, "Thường trực Thành uỷ hội ý");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->name, "Thường trực Thành uỷ hội ý cùng Thường trực HĐND, UBND");
  EXPECT_EQ(meaning(*meeting), "starts on 2025-05-12");
  EXPECT_NE(in.result.yaml.find("at '6 giờ 30,'"), std::string::npos) << in.result.yaml;
  // The anniversary's dates in the item do not replace its day.
  const auto* ceremony = named(plan, "Kỷ niệm 84 năm");
  ASSERT_NE(ceremony, nullptr);
  EXPECT_EQ(meaning(*ceremony), "starts on 2025-05-12");
  const auto* tuesday = named(plan, "tuyển quân");
  ASSERT_NE(tuesday, nullptr);
  EXPECT_EQ(meaning(*tuesday), "starts on 2025-05-13");
  // Each day is a group of its items.
  ASSERT_EQ(plan.groups.size(), 2u);
  EXPECT_EQ(plan.groups[1].name, "Thứ Ba, ngày 13/5/2025");
  EXPECT_EQ(tuesday->group, plan.groups[1].id);
}

TEST(ImportShapes, ADayHeadingTheReaderTakesInPartIsWrittenAsADay) {
  // "THỨ HAI (12/5)": the weekday in capitals, the day in parentheses, no
  // year but the title's 2025. 12/5/2025 is a Monday.
  const auto in = imported(page("Lịch làm việc tuần 20 năm 2025",
                                "<p><b>THỨ HAI (12/5)</b></p>"
                                "<p>- 8 giờ, Thường trực họp giao ban.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Thường trực họp giao ban");
  EXPECT_EQ(meaning(in.plan.tasks[0]), "starts on 2025-05-12");
  // The phrase reader reads "THỨ HAI (12/5/2025)" (weekday checked), the
  // year from the title said in the comment.
  EXPECT_NE(in.result.yaml.find("when: THỨ HAI (12/5/2025)  # paragraph 1; the year 2025 from "
                                "the title"),
            std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ARemarkInParenthesesDoesNotReplaceTheTime) {
  // The span is 14/2–20/2/2018; the lunar equivalent in parentheses is a
  // remark, not the time.
  const auto in = imported(page(
      "Thông báo",
      "<p>Cán bộ, công chức được nghỉ Tết từ ngày 14/02/2018 đến hết ngày 20/02/2018 (tức ngày "
      "29/12 âm lịch đến hết mùng 5 tháng Giêng).</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].steps[0].constraints.front().written,
            "từ ngày 14/02/2018 đến hết ngày 20/02/2018");
}

TEST(ImportShapes, AMonthHeadingOverDatedLines) {
  // Shaped like 020: the line leads with its time, the rest names it; the
  // paragraph "… như sau:" announces the list and takes no month.
  const auto in =
      imported(page("Lịch tiếp công dân năm 2021",
                    "<p>Văn phòng thông báo lịch tiếp công dân năm 2021 như sau:</p>"
                    "<p>1/. Tháng 01/2021:</p>"
                    "<p>07 giờ 30 ngày 07/01/2021 Chủ tịch UBND tỉnh;</p>"
                    "<p>07 giờ 30 ngày 14/01/2021 Đoàn ĐBQH đơn vị tỉnh;</p>"
                    "<p>* Ghi chú: Ngày 11/3/2021: Đoàn ĐBQH không tiếp công dân.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(plan.tasks[0].name, "Chủ tịch UBND tỉnh");
  EXPECT_EQ(meaning(plan.tasks[0]), "starts on 2021-01-07");
  EXPECT_EQ(plan.tasks[1].name, "Đoàn ĐBQH đơn vị tỉnh");
  EXPECT_EQ(meaning(plan.tasks[1]), "starts on 2021-01-14");
  ASSERT_EQ(plan.groups.size(), 1u);
  EXPECT_EQ(plan.groups[0].name, "Tháng 01/2021");
}

TEST(ImportShapes, ATableWhoseFirstColumnIsTheDay) {
  // Shaped like 014: the year is only in the title; 22/5/2018 is a Tuesday.
  const auto in = imported(page(
      "Lịch làm việc tuần 21 (từ ngày 21/5/2018 đến ngày 28/5/2018)",
      "<p><b>Lịch làm việc tuần 21 (từ ngày 21/5/2018 đến ngày 28/5/2018)</b></p>"
      "<table border=\"1\"><tr><th>Ngày</th><th>Nội dung công việc</th></tr>"
      "<tr><td><p>Thứ hai</p><p>21/5</p></td><td><p>Thường trực HĐND tỉnh đi thăm các tổ chức "
      "tôn giáo (ngày).</p></td></tr>"
      "<tr><td><p>Thứ ba</p><p>22/5</p></td><td><p>+ Ban Pháp chế giám sát Sở Tài nguyên và Môi "
      "trường (ngày).</p><p>+ Ban KTNS giám sát việc thực hiện Nghị quyết số 28/2017/NQ-HĐND "
      "(sáng).</p></td></tr></table>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  EXPECT_EQ(plan.tasks[1].name, "Ban Pháp chế giám sát Sở Tài nguyên và Môi trường (ngày).");
  EXPECT_EQ(meaning(plan.tasks[1]), "starts on 2018-05-22");
  EXPECT_EQ(meaning(plan.tasks[2]), "starts on 2018-05-22");
  // The cell and the year are joined into one phrase the reader checks
  // (the weekday against the date), and the comment says where the year is from.
  EXPECT_NE(in.result.yaml.find("when: 'Thứ ba, ngày 22/5/2018'  # table 1 row 3 column 1 "
                                "'Thứ ba 22/5'; the year 2018 from the title"),
            std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ADayCellSpanningRowsBesideSessionsIsEachRowsTime) {
  // Shaped like 030: the day spans the rows, "Sáng" and "Chiều" span theirs;
  // the hour leads the content cell. 14/7/2025 is a Monday.
  const auto in = imported(page(
      "Lịch công tác",
      "<p>Từ ngày 14/07/2025 đến ngày 20/07/2025</p>"
      "<table border=\"1\"><tr><th>Ngày</th><th>Thời gian</th><th>Nội dung công việc</th>"
      "<th>Địa điểm</th></tr>"
      "<tr><td rowspan=\"3\"><p>Thứ 2</p><p>14/7</p></td><td rowspan=\"2\">Sáng</td>"
      "<td><p>(8h30) Hội nghị Thường trực</p><p>Tỉnh ủy</p></td><td>P. họp TV</td></tr>"
      "<tr><td>Dự Đại hội Đảng bộ Ban Chỉ huy Bộ đội Biên phòng tỉnh</td><td>Trụ sở</td></tr>"
      "<tr><td>Chiều</td><td>(13h30) Hội nghị Ban Thường vụ Tỉnh ủy</td><td>P. họp TV</td></tr>"
      "</table>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  // "Sáng" is no day: every row is on the day beside it.
  for (const auto& t : plan.tasks) EXPECT_EQ(meaning(t), "starts on 2025-07-14") << t.name;
  // The hour is not the name, and a line break in the cell does not split it.
  EXPECT_EQ(plan.tasks[0].name, "Hội nghị Thường trực Tỉnh ủy");
  EXPECT_NE(in.result.yaml.find("at Sáng (8h30)"), std::string::npos) << in.result.yaml;
  EXPECT_NE(plan.tasks[2].note.find("Địa điểm: P. họp TV"), std::string::npos) << in.result.yaml;
}

TEST(ImportShapes, ADayColumnAfterTheNumbersAndAColumnOfHours) {
  // STT · Ngày · Giờ · Nội dung: the day is the second column, the hours
  // are no day and go to the comment.
  const auto in = imported(
      page("Lịch",
           "<table border=\"1\"><tr><th>STT</th><th>Ngày</th><th>Giờ</th><th>Nội dung</th></tr>"
           "<tr><td>1</td><td>05/9/2024</td><td>7h30</td><td>Khai giảng năm học mới</td></tr>"
           "<tr><td>2</td><td>06/9/2024</td><td>14h00</td><td>Họp phụ huynh học sinh</td></tr>"
           "</table>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Khai giảng năm học mới");
  EXPECT_EQ(meaning(in.plan.tasks[0]), "starts on 2024-09-05");
  EXPECT_EQ(meaning(in.plan.tasks[1]), "starts on 2024-09-06");
  EXPECT_NE(in.result.yaml.find("table 1 row 3 column 2 '06/9/2024'; at 14h00"), std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, AFirstColumnOfTimePhrasesIsNoDayColumn) {
  // "Trước ngày 30/8/2024" is a deadline, not a day: the task table's
  // reader keeps the phrase whole.
  const auto in =
      imported(page("Kế hoạch",
                    "<table border=\"1\"><tr><th>Thời gian</th><th>Nội dung</th></tr>"
                    "<tr><td>Trước ngày 30/8/2024</td><td>Xây dựng kế hoạch</td></tr>"
                    "<tr><td>Chậm nhất ngày 15/9/2024</td><td>Tổ chức hội nghị</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "due by 2024-08-29");
  EXPECT_EQ(meaning(in.plan.tasks[1]), "due by 2024-09-15");
  EXPECT_NE(in.result.tasks_from.find("table 1"), std::string::npos) << in.result.tasks_from;
}

TEST(ImportShapes, ADayCellWhoseWeekdayIsWrongIsKeptAndSaid) {
  // 15/7/2025 is a Tuesday, not a Monday: with the document's year the
  // phrase reader refuses it, and the plan keeps it rather than guess.
  const auto in =
      imported(page("Lịch công tác",
                    "<p>Từ ngày 14/07/2025 đến ngày 20/07/2025</p>"
                    "<table border=\"1\"><tr><th>Ngày</th><th>Nội dung công việc</th></tr>"
                    "<tr><td>Thứ 2 15/7</td><td>Tiếp công dân định kỳ</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u);
  EXPECT_TRUE(in.plan.tasks[0].steps[0].constraints.empty());
  EXPECT_EQ(in.result.times_not_read, 1);
  ASSERT_EQ(in.plan.losses.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.losses[0].text, "Thứ 2, ngày 15/7/2025");
  EXPECT_TRUE(std::any_of(in.result.diagnostics.begin(), in.result.diagnostics.end(),
                          [](const Diagnostic& d) { return d.code == "time-not-read"; }));
}

TEST(ImportShapes, AStartColumnAndAnEndColumnAreOneSpan) {
  // Shaped like 032: a two-row header, each semester a start and an end.
  const auto in = imported(
      page("Kế hoạch thời gian năm học 2023 - 2024",
           "<p>1. Tựu trường sớm nhất từ ngày 29/8/2023.</p>"
           "<table border=\"1\"><tr><th rowspan=\"2\">CẤP HỌC</th><th colspan=\"2\">HỌC KỲ I</th>"
           "<th rowspan=\"2\">KẾT THÚC NĂM HỌC</th></tr>"
           "<tr><th>Ngày bắt đầu HK</th><th>Ngày kết thúc HK</th></tr>"
           "<tr><td>Mầm non</td><td>05/9/2023 (Thứ Ba)</td><td>12/01/2024 (Thứ Sáu)</td>"
           "<td>30/5/2024</td></tr></table>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(meaning(plan.tasks[0]), "not before 2023-08-29");
  const auto& level = plan.tasks[1];
  EXPECT_EQ(level.name, "Mầm non");
  ASSERT_EQ(level.steps.size(), 2u) << in.result.yaml;
  EXPECT_EQ(level.steps[0].name, "HỌC KỲ I");
  std::string semester;
  for (const auto& c : level.steps[0].constraints) semester += describe(c, Lang::en) + "; ";
  EXPECT_NE(semester.find("2023-09-05"), std::string::npos) << semester;
  EXPECT_NE(semester.find("2024-01-12"), std::string::npos) << semester;
  EXPECT_EQ(level.steps[1].name, "KẾT THÚC NĂM HỌC");
  ASSERT_EQ(level.steps[1].constraints.size(), 1u);
  EXPECT_EQ(level.steps[1].constraints[0].date, Date{date::year{2024} / 5 / 30});
}

TEST(ImportShapes, FromAndToColumnsInAHeaderOfOneRow) {
  // STT · Nội dung · Từ ngày · Đến ngày: each row one task over its span;
  // the cells have no year, the title gives 2024.
  const auto in = imported(page(
      "Kế hoạch học kỳ I năm 2024",
      "<table border=\"1\"><tr><th>STT</th><th>Nội dung</th><th>Từ ngày</th><th>Đến ngày</th></tr>"
      "<tr><td>1</td><td>Đăng ký học phần</td><td>05/9</td><td>10/9</td></tr>"
      "<tr><td>2</td><td>Thi kết thúc học phần</td><td>16/12</td><td>27/12</td></tr></table>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Đăng ký học phần");
  const auto first = meaning(in.plan.tasks[0]);
  EXPECT_NE(first.find("2024-09-05"), std::string::npos) << first;
  EXPECT_NE(first.find("2024-09-10"), std::string::npos) << first;
  EXPECT_NE(in.result.yaml.find("when: từ 16/12/2024 đến 27/12/2024  # table 1 row 3 column 3 and "
                                "column 4 ('Từ ngày', 'Đến ngày'); the year 2024 from the title"),
            std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ADateWithoutAYearTakesTheTitlesYearAndSaysSo) {
  // Shaped like 004: no date line; the title gives 2020. "trước ngày 7/9"
  // is due by 6/9; "từ tháng 8 đến tháng 12" is August to December.
  const auto in = imported(
      page("Các mốc thời gian xét tuyển sinh đại học năm 2020",
           "<p>1. Bộ GD-ĐT công bố ngưỡng đảm bảo chất lượng đầu vào: dự kiến trước ngày 7/9.</p>"
           "<p>2. Các trường xét tuyển các đợt tiếp theo: từ tháng 8 đến tháng 12.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(plan.tasks[0].name, "Bộ GD-ĐT công bố ngưỡng đảm bảo chất lượng đầu vào");
  EXPECT_EQ(meaning(plan.tasks[0]), "due by 2020-09-06");
  EXPECT_NE(meaning(plan.tasks[1]).find("2020-08-01"), std::string::npos) << meaning(plan.tasks[1]);
  EXPECT_NE(meaning(plan.tasks[1]).find("2020-12-31"), std::string::npos) << meaning(plan.tasks[1]);
  EXPECT_NE(in.result.yaml.find("when: dự kiến trước ngày 7/9/2020  # paragraph 1; the year 2020 "
                                "from the title (the text has none)"),
            std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ABoundTheReaderDoesNotKnowIsNotDroppedFromTheTime) {
  // "muộn nhất là ngày 5/9/2024" is a deadline; read from "ngày 5/9/2024"
  // alone it would be a start, in silence. The words kept, the phrase
  // reader's warning names the ones it did not read.
  const auto in =
      imported(page("Thông báo", "<p>- Các đơn vị gửi báo cáo muộn nhất là ngày 5/9/2024.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Các đơn vị gửi báo cáo");
  EXPECT_NE(in.result.yaml.find("when: muộn nhất là ngày 5/9/2024"), std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ALabelledTimeWithoutADateIsKeptAsNotRead) {
  // Shaped like 006's last item: the document says it is a time; tiendo
  // finds no date in it, and keeps it rather than lose it.
  const auto in = imported(page(
      "Thông báo",
      "<p>- Thời gian thi lại: Từ 12/8/2023 đến ngày 20/8/2023</p>"
      "<p>- Thời gian đăng ký thi cải thiện điểm D: Bắt đầu từ khi có điểm lần 1 đến trước ngày "
      "thi lại 3 ngày.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[1].name, "Thời gian đăng ký thi cải thiện điểm D");
  EXPECT_TRUE(in.plan.tasks[1].steps[0].constraints.empty());
  ASSERT_EQ(in.plan.losses.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.losses[0].text, "Bắt đầu từ khi có điểm lần 1 đến trước ngày thi lại 3 ngày");
}

TEST(ImportShapes, TwoTimesInASentenceAreTwoTasks) {
  // "trước ngày 15/4/2024" is due by 14/4, "trước ngày 20/4/2024" by 19/4.
  const auto in = imported(
      page("Thông báo",
           "<p>- Ban Tuyên giáo xây dựng đề cương trước ngày 15/4/2024, sau đó trình Thường trực "
           "Tỉnh ủy cho ý kiến trước ngày 20/4/2024.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 2u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Ban Tuyên giáo xây dựng đề cương");
  EXPECT_EQ(meaning(in.plan.tasks[0]), "due by 2024-04-14");
  EXPECT_EQ(in.plan.tasks[1].name, "trình Thường trực Tỉnh ủy cho ý kiến");
  EXPECT_EQ(meaning(in.plan.tasks[1]), "due by 2024-04-19");
}

TEST(ImportShapes, AnAnniversarysYearIsTheYearItIsHeld) {
  // No date line, no year in the title: the first paragraph's anniversary
  // (1930 - 2024) is held in 2024, and "25/7" is 25/7/2024.
  const auto in = imported(
      page("Thông báo hội thi",
           "<p>Chào mừng kỷ niệm 94 năm Ngày truyền thống ngành (01/8/1930 - 01/8/2024).</p>"
           "<p>- Hội thi tổ chức vào ngày 25/7.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(meaning(in.plan.tasks[0]), "starts on 2024-07-25");
  EXPECT_NE(in.result.yaml.find("the year 2024 from paragraph 1"), std::string::npos)
      << in.result.yaml;
}

TEST(ImportShapes, ATimeThatCannotBeReadIsKeptNotDropped) {
  // 31/02 is no day: the item is a task whose time is kept and warned of.
  const auto in = imported(
      page("Thông báo", "<p>- Thời gian nộp hồ sơ: từ ngày 31/02/2024 đến ngày 5/3/2024.</p>"));
  ASSERT_EQ(in.plan.tasks.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.tasks[0].name, "Thời gian nộp hồ sơ");
  ASSERT_EQ(in.plan.losses.size(), 1u) << in.result.yaml;
  EXPECT_EQ(in.plan.losses[0].text, "từ ngày 31/02/2024 đến ngày 5/3/2024");
  EXPECT_EQ(in.result.times_not_read, 1);
}

TEST(ImportShapes, AClockLedItemWithoutADateIsOnTheDayAbove) {
  // Shaped like 031: the day in "Thời gian:", the sessions by the clock.
  // 18/6/2020 is a Thursday (Thứ Năm).
  const auto in =
      imported(page("Triệu tập đảng viên dự Đại hội",
                    "<p>1. Thời gian: Đại hội tiến hành ½ ngày, ngày 18/6/2020 (Thứ Năm).</p>"
                    "<p>- Từ 7h30’ đến 7h40’: Kiểm tra quân số, ổn định tổ chức.</p>"
                    "<p>- Từ 7h45’ đến 8h30’: Đại hội trù bị.</p>"));
  const auto& plan = in.plan;
  ASSERT_EQ(plan.tasks.size(), 3u) << in.result.yaml;
  EXPECT_EQ(names(plan),
            (std::vector<std::string>{"Đại hội tiến hành ½ ngày",
                                      "Kiểm tra quân số, ổn định tổ chức", "Đại hội trù bị"}));
  for (const auto& t : plan.tasks) EXPECT_EQ(meaning(t), "starts on 2020-06-18") << t.name;
}

// Property: whatever a notice's paragraphs and day tables hold (dates
// whole, cut, impossible; clocks, weekdays, labels, markers, parentheses,
// cited numbers), the import never throws, and a plan it writes parses.
TEST(ImportShapes, AnyNoticeGivesAPlanThatParsesOrSaysWhy) {
  const std::vector<std::string> pieces = {"- ",
                                           "+ ",
                                           "1. ",
                                           "2/. ",
                                           "a) ",
                                           "* ",
                                           "– ",
                                           "Thời gian: ",
                                           "Thời gian học (5 tuần): ",
                                           "Địa điểm: ",
                                           "Ghi chú: ",
                                           "Căn cứ Luật ",
                                           "Thực hiện Kế hoạch số 12-KH/TU ngày 3/4/2024 ",
                                           "Hội nghị ",
                                           "tổ chức ",
                                           "Thứ Hai, ",
                                           "Thứ 3 ",
                                           "Chủ nhật ",
                                           "ngày ",
                                           "từ ",
                                           "đến ",
                                           "đến hết ",
                                           "trước ",
                                           "vào ",
                                           "lúc ",
                                           "dự kiến ",
                                           "kể từ ",
                                           "tháng ",
                                           "năm ",
                                           "12/5/2025",
                                           "12/5",
                                           "31/02/2024",
                                           "3.10",
                                           "30-4-2016",
                                           "01/2021",
                                           "2022-2023",
                                           "7 giờ 30, ",
                                           "(8h30) ",
                                           "Từ 7h30’ đến 7h40’: ",
                                           "16h30 ",
                                           "17g00, ",
                                           "phút",
                                           "(15/5/1941 - 15/5/2025)",
                                           "(",
                                           ")",
                                           ": ",
                                           ". ",
                                           "; ",
                                           ", ",
                                           "như sau:",
                                           "./.",
                                           "số 681/TB-UBND ",
                                           "ban hành Kế hoạch ",
                                           "½ ",
                                           "“",
                                           "”",
                                           "'",
                                           "\"",
                                           "#",
                                           "x: [",
                                           "\xE2\x80\xA8",
                                           "Sáng",
                                           "Chiều",
                                           "Mầm non",
                                           "Ngày bắt đầu HK",
                                           "Ngày kết thúc HK"};
  std::mt19937 random(20261207);
  const auto pick = [&] {
    return pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
  };
  const auto text = [&] {
    std::string out;
    const int n = std::uniform_int_distribution<int>(1, 9)(random);
    for (int i = 0; i < n; ++i) out += pick();
    return out;
  };
  int written = 0;
  for (int n = 0; n < 300; ++n) {
    std::string body;
    const int paragraphs = std::uniform_int_distribution<int>(1, 8)(random);
    for (int i = 0; i < paragraphs; ++i) {
      const bool bold = std::uniform_int_distribution<int>(0, 3)(random) == 0;
      body += bold ? "<p><b>" + text() + "</b></p>" : "<p>" + text() + "</p>";
    }
    if (std::uniform_int_distribution<int>(0, 2)(random) == 0) {
      body += "<table border=\"1\"><tr><th>Ngày</th><th>" + text() + "</th><th>Nội dung</th></tr>";
      const int rows = std::uniform_int_distribution<int>(0, 4)(random);
      for (int r = 0; r < rows; ++r) {
        body += "<tr><td>" + text() + "</td><td>" + text() + "</td><td>" + text() + "</td></tr>";
      }
      body += "</table>";
    }
    const auto html = page(text(), body);
    ImportResult result;
    ASSERT_NO_THROW(result = import_plan(html, "random.html")) << html;
    if (result.yaml.empty()) {
      EXPECT_FALSE(result.diagnostics.empty()) << html;
      continue;
    }
    ++written;
    const auto plan = parse_plan(result.yaml);
    EXPECT_TRUE(plan.plan) << html << "\n---\n" << result.yaml;
    if (!plan.plan) break;
  }
  EXPECT_GT(written, 30);  // the property is about plans: many notices must give one
}

}  // namespace
}  // namespace tiendo::documents::test
