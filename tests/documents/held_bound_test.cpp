// Issue 21: what one document may inflate to once read
// (ReadLimits::max_parsed_bytes, max_held_bytes). A small file can name far more than it
// holds: an .xlsx cell shows a shared string by its number, an .ods cell
// repeats itself across columns and rows, and a part of tiny elements
// parses to a tree many times its size. Each is an error with its part and
// place, and nothing is imported. tests/hostile/documents_bounded.py runs
// the same shapes through `tiendo import` and measures its peak memory.

#include <gtest/gtest.h>
#include <tiendo/documents/document.hpp>
#include <tiendo/documents/import.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "documents_support.hpp"

namespace tiendo::documents {
namespace {

using test::error_code;
using test::error_message;

constexpr std::string_view kSml =
    R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
constexpr std::string_view kRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// A workbook of one sheet with a shared-strings part.
std::string xlsx_with_shared_strings(const std::string& shared, const std::string& sheet_data) {
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type=")" +
      std::string(kRel) + R"(worksheet" Target="worksheets/sheet1.xml"/>)" +
      R"(<Relationship Id="rId2" Type=")" + std::string(kRel) +
      R"(sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
  return test::make_zip(
      {{"[Content_Types].xml", test::kXlsxTypes},
       {"xl/workbook.xml",
        "<workbook " + std::string(kSml) +
            R"(><sheets><sheet name="KH" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels", rels},
       {"xl/sharedStrings.xml", "<sst " + std::string(kSml) + ">" + shared + "</sst>"},
       {"xl/worksheets/sheet1.xml", "<worksheet " + std::string(kSml) + "><sheetData>" +
                                        sheet_data + "</sheetData></worksheet>"}});
}

double seconds_since(std::chrono::steady_clock::time_point begin) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
}

TEST(HeldBound, ASharedStringShownByManyCellsIsRefusedInItsSheet) {
  // One string of a megabyte (under the 2 MB a cell may hold, and under the
  // size from which the zip's ratio is checked), shown by 100 cells: 1 MB in
  // the file, 300 MB of cells once read before the bound (each cell holds
  // its text, its runs' text and its value).
  const std::string shared = "<si><t>" + std::string(1'000'000, 'x') + "</t></si>";
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    const auto n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"B" + n + "\" t=\"s\"><v>0</v></c></row>";
  }
  const auto bytes = xlsx_with_shared_strings(shared, rows);
  const auto begin = std::chrono::steady_clock::now();
  const auto result = read_document(bytes, "shared.xlsx");
  EXPECT_LT(seconds_since(begin), 10.0);
  ASSERT_EQ(error_code(result), "document-too-large") << error_message(result);
  const auto& error = result.diagnostics.back();
  EXPECT_NE(error.message.find("'xl/worksheets/sheet1.xml'"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find(", column 2:"), std::string::npos) << error.message;
  EXPECT_GT(error.where.line, 0);
  EXPECT_NE(error.suggestion, "");
  // The importer writes nothing and says the same.
  const auto imported = import_plan(bytes, "shared.xlsx");
  EXPECT_TRUE(imported.yaml.empty());
  ASSERT_FALSE(imported.diagnostics.empty());
  EXPECT_EQ(imported.diagnostics.back().code, "document-too-large");
}

TEST(HeldBound, AFewCopiesOfALongSharedStringStillRead) {
  // The bound is on the whole: a long text shown twice is a document.
  const std::string shared = "<si><t>" + std::string(1'000'000, 'x') + "</t></si>";
  const auto result = read_document(
      xlsx_with_shared_strings(
          shared, R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>)"),
      "two.xlsx");
  ASSERT_TRUE(result.document) << error_message(result);
  EXPECT_EQ(result.document->body[0].table()->text(0, 1).size(), 1'000'000u);
}

