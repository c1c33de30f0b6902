// The document readers on the committed test documents (tests/data/docs,
// described in its README), golden dumps, and hostile files.

#include <gtest/gtest.h>
#include <tiendo/documents/document.hpp>
#include <tiendo/files.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "documents_support.hpp"

namespace tiendo::documents {
namespace {

using test::bytes_of;
using test::data_path;
using test::read_ok;

// --- format detection -------------------------------------------------------

struct Detection {
  const char* file;
  Format format;
};

class DetectionTest : public ::testing::TestWithParam<Detection> {};

TEST_P(DetectionTest, FormatComesFromTheContent) {
  const auto document = read_ok(GetParam().file);
  EXPECT_EQ(document.format, GetParam().format) << GetParam().file;
  EXPECT_FALSE(document.body.empty());
}

INSTANTIATE_TEST_SUITE_P(
    EveryTestDocument, DetectionTest,
    ::testing::Values(Detection{"docs/000-129-KH-DUK.docx", Format::docx},
                      Detection{"docs/000-129-KH-DUK.pandoc.docx", Format::docx},
                      Detection{"docs/000-129-KH-DUK.odt", Format::odt},
                      Detection{"docs/000-129-KH-DUK.html", Format::html},
                      Detection{"docs/000-appendix.xlsx", Format::xlsx},
                      Detection{"docs/000-appendix.calc.xlsx", Format::xlsx},
                      Detection{"docs/002-BTG-so-ket-2024.docx", Format::docx},
                      Detection{"docs/002-BTG-so-ket-2024.odt", Format::odt},
                      Detection{"docs/002-BTG-so-ket-2024.pandoc.docx", Format::docx},
                      Detection{"docs/003-tuyen-truyen-dai-hoi-2020.docx", Format::docx},
                      Detection{"docs/003-tuyen-truyen-dai-hoi-2020.odt", Format::odt},
                      Detection{"docs/003-tuyen-truyen-dai-hoi-2020.pandoc.docx", Format::docx},
                      Detection{"docs/004-DUK-TW-15-nam-2022.docx", Format::docx},
                      Detection{"docs/004-DUK-TW-15-nam-2022.odt", Format::odt},
                      Detection{"docs/004-DUK-TW-15-nam-2022.pandoc.docx", Format::docx},
                      Detection{"docs/shape-date-per-row.docx", Format::docx},
                      Detection{"docs/shape-phase-matrix.docx", Format::docx},
                      Detection{"docs/shape-section-rows.docx", Format::docx},
                      Detection{"docs/shape-two-tables.docx", Format::docx},
                      Detection{"import/appendix-129.tsv", Format::text_table},
                      Detection{"import/table.csv", Format::text_table}));

TEST(Detection, NameDoesNotMatter) {
  const auto bytes = bytes_of("docs/000-129-KH-DUK.odt");
  const auto result = read_document(bytes, "plan.docx");
  ASSERT_TRUE(result.document);
  EXPECT_EQ(result.document->format, Format::odt);
}

// --- seed 000's appendix in every format ------------------------------------

/// The appendix as a 10 × 5 window of its table: header row + nine tasks.
struct Appendix {
  const Table* table = nullptr;
  int top = 0;  ///< the header row ("STT")
  std::string text(int row, int column) const { return table->text(top + row, column); }
  const Cell& shown_at(int row, int column) const { return table->shown_at(top + row, column); }
  int rows() const { return table->rows - top; }
};

Appendix find_appendix(const Document& document) {
  for (const auto& block : document.body) {
    const auto* table = block.table();
    if (!table || table->columns < 5) continue;
    for (int row = 0; row < table->rows; ++row) {
      if (table->text(row, 0) == "STT" && table->text(row, 1) == "NỘI DUNG") {
        return Appendix{table, row};
      }
    }
  }
  return {};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

class AppendixTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    document_ = read_ok(GetParam());
    appendix_ = find_appendix(document_);
    ASSERT_NE(appendix_.table, nullptr) << "no table with an STT / NỘI DUNG header";
  }
  bool merges() const { return document_.format != Format::text_table; }

