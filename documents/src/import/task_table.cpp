// The task tables of a plan, read row by row into groups (section rows:
// "I.", "A.", a title across the table) and tasks. Which tables, joined
// how, is table_set.cpp's; which column is the time, time_columns.cpp's;
// a task's times, row_times.cpp's.
#include <algorithm>
#include <utility>

#include "import/body_times.hpp"
#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/said.hpp"
#include "import/table_layout.hpp"
#include "import/table_reader.hpp"
#include "import/table_set.hpp"

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

/// A unique group id among the draft's.
std::string group_id(const std::string& title, const PlanDraft& draft) {
  const auto base = slugged(title, 3);
  return unused_group_id(draft, base.empty() ? "nhom" : base);
}

}  // namespace

std::string table_name_of(const Table& table) {
  return table.name.empty() ? "table " + std::to_string(table.index + 1)
                            : "sheet '" + table.name + "'";
}

std::string offset_label(const Layout& layout) {
  const int c = layout.find(Role::offset);
  return c < 0 ? std::string{} : layout.columns[static_cast<std::size_t>(c)].label;
}

void TableReader::read() {
  for (const auto& part : table_.parts) {
    if (!part.joined.empty()) {
      joined_ = vietnamese_place(table_name_of(*part.table)) + " được đọc là phần tiếp của " +
                vietnamese_place(table_name_of(*table_.parts.front().table)) + ": " + part.joined;
    }
    for (int r = part.first_row; r < part.table->rows; ++r) read_row(*part.table, r);
  }
  sayings_.check(draft_.events, draft_.diagnostics);
  read_counts_alone();
}

Found TableReader::found(const Table& table, int r, int c) const {
  if (c < 0) return {};
  // A cell merged across from a column to its left ("I | TUYÊN TRUYỀN,
  // XUẤT BẢN" over four columns) holds that column's text, not its own:
  // the owner or the time of a section row is empty. Merged down from the
  // row above, it is this row's value too (one unit for several rows).
  const auto& cell = table.at(r, c);
  if (cell.covered && cell.anchor_row == r && cell.anchor_column != c) return {};
  return {trim(table.text(r, c)), cell_place(table, r, c)};
}

/// The row's own text in its first note column ("Địa điểm"); empty when
/// there is none or it is merged from the row above.
/// A note with a day of its own ("Khai giảng ngày 05/9/2016" in the week of
/// 05/9–10/9): that day is the step's time, more precise than the row's.
Found TableReader::own_day(const std::string& note, const Found& time) const {
  if (!has_date(note)) return time;
  std::vector<Event> events;
  const auto found_time = time_in(note, phrase_context(events));
  if (!found_time || found_time->reading != Reading::clean) return time;
  return {found_time->text, time.where + "; the day its note names"};
}

/// A counting column ("TUẦN" 3) names the row only when no other note does.
std::string TableReader::note_of_row(const Table& table, int r) const {
  std::string counted;
  for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
    const auto& column = layout_.columns[c];
    if (column.role != Role::note || column.part_of_time) continue;
    const auto& cell = table.at(r, static_cast<int>(c));
    const auto text = cell.covered ? std::string() : trim(table.text(r, static_cast<int>(c)));
    if (column.counting) {
      if (counted.empty() && !text.empty()) counted = column.label + " " + text;
      continue;
    }
    if (!text.empty() || cell.covered) return text;
  }
  return counted;
}

