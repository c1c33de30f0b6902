#pragma once
// The header of a task table: which column holds what (number, content,
// person, units, times, rounds, notes), found by loose matching of the
// header's words, and then corrected by what the columns hold (a column of
// day counts is no time column, whatever its header says).

#include <optional>
#include <string>
#include <vector>

#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

enum class Role {
  number,
  content,
  owner,
  lead,
  assist,
  time,   ///< phrases ("Trước ngày 30/8/2024"): the step's `when`
  phase,  ///< a round ("Đợt 1"): a step per non-empty cell
  due,    ///< a completion date ("Hạn hoàn thành")
  offset,  ///< days before or after an event ("105 ngày", "Số ngày … trước ngày bầu cử")
  note,
  unknown
};

struct Column {
  Role role = Role::unknown;
  std::string label;      ///< the header's text (both header rows for a round)
  bool repeated = false;  ///< a second column of a role read once: kept as notes
  /// A column of times that is not read as the step's time (a second time
  /// column): kept as notes, with a `time-column-not-read` warning.
  bool unread_time = false;
  /// Headed as a time, it counts ("TUẦN" over 1, 2, 3): a note.
  bool counting = false;
  /// A part of a time header ("Thứ" under "Thời gian mở vòng"): a note that
  /// never names a row.
  bool part_of_time = false;
};

struct Layout {
  int header_row = 0;      ///< the (first) header row
  int first_data_row = 0;  ///< the row after the header (one or two rows)
  std::vector<Column> columns;
  /// No time column: each time is written in the content cell, after its
  /// step's name and a colon (content_times.hpp).
  bool times_in_content = false;
  /// A column of months ("Tháng" | "Tháng 6") read as the content, whose
  /// month completes the day the time column gives ("Ngày 18 (thứ Ba)"); -1: none.
  int month_column = -1;
  /// No row names the columns: the content and time columns were told by
  /// what the rows hold (a column of words beside a column of dates).
  bool headerless = false;
  /// The content column's header names no work ("Huyện," over the districts):
  /// a row's place (its note) is part of what it names.
  bool content_inferred = false;

  int find(Role role) const;
  bool has_time() const;
  /// A second (third, fourth) time column ("Ngày thi" | "Hạn đăng ký" |
  /// "Hạn hoãn thi"): each row's cell is a step of its own. Beyond
  /// kTimeStepColumns of them, the rest are kept as notes (and said).
  bool times_as_steps(std::size_t column) const;
  static constexpr int kTimeStepColumns = 6;
  bool usable() const { return find(Role::content) >= 0 && has_time(); }
  /// "STT | NỘI DUNG | …", to name the table back to the planner.
  std::string header_text() const;
};

/// A header cell's role from its words alone.
Role role_of(const std::string& label);

/// The header of a table, one row or two (a title spanning the rounds over
/// "Đợt 1 … Đợt 4"), among its first rows; nullopt when no row names a
/// content column. A layout found may still not be usable (no time column).
std::optional<Layout> layout_of(const Table& table);

/// A row of column numbers under the header: "1 | 2 | 3" or "(1) | (2)".
bool numbering_row(const Table& table, int row);

/// The row repeats the layout's header (Word's repeated header row, or a
/// table continued after a page break with its header typed again).
bool repeats_header(const Table& table, int row, const Table& headed, const Layout& layout);

}  // namespace tiendo::documents::import
