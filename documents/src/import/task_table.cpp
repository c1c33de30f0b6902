// The task tables of a plan, read row by row into groups (section rows:
// "I.", "A.", a title across the table), tasks and their steps. Which
// tables, joined how, is table_set.cpp's; which column is the time,
// time_columns.cpp's.
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "import/cell_items.hpp"
#include "import/content_times.hpp"
#include "import/plan_draft.hpp"
#include "import/table_layout.hpp"
#include "import/table_set.hpp"
#include "import/time_columns.hpp"
#include "import/two_sayings.hpp"

namespace tiendo::documents::import {

namespace {

bool roman_or_letter(const std::string& stt, bool& roman) {
  auto s = trim(stt);
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'V' && s[0] != 'X') {
    roman = false;
    return true;
  }
  if (!s.empty() && s.size() <= 5 &&
      std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; })) {
    roman = true;
    return true;
  }
  return false;
}

/// The header of the table's day-count column; empty when it has none.
std::string offset_label(const Layout& layout) {
  const int c = layout.find(Role::offset);
  return c < 0 ? std::string{} : layout.columns[static_cast<std::size_t>(c)].label;
}

std::string table_name_of(const Table& table) {
  return table.name.empty() ? "table " + std::to_string(table.index + 1)
                            : "sheet '" + table.name + "'";
}