  Document document_;
  Appendix appendix_;
};

constexpr const char* kNhai = "Đ/c Mai Thị Nhài, Phó Bí thư ĐUK";
constexpr const char* kLam = "Đ/c Ngô Văn Lâm, Phó Bí thư TT ĐUK";

TEST_P(AppendixTest, TenRowsOfFiveColumns) {
  EXPECT_EQ(appendix_.rows(), 10);
  EXPECT_GE(appendix_.table->columns, 5);
  if (document_.format != Format::xlsx) {
    EXPECT_EQ(appendix_.table->columns, 5);
  }
  EXPECT_EQ(appendix_.text(0, 4), "THỜI GIAN THỰC HIỆN");
  for (int row = 1; row <= 9; ++row) EXPECT_EQ(appendix_.text(row, 0), std::to_string(row));
}

TEST_P(AppendixTest, PersonInChargeShowsOnEveryRowItCovers) {
  for (int row = 1; row <= 5; ++row) EXPECT_EQ(appendix_.text(row, 2), kNhai) << row;
  for (int row = 6; row <= 8; ++row) EXPECT_EQ(appendix_.text(row, 2), kLam) << row;
  EXPECT_EQ(appendix_.text(9, 2), "");
  if (!merges()) return;  // a pasted TSV repeats the name instead
  const Cell& first = appendix_.shown_at(1, 2);
  EXPECT_EQ(first.row_span, 5);
  EXPECT_EQ(first.column_span, 1);
  EXPECT_EQ(&appendix_.shown_at(5, 2), &first);
  EXPECT_TRUE(appendix_.table->at(appendix_.top + 3, 2).covered);
  EXPECT_EQ(appendix_.table->at(appendix_.top + 3, 2).anchor_row, appendix_.top + 1);
  EXPECT_EQ(appendix_.shown_at(6, 2).row_span, 3);
  EXPECT_EQ(appendix_.shown_at(9, 2).row_span, 1);
}

TEST_P(AppendixTest, SubStepsOfRowFiveAreSeparateLines) {
  const auto content = lines(appendix_.text(5, 1));
  ASSERT_EQ(content.size(), 4u) << appendix_.text(5, 1);
  EXPECT_EQ(content[0],
            "Tổ chức Cuộc thi trực tuyến tìm hiểu 70 năm lịch sử Đảng bộ Khối các cơ quan tỉnh "
            "Thái Nguyên");
  EXPECT_EQ(content[1], "- Xây dựng và trình duyệt bộ câu hỏi trắc nghiệm");
  EXPECT_EQ(content[2], "- Tích hợp trên Trang thông tin điện tử, tổng hợp");
  EXPECT_EQ(content[3], "- Tổ chức thi trắc nghiệm");
  const auto time = lines(appendix_.text(5, 4));
  ASSERT_EQ(time.size(), 4u);
  EXPECT_EQ(time[2], "- Trước ngày 30/8/2024");
}

TEST_P(AppendixTest, TimeOfRowOneHoldsItsThreeItems) {
  const auto time = appendix_.text(1, 4);
  // A TSV pasted from Word lost the line breaks of this cell: the items
  // are there, on one line.
  if (!merges()) {
    EXPECT_EQ(time,
              "- Xuất bản kỳ tháng 10/2024 (số 219) - Tại kỳ họp BTV tháng 5/2024 - Trong tháng "
              "6/2024");
    return;
  }
  EXPECT_EQ(lines(time),
            (std::vector<std::string>{"- Xuất bản kỳ tháng 10/2024 (số 219)",
                                      "- Tại kỳ họp BTV tháng 5/2024", "- Trong tháng 6/2024"}));
}

TEST_P(AppendixTest, SameWordsAsTheLibreOfficeDocx) {
  static const Document reference = read_ok("docs/000-129-KH-DUK.docx");
  const auto expected = find_appendix(reference);
  for (int row = 0; row < 10; ++row) {
    for (int column = 0; column < 5; ++column) {
      EXPECT_EQ(words(appendix_.text(row, column)), words(expected.text(row, column)))
          << "row " << row << ", column " << column;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryFormatOfSeed000, AppendixTest,
                         ::testing::Values("docs/000-129-KH-DUK.docx",
                                           "docs/000-129-KH-DUK.pandoc.docx",
                                           "docs/000-129-KH-DUK.odt", "docs/000-129-KH-DUK.html",
                                           "docs/000-appendix.xlsx", "docs/000-appendix.calc.xlsx",
                                           "import/appendix-129.tsv"));

struct SameText {
  const char* reference;
  const char* other;
};

class SameTextTest : public ::testing::TestWithParam<SameText> {};

TEST_P(SameTextTest, EveryWordInOrder) {
  // NFC makes "ặ" the same code points whichever way a writer composed it;
  // list labels are not text, so a list drawn by numbering and one typed
  // differ only where the seed's text itself does.
  const auto reference = words(plain_text(read_ok(GetParam().reference).body));
  const auto other = words(plain_text(read_ok(GetParam().other).body));
  EXPECT_GT(reference.size(), 300u);
  EXPECT_EQ(reference, other);
}

INSTANTIATE_TEST_SUITE_P(
    FormatsOfOneSeed, SameTextTest,
    ::testing::Values(
        SameText{"docs/000-129-KH-DUK.docx", "docs/000-129-KH-DUK.odt"},
        SameText{"docs/000-129-KH-DUK.docx", "docs/000-129-KH-DUK.html"},
        SameText{"docs/002-BTG-so-ket-2024.docx", "docs/002-BTG-so-ket-2024.odt"},
        SameText{"docs/002-BTG-so-ket-2024.docx", "docs/002-BTG-so-ket-2024.pandoc.docx"},
        SameText{"docs/003-tuyen-truyen-dai-hoi-2020.docx",
                 "docs/003-tuyen-truyen-dai-hoi-2020.odt"},
        SameText{"docs/003-tuyen-truyen-dai-hoi-2020.docx",
                 "docs/003-tuyen-truyen-dai-hoi-2020.pandoc.docx"},
        SameText{"docs/004-DUK-TW-15-nam-2022.docx", "docs/004-DUK-TW-15-nam-2022.odt"},
        SameText{"docs/004-DUK-TW-15-nam-2022.docx", "docs/004-DUK-TW-15-nam-2022.pandoc.docx"}));

// --- the body: headings, lists, formatting -----------------------------------

std::vector<const Paragraph*> body_paragraphs(const Document& document) {
  std::vector<const Paragraph*> out;
  for (const auto& block : document.body) {
    if (const auto* paragraph = block.paragraph()) out.push_back(paragraph);
  }
  return out;
}

const Paragraph* find_paragraph(const Document& document, std::string_view starts_with) {
  for (const auto* paragraph : body_paragraphs(document)) {
    if (paragraph->text.starts_with(starts_with)) return paragraph;
  }
  return nullptr;
}

class Seed000BodyTest : public ::testing::TestWithParam<const char*> {};

TEST_P(Seed000BodyTest, HeadingsAsTheDocumentHasThem) {
  const auto document = read_ok(GetParam());
  // I. and II. are bold body paragraphs; II.2, II.3 Heading 2; III., IV. Heading 3.
  const auto* first = find_paragraph(document, "I. MỤC ĐÍCH, YÊU CẦU");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->heading_level, 0);
  EXPECT_TRUE(first->bold);
  const auto* second = find_paragraph(document, "II. NỘI DUNG");
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(second->bold);
  const auto* forms = find_paragraph(document, "2. Hình thức, thời gian tổ chức tuyên truyền");
  ASSERT_NE(forms, nullptr);
  EXPECT_EQ(forms->heading_level, 2);
  const auto* funds = find_paragraph(document, "III. KINH PHÍ THỰC HIỆN");
  ASSERT_NE(funds, nullptr);
  EXPECT_EQ(funds->heading_level, 3);
  const auto* organisation = find_paragraph(document, "IV. TỔ CHỨC THỰC HIỆN");
  ASSERT_NE(organisation, nullptr);
  EXPECT_EQ(organisation->heading_level, 3);
  const auto* committee = find_paragraph(document, "1. Đảng ủy Khối các cơ quan tỉnh");
  ASSERT_NE(committee, nullptr);
  EXPECT_EQ(committee->heading_level, 4);
}

TEST_P(Seed000BodyTest, BulletsOfSectionOneAreListItems) {
  const auto document = read_ok(GetParam());
  const auto* item = find_paragraph(document, "Nhằm tuyên truyền lịch sử 70 năm");
  ASSERT_NE(item, nullptr);
  ASSERT_TRUE(item->list);
  // Writer's list draws "-"; its HTML export makes it a <ul>, a browser's "•".
  EXPECT_EQ(item->list->label, document.format == Format::html ? "•" : "-");
  EXPECT_EQ(item->list->level, 0);
  // Section III's dashes are typed: text, not a list.
  const auto* typed = find_paragraph(document, "- Kinh phí đảm bảo");
  ASSERT_NE(typed, nullptr);
  EXPECT_FALSE(typed->list);
}

TEST_P(Seed000BodyTest, TitleWithItsLineBreaks) {
  const auto document = read_ok(GetParam());
  const auto* title = find_paragraph(document, "KẾ HOẠCH\n");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(lines(title->text).size(), 4u);
  EXPECT_TRUE(title->bold);
  EXPECT_EQ(document.title,
            "Kế hoạch 129-KH/ĐUK tuyên truyền Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối các cơ "
            "quan tỉnh Thái Nguyên");
}

INSTANTIATE_TEST_SUITE_P(DocxOdtHtml, Seed000BodyTest,
                         ::testing::Values("docs/000-129-KH-DUK.docx", "docs/000-129-KH-DUK.odt",
                                           "docs/000-129-KH-DUK.html"));

class NumberedListTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NumberedListTest, TwelveLinesOfWorkLabelledFromTheNumbering) {
  const auto document = read_ok(GetParam());
  std::vector<std::string> labels;
  for (const auto* paragraph : body_paragraphs(document)) {
    if (paragraph->list && paragraph->list->label.starts_with("(")) {
      labels.push_back(paragraph->list->label);
    }
  }
  ASSERT_EQ(labels.size(), 12u);
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(labels[static_cast<std::size_t>(i)], "(" + std::to_string(i + 1) + ")");
  // The number is the list's, not the text's; the time is an italic run.
  const auto* first = find_paragraph(document, "Tuyên truyền kết quả và hoạt động phong trào");
  ASSERT_NE(first, nullptr);
  ASSERT_GE(first->runs.size(), 2u);
  EXPECT_TRUE(first->runs.back().italic);
  EXPECT_EQ(first->runs.back().text, "Triển khai từ tháng 01/2022 đến tháng 4/2022.");
  EXPECT_FALSE(first->italic);
  // The slogans' "(1)" are typed: not list items.
  EXPECT_FALSE(find_paragraph(document, "(1)") && find_paragraph(document, "(1)")->list);
}

INSTANTIATE_TEST_SUITE_P(Seed004, NumberedListTest,
                         ::testing::Values("docs/004-DUK-TW-15-nam-2022.docx",
                                           "docs/004-DUK-TW-15-nam-2022.odt",
                                           "docs/004-DUK-TW-15-nam-2022.pandoc.docx"));

TEST(NumberedList, SloganOfSeed003NumberedOneToTen) {
  for (const char* file :
       {"docs/003-tuyen-truyen-dai-hoi-2020.docx", "docs/003-tuyen-truyen-dai-hoi-2020.odt"}) {
    const auto document = read_ok(file);
    const auto* first = find_paragraph(document, "Nhiệt liệt chào mừng đại hội đảng bộ các cấp");
    const auto* last = find_paragraph(document, "Chủ tịch Hồ Chí Minh vĩ đại sống mãi");
    ASSERT_TRUE(first && last && first->list && last->list) << file;
    EXPECT_EQ(first->list->label, "1.") << file;
    EXPECT_EQ(last->list->label, "10.") << file;
  }
}

TEST(Formatting, ItalicDeadlinesInsideASentence) {
  const auto document = read_ok("docs/002-BTG-so-ket-2024.docx");
  bool found = false;
  for (const auto* paragraph : body_paragraphs(document)) {
    for (const auto& run : paragraph->runs) {
      if (run.italic && run.text.find("trước ngày 10/6/2024") != std::string::npos) found = true;
    }
  }
  EXPECT_TRUE(found);
}

// --- spreadsheets --------------------------------------------------------------

class WorkbookTest : public ::testing::TestWithParam<const char*> {};

TEST_P(WorkbookTest, DateCellsAsIsoDatesWithTheirShownText) {
  const auto document = read_ok(GetParam());
  ASSERT_EQ(document.body.size(), 2u);
  const auto* sheet = document.body[0].table();
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->name, "Phụ lục");
  const std::pair<int, const char*> deadlines[] = {
      {7, "2024-07-31"}, {9, "2024-10-13"}, {10, "2024-10-25"}, {12, "2024-11-05"}};
  for (const auto& [row, iso] : deadlines) {
    const Cell& cell = sheet->at(row, 5);
    EXPECT_EQ(cell.kind, ValueKind::date) << row;
    EXPECT_EQ(cell.value, iso) << row;
  }
  EXPECT_EQ(sheet->text(7, 5), "31/07/2024");
  EXPECT_EQ(sheet->at(4, 5).kind, ValueKind::none);
  EXPECT_EQ(sheet->at(4, 0).kind, ValueKind::number);
  EXPECT_EQ(sheet->at(4, 0).value, "1");
  // The merged title spans the six columns.
  EXPECT_EQ(sheet->at(0, 0).column_span, 6);
  const auto* notes = document.body[1].table();
  ASSERT_NE(notes, nullptr);
  EXPECT_EQ(notes->name, "Ghi chú");
  std::vector<std::string> dates;
  for (const auto& cell : notes->cells) {
    if (cell.kind == ValueKind::date) dates.push_back(cell.value);
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2024-03-29", "2024-11-02"}));
}

INSTANTIATE_TEST_SUITE_P(OpenpyxlAndCalc, WorkbookTest,
                         ::testing::Values("docs/000-appendix.xlsx",
                                           "docs/000-appendix.calc.xlsx"));

TEST(Spreadsheet, OdsSheetsWithMergesDatesAndRepeats) {
  const std::string content =
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>)"
      R"(<table:table table:name="Phụ lục"><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell>)"
      R"(<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>Nội dung</text:p></table:table-cell><table:covered-table-cell/></table:table-row>)"
      R"(<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>)"
      R"(<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="date" office:date-value="2024-07-31"><text:p>31/07/2024</text:p></table:table-cell></table:table-row>)"
      R"(<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>)"
      R"(</table:table></office:spreadsheet></office:body></office:document-content>)";
  const auto bytes =
      test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", false, true},
                      {"content.xml", content}});
  const auto result = read_document(bytes, "sheet.ods");
  ASSERT_TRUE(result.document) << test::error_message(result);
  EXPECT_EQ(result.document->format, Format::ods);
  const auto* sheet = result.document->body[0].table();
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->name, "Phụ lục");
  EXPECT_EQ(sheet->rows, 4);  // the million empty rows add none
  EXPECT_EQ(sheet->columns, 3);
  EXPECT_EQ(sheet->at(0, 1).row_span, 2);
  EXPECT_EQ(sheet->at(0, 1).column_span, 2);
  EXPECT_EQ(sheet->text(1, 2), "Nội dung");
  EXPECT_EQ(sheet->at(1, 0).kind, ValueKind::number);
  for (int row : {2, 3}) {
    EXPECT_EQ(sheet->at(row, 0).kind, ValueKind::date);
    EXPECT_EQ(sheet->at(row, 0).value, "2024-07-31");
    EXPECT_EQ(sheet->text(row, 0), "31/07/2024");
  }
}

