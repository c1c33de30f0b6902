// The header of a task table: roles of its columns from their labels.
#include "import/table_layout.hpp"

#include <algorithm>
#include <string_view>

#include "import/body_times.hpp"
#include "import/cell_items.hpp"

namespace tiendo::documents::import {

namespace {

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

/// Only the first column of a role is read ("Thời gian" then "Hạn", both
/// times): the others are kept as notes, and a warning says so, rather than
/// being dropped without a word.
void mark_repeats(Layout& layout) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    auto& column = layout.columns[c];
    const auto role = column.role;
    if (role == Role::phase || role == Role::note || role == Role::unknown ||
        role == Role::offset) {
      continue;
    }
    if (layout.find(role) != static_cast<int>(c)) {
      column.role = Role::note;
      if (role == Role::time || role == Role::due) {
        column.unread_time = true;
      } else {
        column.repeated = true;
      }
    }
  }
}

/// A column headed as a time whose cells are only small whole numbers
/// ("TUẦN" over 1, 2, 3 … beside "THỜI GIAN" over the weeks' days) counts
/// the weeks: a note, so that the days are the time read.
void demote_counting_columns(const Table& table, Layout& layout) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (layout.columns[c].role != Role::time) continue;
    int numbers = 0;
    bool only_numbers = true;
    for (int r = layout.first_data_row; r < table.rows && only_numbers; ++r) {
      const auto& cell = table.at(r, static_cast<int>(c));
      if (cell.covered) continue;
      const auto text = trim(table.text(r, static_cast<int>(c)));
      if (text.empty()) continue;
      if (cell.column_span > 1) continue;  // a section row across the table
      only_numbers = text.size() <= 2 && std::all_of(text.begin(), text.end(), ::isdigit);
      numbers += only_numbers ? 1 : 0;
    }
    if (only_numbers && numbers >= 3) {
      layout.columns[c].role = Role::note;
      layout.columns[c].counting = true;
    }
  }
}

/// A row with a cell of items ("- Trình duyệt nội dung", "- Tháng
/// 10/2024") is a task's, whatever its words: a header's labels are no list.
bool holds_items(const Table& table, int r) {
  for (int c = 0; c < table.columns; ++c) {
    const auto text = trim(table.text(r, c));
    for (const std::string_view m : {"- ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 "}) {
      if (text.starts_with(m)) return true;
    }
  }
  return false;
}

/// A header that names its time column ("Ngày") but its content in words
/// tiendo does not know: the one column it cannot place is the content.
/// A column headed "Tháng" ("THÁNG" | "8/2019", "Tháng" | "Tháng 7"): a
/// calendar of months, whose month completes its rows' days.
void find_month_column(Layout& layout) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    const auto f = folded(layout.columns[c].label);
    if (layout.columns[c].role == Role::unknown && (f == "thang" || f == "month")) {
      layout.month_column = static_cast<int>(c);
      layout.columns[c].role = Role::note;
      return;
    }
  }
}

void infer_content(Layout& layout) {
  if (layout.find(Role::time) < 0 && layout.find(Role::due) < 0) return;
  // "Tháng" | … | "Ngày tiếp công dân": with no content column, the month names each row.
  if (layout.month_column >= 0) {
    layout.columns[static_cast<std::size_t>(layout.month_column)].role = Role::content;
    return;
  }
  std::vector<std::size_t> unknown;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    const auto& label = layout.columns[c].label;
    if (layout.columns[c].role != Role::unknown || label.empty()) continue;
    // A header of words: "29/03/2024" beside "Ngày ban hành" is a value, no header.
    if (label.find_first_of("0123456789") != std::string::npos) return;
    unknown.push_back(c);
  }
  if (unknown.empty()) return;
  // "Cây trồng" | "Giống chủ yếu" | "Thời vụ": the leftmost column of words
  // names the row (what the others say more about), the others are its notes.
  layout.columns[unknown.front()].role = Role::content;
  for (std::size_t k = 1; k < unknown.size(); ++k) layout.columns[unknown[k]].role = Role::note;
  layout.content_inferred = true;
}

