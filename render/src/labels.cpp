#include "labels.hpp"

namespace tiendo::render::labels {

const Words& words(Lang lang) {
  static const Words vi{"STT",
                        "Nội dung",
                        "Người phụ trách",
                        "Đơn vị chủ trì",
                        "Lập ngày",
                        "Ngày báo cáo",
                        "Trang",
                        "Họp",
                        "Đường găng",
                        "Thời gian dự trữ",
                        "Mốc",
                        "Duyệt tại kỳ họp",
                        "Hạn hoàn thành",
                        "Sự kiện",
                        "Kỳ họp",
                        "Ngày nghỉ cuối tuần",
                        "Ngày lễ, ngày nghỉ",
                        "Vướng mắc (số theo báo cáo)",
                        "Nhiệm vụ (tổng hợp)",
                        "(chưa phân công)",
                        "TG",
                        "DT",
                        "Sớm",
                        "Muộn",
                        "Liên kết (phụ thuộc)",
                        "Mũi tên: chỉ các liên kết quyết định",
                        "Mũi tên: chỉ các liên kết găng",
                        "Liên kết găng",
                        "Nhóm nhiệm vụ",
                        "Đã hoàn thành",
                        "Đang thực hiện",
                        "Kế hoạch gốc",
                        "Các nhiệm vụ khác (rút gọn)"};
  static const Words en{"No.",
                        "Task",
                        "In charge",
                        "Lead unit",
                        "Made",
                        "Status date",
                        "Page",
                        "Meeting",
                        "Critical",
                        "Float",
                        "Milestone",
                        "Approval at a meeting",
                        "Deadline",
                        "Event",
                        "Committee meeting",
                        "Weekend",
                        "Holiday, day off",
                        "Conflict (number as in the report)",
                        "Task (summary)",
                        "(unassigned)",
                        "Dur",
                        "TF",
                        "Early",
                        "Late",
                        "Dependency",
                        "Arrows: driving links only",
                        "Arrows: critical links only",
                        "Critical link",
                        "Task group",
                        "Done",
                        "Under way",
                        "Baseline",
                        "Other tasks (summarised)"};
  return lang == Lang::en ? en : vi;
}

std::string kind_name(StepKind kind, Lang lang) {
  const bool en = lang == Lang::en;
  switch (kind) {
    case StepKind::draft:
      return en ? "Drafting" : "Xây dựng, dự thảo";
    case StepKind::approval:
      return en ? "Approval" : "Trình duyệt";
    case StepKind::production:
      return en ? "Production" : "Sản xuất, thực hiện";
    case StepKind::broadcast:
      return en ? "Broadcast, publication" : "Phát sóng, xuất bản";
    case StepKind::event:
      return en ? "Event" : "Tổ chức sự kiện";
    case StepKind::milestone:
      return en ? "Milestone" : "Mốc";
    case StepKind::other:
      return en ? "Other work" : "Công việc khác";
  }
  return "";
}

namespace {

const char* const kMonthsEn[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
const char* const kRoman[] = {"I", "II", "III", "IV"};

}  // namespace

std::string month(date::year_month ym, Lang lang, int level) {
  const auto m = static_cast<unsigned>(ym.month());
  const auto y = std::to_string(static_cast<int>(ym.year()));
  if (lang == Lang::en) {
    const std::string name = kMonthsEn[m - 1];
    switch (level) {
      case 0:
        return name + " " + y;
      case 1:
        return name.substr(0, 3) + " " + y;
      case 2:
        return name.substr(0, 3);
      default:
        return std::to_string(m);
    }
  }
  switch (level) {
    case 0:
      return "Tháng " + std::to_string(m) + "/" + y;
    case 1:
      return 'T' + std::to_string(m) + "/" + y;
    case 2:
      return 'T' + std::to_string(m);
    default:
      return std::to_string(m);
  }
}

std::string quarter(date::year y, unsigned q, Lang lang, int level) {
  const auto year = std::to_string(static_cast<int>(y));
  if (lang == Lang::en)
    return level == 0 ? 'Q' + std::to_string(q) + " " + year : 'Q' + std::to_string(q);
  return level == 0 ? std::string("Quý ") + kRoman[q - 1] + "/" + year
                    : std::string("Quý ") + kRoman[q - 1];
}

std::string weekday(Weekday wd, Lang lang) {
  static const char* const en[] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};  // narrow columns
  return lang == Lang::en ? en[wd.c_encoding()] : std::string(weekday_vn(wd));
}

std::string day_month(Date d) {
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + "/" +
         std::to_string(static_cast<unsigned>(ymd.month()));
}

}  // namespace tiendo::render::labels
