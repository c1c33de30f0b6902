// The task table of a plan: found by its header (a content column and a time
// column, or columns of rounds), read row by row into groups (section rows:
// "I.", "A.", a title across the table), tasks and their steps.
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <functional>
#include <set>

#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

namespace {

enum class Role { number, content, owner, lead, assist, time, phase, due, note, unknown };

struct Column {
  Role role = Role::unknown;
  std::string label;      ///< the header's text (both header rows for a round)
  bool repeated = false;  ///< a second column of a role read once: kept as notes
};

bool has(const std::string& folded_text, std::string_view word) {
  return folded_text.find(word) != std::string::npos;
}

/// "đợt 1", "giai đoạn 2", "tháng 3", "quý II", "phase 1": a round's column.
bool round_label(const std::string& f) {
  for (const std::string_view w : {"dot ", "giai doan ", "thang ", "quy ", "phase ", "round "}) {
    if (f.rfind(w, 0) == 0 && f.size() > w.size() && f.size() <= w.size() + 12) return true;
  }
  return false;
}

Role role_of(const std::string& label) {
  const auto f = folded(label);
  if (f == "stt" || f == "tt" || f == "so tt" || has(f, "so thu tu") || f == "no." || f == "#") {
    return Role::number;
  }
  if (round_label(f)) return Role::phase;
  if (has(f, "phoi hop")) return Role::assist;
  if (has(f, "phu trach") || has(f, "chiu trach nhiem") || has(f, "nguoi thuc hien")) {
    return Role::owner;
  }
  if (has(f, "han hoan thanh") || has(f, "thoi han") || has(f, "hoan thanh") ||
      has(f, "deadline")) {
    return Role::due;
  }
  if (has(f, "thoi gian") || has(f, "tien do") || f == "han" || has(f, "time")) return Role::time;
  if (has(f, "noi dung") || has(f, "nhiem vu") || has(f, "cong viec") || has(f, "hoat dong") ||
      has(f, "ten ") || has(f, "task")) {
    return Role::content;
  }
  if (has(f, "chu tri") || has(f, "thuc hien") || has(f, "don vi") || has(f, "co quan")) {
    return Role::lead;
  }
  if (has(f, "ghi chu") || has(f, "san pham") || has(f, "ket qua") || has(f, "kinh phi")) {
    return Role::note;
  }
  return Role::unknown;
}

struct Layout {
  int first_data_row = 0;
  std::vector<Column> columns;
  int find(Role role) const {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].role == role) return static_cast<int>(c);
    }
    return -1;
  }
  bool usable() const {
    return find(Role::content) >= 0 &&
           (find(Role::time) >= 0 || find(Role::phase) >= 0 || find(Role::due) >= 0);
  }
  /// Only the first column of a role is read ("Thời gian" then "Hạn", both
  /// times): the others become notes, and a warning says so, rather than
  /// being dropped without a word.
  Layout& mark_repeats() {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto role = columns[c].role;
      if (role == Role::phase || role == Role::note || role == Role::unknown) continue;
      if (find(role) != static_cast<int>(c)) {
        columns[c].role = Role::note;
        columns[c].repeated = true;
      }
    }
    return *this;
  }
};

/// The header of a table, one row or two (a title spanning the rounds over
/// "Đợt 1 … Đợt 4"), among its first rows.
std::optional<Layout> layout_of(const Table& table) {
  for (int h = 0; h < std::min(table.rows, 4); ++h) {
    Layout one;
    one.first_data_row = h + 1;
    for (int c = 0; c < table.columns; ++c) {
      const auto label = trim(table.text(h, c));
      one.columns.push_back({role_of(label), label});
    }
    if (one.find(Role::content) < 0) continue;
    // A header cell spanning columns has the rounds (or the parts) below it.
    const bool spans = std::any_of(table.cells.begin() + h * table.columns,
                                   table.cells.begin() + (h + 1) * table.columns,
                                   [](const Cell& c) { return c.column_span > 1; });
    if (spans && h + 1 < table.rows) {
      Layout two;
      two.first_data_row = h + 2;
      for (int c = 0; c < table.columns; ++c) {
        const auto top = trim(table.text(h, c));
        const auto below = trim(table.text(h + 1, c));
        Column col{role_of(below), below};
        if (below == top || below.empty() || col.role == Role::unknown) {
          col = {role_of(top), top};
        } else if (col.role == Role::lead && role_of(top) == Role::lead) {
          col.label = top + " / " + below;
        }
        two.columns.push_back(col);
      }
      if (two.usable()) return two.mark_repeats();
    }
    if (one.usable()) return one.mark_repeats();
  }
  return std::nullopt;
}

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

/// A row of column numbers under the header: "1 | 2 | 3" or "(1) | (2)".
bool numbering_row(const Table& t, int r) {
  int n = 0;
  for (int c = 0; c < t.columns; ++c) {
    auto s = trim(t.text(r, c));
    if (s.empty()) continue;
    if (s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), ::isdigit)) return false;
    ++n;
  }
  return n >= 3;
}

}  // namespace

