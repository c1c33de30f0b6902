// `tiendo calendar vn YEAR`: every non-working day of a year, and why.
#include <tiendo/report.hpp>
#include <tiendo/vn_calendar.hpp>

#include <map>

#include "reports/json_writer.hpp"
#include "text/utf8.hpp"

namespace tiendo {

namespace {

struct Row {
  Date date{};
  std::string name;
  std::string reason;
  std::string note;
};

const char* reason_code(DayOffReason r) {
  switch (r) {
    case DayOffReason::weekly:
      return "weekly";
    case DayOffReason::holiday:
      return "holiday";
    case DayOffReason::compensatory:
      return "compensatory";
    case DayOffReason::announced:
      return "announced";
  }
  return "holiday";
}

std::string reason_text(const std::string& code, Lang lang) {
  const bool en = lang == Lang::en;
  if (code == "weekly") return en ? "weekly day off" : "nghỉ hằng tuần";
  if (code == "holiday") return en ? "public holiday" : "ngày lễ, Tết";
  if (code == "compensatory") return en ? "compensatory day off" : "nghỉ bù";
  return en ? "announced day off (swap or bridge)" : "nghỉ theo thông báo (hoán đổi)";
}

std::string weekday_vi(Date d) {
  return std::string(weekday_vn(Weekday{d}));
}

std::string weekday_en(Date d) {
  static const char* const names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[Weekday{d}.c_encoding()];
}

/// Every day off of the year, weekends included, in date order.
std::vector<Row> rows_of(const VietnamYear& vy, Lang lang) {
  std::map<Date, Row> rows;
  const Date first{date::year{vy.year} / date::January / 1};
  const Date last{date::year{vy.year} / date::December / 31};
  std::map<Date, bool> worked;
  for (const auto& w : vy.working_days) worked[w.date] = true;
  for (Date d = first; d <= last; d += date::days{1}) {
    const Weekday wd{d};
    if ((wd == date::Saturday || wd == date::Sunday) && !worked.count(d)) {
      rows[d] = {d,
                 lang == Lang::en ? (wd == date::Saturday ? "Saturday" : "Sunday")
                                  : (wd == date::Saturday ? "Thứ Bảy" : "Chủ nhật"),
                 "weekly",
                 {}};
    }
  }
  for (const auto& day : vy.days_off) {
    rows[day.date] = {day.date, lang == Lang::en ? day.name_en : day.name_vi,
                      reason_code(day.reason), day.note};
  }
  std::vector<Row> out;
  for (auto& [d, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace

std::string calendar_text(int year, Lang lang) {
  const auto vy = vietnam_year(year);
  const bool en = lang == Lang::en;
  const auto [lo, hi] = vietnam_announced_years();
  std::string out = en ? "Vietnam, " + std::to_string(year) + ": days off\n"
                       : "Lịch nghỉ Việt Nam năm " + std::to_string(year) + "\n";
  const auto list = [](const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
    return s;
  };
  if (!vy.announced.empty()) {
    out += (en ? "from the government's announcements: " : "theo thông báo của Chính phủ: ") +
           list(vy.announced) + "\n";
  }
  if (!vy.by_rule.empty()) {
    out += (en ? "by the Labour Code's rule (no announcement shipped for this year; tiendo has "
               : "theo quy tắc của Bộ luật Lao động (chưa có thông báo cho năm này; tiendo có ") +
           std::to_string(lo) + "–" + std::to_string(hi) + "): " + list(vy.by_rule) + "\n";
  }
  out += "\n";
  const auto rows = rows_of(vy, lang);
  int width = 0;
  for (const auto& r : rows) width = std::max(width, detail::utf8_length(r.name));
  for (const auto& r : rows) {
    const auto name =
        r.name + std::string(static_cast<std::size_t>(width - detail::utf8_length(r.name)), ' ');
    out += format_iso(r.date) + "  " + (en ? weekday_en(r.date) : weekday_vi(r.date)) + "  " +
           name + "  " + reason_text(r.reason, lang);
    if (!r.note.empty()) out += " — " + r.note;
    out += "\n";
  }
  out += '\n' + std::string(en ? "Working days in exchange (làm bù):" : "Ngày làm bù:");
  if (vy.working_days.empty()) out += en ? " none" : " không có";
  out += "\n";
  for (const auto& w : vy.working_days) {
    out += format_iso(w.date) + "  " + (en ? weekday_en(w.date) : weekday_vi(w.date)) + "  " +
           (en ? w.name_en : w.name_vi) + (w.note.empty() ? "" : " — " + w.note) + "\n";
  }
  out += '\n' + std::to_string(rows.size()) + (en ? " days off, " : " ngày nghỉ, ") +
         std::to_string(vy.working_days.size()) +
         (en ? " swapped working days\n" : " ngày làm bù\n");
  return out;
}

std::string calendar_json(int year, Lang lang) {
  const auto vy = vietnam_year(year);
  detail::JsonWriter w;
  w.begin_object()
      .member("format", "tiendo-calendar-1")
      .member("calendar", "vn")
      .member("year", year)
      .member("announced", vy.announced)
      .member("by_rule", vy.by_rule);
  w.key("days_off").begin_array();
  for (const auto& r : rows_of(vy, lang)) {
    w.begin_object()
        .member("date", format_iso(r.date))
        .member("weekday", weekday_en(r.date))
        .member("name", r.name)
        .member("reason", r.reason)
        .member("note", r.note)
        .end_object();
  }
  w.end_array().key("working_days").begin_array();
  for (const auto& day : vy.working_days) {
    w.begin_object()
        .member("date", format_iso(day.date))
        .member("weekday", weekday_en(day.date))
        .member("name", lang == Lang::en ? day.name_en : day.name_vi)
        .member("note", day.note)
        .end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

}  // namespace tiendo
