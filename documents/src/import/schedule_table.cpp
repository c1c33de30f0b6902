// Schedules and calendars kept as tables, where the day is a cell and not a
// phrase in a "Thời gian" column: the day cell is each row's time (not the
// session beside it, "Sáng", which is no day), written as the phrase reader
// reads it ("Thứ ba, ngày 22/5/2018"), the year taken from the document when
// the cell has none and the comment saying so.
#include "import/schedule_table.hpp"

#include <algorithm>
#include <set>

#include "import/cell_items.hpp"

namespace tiendo::documents::import {

namespace {

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return trim(text);
}

/// The text of a table position, on one line.
std::string cell_text(const Table& t, int r, int c) {
  std::string out;
  for (const auto& line : lines_of(t.shown_at(r, c).blocks)) out += (out.empty() ? "" : " ") + line;
  return out;
}

bool session_word(const std::string& f) {
  for (const std::string_view w : {"sang", "chieu", "toi", "ca ngay", "trua", "dem"}) {
    if (f == w) return true;
  }
  return false;
}

bool date_cell(const std::string& text) {
  return only_a_day(text);
}

/// The rows of the header: those before the first row with a date cell.
int header_rows(const Table& t) {
  for (int r = 0; r < std::min(t.rows, 3); ++r) {
    for (int c = 0; c < t.columns; ++c) {
      if (date_cell(cell_text(t, r, c))) return r;
    }
  }
  return -1;
}

/// A content cell's items: lines marked "+ ", "- ", "• " start one; an
/// unmarked line continues the item before ("(8h30) Hội nghị Thường trực" /
/// "Tỉnh ủy" is one item broken over two lines).
std::vector<std::string> content_items(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(blocks)) {
    const bool marked = line.starts_with("- ") || line.starts_with("+ ") ||
                        line.starts_with("\xE2\x80\xA2 ") || line.starts_with("\xE2\x80\x93 ");
    if (marked || out.empty()) {
      out.push_back(marked ? trim(line.substr(line.find(' ') + 1)) : line);
    } else {
      out.back() += " " + line;
    }
  }
  return out;
}

std::string group_id(const std::string& name, const PlanDraft& draft) {
  const auto base = slugged(name, 4);
  return unused_group_id(draft, base.empty() ? "ngay" : base);
}

/// Where a day was read, and the year when the document gave it.
std::string day_where(const Table& t, int r, int column, const std::string& shown,
                      const CellDay& day, const DocumentYear& year) {
  const auto& cell = t.at(r, column);
  auto where = cell_place(t, cell.anchor_row, column) + " '" + shown + "'";
  if (!day.has_year) {
    where += year.year > 0 ? "; the year " + std::to_string(year.year) + " from " + year.where
                           : "; no year in the cell nor in the document";
  }
  return where;
}

/// "22/5" with the document's year: "22/5/2018".
std::string with_year_of(const CellDay& day, int year) {
  return day.has_year || year <= 0 ? day.date : day.date + "/" + std::to_string(year);
}

/// The column of the days: the first, or the second after a column of
/// numbers (STT); -1 when neither holds days in most of its cells.
int day_column(const Table& table) {
  if (table.rows < 2 || table.columns < 2) return -1;
  const int first = header_rows(table);
  if (first < 0) return -1;
  const auto filled_days = [&](int c, bool numbers) {
    int days = 0, filled = 0;
    for (int r = first; r < table.rows; ++r) {
      if (table.at(r, c).covered) continue;
      const auto text = cell_text(table, r, c);
      if (text.empty()) continue;
      ++filled;
      if (numbers) {
        days += std::all_of(text.begin(), text.end(),
                            [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; })
                    ? 1
                    : 0;
      } else {
        days += date_cell(text) ? 1 : 0;
      }
    }
    return filled > 0 && days * 5 >= filled * 3;
  };
  if (filled_days(0, false)) return 0;
  if (table.columns > 2 && filled_days(0, true) && filled_days(1, false)) return 1;
  return -1;
}

/// A session cell: "Sáng", "Chiều", or a clock time ("8h00", "14 giờ").
bool session_cell(const std::string& text) {
  const auto f = folded(text);
  return f.empty() || session_word(f) || clock_lead(text) == text.size();
}

}  // namespace

bool is_day_table(const Table& table) {
  return day_column(table) >= 0;
}

bool has_day_table(const Document& document) {
  return std::any_of(document.body.begin(), document.body.end(), [](const Block& b) {
    return b.table() != nullptr && is_day_table(*b.table());
  });
}

