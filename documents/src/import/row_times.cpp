// A task's times in its row: the time column (one item per step), a due
// column, rounds, a count of days from an event, or, with no time column,
// the content cell itself; and what else the row holds, kept as notes.
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <cstdlib>

#include "import/body_times.hpp"
#include "import/body_words.hpp"
#include "import/content_times.hpp"
#include "import/said.hpp"
#include "import/table_reader.hpp"
#include "import/time_columns.hpp"

namespace tiendo::documents::import {

namespace {
/// "Đất cát: trồng từ 20/12-20/1;" → ("Đất cát", "trồng từ 20/12-20/1"): a
/// short label without figures before a colon, and the time after it; no
/// label: the line, its final ';' or '.' dropped.
std::pair<std::string, std::string> labelled_time(std::string line) {
  while (!line.empty() && (line.back() == ';' || line.back() == '.' || line.back() == ' ')) {
    line.pop_back();
  }
  auto [label, time] = body::label_split(line);  // "Đất cát: …", not "8:30 …"
  if (label.size() > 40 || label.find_first_of("0123456789") != std::string::npos) {
    return {{}, trim(line)};  // a sentence before the colon, "Ngày 5/9: …" are no label
  }
  return {label, time};
}

/// The guess made when a cell's lines are read as one time ("Trước ngày" / "30/9/2020").
const std::string kLinesReadAsOne = "các dòng của ô chỉ có nghĩa khi đọc liền nhau: đọc là một";
}  // namespace

/// The column the row's time is read from: the time column, or, where it
/// is empty, the first other column of times that is not.
int TableReader::time_column(const Table& table, int r) const {
  const int time = column(Role::time);
  if (time < 0 || !found(table, r, time).empty()) return time;
  for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
    if (layout_.columns[c].unread_time && !found(table, r, static_cast<int>(c)).empty()) {
      return static_cast<int>(c);
    }
  }
  return time;
}

PhraseContext TableReader::phrase_context(std::vector<Event>& events) const {
  PhraseContext context;
  context.year = draft_.year.value_or(0);
  context.issued = draft_.issued;
  for (const auto& e : draft_.events)
    events.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
  context.events = &events;
  return context;
}

/// No time column: each step's time after its name in the content cell.
void TableReader::read_content_times(const Found& name, const Items& lines, DraftTask& task) {
  std::vector<Event> events;
  const auto read = content_times(lines, phrase_context(events));
  const std::string guess =
      "chữ sau dấu hai chấm trong ô nội dung được đọc là thời gian (bảng không có cột thời "
      "gian)";
  task.name.text = read.name;
  if (!read.time.empty()) task.time = {read.time, name.where, guess};
  for (const auto& s : read.steps) {
    task.steps.push_back(
        {{s.what, name.where}, s.when.empty() ? Found{} : Found{s.when, name.where, guess}});
  }
  for (const auto& n : read.notes) task.notes.push_back({n, name.where});
  if (read.steps.empty()) read_said_twice(task);
}

void TableReader::read_step_row(const Table& table, int r, const Found& name,
                                const std::vector<std::string>& items, DraftTask& task) {
  if (layout_.times_in_content) {
    // "- step: time" lines; a "Thời gian: …" line alone names no step.
    const auto before = task.time;
    read_content_times(name, {task.name.text, items, 0}, task);
    if (!before.empty() && task.time.text != before.text) {
      task.notes.push_back({"Thời gian: " + task.time.text, name.where});
      task.time = before;
    }
  } else {
    // With no time column, a due column's items are the steps' times (as
    // on the task's own row).
    const bool due_as_times = column(Role::time) < 0 && column(Role::due) >= 0;
    const int time = due_as_times ? column(Role::due) : time_column(table, r);
    const auto where = time < 0 ? std::string{} : cell_place(table, r, time);
    const auto cell = time < 0 ? Items{} : time_items_of(table.shown_at(r, time).blocks);
    auto times = cell.items;
    if (!cell.head.empty()) times.insert(times.begin(), cell.head);
    const auto guess = cell.joined ? kLinesReadAsOne : std::string{};
    for (std::size_t s = 0; s < items.size(); ++s) {
      const auto text = s < times.size() ? times[s] : std::string{};
      task.steps.push_back(
          {{items[s], name.where},
           due_as_times ? due_time(text, where, guess) : Found{text, where, guess}});
    }
    for (std::size_t s = items.size(); s < times.size(); ++s)
      task.notes.push_back({times[s], where});
  }
  // The step's own units, where not the task's, are kept beside it.
  for (const auto role : {Role::owner, Role::lead, Role::assist}) {
    if (column(role) < 0) continue;
    const auto unit = found(table, r, column(role));
    const auto& of_task = role == Role::owner  ? task.owner
                          : role == Role::lead ? task.lead
                                               : task.assist;
    if (unit.empty() || unit.text == of_task.text || table.at(r, column(role)).covered) continue;
    task.notes.push_back(
        {column_at(column(role)).label + " (" + items.front() + "): " + unit.text, unit.where});
  }
  read_notes(table, r, task);
}

