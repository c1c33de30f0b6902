// The plan document (.docx): the package unzipped with libzip, every part
// parsed with pugixml, and word/document.xml read for the title block, the
// table's header, group rows and times.
#include <gtest/gtest.h>
#include <zip.h>
#include <pugixml.hpp>
#include <tiendo/files.hpp>
#include <tiendo/io/docx.hpp>
#include <tiendo/phrase.hpp>

#include <memory>
#include <string>
#include <vector>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

/// Every entry of a zip held in memory, by name.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  auto* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip";
    return {};
  }
  std::vector<std::pair<std::string, std::string>> out;
  const auto n = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t stat;
    zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat);
    const std::unique_ptr<zip_file_t, ZipFileClose> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
    std::string content(stat.size, '\0');
    EXPECT_EQ(zip_fread(file.get(), content.data(), stat.size),
              static_cast<zip_int64_t>(stat.size));
    out.emplace_back(stat.name, std::move(content));
  }
  return out;
}

std::string part(const std::string& docx, const std::string& name) {
  for (auto& [entry, content] : unzip(docx)) {
    if (entry == name) return content;
  }
  ADD_FAILURE() << "no part " << name;
  return {};
}

/// A paragraph's text as a reader sees it: its runs, '\n' for a break.
std::string text_of(const pugi::xml_node& p) {
  std::string out;
  for (const auto& node : p.select_nodes(".//w:t | .//w:br")) {
    const auto n = node.node();
    out += std::string(n.name()) == "w:br" ? "\n" : n.text().get();
  }
  return out;
}

/// A cell's paragraphs.
std::vector<std::string> lines_of(const pugi::xml_node& tc) {
  std::vector<std::string> out;
  for (const auto& p : tc.children("w:p")) out.push_back(text_of(p));
  return out;
}

struct Parsed {
  pugi::xml_document doc;
  pugi::xml_node body;
  std::vector<pugi::xml_node> tables;
};

std::unique_ptr<Parsed> parse(const std::string& docx) {
  auto out = std::make_unique<Parsed>();
  const auto xml = part(docx, "word/document.xml");
  const auto ok = out->doc.load_buffer(xml.data(), xml.size());
  EXPECT_TRUE(ok) << ok.description();
  out->body = out->doc.child("w:document").child("w:body");
  for (const auto& t : out->body.children("w:tbl")) out->tables.push_back(t);
  return out;
}

std::vector<pugi::xml_node> rows_of(const pugi::xml_node& table) {
  std::vector<pugi::xml_node> out;
  for (const auto& r : table.children("w:tr")) out.push_back(r);
  return out;
}

std::vector<pugi::xml_node> cells_of(const pugi::xml_node& row) {
  std::vector<pugi::xml_node> out;
  for (const auto& c : row.children("w:tc")) out.push_back(c);
  return out;
}

Analysis sample(const char* name) {
  const auto file = read_file(std::string(TIENDO_SOURCE_DIR) + "/samples/" + name);
  return testing::analyze_ok(*file.text);
}

std::string contains_line(const std::vector<std::string>& lines, const std::string& line) {
  for (const auto& l : lines) {
    if (l == line) return {};
  }
  std::string all;
  for (const auto& l : lines) all += "\n  " + l;
  return "'" + line + "' not among:" + all;
}