/// A unique group id among the draft's.
std::string group_id(const std::string& title, const PlanDraft& draft) {
  std::set<std::string> used;
  for (const auto& g : draft.groups) used.insert(g.id);
  const auto base = slugged(title, 3).empty() ? std::string("nhom") : slugged(title, 3);
  auto id = base;
  for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

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

  void read() {
    for (const auto& part : table_.parts) {
      if (!part.joined.empty()) {
        joined_ = table_name_of(*part.table) + " read as the rest of " +
                  table_name_of(*table_.parts.front().table) + ": " + part.joined;
      }
      for (int r = part.first_row; r < part.table->rows; ++r) read_row(*part.table, r);
    }
    sayings_.check(draft_.events, draft_.diagnostics);
    read_counts_alone();
  }

 private:
  int column(Role role) const { return layout_.find(role); }
  const Column& column_at(int c) const { return layout_.columns[static_cast<std::size_t>(c)]; }

  Found found(const Table& table, int r, int c) const {
    if (c < 0) return {};
    // A cell merged across from a column to its left ("I | TUYÊN TRUYỀN,
    // XUẤT BẢN" over four columns) holds that column's text, not its own:
    // the owner or the time of a section row is empty. Merged down from the
    // row above, it is this row's value too (one unit for several rows).
    const auto& cell = table.at(r, c);
    if (cell.covered && cell.anchor_row == r && cell.anchor_column != c) return {};
    return {trim(table.text(r, c)), cell_place(table, r, c)};
  }

  /// The column the row's time is read from: the time column, or, where it
  /// is empty, the first other column of times that is not.
  int time_column(const Table& table, int r) const {
    const int time = column(Role::time);
    if (time < 0 || !found(table, r, time).empty()) return time;
    for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
      if (layout_.columns[c].unread_time && !found(table, r, static_cast<int>(c)).empty()) {
        return static_cast<int>(c);
      }
    }
    return time;
  }

  void read_row(const Table& table, int r) {
    if (numbering_row(table, r)) return;
    // Word repeats the header row on every page; a page of a pasted table may too.
    if (r > 0 && repeats_header(table, r, *table_.parts.front().table, layout_)) return;
    if (section_row(table, r)) return;
    const auto name = found(table, r, column(Role::content));
    if (name.empty()) {
      say_row_not_read(table, r);
      return;
    }
    // A content cell merged down from the row above continues that task.
    if (table.at(r, column(Role::content)).covered && !draft_.tasks.empty()) {
      const auto t = found(table, r, time_column(table, r));
      if (!t.empty())
        draft_.tasks.back().steps.push_back({{draft_.tasks.back().name.text, name.where}, t});
      return;
    }
    task_row(table, r, name);
  }

  /// A section row: a title across the table, or an "I."/"A." row with no
  /// time and no unit. Groups: the first marker style met ("A." or "I.")
  /// is the outer level.
  bool section_row(const Table& table, int r) {
    const auto stt = found(table, r, column(Role::number));
    // "I | name merged across the rest": the name starts where the merge
    // does, which is left of the content column when the units come first.
    const int rest = merged_rest(table, r, column(Role::number));
    const auto name = rest >= 0 ? Found{trim(table.text(r, rest)), cell_place(table, r, rest)}
                                : found(table, r, column(Role::content));
    bool roman = false;
    const bool marker = !stt.empty() && roman_or_letter(stt.text, roman);
    const auto& first = table.at(r, 0);
    const bool across =
        !first.covered && first.column_span >= table.columns - 1 && table.columns > 2;
    const bool bare = rest >= 0 || (found(table, r, column(Role::time)).empty() &&
                                    found(table, r, column(Role::due)).empty() &&
                                    found(table, r, column(Role::owner)).empty() &&
                                    found(table, r, column(Role::lead)).empty());
    if (!across && !(marker && bare)) return false;
    auto title = across ? trim(table.text(r, 0)) : stt.text + ". " + name.text;
    if (across) {
      // "A. ĐẢNG ỦY KHỐI": its own marker.
      const auto dot = title.find('.');
      roman = false;
      const bool has_marker =
          dot != std::string::npos && dot <= 5 && roman_or_letter(title.substr(0, dot), roman);
      if (!has_marker) roman = outer_roman_.value_or(false);
    }
    if (title.empty()) return true;
    if (!outer_roman_) outer_roman_ = roman;
    DraftGroup g;
    g.name = {title, across ? cell_place(table, r, 0) : name.where};
    g.id = group_id(title, draft_);
    if (roman == *outer_roman_) {
      g.parent = table_group_;
      current_outer_ = g.id;
      current_inner_.clear();
    } else {
      g.parent = current_outer_;
      current_inner_ = g.id;
    }
    draft_.groups.push_back(g);
    return true;
  }

  /// The column of the one cell that fills the row beside its number
  /// column (merged across all the others), or -1.
  static int merged_rest(const Table& table, int r, int number) {
    if (number < 0 || table.columns < 3) return -1;
    const int from = number == 0 ? 1 : 0;
    const auto& cell = table.at(r, from);
    if (cell.covered || cell.column_span != table.columns - 1) return -1;
    return from;
  }

  /// A row with times or units but no content: said, not dropped in silence.
  void say_row_not_read(const Table& table, int r) {
    std::string held;
    for (int c = 0; c < table.columns; ++c) {
      // A cell merged down from above (one unit for several rows) is that row's.
      if (c == column(Role::number) || table.at(r, c).covered) continue;
      const auto f = found(table, r, c);
      if (!f.empty() && held.size() < 200) held += (held.empty() ? "" : ", ") + quoted(f.text);
    }
    if (held.empty()) return;
    draft_.diagnostics.push_back(
        {Severity::warning,
         "row-not-read",
         table_name_of(table) + " row " + std::to_string(r + 1) + " has no content (" +
             column_at(column(Role::content)).label + ") but holds " + held +
             "; it is not in the plan",
         {},
         {},
         "write the task in the content column, or merge the cell with the row above"});
  }

  /// A row that is nothing but a citation ("Căn cứ Luật Bầu cử …"): no task.
  void say_citation_row(const Table& table, int r, const Found& name) {
    draft_.diagnostics.push_back({Severity::warning,
                                  "row-not-read",
                                  table_name_of(table) + " row " + std::to_string(r + 1) + " " +
                                      quoted(name.text) +
                                      " cites a law or a document; it is no task, and is not "
                                      "in the plan",
                                  {},
                                  {},
                                  "put the legal basis in a 'Căn cứ' or 'Ghi chú' column"});
  }

  void task_row(const Table& table, int r, const Found& name) {
    DraftTask task;
    task.guess = std::exchange(joined_, {});
    task.number = found(table, r, column(Role::number));
    task.group = !current_inner_.empty() ? current_inner_ : current_outer_;
    task.owner = found(table, r, column(Role::owner));
    task.lead = found(table, r, column(Role::lead));
    task.assist = found(table, r, column(Role::assist));
    // "(Căn cứ Điều 22 Luật Bầu cử)" in a task's cell is its basis, not a
    // step nor its name: kept as its note.
    auto lines = items_of(table.shown_at(r, column(Role::content)).blocks);
    if (!lines.head.empty() && citation(lines.head)) {
      task.notes.push_back({lines.head, name.where});
      lines.head.clear();
    }
    for (const auto& s : lines.items) {
      if (citation(s)) task.notes.push_back({s, name.where});
    }
    std::erase_if(lines.items, [](const std::string& s) { return citation(s); });
    if (lines.head.empty() && lines.items.empty()) {
      say_citation_row(table, r, name);
      return;
    }
    task.name = {lines.head.empty() ? lines.items.front() : lines.head, name.where};
    std::vector<std::string> steps = lines.items;
    if (lines.head.empty()) steps.erase(steps.begin());
    if (layout_.times_in_content) {
      read_content_times(name, {task.name.text, steps, 0}, task);
    } else {
      // No time column, and the due cell lists a time per step: the steps'
      // times, as a time column's would be ("Thời hạn hoàn thành" over "- Quý
      // II/2024 / - Trước ngày 30/8/2024").
      const bool due_as_times = due_lists_steps(table, r, steps);
      read_time(table, r, name, steps, task, due_as_times);
      if (!due_as_times) read_due(table, r, task);
    }
    read_rounds(table, r, task);
    read_notes(table, r, task);
    draft_.tasks.push_back(std::move(task));
  }

  /// No time column: each step's time after its name in the content cell.
  void read_content_times(const Found& name, const Items& lines, DraftTask& task) {
    PhraseContext context;
    context.year = draft_.year.value_or(0);
    context.issued = draft_.issued;
    std::vector<Event> events;
    for (const auto& e : draft_.events)
      events.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
    context.events = &events;
    const auto read = content_times(lines, context);
    const std::string guess =
        "the words after the colon in the content cell read as the time (the table has no "
        "time column)";
    task.name.text = read.name;
    if (!read.time.empty()) task.time = {read.time, name.where, guess};
    for (const auto& s : read.steps) {
      task.steps.push_back(
          {{s.what, name.where}, s.when.empty() ? Found{} : Found{s.when, name.where, guess}});
    }
    for (const auto& n : read.notes) task.notes.push_back({n, name.where});
    if (read.steps.empty()) read_said_twice(task);
  }

  bool due_lists_steps(const Table& table, int r, const std::vector<std::string>& steps) const {
    const int due = column(Role::due);
    if (steps.empty() || due < 0 || column(Role::time) >= 0) return false;
    return !time_items_of(table.shown_at(r, due).blocks).items.empty();
  }

  /// A time read from the due column: a bare day there is a deadline,
  /// which as a phrase alone would be the day the step starts; so it is
  /// said in the words that mean it, and the guess says so.
  Found due_time(const std::string& text, const std::string& where, std::string guess) const {
    if (text.empty() || !read_day(text, draft_.year.value_or(0))) return {text, where, guess};
    guess += std::string(guess.empty() ? "" : "; ") + "a bare day under " +
             quoted(column_at(column(Role::due)).label) + " read as the deadline";
    return {"Chậm nhất ngày " + text, where, guess};
  }

  /// The time cell: one item more than steps, the first is the task's own.
  void read_time(const Table& table, int r, const Found& name,
                 const std::vector<std::string>& steps, DraftTask& task, bool due_as_times) {
    const int time = due_as_times ? column(Role::due) : time_column(table, r);
    if (time < 0) {
      for (const auto& s : steps) task.steps.push_back({{s, name.where}, {}});
      return;
    }
    const auto where = cell_place(table, r, time);
    const auto time_items = time_items_of(table.shown_at(r, time).blocks);
    const auto guess = time_items.joined
                           ? "lines of the cell that only make sense together read as one"
                           : std::string{};
    const auto timed = [&](const std::string& text) {
      return due_as_times ? due_time(text, where, guess) : Found{text, where, guess};
    };
    std::vector<std::string> times = time_items.items;
    std::string own = time_items.head;
    if (own.empty() && times.size() == steps.size() + 1) {
      own = times.front();
      times.erase(times.begin());
    }
    if (steps.empty() && own.empty() && !times.empty()) {
      // A task without steps: its times are one phrase per line.
      own = times.front();
      for (std::size_t i = 1; i < times.size(); ++i) task.notes.push_back({times[i], where});
      times.clear();
    }
    task.time = timed(own);
    if (steps.empty()) read_said_twice(task);
    for (std::size_t s = 0; s < steps.size(); ++s) {
      task.steps.push_back({{steps[s], name.where}, timed(s < times.size() ? times[s] : "")});
    }
    for (std::size_t s = steps.size(); s < times.size(); ++s) {
      task.notes.push_back({times[s], where});
    }
  }

  /// A task's time that counts days from something the plan has no day for
  /// and names the day too: the day is its deadline, the phrase its note.
  void read_said_twice(DraftTask& task) {
    const auto twice = said_twice_in_a_cell(task.time.text, draft_.year.value_or(0), draft_.events);
    if (!twice) return;
    draft_.diagnostics.push_back(
        {Severity::warning,
         "time-said-twice",
         quoted(task.time.text) + " (" + task.time.where + ") counts " +
             std::to_string(std::abs(twice->days)) + " days " +
             (twice->days < 0 ? "before " : "after ") + quoted(twice->event) +
             ", which the plan has no day for, and names " + format_iso(twice->day) +
             ": that day is read as the task's deadline, the phrase kept as its note",
         {},
         {},
         "declare the event under 'events:' and keep one of the two sayings"});
    task.due = twice->day;
    task.due_where = task.time.where;
    task.due_guess = "the day the cell names beside its count of days";
    task.notes.push_back({"Thời gian: " + task.time.text, task.time.where});
    task.time = {};
  }

  /// A completion date column: a real date (a spreadsheet's) or a day written out.
  void read_due(const Table& table, int r, DraftTask& task) {
    const int due = column(Role::due);
    if (due < 0) return;
    const auto& cell = table.shown_at(r, due);
    const auto text = trim(table.text(r, due));
    std::optional<Date> d;
    if (cell.kind == ValueKind::date) d = parse_iso_date(cell.value);
    if (!d && !text.empty()) d = read_day(text, 0);
    if (d) {
      task.due = d;
      task.due_where = cell_place(table, r, due);
      task.due_guess.clear();
      return;
    }
    if (text.empty()) return;
    // A phrase under "hạn hoàn thành" is the task's time too.
    if (task.time.empty()) {
      task.time = {text, cell_place(table, r, due)};
      return;
    }
    task.notes.push_back({text, cell_place(table, r, due)});
    draft_.diagnostics.push_back(
        {Severity::warning,
         "time-not-read",
         quoted(text) + " (" + cell_place(table, r, due) + ") under " +
             quoted(column_at(due).label) + " is not a day tiendo can read, and the task has a time already; kept as "
             "the task's note",
         {},
         {},
         "write the day as 30/8/2024"});
  }

  /// Rounds: one step per non-empty cell (per line of it).
  void read_rounds(const Table& table, int r, DraftTask& task) const {
    for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
      if (layout_.columns[c].role != Role::phase) continue;
      const auto where = cell_place(table, r, static_cast<int>(c));
      const auto lines = joined_lines(lines_of(table.shown_at(r, static_cast<int>(c)).blocks));
      for (std::size_t k = 0; k < lines.size(); ++k) {
        auto label =
            layout_.columns[c].label + (lines.size() > 1 ? " (" + std::to_string(k + 1) + ")" : "");
        task.steps.push_back({{label, where}, {lines[k], where}});
      }
    }
  }

  /// What the row holds besides: notes, columns not known, times not read,
  /// and counts of days (remembered, to be compared with the row's day).
  void read_notes(const Table& table, int r, DraftTask& task) {
    const int time = time_column(table, r);
    for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
      const auto& col = layout_.columns[c];
      const int ci = static_cast<int>(c);
      if ((col.role != Role::note && col.role != Role::unknown && col.role != Role::offset) ||
          ci == time) {
        continue;
      }
      const auto text = trim(table.text(r, ci));
      if (text.empty()) continue;
      task.notes.push_back({col.label + ": " + text, cell_place(table, r, ci)});
      if (col.role == Role::offset) remember_offset(table, r, ci, text, task);
    }
  }

  void remember_offset(const Table& table, int r, int c, const std::string& text,
                       const DraftTask& task) {
    const auto days = offset_days(text, offset_after(column_at(c).label), true);
    if (!days) return;
    const Found count{text, cell_place(table, r, c)};
    if (task.due) {
      sayings_.add(*task.due, {format_iso(*task.due), task.due_where}, *days, count);
      return;
    }
    const auto& time = !task.steps.empty() && task.time.empty() ? task.steps.back().time
                                                                : task.time;
    if (time.empty() && untimed(task)) {
      // Read once the table is: its rows may date the event counted from.
      counts_alone_.push_back({draft_.tasks.size(), *days, count});
      return;
    }
    if (!draft_.year || time.empty()) return;
    const auto days_named = dates_in(time.text, *draft_.year);
    if (!days_named.empty()) sayings_.add(days_named.back(), time, *days, count);
  }

  static bool untimed(const DraftTask& task) {
    return task.time.empty() && !task.due &&
           std::all_of(task.steps.begin(), task.steps.end(),
                       [](const DraftStep& s) { return s.time.empty(); });
  }

  /// Rows whose only time is their count of days ("51" under "Số ngày trước
  /// ngày 19/12/2026", the day column empty): the count from the day or the
  /// event its header names is the task's time. The words are tiendo's,
  /// so the time is a guess; a header that names no day keeps the count a note.
  void read_counts_alone() {
    const auto label = offset_label(layout_);
    for (const auto& c : counts_alone_) {
      auto& task = draft_.tasks[c.task];
      const auto phrase = sayings_.count_as_time(c.days, draft_.events, draft_.year.value_or(0));
      if (!phrase || !untimed(task)) continue;
      task.time = {*phrase, c.count.where,
                   "the count " + quoted(c.count.text) + " under " + quoted(label) +
                       " read as days from what its header counts from"};
      const auto said = label + ": " + c.count.text;
      std::erase_if(task.notes, [&](const Found& n) { return n.text == said; });
    }
  }

  struct CountAlone {
    std::size_t task;  ///< its index in the draft's tasks
    int days;
    Found count;
  };

  const TaskTable& table_;
  const Layout& layout_;
  std::vector<CountAlone> counts_alone_;
  PlanDraft& draft_;
  std::string table_group_;  ///< the table's own group when several tables are read
  std::optional<bool> outer_roman_;
  std::string current_outer_, current_inner_;
  TwoSayings sayings_;
  std::string joined_;  ///< the guess that the part now read continues the table, for its first task
};

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

