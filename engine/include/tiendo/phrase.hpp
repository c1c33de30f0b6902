#pragma once
// Time phrases as Vietnamese plans write them ('Trước ngày 30/8/2024', 'Tại
// kỳ họp BTV tháng 5/2024', 'quý I/2021', 'mùng 1 Tết 2025') and their
// English forms, read into the same constraint model as the ISO keys. Text
// is compared without case or diacritics, NFC or NFD alike.

#include <tiendo/plan.hpp>

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
};

struct PhraseReading {
  std::vector<Constraint> constraints;
  std::optional<MeetingRef> meeting;
  /// A fixed span ('Từ ngày 10/10 đến 13/10/2024'): the step runs exactly
  /// over these days, a duration in calendar days when none is given.
  std::optional<std::pair<Date, Date>> span;
  bool ongoing = false;  ///< 'Thường xuyên', 'Theo kế hoạch': no constraint of its own
  std::string error;     ///< empty when the phrase was read
  /// What it was taken to mean, in English and Vietnamese.
  std::string meaning_en, meaning_vi;

  bool ok() const { return error.empty(); }
};

/// Reads one phrase. Several clauses separated by ',' or ';' are read one by
/// one and combined; clauses without any time expression are ignored.
PhraseReading read_phrase(std::string_view text, const PhraseContext& context);

/// A single day written as a phrase: '30/8/2024', '30-8-2024', 'ngày
/// 30.8.2024', ISO, or a lunar date ('mùng 1 Tết 2025', 'ngày 10/3 âm lịch
/// năm 2025', 'Rằm tháng Giêng 2026', 'mồng 5 tháng Giêng năm Canh Tý').
std::optional<Date> read_day(std::string_view text, int default_year);

/// The forms read_phrase accepts, for error messages and --help.
std::string_view accepted_phrases();

}  // namespace tiendo
