// The Excel export as bytes (its content is read back by python3-openpyxl in
// io.read_xlsx): a zip holding the three sheets; nothing for a plan with errors.
#include <gtest/gtest.h>
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