// --- table shapes ---------------------------------------------------------------

std::vector<const Table*> tables_of(const Document& document) {
  std::vector<const Table*> out;
  for (const auto& block : document.body) {
    if (const auto* table = block.table()) out.push_back(table);
  }
  return out;
}

TEST(Shapes, PhaseMatrixHeaderSpansFourColumns) {
  const auto document = read_ok("docs/shape-phase-matrix.docx");
  const auto tables = tables_of(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.columns, 7);
  EXPECT_EQ(table.rows, 8);
  EXPECT_EQ(table.at(0, 3).column_span, 4);
  EXPECT_EQ(table.text(0, 6), "THỜI GIAN THỰC HIỆN");
  EXPECT_EQ(table.at(0, 0).row_span, 2);
  EXPECT_EQ(table.text(1, 0), "STT");
  EXPECT_EQ(table.text(1, 3), "Đợt 1");
  EXPECT_EQ(table.text(1, 6), "Đợt 4");
  EXPECT_EQ(table.text(5, 3), "");  // not in round 1
  EXPECT_EQ(lines(table.text(7, 3)).size(), 5u);
}

TEST(Shapes, SectionRowsSpanTheTable) {
  const auto document = read_ok("docs/shape-section-rows.docx");
  const auto tables = tables_of(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.columns, 5);
  EXPECT_EQ(table.text(1, 0), "A. ĐẢNG ỦY KHỐI");
  EXPECT_EQ(table.at(1, 0).column_span, 5);
  EXPECT_EQ(table.text(1, 4), "A. ĐẢNG ỦY KHỐI");
  EXPECT_EQ(table.text(2, 0), "I");
  EXPECT_EQ(table.at(2, 1).column_span, 4);
  // The person's merge stops at the section row.
  EXPECT_EQ(table.at(3, 2).row_span, 5);
  EXPECT_EQ(table.at(12, 0).column_span, 5);
}