void TableReader::read_row(const Table& table, int r) {
  if (numbering_row(table, r)) return;
  // Word repeats the header row on every page; a page of a pasted table may too.
  if (r > 0 && repeats_header(table, r, *table_.parts.front().table, layout_)) return;
  if (section_row(table, r)) return;
  auto name = found(table, r, column(Role::content));
  if (name.empty()) {
    // "| | 08/8/16 đến 13/8/16 | Ổn định tổ chức": the note names the work.
    const auto note = note_of_row(table, r);
    if (note.empty() || found(table, r, time_column(table, r)).empty()) {
      say_row_not_read(table, r);
      return;
    }
    name = {note, name.where};
  }
  // A content cell merged down from the row above continues that task.
  if (table.at(r, column(Role::content)).covered && !draft_.tasks.empty()) {
    const auto t = found(table, r, time_column(table, r));
    if (t.empty()) return;
    auto& task = draft_.tasks.back();
    // "Ý Yên" over two rows, each with its own place: the places tell the
    // rows apart, the task's own time becomes its first place's step.
    const auto place = note_of_row(table, r);
    if (place.empty()) {
      task.steps.push_back({{task.name.text, name.where}, t});
      return;
    }
    const int first = table.at(r, column(Role::content)).anchor_row;
    // The merged cell's own words (the task's name may hold its first place).
    const auto base =
        layout_.content_inferred ? trim(table.text(first, column(Role::content))) : task.name.text;
    if (task.steps.empty() && !task.time.empty()) {
      if (const auto own = note_of_row(table, first); !own.empty()) {
        task.name.text = base;  // its places go to its steps
        task.steps.push_back({{base + ": " + own, cell_place(table, first, column(Role::content))},
                              own_day(own, task.time)});
        task.time = {};
      }
    }
    task.steps.push_back({{base + ": " + place, name.where}, own_day(place, t)});
    return;
  }
  if (step_row(table, r, name)) return;
  task_row(table, r, name);
}

bool TableReader::step_row(const Table& table, int r, const Found& name) {
  const int number = column(Role::number);
  if (number < 0 || !numbered_task_open_ || !found(table, r, number).empty()) return false;
  const auto lines = items_of(table.shown_at(r, column(Role::content)).blocks);
  if (!lines.head.empty() || lines.items.empty()) return false;
  read_step_row(table, r, name, lines.items, draft_.tasks.back());
  return true;
}

/// A section row: a title across the table, or an "I."/"A." row with no
/// time and no unit. Groups: the first marker style met ("A." or "I.")
/// is the outer level.
bool TableReader::section_row(const Table& table, int r) {
  const auto stt = found(table, r, column(Role::number));
  // "I | name merged across the rest": the name starts where the merge
  // does, which is left of the content column when the units come first.
  const int rest = merged_rest(table, r, column(Role::number));
  const auto name = rest >= 0 ? Found{trim(table.text(r, rest)), cell_place(table, r, rest)}
                              : found(table, r, column(Role::content));
  bool roman = false;
  const bool marker = !stt.empty() && roman_or_letter(stt.text, roman);
  const auto& first = table.at(r, 0);
  // Across the table: all its columns, or all but one of three or more.
  const bool across = !first.covered && table.columns >= 2 &&
                      (first.column_span == table.columns ||
                       (first.column_span >= table.columns - 1 && table.columns > 2));
  const bool bare =
      rest >= 0 ||
      (found(table, r, column(Role::time)).empty() && found(table, r, column(Role::due)).empty() &&
       found(table, r, column(Role::owner)).empty() && found(table, r, column(Role::lead)).empty());
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
  numbered_task_open_ = false;
  section_time(title, g);
  return true;
}

/// "Học kỳ I (15/8/2016 đến 31/12/2016): Có ít nhất 19 tuần thực học …": a
/// section that names its own span is a task too (the semester), in its group.
void TableReader::section_time(const std::string& title, const DraftGroup& group) {
  if (!has_date(title)) return;
  auto head = title;
  if (const auto colon = head.find("): "); colon != std::string::npos)
    head = head.substr(0, colon + 1);
  std::vector<Event> events;
  const auto time = time_in(head, phrase_context(events));
  if (!time || time->reading != Reading::clean) return;
  auto name = trim(head.substr(0, time->begin));
  while (!name.empty() && (name.back() == '(' || name.back() == ':' || name.back() == ' ')) {
    name.pop_back();
  }
  if (name.empty()) return;
  DraftTask task;
  task.name = {name, group.name.where};
  task.group = group.id;
  task.time = {time->text, group.name.where};
  draft_.tasks.push_back(std::move(task));
}

