#include <tiendo/calendar.hpp>
#include <tiendo/vn_calendar.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace tiendo {

namespace {

enum OffReason : std::uint8_t {
  working = 0,
  weekly = 1,
  holiday = 2,
  day_off = 3,
  compensatory = 4,
  announced = 5,
};

bool parse_int(std::string_view text, int& value) {
  const auto* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  return result.ec == std::errc{} && result.ptr == end;
}

}  // namespace

std::string_view reason_off_vi(std::string_view reason) {
  if (reason == "weekly day off") return "ngày nghỉ hằng tuần";
  if (reason == "holiday") return "ngày lễ";
  if (reason == "compensatory day off") return "ngày nghỉ bù";
  if (reason == "announced day off") return "ngày nghỉ theo thông báo";
  return "ngày nghỉ";
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  if (y < kFirstYear || y > kLastYear) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

namespace {

/// Writes `value` as `width` digits ending just before `end`.
void put_digits(char* end, unsigned value, int width) {
  for (int i = 0; i < width; ++i, value /= 10) *--end = static_cast<char>('0' + value % 10);
}

}  // namespace

// By hand, not snprintf: a 20,000-step JSON report formats 120,000 dates.
std::string format_iso(Date d) {
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // outside any plan; kept exact all the same
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buffer;
  }
  std::string text = "0000-00-00";
  put_digits(text.data() + 4, static_cast<unsigned>(year), 4);
  put_digits(text.data() + 7, static_cast<unsigned>(ymd.month()), 2);
  put_digits(text.data() + 10, static_cast<unsigned>(ymd.day()), 2);
  return text;
}

std::string format_date(Date d, Lang lang) {
  return lang == Lang::en ? format_iso(d) : format_vn(d);
}

std::string format_vn(Date d) {
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), year);
    return buffer;
  }
  std::string text = "00/00/0000";
  put_digits(text.data() + 2, static_cast<unsigned>(ymd.day()), 2);
  put_digits(text.data() + 5, static_cast<unsigned>(ymd.month()), 2);
  put_digits(text.data() + 10, static_cast<unsigned>(year), 4);
  return text;
}

std::string_view weekday_vn(Weekday wd) {
  static constexpr std::string_view kNames[] = {"CN", "T2", "T3", "T4", "T5", "T6", "T7"};
  return kNames[wd.c_encoding()];
}

WorkCalendar::WorkCalendar(const CalendarSpec& spec, Date first, Date last)
    : first_(first), last_(std::max(first, last)) {
  const auto days = static_cast<std::size_t>((last_ - first_).count()) + 1;
  off_.assign(days, working);
  for (std::size_t i = 0; i < days; ++i) {
    const Weekday wd{first_ + date::days{static_cast<int>(i)}};
    if (std::find(spec.days_off.begin(), spec.days_off.end(), wd) != spec.days_off.end()) {
      off_[i] = weekly;
    }
  }
  const auto mark = [&](const std::vector<Date>& list, std::uint8_t reason) {
    for (const Date d : list) {
      if (d >= first_ && d <= last_) off_[day_index(d)] = reason;
    }
  };
  if (spec.builtin == "vn") {
    // The built-in calendar first; the plan's own lists then add to it.
    const int first_year = static_cast<int>(date::year_month_day{first_}.year());
    const int last_year = static_cast<int>(date::year_month_day{last_}.year());
    for (int y = std::max(first_year, 1900); y <= std::min(last_year, 2100); ++y) {
      const auto vn = vietnam_year(y);
      for (const auto& day : vn.days_off) {
        if (day.date < first_ || day.date > last_) continue;
        const auto reason = day.reason == DayOffReason::compensatory ? compensatory
                            : day.reason == DayOffReason::announced  ? announced
                                                                     : holiday;
        off_[day_index(day.date)] = reason;
        names_.emplace(day.date, day.name_vi);
      }
      for (const auto& day : vn.working_days) {
        if (day.date >= first_ && day.date <= last_) off_[day_index(day.date)] = working;
      }
    }
  }
  mark(spec.holidays, holiday);
  mark(spec.extra_days_off, day_off);
  mark(spec.working_days, working);

  before_.resize(days + 1);
  std::int32_t count = 0;
  for (std::size_t i = 0; i < days; ++i) {
    before_[i] = count;
    if (off_[i] == working) {
      working_.push_back(first_ + date::days{static_cast<int>(i)});
      ++count;
    }
  }
  before_[days] = count;
  if (working_.empty()) throw std::invalid_argument("the calendar has no working day");
}

std::size_t WorkCalendar::day_index(Date d) const {
  const auto clamped = std::clamp(d, first_, last_);
  return static_cast<std::size_t>((clamped - first_).count());
}

bool WorkCalendar::is_working(Date d) const {
  if (d < first_ || d > last_) return false;
  return off_[day_index(d)] == working;
}

std::string_view WorkCalendar::reason_off(Date d) const {
  if (d < first_ || d > last_) return "outside the calendar";
  switch (off_[day_index(d)]) {
    case weekly:
      return "weekly day off";
    case holiday:
      return "holiday";
    case day_off:
      return "day off";
    case compensatory:
      return "compensatory day off";
    case announced:
      return "announced day off";
    default:
      return "";
  }
}

std::string_view WorkCalendar::holiday_name(Date d) const {
  const auto it = names_.find(d);
  return it == names_.end() ? std::string_view{} : std::string_view{it->second};
}

int WorkCalendar::start_boundary(Date d) const {
  if (d > last_) return static_cast<int>(working_.size());
  return before_[day_index(d)];
}

int WorkCalendar::end_boundary(Date d) const {
  if (d < first_) return 0;
  if (d > last_) return static_cast<int>(working_.size());
  return before_[day_index(d) + 1];
}

Date WorkCalendar::working_day(int k) const {
  const auto last_index = static_cast<int>(working_.size()) - 1;
  return working_[static_cast<std::size_t>(std::clamp(k, 0, last_index))];
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return 0;
  return end_boundary(to) - start_boundary(from);
}

}  // namespace tiendo
