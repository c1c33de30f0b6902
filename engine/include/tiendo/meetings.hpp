#pragma once
// Committee meetings from a rule: 'monthly, last Thursday', 'monthly on the
// 25th, moved to the next working day', 'quarterly'.

#include <tiendo/calendar.hpp>

#include <optional>
#include <vector>

namespace tiendo {

struct MeetingRule {
  enum class Every { month, quarter };
  enum class IfOff { next, previous, keep };
  Every every = Every::month;
  std::optional<Weekday> weekday;  ///< with nth: the nth (or last) such weekday of the month
  int nth = -1;                    ///< 1..4, or -1 for the last
  int day = 0;                     ///< or a day of the month (past the month's end: its last day)
  IfOff if_off = IfOff::next;      ///< a meeting on a day off moves to the next working day
  std::vector<unsigned> months{3, 6, 9, 12};  ///< quarterly: the months it meets in
};

/// Meeting days in [from, until] by the rule, on `calendar`'s working days.
std::vector<Date> meetings_from_rule(const MeetingRule& rule, Date from, Date until,
                                     const WorkCalendar& calendar);

}  // namespace tiendo
