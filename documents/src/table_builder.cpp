#include "table_builder.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "read_context.hpp"

namespace tiendo::documents::detail {

namespace {

/// The bytes of a cell's own paragraphs (a table inside it counts its own).
std::size_t text_bytes(const Cell& cell) {
  std::size_t bytes = 0;
  for (const auto& block : cell.blocks) {
    if (const auto* p = block.paragraph()) bytes += p->text.size();
  }
  return bytes;
}

}  // namespace

void TableBuilder::put(int row, int column, Cell cell, int row_span, int column_span,
                       SourceLocation where) {
  row_span = std::max(row_span, 1);
  column_span = std::max(column_span, 1);
  if (row < 0 || column < 0 || row >= kMaxRows || column >= kMaxColumns) {
    context_.fail("table-too-large",
                  "a cell at row " + std::to_string(row + 1) + ", column " +
                      std::to_string(column + 1) + " is beyond the " + std::to_string(kMaxRows) +
                      " rows and " + std::to_string(kMaxColumns) + " columns a table may have",
                  where);
  }
  if (const auto bytes = text_bytes(cell); bytes > context_.limits().max_cell_bytes) {
    context_.fail("cell-too-large",
                  "the cell at row " + std::to_string(row + 1) + ", column " +
                      std::to_string(column + 1) + " holds " + std::to_string(bytes >> 20) +
                      " MB of text; a cell may hold at most " +
                      std::to_string(context_.limits().max_cell_bytes >> 20) + " MB",
                  where, "a plan's table holds its tasks and times, not whole documents");
  }
  context_.hold_cell(cell, row, column, where);
  // Spans never reach past the largest grid; what they would cover is not there.
  row_span = std::min(row_span, kMaxRows - row);
  column_span = std::min(column_span, kMaxColumns - column);
  context_.count_cells(1, where);
  last_in_column_[column] = placed_.size();
  if (busy_until_.size() < static_cast<std::size_t>(column + column_span)) {
    busy_until_.resize(static_cast<std::size_t>(column + column_span), 0);
  }
  for (int c = column; c < column + column_span; ++c) {
    auto& until = busy_until_[static_cast<std::size_t>(c)];
    until = std::max(until, row + row_span);
  }
  rows_ = std::max(rows_, row + 1);
  placed_.push_back(Placed{row, column, row_span, column_span, std::move(cell)});
}

bool TableBuilder::extend_down(int row, int column) {
  const auto it = last_in_column_.find(column);
  if (it == last_in_column_.end()) return false;
  Placed& above = placed_[it->second];
  if (above.row + above.row_span != row) return false;
  ++above.row_span;
  for (int c = above.column; c < above.column + above.column_span; ++c) {
    auto& until = busy_until_[static_cast<std::size_t>(c)];
    until = std::max(until, row + 1);
  }
  rows_ = std::max(rows_, row + 1);
  return true;
}

bool TableBuilder::busy(int row, int column) const {
  return column >= 0 && static_cast<std::size_t>(column) < busy_until_.size() &&
         busy_until_[static_cast<std::size_t>(column)] > row;
}

Table TableBuilder::finish(std::string name, bool clip_row_spans, SourceLocation where) {
  int rows = rows_;
  int columns = 0;
  for (const auto& p : placed_) {
    if (!clip_row_spans) rows = std::max(rows, p.row + p.row_span);
    columns = std::max(columns, p.column + p.column_span);
  }
  const auto area = static_cast<std::uint64_t>(rows) * static_cast<std::uint64_t>(columns);
  // The placed cells were counted as they came; the grid adds the rest.
  if (area > placed_.size()) {
    context_.count_cells(static_cast<std::size_t>(area - placed_.size()), where);
  }
  Table table;
  table.name = std::move(name);
  table.rows = rows;
  table.columns = columns;
  table.index = context_.next_table_index();
  table.cells.resize(static_cast<std::size_t>(area));
  std::vector<bool> taken(static_cast<std::size_t>(area), false);
  const auto slot = [columns](int r, int c) {
    return static_cast<std::size_t>(r) * static_cast<std::size_t>(columns) +
           static_cast<std::size_t>(c);
  };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      table.cells[slot(r, c)].anchor_row = r;
      table.cells[slot(r, c)].anchor_column = c;
    }
  }
  // Merges are laid first, so that what a merge covers is hidden whatever
  // order the file lists its cells in (a spreadsheet's value under a merge).
  std::vector<std::size_t> order(placed_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(), [this](std::size_t i) {
    return placed_[i].row_span > 1 || placed_[i].column_span > 1;
  });
  for (const auto i : order) {
    Placed& p = placed_[i];
    // A cell where an earlier merge already is, is hidden, as office suites do.
    if (taken[slot(p.row, p.column)]) continue;
    // An overlapping merge keeps only the columns, then the rows, that are free.
    int column_end = p.column + 1;
    while (column_end < p.column + p.column_span && !taken[slot(p.row, column_end)]) ++column_end;
    const int row_limit = std::min(p.row + p.row_span, rows);
    int row_end = p.row + 1;
    while (row_end < row_limit) {
      bool free = true;
      for (int c = p.column; c < column_end && free; ++c) free = !taken[slot(row_end, c)];
      if (!free) break;
      ++row_end;
    }
    Cell& anchor = table.cells[slot(p.row, p.column)];
    anchor = std::move(p.cell);
    anchor.anchor_row = p.row;
    anchor.anchor_column = p.column;
    anchor.covered = false;
    anchor.row_span = row_end - p.row;
    anchor.column_span = column_end - p.column;
    for (int r = p.row; r < row_end; ++r) {
      for (int c = p.column; c < column_end; ++c) {
        taken[slot(r, c)] = true;
        if (r == p.row && c == p.column) continue;
        Cell& covered = table.cells[slot(r, c)];
        covered.covered = true;
        covered.anchor_row = p.row;
        covered.anchor_column = p.column;
      }
    }
  }
  placed_.clear();
  return table;
}

}  // namespace tiendo::documents::detail
