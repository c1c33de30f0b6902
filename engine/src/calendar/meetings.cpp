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

std::vector<Date> meetings_from_rule(const MeetingRule& rule, Date from, Date until,
                                     const WorkCalendar& calendar) {
  std::vector<Date> out;
  const date::year_month_day f{from};
  for (auto ym = f.year() / f.month(); Date{ym / 1} <= until; ym += date::months{1}) {
    if (rule.every == MeetingRule::Every::quarter &&
        std::find(rule.months.begin(), rule.months.end(), static_cast<unsigned>(ym.month())) ==
            rule.months.end()) {
      continue;
    }
    auto d = day_in_month(rule, ym);
    if (!d) continue;
    if (!calendar.is_working(*d)) {
      if (rule.if_off == MeetingRule::IfOff::next) d = calendar.next_working(*d);
      if (rule.if_off == MeetingRule::IfOff::previous) d = calendar.previous_working(*d);
    }
    if (*d >= from && *d <= until) out.push_back(*d);
  }
  return out;
}

}  // namespace tiendo
