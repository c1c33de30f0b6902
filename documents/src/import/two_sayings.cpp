// Comparing a table's dates with its counts of days from an event.
#include "import/two_sayings.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "import/cell_items.hpp"
#include "import/time_columns.hpp"

namespace tiendo::documents::import {

void TwoSayings::add(Date day, const Found& said_as_day, int days, const Found& said_as_count) {
  rows_.push_back({day, days, said_as_day, said_as_count});
}

std::optional<std::pair<Date, std::string>> TwoSayings::counted_from(
    const std::vector<DraftEvent>& events) const {
  auto words = folded(offset_event(label_));
  if (words.starts_with("ngay ")) words.erase(0, 5);
  for (const auto& e : events) {
    if (!words.empty() && folded(e.name.text).find(words) != std::string::npos) {
      return std::pair{e.date, std::string("its date in the plan")};
    }
  }
  std::map<Date, int> votes;
  for (const auto& row : rows_) ++votes[row.day - date::days{row.days}];
  const auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
    return a.second < b.second;
  });
  if (best == votes.end() || best->second < 2) return std::nullopt;
  return std::pair{best->first, "the day " + std::to_string(best->second) + " of the " +
                                    std::to_string(rows_.size()) + " rows count from"};
}

void TwoSayings::check(const std::vector<DraftEvent>& events, Diagnostics& diagnostics) const {
  // "Số ngày thực hiện" without "trước"/"sau" counts a step's days, not
  // days from an event: nothing to compare with the dates.
  const auto event = offset_event(label_);
  if (event.empty() || rows_.empty()) return;
  const auto from = counted_from(events);
  if (!from) return;
  for (const auto& row : rows_) {
    const Date said = from->first + date::days{row.days};
    if (said == row.day) continue;
    diagnostics.push_back(
        {Severity::warning,
         "time-columns-disagree",
         quoted(row.said_as_day.text) + " (" + row.said_as_day.where + ") and " +
             quoted(row.said_as_count.text) + " (" + row.said_as_count.where +
             ") say one deadline twice, but " + std::to_string(std::abs(row.days)) + " days " +
             (row.days < 0 ? "before " : "after ") + event + " (" + format_iso(from->first) +
             ", " + from->second + ") is " + format_iso(said) + ", not " + format_iso(row.day) +
             "; the date is read, the count kept in the note",
         {},
         {},
         "correct one of the two cells"});
  }
}

}  // namespace tiendo::documents::import
