#pragma once
// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for
// the meridian 105°E (UTC+7): months start on the day of the new moon, the
// month holding the winter solstice is month 11, and in a 13-month year the
// first month with no principal solar term is the leap month. Valid for
// 1900-2100 (the dates the engine needs); the modern rules, as used in all of
// Vietnam since 1976.

#include <tiendo/calendar.hpp>

#include <optional>
#include <string>

namespace tiendo {

struct LunarDate {
  int day = 1;    ///< 1..30
  int month = 1;  ///< 1..12
  int year = 0;   ///< the lunar year, named after the solar year its Tết falls in
  bool leap = false;
  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

/// The lunar date of a solar day (Vietnamese calendar, UTC+7).
LunarDate to_lunar(Date day);

/// The solar day of a lunar date; nullopt when it does not exist (day 30 of a
/// 29-day month, a leap month the year does not have).
std::optional<Date> from_lunar(const LunarDate& lunar);

/// Tết Nguyên đán: the first day of lunar year `year`.
Date tet(int year);

/// The leap month of lunar year `year` (0 when it has none).
int leap_month(int year);

/// The sexagenary name of a lunar year, "Giáp Thìn" (2024).
std::string year_name(int year);

/// The lunar year with that sexagenary name nearest to `around` (the year
/// named "Canh Tý" nearest 2024 is 2020); nullopt for an unknown name. The
/// name is compared without case or diacritics ("canh ty" works).
std::optional<int> year_from_name(std::string_view name, int around);

}  // namespace tiendo