namespace {

/// A content cell's items, and how many lines each other cell of the row
/// gives them: lines stacked beside as many lines ("Toán (60’)" / "Anh
/// (60’)" beside "7h45 – 8h45" / "9h45 – 10h45") are one item each, with
/// its own line of those cells; else content_items(), each with whole cells.
struct RowItems {
  std::vector<std::string> items;
  std::size_t stacked = 0;                      ///< the lines per cell when stacked; 0: not
  std::vector<std::vector<std::string>> lines;  ///< each of `others`' lines

  /// Item `k`'s text of the other column at `o` (an index into `others`).
  std::string note(const Table& table, int r, int column, std::size_t o, std::size_t k) const {
    return stacked > 0 && lines[o].size() == stacked ? trim(lines[o][k])
                                                     : one_line(cell_text(table, r, column));
  }
};
RowItems row_items(const Table& table, int r, int content, const std::vector<int>& others) {
  const auto& blocks = table.shown_at(r, content).blocks;
  RowItems row{content_items(blocks), 0, {}};
  for (const int c : others) row.lines.push_back(lines_of(table.shown_at(r, c).blocks));
  const auto lines = lines_of(blocks);
  if (row.items.size() != 1 || lines.size() < 2) return row;
  for (const auto& other : row.lines) {
    if (other.size() == lines.size()) {
      row.items = lines;
      row.stacked = lines.size();
      break;
    }
  }
  return row;
}

}  // namespace

void read_day_table(const Table& table, const DocumentYear& year, PlanDraft& draft,
                    const std::string& parent) {
  const int first = header_rows(table);
  const int days = day_column(table);
  if (days < 0) return;
  // The columns: the day (the first), a session ("Sáng", "Chiều"), the
  // content, and the others kept as each task's note.
  int content = -1, session = -1;
  std::vector<int> others;
  for (int c = days + 1; c < table.columns; ++c) {
    const auto label = first > 0 ? one_line(cell_text(table, first - 1, c)) : std::string{};
    const auto f = folded(label);
    bool sessions = true;
    for (int r = first; r < table.rows && sessions; ++r)
      sessions = session_cell(cell_text(table, r, c));
    if (sessions && session < 0) {
      session = c;
    } else if (content < 0 && (f.find("noi dung") != std::string::npos ||
                               f.find("cong viec") != std::string::npos ||
                               f.find("hoat dong") != std::string::npos || first == 0)) {
      content = c;
    } else {
      others.push_back(c);
    }
  }
  if (content < 0) {
    if (others.empty()) return;
    content = others.front();
    others.erase(others.begin());
  }
  std::string group;
  int group_row = -1;
  for (int r = first; r < table.rows; ++r) {
    if (table.at(r, content).covered) continue;
    const auto& day_cell = table.at(r, days);
    const auto shown = one_line(cell_text(table, r, days));
    if (shown.empty()) continue;
    if (day_cell.anchor_row != group_row) {
      group_row = day_cell.anchor_row;
      DraftGroup g;
      g.name = {shown, cell_place(table, group_row, days)};
      g.id = group_id(shown, draft);
      g.parent = parent;
      group = g.id;
      draft.groups.push_back(std::move(g));
    }
    const auto day = cell_day(shown);
    const auto sitting = session >= 0 ? one_line(cell_text(table, r, session)) : std::string{};
    const auto row = row_items(table, r, content, others);
    for (std::size_t k = 0; k < row.items.size(); ++k) {
      auto item = row.items[k];
      const auto lead = clock_lead(item);
      const auto clock = trim(item.substr(0, lead));
      item = trim(item.substr(lead));
      if (item.empty()) continue;
      DraftTask task;
      task.group = group;
      task.name = {item, cell_place(table, r, content)};
      std::string when_where = day ? day_where(table, r, days, shown, *day, year)
                                   : cell_place(table, day_cell.anchor_row, days);
      if (!sitting.empty() || !clock.empty()) {
        when_where +=
            "; at " + one_line(sitting + (sitting.empty() || clock.empty() ? "" : " ") + clock);
      }
      // A day tiendo cannot find in the cell is its time still: the plan
      // keeps it under `not_read`, and says so.
      task.time = {day ? day_phrase(*day, year.year) : shown, when_where};
      for (std::size_t o = 0; o < others.size(); ++o) {
        const int c = others[o];
        const auto text = row.note(table, r, c, o, k);
        if (text.empty()) continue;
        const auto label = first > 0 ? one_line(cell_text(table, first - 1, c)) : "";
        task.notes.push_back({(label.empty() ? "" : label + ": ") + text, cell_place(table, r, c)});
      }
      draft.tasks.push_back(std::move(task));
    }
  }
}

