#include <gtest/gtest.h>
#include <tiendo/report.hpp>

#include <nlohmann/json.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

const std::string kPlan =
    testing::plan_header() +
    "tasks:\n  - id: t\n    name: \"Phóng sự, \\\"70 năm\\\"\"\n    owner: Nhài\n"
    "    steps:\n"
    "      - {id: a, name: \"Kịch bản, duyệt\", kind: draft, duration: 3d}\n"
    "      - {id: b, name: B, duration: 2d, after: {on: a, type: SS, lag: 1d}, "
    "due: 2024-06-04}\n";

TEST(Report, JsonFollowsTheDocumentedShape) {
  const auto a = testing::analyze_ok(kPlan);
  const auto j = nlohmann::json::parse(schedule_json(a, Lang::en));
  EXPECT_EQ(j["plan"]["id"], "T");
  ASSERT_EQ(j["steps"].size(), 2u);
  const auto& b = j["steps"][1];
  EXPECT_EQ(b["id"], "t.b");
  EXPECT_EQ(b["task"], "t");
  EXPECT_EQ(b["start"], "2024-06-04");
  EXPECT_EQ(b["finish"], "2024-06-05");
  EXPECT_EQ(b["late_start"], "2024-06-03");
  EXPECT_EQ(b["late_finish"], "2024-06-04");
  EXPECT_EQ(b["duration"], 2);
  EXPECT_EQ(b["total_float"], -1);
  EXPECT_EQ(b["critical"], true);
  EXPECT_EQ(b["preds"], nlohmann::json::parse(R"([{"on":"t.a","type":"SS","lag":1}])"));
  EXPECT_EQ(j["tasks"][0]["owner"], "Nhài");
  EXPECT_EQ(j["tasks"][0]["finish"], "2024-06-05");
  EXPECT_EQ(j["critical_path"], nlohmann::json::parse(R"(["t.a","t.b"])"));
  EXPECT_EQ(j["feasible"], false);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["kind"], "deadline-missed");
  EXPECT_EQ(j["findings"][0]["number"], 1);
  EXPECT_EQ(j["findings"][0]["steps"][0], "t.b");
}

TEST(Report, CsvQuotesFieldsWithCommasAndQuotes) {
  const auto a = testing::analyze_ok(kPlan);
  const auto csv = schedule_csv(a, Lang::vi);
  EXPECT_NE(csv.find("t.a,t,\"Kịch bản, duyệt\",draft,2024-06-03,2024-06-05,"), std::string::npos);
  EXPECT_NE(csv.find(",t.a:SS+1d\r\n"), std::string::npos);
}

TEST(Report, CsvNeverHandsASpreadsheetAFormula) {
  // Step names a spreadsheet would run (OWASP's CSV injection): each starts
  // with an apostrophe; numbers and dates stay as they are.
  const auto a = testing::analyze_ok(
      testing::plan_header() +
      "tasks:\n"
      "  - {id: f1, name: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\", duration: 1d, due: 2024-06-28}\n"
      "  - {id: f2, name: \"+1+1\", duration: 1d}\n"
      "  - {id: f3, name: \"-2+3\", duration: 1d}\n"
      "  - {id: f4, name: \"@SUM(A1)\", duration: 1d}\n"
      "  - {id: f5, name: \"\\tcmd\", duration: 1d}\n"
      "  - {id: f6, name: \"Bình thường\", duration: 1d}\n");
  const auto csv = schedule_csv(a, Lang::vi);
  EXPECT_NE(csv.find("f1,f1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos) << csv;
  EXPECT_NE(csv.find("f2,f2,'+1+1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("f3,f3,'-2+3,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("f4,f4,'@SUM(A1),"), std::string::npos) << csv;
  EXPECT_NE(csv.find("f5,f5,'\tcmd,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("f6,f6,Bình thường,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=H"), std::string::npos);
}

TEST(Report, TableAndCheckText) {
  const auto a = testing::analyze_ok(kPlan);
  const auto table = schedule_table(a, Lang::vi);
  EXPECT_NE(table.find("t.b   04/06/2024  05/06/2024"), std::string::npos) << table;
  EXPECT_NE(table.find("đường găng: t.a → t.b"), std::string::npos);
  const auto text = check_text(a, Lang::en);
  EXPECT_EQ(text.substr(0, text.find('\n')), "T: NOT feasible (1 error, 0 warnings)");
}

}  // namespace
}  // namespace tiendo
