#pragma once
// Tables with no time column whose times are written in the content cell,
// after each step's name and a colon ("- Xây dựng dự thảo: Trước ngày
// 30/8/2024") or on a line of their own ("Thời gian: Quý III/2024").

#include <tiendo/phrase.hpp>

#include <optional>
#include <string>
#include <vector>

#include "import/cell_items.hpp"
#include "import/table_set.hpp"

namespace tiendo::documents::import {

/// A line split at its colon into what it names and when: "Xây dựng dự
/// thảo: Trước ngày 30/8/2024" → {"Xây dựng dự thảo", "Trước ngày
/// 30/8/2024"}; nullopt when no colon is followed by a time read whole.
struct Timed {
  std::string what;  ///< before the colon; "Thời gian" for a time's own line
  std::string when;
};
std::optional<Timed> time_after_colon(const std::string& line, const PhraseContext& context);

/// "Thời gian", "Thời hạn", "Hạn", "Tiến độ", "Thời gian thực hiện": the
/// words before a colon that announce a time, not a step.
bool time_label(const std::string& words);

/// The content cells of a table with no time column hold the times: at
/// least half of the rows with content have a line with a time after a colon.
bool times_in_content(const TaskTable& table);

/// A content cell's head and items split into the task's name and own
/// time, and its steps with theirs.
struct ContentTimes {
  std::string name, time;
  std::vector<Timed> steps;        ///< `when` empty for a step the cell gives no time
  std::vector<std::string> notes;  ///< a second "Thời gian: …" line: kept, not read
};
ContentTimes content_times(const Items& lines, const PhraseContext& context);

}  // namespace tiendo::documents::import
