// The lunar calendar from Meeus' formulas for the mean and true new moon and
// the Sun's apparent longitude, following the method Hồ Ngọc Đức describes
// (see ../shared/vn/lunar-algorithm.md); written from that description.
#include <tiendo/lunar.hpp>

#include <array>
#include <cmath>

namespace tiendo {

// Astronomy: new moons and the Sun's longitude, for the meridian of zone_hours.
namespace {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180;

/// Julian Date (UT) of new moon number k.
double new_moon_instant(long k) {
  const double kd = static_cast<double>(k);
  const double t = kd / 1236.85;  // Julian centuries from 1900
  const double t2 = t * t, t3 = t2 * t;
  double jd = 2415020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kRad);
  const double m = (359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3) * kRad;
  const double mp = (306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3) * kRad;
  const double f = (21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3) * kRad;
  double c = (0.1734 - 0.000393 * t) * std::sin(m) + 0.0021 * std::sin(2 * m);
  c += -0.4068 * std::sin(mp) + 0.0161 * std::sin(2 * mp) - 0.0004 * std::sin(3 * mp);
  c += 0.0104 * std::sin(2 * f) - 0.0051 * std::sin(m + mp) - 0.0074 * std::sin(m - mp);
  c += 0.0004 * std::sin(2 * f + m) - 0.0004 * std::sin(2 * f - m) - 0.0006 * std::sin(2 * f + mp);
  c += 0.0010 * std::sin(2 * f - mp) + 0.0005 * std::sin(2 * mp + m);
  // Dynamical time to universal time.
  const double delta_t =
      t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
              : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - delta_t;
}

}  // namespace

long julian_day(Date d) {
  // sys_days counts from 1970-01-01, which is Julian day 2440588.
  return static_cast<long>(d.time_since_epoch().count()) + 2440588;
}

Date from_julian_day(long jdn) {
  return Date{date::days{jdn - 2440588}};
}

long new_moon_day(long k, double zone_hours = 7) {
  return static_cast<long>(std::floor(new_moon_instant(k) + 0.5 + zone_hours / 24));
}

int sun_sector(long jdn, double zone_hours = 7) {
  const double jd = static_cast<double>(jdn) - 0.5 - zone_hours / 24;  // local midnight
  const double t = (jd - 2451545.0) / 36525;
  const double t2 = t * t;
  const double m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * kRad;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const double c = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(m) +
                   (0.019993 - 0.000101 * t) * std::sin(2 * m) + 0.000290 * std::sin(3 * m);
  double l = std::fmod(l0 + c, 360.0);
  if (l < 0) l += 360;
  return static_cast<int>(std::floor(l / 30));
}

}  // namespace

namespace {

long lunation_near(long jdn) {
  return static_cast<long>(
      std::floor((static_cast<double>(jdn) - 2415021.076998695) / 29.530588853));
}

/// First day (Julian day number) of lunar month 11 of solar year `year`: the
/// month holding the December solstice.
long month11(int year) {
  const long last_day = julian_day(Date{date::year{year} / date::December / 31});
  const long k = lunation_near(last_day);
  const long start = new_moon_day(k);
  // If the Sun has already reached 270° when that month starts, the
  // solstice lies in the month before.
  return sun_sector(start) >= 9 ? new_moon_day(k - 1) : start;
}

/// The lunation number whose new-moon day is `day`.
long lunation_of(long day) {
  return static_cast<long>(
      std::floor((static_cast<double>(day) - 2415021.076998695) / 29.530588853 + 0.5));
}

/// Months after month 11 (starting at `a`) of the first month without a
/// principal term: the leap month's offset.
int leap_offset(long a) {
  const long k = lunation_of(a);
  int last = sun_sector(new_moon_day(k + 1));
  for (int i = 1; i < 14; ++i) {
    const int next = sun_sector(new_moon_day(k + i + 1));
    if (next == last) return i;
    last = next;
  }
  return 14;
}

}  // namespace

LunarDate to_lunar(Date day) {
  const long n = julian_day(day);
  long k = lunation_near(n);
  long start = new_moon_day(k + 1);
  if (start > n) start = new_moon_day(k);
  if (start > n) start = new_moon_day(k - 1);
  const int y = static_cast<int>(date::year_month_day{day}.year());
  long a = month11(y), b = 0;
  int lunar_year = 0;
  if (a >= start) {
    lunar_year = y;
    a = month11(y - 1);
    b = month11(y);
  } else {
    lunar_year = y + 1;
    b = month11(y + 1);
  }
  LunarDate out;
  out.day = static_cast<int>(n - start + 1);
  const int diff = static_cast<int>((start - a) / 29);
  int month = diff + 11;
  if (b - a > 365) {
    const int leap = leap_offset(a);
    if (diff >= leap) {
      month = diff + 10;
      out.leap = diff == leap;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunar_year -= 1;
  out.month = month;
  out.year = lunar_year;
  return out;
}

std::optional<Date> from_lunar(const LunarDate& lunar) {
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return std::nullopt;
  long a = 0, b = 0;
  if (lunar.month < 11) {
    a = month11(lunar.year - 1);
    b = month11(lunar.year);
  } else {
    a = month11(lunar.year);
    b = month11(lunar.year + 1);
  }
  const long k = lunation_of(a);
  int offset = (lunar.month - 11 + 12) % 12;
  if (b - a > 365) {
    const int leap = leap_offset(a);
    int leap_number = (leap - 2 + 12) % 12;
    if (leap_number == 0) leap_number = 12;
    if (lunar.leap && lunar.month != leap_number) return std::nullopt;
    if (lunar.leap || offset >= leap) ++offset;
  } else if (lunar.leap) {
    return std::nullopt;
  }
  const long start = new_moon_day(k + offset);
  const long next = new_moon_day(k + offset + 1);
  if (start + lunar.day - 1 >= next) return std::nullopt;  // no day 30 this month
  return from_julian_day(start + lunar.day - 1);
}

Date tet(int year) {
  return *from_lunar({1, 1, year, false});
}

int leap_month(int year) {
  const long a = month11(year - 1), b = month11(year);
  if (b - a <= 365) return 0;
  const int leap = (leap_offset(a) - 2 + 12) % 12;
  return leap == 0 ? 12 : leap;
}

namespace {

const std::array<const char*, 10> kStems{"Giáp", "Ất",   "Bính", "Đinh", "Mậu",
                                         "Kỷ",   "Canh", "Tân",  "Nhâm", "Quý"};
const std::array<const char*, 12> kBranches{"Tý",  "Sửu", "Dần",  "Mão", "Thìn", "Tỵ",
                                            "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

}  // namespace

std::string year_name(int year) {
  // 1984 was Giáp Tý.
  const int stem = ((year - 1984) % 10 + 10) % 10;
  const int branch = ((year - 1984) % 12 + 12) % 12;
  return std::string(kStems[static_cast<std::size_t>(stem)]) + " " +
         kBranches[static_cast<std::size_t>(branch)];
}

}  // namespace tiendo

#include "text/text_fold.hpp"

namespace tiendo {

std::optional<int> year_from_name(std::string_view name, int around) {
  const auto wanted = detail::fold(name);
  std::optional<int> best;
  for (int y = around - 30; y <= around + 30; ++y) {
    if (detail::fold(year_name(y)) != wanted) continue;
    if (!best || std::abs(y - around) < std::abs(*best - around)) best = y;
  }
  return best;
}

}  // namespace tiendo
