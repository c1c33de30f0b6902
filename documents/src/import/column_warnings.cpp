// The columns of a task table not read as their header says, said.
#include <map>

#include "import/table_reader.hpp"

namespace tiendo::documents::import {

namespace {

/// The warnings of a table's columns, at most `kPerCode` of each code and
/// then one that counts the rest: a table of 16,000 time columns is a few
/// lines, not 16,000.
constexpr std::size_t kPerCode = 10;

void append_capped(const Diagnostics& warnings, const std::string& table, Diagnostics& out) {
  std::map<std::string, std::size_t> seen;
  for (const auto& d : warnings) {
    if (++seen[d.code] <= kPerCode) out.push_back(d);
  }
  for (const auto& [code, n] : seen) {
    if (n <= kPerCode) continue;
    out.push_back({Severity::warning,
                   code,
                   table + ": " + std::to_string(n - kPerCode) + " more columns like the " +
                       std::to_string(kPerCode) + " above, kept as notes the same way",
                   {},
                   {},
                   {}});
  }
}

}  // namespace

void warn_columns(const TaskTable& table, PlanDraft& draft) {
  const auto& columns = table.layout.columns;
  const int time = table.layout.find(Role::time);
  Diagnostics warnings;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    const auto named = table.name() + " column " + std::to_string(c + 1) + " " + quoted(col.label);
    if (col.role == Role::unknown && !col.label.empty()) {
      warnings.push_back(
          {Severity::warning,
           "unknown-column",
           named + " is not one tiendo reads; its cells are kept as each task's note",
           {},
           {},
           "name it like STT, NỘI DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ TRÌ, ĐƠN VỊ PHỐI HỢP, THỜI "
           "GIAN"});
    }
    if (col.repeated) {
      warnings.push_back(
          {Severity::warning,
           "repeated-column",
           named + " means the same as an earlier column, which is the one read; its cells are "
                   "kept as each task's note",
           {},
           {},
           "keep one such column, or name this one 'Ghi chú'"});
    }
    if (col.unread_time) {
      const auto read = time >= 0 ? "column " + std::to_string(time + 1) + " " +
                                        quoted(columns[static_cast<std::size_t>(time)].label)
                                  : std::string("the due-date column");
      warnings.push_back(
          {Severity::warning,
           "time-column-not-read",
           named + " holds times too; the steps' times are read from " + read +
               " (this column only where that one is empty), its cells are kept as each "
               "task's note",
           {},
           {},
           "keep one time column, or name this one 'Ghi chú'"});
    }
    if (col.role == Role::offset && time < 0 && table.layout.find(Role::due) < 0) {
      warnings.push_back(
          {Severity::warning,
           "time-column-not-read",
           named + " counts days, and the table has no column of the days themselves; the "
                   "counts are kept as each task's note",
           {},
           {},
           "add the event to the plan's events and write the times as '105 ngày trước ngày "
           "bầu cử'"});
    }
  }
  append_capped(warnings, table.name(), draft.diagnostics);
}

}  // namespace tiendo::documents::import