TEST(Shapes, TheTaskTableIsTheSecond) {
  const auto document = read_ok("docs/shape-two-tables.docx");
  const auto tables = tables_of(document);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->text(0, 1), "THÀNH PHẦN");
  EXPECT_EQ(tables[1]->text(0, 1), "NỘI DUNG CÔNG VIỆC");
  EXPECT_EQ(tables[1]->rows, 9);
  EXPECT_EQ(lines(tables[1]->text(6, 3)),
            (std::vector<std::string>{"- Trước ngày 25/6/2024", "- Tại Hội nghị"}));
}

TEST(Shapes, DatePerRowWithAHeaderOverTwoColumns) {
  const auto document = read_ok("docs/shape-date-per-row.docx");
  const auto tables = tables_of(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.at(0, 2).column_span, 2);
  EXPECT_EQ(table.text(1, 3), "Đơn vị phối hợp");
  EXPECT_EQ(lines(table.text(8, 3)).size(), 5u);
  EXPECT_EQ(table.text(9, 4), "");
}

// --- TSV and CSV -----------------------------------------------------------------

TEST(TextTable, HtmlFragmentsInCellsBecomeParagraphs) {
  const auto document = read_ok("import/appendix-129.tsv");
  const auto* table = document.body[0].table();
  ASSERT_NE(table, nullptr);
  const auto& blocks = table->at(5, 1).blocks;
  ASSERT_EQ(blocks.size(), 4u);
  ASSERT_TRUE(blocks[1].paragraph()->list);
  // <ul style="list-style-type: none">: the dash is the text's, no label.
  EXPECT_EQ(blocks[1].paragraph()->list->label, "");
}