/// The column of the one cell that fills the row beside its number
/// column (merged across all the others), or -1.
int TableReader::merged_rest(const Table& table, int r, int number) {
  if (number < 0 || table.columns < 3) return -1;
  const int from = number == 0 ? 1 : 0;
  const auto& cell = table.at(r, from);
  if (cell.covered || cell.column_span != table.columns - 1) return -1;
  return from;
}

/// A row with times or units but no content: said, not dropped in silence.
void TableReader::say_row_not_read(const Table& table, int r) {
  std::string held;
  for (int c = 0; c < table.columns; ++c) {
    // A cell merged down from above (one unit for several rows) is that row's.
    if (c == column(Role::number) || table.at(r, c).covered) continue;
    const auto f = found(table, r, c);
    if (!f.empty() && held.size() < 200) held += (held.empty() ? "" : ", ") + quoted(f.text);
  }
  if (held.empty()) return;
  const auto row = table_name_of(table) + " row " + std::to_string(r + 1);
  const auto& content = column_at(column(Role::content)).label;
  draft_.diagnostics.push_back(
      said(Severity::warning, "row-not-read",
           row + " has no content (" + content + ") but holds " + held + "; it is not in the plan",
           vietnamese_place(row) + " không có nội dung (" + content + ") nhưng có " + held +
               "; dòng này không có trong kế hoạch",
           "write the task in the content column, or merge the cell with the row above",
           "ghi nhiệm vụ vào cột nội dung, hoặc gộp ô với dòng trên"));
}

/// A row that is nothing but a citation ("Căn cứ Luật Bầu cử …"): no task.
void TableReader::say_citation_row(const Table& table, int r, const Found& name) {
  const auto row = table_name_of(table) + " row " + std::to_string(r + 1);
  draft_.diagnostics.push_back(
      said(Severity::warning, "row-not-read",
           row + " " + quoted(name.text) +
               " cites a law or a document; it is no task, and is not in the plan",
           vietnamese_place(row) + " " + quoted(name.text) +
               " dẫn một luật hay văn bản; đó không phải nhiệm vụ, và không có trong kế hoạch",
           "put the legal basis in a 'Căn cứ' or 'Ghi chú' column",
           "ghi căn cứ pháp lý vào cột 'Căn cứ' hoặc 'Ghi chú'"));
}

void TableReader::task_row(const Table& table, int r, const Found& name) {
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
  // "Mỹ Lộc" under "Huyện,", beside "Địa điểm: Hội trường A0": the place
  // says which meeting it is.
  if (layout_.content_inferred) {
    // A place has words; "145±5" (a count of days beside a rice variety) names nothing.
    if (const auto place = note_of_row(table, r); place.size() <= 120 && has_word(place)) {
      task.name.text += ": " + place;
    }
  }
  std::vector<std::string> steps = lines.items;
  if (lines.head.empty() && layout_.month_column >= 0 && steps.size() > 1) {
    // A calendar of months lists the month's work: every item is one, and
    // the month names the task ("Tháng 8/2019").
    const auto month = trim(table.text(r, layout_.month_column));
    task.name = {folded(month).starts_with("thang") ? month : "Tháng " + month,
                 cell_place(table, r, layout_.month_column)};
  } else if (lines.head.empty()) {
    steps.erase(steps.begin());
  }
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
  numbered_task_open_ = !task.number.empty();
  draft_.tasks.push_back(std::move(task));
}

namespace {

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
  draft.tasks_from_vi =
      vietnamese_place(names) + " trên " + std::to_string(set.total) + " (" + headers + ")";
  return !draft.tasks.empty();
}

}  // namespace tiendo::documents::import
