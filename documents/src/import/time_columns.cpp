// Which column of a table holds the steps' days, when several hold times.
#include "import/time_columns.hpp"

#include <cctype>

#include "import/cell_items.hpp"

namespace tiendo::documents::import {

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

/// The digits at `i` as a number (at most 4 of them), moving `i` past all of
/// them; -1 when there are more than 4 (a number, not a day or a year).
int number_at(std::string_view s, std::size_t& i) {
  const auto begin = i;
  int value = 0;
  for (; i < s.size() && digit(s[i]); ++i) {
    if (i - begin < 4) value = value * 10 + (s[i] - '0');
  }
  return i - begin <= 4 ? value : -1;
}

std::optional<Date> valid(int day, int month, int year) {
  if (year < 1900 || year > 2199) return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (day < 1 || month < 1 || month > 12 || !ymd.ok()) return std::nullopt;
  return Date{ymd};
}

/// "30/9/2020", "30-9", "30.9.2020" starting at `i` (a digit not after a
/// digit); moves `i` past what it read.
/// "2024-06-10" at `i`, the year's first digit; moves `i` past it.
std::optional<Date> iso_day(std::string_view s, std::size_t& i, int year) {
  if (year < 1000 || i + 5 >= s.size() || s[i] != '-' || !digit(s[i + 1])) return std::nullopt;
  ++i;
  const int month = number_at(s, i);
  if (i + 1 >= s.size() || s[i] != '-' || !digit(s[i + 1])) return std::nullopt;
  ++i;
  return valid(number_at(s, i), month, year);
}

std::optional<Date> numeric_day(std::string_view s, std::size_t& i, int year) {
  const auto begin = i;
  const int day = number_at(s, i);
  if (i - begin == 4) return iso_day(s, i, day);
  if (day < 1 || day > 31 || i + 1 >= s.size()) return std::nullopt;
  const char sep = s[i];
  if ((sep != '/' && sep != '-' && sep != '.') || !digit(s[i + 1])) return std::nullopt;
  ++i;
  const auto month_begin = i;
  const int month = number_at(s, i);
  if (i - month_begin > 2) return std::nullopt;  // "10/2024": a month and its year
  int y = year;
  if (i + 1 < s.size() && s[i] == sep && digit(s[i + 1])) {
    ++i;
    const auto year_begin = i;
    y = number_at(s, i);
    if (i - year_begin == 2) y += 2000;  // "30/9/20"
    if (i - year_begin != 4 && i - year_begin != 2) return std::nullopt;
    if (i < s.size() && (s[i] == '/' || s[i] == '-') && i + 1 < s.size() && !digit(s[i + 1]) &&
        s[i + 1] != ' ') {
      return std::nullopt;  // "45/2021/KH-UBND"
    }
  } else if (i < s.size() && s[i] == '/') {
    return std::nullopt;  // "12/3/KH": a number
  } else if (sep == '.') {
    return std::nullopt;  // "2.1": a section's number, not the 2nd of January
  }
  return valid(day, month, y);
}

/// "ngay 29 thang 3 nam 2024" (folded) at `i`, the 'n' of "ngay".
std::optional<Date> spelled_day(std::string_view s, std::size_t& i, int year) {
  const auto word = [&](std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  const auto number = [&]() {
    if (i >= s.size() || !digit(s[i])) return -1;
    return number_at(s, i);
  };
  if (!word("ngay ")) return std::nullopt;
  const int day = number();
  if (day < 0 || !word(" thang ")) return std::nullopt;
  const int month = number();
  if (month < 0) return std::nullopt;
  int y = year;
  if (const auto at = i; !(word(" nam ") && (y = number()) >= 0)) {
    i = at;
    y = year;
  }
  return valid(day, month, y);
}

/// What a column's non-empty data cells mostly hold.
enum class Holds { nothing, dates, offsets, other };

/// The data rows of each part that are rows of column numbers ("(1) (2)"),
/// found once: asking for each cell would cost columns × cells.
using RowMask = std::vector<std::vector<bool>>;

RowMask numbering_rows(const std::vector<Segment>& parts) {
  RowMask out;
  for (const auto& part : parts) {
    auto& mask = out.emplace_back(static_cast<std::size_t>(part.table->rows), false);
    for (int r = part.first_row; r < part.table->rows; ++r) {
      mask[static_cast<std::size_t>(r)] = numbering_row(*part.table, r);
    }
  }
  return out;
}

Holds holds(const std::vector<Segment>& parts, const RowMask& skip, int column, bool bare_numbers) {
  int cells = 0, dates = 0, offsets = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const auto& part = parts[p];
    for (int r = part.first_row; r < part.table->rows; ++r) {
      if (skip[p][static_cast<std::size_t>(r)]) continue;
      const auto text = part.table->text(r, column);
      if (trim(text).empty()) continue;
      ++cells;
      if (offset_days(text, false, bare_numbers)) {
        ++offsets;
      } else if (!dates_in(text, 2000).empty()) {
        ++dates;
      }
    }
  }
  if (cells == 0) return Holds::nothing;
  if (2 * offsets > cells) return Holds::offsets;
  if (2 * dates > cells) return Holds::dates;
  return Holds::other;
}

int first_unread_time(const Layout& layout) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (layout.columns[c].unread_time) return static_cast<int>(c);
  }
  return -1;
}

}  // namespace

