#pragma once
// The only public header that names date:: types. Dates are whole civil days
// (date::sys_days); working days are counted by a WorkCalendar.

#include <tiendo/lang.hpp>

#include <date/date.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

using Date = date::sys_days;
using Weekday = date::weekday;

/// The years a plan's dates may fall in: every calendar tiendo knows (Vietnam's
/// lunar tables included) covers them, and every date prints as YYYY-MM-DD.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2199;

/// Parses an ISO date "YYYY-MM-DD", the whole text; nullopt when malformed, not
/// a real day, or outside kFirstYear..kLastYear.
std::optional<Date> parse_iso_date(std::string_view text);

/// "YYYY-MM-DD".
std::string format_iso(Date d);

/// "dd/mm/yyyy", the way Vietnamese documents write dates.
std::string format_vn(Date d);
/// A day as reports in `lang` write it: ISO in English, dd/mm/yyyy in Vietnamese.
std::string format_date(Date d, Lang lang);

/// "CN", "T2" … "T7": the day of the week as Vietnamese tables and calendars
/// head their columns.
std::string_view weekday_vn(Weekday wd);

/// WorkCalendar::reason_off in Vietnamese ("ngày nghỉ hằng tuần", "ngày lễ").
std::string_view reason_off_vi(std::string_view reason);

/// What makes a day a working day. Built-in calendars (the Vietnamese one)
/// are a later addition: `builtin` names one, and the lists here add to it.
struct CalendarSpec {
  std::vector<Weekday> days_off{date::Saturday, date::Sunday};
  std::vector<Date> holidays;  ///< public holidays
  std::vector<Date> extra_days_off;
  std::vector<Date> working_days;  ///< worked although a day off (swapped days)
  std::string builtin;             ///< "vn": Vietnam's holidays (vn_calendar.hpp); empty: none
};

/// A working-day calendar with a precomputed index, so that every query the
/// scheduler makes is O(1): converting a date to a working-day ordinal, and an
/// ordinal back to its date.
///
/// Ordinals are "boundaries": ordinal k is the start of the k-th working day
/// of the index (0-based), so a step of D working days starting at boundary s
/// ends at boundary s + D and occupies the working days s .. s + D - 1.
class WorkCalendar {
 public:
  /// Covers [first, last]; dates outside are clamped by the queries. The
  /// index costs one int per calendar day (about 4 bytes x 365 per year).
  WorkCalendar(const CalendarSpec& spec, Date first, Date last);

  bool is_working(Date d) const;
  /// Why a day is not worked: "weekly day off", "holiday", "compensatory
  /// day off", "announced day off", "day off", or "" for a working day.
  std::string_view reason_off(Date d) const;
  /// The name of a built-in holiday ("Tết Nguyên đán"), or "".
  std::string_view holiday_name(Date d) const;

  /// Boundary at the start of `d`: ordinal of the first working day >= d.
  int start_boundary(Date d) const;
  /// Boundary at the end of `d`: one past the last working day <= d.
  int end_boundary(Date d) const;
  /// The working day with ordinal k (clamped into the index).
  Date working_day(int k) const;
  /// Working days in [from, to], both inclusive; 0 when to < from.
  int working_days_between(Date from, Date to) const;
  /// How many working days `to` is after `from` (negative: before), counting
  /// the working days in between and `to`'s own: a variance or a margin.
  int working_days_from(Date from, Date to) const {
    if (to > from) return working_days_between(from + date::days{1}, to);
    if (to < from) return -working_days_between(to + date::days{1}, from);
    return 0;
  }

  /// The first working day on or after d, and the last on or before d.
  Date next_working(Date d) const { return working_day(start_boundary(d)); }
  Date previous_working(Date d) const { return working_day(end_boundary(d) - 1); }

  Date first() const { return first_; }
  Date last() const { return last_; }
  int working_day_count() const { return static_cast<int>(working_.size()); }

 private:
  std::size_t day_index(Date d) const;

  Date first_;
  Date last_;
  std::vector<std::uint8_t> off_;      ///< per day: 0 working, else a reason code
  std::vector<std::int32_t> before_;   ///< per day: working days strictly before it
  std::vector<Date> working_;          ///< ordinal -> date
  std::map<Date, std::string> names_;  ///< built-in holidays
};

}  // namespace tiendo
