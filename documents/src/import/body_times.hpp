#pragma once
// Times inside running text, as notices and schedules write them: at the end
// of a sentence ("… treo cờ từ ngày 31/7/2023 đến hết ngày 03/8/2023."), at
// its head ("07 giờ 30 ngày 07/01/2021 Chủ tịch UBND tỉnh;"), after a label
// ("Thời gian học (5 tuần): Từ 26/6/2023 đến 28/7/2023"); the clock time that
// leads a schedule's item; the day a table cell holds; and the year a
// document's dates without one are in.

#include <tiendo/phrase.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

/// How the phrase reader takes a phrase: every word read, read with words
/// left over (it warns `phrase-partly-read`), or not read at all.
enum class Reading { clean, partly, not_read };

Reading reading_of(std::string_view phrase, const PhraseContext& context);

/// A time in a clause: its words as written, and the bytes of the clause
/// they span.
struct TimeInText {
  std::string text;
  std::size_t begin = 0, end = 0;
  Reading reading = Reading::not_read;
};

/// The time a clause gives: the words around its last date (a day, a month)
/// that the phrase reader reads, the most of them it reads entirely; failing
/// that, the words from a time word ('trước', 'từ', 'vào' …) to that date,
/// read in part or not at all, so that the caller keeps them and says so
/// rather than dropping a date. Dates that are no time of the clause are
/// passed over: a cited document's ("số 681/TB-UBND ngày 19/7/2023") and an
/// anniversary's ("(15/5/1941 - 15/5/2025)"). nullopt: no date.
std::optional<TimeInText> time_in(std::string_view clause, const PhraseContext& context);

/// Whether a text names a date (a day or a month) that `time_in` would look at.
bool has_date(std::string_view text);

/// The bytes of the clock time that leads a schedule's item ("6 giờ 30, ",
/// "(8h30) ", "Từ 7h30’ đến 7h40’: "), with the separator after it; 0 when
/// the text does not start with one.
std::size_t clock_lead(std::string_view text);

/// The year a document's dates are in when they do not say (its date of
/// issue, else a year its title names, else the first year its text names),
/// and where it was read; 0 when it names none.
struct DocumentYear {
  int year = 0;
  std::string where;
};
DocumentYear document_year(const Document& document, const PlanDraft& draft);

/// The phrase with `year` written after its last day or month when none of
/// its dates has a year ("dự kiến trước ngày 7/9" → "… 7/9/2020", "từ tháng 8
/// đến tháng 12" → "… tháng 12/2020"); nullopt when it has one already.
std::optional<std::string> with_year(std::string_view phrase, int year);

/// A day as a schedule's cell writes it: "Thứ ba\n22/5", "Thứ 2 14/7",
/// "05/9/2023 (Thứ Ba)".
struct CellDay {
  std::string weekday;  ///< as written ("Thứ ba"); empty when none
  std::string date;     ///< the date as written ("22/5", "05/9/2023")
  bool has_year = false;
};
std::optional<CellDay> cell_day(std::string_view text);

/// A text that is nothing but a day: a date, a weekday, 'ngày', a session
/// ("Thứ ba\n22/5", "THỨ HAI (12/5/2025)", "05/9/2023 (Thứ Ba)"); not a
/// time phrase with a bound ("Trước ngày 30/8/2024").
bool only_a_day(std::string_view text);

/// The cell's day as a phrase: "Thứ ba, ngày 22/5/2018" (the weekday kept so
/// that the phrase reader checks it against the date, and so a wrong year is
/// caught). `year` is added when the cell has none and it is known.
std::string day_phrase(const CellDay& day, int year);

}  // namespace tiendo::documents::import