std::string cell_place(const Table& table, int row, int column) {
  return (table.name.empty() ? "table " + std::to_string(table.index + 1)
                             : "sheet '" + table.name + "'") +
         " row " + std::to_string(row + 1) + " column " + std::to_string(column + 1);
}

bool read_task_table(const Document& document, PlanDraft& draft) {
  // The candidates: every table (and sheet) with a task header; the one with
  // the most task rows is taken, and which one is said.
  struct Candidate {
    const Table* table;
    Layout layout;
    int rows;
  };
  std::vector<Candidate> candidates;
  std::vector<const Table*> tables;
  const std::function<void(const std::vector<Block>&)> collect =
      [&](const std::vector<Block>& blocks) {
        for (const auto& b : blocks) {
          if (const auto* t = b.table()) {
            tables.push_back(t);
            for (const auto& cell : t->cells) collect(cell.blocks);
          }
        }
      };
  collect(document.body);
  for (const auto* t : tables) {
    if (const auto layout = layout_of(*t)) {
      int rows = 0;
      const int content = layout->find(Role::content);
      for (int r = layout->first_data_row; r < t->rows; ++r) {
        if (!trim(t->text(r, content)).empty()) ++rows;
      }
      if (rows > 0) candidates.push_back({t, *layout, rows});
    }
  }
  if (candidates.empty()) return false;
  const auto best =
      std::max_element(candidates.begin(), candidates.end(),
                       [](const Candidate& a, const Candidate& b) { return a.rows < b.rows; });
  const auto& table = *best->table;
  const auto& layout = best->layout;
  {
    std::string header;
    for (const auto& c : layout.columns) header += (header.empty() ? "" : " | ") + c.label;
    draft.tasks_from = (table.name.empty() ? "table " + std::to_string(table.index + 1)
                                           : "sheet '" + table.name + "'") +
                       " of " + std::to_string(tables.size()) + " (" + header + ")";
  }
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (layout.columns[c].role == Role::unknown && !layout.columns[c].label.empty()) {
      draft.diagnostics.push_back(
          {Severity::warning,
           "unknown-column",
           "column " + std::to_string(c + 1) + " '" + layout.columns[c].label +
               "' is not one tiendo reads; its cells are kept as each task's note",
           {},
           {},
           "name it like STT, NỘI DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ TRÌ, ĐƠN VỊ PHỐI HỢP, THỜI "
           "GIAN"});
    }
    if (layout.columns[c].repeated) {
      draft.diagnostics.push_back(
          {Severity::warning,
           "repeated-column",
           "column " + std::to_string(c + 1) + " '" + layout.columns[c].label +
               "' means the same as an earlier column, which is the one read; its cells are "
               "kept as each task's note",
           {},
           {},
           "keep one time column, or name this one 'Ghi chú'"});
    }
  }

  const int number = layout.find(Role::number);
  const int content = layout.find(Role::content);
  const int owner = layout.find(Role::owner);
  const int lead = layout.find(Role::lead);
  const int assist = layout.find(Role::assist);
  const int time = layout.find(Role::time);
  const int due = layout.find(Role::due);
  const auto found = [&](int r, int c) -> Found {
    if (c < 0) return {};
    // A cell merged across from a column to its left ("I | TUYÊN TRUYỀN,
    // XUẤT BẢN" over four columns) holds that column's text, not its own:
    // the owner or the time of a section row is empty. Merged down from the
    // row above, it is this row's value too (one unit for several rows).
    const auto& cell = table.at(r, c);
    if (cell.covered && cell.anchor_row == r && cell.anchor_column != c) return {};
    return {trim(table.text(r, c)), cell_place(table, r, c)};
  };

  // Groups: the first marker style met ("A." or "I.") is the outer level.
  std::optional<bool> outer_roman;
  std::string current_outer, current_inner;
  std::set<std::string> group_ids;
  for (int r = layout.first_data_row; r < table.rows; ++r) {
    if (numbering_row(table, r)) continue;
    const auto stt = found(r, number);
    const auto name = found(r, content);
    bool roman = false;
    const bool marker = !stt.empty() && roman_or_letter(stt.text, roman);
    // A section row: a title across the table, or an "I."/"A." row with no
    // time and no unit.
    const auto& first = table.at(r, 0);
    const bool across =
        !first.covered && first.column_span >= table.columns - 1 && table.columns > 2;
    const bool bare = found(r, time).empty() && found(r, due).empty() && found(r, owner).empty() &&
                      found(r, lead).empty();
    if (across || (marker && bare)) {
      auto title = across ? trim(table.text(r, 0)) : stt.text + ". " + name.text;
      if (across) {
        // "A. ĐẢNG ỦY KHỐI": its own marker.
        const auto dot = title.find('.');
        roman = false;
        const bool has_marker =
            dot != std::string::npos && dot <= 5 && roman_or_letter(title.substr(0, dot), roman);
        if (!has_marker) roman = outer_roman.value_or(false);
      }
      if (title.empty()) continue;
      if (!outer_roman) outer_roman = roman;
      DraftGroup g;
      g.name = {title, cell_place(table, r, across ? 0 : content)};
      auto id = slugged(title, 3);
      if (id.empty()) id = "nhom";
      for (int n = 2; group_ids.count(id); ++n) id = slugged(title, 3) + "-" + std::to_string(n);
      group_ids.insert(id);
      g.id = id;
      if (roman == *outer_roman) {
        current_outer = id;
        current_inner.clear();
      } else {
        g.parent = current_outer;
        current_inner = id;
      }
      draft.groups.push_back(g);
      continue;
    }
    if (name.empty()) continue;
    // A content cell merged down from the row above continues that task.
    if (table.at(r, content).covered && !draft.tasks.empty()) {
      const auto t = found(r, time);
      if (!t.empty())
        draft.tasks.back().steps.push_back({{draft.tasks.back().name.text, name.where}, t});
      continue;
    }
    DraftTask task;
    task.number = stt;
    task.group = !current_inner.empty() ? current_inner : current_outer;
    task.owner = found(r, owner);
    task.lead = found(r, lead);
    task.assist = found(r, assist);
    const auto content_items = items_of(table.shown_at(r, content).blocks);
    task.name = {content_items.head.empty() && !content_items.items.empty()
                     ? content_items.items.front()
                     : content_items.head,
                 name.where};
    std::vector<std::string> steps = content_items.items;
    if (content_items.head.empty() && !steps.empty()) steps.erase(steps.begin());
    // The time cell: one item more than steps, the first is the task's own.
    if (time >= 0) {
      const auto time_items = items_of(table.shown_at(r, time).blocks);
      std::vector<std::string> times = time_items.items;
      std::string own = time_items.head;
      if (own.empty() && times.size() == steps.size() + 1) {
        own = times.front();
        times.erase(times.begin());
      }
      if (steps.empty() && own.empty() && !times.empty()) {
        // A task without steps: its times are one phrase per line.
        own = times.front();
        for (std::size_t i = 1; i < times.size(); ++i) {
          task.notes.push_back({times[i], cell_place(table, r, time)});
        }
        times.clear();
      }
      task.time = {own, cell_place(table, r, time)};
      for (std::size_t s = 0; s < steps.size(); ++s) {
        task.steps.push_back(
            {{steps[s], name.where},
             {s < times.size() ? times[s] : std::string{}, cell_place(table, r, time)}});
      }
      for (std::size_t s = steps.size(); s < times.size(); ++s) {
        task.notes.push_back({times[s], cell_place(table, r, time)});
      }
    } else {
      for (const auto& s : steps) task.steps.push_back({{s, name.where}, {}});
    }
    // A completion date column: a real date (a spreadsheet's) or a day written out.
    if (due >= 0) {
      const auto& cell = table.shown_at(r, due);
      const auto text = trim(table.text(r, due));
      std::optional<Date> d;
      if (cell.kind == ValueKind::date) d = parse_iso_date(cell.value);
      if (!d && !text.empty()) d = read_day(text, 0);
      if (d) {
        task.due = d;
        task.due_where = cell_place(table, r, due);
      } else if (!text.empty()) {
        // A phrase under "hạn hoàn thành" is the task's time too.
        if (task.time.empty()) {
          task.time = {text, cell_place(table, r, due)};
        } else {
          task.notes.push_back({text, cell_place(table, r, due)});
          draft.diagnostics.push_back(
              {Severity::warning,
               "time-not-read",
               "'" + text + "' (" + cell_place(table, r, due) + ") under '" +
                   layout.columns[static_cast<std::size_t>(due)].label +
                   "' is not a day tiendo can read, and the task has a time already; kept as "
                   "the task's note",
               {},
               {},
               "write the day as 30/8/2024"});
        }
      }
    }
    // Rounds: one step per non-empty cell (per line of it).
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      if (layout.columns[c].role != Role::phase) continue;
      const auto lines = lines_of(table.shown_at(r, static_cast<int>(c)).blocks);
      for (std::size_t k = 0; k < lines.size(); ++k) {
        auto label =
            layout.columns[c].label + (lines.size() > 1 ? " (" + std::to_string(k + 1) + ")" : "");
        task.steps.push_back({{label, cell_place(table, r, static_cast<int>(c))},
                              {lines[k], cell_place(table, r, static_cast<int>(c))}});
      }
    }
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const auto role = layout.columns[c].role;
      if (role != Role::note && role != Role::unknown) continue;
      const auto text = trim(table.text(r, static_cast<int>(c)));
      if (!text.empty()) {
        task.notes.push_back(
            {layout.columns[c].label + ": " + text, cell_place(table, r, static_cast<int>(c))});
      }
    }
    draft.tasks.push_back(std::move(task));
  }
  return !draft.tasks.empty();
}

}  // namespace tiendo::documents::import
