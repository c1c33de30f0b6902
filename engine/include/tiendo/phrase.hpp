#pragma once
// Time phrases as Vietnamese plans write them ('Trước ngày 30/8/2024', 'Tại
// kỳ họp BTV tháng 5/2024', 'quý I/2021', 'mùng 1 Tết 2025') and their
// English forms, read into the same constraint model as the ISO keys. Text
// is compared without case or diacritics, NFC or NFD alike.

#include <tiendo/diagnostics.hpp>
#include <tiendo/plan.hpp>

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

struct PhraseContext {
  int year = 0;  ///< for dates written without a year
  BeforeMeans before = BeforeMeans::day_before;
  const std::vector<Event>* events = nullptr;
  const std::vector<Committee>* committees = nullptr;
  /// The plan's issue date: "Từ nay đến ngày 2/9" runs from it.
  std::optional<Date> issued;
  /// The plan's first day: a day written without a year that would fall
  /// well before it is taken in the next year (and said so).
  std::optional<Date> start;
  /// For offsets in working days ("5 ngày làm việc trước Đại hội") and
  /// weeks; Monday to Friday with Vietnam's holidays when not given.
  const CalendarSpec* calendar = nullptr;
};

/// Something the reader wants the planner to know about a phrase it read:
/// words it did not use, an hour it dropped, an assumption it made.
struct PhraseWarning {
  Severity severity = Severity::warning;
  std::string code;  ///< "phrase-partly-read", "phrase-hour-dropped", "phrase-assumption"
  std::string message_en, message_vi;
  std::uint32_t begin = 0, end = 0;  ///< the bytes of the phrase it is about
};

struct PhraseReading {
  std::vector<Constraint> constraints;  ///< `words_begin/end` say where each came from
  std::optional<MeetingRef> meeting;
  /// A fixed span ('Từ ngày 10/10 đến 13/10/2024'): the step runs exactly
  /// over these days, a duration in calendar days when none is given.
  std::optional<std::pair<Date, Date>> span;
  bool ongoing = false;  ///< 'Thường xuyên', 'Theo kế hoạch': no constraint of its own
  std::string error;     ///< empty when the phrase was read
  std::uint32_t error_begin = 0, error_end = 0;  ///< the bytes the reading stopped at
  std::string understood;                        ///< for an error: the words read before it
  std::string suggestion;                        ///< for an error: the nearest accepted form
  std::string error_vi{}, suggestion_vi{};       ///< the error and suggestion in Vietnamese
  std::vector<PhraseWarning> warnings;
  /// What it was taken to mean, in English and Vietnamese.
  std::string meaning_en, meaning_vi;

  bool ok() const { return error.empty(); }
};

/// Phrases longer than this are refused (a pasted paragraph, not a time).
inline constexpr std::size_t kMaxPhraseBytes = 2000;

/// Reads one phrase by the grammar of docs/phrases.md: every expression it
/// holds, combined; words that belong to none are warned about
/// (`phrase-partly-read`), readings that contradict each other are an error.
PhraseReading read_phrase(std::string_view text, const PhraseContext& context);

/// A single day written as the whole value: '30/8/2024', '30-8-2024', 'ngày
/// 30.8.2024', '02/9/2025', ISO, or a lunar date ('mùng 1 Tết 2025', 'ngày
/// 10/3 âm lịch năm 2025', 'Rằm tháng Giêng 2026'). nullopt when the text is
/// anything more or less than one day.
std::optional<Date> read_day(std::string_view text, int default_year);

/// Text as phrases compare it: case-folded, without diacritics ('đ' is 'd'),
/// white space collapsed ("Tại  Kỳ HỌP" and "tai ky hop" fold alike).
std::string fold_text(std::string_view text);

/// The forms read_phrase accepts, for error messages and --help.
std::string_view accepted_phrases();

}  // namespace tiendo