std::vector<Date> dates_in(std::string_view text, int year) {
  const auto s = folded(text);
  std::vector<Date> out;
  for (std::size_t i = 0; i < s.size();) {
    const bool starts = digit(s[i]) && (i == 0 || (!digit(s[i - 1]) && s[i - 1] != '/'));
    const bool spelled = s.compare(i, 5, "ngay ") == 0 && i + 5 < s.size() && digit(s[i + 5]);
    if (!starts && !spelled) {
      ++i;
      continue;
    }
    auto at = i;
    const auto d = spelled ? spelled_day(s, at, year) : numeric_day(s, at, year);
    if (d) out.push_back(*d);
    // "ngày 07/02/2021" is no spelled day: its digits are read next.
    i = d || !spelled ? std::max(at, i + 1) : i + 1;
  }
  return out;
}

std::optional<int> offset_days(std::string_view text, bool after_by_default, bool bare_numbers) {
  if (text.size() > 80) return std::nullopt;
  const auto f = folded(text);
  int sign = after_by_default ? 1 : -1;
  std::optional<int> days;
  std::size_t i = 0;
  while (i < f.size()) {
    while (i < f.size() && (f[i] == ' ' || f[i] == '(' || f[i] == ')' || f[i] == ',')) ++i;
    if (i >= f.size()) break;
    if (digit(f[i])) {
      if (days) return std::nullopt;  // two numbers: not one count
      const int n = number_at(f, i);
      if (n < 0 || (i < f.size() && f[i] != ' ')) return std::nullopt;
      days = n;
      continue;
    }
    const auto end = f.find(' ', i);
    const auto word = f.substr(i, end == std::string::npos ? std::string::npos : end - i);
    i = end == std::string::npos ? f.size() : end;
    if (word == "truoc") {
      sign = -1;
    } else if (word == "sau") {
      sign = 1;
    } else if (word != "ngay" && word != "cham" && word != "nhat" && word != "it" &&
               word != "khong" && word != "qua" && word != "toi" && word != "da" &&
               word != "thieu") {
      return std::nullopt;  // other words: a phrase, not a count
    }
  }
  if (!days || *days > 3660) return std::nullopt;
  if (!bare_numbers && f.find("ngay") == std::string::npos) return std::nullopt;
  return sign * *days;
}

std::string offset_event(const std::string& label) {
  // Word by word, so that the event keeps its spelling ("ngày bầu cử").
  std::vector<std::string> words;
  for (std::size_t b = 0; b < label.size();) {
    const auto e = std::min(label.find_first_of(" \n\t", b), label.size());
    if (e > b) words.push_back(label.substr(b, e - b));
    b = e + 1;
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const auto w = folded(words[i]);
    if (w != "truoc" && w != "sau") continue;
    std::string out;
    for (std::size_t k = i + 1; k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
    return trim(out);
  }
  return {};
}

bool offset_after(const std::string& label) {
  const auto f = folded(label);
  return f.find("sau ") != std::string::npos && f.find("truoc ") == std::string::npos;
}

void settle_time_columns(const std::vector<Segment>& parts, Layout& layout) {
  auto& columns = layout.columns;
  const auto skip = numbering_rows(parts);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto& column = columns[c];
    const bool time_like =
        column.role == Role::time || column.role == Role::due || column.unread_time;
    if (!time_like && column.role != Role::note && column.role != Role::unknown) continue;
    const auto what = holds(parts, skip, static_cast<int>(c), column.role == Role::offset);
    if (time_like && what == Holds::offsets) {
      // A count of days is never the step's day.
      column.role = Role::offset;
      column.unread_time = false;
    } else if (!time_like && what == Holds::dates && folded(column.label) != "ghi chu") {
      column.role = Role::note;
      column.unread_time = true;
    }
  }
  // No time column left (it held counts): the first other column of times is.
  const int time = layout.find(Role::time);
  if (time < 0 && layout.find(Role::due) < 0) {
    if (const int other = first_unread_time(layout); other >= 0) {
      columns[static_cast<std::size_t>(other)].role = Role::time;
      columns[static_cast<std::size_t>(other)].unread_time = false;
    }
    return;
  }
  // The time column is empty and another holds times: that one is read.
  if (time >= 0 && holds(parts, skip, time, false) == Holds::nothing) {
    if (const int other = first_unread_time(layout); other >= 0) {
      auto& read = columns[static_cast<std::size_t>(other)];
      read.role = Role::time;
      read.unread_time = false;
      columns[static_cast<std::size_t>(time)].role = Role::note;
    }
  }
}

}  // namespace tiendo::documents::import
