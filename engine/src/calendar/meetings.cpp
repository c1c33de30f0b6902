#include <tiendo/meetings.hpp>

#include <algorithm>

namespace tiendo {

namespace {

std::optional<Date> day_in_month(const MeetingRule& rule, date::year_month ym) {
  if (rule.weekday) {
    const auto wd = *rule.weekday;
    if (rule.nth < 0) return Date{ym / date::weekday_last{wd}};
    const date::year_month_day d{ym / date::weekday_indexed{wd, static_cast<unsigned>(rule.nth)}};
    if (!d.ok()) return std::nullopt;
    return Date{d};
  }
  const auto last = date::year_month_day_last{ym / date::last}.day();
  const auto day = std::min(date::day{static_cast<unsigned>(std::max(rule.day, 1))}, last);
  return Date{ym / day};
}

}  // namespace

RuleMeetings meetings_from_rule(const MeetingRule& rule, Date from, Date until,
                                const WorkCalendar& calendar) {
  RuleMeetings out;
  const date::year_month_day f{from};
  for (auto ym = f.year() / f.month(); Date{ym / 1} <= until; ym += date::months{1}) {
    if (rule.every == MeetingRule::Every::quarter &&
        std::find(rule.months.begin(), rule.months.end(), static_cast<unsigned>(ym.month())) ==
            rule.months.end()) {
      continue;
    }
    const auto planned = day_in_month(rule, ym);
    if (!planned) continue;
    std::optional<Date> d = planned;
    if (!calendar.is_working(*planned) && rule.if_off != MeetingRule::IfOff::keep) {
      // Within the month when it can: "the January meeting" stays in January.
      const Date first{ym / 1};
      const Date last{ym / date::last};
      const auto next = calendar.next_working(*planned);
      const auto previous = calendar.previous_working(*planned);
      const bool next_in = next > *planned && next <= last;
      const bool previous_in = previous < *planned && previous >= first;
      switch (rule.if_off) {
        case MeetingRule::IfOff::next:
          d = next_in ? std::optional(next) : previous_in ? std::optional(previous) : std::nullopt;
          break;
        case MeetingRule::IfOff::previous:
          d = previous_in ? std::optional(previous) : next_in ? std::optional(next) : std::nullopt;
          break;
        case MeetingRule::IfOff::skip:
          d.reset();
          break;
        case MeetingRule::IfOff::keep:
          break;
      }
      if (*planned >= from && *planned <= until) {
        out.moved.push_back({*planned, d, std::string(calendar.reason_off(*planned))});
      }
    }
    if (d && *d >= from && *d <= until) out.days.push_back(*d);
  }
  return out;
}

}  // namespace tiendo
