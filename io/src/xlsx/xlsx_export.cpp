// Excel with libxlsxwriter. The library writes to a file only (1.1.4 has no
// memory output), so the workbook goes to a private temporary directory and
// its bytes are read back; the caller writes them atomically where asked.
#include <tiendo/io/xlsx.hpp>

#include "plan_text.hpp"
#include "xml_text.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <system_error>

namespace tiendo::io {

namespace {

/// A text cell: control characters (a name pasted with a vertical tab) are
/// spaces, as in the other exports, not OOXML's "_x000B_" escapes that a
/// reader may show as they are; line breaks and tabs stay.
lxw_error write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* text,
                     lxw_format* format) {
  return worksheet_write_string(sheet, row, column, xml_safe(text, true).c_str(), format);
}

namespace fs = std::filesystem;

/// A directory of our own under the system's temporary directory, removed
/// with everything in it when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    auto pattern = (fs::temp_directory_path() / "tiendo-xlsx-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The workbook; workbook_close (which writes the file and frees it) runs
/// exactly once, on close() or when an error leaves it unwritten.
class Workbook {
 public:
  explicit Workbook(const fs::path& file) : book_(workbook_new(file.c_str())) {}
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  lxw_workbook* get() const { return book_; }
  lxw_error close() {
    const auto error = workbook_close(book_);
    book_ = nullptr;
    return error;
  }

 private:
  lxw_workbook* book_;
};

lxw_datetime excel_day(Date day) {
  const date::year_month_day ymd(day);
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          0,
          0,
          0.0};
}

constexpr lxw_color_t kCriticalFill = 0xF8CBAD;
constexpr lxw_color_t kBarFill = 0x5B9BD5;
constexpr lxw_color_t kCriticalBarFill = 0xC00000;
constexpr lxw_color_t kDayOffFill = 0xE7E6E6;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;

/// The formats of one workbook: plain and on a critical row.
struct Formats {
  lxw_format* header;
  lxw_format* text[2];
  lxw_format* day[2];
  lxw_format* number[2];
  lxw_format* bar[2];
  lxw_format* day_off;
  lxw_format* axis;

  explicit Formats(lxw_workbook* book) {
    header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, kHeaderFill);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    for (int critical = 0; critical < 2; ++critical) {
      text[critical] = workbook_add_format(book);
      day[critical] = workbook_add_format(book);
      number[critical] = workbook_add_format(book);
      format_set_num_format(day[critical], "dd/mm/yyyy");
      bar[critical] = workbook_add_format(book);
      format_set_bg_color(bar[critical], critical ? kCriticalBarFill : kBarFill);
      if (critical) {
        for (auto* f : {text[1], day[1], number[1]}) format_set_bg_color(f, kCriticalFill);
      }
    }
    day_off = workbook_add_format(book);
    format_set_bg_color(day_off, kDayOffFill);
    axis = workbook_add_format(book);
    format_set_num_format(axis, "dd/mm");
    format_set_bold(axis);
    format_set_rotation(axis, 90);
    format_set_bg_color(axis, kHeaderFill);
  }
};

/// The earliest date a step is due by (its own and its task's `due` and windows).
/// The earliest day the step must be finished by, from all its constraints.
std::optional<Date> earliest_deadline(const DependencyGraph& graph, NodeId v) {
  std::optional<Date> due;
  for (auto i = graph.constraint_begin[v]; i < graph.constraint_begin[v + 1]; ++i) {
    const auto day = deadline_of(graph.constraints[i]);
    if (day && (!due || *day < *due)) due = day;
  }
  return due;
}

struct Writer {
  const Analysis& analysis;
  Lang lang;
  lxw_workbook* book;
  Formats formats{book};

  const Plan& plan() const { return *analysis.plan; }
  const DependencyGraph& graph() const { return *analysis.graph; }
  const Schedule& schedule() const { return *analysis.schedule; }
  bool vi() const { return lang == Lang::vi; }

  /// "1" for a one-step task, else "1.2": the task's place and the step's.
  std::string number(NodeId v) const {
    const auto& ref = graph().nodes[v];
    auto out = std::to_string(ref.task + 1);
    if (plan().tasks[ref.task].steps.size() > 1) out += "." + std::to_string(ref.step + 1);
    return out;
  }

