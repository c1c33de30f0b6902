#pragma once
// The plan as a Word document (.docx, Office Open XML) in the layout
// Vietnamese party and state bodies use for a plan (kế hoạch): the title
// block (issuer and number on the left, the national or Party heading and
// the place and date on the right), "KẾ HOẠCH" and the title, then the
// appendix table STT | Nội dung | Thời gian | Chủ trì | Phối hợp with the
// plan's groups as section rows and each task's steps as "- " lines. Times are
// the plan's own phrases, word for word, so that `tiendo import` reads the
// document back into the same plan.
//
// The package is written from a small document model (paragraphs, runs,
// tables with merged cells), public so that tests can write the other table
// shapes planners use with the same writer.

#include <tiendo/analysis.hpp>
#include <tiendo/io/exchange.hpp>
#include <tiendo/lang.hpp>

#include <string>
#include <variant>
#include <vector>

namespace tiendo::io {

// ---- The document model ---------------------------------------------------

struct DocxRun {
  std::string text;  ///< '\n' is a line break inside the paragraph (w:br)
  bool bold = false;
  bool italic = false;
  bool underline = false;
  int half_points = 0;  ///< font size in half points; 0: the paragraph's default
};

enum class DocxAlign { left, center, right, both };

struct DocxParagraph {
  std::vector<DocxRun> runs;
  DocxAlign align = DocxAlign::left;
  int space_after = 0;      ///< twentieths of a point
  bool rule_below = false;  ///< a short rule under the paragraph (a state body's heading)
  int rule_indent = 1200;   ///< how far the rule stops from each side, in twentieths of a point

  DocxParagraph() = default;
  /// One run of `text`.
  explicit DocxParagraph(std::string text, bool bold = false, bool italic = false,
                         DocxAlign align = DocxAlign::left);
};

struct DocxCell {
  std::vector<DocxParagraph> paragraphs;  ///< none: an empty paragraph is written
  int span = 1;                           ///< grid columns covered (w:gridSpan)
  enum class Merge { none, restart, next } merge = Merge::none;  ///< vertical merge (w:vMerge)
  DocxAlign align = DocxAlign::left;  ///< of paragraphs made from plain lines
};

struct DocxRow {
  std::vector<DocxCell> cells;
  bool header = false;     ///< repeated at the top of each page (w:tblHeader)
  bool cant_split = true;  ///< a row is not broken across pages
};

struct DocxTable {
  std::vector<int> widths;  ///< grid columns, in twentieths of a point
  std::vector<DocxRow> rows;
  bool borders = true;   ///< false: the title block's borderless layout table
  int half_points = 26;  ///< the text's size
};

using DocxBlock = std::variant<DocxParagraph, DocxTable>;

struct DocxDocument {
  std::vector<DocxBlock> body;
  std::string title;  ///< docProps/core.xml
  bool landscape = false;
  int half_points = 28;  ///< the body's default size (14 pt)
};

/// The .docx package of a document (A4, Times New Roman, the usual margins
/// of Vietnamese administrative documents). Fails only when libzip does.
ExportResult write_docx(const DocxDocument& document);

// ---- The plan -------------------------------------------------------------

/// Which heading the right-hand side of the title block takes.
enum class DocxBody { automatic, party, state };
enum class DocxOrientation { automatic, portrait, landscape };

struct DocxOptions {
  Lang lang = Lang::vi;
  /// The place of issue ("Thái Nguyên"); empty: taken from the issuer ("…
  /// tỉnh Thái Nguyên"), "Hà Nội" for a central body, else left to be filled in.
  std::string place;
  DocxBody body = DocxBody::automatic;
  DocxOrientation orientation = DocxOrientation::automatic;
};

/// The plan document of an analysed plan (analysis.ok()).
ExportResult export_docx(const Analysis& analysis, const DocxOptions& options = {});

/// The plan as the document's model, before it is packaged: for tests and
/// for callers that add to it.
DocxDocument plan_document(const Analysis& analysis, const DocxOptions& options = {});

/// The time written for a step in the document: its `when:` phrases as the
/// planner wrote them (joined by "; " when there are several; a constraint
/// given with a plan key, such as `due:`, as a phrase of the same meaning),
/// or, for a step without any, its scheduled finish as a deadline tiendo
/// reads back ("Trước ngày 30/8/2024" is due on 29/8). A phrase that sets no
/// date ('Thường xuyên') is not kept in the plan model, so such a step gets
/// its scheduled finish too.
std::string step_time_text(const Analysis& analysis, NodeId node, Lang lang = Lang::vi);

/// 1 → "I", 4 → "IV", 2024 → "MMXXIV".
std::string roman_numeral(int n);

}  // namespace tiendo::io
