#pragma once
// Vietnam's public holidays (Labour Code 2019, Điều 112), compensatory days
// off (Điều 111 khoản 3), and the government's announced day-off periods and
// swapped working days for the years tiendo has data for (2020-2026).

#include <tiendo/calendar.hpp>

#include <string>
#include <vector>

namespace tiendo {

enum class DayOffReason {
  weekly,        ///< a weekly day off
  holiday,       ///< a statutory holiday
  compensatory,  ///< nghỉ bù: a holiday fell on a weekly day off
  announced,     ///< in the government's announced period for that year
};

struct NamedDay {
  Date date{};
  std::string name_vi;
  std::string name_en;
  DayOffReason reason = DayOffReason::holiday;
  std::string note;  ///< the notice it comes from, or what it swaps
};

struct VietnamYear {
  int year = 0;
  /// Days off other than weekends (a holiday on a weekend is listed too).
  std::vector<NamedDay> days_off;
  /// Saturdays worked in exchange for a bridge day (làm bù).
  std::vector<NamedDay> working_days;
  /// The holidays whose days come from the announced data; the others
  /// follow the rule.
  std::vector<std::string> announced;
  std::vector<std::string> by_rule;
};

/// The Vietnamese holiday calendar of one solar year, 1900-2100.
VietnamYear vietnam_year(int year);

/// Years for which the announced periods are shipped.
std::pair<int, int> vietnam_announced_years();

}  // namespace tiendo