bool TableReader::due_lists_steps(const Table& table, int r,
                                  const std::vector<std::string>& steps) const {
  const int due = column(Role::due);
  if (steps.empty() || due < 0 || column(Role::time) >= 0) return false;
  return !time_items_of(table.shown_at(r, due).blocks).items.empty();
}

/// A time read from the due column: a bare day there is a deadline,
/// which as a phrase alone would be the day the step starts; so it is
/// said in the words that mean it, and the guess says so.
Found TableReader::due_time(const std::string& text, const std::string& where,
                            std::string guess) const {
  if (text.empty() || !read_day(text, draft_.year.value_or(0))) return {text, where, guess};
  guess += std::string(guess.empty() ? "" : "; ") + "ngày ghi một mình dưới cột " +
           quoted(column_at(column(Role::due)).label) + " được đọc là hạn chót";
  return {"Chậm nhất ngày " + text, where, guess};
}

namespace {

/// Whether any line is an item ("- ", "+ ", "•", "– ").
bool any_marked(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
    for (const std::string_view m : {"- ", "+ ", "\xE2\x80\xA2", "\xE2\x80\x93 "}) {
      if (line.starts_with(m)) return true;
    }
    return false;
  });
}

/// "Ngày 18 (thứ Ba)" in the row of "Tháng 6": "Ngày 18/6 (thứ Ba)". The
/// text unchanged when it already names a month or the row gives none.
std::string with_month(const std::string& text, const std::string& month_cell) {
  const auto m = folded(month_cell);
  if (!m.starts_with("thang ")) return text;
  const auto number = trim(m.substr(6));
  if (number.empty() || number.size() > 2 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return text;
  }
  const auto f = folded(text);
  if (!f.starts_with("ngay ") || f.find('/') != std::string::npos ||
      f.find("thang") != std::string::npos)
    return text;
  // "Ngày" is 5 bytes folded but 6 as written: the day starts at the first digit.
  const auto begin = text.find_first_of("0123456789");
  if (begin == std::string::npos || trim(text.substr(0, begin)).find(' ') != std::string::npos)
    return text;
  auto end = begin;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  if (end - begin > 2) return text;
  return text.substr(0, end) + "/" + number + text.substr(end);
}

/// "Dự hội nghị tổng kết … ( 23/8 )": the item's words and the time in its
/// last parentheses, when the phrase reader reads that whole; else the item
/// as it is and no time.
std::pair<std::string, std::string> item_and_its_day(const std::string& item,
                                                     const PhraseContext& context) {
  auto text = trim(item);
  while (!text.empty() && text.back() == '.') text = trim(text.substr(0, text.size() - 1));
  if (text.empty() || text.back() != ')') return {item, {}};
  const auto open = text.rfind('(');
  if (open == std::string::npos || open == 0) return {item, {}};
  const auto inside = trim(text.substr(open + 1, text.size() - open - 2));
  if (!has_date(inside) || reading_of(inside, context) != Reading::clean) return {item, {}};
  auto what = trim(text.substr(0, open));
  while (!what.empty() && (what.back() == '.' || what.back() == ',')) what.pop_back();
  return {trim(what), inside};
}

