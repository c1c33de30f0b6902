// MSPDI in, with pugixml: the project's calendar, its tasks (level-1 tasks
// become tiendo tasks, what is below them their steps), links, constraints,
// deadlines and who is in charge, written as a plan through the documents
// library's YAML writer. Every value that cannot be said exactly in tiendo's
// terms (hours, elapsed lags, shifts, recurring exceptions) is rounded with a
// warning naming the element and its line; what cannot be read at all (bad
// XML, unknown link types or lag formats) is an error, and nothing is written.
#include <tiendo/documents/yaml_writer.hpp>
#include <tiendo/io/mspdi.hpp>

#include "mspdi/mspdi_fields.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace tiendo::io {

namespace {

using documents::import::yaml_scalar;
using documents::import::YamlWriter;
using namespace mspdi;

/// Bounds a hostile file cannot pass.
constexpr std::size_t kMaxTasks = 1'000'000;
constexpr double kMaxDays = 100.0 * 366;
constexpr long kMaxExceptionDays = 100'000;

/// Line and column of a byte offset (lines counted once, on first use).
class Lines {
 public:
  explicit Lines(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  SourceLocation at(std::ptrdiff_t offset) const {
    if (offset < 0) return {};
    const auto it =
        std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
    const auto line = static_cast<int>(it - starts_.begin());
    return {line, static_cast<int>(static_cast<std::size_t>(offset) - *(it - 1)) + 1, 1};
  }

 private:
  std::vector<std::size_t> starts_;
};

/// A date and time of day as MSPDI writes them: 2024-05-28T08:00:00.
struct DateTime {
  Date day{};
  int minutes = 0;  ///< since midnight
};

std::optional<int> to_int(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < -2'000'000'000LL || value > 2'000'000'000LL) return std::nullopt;
  return static_cast<int>(value);
}

std::optional<DateTime> to_datetime(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  const auto day = parse_iso_date(text.substr(0, 10));
  if (!day) return std::nullopt;
  DateTime out{*day, 0};
  if (text.size() >= 16 && text[10] == 'T') {
    const auto h = to_int(text.substr(11, 2));
    const auto m = to_int(text.substr(14, 2));
    if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
    out.minutes = *h * 60 + *m;
  }
  return out;
}

/// An xsd:duration as MSPDI writes it (PT8H0M0S; days and fractions too),
/// in minutes; nullopt for years or months, whose length is not fixed.
std::optional<double> to_minutes(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty() || text.front() != 'P') return std::nullopt;
  text.remove_prefix(1);
  double minutes = 0;
  bool in_time = false;
  bool any = false;
  while (!text.empty()) {
    if (text.front() == 'T') {
      in_time = true;
      text.remove_prefix(1);
      continue;
    }
    std::size_t n = 0;
    while (n < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[n])) || text[n] == '.')) {
      ++n;
    }
    if (n == 0 || n == text.size()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + n, value);
    if (ec != std::errc() || end != text.data() + n) return std::nullopt;
    const char unit = text[n];
    text.remove_prefix(n + 1);
    any = true;
    if (!in_time && unit == 'D') {
      minutes += value * 24 * 60;
    } else if (in_time && unit == 'H') {
      minutes += value * 60;
    } else if (in_time && unit == 'M') {
      minutes += value;
    } else if (in_time && unit == 'S') {
      minutes += value / 60;
    } else {
      return std::nullopt;
    }
  }
  if (!any || !std::isfinite(minutes)) return std::nullopt;
  return negative ? -minutes : minutes;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

std::string weekday_name(int day_type) {
  static constexpr const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  return names[day_type - 1];
}

/// A file's name without its folders and extension.
std::string stem(std::string_view path) {
  if (const auto slash = path.find_last_of('/'); slash != std::string_view::npos) {
    path.remove_prefix(slash + 1);
  }
  if (const auto dot = path.rfind('.'); dot != std::string_view::npos && dot > 0) {
    path = path.substr(0, dot);
  }
  return path.empty() ? "mspdi" : std::string(path);
}