  void header(lxw_worksheet* sheet, const std::vector<std::string>& names) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      write_text(sheet, 0, static_cast<lxw_col_t>(c), names[c].c_str(), formats.header);
    }
    worksheet_freeze_panes(sheet, 1, 0);
  }

  void schedule_sheet() {
    auto* sheet = workbook_add_worksheet(book, vi() ? "Tiến độ" : "Schedule");
    std::vector<std::string> names =
        vi() ? std::vector<std::string>{"STT",
                                        "Nhiệm vụ",
                                        "Bước",
                                        "Người phụ trách",
                                        "Đơn vị chủ trì",
                                        "Bắt đầu",
                                        "Kết thúc",
                                        "Bắt đầu muộn nhất",
                                        "Kết thúc muộn nhất",
                                        "Dự trữ (ngày)",
                                        "Găng",
                                        "Hạn",
                                        "Trạng thái"}
             : std::vector<std::string>{
                   "No.",      "Task",     "Step",       "In charge",   "Lead unit",
                   "Start",    "Finish",   "Late start", "Late finish", "Total float (days)",
                   "Critical", "Deadline", "Status"};
    // With progress (a status date), where each step stands and its actual
    // dates, after the columns every sheet has.
    const bool progress = schedule().status_date.has_value();
    if (progress) {
      for (const char* name :
           vi() ? std::vector<const char*>{"Tiến độ", "Bắt đầu thực tế", "Kết thúc thực tế"}
                : std::vector<const char*>{"Progress", "Actual start", "Actual finish"}) {
        names.emplace_back(name);
      }
    }
    header(sheet, names);
    const std::vector<double> widths{6, 40, 36, 22, 26, 11, 11, 11, 11, 9, 7, 11, 11, 12, 11, 11};
    for (std::size_t c = 0; c < names.size(); ++c) {
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
    }
    lxw_row_t row = 0;
    for (NodeId v = 0; v < graph().size(); ++v) {
      const auto& task = plan().tasks[graph().nodes[v].task];
      const auto& step = graph().step(plan(), v);
      const auto& s = schedule().steps[v];
      const int k = s.critical ? 1 : 0;
      ++row;
      const auto text = [&](lxw_col_t c, const std::string& value) {
        write_text(sheet, row, c, value.c_str(), formats.text[k]);
      };
      const auto day = [&](lxw_col_t c, Date value) {
        auto dt = excel_day(value);
        worksheet_write_datetime(sheet, row, c, &dt, formats.day[k]);
      };
      text(0, number(v));
      text(1, task.name);
      text(2, task.steps.size() == 1 && step.name == task.name ? std::string() : step.name);
      text(3, task.owner.empty() ? std::string() : person_name(plan(), task.owner));
      text(4, task.lead.empty() ? std::string() : unit_name(plan(), task.lead));
      day(5, s.start);
      day(6, std::max(s.start, s.finish));
      day(7, s.late_start);
      day(8, std::max(s.late_start, s.late_finish));
      worksheet_write_number(sheet, row, 9, s.total_float, formats.number[k]);
      text(10, s.critical ? (vi() ? "có" : "yes") : (vi() ? "không" : "no"));
      if (const auto due = earliest_deadline(graph(), v)) {
        day(11, *due);
      } else {
        worksheet_write_blank(sheet, row, 11, formats.text[k]);
      }
      text(12, std::string(to_string(step_status(analysis, step.id), lang)));
      if (progress) {
        text(13, progress_text(step, s));
        const auto actual = [&](lxw_col_t c, const std::optional<Date>& value) {
          if (value) {
            day(c, *value);
          } else {
            worksheet_write_blank(sheet, row, c, formats.text[k]);
          }
        };
        actual(14, step.progress.started);
        actual(15, step.progress.done);
      }
    }
    worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(names.size() - 1));
  }

  /// "xong", "60%", "đang làm", "": as the status report words it.
  std::string progress_text(const Step& step, const ScheduledStep& s) const {
    if (s.finished) return vi() ? "xong" : "done";
    if (!s.in_progress) return {};
    if (step.progress.percent) return std::to_string(*step.progress.percent) + "%";
    return vi() ? "đang làm" : "under way";
  }

  void findings_sheet() {
    auto* sheet = workbook_add_worksheet(book, vi() ? "Vấn đề" : "Findings");
    const std::vector<std::string> names =
        vi() ? std::vector<std::string>{"#",        "Mức độ", "Loại", "Bước", "Thiếu (ngày)",
                                        "Nội dung", "Dòng"}
             : std::vector<std::string>{"#",       "Severity", "Kind", "Steps", "Shortfall (days)",
                                        "Message", "Line"};
    header(sheet, names);
    const std::vector<double> widths{5, 10, 24, 36, 10, 90, 7};
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
    }
    lxw_row_t row = 0;
    for (const auto& f : analysis.findings) {
      ++row;
      const int k = f.severity == Severity::error ? 1 : 0;
      std::string steps;
      for (const auto& id : f.steps) steps += (steps.empty() ? "" : ", ") + id;
      worksheet_write_number(sheet, row, 0, row, formats.number[k]);
      write_text(sheet, row, 1, std::string(to_string(f.severity)).c_str(),
                             formats.text[k]);
      write_text(sheet, row, 2, f.kind.c_str(), formats.text[k]);
      write_text(sheet, row, 3, steps.c_str(), formats.text[k]);
      worksheet_write_number(sheet, row, 4, f.shortfall, formats.number[k]);
      write_text(sheet, row, 5, f.message(vi() ? "vi" : "en").c_str(), formats.text[k]);
      if (f.where.known()) worksheet_write_number(sheet, row, 6, f.where.line, formats.number[k]);
    }
    if (row > 0) worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(names.size() - 1));
  }

  /// Day columns for up to half a year, else weeks (Monday to Sunday).
  void gantt_sheet() {
    auto* sheet = workbook_add_worksheet(book, "Gantt");
    Date first = schedule().start;
    Date last = schedule().finish;
    for (const auto& s : schedule().steps) {
      first = std::min(first, s.start);
      last = std::max({last, s.start, s.finish});
    }
    const bool by_day = (last - first).count() < 184;
    if (!by_day) first -= (date::weekday(first) - date::Monday);
    const int span = by_day ? 1 : 7;
    const auto columns = static_cast<int>((last - first).count()) / span + 1;
    constexpr lxw_col_t kFirst = 2;
    write_text(sheet, 0, 0, vi() ? "STT" : "No.", formats.header);
    write_text(sheet, 0, 1, vi() ? "Nhiệm vụ / bước" : "Task / step", formats.header);
    worksheet_set_column(sheet, 0, 0, 6, nullptr);
    worksheet_set_column(sheet, 1, 1, 50, nullptr);
    worksheet_set_column(sheet, kFirst, static_cast<lxw_col_t>(kFirst + columns - 1), 3, nullptr);
    worksheet_set_row(sheet, 0, 42, nullptr);
    for (int c = 0; c < columns; ++c) {
      auto dt = excel_day(first + date::days{c * span});
      worksheet_write_datetime(sheet, 0, static_cast<lxw_col_t>(kFirst + c), &dt, formats.axis);
    }
    worksheet_freeze_panes(sheet, 1, kFirst);
    for (NodeId v = 0; v < graph().size(); ++v) {
      const auto row = static_cast<lxw_row_t>(v + 1);
      const auto& task = plan().tasks[graph().nodes[v].task];
      const auto& s = schedule().steps[v];
      write_text(sheet, row, 0, number(v).c_str(), nullptr);
      write_text(sheet, row, 1, step_label(task, graph().step(plan(), v)).c_str(),
                             nullptr);
      const Date end = std::max(s.start, s.finish);
      for (int c = 0; c < columns; ++c) {
        const Date from = first + date::days{c * span};
        const Date to = from + date::days{span - 1};
        const auto col = static_cast<lxw_col_t>(kFirst + c);
        if (s.start <= to && end >= from) {
          worksheet_write_blank(sheet, row, col, formats.bar[s.critical ? 1 : 0]);
        } else if (by_day && !schedule().calendar.is_working(from)) {
          worksheet_write_blank(sheet, row, col, formats.day_off);
        }
      }
    }
  }
};

}  // namespace

ExportResult export_xlsx(const Analysis& analysis, const XlsxOptions& options) {
  ExportResult result;
  if (!analysis.ok()) {
    result.error = "the plan has errors: nothing to export";
    return result;
  }
  const TempDir dir;
  if (dir.path().empty()) {
    result.error = "cannot make a temporary directory for the workbook";
    return result;
  }
  const auto file = dir.path() / "plan.xlsx";
  {
    Workbook book(file);
    if (book.get() == nullptr) {
      result.error = "libxlsxwriter could not start a workbook";
      return result;
    }
    Writer writer{analysis, options.lang, book.get()};
    writer.schedule_sheet();
    writer.findings_sheet();
    writer.gantt_sheet();
    if (const auto error = book.close(); error != LXW_NO_ERROR) {
      result.error =
          std::string("libxlsxwriter could not write the workbook: ") + lxw_strerror(error);
      return result;
    }
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    result.error = "cannot read back the workbook written";
    return result;
  }
  result.bytes = std::move(bytes).str();
  return result;
}

}  // namespace tiendo::io