/// "Ngày 03; 10; 17; 24; 31 (Thứ 5)": one "Ngày D (Thứ 5)" per day listed;
/// empty when the text is no such list.
std::vector<std::string> listed_days(const std::string& text) {
  const auto f = folded(text);
  if (!f.starts_with("ngay ") || f.find('/') != std::string::npos) return {};
  const auto open = text.find('(');
  const auto list = text.substr(0, open);
  const auto tail = open == std::string::npos ? std::string{} : " " + trim(text.substr(open));
  std::vector<std::string> days;
  std::string number;
  const auto flush = [&] {
    if (!number.empty()) days.push_back("Ngày " + number + tail);
    number.clear();
  };
  for (const char c : list.substr(list.find_first_of("0123456789") == std::string::npos
                                      ? list.size()
                                      : list.find_first_of("0123456789"))) {
    if (c >= '0' && c <= '9') {
      number += c;
    } else if (c == ';' || c == ',' || c == ' ') {
      flush();
    } else {
      return {};  // words between the days: no plain list
    }
    if (number.size() > 2) return {};
  }
  flush();
  return days;
}

}  // namespace

/// The time cell: one item more than steps, the first is the task's own.
void TableReader::read_time(const Table& table, int r, const Found& name,
                            const std::vector<std::string>& steps, DraftTask& task,
                            bool due_as_times) {
  const int time = due_as_times ? column(Role::due) : time_column(table, r);
  if (time < 0) {
    for (const auto& s : steps) task.steps.push_back({{s, name.where}, {}});
    return;
  }
  const auto where = cell_place(table, r, time);
  const auto time_items = time_items_of(table.shown_at(r, time).blocks);
  const auto guess = time_items.joined ? kLinesReadAsOne : std::string{};
  const auto month = layout_.month_column >= 0 ? trim(table.text(r, layout_.month_column)) : "";
  const auto timed = [&](const std::string& written) {
    const auto text = with_month(written, month);
    auto out = due_as_times ? due_time(text, where, guess) : Found{text, where, guess};
    if (text != written) out.where += "; the month from " + quoted(month);
    return out;
  };
  std::vector<std::string> times = time_items.items;
  std::string own = time_items.head;
  if (!own.empty() && times.size() + 1 == steps.size() &&
      !any_marked(lines_of(table.shown_at(r, time).blocks))) {
    // "Hạn chót thanh toán học phí / – khóa 10-22 / – khóa 23" beside
    // "25/09/2017 / 09/10/2017": a line per item, none the task's own.
    times.insert(times.begin(), own);
    own.clear();
  }
  if (own.empty() && times.size() == steps.size() + 1) {
    own = times.front();
    times.erase(times.begin());
  }
  if (steps.empty() && !own.empty() && !times.empty()) {
    times.insert(times.begin(), own);  // the head line is one of the times
    own.clear();
  }
  if (steps.empty() && own.empty() && times.size() >= 2 &&
      std::all_of(times.begin(), times.end(), [](const std::string& t) { return has_date(t); })) {
    // A task without steps, and a time per line ("Đất cát: trồng từ
    // 20/12-20/1;" / "đất thịt trồng từ 20/1-10/2"): a step each, named by
    // the line's label when it has one, so that no date becomes a note.
    std::vector<Event> events;
    const auto context = phrase_context(events);
    for (std::size_t i = 0; i < times.size(); ++i) {
      auto [label, said] = labelled_time(times[i]);
      // "đất thịt trồng từ 20/1-10/2": the words before the time are its label too.
      if (const auto in = time_in(said, context); in && in->begin > 0 && in->begin <= 60) {
        const auto words = trim(said.substr(0, in->begin));
        label = label.empty() ? words : label + ": " + words;
        said = in->text;
      }
      const auto step_name =
          task.name.text + ": " + (label.empty() ? "(" + std::to_string(i + 1) + ")" : label);
      task.steps.push_back({{step_name, name.where}, timed(said)});
    }
    return;
  }
  if (steps.empty() && own.empty() && !times.empty()) {
    // A task without steps: its times are one phrase per line.
    own = times.front();
    for (std::size_t i = 1; i < times.size(); ++i) task.notes.push_back({times[i], where});
    times.clear();
  }
  if (steps.empty() && !month.empty()) {
    // "Ngày 03; 10; 17; 24; 31 (Thứ 5)" in the row of "Tháng 7": a day each.
    if (const auto days = listed_days(own); days.size() >= 2) {
      for (const auto& day : days) {
        const auto one = timed(day);
        task.steps.push_back({{one.text, name.where}, one});
      }
      return;
    }
  }
  // An item that ends with its own day ("Tổ chức cho học sinh tựu trường (
  // 19/8/2019)") has that day; in a calendar of months, an item with none
  // is done within its row's period ("Từ 05 - 31/8"), as the others.
  std::vector<Event> events;
  const auto context = phrase_context(events);
  const bool period_for_items =
      layout_.month_column >= 0 && !own.empty() && !steps.empty() && times.empty();
  if (!period_for_items) task.time = timed(own);
  if (steps.empty()) read_said_twice(task);
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const auto [what, when] = item_and_its_day(steps[s], context);
    Found step_time = timed(s < times.size() ? times[s] : "");
    if (!when.empty()) {
      step_time = {when, name.where + "; the day the item gives itself, in parentheses"};
    } else if (period_for_items) {
      step_time = timed(own);
      step_time.where += "; the row's period, for each item of it";
    }
    task.steps.push_back({{what, name.where}, step_time});
  }
  for (std::size_t s = steps.size(); s < times.size(); ++s) {
    task.notes.push_back({times[s], where});
  }
}

