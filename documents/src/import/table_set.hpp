#pragma once
// The task tables of a document: every table whose header names tasks and
// their times, with the parts of a table Word split over pages joined back
// into one, and every table left out said with why.

#include <string>
#include <vector>

#include "import/plan_draft.hpp"
#include "import/table_layout.hpp"

namespace tiendo::documents::import {

/// A stretch of rows of one table of the document.
struct Segment {
  const Table* table = nullptr;
  int first_row = 0;   ///< the first data row (after the header, or a repeated header)
  std::string joined;  ///< why this part is taken to continue the one before; empty: the first
};

/// One task table as the planner wrote it: perhaps split over pages into
/// several tables of the document.
struct TaskTable {
  std::vector<Segment> parts;
  Layout layout;
  std::string heading;  ///< the paragraph just before the table ("4. Tiến độ chuẩn bị")

  /// "table 2", or "table 2+3" when continued, or "sheet 'Phụ lục'".
  std::string name() const;
};

struct TableSet {
  std::vector<TaskTable> tables;  ///< the ones to read, in reading order
  int total = 0;                  ///< every table of the document (nested ones too)
};

/// The task tables; a warning in `diagnostics` for each table that has a
/// header naming tasks or times but is not read (`table-not-read`).
TableSet task_tables(const Document& document, Diagnostics& diagnostics);

}  // namespace tiendo::documents::import
