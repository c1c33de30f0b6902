#include <gtest/gtest.h>
#include <tiendo/files.hpp>
#include <tiendo/table_import.hpp>

#include <filesystem>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

std::string data(const char* name) {
  const auto path =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "data/import" / name;
  return read_file(path.string()).text.value_or("");
}

TEST(Import, AppendixOfPlan129) {
  // Seed 000's appendix as pasted: tab-separated, rows 5 and 8 with HTML lists.
  const auto result = import_table(data("appendix-129.tsv"), "KH 129");
  ASSERT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.tasks, 9);
  EXPECT_EQ(result.steps, 15);
  // It schedules as it is.
  const auto a = testing::analyze_ok(result.yaml);
  ASSERT_TRUE(a.ok());
  // The first time item is the task's own; the others pair with the steps.
  EXPECT_NE(
      result.yaml.find("name: \"Xây dựng và trình duyệt định khung\"\n        kind: approval\n"
                       "        when: \"Tại kỳ họp BTV tháng 5/2024\""),
      std::string::npos);
  EXPECT_NE(
      result.yaml.find("name: \"Đặt bài\"\n        kind: other  # GUESS\n        duration: 5d  "
                       "# GUESS\n        when: \"Trong tháng 6/2024\""),
      std::string::npos);
  EXPECT_NE(result.yaml.find("# the task's own time: \"Xuất bản kỳ tháng 10/2024 (số 219)\""),
            std::string::npos);
  // HTML list cells: row 5's three steps, paired the same way.
  EXPECT_NE(result.yaml.find("name: \"Tích hợp trên Trang thông tin điện tử, tổng hợp\""),
            std::string::npos);
  EXPECT_NE(result.yaml.find("when: \"Trước ngày 30/8/2024\""), std::string::npos);
  const auto& approval = testing::step(a, "xay-dung-phong.xay-dung-va");
  EXPECT_TRUE(approval.meeting.has_value());
  // A fixed span gets no guessed duration: it is the span's.
  EXPECT_EQ(format_iso(testing::step(a, "treo-bang-zon").finish), "2024-11-05");
  // Every guess is marked.
  EXPECT_NE(result.yaml.find("start: 2023-12-01  # GUESS"), std::string::npos)
      << "a month before 2024-01-01, the start of \"Trong năm 2024\"";
}

TEST(Import, CsvWithQuotes) {
  const auto result = import_table(data("table.csv"), "CSV");
  ASSERT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.tasks, 2);
  EXPECT_NE(result.yaml.find("name: \"Phóng sự \\\"70 năm\\\"\""), std::string::npos);
  EXPECT_NE(result.yaml.find("lead: \"Đài PT-TH, Ban Tuyên giáo\""), std::string::npos);
  EXPECT_NE(result.yaml.find("name: \"Ghi hình, sản xuất\""), std::string::npos);
  const auto a = testing::analyze_ok(result.yaml);
  EXPECT_TRUE(a.ok());
}

TEST(Import, NoHeaderIsAnError) {
  const auto result = import_table("a\tb\nc\td\n", "x");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].code, "no-table-header");
  EXPECT_TRUE(result.yaml.empty());
}

}  // namespace
}  // namespace tiendo
