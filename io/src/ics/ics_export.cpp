// iCalendar with libical. Every icalcomponent lives in a unique_ptr until it
// is handed to its parent (libical then owns it); properties are handed to
// their component as soon as they are made, so nothing leaks on an error.
#include <tiendo/io/ics.hpp>

#include "plan_text.hpp"

#include <libical/ical.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <new>
#include <set>
#include <string>

namespace tiendo::io {

namespace {

constexpr const char* kCalendarNamePlaceholder = "TIENDO-CALENDAR-NAME";

/// "X-WR-CALNAME:" and `name` as RFC 5545 TEXT (backslash, ';', ',' and line
/// breaks escaped), folded at 75 octets without splitting a UTF-8 character.
std::string calendar_name_line(std::string_view name) {
  std::string line = "X-WR-CALNAME:";
  for (const char c : name) {
    if (c == '\\' || c == ';' || c == ',') {
      line += '\\';
      line += c;
    } else if (c == '\n') {
      line += "\\n";
    } else if (c != '\r') {
      line += c;
    }
  }
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = 1;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) n = 4;
    else if (lead >= 0xE0) n = 3;
    else if (lead >= 0xC0) n = 2;
    n = std::min(n, line.size() - i);
    if (width + n > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, n);
    width += n;
    i += n;
  }
  return out + "\r\n";
}


