#pragma once
// The schedule and the feasibility report as text, JSON and CSV.

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>
#include <tiendo/progress.hpp>

#include <string>
#include <string_view>

namespace tiendo {

/// The schedule as an aligned terminal table. With progress, a column says
/// where each step stands; with a baseline comparison, two give the start
/// and finish variance in working days.
std::string schedule_table(const Analysis& analysis, Lang lang,
                           const BaselineComparison* comparison = nullptr);
/// The schedule as JSON (docs/report-format.md), with `progress` and
/// `variance` per step when they apply.
std::string schedule_json(const Analysis& analysis, Lang lang,
                          const BaselineComparison* comparison = nullptr);
/// The schedule as CSV (RFC 4180), one row per step; with progress (a status
/// date) and a baseline, their columns after the others.
std::string schedule_csv(const Analysis& analysis, Lang lang,
                         const BaselineComparison* comparison = nullptr);

/// The verdict in words, with what it rests on: "khả thi nếu 34 giá trị
/// phỏng đoán là đúng (0 lỗi, 2 cảnh báo)".
std::string verdict_text(const Verdict& verdict, Lang lang);
/// The feasibility report as text.
std::string check_text(const Analysis& analysis, Lang lang);
/// The feasibility report as JSON.
std::string check_json(const Analysis& analysis, Lang lang);

/// Every non-working day of `year` in Vietnam's calendar, with its name and
/// why (holiday, compensatory, announced, weekly), and the swapped working
/// days; says which holidays come from announcements and which from the rule.
std::string calendar_text(int year, Lang lang);
std::string calendar_json(int year, Lang lang);

/// Every value of the plan tiendo did not read from the planner's words
/// (`guessed:`), at its line, with what it was guessed from: text, or JSON
/// (tiendo-guesses-1).
std::string guesses_text(const Plan& plan, Lang lang);
std::string guesses_json(const Plan& plan);

/// Every time phrase of the plan, where it is, and the constraints it became.
std::string explain_plan(const Plan& plan, Lang lang);

/// Each committee's meetings, and the ones its rule moved off a day off.
std::string meetings_text(const Plan& plan, Lang lang);
/// One phrase read on its own (dates without a year take `year`); text, or
/// JSON with the constraint kinds and dates, or the error.
struct Explained {
  std::string text;
  bool ok = true;  ///< false when the phrase could not be read
};
Explained explain_phrase(std::string_view phrase, int year, Lang lang, bool as_json);

}  // namespace tiendo
