// The columns of a task table not read as their header says, said.
#include <map>

#include "import/said.hpp"
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
    out.push_back(said(Severity::warning, code,
                       table + ": " + std::to_string(n - kPerCode) + " more columns like the " +
                           std::to_string(kPerCode) + " above, kept as notes the same way",
                       vietnamese_place(table) + ": thêm " + std::to_string(n - kPerCode) +
                           " cột như " + std::to_string(kPerCode) +
                           " cột trên, cũng được giữ làm ghi chú"));
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
    const auto named_vi = vietnamese_place(named);
    if (col.role == Role::unknown && !col.label.empty()) {
      warnings.push_back(said(
          Severity::warning, "unknown-column",
          named + " is not one tiendo reads; its cells are kept as each task's note",
          named_vi + " không phải cột tiendo đọc; các ô của nó được giữ làm ghi chú của từng "
                     "nhiệm vụ",
          "name it like STT, NỘI DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ TRÌ, ĐƠN VỊ PHỐI HỢP, THỜI GIAN",
          "đặt tên cột như STT, NỘI DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ TRÌ, ĐƠN VỊ PHỐI HỢP, THỜI "
          "GIAN"));
    }
    if (col.repeated) {
      warnings.push_back(
          said(Severity::warning, "repeated-column",
               named + " means the same as an earlier column, which is the one read; its cells are "
                       "kept as each task's note",
               named_vi + " trùng nghĩa với một cột trước, cột được đọc là cột trước; các ô của nó "
                          "được giữ làm ghi chú của từng nhiệm vụ",
               "keep one such column, or name this one 'Ghi chú'",
               "chỉ giữ một cột như vậy, hoặc đặt tên cột này là 'Ghi chú'"));
    }
    if (col.unread_time && !table.layout.times_as_steps(c)) {
      const auto read = time >= 0 ? "column " + std::to_string(time + 1) + " " +
                                        quoted(columns[static_cast<std::size_t>(time)].label)
                                  : std::string("the due-date column");
      warnings.push_back(
          said(Severity::warning, "time-column-not-read",
               named + " holds times too; the steps' times are read from " + read +
                   " (this column only where that one is empty), its cells are kept as each "
                   "task's note",
               named_vi + " cũng ghi thời gian; thời gian của các bước được đọc từ " +
                   vietnamese_place(read) +
                   " (cột này chỉ khi ô kia để trống), các ô của nó được giữ "
                   "làm ghi chú của từng nhiệm vụ",
               "keep one time column, or name this one 'Ghi chú'",
               "chỉ giữ một cột thời gian, hoặc đặt tên cột này là 'Ghi chú'"));
    }
    if (col.role == Role::offset && time < 0 && table.layout.find(Role::due) < 0) {
      warnings.push_back(said(
          Severity::warning, "time-column-not-read",
          named + " counts days, and the table has no column of the days themselves; the "
                  "counts are kept as each task's note",
          named_vi + " đếm số ngày, nhưng bảng không có cột ghi chính các ngày đó; số ngày được "
                     "giữ làm ghi chú của từng nhiệm vụ",
          "add the event to the plan's events and write the times as '105 ngày trước ngày bầu cử'",
          "thêm sự kiện vào 'events' của kế hoạch và ghi thời gian như '105 ngày trước ngày bầu "
          "cử'"));
    }
  }
  append_capped(warnings, table.name(), draft.diagnostics);
}

}  // namespace tiendo::documents::import