/// One <Task> of the file, as read.
struct Item {
  pugi::xml_node node;
  int uid = 0;
  int level = 1;
  bool summary = false;
  std::string id;  ///< tiendo's id: a task's, or a step's local one
  std::string name;
  std::optional<std::size_t> parent;  ///< the level-1 task a step belongs to
  bool dropped = false;               ///< a summary below level 1: flattened away
  // Progress, as MS Project tracks it (<ActualStart>, <ActualFinish>,
  // <PercentComplete>); kept only where tiendo reads it the same way.
  std::optional<Date> started, done;
  std::optional<int> percent;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view file_name)
      : bytes_(bytes), name_(file_name), lines_(bytes) {}

  ImportResult read() {
    const auto parsed =
        doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
      auto where = lines_.at(parsed.offset);
      error(where, "malformed XML: " + std::string(parsed.description()), "mspdi-xml");
      return std::move(result_);
    }
    project_ = doc_.document_element();
    if (std::string_view(project_.name()) != "Project") {
      error(project_, "the root element is <" + std::string(project_.name()) +
                          ">, not MS Project's <Project>");
      return std::move(result_);
    }
    minutes_per_day_ = positive(project_, "MinutesPerDay").value_or(kMinutesPerDay);
    start_of_day_ = clock_of(project_.child("DefaultStartTime")).value_or(8 * 60);
    end_of_day_ = clock_of(project_.child("DefaultFinishTime")).value_or(17 * 60);
    read_calendar();
    read_tasks();
    read_progress();
    if (!has_errors(result_.diagnostics)) write();
    if (has_errors(result_.diagnostics)) result_.yaml.clear();
    return std::move(result_);
  }

 private:
  // -- diagnostics ---------------------------------------------------------
  SourceLocation where(pugi::xml_node node) const {
    // pugixml's offset is the element's name; the caret goes under its '<'.
    const auto offset = node.offset_debug();
    auto at = lines_.at(offset > 0 ? offset - 1 : offset);
    at.length = static_cast<int>(std::string_view(node.name()).size()) + 2;
    return at;
  }
  void error(SourceLocation at, std::string message, std::string code = "mspdi-unsupported") {
    result_.diagnostics.push_back(
        {Severity::error, std::move(code), std::move(message), at, {}, {}});
  }
  void error(pugi::xml_node node, std::string message, std::string code = "mspdi-unsupported") {
    error(where(node), std::move(message), std::move(code));
  }
  void warn(pugi::xml_node node, std::string message, std::string code) {
    result_.diagnostics.push_back(
        {Severity::warning, std::move(code), std::move(message), where(node), {}, {}});
  }
  bool too_many_errors() const { return result_.diagnostics.size() > 100; }

  // -- values ---------------------------------------------------------------
  std::optional<int> integer(pugi::xml_node parent, const char* name) {
    const auto child = parent.child(name);
    if (!child) return std::nullopt;
    const auto value = to_int(child.text().get());
    if (!value) error(child, "<" + std::string(name) + "> is not a whole number", "mspdi-value");
    return value;
  }
  std::optional<int> positive(pugi::xml_node parent, const char* name) {
    const auto value = integer(parent, name);
    if (value && *value <= 0) {
      error(parent.child(name), "<" + std::string(name) + "> must be positive", "mspdi-value");
      return std::nullopt;
    }
    return value;
  }
  bool flag(pugi::xml_node parent, const char* name) {
    const std::string_view text = parent.child(name).text().get();
    return text == "1" || text == "true";
  }
  std::optional<DateTime> datetime(pugi::xml_node parent, const char* name) {
    const auto child = parent.child(name);
    if (!child) return std::nullopt;
    const auto value = to_datetime(child.text().get());
    if (!value) {
      error(child,
            "<" + std::string(name) + "> is not a date and time (YYYY-MM-DDThh:mm:ss) from " +
                std::to_string(kFirstYear) + " to " + std::to_string(kLastYear),
            "mspdi-value");
    }
    return value;
  }
  std::optional<int> clock_of(pugi::xml_node node) {
    if (!node) return std::nullopt;
    const std::string_view t = node.text().get();
    const auto h = t.size() >= 5 ? to_int(t.substr(0, 2)) : std::nullopt;
    const auto m = t.size() >= 5 ? to_int(t.substr(3, 2)) : std::nullopt;
    if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) {
      error(node, "<" + std::string(node.name()) + "> is not a time (hh:mm:ss)", "mspdi-value");
      return std::nullopt;
    }
    return *h * 60 + *m;
  }
  /// The day a start time falls in; a start at or after the end of the
  /// working day is the next day's start.
  Date start_day(const DateTime& t) const {
    return t.minutes >= end_of_day_ ? t.day + date::days{1} : t.day;
  }
  /// The day a finish falls in; a finish at or before the day's start is the
  /// previous day's end (MS Project writes 'end of Monday' as Tuesday 08:00).
  Date finish_day(const DateTime& t) const {
    return t.minutes <= start_of_day_ ? t.day - date::days{1} : t.day;
  }

  // -- the calendar ---------------------------------------------------------
  pugi::xml_node calendar_by_uid(int uid) const {
    for (auto c : project_.child("Calendars").children("Calendar")) {
      if (to_int(c.child("UID").text().get()) == uid) return c;
    }
    return {};
  }

  void read_calendar() {
    const auto uid = integer(project_, "CalendarUID");
    auto calendar = uid ? calendar_by_uid(*uid) : project_.child("Calendars").child("Calendar");
    if (!calendar) {
      if (uid) {
        warn(project_.child("CalendarUID"),
             "no <Calendar> has UID " + std::to_string(*uid) +
                 ": Saturday and Sunday are taken as days off",
             "mspdi-calendar");
      }
      return;
    }
    // Week days come from the calendar, else from its base calendar.
    std::set<int> seen;
    auto with_weekdays = calendar;
    while (with_weekdays && !with_weekdays.child("WeekDays").find_child([](pugi::xml_node w) {
      const auto t = to_int(w.child("DayType").text().get());
      return t && *t >= 1;
    })) {
      const auto base = to_int(with_weekdays.child("BaseCalendarUID").text().get());
      if (!base || *base < 0 || !seen.insert(*base).second) break;
      with_weekdays = calendar_by_uid(*base);
    }
    if (with_weekdays) {
      read_weekdays(with_weekdays);
      weekdays_read_ = true;
    }
    read_exceptions(calendar);
  }

  int working_minutes(pugi::xml_node times) {
    int total = 0;
    for (auto t : times.children("WorkingTime")) {
      const auto from = clock_of(t.child("FromTime"));
      const auto to = clock_of(t.child("ToTime"));
      if (!from || !to) continue;
      // A shift past midnight (22:00-06:00) ends the next day.
      total += *to > *from ? *to - *from : *to + 24 * 60 - *from;
    }
    return total;
  }

  void read_weekdays(pugi::xml_node calendar) {
    for (auto w : calendar.child("WeekDays").children("WeekDay")) {
      const auto type = integer(w, "DayType");
      if (!type) continue;
      if (*type == 0) {  // MSPDI 2003: an exception written as a WeekDay
        exception_days(w, flag(w, "DayWorking"));
        continue;
      }
      if (*type < 1 || *type > 7) {
        error(w.child("DayType"), "<DayType> " + std::to_string(*type) + " is not 0 to 7",
              "mspdi-value");
        continue;
      }
      if (!flag(w, "DayWorking")) {
        days_off_.push_back(*type);
        continue;
      }
      const auto minutes = working_minutes(w.child("WorkingTimes"));
      if (w.child("WorkingTimes") && minutes != minutes_per_day_) {
        warn(w,
             "the working hours of " + weekday_name(*type) + " (" + std::to_string(minutes) +
                 " minutes) are not a day of " + std::to_string(minutes_per_day_) +
                 " minutes: tiendo counts whole days, so the day is taken as one working day",
             "mspdi-hours-approximated");
      }
    }
  }

  void read_exceptions(pugi::xml_node calendar) {
    for (auto e : calendar.child("Exceptions").children("Exception")) {
      const auto type = integer(e, "Type");
      const auto occurrences = integer(e, "Occurrences");
      if ((type && *type != 1) || (occurrences && *occurrences > 1 && !e.child("TimePeriod"))) {
        warn(e,
             "a recurring exception ('" + std::string(e.child("Name").text().get()) +
                 "') is not read: tiendo's calendar lists days; add them as holidays",
             "mspdi-exception-skipped");
        continue;
      }
      const bool working = flag(e, "DayWorking");
      if (working) {
        const auto minutes = working_minutes(e.child("WorkingTimes"));
        if (e.child("WorkingTimes") && minutes != minutes_per_day_) {
          warn(e,
               "the exception's working hours (" + std::to_string(minutes) +
                   " minutes) are taken as one working day",
               "mspdi-hours-approximated");
        }
      }
      exception_days(e, working);
    }
  }

  void exception_days(pugi::xml_node e, bool working) {
    const auto period = e.child("TimePeriod");
    const auto from = datetime(period, "FromDate");
    const auto to = datetime(period, "ToDate");
    if (!from || !to) {
      if (!period.child("FromDate") || !period.child("ToDate")) {
        error(e, "an exception needs <TimePeriod> with <FromDate> and <ToDate>", "mspdi-value");
      }
      return;
    }
    // ToDate 23:59 (or the next day's 00:00) closes the last day.
    const Date last = to->minutes == 0 && to->day > from->day ? to->day - date::days{1} : to->day;
    if (last < from->day) return;
    exception_total_ += (last - from->day).count() + 1;
    if (exception_total_ > kMaxExceptionDays) {
      error(e,
            "the calendar's exceptions cover more than " + std::to_string(kMaxExceptionDays) +
                " days",
            "mspdi-value");
      return;
    }
    for (Date d = from->day; d <= last; d += date::days{1}) {
      (working ? working_days_ : holidays_).push_back(d);
    }
  }

  // -- progress -------------------------------------------------------------
  /// Actual dates and percentages of the steps, and the status date they are
  /// reported at. What tiendo would refuse (finished before started, a
  /// percentage out of range) is left out with a warning, never guessed.
  void read_progress() {
    std::optional<Date> latest;
    for (auto& item : items_) {
      if (item.summary || item.dropped) continue;
      read_actuals(item);
      for (const auto& day : {item.started, item.done}) {
        if (day && (!latest || *day > *latest)) latest = day;
      }
    }
    if (!latest && std::none_of(items_.begin(), items_.end(),
                                [](const Item& i) { return i.percent.value_or(0) > 0; })) {
      return;  // no progress: the status date, if any, changes nothing
    }
    const auto node = project_.child("StatusDate");
    if (const auto status = datetime(project_, "StatusDate")) {
      status_date_ = status->day;
      if (latest && *latest > status->day) {
        warn(node,
             "actual dates go up to " + format_iso(*latest) + ", after the <StatusDate> " +
                 format_iso(status->day) + ": the status date is taken as " + format_iso(*latest),
             "mspdi-status-date");
        status_date_ = latest;
      }
    } else {
      status_date_ = latest ? *latest : plan_start().value_or(Date{});
      warn(node ? node : project_,
           "no <StatusDate>: progress is taken as reported on " + format_iso(*status_date_) +
               (latest ? ", the latest actual date" : ", the project's start"),
           "mspdi-status-date");
    }
  }

  void read_actuals(Item& item) {
    const auto t = item.node;
    const auto start = datetime(t, "ActualStart");
    const auto finish = datetime(t, "ActualFinish");
    if (start) item.started = start_day(*start);
    if (finish) item.done = finish_day(*finish);
    if (start && finish) {
      const auto at = [](const DateTime& d) { return std::pair{d.day, d.minutes}; };
      if (at(*finish) < at(*start)) {
        warn(t.child("ActualFinish"),
             "'" + item.name + "' finished before it started: its actual dates are left out",
             "mspdi-progress-skipped");
        item.started.reset();
        item.done.reset();
      } else if (*item.done < *item.started) {
        // A milestone at a day's edge (17:00, or 08:00): reached that day.
        item.started = item.done = finish->day;
      }
    }
    if (const auto node = t.child("PercentComplete")) {
      const auto value = to_int(node.text().get());
      if (!value || *value < 0 || *value > 100) {
        warn(node, "<PercentComplete> is not a percentage from 0 to 100: left out",
             "mspdi-progress-skipped");
      } else if (item.done && *value < 100) {
        warn(node,
             "'" + item.name + "' has an <ActualFinish> but is " + std::to_string(*value) +
                 "% complete: taken as finished",
             "mspdi-progress-approximated");
      } else if (!item.done && *value > 0) {
        item.percent = value;
      }
    }
  }

  // -- tasks ----------------------------------------------------------------
  void read_tasks() {
    std::optional<std::size_t> current;  // the level-1 task steps go into
    for (auto t : project_.child("Tasks").children("Task")) {
      if (too_many_errors()) return;
      if (items_.size() >= kMaxTasks) {
        error(t, "more than " + std::to_string(kMaxTasks) + " tasks", "mspdi-value");
        return;
      }
      const auto uid = integer(t, "UID");
      if (!uid) {
        error(t, "a <Task> without <UID>", "mspdi-value");
        continue;
      }
      if (flag(t, "IsNull")) continue;
      Item item;
      item.node = t;
      item.uid = *uid;
      item.level = integer(t, "OutlineLevel").value_or(1);
      if (item.level <= 0) continue;  // the project's own summary task
      item.summary = flag(t, "Summary");
      item.name = t.child("Name").text().get();
      if (by_uid_.contains(*uid)) {
        error(t.child("UID"), "two tasks have UID " + std::to_string(*uid), "mspdi-value");
        continue;
      }
      if (item.level == 1 || !current) {
        current = items_.size();
      } else {
        item.parent = current;
        items_[*current].summary = true;  // it has subtasks, whatever it says
        if (item.summary) {
          item.dropped = true;
          warn(t,
               "summary task '" + item.name + "' (level " + std::to_string(item.level) +
                   ") is flattened: its subtasks become steps of '" + items_[*current].name + "'",
               "mspdi-outline-flattened");
        }
      }
      by_uid_[*uid] = items_.size();
      items_.push_back(std::move(item));
    }
    // A level-1 summary task that turned out to hold no step (nothing below
    // it, or only summaries flattened away) is a task of its own.
    std::vector<bool> holds_step(items_.size(), false);
    for (const auto& item : items_) {
      if (item.parent && !item.dropped) holds_step[*item.parent] = true;
    }
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (!items_[i].parent && items_[i].summary && !holds_step[i]) items_[i].summary = false;
    }
    assign_ids();
  }

  std::string text_field(pugi::xml_node t, std::string_view field) const {
    for (auto a : t.children("ExtendedAttribute")) {
      if (std::string_view(a.child("FieldID").text().get()) == field) {
        return a.child("Value").text().get();
      }
    }
    return {};
  }

  /// Ids: the tiendo id the file carries (Text1), when valid and unique in
  /// its scope; else t<UID> for tasks and s<UID> for steps.
  void assign_ids() {
    std::set<std::string> task_ids;
    std::map<std::size_t, std::set<std::string>> step_ids;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      auto& item = items_[i];
      auto& scope = item.parent ? step_ids[*item.parent] : task_ids;
      const auto carried = text_field(item.node, kTextId);
      const auto fallback = (item.parent ? "s" : "t") + std::to_string(item.uid);
      item.id = valid_id(carried) && !scope.contains(carried) ? carried : fallback;
      if (scope.contains(item.id)) item.id = fallback + "-" + std::to_string(i);
      scope.insert(item.id);
    }
  }

  /// The id a link names for a task of the file.
  std::optional<std::string> target(pugi::xml_node link, int uid) {
    const auto it = by_uid_.find(uid);
    if (it == by_uid_.end()) {
      // The project's summary (UID 0, level 0) or a null task.
      error(link.child("PredecessorUID"),
            "<PredecessorUID> " + std::to_string(uid) + " names no task of the file",
            "mspdi-unknown-task");
      return std::nullopt;
    }
    const auto& item = items_[it->second];
    if (item.dropped) {
      warn(link,
           "a link from summary task '" + item.name +
               "' (flattened) is not kept: link its subtasks instead",
           "mspdi-link-dropped");
      return std::nullopt;
    }
    if (!item.parent) return item.id;
    return items_[*item.parent].id + "." + item.id;
  }

  /// A lag in working days, from tenths of a minute in its format.
  std::optional<int> lag_days(pugi::xml_node link) {
    const auto lag = integer(link, "LinkLag").value_or(0);
    const auto format = integer(link, "LagFormat").value_or(kFormatDays);
    if (!known_format(format)) {
      error(link.child("LagFormat"),
            "<LagFormat> " + std::to_string(format) +
                " is not a duration format of MSPDI (3-12, 19-21, 35-44, 51-53)",
            "mspdi-lag-format");
      return std::nullopt;
    }
    if (percent_format(format)) {
      error(link.child("LagFormat"),
            "a lag as a percentage of the predecessor (<LagFormat> " + std::to_string(format) +
                ") cannot be written in tiendo, whose lags are working days",
            "mspdi-lag-format");
      return std::nullopt;
    }
    const bool elapsed = elapsed_format(format);
    const double days = lag / 10.0 / (elapsed ? 24 * 60 : minutes_per_day_);
    const auto rounded = static_cast<int>(std::lround(days));
    if (std::abs(days) > kMaxDays) {
      error(link.child("LinkLag"), "the lag is longer than a hundred years", "mspdi-value");
      return std::nullopt;
    }
    if (elapsed && lag != 0) {
      warn(link,
           "an elapsed lag of " + std::to_string(days) + " calendar days is taken as " +
               std::to_string(rounded) + " working days (tiendo's lags are working days)",
           "mspdi-lag-approximated");
    } else if (std::abs(days - rounded) > 1e-9) {
      warn(link,
           "a lag of " + std::to_string(days) + " working days is rounded to " +
               std::to_string(rounded),
           "mspdi-lag-approximated");
    }
    return rounded;
  }

  std::vector<std::string> links_of(const Item& item) {
    std::vector<std::string> out;
    for (auto link : item.node.children("PredecessorLink")) {
      if (flag(link, "CrossProject")) {
        warn(link, "a link to another project is not kept", "mspdi-link-dropped");
        continue;
      }
      const auto uid = integer(link, "PredecessorUID");
      if (!uid) {
        error(link, "a <PredecessorLink> without <PredecessorUID>", "mspdi-value");
        continue;
      }
      const auto code = integer(link, "Type").value_or(1);
      const auto type = link_type(code);
      if (!type) {
        error(
            link.child("Type"),
            "link <Type> " + std::to_string(code) + " is not one of 0 (FF), 1 (FS), 2 (SF), 3 (SS)",
            "mspdi-link-type");
        continue;
      }
      const auto lag = lag_days(link);
      const auto on = target(link, *uid);
      if (!lag || !on) continue;
      ++result_.links;
      if (*type == LinkType::FS && *lag == 0) {
        out.push_back(yaml_scalar(*on));
        continue;
      }
      std::string spec = "{on: " + yaml_scalar(*on);
      if (*type != LinkType::FS) spec += ", type: " + std::string(to_string(*type));
      if (*lag != 0) spec += ", lag: " + std::to_string(*lag) + "d";
      out.push_back(spec + "}");
    }
    return out;
  }

  /// `duration: 5d`, `3cd` or `0`, from Duration and DurationFormat.
  std::string duration_of(const Item& item) {
    const auto t = item.node;
    if (flag(t, "Milestone")) return "0";
    const auto node = t.child("Duration");
    if (!node) return "0";
    const auto minutes = to_minutes(node.text().get());
    if (!minutes || *minutes < 0) {
      error(node,
            "<Duration> '" + std::string(node.text().get()) +
                "' is not a duration in days, hours, minutes and seconds (PT8H0M0S)",
            "mspdi-value");
      return "0";
    }
    const auto format = integer(t, "DurationFormat").value_or(kFormatDays);
    const bool elapsed = elapsed_format(format);
    const double days = *minutes / (elapsed ? 24 * 60 : minutes_per_day_);
    if (days > kMaxDays) {
      error(node, "the duration is longer than a hundred years", "mspdi-value");
      return "0";
    }
    if (days == 0) return "0";
    const auto whole = static_cast<long>(std::ceil(days - 1e-9));
    if (std::abs(days - static_cast<double>(whole)) > 1e-9) {
      warn(node,
           "a duration of " + std::to_string(*minutes / 60) + " hours is rounded up to " +
               std::to_string(whole) + (elapsed ? " calendar" : " working") +
               (whole == 1 ? " day" : " days") + ": tiendo's durations are whole days",
           "mspdi-duration-rounded");
    }
    return std::to_string(whole) + (elapsed ? "cd" : "d");
  }

  /// The constraint and the deadline as plan keys.
  void constraints_of(YamlWriter& w, const Item& item) {
    const auto t = item.node;
    const auto type = integer(t, "ConstraintType").value_or(asap);
    const auto date = datetime(t, "ConstraintDate");
    std::optional<Date> due;
    if (const auto deadline = datetime(t, "Deadline")) due = finish_day(*deadline);
    static const std::map<int, const char*> keys{{mso, "start_on"},           {mfo, "finish_on"},
                                                 {snet, "not_before"},        {snlt, "start_by"},
                                                 {fnet, "finish_not_before"}, {fnlt, "due"}};
    if (type == alap) {
      warn(t.child("ConstraintType"),
           "'as late as possible' is not supported: the task is scheduled as soon as possible",
           "mspdi-constraint-approximated");
    } else if (type != asap) {
      const auto key = keys.find(type);
      if (key == keys.end()) {
        error(t.child("ConstraintType"),
              "<ConstraintType> " + std::to_string(type) + " is not one of 0 to 7", "mspdi-value");
        return;
      }
      if (!date) {
        error(t.child("ConstraintType"),
              "constraint " + std::string(key->second) + " without a <ConstraintDate>",
              "mspdi-value");
        return;
      }
      const bool finish = type == mfo || type == fnet || type == fnlt;
      const Date day = finish ? finish_day(*date) : start_day(*date);
      if (type == fnlt) {
        due = due ? std::min(*due, day) : day;
      } else {
        w.raw(key->second, format_iso(day));
      }
    }
    if (due) w.raw("due", format_iso(*due));
  }

  void owners(YamlWriter& w, const Item& item) {
    auto owner = text_field(item.node, kTextOwner);
    if (owner.empty()) owner = assigned(item);
    if (!owner.empty()) w.scalar("owner", owner);
    if (const auto lead = text_field(item.node, kTextLead); !lead.empty()) w.scalar("lead", lead);
  }

  /// The first resource assigned to a task or to one of its steps.
  std::string assigned(const Item& item) {
    std::set<int> uids{item.uid};
    for (const auto& other : items_) {
      if (other.parent && items_[*other.parent].uid == item.uid) uids.insert(other.uid);
    }
    for (auto a : project_.child("Assignments").children("Assignment")) {
      const auto task = to_int(a.child("TaskUID").text().get());
      const auto resource = to_int(a.child("ResourceUID").text().get());
      if (!task || !resource || !uids.contains(*task)) continue;
      for (auto r : project_.child("Resources").children("Resource")) {
        if (to_int(r.child("UID").text().get()) == *resource) return r.child("Name").text().get();
      }
    }
    return {};
  }

  void body(YamlWriter& w, const Item& item, bool task_level) {
    w.scalar("name", item.name.empty() ? "Task " + std::to_string(item.uid) : item.name);
    if (task_level) owners(w, item);
    if (!item.summary) {
      const auto d = duration_of(item);
      if (d == "0") w.raw("kind", "milestone");
      w.raw("duration", d);
    }
    const auto after = links_of(item);
    if (!after.empty()) {
      std::string list;
      for (const auto& a : after) list += (list.empty() ? "" : ", ") + a;
      w.raw("after", "[" + list + "]");
    }
    constraints_of(w, item);
    if (item.started) w.raw("started", format_iso(*item.started), "<ActualStart>");
    if (item.done) w.raw("done", format_iso(*item.done), "<ActualFinish>");
    if (item.percent) w.raw("progress", std::to_string(*item.percent) + "%", "<PercentComplete>");
    std::string note = item.node.child("Notes").text().get();
    while (!note.empty() && std::isspace(static_cast<unsigned char>(note.back()))) note.pop_back();
    if (!note.empty()) w.scalar("note", note);
  }

  std::string source(const Item& item) const {
    return "<Task> UID " + std::to_string(item.uid) + ", line " +
           std::to_string(where(item.node).line);
  }

  void write_calendar(YamlWriter& w) {
    w.open("calendar");
    // Without a calendar, MS Project's own default: Saturday and Sunday off.
    if (!weekdays_read_) days_off_ = {1, 7};
    std::string off;
    std::sort(days_off_.begin(), days_off_.end());
    days_off_.erase(std::unique(days_off_.begin(), days_off_.end()), days_off_.end());
    for (const int d : days_off_) off += (off.empty() ? "" : ", ") + weekday_name(d);
    w.raw("days_off", "[" + off + "]", weekdays_read_ ? "" : "no <WeekDays>: MS Project's default");
    const auto list = [&](const char* key, std::vector<Date>& days) {
      if (days.empty()) return;
      std::sort(days.begin(), days.end());
      days.erase(std::unique(days.begin(), days.end()), days.end());
      std::string text;
      for (const Date d : days) text += (text.empty() ? "" : ", ") + format_iso(d);
      w.raw(key, "[" + text + "]");
    };
    list("holidays", holidays_);
    list("working_days", working_days_);
    w.close();
  }

  std::optional<Date> plan_start() {
    if (const auto start = datetime(project_, "StartDate")) return start_day(*start);
    std::optional<Date> first;
    for (const auto& item : items_) {
      if (const auto s = to_datetime(item.node.child("Start").text().get())) {
        if (!first || start_day(*s) < *first) first = start_day(*s);
      }
    }
    return first;
  }

  void write() {
    const auto start = plan_start();
    if (!start) {
      error(project_, "the project has no <StartDate> and no task has a <Start>", "mspdi-value");
      return;
    }
    YamlWriter w;
    w.comment("Imported by tiendo from MS Project XML: " + std::string(name_) + ".");
    w.comment("Each task says the <Task> it was read from; docs/exchange.md has the mapping.");
    w.open("plan");
    std::string id = project_.child("Name").text().get();
    if (id.empty()) id = stem(name_);
    w.scalar("id", id);
    if (const std::string title = project_.child("Title").text().get(); !title.empty()) {
      w.scalar("title", title);
    }
    w.raw("start", format_iso(*start),
          project_.child("StartDate") ? "<StartDate>" : "the earliest task's <Start>");
    if (status_date_) w.raw("status_date", format_iso(*status_date_));
    w.close();
    write_calendar(w);
    w.open("tasks");
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const auto& item = items_[i];
      if (item.parent) continue;
      w.item(source(item));
      w.raw("id", item.id);
      body(w, item, true);
      ++result_.tasks;
      if (item.summary) {
        w.open("steps");
        bool first = true;
        for (std::size_t j = i + 1; j < items_.size() && items_[j].parent == i; ++j) {
          if (items_[j].dropped) continue;
          w.item(source(items_[j]));
          w.raw("id", items_[j].id);
          if (!first) w.raw("chain", "false", "links are the file's own");
          first = false;
          body(w, items_[j], false);
          ++result_.steps;
          w.close();
        }
        w.close();
      } else {
        ++result_.steps;
      }
      w.close();
    }
    w.close();
    if (result_.tasks == 0) {
      error(project_.child("Tasks") ? project_.child("Tasks") : project_, "the project has no task",
            "mspdi-value");
      return;
    }
    result_.yaml = w.text();
  }

  std::string_view bytes_;
  std::string_view name_;
  Lines lines_;
  pugi::xml_document doc_;
  pugi::xml_node project_;
  ImportResult result_;
  int minutes_per_day_ = kMinutesPerDay;
  int start_of_day_ = 8 * 60;
  int end_of_day_ = 17 * 60;
  std::vector<int> days_off_;
  bool weekdays_read_ = false;
  std::vector<Date> holidays_, working_days_;
  long exception_total_ = 0;
  std::vector<Item> items_;
  std::map<int, std::size_t> by_uid_;
  std::optional<Date> status_date_;  ///< set when the file reports progress
};

}  // namespace

bool looks_like_mspdi(std::string_view bytes) {
  const auto head = bytes.substr(0, 4096);
  return head.find("<Project") != std::string_view::npos &&
         head.find(kNamespace) != std::string_view::npos;
}

ImportResult import_mspdi(std::string_view bytes, std::string_view file_name) {
  return Reader(bytes, file_name).read();
}

}  // namespace tiendo::io