/// A task's time that counts days from something the plan has no day for
/// and names the day too: the day is its deadline, the phrase its note.
void TableReader::read_said_twice(DraftTask& task) {
  const auto twice = said_twice_in_a_cell(task.time.text, draft_.year.value_or(0), draft_.events);
  if (!twice) return;
  const auto days = std::to_string(std::abs(twice->days));
  draft_.diagnostics.push_back(
      said(Severity::warning, "time-said-twice",
           quoted(task.time.text) + " (" + task.time.where + ") counts " + days + " days " +
               (twice->days < 0 ? "before " : "after ") + quoted(twice->event) +
               ", which the plan has no day for, and names " + format_iso(twice->day) +
               ": that day is read as the task's deadline, the phrase kept as its note",
           quoted(task.time.text) + " (" + vietnamese_place(task.time.where) + ") tính " + days +
               " ngày " + (twice->days < 0 ? "trước " : "sau ") + quoted(twice->event) +
               ", sự kiện kế hoạch chưa có ngày, và nêu ngày " + format_iso(twice->day) +
               ": ngày đó được đọc là hạn của nhiệm vụ, cụm từ được giữ làm ghi chú",
           "declare the event under 'events:' and keep one of the two sayings",
           "khai báo sự kiện trong 'events:' và chỉ giữ một trong hai cách ghi"));
  task.due = twice->day;
  task.due_where = task.time.where;
  task.due_guess = "ngày ô ghi bên cạnh số ngày";
  task.notes.push_back({"Thời gian: " + task.time.text, task.time.where});
  task.time = {};
}

/// A completion date column: a real date (a spreadsheet's) or a day written out.
void TableReader::read_due(const Table& table, int r, DraftTask& task) {
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
  const auto place = cell_place(table, r, due);
  if (has_date(text)) {
    // "Ngày thi: 11/04/2021" and "Hạn đăng ký: Trước 19h ngày 03/04/2021":
    // two times of the row, the second a step of its own.
    task.steps.push_back({{task.name.text + ": " + column_at(due).label, place}, {text, place}});
    return;
  }
  task.notes.push_back({text, place});
  draft_.diagnostics.push_back(said(
      Severity::warning, "time-not-read",
      quoted(text) + " (" + place + ") under " + quoted(column_at(due).label) +
          " is not a day tiendo can read, and the task has a time already; kept as "
          "the task's note",
      quoted(text) + " (" + vietnamese_place(place) + ") dưới cột " + quoted(column_at(due).label) +
          " không phải ngày tiendo đọc được, và nhiệm vụ đã có thời gian; được giữ làm ghi "
          "chú của nhiệm vụ",
      "write the day as 30/8/2024", "ghi ngày như 30/8/2024"));
}

