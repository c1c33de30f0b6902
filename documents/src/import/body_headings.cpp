// The headings of a plan's body that scope the items under them: a section
// (the group of its items), a phase written inline, a part of the day, and
// a heading that is a time (a day or a month whose items follow).
#include "import/body_reader.hpp"

namespace tiendo::documents::import {

using namespace body;

bool BodyReader::section_heading(const std::string& raw, const std::string& text,
                                 const std::string& where) {
  const bool title_line =
      (text.size() == raw.size() && upper_case(text)) ||
      starts_with_any(folded(text), {"quyet dinh", "ke hoach", "thong bao", "cong van", "ve viec"});
  if (has_date(text) || title_line) return false;
  pending_group_ = Found{shortened(raw, 160), where};  // "2.3. Tổ chức …", as tables keep "I. …"
  group_.clear();
  day_.reset();
  day_scope_ = false;
  return true;
}

bool BodyReader::inline_phase(const std::string& text, const std::string& where) {
  const auto parts = inline_items(text);
  if (parts.size() < 2 || has_date(parts.front())) return false;
  DraftTask task;
  task.name = {name_without(parts.front(), {}), where};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto [label, value] = label_split(parts[i]);
    const auto time = time_in(value, context_);
    if (!time) continue;
    auto name = !label.empty() ? label : name_without(value, time->text);
    task.steps.push_back(
        {{name_without(name, {}), where}, {dated(time->text), dated_where(time->text, where)}});
  }
  if (task.steps.empty()) return false;
  add(std::move(task));
  return true;
}

bool BodyReader::session_heading(const std::string& text) {
  if (!day_) return false;
  const auto f = folded(text);
  const bool session =
      starts_with_any(f, {"buoi sang", "buoi chieu", "buoi toi", "sang:", "chieu:", "toi:"});
  if (!session || text.size() > 60 || text.back() != ':') return false;
  day_scope_ = true;
  previous_.clear();
  previous_announces_ = false;
  return true;
}

bool BodyReader::time_heading(const std::string& text, const std::string& where, bool bold) {
  auto time = text;
  while (!time.empty() && (time.back() == ':' || time.back() == '.')) time.pop_back();
  time = trim(time);
  if (!has_date(time)) return false;
  auto heading_where = where;
  const auto heading_text = time;  // the group is named as the document names the day
  // "Ngày thứ 2 (7/12/2015)": the programme's second day (no Monday), on
  // the date in parentheses.
  if (const auto f = folded(time); f.starts_with("ngay thu ") && time.back() == ')') {
    const auto open = time.rfind('(');
    if (open != std::string::npos && has_date(time.substr(open))) {
      heading_where = where + " '" + time + "'";
      time = trim(time.substr(open + 1, time.size() - open - 2));
    }
  }
  // "Tổ chức khai giảng vào ngày 05/9/2022" reads whole, but its time
  // starts at "vào": an item with its time, not a heading.
  if (const auto inside = time_in(time, context_);
      inside && inside->begin > 0 && inside->reading == Reading::clean && !only_a_day(time) &&
      !session_words(time.substr(0, inside->begin))) {
    return false;
  }
  if (reading_of(time, context_) != Reading::clean) {
    // "THỨ HAI (12/5/2025)", "Thứ Hai - 12/5/2025": a day the reader
    // takes only in part, written as it reads it, as a table's day cell is.
    const auto day = only_a_day(time) ? cell_day(time) : std::nullopt;
    if (!day) return false;
    const auto phrase = day_phrase(*day, year_.year);
    if (reading_of(phrase, context_) != Reading::clean) return false;
    heading_where = where + " '" + time + "'" +
                    (day->has_year || year_.year == 0
                         ? ""
                         : "; the year " + std::to_string(year_.year) + " from " + year_.where);
    time = phrase;
  }
  // "Thời gian tổng kết …:" / "Tháng 7/2022": the time of the item above.
  // A numbered time that announces its own items ("1/. Tháng 01/2021:"
  // after "… lịch tiếp công dân như sau:") is a heading.
  const bool own_heading = bold || text.back() == ':' || text.size() != trim(raw_).size();
  // An item above that has its own date ("… diễn ra trong 2 ngày
  // (6-7/12/2015) với các nội dung …:") announces a programme, whose days
  // are headings.
  if (previous_announces_ && !previous_.empty() && !own_heading && !has_date(previous_)) {
    DraftTask task;
    task.name = {name_without(previous_, {}), where};
    task.time = {dated(time), dated_where(time, where)};
    add(std::move(task));
    previous_.clear();
    previous_announces_ = false;
    return true;
  }
  pending_group_ = Found{heading_text, where};
  group_.clear();
  // "NGÀY 25-9:" under a title that gives the year ("… 27-9- 2014)").
  if (dated(time) != time) {
    heading_where = dated_where(time, heading_where);
    time = dated(time);
  }
  day_ = Found{time, heading_where};
  day_scope_ = true;
  first_after_day_ = true;
  previous_.clear();
  previous_announces_ = false;
  return true;
}

}  // namespace tiendo::documents::import