TEST(TextTable, EntitiesVerticalTabsAndQuotes) {
  const std::string tsv =
      "STT\tNội dung\n"
      "1\t<p>Phóng sự &amp; tin b&agrave;i&nbsp;số&#160;1 t&#7897;i</p>\n"
      "2\t\"Dòng một\vDòng hai\"\n";
  const auto result = read_document(tsv, "pasted.tsv");
  ASSERT_TRUE(result.document);
  const auto* table = result.document->body[0].table();
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->text(1, 1), "Phóng sự & tin bài số 1 tội");
  EXPECT_EQ(table->text(2, 1), "Dòng một\nDòng hai");
}

TEST(TextTable, CsvWithQuotesAndSemicolons) {
  const auto document = read_ok("import/table.csv");
  const auto* table = document.body[0].table();
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->columns, 5);
  EXPECT_EQ(table->text(2, 1), "Phóng sự \"70 năm\" - Xây dựng kịch bản - Ghi hình, sản xuất");
  const auto semicolons = read_document("a;b;\"c;d\"\n1;2;3\n", "x.csv");
  ASSERT_TRUE(semicolons.document);
  const auto* grid = semicolons.document->body[0].table();
  EXPECT_EQ(grid->columns, 3);
  EXPECT_EQ(grid->text(0, 2), "c;d");
}