TEST(HeldBound, AManySharedStringsPartIsRefusedBeforeItIsParsed) {
  ReadLimits limits;
  limits.max_parsed_bytes = std::size_t{4} << 20;
  std::string shared;
  for (int i = 0; i < 100'000; ++i) shared += "<si><t>" + std::to_string(i) + "</t></si>";
  const auto result =
      read_document(xlsx_with_shared_strings(shared, "<row r=\"1\"/>"), "strings.xlsx", limits);
  ASSERT_EQ(error_code(result), "document-too-large") << error_message(result);
  EXPECT_NE(error_message(result).find("'xl/sharedStrings.xml': its "), std::string::npos)
      << error_message(result);
}

TEST(HeldBound, ARepeatedOdsCellIsRefusedInContentXml) {
  // One cell of a megabyte repeated over 100 columns: before the bound the
  // row's 100 copies were made before any was counted.
  const std::string content =
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>)"
      R"(<table:table table:name="KH"><table:table-row><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>)" +
      std::string(1'000'000, 'x') +
      "</text:p></table:table-cell></table:table-row></table:table>"
      "</office:spreadsheet></office:body></office:document-content>";
  const auto bytes =
      test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", false, true},
                      {"content.xml", content}});
  const auto begin = std::chrono::steady_clock::now();
  const auto result = read_document(bytes, "repeat.ods");
  EXPECT_LT(seconds_since(begin), 10.0);
  ASSERT_EQ(error_code(result), "document-too-large") << error_message(result);
  EXPECT_NE(error_message(result).find("'content.xml', the cell at row 1, column "),
            std::string::npos)
      << error_message(result);
}

TEST(HeldBound, ATreeOfTinyElementsIsRefusedBeforeItIsParsed) {
  ReadLimits limits;
  limits.max_parsed_bytes = std::size_t{4} << 20;
  std::string body;
  for (int i = 0; i < 100'000; ++i) body += "<w:p/>";
  const auto docx = read_document(test::make_docx(test::document_xml(body)), "tiny.docx", limits);
  ASSERT_EQ(error_code(docx), "document-too-large") << error_message(docx);
  EXPECT_NE(error_message(docx).find("'word/document.xml': its "), std::string::npos)
      << error_message(docx);
  // HTML (libxml2) the same way; it has no parts, the file is the place.
  std::string html = "<html><body><p>";
  for (int i = 0; i < 100'000; ++i) html += "<br>x";
  const auto page = read_document(html + "</p></body></html>", "tiny.html", limits);
  ASSERT_EQ(error_code(page), "document-too-large") << error_message(page);
  EXPECT_TRUE(error_message(page).starts_with("its "))
      << "no part to name: " << error_message(page);
}

TEST(HeldBound, ATextTableOfManyCellsIsRefusedAtItsRow) {
  ReadLimits limits;
  limits.max_held_bytes = std::size_t{1} << 20;
  std::string tsv = "Nội dung\tThời gian\n";
  for (int r = 0; r < 20'000; ++r) tsv += "Việc\tTháng 5/2024\n";
  const auto result = read_document(tsv, "long.tsv", limits);
  ASSERT_EQ(error_code(result), "document-too-large") << error_message(result);
  EXPECT_GT(result.diagnostics.back().where.line, 1);
  EXPECT_NE(error_message(result).find("the cell at row "), std::string::npos)
      << error_message(result);
}

TEST(HeldBound, EveryCommittedDocumentReadsFarUnderTheBounds) {
  // The bounds are far above what plans need: each committed document, the
  // corpus's real plans among them, reads with a 32nd of them (4.5 MB
  // parsed, 1.5 MB held), which is under what `tiendo serve` reads an
  // import with (16 MB and 4 MB, serve/src/api.cpp).
  ReadLimits limits;
  limits.max_parsed_bytes = ReadLimits{}.max_parsed_bytes / 32;
  limits.max_held_bytes = ReadLimits{}.max_held_bytes / 32;
  int read = 0;
  for (const auto* folder : {"docs", "doc-corpus", "import"}) {
    const auto path = std::filesystem::path(test::data_path(folder));
    if (!std::filesystem::exists(path)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      const auto extension = entry.path().extension().string();
      if (extension != ".docx" && extension != ".xlsx" && extension != ".odt" &&
          extension != ".ods" && extension != ".html") {
        continue;
      }
      const auto relative = std::filesystem::relative(entry.path(), test::data_path("")).string();
      const auto result = read_document(test::bytes_of(relative), relative, limits);
      EXPECT_TRUE(result.document) << relative << ": " << error_message(result);
      ++read;
    }
  }
  EXPECT_GT(read, 100);
}

}  // namespace
}  // namespace tiendo::documents
