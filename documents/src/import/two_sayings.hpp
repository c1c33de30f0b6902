#pragma once
// A deadline said twice in one row of a table: as a day ("Chậm nhất ngày
// 07/02/2021") and as a count of days from an event ("105 ngày", under
// "Số ngày thực hiện trước ngày bầu cử"). The day is what the plan reads;
// the count is kept as a note, and the two are compared once the whole table
// is read, when the event's day is known or most rows agree on it.

#include <tiendo/calendar.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

/// One cell that says a deadline twice itself: "Chậm nhất 105 ngày trước
/// ngày bầu cử (ngày 07/02/2021)". The phrase reader takes the count from the
/// date ("105 days before 07/02/2021"), so such a cell is read by its date.
struct SaidTwiceInACell {
  Date day;           ///< the one day the cell names
  int days = 0;       ///< the count, signed (before: negative)
  std::string event;  ///< what it counts from, as written ("ngày bầu cử")
};

/// The cell's two sayings, when it counts days from something that is not a
/// day nor an event of `events`, and names exactly one day (in `year` when
/// written without one); nullopt otherwise.
std::optional<SaidTwiceInACell> said_twice_in_a_cell(const std::string& text, int year,
                                                     const std::vector<DraftEvent>& events);

class TwoSayings {
 public:
  /// `label`: the count column's header, which names the event counted from.
  /// `where`: the column, for the comment of an event the table dates.
  TwoSayings(std::string label, std::string where)
      : label_(std::move(label)), label_where_(std::move(where)) {}

  /// A row's day, read from `day` (the last day its text names), and its
  /// count of days (signed: before the event is negative).
  void add(Date day, const Found& said_as_day, int days, const Found& said_as_count);

  /// A row's count alone (its day column empty) as the time it says: "51
  /// ngày trước ngày 19/12/2026", when the header counts from a day it names
  /// or from an event of `events`; nullopt when the header names neither
  /// (a count from nothing known is no time).
  std::optional<std::string> count_as_time(int days, const std::vector<DraftEvent>& events,
                                           int year) const;

  /// A `time-columns-disagree` warning for each row whose count from the
  /// event's day is not its day; nothing when the header names no event
  /// ("Số ngày thực hiện": a duration) or the event's day cannot be told.
  /// When the day is not an event of the plan but most rows agree on it,
  /// the event is added to `events`, its day a guess said as such.
  void check(std::vector<DraftEvent>& events, Diagnostics& diagnostics) const;

 private:
  struct Row {
    Date day;
    int days = 0;
    Found said_as_day, said_as_count;
  };

  /// The event's day: an event of the plan the header names, else the day
  /// most rows count back to (two at least); and how it was found.
  std::optional<std::pair<Date, std::string>> counted_from(
      const std::vector<DraftEvent>& events) const;

  /// The event of `events` the header counts from, if any.
  const DraftEvent* named_event(const std::vector<DraftEvent>& events) const;

  void add_event(const std::string& event, const std::pair<Date, std::string>& from,
                 std::vector<DraftEvent>& events) const;

  std::string label_, label_where_;
  std::vector<Row> rows_;
};

}  // namespace tiendo::documents::import
