// The Excel export as bytes (its content is read back by python3-openpyxl in
// io.read_xlsx): a zip holding the three sheets, read back by the importer's
// .xlsx reader to the schedule's days; nothing for a plan with errors.
#include <gtest/gtest.h>
#include <tiendo/documents/document.hpp>
#include <tiendo/files.hpp>
#include <tiendo/io/xlsx.hpp>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

TEST(XlsxExport, AWorkbookOfThreeSheets) {
  const auto file = read_file((testing::source_dir() / "samples/129-KH-DUK.yaml").string());
  const auto a = testing::analyze_ok(*file.text);
  for (const auto lang : {Lang::vi, Lang::en}) {
    const auto result = io::export_xlsx(a, {lang});
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_EQ(result.bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    // A zip names its entries in plain text.
    for (const char* entry : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                              "xl/worksheets/sheet3.xml", "xl/workbook.xml"}) {
      EXPECT_NE(result.bytes.find(entry), std::string::npos) << entry;
    }
    EXPECT_EQ(result.bytes.find("xl/worksheets/sheet4.xml"), std::string::npos);
    // Read back as a spreadsheet (the importer's own .xlsx reader): the three
    // sheets by name, and a row per step whose start and finish are the
    // schedule's days, as Excel dates.
    const auto back = documents::read_document(result.bytes, "plan.xlsx");
    ASSERT_TRUE(back.document);
    std::vector<const documents::Table*> sheets;
    for (const auto& b : back.document->body) {
      if (const auto* t = b.table()) sheets.push_back(t);
    }
    ASSERT_EQ(sheets.size(), 3u);
    const bool vi = lang == Lang::vi;
    EXPECT_EQ(sheets[0]->name, vi ? "Tiến độ" : "Schedule");
    EXPECT_EQ(sheets[1]->name, vi ? "Vấn đề" : "Findings");
    EXPECT_EQ(sheets[2]->name, "Gantt");
    const auto& sheet = *sheets[0];
    ASSERT_EQ(sheet.rows, static_cast<int>(a.graph->size()) + 1);  // the header, a row a step
    EXPECT_EQ(sheet.text(0, 5), vi ? "Bắt đầu" : "Start");
    for (NodeId v = 0; v < a.graph->size(); ++v) {
      const int r = static_cast<int>(v) + 1;
      const auto& task = a.plan->tasks[a.graph->nodes[v].task];
      EXPECT_EQ(sheet.text(r, 1), task.name) << r;
      const auto& s = a.schedule->steps[v];
      EXPECT_EQ(sheet.at(r, 5).kind, documents::ValueKind::date) << r;
      EXPECT_EQ(sheet.at(r, 5).value, format_iso(s.start)) << r;
      EXPECT_EQ(sheet.at(r, 6).value, format_iso(std::max(s.start, s.finish))) << r;
      EXPECT_EQ(sheet.text(r, 10), s.critical ? (vi ? "có" : "yes") : (vi ? "không" : "no")) << r;
    }
  }
}

TEST(XlsxExport, NothingForAPlanWithErrors) {
  const auto a = analyze("plan: {id: x, start: 2024-06-03}\ntasks: [{id: a, name: A}]\n");
  ASSERT_FALSE(a.ok());
  const auto result = io::export_xlsx(a);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.bytes.empty());
}

}  // namespace
}  // namespace tiendo
