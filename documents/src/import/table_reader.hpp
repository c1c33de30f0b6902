#pragma once
// Reading one task table row by row: task_table.cpp reads the rows, their
// sections and tasks; row_times.cpp a task's times (the time column, a due
// column, rounds, counts of days, or the content cell itself) and what
// else the row holds; column_warnings.cpp says the columns not read.

#include <tiendo/phrase.hpp>

#include <optional>
#include <string>
#include <vector>

#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/table_layout.hpp"
#include "import/table_set.hpp"
#include "import/two_sayings.hpp"

namespace tiendo::documents::import {

/// "table 2", or "sheet 'Phụ lục'".
std::string table_name_of(const Table& table);

/// The header of the table's day-count column; empty when it has none.
std::string offset_label(const Layout& layout);

/// A warning for each column of the table that is not read as what its
/// header says (unknown, repeated, a second time column, counts of days
/// with no day column), at most ten of a kind.
void warn_columns(const TaskTable& table, PlanDraft& draft);

class TableReader {
 public:
  TableReader(const TaskTable& table, PlanDraft& draft, std::string group)
      : table_(table),
        layout_(table.layout),
        draft_(draft),
        table_group_(std::move(group)),
        sayings_(offset_label(table.layout),
                 table.name() + " column " + std::to_string(table.layout.find(Role::offset) + 1)) {
    current_outer_ = table_group_;
  }

  void read();

 private:
  int column(Role role) const { return layout_.find(role); }
  const Column& column_at(int c) const { return layout_.columns[static_cast<std::size_t>(c)]; }

  Found found(const Table& table, int r, int c) const;
  std::string note_of_row(const Table& table, int r) const;
  Found own_day(const std::string& note, const Found& time) const;
  void section_time(const std::string& title, const DraftGroup& group);

  /// The column the row's time is read from: the time column, or, where it
  /// is empty, the first other column of times that is not.
  int time_column(const Table& table, int r) const;

  void read_row(const Table& table, int r);

  /// A section row: a title across the table, or an "I."/"A." row with no
  /// time and no unit. Groups: the first marker style met ("A." or "I.")
  /// is the outer level.
  bool section_row(const Table& table, int r);

  /// The column of the one cell that fills the row beside its number
  /// column (merged across all the others), or -1.
  static int merged_rest(const Table& table, int r, int number);

  /// A row with times or units but no content: said, not dropped in silence.
  void say_row_not_read(const Table& table, int r);

  /// A row that is nothing but a citation ("Căn cứ Luật Bầu cử …"): no task.
  void say_citation_row(const Table& table, int r, const Found& name);

  void task_row(const Table& table, int r, const Found& name);

  /// A row with no number under a numbered task, its content nothing but
  /// items ("- Xây dựng dự thảo"): more steps of that task, which the
  /// planner wrote over several rows (or a page break cut in two).
  bool step_row(const Table& table, int r, const Found& name);

  /// A step row's steps, their times, and its other cells as the task's notes.
  void read_step_row(const Table& table, int r, const Found& name,
                     const std::vector<std::string>& items, DraftTask& task);

  /// The context the times of the draft are read in (to tell a time).
  PhraseContext phrase_context(std::vector<Event>& events) const;

  /// No time column: each step's time after its name in the content cell.
  void read_content_times(const Found& name, const Items& lines, DraftTask& task);

  bool due_lists_steps(const Table& table, int r, const std::vector<std::string>& steps) const;

  /// A time read from the due column: a bare day there is a deadline,
  /// which as a phrase alone would be the day the step starts; so it is
  /// said in the words that mean it, and the guess says so.
  Found due_time(const std::string& text, const std::string& where, std::string guess) const;

  /// The time cell: one item more than steps, the first is the task's own.
  void read_time(const Table& table, int r, const Found& name,
                 const std::vector<std::string>& steps, DraftTask& task, bool due_as_times);

  /// A task's time that counts days from something the plan has no day for
  /// and names the day too: the day is its deadline, the phrase its note.
  void read_said_twice(DraftTask& task);

  /// A completion date column: a real date (a spreadsheet's) or a day written out.
  void read_due(const Table& table, int r, DraftTask& task);

  /// Rounds: one step per non-empty cell (per line of it).
  void read_rounds(const Table& table, int r, DraftTask& task) const;

  /// What the row holds besides: notes, columns not known, times not read,
  /// and counts of days (remembered, to be compared with the row's day).
  void read_notes(const Table& table, int r, DraftTask& task);

  void remember_offset(const Table& table, int r, int c, const std::string& text,
                       const DraftTask& task);

  static bool untimed(const DraftTask& task);

  /// Rows whose only time is their count of days ("51" under "Số ngày trước
  /// ngày 19/12/2026", the day column empty): the count from the day or the
  /// event its header names is the task's time. The words are tiendo's,
  /// so the time is a guess; a header that names no day keeps the count a note.
  void read_counts_alone();

  struct CountAlone;
  /// A count alone that says no time (from an event nobody dates): said.
  void say_count_not_read(const CountAlone& count, const std::string& label);

  struct CountAlone {
    std::size_t task;  ///< its index in the draft's tasks
    int days;
    Found count;
  };

  const TaskTable& table_;
  const Layout& layout_;
  PlanDraft& draft_;
  std::string table_group_;  ///< the table's own group when several tables are read
  std::optional<bool> outer_roman_;
  std::string current_outer_, current_inner_;
  TwoSayings sayings_;
  std::string
      joined_;  ///< the guess that the part now read continues the table, for its first task
  std::vector<CountAlone> counts_alone_;
  bool numbered_task_open_ = false;  ///< the last row read was a numbered task's (or its step's)
};

}  // namespace tiendo::documents::import
