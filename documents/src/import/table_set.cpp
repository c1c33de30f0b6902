// Finding the task tables of a document: every table in reading order
// (nested ones too), the parts of one table split over pages joined, the
// tables with tasks and times kept, and the others that look like they
// might hold some said.
#include "import/table_set.hpp"
#include "import/said.hpp"

#include <functional>

#include "import/cell_items.hpp"
#include "import/content_times.hpp"
#include "import/time_columns.hpp"

namespace tiendo::documents::import {

namespace {

/// A table of the document and what stands before it.
struct Placed {
  const Table* table;
  bool adjacent;  ///< only empty paragraphs since the table before, in the same list of blocks
  std::string heading;  ///< the last non-empty paragraph before it
};

std::vector<Placed> tables_of(const Document& document) {
  std::vector<Placed> out;
  const std::function<void(const std::vector<Block>&)> walk =
      [&](const std::vector<Block>& blocks) {
        bool after_table = false;
        std::string heading;
        for (const auto& b : blocks) {
          if (const auto* p = b.paragraph()) {
            if (!trim(p->text).empty()) {
              after_table = false;
              heading = trim(p->text);
            }
            continue;
          }
          const auto* t = b.table();
          // A heading is short: a sentence of the body does not name a table.
          out.push_back({t, after_table, heading.size() <= 150 ? heading : std::string{}});
          after_table = true;
          heading.clear();
          for (const auto& cell : t->cells) walk(cell.blocks);
        }
      };
  walk(document.body);
  return out;
}

std::string table_name(const Table& table) {
  return table.name.empty() ? "table " + std::to_string(table.index + 1)
                            : "sheet '" + table.name + "'";
}

/// The number in a row's STT cell ("12", "12."), or -1.
int row_number(const Table& table, int row, int column) {
  auto s = trim(table.text(row, column));
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s.empty() || s.size() > 6) return -1;
  int n = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int number_column(const Layout& layout) {
  const int c = layout.find(Role::number);
  return c >= 0 ? c : 0;
}

/// How far into a table its first number may be: a section row or two and
/// the rest of a task's steps, one row each.
constexpr int kRowsBeforeANumber = 12;

/// The next table's numbering goes on from where the last part stopped.
bool numbering_continues(const TaskTable& open, const Table& next, int from) {
  const int column = number_column(open.layout);
  const auto& last = *open.parts.back().table;
  int before = -1;
  for (int r = last.rows - 1; r >= open.parts.back().first_row && before < 0; --r) {
    before = row_number(last, r, column);
  }
  // Past the rows before the first number: a section's row, or the rows
  // of the last task's steps when the page broke among them.
  int after = -1;
  for (int r = from; r < std::min(next.rows, from + kRowsBeforeANumber) && after < 0; ++r) {
    after = row_number(next, r, column);
  }
  return before >= 0 && after == before + 1;
}

/// "(tiếp theo)", "(tiếp)", "Tiếp theo bảng trên": the paragraph a planner
/// puts over the rest of a table on the next page.
bool says_continued(const std::string& heading) {
  auto f = folded(heading);
  std::erase_if(f, [](char c) { return c == '(' || c == ')' || c == '.' || c == ':'; });
  f = trim(f);
  return f == "tiep" || f == "tiep theo" || f.starts_with("tiep theo bang") ||
         f.starts_with("tiep bang");
}

/// `next` is the table `open` continued after a page break: as many columns,
/// and its header typed again, or no header of its own and numbering that
/// goes on (or nothing but empty paragraphs between them).
std::optional<Segment> continuation(const TaskTable& open, const Placed& next) {
  const auto& first = *open.parts.front().table;
  const auto& table = *next.table;
  if (table.columns != first.columns || table.rows == 0 || !table.name.empty()) {
    return std::nullopt;
  }
  // Tables of one header under headings of their own ("Phần 2") are parts
  // of the plan, each with its numbering from 1: not a continuation.
  if (repeats_header(table, 0, first, open.layout)) {
    const int header_rows = open.layout.first_data_row - open.layout.header_row;
    const auto from = std::min(header_rows, table.rows);
    if (numbering_continues(open, table, from)) {
      return Segment{&table, from, "lặp lại dòng tiêu đề, số thứ tự nối tiếp"};
    }
    if (next.adjacent) return Segment{&table, from, "lặp lại dòng tiêu đề, ngay sau bảng trước"};
    return std::nullopt;
  }
  // Numbering that goes on from the first rows says they are data, even
  // when a task's words look like a header ("- Trình duyệt nội dung",
  // "- Tháng 10/2024"): a header's STT cell is never the next number.
  if (numbering_continues(open, table, 0)) {
    return Segment{&table, 0, "cùng số cột, không có dòng tiêu đề, số thứ tự nối tiếp"};
  }
  // A header of its own: a table of its own (rows told apart by their
  // contents alone say nothing against going on from the table above).
  if (const auto own = layout_of(table); own && !own->headerless) return std::nullopt;
  if (next.adjacent)
    return Segment{&table, 0, "cùng số cột, không có dòng tiêu đề, ngay sau bảng trước"};
  if (says_continued(next.heading)) {
    return Segment{&table, 0,
                   "cùng số cột, không có dòng tiêu đề, dưới đề mục " + quoted(next.heading)};
  }
  return std::nullopt;
}

/// Rows whose cells name a day: a table of dates may be a plan's table
/// whose header tiendo does not know.
int rows_with_dates(const Table& table) {
  int n = 0;
  for (int r = 0; r < table.rows; ++r) {
    for (int c = 0; c < table.columns; ++c) {
      if (!dates_in(table.text(r, c), 2000).empty()) {
        ++n;
        break;
      }
    }
  }
  return n;
}

int content_rows(const TaskTable& t) {
  const int content = t.layout.find(Role::content);
  int rows = 0;
  for (const auto& part : t.parts) {
    for (int r = part.first_row; r < part.table->rows; ++r) {
      if (!trim(part.table->text(r, content)).empty()) ++rows;
    }
  }
  return rows;
}

Diagnostic not_read(const std::string& name, const std::string& why, const std::string& why_vi) {
  return said(
      Severity::warning, "table-not-read", name + ": " + why + "; its rows are not in the plan",
      vietnamese_place(name) + ": " + why_vi + "; các dòng của bảng không có trong kế hoạch",
      "name its columns like STT, NỘI DUNG, THỜI GIAN (a content column and a time "
      "column), or paste the table as TSV",
      "đặt tên cột như STT, NỘI DUNG, THỜI GIAN (một cột nội dung và một cột thời gian), "
      "hoặc dán bảng dạng TSV");
}

/// Whether a table, read as a whole, goes into the plan; else why not.
void keep_or_say(TaskTable table, TableSet& set, Diagnostics& diagnostics) {
  settle_time_columns(table.parts, table.layout);
  if (!table.layout.has_time()) table.layout.times_in_content = times_in_content(table);
  const auto name = table.name() + " (" + table.layout.header_text() + ")";
  if (!table.layout.has_time()) {
    diagnostics.push_back(not_read(name, "no time column", "không có cột thời gian"));
  } else if (content_rows(table) == 0) {
    diagnostics.push_back(not_read(name, "no row with a task under its header",
                                   "không có dòng nhiệm vụ nào dưới dòng tiêu đề"));
  } else {
    set.tables.push_back(std::move(table));
  }
}

}  // namespace

std::string TaskTable::name() const {
  std::string out = table_name(*parts.front().table);
  // "table 2+3", or "table 2+…+301" for a table over hundreds of pages.
  if (parts.size() > 4) return out + "+…+" + std::to_string(parts.back().table->index + 1);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    out += "+" + std::to_string(parts[i].table->index + 1);
  }
  return out;
}

TableSet task_tables(const Document& document, Diagnostics& diagnostics) {
  const auto placed = tables_of(document);
  TableSet set;
  set.total = static_cast<int>(placed.size());
  std::optional<TaskTable> open;
  for (const auto& next : placed) {
    if (open) {
      if (const auto part = continuation(*open, next)) {
        open->parts.push_back(*part);
        continue;
      }
      keep_or_say(std::move(*open), set, diagnostics);
      open.reset();
    }
    if (auto layout = layout_of(*next.table)) {
      open =
          TaskTable{{{next.table, layout->first_data_row, {}}}, std::move(*layout), next.heading};
    } else if (next.table->columns >= 3 && rows_with_dates(*next.table) >= 2) {
      diagnostics.push_back(not_read(
          table_name(*next.table), "no header row naming its columns (NỘI DUNG, THỜI GIAN)",
          "không có dòng tiêu đề đặt tên các cột (NỘI DUNG, THỜI GIAN)"));
    }
  }
  if (open) keep_or_say(std::move(*open), set, diagnostics);
  return set;
}

}  // namespace tiendo::documents::import
