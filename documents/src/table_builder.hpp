#pragma once
// Every reader places cells with their spans here; finish() makes the full
// grid of rule 3 in document.hpp, with covered positions pointing at their
// merge's top-left cell. One place decides what overlapping or oversized
// merges become.

#include <tiendo/documents/document.hpp>

#include <map>
#include <string>
#include <vector>

namespace tiendo::documents::detail {

class ReadContext;

/// Columns and rows a table may have, as a spreadsheet does (16384 × 1048576).
inline constexpr int kMaxColumns = 16384;
inline constexpr int kMaxRows = 1048576;

class TableBuilder {
 public:
  explicit TableBuilder(ReadContext& context) : context_(context) {}

  /// Places a cell at (row, column) covering row_span × column_span
  /// positions. Spans are at least 1; positions past kMaxRows/kMaxColumns fail.
  void put(int row, int column, Cell cell, int row_span = 1, int column_span = 1,
           SourceLocation where = {});
  /// Word's vertical merge: the cell placed in `column` whose rows end just
  /// above `row` grows by one row. False when there is none (a "continue"
  /// with nothing to continue), and nothing changes.
  bool extend_down(int row, int column);
  /// True when a row span from a row above covers (row, column), as HTML's
  /// table model needs to skip such positions when placing a row's cells.
  bool busy(int row, int column) const;
  /// The rows placed so far (the highest row with a cell, plus one).
  int rows() const { return rows_; }

  /// The grid. `clip_row_spans`: spans reaching below the last row with a
  /// cell end there (HTML); otherwise they add rows (a spreadsheet's merge).
  Table finish(std::string name, bool clip_row_spans, SourceLocation where = {});

 private:
  struct Placed {
    int row;
    int column;
    int row_span;
    int column_span;
    Cell cell;
  };

  ReadContext& context_;
  std::vector<Placed> placed_;
  std::map<int, std::size_t> last_in_column_;  ///< column -> index in placed_
  std::vector<int> busy_until_;                ///< column -> first row not spanned from above
  int rows_ = 0;
};

}  // namespace tiendo::documents::detail