struct FreeComponent {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, FreeComponent>;

struct FreeChars {
  void operator()(char* text) const { std::free(text); }
};

Component make_component(icalcomponent_kind kind) {
  Component c(icalcomponent_new(kind));
  if (!c) throw std::bad_alloc();
  return c;
}

void add(const Component& c, icalproperty* property) {
  if (property == nullptr) throw std::bad_alloc();
  icalcomponent_add_property(c.get(), property);
}

void adopt(const Component& parent, Component child) {
  icalcomponent_add_component(parent.get(), child.release());
}

icaltimetype all_day(Date day) {
  const date::year_month_day ymd(day);
  icaltimetype t = icaltime_null_date();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.is_date = 1;
  return t;
}

/// A VEVENT over the days first..last (inclusive; DTEND is the day after,
/// as RFC 5545 has it for all-day events).
Component day_event(const std::string& uid, const icaltimetype& stamp, Date first, Date last,
                    const std::string& summary, const std::string& description,
                    const char* category) {
  auto event = make_component(ICAL_VEVENT_COMPONENT);
  add(event, icalproperty_new_uid(uid.c_str()));
  add(event, icalproperty_new_dtstamp(stamp));
  add(event, icalproperty_new_dtstart(all_day(first)));
  add(event, icalproperty_new_dtend(all_day(last + date::days{1})));
  add(event, icalproperty_new_summary(summary.c_str()));
  if (!description.empty()) add(event, icalproperty_new_description(description.c_str()));
  add(event, icalproperty_new_categories(category));
  // A day that is marked, not a day that is busy.
  add(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return event;
}

struct Writer {
  const Analysis& analysis;
  const IcsOptions& options;
  icaltimetype stamp;
  Component calendar = make_component(ICAL_VCALENDAR_COMPONENT);

  const Plan& plan() const { return *analysis.plan; }
  const Schedule& schedule() const { return *analysis.schedule; }
  bool vi() const { return options.lang == Lang::vi; }
  std::string uid(std::string_view kind, std::string_view id) const {
    return ics_uid(plan().info.id, kind, id);
  }

  void header() {
    add(calendar, icalproperty_new_prodid("-//tiendo//tiendo " TIENDO_IO_VERSION "//VI"));
    add(calendar, icalproperty_new_version("2.0"));
    add(calendar, icalproperty_new_calscale("GREGORIAN"));
    add(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    // libical (3.0) writes an X- property's value without TEXT's escapes of
    // ',' and ';' (RFC 5545 3.3.11): a placeholder here, the line written by
    // calendar_name_line() once the calendar is text.
    auto* x = icalproperty_new_x(kCalendarNamePlaceholder);
    if (x == nullptr) throw std::bad_alloc();
    icalproperty_set_x_name(x, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), x);
  }

  std::string who(const Task& task) const {
    std::string out;
    if (!task.owner.empty()) {
      out += (vi() ? "Người phụ trách: " : "In charge: ") + person_name(plan(), task.owner) + "\n";
    }
    if (!task.lead.empty()) {
      out += (vi() ? "Đơn vị chủ trì: " : "Lead unit: ") + unit_name(plan(), task.lead) + "\n";
    }
    return out;
  }

  /// The scheduled finish of a task's step, or of its last step.
  const ScheduledStep* scheduled(std::size_t t, std::optional<std::size_t> s) const {
    const auto& graph = *analysis.graph;
    const ScheduledStep* found = nullptr;
    for (NodeId v = 0; v < graph.size(); ++v) {
      if (graph.nodes[v].task != t) continue;
      if (s && graph.nodes[v].step != *s) continue;
      const auto& candidate = schedule().steps[v];
      if (found == nullptr || found->finish < candidate.finish) found = &candidate;
    }
    return found;
  }

  void deadline(const Constraint& c, const std::string& id, int index, const Task& task,
                const std::string& label, const ScheduledStep* step) {
    const bool window = c.kind == ConstraintKind::window;
    if (c.kind != ConstraintKind::due && !window && c.kind != ConstraintKind::start_by) return;
    const Date day = window ? c.until : c.date;
    const bool start = c.kind == ConstraintKind::start_by;
    std::string summary =
        vi() ? (start ? "Hạn bắt đầu: " : "Hạn: ") : (start ? "Start by: " : "Due: ");
    summary += label;
    std::string description = describe(c, options.lang) + "\n" + who(task);
    if (step != nullptr) {
      const Date planned = start ? step->start : step->finish;
      description += (vi() ? "Dự kiến: " : "Scheduled: ") + format_day(planned, options.lang) +
                     (vi() ? " (dự trữ " : " (float ") + std::to_string(step->total_float) +
                     (vi() ? " ngày làm việc)" : " working days)");
    }
    const auto key = index == 0 ? id : id + "#" + std::to_string(index + 1);
    adopt(calendar,
          day_event(uid("deadline", key), stamp, day, day, summary, description, "DEADLINE"));
  }

  /// The constraints that give a day in the calendar, each day once: a
  /// deadline said twice (a table cell and the body's sentence, `due:` and a
  /// phrase) is one event.
  static std::vector<const Constraint*> distinct_days(const std::vector<Constraint>& cs) {
    std::vector<const Constraint*> out;
    std::set<std::pair<int, Date>> seen;
    for (const auto& c : cs) {
      const bool start = c.kind == ConstraintKind::start_by;
      const Date day = c.kind == ConstraintKind::window ? c.until : c.date;
      if (seen.insert({start ? 1 : 0, day}).second) out.push_back(&c);
    }
    return out;
  }

  void deadlines() {
    for (std::size_t t = 0; t < plan().tasks.size(); ++t) {
      const auto& task = plan().tasks[t];
      int index = 0;
      for (const auto* c : distinct_days(task.constraints)) {
        deadline(*c, task.id, index++, task, task.name, scheduled(t, std::nullopt));
      }
      for (std::size_t s = 0; s < task.steps.size(); ++s) {
        const auto& step = task.steps[s];
        index = 0;
        for (const auto* c : distinct_days(step.constraints)) {
          deadline(*c, step.id, index++, task, step_label(task, step), scheduled(t, s));
        }
      }
    }
  }

  /// The approvals that land on a committee's meeting, as agenda lines.
  std::string agenda(const Committee& committee, Date meeting) const {
    const auto& graph = *analysis.graph;
    std::string out;
    int n = 0;
    for (NodeId v = 0; v < graph.size(); ++v) {
      const auto& step = graph.step(plan(), v);
      const auto& at = schedule().steps[v].meeting;
      if (!step.meeting || step.meeting->committee != committee.id || !at || *at != meeting) {
        continue;
      }
      const auto& task = plan().tasks[graph.nodes[v].task];
      out += std::to_string(++n) + ". " + step_label(task, step);
      if (!task.owner.empty()) out += " (" + person_name(plan(), task.owner) + ")";
      out += "\n";
    }
    if (n == 0)
      return vi() ? "Không có nội dung trình duyệt của kế hoạch này."
                  : "No item of this plan to approve.";
    return (vi() ? "Nội dung trình duyệt:\n" : "Items to approve:\n") + out;
  }

  void meetings() {
    for (const auto& committee : plan().committees) {
      for (const Date day : committee.meetings) {
        if (day < plan().info.start || day > schedule().finish) continue;
        const auto name = committee_name(committee);
        const auto due = documents_due(schedule(), committee, day);
        auto description = agenda(committee, day);
        description +=
            (vi() ? "\nHạn nộp tài liệu: " : "\nDocuments due: ") + format_day(due, options.lang);
        auto event = day_event(uid("meeting", committee.id + "/" + format_iso(day)), stamp, day,
                               day, (vi() ? "Họp " : "Meeting: ") + name, description, "MEETING");
        // The alarm fires as the documents' due day begins (relative to the
        // event's start, midnight of the meeting day).
        auto alarm = make_component(ICAL_VALARM_COMPONENT);
        add(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
        const int days_before = static_cast<int>((day - due).count());
        add(alarm, icalproperty_new_trigger(icaltriggertype_from_int(-days_before * 86400)));
        const auto text =
            (vi() ? "Hạn nộp tài liệu cho kỳ họp " : "Documents due for the meeting ") +
            committee.id + " " + format_day(day, options.lang);
        add(alarm, icalproperty_new_description(text.c_str()));
        adopt(event, std::move(alarm));
        adopt(calendar, std::move(event));
      }
    }
  }

  void events() {
    for (const auto& e : plan().events) {
      adopt(calendar, day_event(uid("event", e.id), stamp, e.date, e.until.value_or(e.date), e.name,
                                {}, "EVENT"));
    }
  }

  void steps() {
    const auto& graph = *analysis.graph;
    for (NodeId v = 0; v < graph.size(); ++v) {
      const auto& task = plan().tasks[graph.nodes[v].task];
      const auto& step = graph.step(plan(), v);
      const auto& s = schedule().steps[v];
      std::string description = who(task);
      description += (vi() ? "Dự trữ: " : "Total float: ") + std::to_string(s.total_float) +
                     (vi() ? " ngày làm việc" : " working days");
      if (s.critical) description += vi() ? " (găng)" : " (critical)";
      adopt(calendar, day_event(uid("step", step.id), stamp, s.start, std::max(s.start, s.finish),
                                step_label(task, step), description, "STEP"));
    }
  }
};

icaltimetype stamp_of(const IcsOptions& options) {
  const auto seconds = options.stamp.value_or(static_cast<std::int64_t>(std::time(nullptr)));
  return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0,
                                       icaltimezone_get_utc_timezone());
}

}  // namespace

std::string ics_uid(std::string_view plan_id, std::string_view kind, std::string_view id) {
  const auto encode = [](std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
      const auto c = static_cast<unsigned char>(ch);
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (plain) {
        out += ch;
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    return out;
  };
  return std::string(kind) + "/" + encode(id) + "/" + encode(plan_id) + "@tiendo";
}

ExportResult export_ics(const Analysis& analysis, const IcsOptions& options) {
  ExportResult result;
  if (!analysis.ok()) {
    result.error = "the plan has errors: nothing to export";
    return result;
  }
  Writer writer{analysis, options, stamp_of(options)};
  writer.header();
  writer.events();
  writer.meetings();
  writer.deadlines();
  if (options.steps) writer.steps();
  const std::unique_ptr<char, FreeChars> text(
      icalcomponent_as_ical_string_r(writer.calendar.get()));
  if (!text) {
    result.error =
        std::string("libical could not write the calendar: ") + icalerror_strerror(icalerrno);
    return result;
  }
  result.bytes = text.get();
  const std::string placeholder = std::string("X-WR-CALNAME:") + kCalendarNamePlaceholder + "\r\n";
  if (const auto at = result.bytes.find(placeholder); at != std::string::npos) {
    const auto& info = analysis.plan->info;
    result.bytes.replace(at, placeholder.size(),
                         calendar_name_line(info.title.empty() ? info.id : info.title));
  }
  return result;
}

}  // namespace tiendo::io