namespace {

/// A start column and the end column beside it are one span: under one
/// heading ("HỌC KỲ I": "Ngày bắt đầu HK", "Ngày kết thúc HK"), or side by
/// side in a header of one row ("Từ ngày", "Đến ngày").
bool span_columns_at(const Table& table, int first, int c) {
  if (first < 1 || c + 1 >= table.columns) return false;
  const auto sub = [&](int k) { return folded(one_line(cell_text(table, first - 1, k))); };
  const auto starts = [](const std::string& f) {
    return f.find("bat dau") != std::string::npos || f.starts_with("tu ") || f == "tu";
  };
  const auto ends = [](const std::string& f) {
    return f.find("ket thuc") != std::string::npos || f.starts_with("den ") || f == "den";
  };
  if (!starts(sub(c)) || !ends(sub(c + 1))) return false;
  return first < 2 || table.shown_at(0, c).anchor_column == table.shown_at(0, c + 1).anchor_column;
}

}  // namespace

bool has_span_column_table(const Document& document) {
  return std::any_of(document.body.begin(), document.body.end(), [](const Block& b) {
    const auto* t = b.table();
    if (t == nullptr || !is_date_column_table(*t)) return false;
    const int first = header_rows(*t);
    for (int c = 0; c + 1 < t->columns; ++c) {
      if (span_columns_at(*t, first, c)) return true;
    }
    return false;
  });
}

bool is_date_column_table(const Table& table) {
  const int first = header_rows(table);
  if (first < 1 || table.columns < 2) return false;
  if (date_cell(cell_text(table, first, 0))) return false;  // a day table
  int dates = 0;
  for (int c = 1; c < table.columns; ++c) dates += date_cell(cell_text(table, first, c)) ? 1 : 0;
  return dates > 0;
}

void read_date_column_table(const Table& table, const DocumentYear& year, PlanDraft& draft,
                            const std::string& parent) {
  const int first = header_rows(table);
  const auto top = [&](int c) { return one_line(cell_text(table, 0, c)); };
  const auto sub = [&](int c) { return one_line(cell_text(table, first - 1, c)); };
  const auto date_of = [&](int r, int c) {
    const auto text = cell_text(table, r, c);
    return date_cell(text) ? cell_day(text) : std::nullopt;
  };
  const auto year_note = [&](const CellDay& a, const CellDay& b) {
    return (a.has_year && b.has_year) || year.year == 0
               ? std::string{}
               : "; the year " + std::to_string(year.year) + " from " + year.where;
  };
  const auto span_at = [&](int c) { return span_columns_at(table, first, c); };
  for (int r = first; r < table.rows; ++r) {
    DraftTask task;
    std::string name;
    for (int c = 0; c < table.columns; ++c) {
      const auto text = one_line(cell_text(table, r, c));
      const bool number = !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '.';
      });  // STT
      if (!text.empty() && !number && !date_cell(text) && !table.at(r, c).covered) {
        name += (name.empty() ? "" : " ") + text;
      }
    }
    if (name.empty()) continue;
    task.name = {name, cell_place(table, r, 0)};
    task.group = parent;
    for (int c = 0; c < table.columns; ++c) {
      const auto start = date_of(r, c);
      if (!start) continue;
      const auto end = span_at(c) ? date_of(r, c + 1) : std::nullopt;
      DraftStep step;
      if (end) {
        step.name = {first >= 2 ? top(c) : name, cell_place(table, 0, c)};
        step.time = {
            "từ " + with_year_of(*start, year.year) + " đến " + with_year_of(*end, year.year),
            cell_place(table, r, c) + " and column " + std::to_string(c + 2) + " ('" + sub(c) +
                "', '" + sub(c + 1) + "')" + year_note(*start, *end)};
        ++c;
      } else {
        const auto label = top(c) == sub(c) || first < 2 ? top(c) : top(c) + " " + sub(c);
        step.name = {label, cell_place(table, 0, c)};
        step.time = {day_phrase(*start, year.year),
                     cell_place(table, r, c) + year_note(*start, *start)};
      }
      task.steps.push_back(std::move(step));
    }
    // One span in a row of a one-row header: the row's own time.
    if (task.steps.size() == 1 && first < 2) {
      task.time = task.steps.front().time;
      task.steps.clear();
    }
    if (!task.steps.empty() || !task.time.empty()) draft.tasks.push_back(std::move(task));
  }
}

}  // namespace tiendo::documents::import
