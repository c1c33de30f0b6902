// Small value grammars shared by the plan reader: durations and lags.
#include <tiendo/parse.hpp>

#include <charconv>

#include "text/text_fold.hpp"

namespace tiendo {

namespace {

struct Amount {
  int value = 0;
  std::string_view unit;
};

std::optional<Amount> split_amount(std::string_view text, bool allow_sign) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::size_t digits_begin = 0;
  if (allow_sign && (text[0] == '-' || text[0] == '+')) digits_begin = 1;
  std::size_t i = digits_begin;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_begin || i - digits_begin > 6) return std::nullopt;
  Amount amount;
  const auto first = text.data() + digits_begin;
  std::from_chars(first, text.data() + i, amount.value);
  if (text[0] == '-') amount.value = -amount.value;
  amount.unit = text.substr(i);
  return amount;
}

/// A unit written as planners write it: "ngày", "ngày làm việc", "tuần",
/// "tháng", or in English. Days in words are calendar days (as Vietnamese law
/// counts a period in days) unless they say they are working days.
std::optional<Duration> worded_duration(int value, std::string_view unit) {
  const auto words = detail::fold(unit);
  if (words == "ngay lam viec" || words == "working days" || words == "working day") {
    return Duration{value, Duration::Unit::working_days};
  }
  if (words == "ngay" || words == "days" || words == "day") {
    return Duration{value, Duration::Unit::calendar_days};
  }
  if (words == "tuan" || words == "weeks" || words == "week") {
    return Duration{value * 7, Duration::Unit::calendar_days};
  }
  if (words == "thang" || words == "months" || words == "month") {
    return Duration{value * 30, Duration::Unit::calendar_days};  // a month taken as 30 days
  }
  return std::nullopt;
}

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  const auto amount = split_amount(text, false);
  if (!amount) return std::nullopt;
  if (!amount->unit.empty() && amount->unit.front() == ' ') {
    if (amount->value == 0) return std::nullopt;
    return worded_duration(amount->value, amount->unit.substr(1));
  }
  Duration d;
  if (amount->unit == "d" || (amount->unit.empty() && amount->value == 0)) {
    d.value = amount->value;
  } else if (amount->unit == "w") {
    d.value = amount->value * 5;  // a working week is 5 working days (as MS Project's 40h)
  } else if (amount->unit == "cd") {
    d.value = amount->value;
    d.unit = Duration::Unit::calendar_days;
  } else if (amount->unit == "cw") {
    d.value = amount->value * 7;
    d.unit = Duration::Unit::calendar_days;
  } else {
    return std::nullopt;
  }
  return d;
}

std::optional<int> parse_lag(std::string_view text) {
  const auto amount = split_amount(text, true);
  if (!amount) return std::nullopt;
  if (amount->unit == "d" || (amount->unit.empty() && amount->value == 0)) return amount->value;
  if (amount->unit == "w") return amount->value * 5;
  return std::nullopt;
}

}  // namespace tiendo