/// Rounds: one step per non-empty cell (per line of it).
void TableReader::read_rounds(const Table& table, int r, DraftTask& task) const {
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
void TableReader::read_notes(const Table& table, int r, DraftTask& task) {
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
    if (layout_.times_as_steps(c)) {
      if (task.steps.empty() && !task.time.empty() && time >= 0) {
        // The row's first time column is a step of its own too, named by its
        // column ("Gieo mạ" before "Gieo sạ", "Cấy"), not a result's.
        task.steps.push_back(
            {{task.name.text + ": " + column_at(time).label, task.time.where}, task.time});
        task.time = {};
      }
      // "Hạn đăng ký: Trước 19h ngày 03/04/2021" beside "Ngày thi": a step.
      task.steps.push_back({{task.name.text + ": " + col.label, cell_place(table, r, ci)},
                            {text, cell_place(table, r, ci)}});
      continue;
    }
    task.notes.push_back({col.label + ": " + text, cell_place(table, r, ci)});
    if (col.role == Role::offset) remember_offset(table, r, ci, text, task);
  }
}

void TableReader::remember_offset(const Table& table, int r, int c, const std::string& text,
                                  const DraftTask& task) {
  const auto days = offset_days(text, offset_after(column_at(c).label), true);
  if (!days) return;
  const Found count{text, cell_place(table, r, c)};
  if (task.due) {
    sayings_.add(*task.due, {format_iso(*task.due), task.due_where}, *days, count);
    return;
  }
  const auto& time = !task.steps.empty() && task.time.empty() ? task.steps.back().time : task.time;
  if (time.empty() && untimed(task)) {
    // Read once the table is: its rows may date the event counted from.
    counts_alone_.push_back({draft_.tasks.size(), *days, count});
    return;
  }
  if (!draft_.year || time.empty()) return;
  const auto days_named = dates_in(time.text, *draft_.year);
  if (!days_named.empty()) sayings_.add(days_named.back(), time, *days, count);
}

bool TableReader::untimed(const DraftTask& task) {
  return task.time.empty() && !task.due &&
         std::all_of(task.steps.begin(), task.steps.end(),
                     [](const DraftStep& s) { return s.time.empty(); });
}

/// Rows whose only time is their count of days ("51" under "Số ngày trước
/// ngày 19/12/2026", the day column empty): the count from the day or the
/// event its header names is the task's time. The words are tiendo's,
/// so the time is a guess; a header that names no day keeps the count a note.
void TableReader::read_counts_alone() {
  const auto label = offset_label(layout_);
  for (const auto& c : counts_alone_) {
    auto& task = draft_.tasks[c.task];
    if (!untimed(task)) continue;
    const auto phrase = sayings_.count_as_time(c.days, draft_.events, draft_.year.value_or(0));
    if (!phrase) {
      say_count_not_read(c, label);
      continue;
    }
    task.time = {*phrase, c.count.where,
                 "the count " + quoted(c.count.text) + " under " + quoted(label) +
                     " read as days from what its header counts from"};
    const auto said = label + ": " + c.count.text;
    std::erase_if(task.notes, [&](const Found& n) { return n.text == said; });
  }
}

void TableReader::say_count_not_read(const CountAlone& c, const std::string& label) {
  // A duration ("Số ngày thực hiện") is no time: nothing is lost.
  if (offset_event(label).empty()) return;
  draft_.diagnostics.push_back(
      said(Severity::warning, "time-column-not-read",
           quoted(c.count.text) + " (" + c.count.where + ") under " + quoted(label) +
               " is the row's only time, but counts from a day the plan does not have; kept as the "
               "task's note",
           quoted(c.count.text) + " (" + vietnamese_place(c.count.where) + ") dưới cột " +
               quoted(label) +
               " là thời gian duy nhất của dòng, nhưng tính từ một ngày kế hoạch chưa có; được giữ "
               "làm ghi chú của nhiệm vụ",
           "add the event to the plan's events, or write the row's day in the day column",
           "thêm sự kiện vào 'events' của kế hoạch, hoặc ghi ngày của dòng vào cột ngày"));
}

}  // namespace tiendo::documents::import
