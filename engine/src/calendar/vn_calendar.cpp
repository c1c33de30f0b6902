// Vietnam's holiday calendar: the statutory days by rule, compensatory days,
// and the announced periods of data/vn_days_off.tsv where they exist.
#include <tiendo/lunar.hpp>
#include <tiendo/vn_calendar.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "vn_days_off_data.hpp"

namespace tiendo {

namespace {

struct Holiday {
  const char* key;
  const char* name_vi;
  const char* name_en;
};

constexpr Holiday kNewYear{"tet-duong-lich", "Tết Dương lịch", "New Year's Day"};
constexpr Holiday kTet{"tet", "Tết Nguyên đán", "Lunar New Year (Tết)"};
constexpr Holiday kHungKings{"gio-to", "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration"};
constexpr Holiday kReunification{"30-4", "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"};
constexpr Holiday kLabour{"30-4", "Ngày Quốc tế Lao động (1/5)",
                          "International Labour Day (1 May)"};
constexpr Holiday kNational{"quoc-khanh", "Quốc khánh", "National Day"};

struct DataRow {
  int year = 0;
  std::string holiday;
  bool off = true;
  Date from{}, to{};
  std::string note;
};

const std::vector<DataRow>& data_rows() {
  static const std::vector<DataRow> rows = [] {
    std::vector<DataRow> out;
    std::istringstream in{std::string(kVietnamDaysOffTsv)};
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields;
      std::string field;
      std::istringstream cells(line);
      while (std::getline(cells, field, '\t')) fields.push_back(field);
      if (fields.size() < 5) continue;
      DataRow row;
      row.year = std::stoi(fields[0]);
      row.holiday = fields[1];
      row.off = fields[2] == "off";
      row.from = *parse_iso_date(fields[3]);
      row.to = *parse_iso_date(fields[4]);
      if (fields.size() > 5) row.note = fields[5];
      out.push_back(row);
    }
    return out;
  }();
  return rows;
}

bool weekend(Date d) {
  const Weekday wd{d};
  return wd == date::Saturday || wd == date::Sunday;
}

/// The statutory days of `year` by rule, with the holiday each belongs to.
std::vector<std::pair<Date, const Holiday*>> statutory(int year) {
  std::vector<std::pair<Date, const Holiday*>> days;
  const auto ymd = [&](unsigned m, unsigned d) {
    return Date{date::year{year} / date::month{m} / date::day{d}};
  };
  days.emplace_back(ymd(1, 1), &kNewYear);
  // Tết: five days. The Prime Minister picks the split each year; the rule
  // takes two days before mùng 1 and three from it (2020, 2021, 2024, 2025).
  const Date first = tet(year);
  for (int i = -2; i <= 2; ++i) days.emplace_back(first + date::days{i}, &kTet);
  if (const auto hung = from_lunar({10, 3, year, false})) days.emplace_back(*hung, &kHungKings);
  days.emplace_back(ymd(4, 30), &kReunification);
  days.emplace_back(ymd(5, 1), &kLabour);
  days.emplace_back(ymd(9, 2), &kNational);
  if (year >= 2021) {
    // Labour Code 2019: a second day beside 2/9, the one that joins the
    // weekend (as every announced year since 2021 chose).
    const auto wd = Weekday{ymd(9, 2)}.c_encoding();  // 0 = Sunday
    const bool after = wd == 0 || wd == 1 || wd == 4;
    days.emplace_back(after ? ymd(9, 3) : ymd(9, 1), &kNational);
  }
  std::sort(days.begin(), days.end());
  return days;
}

}  // namespace

std::pair<int, int> vietnam_announced_years() {
  int lo = 9999, hi = 0;
  for (const auto& row : data_rows()) {
    lo = std::min(lo, row.year);
    hi = std::max(hi, row.year);
  }
  return {lo, hi};
}

VietnamYear vietnam_year(int year) {
  VietnamYear out;
  out.year = year;
  std::set<std::string> announced;
  for (const auto& row : data_rows()) {
    if (row.year == year) announced.insert(row.holiday);
  }
  const Date first{date::year{year} / date::January / 1};
  const Date last{date::year{year} / date::December / 31};
  std::map<Date, NamedDay> off;

  // Announced spans (of this year's rows, and of next year's that start in
  // this one, as 31/12/2022 did).
  const auto statutory_this = statutory(year);
  const auto statutory_next = statutory(year + 1);
  for (const auto& row : data_rows()) {
    if (row.year != year && row.year != year + 1) continue;
    for (Date d = row.from; d <= row.to; d += date::days{1}) {
      if (d < first || d > last) continue;
      const Holiday* h = nullptr;
      for (const auto* list : {&statutory_this, &statutory_next}) {
        for (const auto& [day, holiday] : *list) {
          if (day == d && holiday->key == row.holiday) h = holiday;
        }
      }
      const Holiday* group = nullptr;
      for (const auto* g : {&kNewYear, &kTet, &kHungKings, &kReunification, &kNational}) {
        if (g->key == row.holiday) group = g;
      }
      if (!row.off) {
        out.working_days.push_back({d, "Ngày làm bù (" + std::string(group->name_vi) + ")",
                                    std::string("Working day in exchange (") + group->name_en + ")",
                                    DayOffReason::announced, row.note});
        continue;
      }
      if (weekend(d) && h == nullptr) continue;  // a weekend inside the period
      if (h != nullptr) {
        off[d] = {d, h->name_vi, h->name_en, DayOffReason::holiday, row.note};
      } else {
        off[d] = {d, std::string("Nghỉ theo thông báo (") + group->name_vi + ")",
                  std::string("Announced day off (") + group->name_en + ")",
                  DayOffReason::announced, row.note};
      }
    }
  }

  // The rule for the holidays without data, then compensatory days in order.
  std::vector<std::pair<Date, const Holiday*>> by_rule;
  for (const auto& [d, h] : statutory_this) {
    if (announced.count(h->key) == 0 && d >= first && d <= last) by_rule.emplace_back(d, h);
  }
  for (const auto& [d, h] : by_rule)
    off.emplace(d, NamedDay{d, h->name_vi, h->name_en, DayOffReason::holiday, {}});
  for (const auto& [d, h] : by_rule) {
    if (!weekend(d)) continue;
    Date next = d + date::days{1};
    while (weekend(next) || off.count(next) != 0) next += date::days{1};
    if (next > last) continue;
    off[next] = {next, "Nghỉ bù " + std::string(h->name_vi),
                 std::string("In lieu of ") + h->name_en, DayOffReason::compensatory,
                 "Điều 111 khoản 3, Bộ luật Lao động 2019"};
  }
  for (auto& [d, day] : off) out.days_off.push_back(day);
  std::sort(out.working_days.begin(), out.working_days.end(),
            [](const NamedDay& a, const NamedDay& b) { return a.date < b.date; });
  for (const auto* h : {&kNewYear, &kTet, &kHungKings, &kReunification, &kNational}) {
    (announced.count(h->key) ? out.announced : out.by_rule).push_back(h->key);
  }
  return out;
}

}  // namespace tiendo
