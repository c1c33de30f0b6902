#pragma once
// List labels as readers see them: numbers in the styles Word, ODF and HTML
// name, and the counters of a list's levels.

#include <array>
#include <string>
#include <string_view>

namespace tiendo::documents::detail {

enum class NumberStyle {
  decimal,
  decimal_zero,  ///< 01, 02 … (Word's decimalZero)
  lower_letter,  ///< a … z, aa … (HTML, ODF)
  upper_letter,
  lower_letter_word,  ///< a … z, aa, bb … (Word repeats the letter)
  upper_letter_word,
  lower_roman,
  upper_roman,
  none,  ///< the level shows no number
  bullet,
};

/// `n` written in `style`; "" for none and bullet. Roman numbers past 3999
/// and letters for n < 1 fall back to decimal.
std::string format_number(int n, NumberStyle style);

/// The running numbers of one list, levels 0..kLevels-1.
class ListCounters {
 public:
  static constexpr int kLevels = 10;

  /// Counts an item at `level` (clamped to the levels there are): its
  /// counter starts at `start` or goes up by one, and every deeper level
  /// starts again. Returns the new value.
  int count(int level, int start);
  /// Sets the value the next item at `level` will get.
  void restart(int level, int value);
  /// The current value at `level`, or its start when none was counted yet.
  int value(int level, int start) const;

 private:
  std::array<int, kLevels> values_{};
  std::array<bool, kLevels> counted_{};
};

}  // namespace tiendo::documents::detail
