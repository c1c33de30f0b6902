#pragma once
// Committee meetings from a rule: 'monthly, last Thursday', 'monthly on the
// 25th, moved to the next working day', 'quarterly'.

#include <tiendo/calendar.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiendo {

struct MeetingRule {
  enum class Every { month, quarter };
  /// A meeting day that is not worked: `next` working day of the same month
  /// (the previous one when the month has none left), `previous` working day
  /// (the next one when none is left in the month), `skip` that month's
  /// meeting, or `keep` the day as it is.
  enum class IfOff { next, previous, skip, keep };
  Every every = Every::month;
  std::optional<Weekday> weekday;  ///< with nth: the nth (or last) such weekday of the month
  int nth = -1;                    ///< 1..4, or -1 for the last
  int day = 0;                     ///< or a day of the month (past the month's end: its last day)
  IfOff if_off = IfOff::next;
  std::vector<unsigned> months{3, 6, 9, 12};  ///< quarterly: the months it meets in
};

/// A rule's meeting that a day off moved (or cancelled: `to` empty).
struct MovedMeeting {
  Date from{};
  std::optional<Date> to;
  std::string reason;  ///< why `from` is not worked ("holiday", "weekly day off")
};

struct RuleMeetings {
  std::vector<Date> days;
  std::vector<MovedMeeting> moved;
};

/// Meeting days in [from, until] by the rule, on `calendar`'s working days,
/// and the ones a day off moved.
RuleMeetings meetings_from_rule(const MeetingRule& rule, Date from, Date until,
                                const WorkCalendar& calendar);

}  // namespace tiendo