/// A header cell's label on one line: "TGST\n(ngày)" is "TGST (ngày)".
std::string label_at(const Table& table, int r, int c) {
  std::string out;
  for (const char ch : trim(table.text(r, c))) {
    const bool space = ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return trim(out);
}

Layout one_row_layout(const Table& table, int h) {
  Layout one;
  one.header_row = h;
  one.first_data_row = h + 1;
  for (int c = 0; c < table.columns; ++c) {
    const auto label = label_at(table, h, c);
    one.columns.push_back({role_of(label), label});
  }
  return one;
}

/// "1", "12.": the number of a task in an STT cell.
bool task_number(std::string s) {
  s = trim(s);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether the header cell above column `c` spans a column whose label
/// below it is a time ("Ngày, tháng, năm"): the spanned columns are the
/// parts of one time.
bool has_time_part(const Table& table, int h, int c) {
  const auto top = folded(trim(table.text(h, c)));
  for (int k = 0; k < table.columns; ++k) {
    if (k == c || folded(trim(table.text(h, k))) != top) continue;
    const auto below = trim(table.text(h + 1, k));
    if (below != trim(table.text(h, k)) && role_of(below) == Role::time) return true;
  }
  return false;
}

/// A header cell spanning columns has the rounds (or the parts) below it;
/// nullopt when the row below is numbered under STT: the first task's row
/// (under a header merged across two columns), which must be read.
std::optional<Layout> two_row_layout(const Table& table, int h) {
  Layout two;
  two.header_row = h;
  two.first_data_row = h + 2;
  for (int c = 0; c < table.columns; ++c) {
    const auto top = label_at(table, h, c);
    const auto below = label_at(table, h + 1, c);
    if (role_of(top) == Role::number && task_number(below) && !numbering_row(table, h + 1)) {
      return std::nullopt;
    }
    Column col{role_of(below), below};
    const bool time_parts =
        role_of(top) == Role::time && below != top && has_time_part(table, h, c);
    if (time_parts && col.role == Role::unknown) {
      // "Thời gian mở vòng" over "Thứ" | "Ngày, tháng, năm": the weekday
      // beside the date is a note of it, the date is the time.
      col = {Role::note, top + ": " + below};
      col.part_of_time = true;
    } else if (role_of(top) == Role::time && col.role == Role::unknown && !below.empty() &&
               below != top) {
      // "Ngày gieo cấy" over "Gieo mạ" | "Gieo sạ" | "Cấy": a time each, named below.
      col = {Role::time, below};
    } else if (below == top || below.empty() || col.role == Role::unknown) {
      col = {role_of(top), top};
    } else if (col.role == Role::lead && role_of(top) == Role::lead) {
      col.label = top + " / " + below;
    }
    two.columns.push_back(col);
  }
  find_month_column(two);
  if (two.find(Role::content) < 0) infer_content(two);
  return two;
}

}  // namespace

int Layout::find(Role role) const {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].role == role) return static_cast<int>(c);
  }
  return -1;
}

bool Layout::times_as_steps(std::size_t column) const {
  if (column >= columns.size() || !columns[column].unread_time) return false;
  int before = 0;
  for (std::size_t c = 0; c < column; ++c) before += columns[c].unread_time ? 1 : 0;
  return before < kTimeStepColumns;
}

bool Layout::has_time() const {
  return find(Role::time) >= 0 || find(Role::phase) >= 0 || find(Role::due) >= 0 ||
         times_in_content;
}

std::string Layout::header_text() const {
  std::string header;
  for (const auto& c : columns) header += (header.empty() ? "" : " | ") + c.label;
  return shortened(header, 400);
}

Role role_of(const std::string& label) {
  const auto f = folded(label);
  if (f == "stt" || f == "tt" || f == "so tt" || has(f, "so thu tu") || f == "no." || f == "#") {
    return Role::number;
  }
  // "Số ngày … trước ngày bầu cử": a count of days, not a day.
  if (has(f, "so ngay")) return Role::offset;
  if (round_label(f)) return Role::phase;
  if (has(f, "phoi hop")) return Role::assist;
  if (has(f, "phu trach") || has(f, "chiu trach nhiem") || has(f, "nguoi thuc hien") ||
      f == "trach nhiem" || has(f, "can bo thuc hien")) {
    return Role::owner;
  }
  if (has(f, "han hoan thanh") || has(f, "thoi han") || has(f, "hoan thanh") ||
      has(f, "deadline") || has(f, "han chot") || has(f, "han nop") || has(f, "han cuoi") ||
      f.starts_with("han dang ky") || f.starts_with("han hoan")) {
    return Role::due;
  }
  // "TUẦN C.MÔN" (the professional week) over "Từ 05 - 31/8": a period.
  if (f.starts_with("tuan") && !has(f, "tuan thu")) return Role::time;
  // "Ngày thực hiện", "Ngày, tháng, năm": a day, before "thực hiện" reads as a unit.
  // "Thời vụ": a crop's season in a planting calendar.
  if (has(f, "thoi gian") || has(f, "tien do") || f == "han" || has(f, "time") ||
      has(f, "thoi vu") || f.starts_with("ngay") || has(f, "thoi diem") || f.starts_with("moc") ||
      f == "date" || f == "when") {
    return Role::time;
  }
  if (has(f, "noi dung") || has(f, "nhiem vu") || has(f, "cong viec") || has(f, "hoat dong") ||
      has(f, "ten ") || has(f, "task") || has(f, "mo ta") || has(f, "hang muc") ||
      has(f, "su kien") || has(f, "description") || has(f, "activity") || has(f, "dau viec")) {
    return Role::content;
  }
  // "Căn cứ pháp lý": the law a step follows, kept as its note.
  // "Địa điểm", "Thành phần": where and with whom, kept as the step's note.
  if (has(f, "can cu") || has(f, "ghi chu") || has(f, "san pham") || has(f, "ket qua") ||
      has(f, "kinh phi") || has(f, "le phi") || f.starts_with("tinh trang") ||
      f.starts_with("dia diem") || f.starts_with("thanh phan") || f.starts_with("noi to chuc")) {
    return Role::note;
  }
  if (has(f, "chu tri") || has(f, "thuc hien") || has(f, "don vi") || has(f, "co quan") ||
      has(f, "phan cong") || has(f, "bo phan")) {
    return Role::lead;
  }
  return Role::unknown;
}

