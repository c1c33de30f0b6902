#include "phrases/words.hpp"

#include <algorithm>
#include <array>

namespace tiendo::phrases {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

constexpr std::array<std::string_view, 7> kWeekdays{"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};

/// Vietnamese digits as words, 1..9 (and the forms used after 'mươi').
std::optional<int> vietnamese_digit(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, int>, 12> kDigits{{{"mot", 1},
                                                                             {"hai", 2},
                                                                             {"ba", 3},
                                                                             {"bon", 4},
                                                                             {"tu", 4},
                                                                             {"nam", 5},
                                                                             {"lam", 5},
                                                                             {"sau", 6},
                                                                             {"bay", 7},
                                                                             {"tam", 8},
                                                                             {"chin", 9},
                                                                             {"linh", 0}}};
  for (const auto& [word, value] : kDigits) {
    if (w == word) return value;
  }
  return std::nullopt;
}

std::optional<int> english_number(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kNumbers{
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  static constexpr std::array<std::string_view, 13> kOrdinals{
      "",        "first",  "second", "third", "fourth",   "fifth",  "sixth",
      "seventh", "eighth", "ninth",  "tenth", "eleventh", "twelfth"};
  for (std::size_t i = 0; i < kNumbers.size(); ++i) {
    if (w == kNumbers[i] || (i > 0 && w == kOrdinals[i])) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> english_month(std::string_view word) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    const auto& m = kMonths[i];
    if (word == m) return static_cast<int>(i) + 1;
    // Three-letter abbreviations, and "sept".
    if (word.size() == 3 && m.substr(0, 3) == word) return static_cast<int>(i) + 1;
  }
  if (word == "sept") return 9;
  return std::nullopt;
}

std::optional<int> english_weekday(std::string_view word) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    const auto& d = kWeekdays[i];
    if (word == d || (word.size() == 3 && d.substr(0, 3) == word)) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<int> roman(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kUnits{"",  "i",  "ii",  "iii",  "iv",
                                                           "v", "vi", "vii", "viii", "ix"};
  if (word.empty() || word.size() > 7) return std::nullopt;
  int tens = 0;
  std::size_t i = 0;
  while (i < word.size() && word[i] == 'x' && tens < 3) {
    ++tens;
    ++i;
  }
  const auto rest = word.substr(i);
  for (std::size_t u = 0; u < kUnits.size(); ++u) {
    if (rest == kUnits[u]) {
      const int value = tens * 10 + static_cast<int>(u);
      return value > 0 ? std::optional<int>(value) : std::nullopt;
    }
  }
  return std::nullopt;
}

bool is_stem(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kStems{"giap", "at",   "binh", "dinh", "mau",
                                                           "ky",   "canh", "tan",  "nham", "quy"};
  return std::find(kStems.begin(), kStems.end(), word) != kStems.end();
}

bool is_branch(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kBranches{
      "ty", "suu", "dan", "mao", "thin", "ngo", "mui", "than", "dau", "tuat", "hoi"};
  return std::find(kBranches.begin(), kBranches.end(), word) != kBranches.end();
}

std::optional<Counted> spelled_number(const std::vector<Token>& t, std::size_t i) {
  if (i >= t.size() || t[i].kind != Tok::word) return std::nullopt;
  if (const auto n = english_number(t[i].text)) return Counted{*n, i + 1};
  const auto word = [&](std::size_t k) -> std::string_view {
    return k < t.size() && t[k].kind == Tok::word ? std::string_view(t[k].text)
                                                  : std::string_view{};
  };
  // "mười", "mười lăm"; "hai mươi", "hai mươi lăm", "ba mươi mốt".
  if (word(i) == "muoi") {
    if (const auto unit = vietnamese_digit(word(i + 1)); unit && *unit > 0) {
      return Counted{10 + *unit, i + 2};
    }
    return Counted{10, i + 1};
  }
  const auto tens = vietnamese_digit(word(i));
  if (!tens || *tens == 0) return std::nullopt;
  if (word(i + 1) == "muoi" || word(i + 1) == "chuc") {
    if (const auto unit = vietnamese_digit(word(i + 2)); unit && *unit > 0) {
      return Counted{*tens * 10 + *unit, i + 3};
    }
    return Counted{*tens * 10, i + 2};
  }
  return Counted{*tens, i + 1};
}

std::optional<Counted> weekday_at(const std::vector<Token>& t, std::size_t i) {
  if (i >= t.size()) return std::nullopt;
  if (words_at(t, i, "chu nhat")) return Counted{0, i + 2};
  if (t[i].is_word("cn")) return Counted{0, i + 1};
  // "thứ Năm", "thứ 7" first: 'thu' is also English for Thursday.
  if (t[i].is_word("thu") && i + 1 < t.size()) {
    const auto& next = t[i + 1];
    if (next.kind == Tok::number && next.value >= 2 && next.value <= 7 && next.digits == 1) {
      return Counted{next.value - 1, i + 2};
    }
    static constexpr std::array<std::string_view, 6> kNames{"hai", "ba", "tu", "nam", "sau", "bay"};
    for (std::size_t d = 0; d < kNames.size(); ++d) {
      if (next.is_word(kNames[d])) return Counted{static_cast<int>(d) + 1, i + 2};
    }
  }
  if (t[i].kind == Tok::word) {
    if (const auto d = english_weekday(t[i].text)) return Counted{*d, i + 1};
  }
  return std::nullopt;
}

bool words_at(const std::vector<Token>& t, std::size_t i, std::string_view words) {
  std::size_t k = i;
  while (!words.empty()) {
    const auto space = words.find(' ');
    const auto w = words.substr(0, space);
    if (k >= t.size() || !t[k].is_word(w)) return false;
    ++k;
    words = space == std::string_view::npos ? std::string_view{} : words.substr(space + 1);
  }
  return true;
}

std::size_t word_count(std::string_view words) {
  return static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1;
}

std::size_t skip_filler(const std::vector<Token>& t, std::size_t i) {
  // Kept short on purpose: every word here is one the reader will never
  // report, so none may change what a phrase means for its dates.
  static constexpr std::array<std::string_view, 23> kFiller{"trien khai thuc hien",
                                                            "trien khai",
                                                            "thuc hien",
                                                            "to chuc thuc hien",
                                                            "to chuc",
                                                            "tien hanh",
                                                            "dien ra",
                                                            "du kien",
                                                            "se",
                                                            "duoc",
                                                            "la",
                                                            "thoi gian thuc hien",
                                                            "thoi gian",
                                                            "the",
                                                            "is",
                                                            "are",
                                                            "will",
                                                            "be",
                                                            "scheduled",
                                                            "planned",
                                                            "expected",
                                                            "take place",
                                                            "takes place"};
  for (const auto& f : kFiller) {
    // "bế" folds to the English "be": "bế mạc" is the closing of an event.
    if (f == "be" && words_at(t, i, "be mac")) continue;
    if (words_at(t, i, f)) return i + word_count(f);
  }
  return i;
}

}  // namespace tiendo::phrases
