#pragma once
// One document model for every file a planner may hand to `tiendo import`:
// Word (.docx), LibreOffice (.odt, .ods), Excel (.xlsx), HTML, and tables
// pasted as TSV or CSV. Each format has its own reader (documents/src); they
// all produce the same Document, so finding the task table is written once.
//
// Rules of the model:
//  1. Text is UTF-8, NFC; non-breaking spaces are plain spaces; a manual line
//     break is "\n" and a tab "\t" inside a paragraph's text.
//  2. A list item's label is the one a reader sees ("1.", "(2)", "-", "•"),
//     computed from the numbering definitions, never taken from the text.
//  3. A table is a full grid, rows × columns. A merged cell sits at its
//     top-left position with its spans; every other position it covers holds
//     an empty Cell whose anchor names that top-left position, so shown_at()
//     and text() answer "what does the reader see at row r, column c".
//  4. A spreadsheet's sheet is a Table named after the sheet; its cells keep
//     their typed value (a date as YYYY-MM-DD) beside the displayed text.

#include <tiendo/diagnostics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tiendo::documents {

/// The container a reader recognised, from the content, never the name.
enum class Format { docx, odt, ods, xlsx, html, text_table };

/// "docx", "odt", "ods", "xlsx", "html" or "text-table".
std::string_view to_string(Format format);

/// A stretch of a paragraph's text with one formatting.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;

  friend bool operator==(const Run&, const Run&) = default;
};

/// What makes a paragraph a list item.
struct ListItem {
  std::string label;  ///< as drawn: "1.", "(2)", "a)", "-", "•"; empty when the list draws none
  int level = 0;      ///< 0 = outermost

  friend bool operator==(const ListItem&, const ListItem&) = default;
};

struct Paragraph {
  std::string text;              ///< the runs joined (rule 1)
  std::vector<Run> runs;         ///< adjacent runs of equal formatting are merged
  int heading_level = 0;         ///< 0 = body text, 1..9 = heading level
  bool bold = false;             ///< every visible character is bold
  bool italic = false;           ///< every visible character is italic
  std::optional<ListItem> list;  ///< set when the paragraph is a list item
  /// Position among all paragraphs of the document in reading order, from 0
  /// (copies of a spreadsheet's repeated cell share their original's).
  int index = 0;
  int line = 0;  ///< line in the file (HTML, TSV) or in its XML part; 0 when unknown
};

/// The typed value of a spreadsheet cell; documents' cells have kind `none`.
enum class ValueKind { none, text, number, boolean, date, error };

/// "none", "text", "number", "boolean", "date" or "error".
std::string_view to_string(ValueKind kind);

struct Block;

/// One position of a Table's grid.
struct Cell {
  std::vector<Block> blocks;  ///< paragraphs and nested tables; empty when covered
  int row_span = 1;           ///< rows the cell covers, from its own
  int column_span = 1;
  /// The position whose cell shows here: the cell's own position, or the
  /// top-left position of the merged cell that covers it.
  int anchor_row = 0;
  int anchor_column = 0;
  bool covered = false;  ///< part of a merge, not its top-left position
  ValueKind kind = ValueKind::none;
  std::string value;  ///< spreadsheets: ISO date, number as Excel's General shows it, TRUE/FALSE
};

struct Table {
  std::string name;  ///< the sheet's name; empty for a table in a document
  int rows = 0;
  int columns = 0;
  std::vector<Cell> cells;  ///< rows × columns, row by row
  int index = 0;            ///< position among all tables of the document in reading order, from 0

  /// The cell stored at a position (it may be a covered one). Positions
  /// outside the grid are a programming error (std::out_of_range).
  const Cell& at(int row, int column) const;
  /// The cell whose content the reader sees at a position: the merge's
  /// top-left cell when the position is covered.
  const Cell& shown_at(int row, int column) const;
  /// shown_at's text (plain_text of its blocks).
  std::string text(int row, int column) const;
};

struct Block {
  std::variant<Paragraph, Table> content;

  /// The paragraph, or nullptr when the block is a table.
  const Paragraph* paragraph() const { return std::get_if<Paragraph>(&content); }
  /// The table, or nullptr when the block is a paragraph.
  const Table* table() const { return std::get_if<Table>(&content); }
};

struct Document {
  Format format = Format::text_table;
  std::string title;        ///< from the file's metadata; empty when there is none
  std::vector<Block> body;  ///< in reading order; a workbook's sheets are its tables
};

/// The bounds that keep a hostile file from costing unbounded time or memory.
struct ReadLimits {
  std::size_t max_entry_bytes = std::size_t{64} << 20;   ///< one zip entry, uncompressed
  std::size_t max_total_bytes = std::size_t{256} << 20;  ///< all entries read from one zip
  /// Uncompressed / compressed size, checked for entries over 1 MiB: deflate
  /// cannot pass ~1032, and real office files stay well under 100.
  std::size_t max_compression_ratio = 200;
  int max_depth = 32;                 ///< tables nested inside tables
  int max_element_depth = 256;        ///< XML/HTML elements nested inside each other
  std::size_t max_cells = 1'000'000;  ///< grid positions over all tables
  std::size_t max_paragraphs = 1'000'000;
  /// The text of one table cell: a plan's cell holds a few lines; a cell of
  /// many megabytes is no plan and would take seconds and hundreds of MB.
  std::size_t max_cell_bytes = std::size_t{2} << 20;
  /// The trees of the XML (or HTML) parsed from one document, summed over
  /// its parts, each estimated from its markup before it is parsed (a node
  /// per tag or text, an attribute per '=', the bytes twice): a part of tiny
  /// elements parses to 10 to 30 times its size. A sheet of a million empty
  /// rows (16 MB) comes to 137 MB and still reads.
  std::size_t max_parsed_bytes = std::size_t{144} << 20;
  /// What the document read holds, counted as it is built: every grid
  /// position, and every cell's paragraphs, runs and value, copies included
  /// (an .xlsx cell shows a shared string by its number, an .ods cell may
  /// repeat itself across a sheet: a file of 1 MB could fill gigabytes), and
  /// an .xlsx's shared strings. A plan's document holds a few MB. With the
  /// bound above, reading any file stays under about 230 MB, and importing
  /// it under 256 MB unless the plan made has tens of thousands of tasks
  /// (docs/reliability.md).
  std::size_t max_held_bytes = std::size_t{48} << 20;
};

struct DocumentResult {
  std::optional<Document> document;  ///< set unless an error was found
  Diagnostics diagnostics;           ///< errors (with codes), and warnings about what was skipped
};

/// Reads a whole file's bytes. The format comes from the content: a zip with
/// `[Content_Types].xml` (docx, xlsx) or `mimetype` (odt, ods); OLE2 (.doc,
/// .xls, or a password-protected docx/xlsx) is refused with advice; HTML by
/// its tags; anything else is read as a TSV/CSV table. `file_name` is used
/// only in messages. Never throws for bad input: every problem is a
/// Diagnostic whose message names the zip entry and line when it has one.
DocumentResult read_document(std::string_view bytes, std::string_view file_name,
                             const ReadLimits& limits = {});

/// A stable, readable text form of the whole model (blocks, headings, list
/// labels, runs, table grids with spans and merges), for tests and for
/// looking at what a reader made of a file.
std::string dump(const Document& document);

/// The text of a list of blocks: the non-empty paragraphs (nested tables'
/// too, cell by cell) joined by "\n".
std::string plain_text(const std::vector<Block>& blocks);

}  // namespace tiendo::documents