TEST(DocxExport, EveryPartIsWellFormedXml) {
  const auto result = io::export_docx(sample("129-KH-DUK.yaml"));
  ASSERT_TRUE(result.ok()) << result.error;
  const auto entries = unzip(result.bytes);
  std::vector<std::string> names;
  for (const auto& [name, content] : entries) {
    names.push_back(name);
    pugi::xml_document doc;
    const auto ok = doc.load_buffer(content.data(), content.size());
    EXPECT_TRUE(ok) << name << ": " << ok.description();
  }
  for (const char* want :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "docProps/core.xml"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
  EXPECT_NE(part(result.bytes, "word/styles.xml").find("Times New Roman"), std::string::npos);
}

TEST(DocxExport, TitleBlockOfAPartyBody) {
  const auto parsed = parse(io::export_docx(sample("129-KH-DUK.yaml")).bytes);
  ASSERT_GE(parsed->tables.size(), 2u);
  const auto& block = parsed->tables[0];
  // Borderless: a layout table, not a grid.
  EXPECT_STREQ(
      block.child("w:tblPr").child("w:tblBorders").child("w:top").attribute("w:val").value(),
      "nil");
  const auto cells = cells_of(rows_of(block).at(0));
  ASSERT_EQ(cells.size(), 2u);
  const auto left = lines_of(cells[0]);
  ASSERT_EQ(left.size(), 3u);
  EXPECT_EQ(left[0], "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH THÁI NGUYÊN");
  EXPECT_EQ(left[1], "*");
  EXPECT_EQ(left[2], "Số 129-KH/ĐUK");
  EXPECT_TRUE(cells[0].child("w:p").child("w:r").child("w:rPr").child("w:b")) << "issuer in bold";
  const auto right = lines_of(cells[1]);
  ASSERT_EQ(right.size(), 2u);
  EXPECT_EQ(right[0], "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_EQ(right[1], "Thái Nguyên, ngày 29 tháng 3 năm 2024");
  const auto date_run = cells[1].child("w:p").next_sibling("w:p").child("w:r");
  EXPECT_TRUE(date_run.child("w:rPr").child("w:i")) << "the date line in italics";
  // "KẾ HOẠCH" and the title, centred and bold, between the two tables.
  std::vector<std::string> between;
  for (auto n = block.next_sibling(); n && n != parsed->tables[1]; n = n.next_sibling()) {
    if (std::string(n.name()) == "w:p" && !text_of(n).empty()) {
      between.push_back(text_of(n));
      EXPECT_STREQ(n.child("w:pPr").child("w:jc").attribute("w:val").value(), "center");
      EXPECT_TRUE(n.child("w:r").child("w:rPr").child("w:b"));
    }
  }
  ASSERT_EQ(between.size(), 2u);
  EXPECT_EQ(between[0], "KẾ HOẠCH");
  EXPECT_EQ(between[1],
            "tuyên truyền Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối các cơ quan tỉnh Thái Nguyên");
}

TEST(DocxExport, TheTaskTable) {
  const auto a = sample("129-KH-DUK.yaml");
  const auto parsed = parse(io::export_docx(a).bytes);
  const auto rows = rows_of(parsed->tables.at(1));
  ASSERT_EQ(rows.size(), 1 + a.plan->tasks.size());
  // The header, repeated on each page; an owner column since the plan names people.
  EXPECT_TRUE(rows[0].child("w:trPr").child("w:tblHeader"));
  std::vector<std::string> header;
  for (const auto& c : cells_of(rows[0])) header.push_back(lines_of(c).at(0));
  EXPECT_EQ(header, (std::vector<std::string>{"STT", "Nội dung", "Thời gian", "Chủ trì", "Phối hợp",
                                              "Người phụ trách"}));
  for (std::size_t r = 1; r < rows.size(); ++r)
    EXPECT_FALSE(rows[r].child("w:trPr").child("w:tblHeader"));
  // Six columns: landscape A4.
  const auto size = parsed->body.child("w:sectPr").child("w:pgSz");
  EXPECT_STREQ(size.attribute("w:orient").value(), "landscape");
  EXPECT_EQ(size.attribute("w:w").as_int(), 16838);

  // Task 5 (the contest): its steps as "- " lines, their times beside them,
  // word for word, and a step without a phrase given its scheduled finish.
  const auto contest = cells_of(rows[5]);
  EXPECT_EQ(lines_of(contest[0]).at(0), "5");
  const auto content = lines_of(contest[1]);
  EXPECT_EQ(content.at(0), "Cuộc thi trực tuyến tìm hiểu 70 năm lịch sử Đảng bộ Khối");
  EXPECT_EQ(content.at(1), "- Xây dựng bộ câu hỏi trắc nghiệm");
  const auto times = lines_of(contest[2]);
  ASSERT_EQ(times.size(), 5u);
  const auto& first = testing::step(a, "cuoc-thi.cau-hoi");
  EXPECT_EQ(
      times[0], "- Trước ngày " + [&] {
        const date::year_month_day ymd{first.finish + date::days{1}};
        return std::to_string(static_cast<unsigned>(ymd.day())) + "/" +
               std::to_string(static_cast<unsigned>(ymd.month())) + "/" +
               std::to_string(static_cast<int>(ymd.year()));
      }());
  EXPECT_EQ(times[1], "- Tại kỳ họp BTV tháng 7/2024");
  EXPECT_EQ(times[2], "- Trước ngày 30/8/2024");
  EXPECT_EQ(times[3], "- Tháng 9/2024; Triển khai thực hiện trong tháng 9 năm 2024.");
  EXPECT_EQ(times[4], "- tổng kết Cuộc thi và trao giải tại Lễ Kỷ niệm");
  EXPECT_EQ(lines_of(contest[3]).at(0), "Ban Tuyên giáo ĐUK");
  EXPECT_EQ(lines_of(contest[5]).at(0), "Đ/c Mai Thị Nhài");
  // A one-step task: its phrase alone, no marker.
  const auto sports = cells_of(rows[6]);
  EXPECT_EQ(lines_of(sports[2]), std::vector<std::string>{"Từ ngày 10/10 đến 13/10/2024"});
  EXPECT_EQ(lines_of(sports[4]).at(0), "Đảng ủy Sở Văn hóa, Thể thao và Du lịch");
}

TEST(DocxExport, GroupRowsSpanTheTableWithRomanNumerals) {
  const auto a = testing::analyze_ok(testing::plan_header() + R"(
groups:
  - {id: tt, name: "Công tác tuyên truyền"}
  - {id: bc, name: "Báo chí", parent: tt}
  - {id: vn, name: "Hoạt động văn nghệ"}
tasks:
  - {id: a, name: "Viết bài", group: bc, duration: 3d, when: "Trước ngày 20/6/2024", lead: "Ban Tuyên giáo"}
  - {id: b, name: "Đưa tin", group: bc, duration: 2d, after: a}
  - {id: c, name: "Pano", group: tt, duration: 2d}
  - {id: d, name: "Liên hoan", group: vn, duration: 1d, assist: ["Đoàn Thanh niên", "Hội Phụ nữ"]}
)");
  const auto parsed = parse(io::export_docx(a).bytes);
  const auto rows = rows_of(parsed->tables.at(1));
  std::vector<std::string> firsts;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto cells = cells_of(rows[r]);
    if (cells.size() == 1) {
      EXPECT_EQ(cells[0].child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(), 5);
      EXPECT_TRUE(cells[0].child("w:p").child("w:r").child("w:rPr").child("w:b"));
    }
    firsts.push_back(lines_of(cells[0]).at(0) +
                     (cells.size() > 1 ? " " + lines_of(cells[1]).at(0) : ""));
  }
  // A group's own tasks come before its inner groups (a task after "A." would
  // read as A's); each group numbers its tasks from 1.
  EXPECT_EQ(firsts, (std::vector<std::string>{"I. Công tác tuyên truyền", "1 Pano", "A. Báo chí",
                                              "1 Viết bài", "2 Đưa tin", "II. Hoạt động văn nghệ",
                                              "1 Liên hoan"}));
  // Five columns (no one in charge): portrait.
  EXPECT_FALSE(parsed->body.child("w:sectPr").child("w:pgSz").attribute("w:orient"));
  EXPECT_EQ(lines_of(cells_of(rows.back())[4]).at(0), "Đoàn Thanh niên; Hội Phụ nữ");
  EXPECT_EQ(lines_of(cells_of(rows[4])[2]).at(0), "Trước ngày 20/6/2024");
}

TEST(DocxExport, TitleBlockOfAStateBody) {
  const auto a = testing::analyze_ok(
      "plan: {id: 45/KH-UBND, title: 'Kế hoạch chuyển đổi số năm 2024', issuer: 'Ủy ban nhân dân "
      "tỉnh Bắc Kạn', issued: 2024-01-15, start: 2024-01-16}\ntasks:\n  - {id: a, name: A, "
      "duration: 2d}\n");
  const auto parsed = parse(io::export_docx(a).bytes);
  const auto cells = cells_of(rows_of(parsed->tables.at(0)).at(0));
  EXPECT_EQ(lines_of(cells[0]).at(0), "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN");
  EXPECT_EQ(lines_of(cells[0]).at(2), "Số 45/KH-UBND");
  // The motto, its rule (an empty paragraph with a bottom border), the date.
  EXPECT_EQ(lines_of(cells[1]), (std::vector<std::string>{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                          "Độc lập - Tự do - Hạnh phúc", "",
                                                          "Bắc Kạn, ngày 15 tháng 1 năm 2024"}));
  const auto rule = cells[1].child("w:p").next_sibling("w:p").next_sibling("w:p");
  EXPECT_STREQ(rule.child("w:pPr").child("w:pBdr").child("w:bottom").attribute("w:val").value(),
               "single");
  // The title's "Kế hoạch" is "KẾ HOẠCH" above it, not said twice.
  std::vector<std::string> texts;
  for (const auto& p : parsed->body.children("w:p")) texts.push_back(text_of(p));
  EXPECT_EQ(contains_line(texts, "chuyển đổi số năm 2024"), "");
}

TEST(DocxExport, EnglishLabels) {
  io::DocxOptions options;
  options.lang = Lang::en;
  options.place = "Thái Nguyên";
  const auto parsed = parse(io::export_docx(sample("129-KH-DUK.yaml"), options).bytes);
  const auto cells = cells_of(rows_of(parsed->tables.at(0)).at(0));
  EXPECT_EQ(lines_of(cells[0]).at(2), "No. 129-KH/ĐUK");
  EXPECT_EQ(lines_of(cells[1]),
            (std::vector<std::string>{"COMMUNIST PARTY OF VIETNAM", "Thái Nguyên, 29 March 2024"}));
  std::vector<std::string> header;
  for (const auto& c : cells_of(rows_of(parsed->tables.at(1)).at(0)))
    header.push_back(lines_of(c).at(0));
  EXPECT_EQ(header,
            (std::vector<std::string>{"No.", "Task", "Time", "Lead", "Co-operating", "In charge"}));
}

TEST(DocxExport, AnUnknownPlaceIsLeftToFillIn) {
  const auto a = testing::analyze_ok(
      "plan: {id: 1-KH/BTG, title: T, issuer: 'Ban Tuyên giáo Tỉnh ủy', start: 2024-06-03}\n"
      "tasks: [{id: a, name: A, duration: 1d}]\n");
  const auto parsed = parse(io::export_docx(a).bytes);
  const auto right = lines_of(cells_of(rows_of(parsed->tables.at(0)).at(0))[1]);
  // No issue date: the day and month are blank, as in a draft.
  EXPECT_EQ(right.at(1), "……, ngày      tháng      năm 2024");
}

/// Constraints given with plan keys are written as phrases that read back to
/// the same constraint.
TEST(DocxExport, PlanKeysAsPhrasesThatReadBack) {
  const auto a = testing::analyze_ok(testing::plan_header() + R"(
committees:
  BTV: {meetings: [2024-06-27]}
tasks:
  - {id: a, name: A, duration: 2d, due: 2024-06-20}
  - {id: b, name: B, duration: 2d, not_before: 2024-06-10}
  - {id: c, name: C, duration: 2d, window: [2024-06-10, 2024-06-21]}
  - {id: d, name: D, duration: 2d, start_by: 2024-06-14}
  - {id: e, name: E, duration: 2d, finish_not_before: 2024-06-14}
  - {id: f, name: F, duration: 1d, start_on: 2024-06-17}
  - {id: g, name: G, kind: approval, at: {committee: BTV, date: 2024-06-27}}
)");
  PhraseContext context;
  context.year = 2024;
  context.committees = &a.plan->committees;
  for (NodeId v = 0; v < a.graph->size(); ++v) {
    const auto& step = a.graph->step(*a.plan, v);
    const auto text = io::step_time_text(a, v);
    const auto r = read_phrase(text, context);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error;
    EXPECT_TRUE(r.warnings.empty()) << text;
    if (step.meeting) {
      ASSERT_TRUE(r.meeting) << text;
      EXPECT_EQ(r.meeting->date, step.meeting->date);
      continue;
    }
    std::vector<std::pair<ConstraintKind, Date>> want, got;
    for (const auto& c : step.constraints) {
      if (c.kind == ConstraintKind::window) {
        want.emplace_back(ConstraintKind::not_before, c.date);
        want.emplace_back(ConstraintKind::due, c.until);
      } else {
        want.emplace_back(c.kind, c.date);
      }
    }
    for (const auto& c : r.constraints) got.emplace_back(c.kind, c.date);
    EXPECT_EQ(got, want) << text;
  }
}

TEST(DocxExport, ANameOverSeveralLinesIsOneLine) {
  // A second line in the content cell would read as a step.
  const auto a = testing::analyze_ok(testing::plan_header() +
                                     "tasks:\n  - id: a\n    name: \"Hội nghị\\nsơ kết\"\n"
                                     "    duration: 1d\n");
  const auto parsed = parse(io::export_docx(a).bytes);
  const auto rows = rows_of(parsed->tables.at(1));
  EXPECT_EQ(lines_of(cells_of(rows.at(1))[1]), std::vector<std::string>{"Hội nghị sơ kết"});
}

TEST(DocxExport, ControlCharactersDoNotBreakTheXml) {
  io::DocxDocument doc;
  doc.title = std::string("a\x01b");
  doc.body.emplace_back(io::DocxParagraph(std::string("x\x02y\tz\r")));
  const auto result = io::write_docx(doc);
  ASSERT_TRUE(result.ok()) << result.error;
  // pugixml would write U+0001 as "&#01;", which it reads back but XML 1.0
  // (libxml2, Word) refuses.
  for (const auto& [name, content] : unzip(result.bytes)) {
    EXPECT_EQ(content.find("&#"), std::string::npos) << name;
  }
  const auto parsed = parse(result.bytes);
  EXPECT_EQ(text_of(parsed->body.child("w:p")), "x y z ");
}

TEST(DocxExport, NothingForAPlanWithErrors) {
  const auto a = analyze("plan: {id: x, start: 2024-06-03}\ntasks: [{id: a, name: A}]\n");
  ASSERT_FALSE(a.ok());
  const auto result = io::export_docx(a);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.bytes.empty());
}

TEST(DocxExport, RomanNumerals) {
  EXPECT_EQ(io::roman_numeral(1), "I");
  EXPECT_EQ(io::roman_numeral(4), "IV");
  EXPECT_EQ(io::roman_numeral(9), "IX");
  EXPECT_EQ(io::roman_numeral(14), "XIV");
  EXPECT_EQ(io::roman_numeral(2024), "MMXXIV");
}

}  // namespace
}  // namespace tiendo