TEST(TextTable, Utf16WithByteOrderMark) {
  // Excel's "Unicode text": UTF-16LE with a BOM.
  const std::u16string text = u"STT\tNội dung\r\n1\tĐặt bài\r\n";
  std::string bytes = "\xFF\xFE";
  for (const char16_t c : text) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  const auto result = read_document(bytes, "unicode.txt");
  ASSERT_TRUE(result.document);
  EXPECT_EQ(result.document->body[0].table()->text(1, 1), "Đặt bài");
}

TEST(Text, NfcAndNonBreakingSpaces) {
  // "Đặt" decomposed (D with stroke, a, combining dot below, combining breve), and NBSP.
  const std::string decomposed =
      "\xC4\x90\x61\xCC\xA3\xCC\x86t\xC2\xA0"
      "b\xC3\xA0i";
  const auto result = read_document("STT\tX\n1\t" + decomposed + "\n", "x.tsv");
  ASSERT_TRUE(result.document);
  EXPECT_EQ(result.document->body[0].table()->text(1, 1), "Đặt bài");
}

// --- golden dumps ------------------------------------------------------------------

class GoldenDumpTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenDumpTest, DumpMatchesTheReviewedOne) {
  const std::string file = GetParam();
  const std::string name = std::filesystem::path(file).filename().string();
  const auto actual = dump(read_ok(file));
  const auto golden = test::source_path("tests/golden/documents/" + name + ".txt");
  if (std::getenv("TIENDO_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << golden;
  }
  const auto expected = read_file(golden);
  ASSERT_TRUE(expected.text) << expected.error << " (TIENDO_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(actual, *expected.text) << "review with TIENDO_UPDATE_GOLDEN=1 and git diff";
}

INSTANTIATE_TEST_SUITE_P(
    SomeOfEachFormat, GoldenDumpTest,
    ::testing::Values("docs/000-129-KH-DUK.docx", "docs/000-129-KH-DUK.odt",
                      "docs/000-129-KH-DUK.html", "docs/000-appendix.calc.xlsx",
                      "docs/004-DUK-TW-15-nam-2022.pandoc.docx", "docs/shape-phase-matrix.docx",
                      "import/appendix-129.tsv"),
    [](const ::testing::TestParamInfo<const char*>& param_info) {
      std::string name = std::filesystem::path(param_info.param).filename().string();
      for (auto& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace tiendo::documents
