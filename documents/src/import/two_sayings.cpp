// Comparing a table's dates with its counts of days from an event.
#include "import/two_sayings.hpp"
#include "import/said.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "import/cell_items.hpp"
#include "import/time_columns.hpp"

namespace tiendo::documents::import {

namespace {

/// The words of a text, as written.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t b = 0; b < text.size();) {
    const auto e = std::min(text.find_first_of(" \n\t", b), text.size());
    if (e > b) out.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

bool all_digits(std::string_view w) {
  return !w.empty() && w.size() <= 4 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The event a cell's count is from, as written, up to a bracket or a
/// comma: "ngày bầu cử" in "… 105 ngày trước ngày bầu cử (ngày 07/02/2021)".
std::string event_after(const std::vector<std::string>& words, std::size_t from) {
  std::string out;
  for (std::size_t k = from; k < words.size(); ++k) {
    auto w = words[k];
    const auto stop = w.find_first_of("(,;");
    if (stop == 0) break;
    const bool last = stop != std::string::npos;
    if (last) w.resize(stop);
    out += (out.empty() ? "" : " ") + w;
    if (last) break;
  }
  return out;
}

}  // namespace

std::optional<SaidTwiceInACell> said_twice_in_a_cell(const std::string& text, int year,
                                                     const std::vector<DraftEvent>& events) {
  if (text.size() > 300) return std::nullopt;
  const auto words = words_of(text);
  for (std::size_t i = 0; i + 3 < words.size(); ++i) {
    // "105 ngày trước …" / "10 ngày làm việc sau …"
    if (!all_digits(words[i]) || folded(words[i + 1]) != "ngay") continue;
    auto k = i + 2;
    if (k + 1 < words.size() && folded(words[k]) == "lam" && folded(words[k + 1]) == "viec") k += 2;
    if (k >= words.size()) return std::nullopt;
    const auto direction = folded(words[k]);
    if (direction != "truoc" && direction != "sau") continue;
    const auto event = event_after(words, k + 1);
    const auto what = folded(event);
    // "105 ngày trước ngày 07/02/2021" counts from a day: the reader reads it.
    if (what.empty() || !dates_in(event, 2000).empty()) return std::nullopt;
    const auto name = what.starts_with("ngay ") ? what.substr(5) : what;
    for (const auto& e : events) {
      if (folded(e.name.text).find(name) != std::string::npos) return std::nullopt;
    }
    const auto days = dates_in(text, year);
    if (days.size() != 1) return std::nullopt;
    const int n = std::stoi(words[i]);
    return SaidTwiceInACell{days.front(), direction == "sau" ? n : -n, event};
  }
  return std::nullopt;
}

void TwoSayings::add_event(const std::string& event, const std::pair<Date, std::string>& from,
                           std::vector<DraftEvent>& events) const {
  // More than half the rows agree on the day: the table dates the event.
  const auto agree = std::count_if(rows_.begin(), rows_.end(), [&](const Row& row) {
    return row.day - date::days{row.days} == from.first;
  });
  if (2 * static_cast<std::size_t>(agree) <= rows_.size() || agree < 2) return;
  const auto id = slugged(event, 4);
  if (id.empty() || std::any_of(events.begin(), events.end(), [&](const DraftEvent& e) {
        return e.id == id || e.date == from.first;
      })) {
    return;
  }
  DraftEvent e;
  e.id = id;
  e.name = {event, "the header of " + label_where_};
  e.date = from.first;
  e.aliases = {event};
  e.guess = "ngày mà số ngày của " + std::to_string(agree) + " trong " +
            std::to_string(rows_.size()) + " dòng cùng tính lùi về";
  events.push_back(std::move(e));
}

void TwoSayings::add(Date day, const Found& said_as_day, int days, const Found& said_as_count) {
  rows_.push_back({day, days, said_as_day, said_as_count});
}

const DraftEvent* TwoSayings::named_event(const std::vector<DraftEvent>& events) const {
  auto words = folded(offset_event(label_));
  if (words.starts_with("ngay ")) words.erase(0, 5);
  if (words.empty()) return nullptr;
  for (const auto& e : events) {
    if (folded(e.name.text).find(words) != std::string::npos) return &e;
  }
  return nullptr;
}

std::optional<std::string> TwoSayings::count_as_time(int days,
                                                     const std::vector<DraftEvent>& events,
                                                     int year) const {
  const auto event = offset_event(label_);
  if (event.empty()) return std::nullopt;
  // "ngày 19/12/2026" (one day, the phrase reader's), or an event the plan has.
  const bool a_day = dates_in(event, year).size() == 1;
  if (!a_day && named_event(events) == nullptr) return std::nullopt;
  return std::to_string(std::abs(days)) + " ngày " + (days < 0 ? "trước " : "sau ") + event;
}

std::optional<std::pair<Date, std::string>> TwoSayings::counted_from(
    const std::vector<DraftEvent>& events) const {
  if (const auto* e = named_event(events)) {
    return std::pair{e->date, std::string("its date in the plan")};
  }
  std::map<Date, int> votes;
  for (const auto& row : rows_) ++votes[row.day - date::days{row.days}];
  const auto best = std::max_element(
      votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best == votes.end() || best->second < 2) return std::nullopt;
  return std::pair{best->first, "the day " + std::to_string(best->second) + " of the " +
                                    std::to_string(rows_.size()) + " rows count from"};
}

void TwoSayings::check(std::vector<DraftEvent>& events, Diagnostics& diagnostics) const {
  // "Số ngày thực hiện" without "trước"/"sau" counts a step's days, not
  // days from an event: nothing to compare with the dates.
  const auto event = offset_event(label_);
  if (event.empty() || rows_.empty()) return;
  const auto from = counted_from(events);
  if (!from) return;
  add_event(event, *from, events);
  for (const auto& row : rows_) {
    const Date said = from->first + date::days{row.days};
    if (said == row.day) continue;
    const auto days = std::to_string(std::abs(row.days));
    diagnostics.push_back(import::said(
        Severity::warning, "time-columns-disagree",
        quoted(row.said_as_day.text) + " (" + row.said_as_day.where + ") and " +
            quoted(row.said_as_count.text) + " (" + row.said_as_count.where +
            ") say one deadline twice, but " + days + " days " +
            (row.days < 0 ? "before " : "after ") + event + " (" + format_iso(from->first) + ", " +
            from->second + ") is " + format_iso(said) + ", not " + format_iso(row.day) +
            "; the date is read, the count kept in the note",
        quoted(row.said_as_day.text) + " (" + vietnamese_place(row.said_as_day.where) + ") và " +
            quoted(row.said_as_count.text) + " (" + vietnamese_place(row.said_as_count.where) +
            ") cùng nói một thời hạn, nhưng " + days + " ngày " +
            (row.days < 0 ? "trước " : "sau ") + event + " (" + format_iso(from->first) + ") là " +
            format_iso(said) + ", không phải " + format_iso(row.day) +
            "; ngày được đọc, số ngày được giữ trong ghi chú",
        "correct one of the two cells", "sửa một trong hai ô"));
  }
}

}  // namespace tiendo::documents::import