/// A table with no header row whose rows are work and its time ("Bắt đầu
/// dạy học học kỳ I với QH2021" | "05/9/2022"): the column of words left of
/// a column of dates, told by at least three rows and most of them.
std::optional<Layout> headerless_layout(const Table& table) {
  if (table.columns < 2 || table.columns > 6) return std::nullopt;
  std::vector<int> dated(static_cast<std::size_t>(table.columns), 0);
  int rows = 0;
  for (int r = 0; r < table.rows; ++r) {
    int filled = 0;
    for (int c = 0; c < table.columns; ++c) {
      filled += table.at(r, c).covered || trim(table.text(r, c)).empty() ? 0 : 1;
    }
    if (filled < 2) continue;  // a section's title across the table
    ++rows;
    for (int c = 1; c < table.columns; ++c) {
      const auto text = trim(table.text(r, c));
      if (has_date(text) && text.size() < 120) ++dated[static_cast<std::size_t>(c)];
    }
  }
  const auto best = std::max_element(dated.begin(), dated.end());
  const int time = static_cast<int>(best - dated.begin());
  if (rows < 3 || *best < 3 || *best * 10 < rows * 7) return std::nullopt;
  // The content: the first column left of the dates that holds words, not dates.
  int content = -1;
  for (int c = 0; c < time && content < 0; ++c) {
    int words = 0;
    for (int r = 0; r < table.rows; ++r) {
      const auto text = trim(table.text(r, c));
      if (!text.empty() && !has_date(text) && text.find(' ') != std::string::npos) ++words;
    }
    if (words * 10 >= rows * 7) content = c;
  }
  if (content < 0) return std::nullopt;
  Layout layout;
  layout.header_row = 0;
  layout.first_data_row = 0;
  layout.headerless = true;
  for (int c = 0; c < table.columns; ++c) {
    const auto role = c == content ? Role::content : c == time ? Role::time : Role::note;
    const auto label = c == content ? "no header row: the work" : c == time ? "its time" : "";
    layout.columns.push_back({role, label});
  }
  return layout;
}

std::optional<Layout> layout_of(const Table& table) {
  std::optional<Layout> content_only;
  for (int h = 0; h < std::min(table.rows, 4); ++h) {
    if (holds_items(table, h)) continue;
    auto one = one_row_layout(table, h);
    find_month_column(one);
    if (one.find(Role::content) < 0) infer_content(one);
    if (one.find(Role::content) < 0) continue;
    const bool spans = std::any_of(table.cells.begin() + h * table.columns,
                                   table.cells.begin() + (h + 1) * table.columns,
                                   [](const Cell& c) { return c.column_span > 1; });
    if (spans && h + 1 < table.rows) {
      if (auto two = two_row_layout(table, h); two && two->usable()) {
        demote_counting_columns(table, *two);
        mark_repeats(*two);
        return two;
      }
    }
    demote_counting_columns(table, one);
    mark_repeats(one);
    if (one.usable()) return one;
    if (!content_only) content_only = one;
  }
  if (content_only) return content_only;
  return headerless_layout(table);
}

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

bool repeats_header(const Table& table, int row, const Table& headed, const Layout& layout) {
  if (layout.headerless || table.columns != headed.columns || row >= table.rows) return false;
  int same = 0;
  for (int c = 0; c < table.columns; ++c) {
    const auto text = folded(trim(table.text(row, c)));
    if (text != folded(trim(headed.text(layout.header_row, c)))) return false;
    if (!text.empty()) ++same;
  }
  return same >= 2;
}

}  // namespace tiendo::documents::import