/// A group for a table's tasks when the document has several task tables,
/// named by the paragraph before it ("4. Tiến độ chuẩn bị") or by the table.
std::string table_group(const TaskTable& table, PlanDraft& draft) {
  DraftGroup g;
  const auto place = table.name();
  g.name = {table.heading.empty() ? "Bảng " + place.substr(place.find(' ') + 1) : table.heading,
            table.heading.empty() ? place : "the paragraph before " + place,
            "the document has several task tables; a group for each, named by "
            "what stands before it"};
  g.id = group_id(g.name.text, draft);
  draft.groups.push_back(g);
  return g.id;
}

}  // namespace

std::string cell_place(const Table& table, int row, int column) {
  return (table.name.empty() ? "table " + std::to_string(table.index + 1)
                             : "sheet '" + table.name + "'") +
         " row " + std::to_string(row + 1) + " column " + std::to_string(column + 1);
}

bool read_task_table(const Document& document, PlanDraft& draft) {
  const auto set = task_tables(document, draft.diagnostics);
  if (set.tables.empty()) return false;
  std::string names, headers;
  for (const auto& table : set.tables) {
    names += (names.empty() ? "" : ", ") + table.name();
    headers += (headers.empty() ? "" : "; ") + table.layout.header_text();
    warn_columns(table, draft);
    const auto group = set.tables.size() > 1 ? table_group(table, draft) : std::string{};
    TableReader(table, draft, group).read();
  }
  // "table 3 of 3 (STT | NỘI DUNG | …)", "table 1+2 of 2 (…)", "table 2, table 4 of 4 (…; …)".
  draft.tasks_from = names + " of " + std::to_string(set.total) + " (" + headers + ")";
  return !draft.tasks.empty();
}

}  // namespace tiendo::documents::import
