#pragma once
// Every word the charts print, in Vietnamese and English.

#include <tiendo/calendar.hpp>
#include <tiendo/plan.hpp>
#include <tiendo/report.hpp>

#include <string>

namespace tiendo::render::labels {

struct Words {
  const char* number;
  const char* name;
  const char* owner;
  const char* lead;
  const char* created;  ///< "Lập ngày" before the generation date
  const char* status;   ///< "Ngày báo cáo"
  const char* page;     ///< "Trang"
  const char* meeting;  ///< "Họp"
  const char* critical;
  const char* floating;
  const char* milestone;
  const char* approval;
  const char* deadline;
  const char* event;
  const char* meeting_line;
  const char* weekend;
  const char* holiday;
  const char* conflict;
  const char* summary;
  const char* unassigned;
  const char* duration;
  const char* total_float;
  const char* early;
  const char* late;
  const char* links_all;       ///< the legend's arrow when every link is drawn
  const char* links_driving;   ///< ... when only the driving links are
  const char* links_critical;  ///< ... when only the critical path's are
  const char* critical_links;  ///< the critical path's arrows, among others drawn
  const char* group;           ///< a plan group's bar
  const char* done;            ///< a finished step's fill
  const char* underway;        ///< a step under way: done part, then the rest
  const char* baseline;        ///< the baseline's bar
  const char* others;          ///< a slide's heading over the tasks summarised
};

const Words& words(Lang lang);

/// "Bản thảo" / "Draft" and so on.
std::string kind_name(StepKind kind, Lang lang);

/// Month label at decreasing widths: level 0 "Tháng 10/2024", 1 "T10/2024",
/// 2 "T10", 3 "10" (en: "October 2024", "Oct 2024", "Oct", "10").
std::string month(date::year_month ym, Lang lang, int level);
/// "Quý IV/2024" / "Q4 2024" (level 0), "Quý IV" / "Q4" (level 1).
std::string quarter(date::year y, unsigned q, Lang lang, int level);
/// "T2" … "CN" / "Mo" … "Su".
std::string weekday(Weekday wd, Lang lang);
/// "28/5" (both languages: day/month, as the plans write them).
std::string day_month(Date d);

}  // namespace tiendo::render::labels
