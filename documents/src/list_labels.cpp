#include "list_labels.hpp"

#include <algorithm>
#include <utility>

namespace tiendo::documents::detail {

namespace {

std::string roman(int n, bool upper) {
  static constexpr std::pair<int, std::string_view> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  if (upper) {
    for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// a … z, aa … az, ba …: spreadsheet columns' bijective base 26.
std::string letters(int n, bool upper) {
  std::string out;
  while (n > 0) {
    const int digit = (n - 1) % 26;  // [0, 25]
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + digit));
    n = (n - 1) / 26;
  }
  return out;
}

// a … z, aa, bb … zz, aaa: Word repeats one letter.
std::string repeated_letters(int n, bool upper) {
  const int times = (n - 1) / 26 + 1;
  if (times > 100) return std::to_string(n);
  return std::string(static_cast<std::size_t>(times),
                     static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
}

}  // namespace

std::string format_number(int n, NumberStyle style) {
  switch (style) {
    case NumberStyle::none:
    case NumberStyle::bullet:
      return {};
    case NumberStyle::decimal:
      return std::to_string(n);
    case NumberStyle::decimal_zero:
      return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
    case NumberStyle::lower_letter:
    case NumberStyle::upper_letter:
      return n < 1 ? std::to_string(n) : letters(n, style == NumberStyle::upper_letter);
    case NumberStyle::lower_letter_word:
    case NumberStyle::upper_letter_word:
      return n < 1 ? std::to_string(n)
                   : repeated_letters(n, style == NumberStyle::upper_letter_word);
    case NumberStyle::lower_roman:
    case NumberStyle::upper_roman:
      return n < 1 || n > 3999 ? std::to_string(n) : roman(n, style == NumberStyle::upper_roman);
  }
  return std::to_string(n);
}

int ListCounters::count(int level, int start) {
  level = std::clamp(level, 0, kLevels - 1);
  const auto at = static_cast<std::size_t>(level);
  values_[at] = counted_[at] ? values_[at] + 1 : start;
  counted_[at] = true;
  for (auto deeper = at + 1; deeper < counted_.size(); ++deeper) counted_[deeper] = false;
  return values_[at];
}

void ListCounters::restart(int level, int value) {
  level = std::clamp(level, 0, kLevels - 1);
  const auto at = static_cast<std::size_t>(level);
  values_[at] = value - 1;
  counted_[at] = true;
}

int ListCounters::value(int level, int start) const {
  level = std::clamp(level, 0, kLevels - 1);
  const auto at = static_cast<std::size_t>(level);
  return counted_[at] ? values_[at] : start;
}

}  // namespace tiendo::documents::detail
