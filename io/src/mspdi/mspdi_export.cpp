// MSPDI out, with pugixml. Elements are written in the order the schema's
// sequences give (mspdi_pj12.xsd), so strict readers (MS Project itself,
// JAXB in MPXJ) accept the file; docs/exchange.md lists what maps to what.
#include <tiendo/io/mspdi.hpp>

#include "mspdi/mspdi_fields.hpp"
#include "plan_text.hpp"
#include "xml_text.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace tiendo::io {

namespace {

using namespace mspdi;

std::string at_time(Date day, const char* time) {
  return format_iso(day) + "T" + time;
}
std::string day_start(Date day) {
  return at_time(day, "08:00:00");
}
std::string day_end(Date day) {
  return at_time(day, "17:00:00");
}

void text(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).text().set(xml_safe(value, true).c_str());
}
void number(pugi::xml_node parent, const char* name, long long value) {
  parent.append_child(name).text().set(value);
}

/// A working day's hours, as the exported calendar has them.
void working_times(pugi::xml_node parent) {
  auto times = parent.append_child("WorkingTimes");
  for (const auto& [from, to] : {std::pair{"08:00:00", "12:00:00"}, {"13:00:00", "17:00:00"}}) {
    auto t = times.append_child("WorkingTime");
    text(t, "FromTime", from);
    text(t, "ToTime", to);
  }
}

/// The one constraint MS Project keeps per task, and its deadline, from a
/// step's constraints (its own and its task's).
struct TaskConstraints {
  int type = asap;
  std::optional<Date> date;
  bool finish_side = false;  ///< the date is a finish (17:00), not a start (08:00)
  std::optional<Date> deadline;
  std::vector<const tiendo::Constraint*> dropped;
};

TaskConstraints constraints_of(const DependencyGraph& graph, NodeId v) {
  TaskConstraints out;
  // Strongest first: what a hard date fixes beats what a soft one bounds.
  static const std::map<ConstraintKind, int> rank{
      {ConstraintKind::start_on, 0},          {ConstraintKind::finish_on, 1},
      {ConstraintKind::not_before, 2},        {ConstraintKind::window, 2},
      {ConstraintKind::finish_not_before, 3}, {ConstraintKind::start_by, 4}};
  const tiendo::Constraint* chosen = nullptr;
  for (auto i = graph.constraint_begin[v]; i < graph.constraint_begin[v + 1]; ++i) {
    const auto& c = graph.constraints[i];
    if (c.kind == ConstraintKind::due || c.kind == ConstraintKind::window) {
      const Date due = c.kind == ConstraintKind::window ? c.until : c.date;
      if (!out.deadline || due < *out.deadline) out.deadline = due;
      if (c.kind == ConstraintKind::due) continue;
    }
    if (chosen == nullptr || rank.at(c.kind) < rank.at(chosen->kind)) {
      if (chosen != nullptr) out.dropped.push_back(chosen);
      chosen = &c;
    } else {
      out.dropped.push_back(&c);
    }
  }
  if (chosen != nullptr) {
    out.date = chosen->date;
    switch (chosen->kind) {
      case ConstraintKind::start_on:
        out.type = mso;
        break;
      case ConstraintKind::finish_on:
        out.type = mfo;
        out.finish_side = true;
        break;
      case ConstraintKind::not_before:
      case ConstraintKind::window:
        out.type = snet;
        break;
      case ConstraintKind::finish_not_before:
        out.type = fnet;
        out.finish_side = true;
        break;
      case ConstraintKind::start_by:
        out.type = snlt;
        break;
      case ConstraintKind::due:
        break;
    }
  }
  return out;
}

class Writer {
 public:
  explicit Writer(const Analysis& analysis) : analysis_(analysis) {}

  ExportResult write() {
    auto project = doc_.append_child("Project");
    project.append_attribute("xmlns").set_value(std::string(kNamespace).c_str());
    header(project);
    extended_attributes(project);
    calendar(project.append_child("Calendars"));
    tasks(project.append_child("Tasks"));
    resources(project);
    std::ostringstream out;
    doc_.save(out, "  ", pugi::format_default | pugi::format_save_file_text, pugi::encoding_utf8);
    ExportResult result;
    result.bytes = std::move(out).str();
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  const Plan& plan() const { return *analysis_.plan; }
  const DependencyGraph& graph() const { return *analysis_.graph; }
  const Schedule& schedule() const { return *analysis_.schedule; }

  void header(pugi::xml_node p) {
    auto decl = doc_.prepend_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    number(p, "SaveVersion", 12);
    text(p, "Name", plan().info.id);
    if (!plan().info.title.empty()) text(p, "Title", plan().info.title);
    if (!plan().info.issuer.empty()) text(p, "Company", plan().info.issuer);
    text(p, "Author", "tiendo");
    number(p, "ScheduleFromStart", 1);
    text(p, "StartDate", day_start(plan().info.start));
    text(p, "FinishDate", day_end(schedule().finish));
    text(p, "CurrencyCode", "VND");
    number(p, "CalendarUID", 1);
    text(p, "DefaultStartTime", "08:00:00");
    text(p, "DefaultFinishTime", "17:00:00");
    number(p, "MinutesPerDay", kMinutesPerDay);
    const auto weekdays = 7 - static_cast<int>(plan().calendar.days_off.size());
    number(p, "MinutesPerWeek", kMinutesPerDay * std::max(0, weekdays));
    number(p, "DaysPerMonth", 20);
    number(p, "DefaultTaskType", 1);  // fixed duration: resources never stretch a step
    number(p, "DurationFormat", kFormatDays);
    number(p, "HonorConstraints", 1);
    // The day progress is reported at: MS Project schedules what is left
    // after it, as tiendo does (docs/progress.md).
    if (schedule().status_date) text(p, "StatusDate", day_end(*schedule().status_date));
  }

  void extended_attributes(pugi::xml_node p) {
    auto list = p.append_child("ExtendedAttributes");
    const std::pair<std::string_view, const char*> fields[] = {
        {kTextId, "tiendo id"}, {kTextOwner, "Người phụ trách"}, {kTextLead, "Đơn vị chủ trì"}};
    int n = 1;
    for (const auto& [id, alias] : fields) {
      auto a = list.append_child("ExtendedAttribute");
      text(a, "FieldID", id);
      text(a, "FieldName", "Text" + std::to_string(n++));
      text(a, "Alias", alias);
    }
  }

  /// The plan's weekly days off, and every day of the schedule's calendar
  /// that differs from them (holidays, days off, worked Saturdays) as an
  /// exception of its own.
  void calendar(pugi::xml_node calendars) {
    auto c = calendars.append_child("Calendar");
    number(c, "UID", 1);
    text(c, "Name", plan().calendar.builtin == "vn" ? "Lịch làm việc Việt Nam" : "tiendo");
    number(c, "IsBaseCalendar", 1);
    number(c, "BaseCalendarUID", -1);
    auto weekdays = c.append_child("WeekDays");
    const auto& off = plan().calendar.days_off;
    for (unsigned d = 0; d < 7; ++d) {
      const bool working = std::find(off.begin(), off.end(), Weekday{d}) == off.end();
      auto w = weekdays.append_child("WeekDay");
      number(w, "DayType", d + 1);  // 1 = Sunday
      number(w, "DayWorking", working ? 1 : 0);
      if (working) working_times(w);
    }
    auto exceptions = c.append_child("Exceptions");
    const auto& cal = schedule().calendar;
    for (Date d = cal.first(); d <= cal.last(); d += date::days{1}) {
      const bool weekly_off = std::find(off.begin(), off.end(), date::weekday(d)) != off.end();
      const bool working = cal.is_working(d);
      if (working != weekly_off) continue;
      auto e = exceptions.append_child("Exception");
      number(e, "EnteredByOccurrences", 0);
      auto period = e.append_child("TimePeriod");
      text(period, "FromDate", at_time(d, "00:00:00"));
      text(period, "ToDate", at_time(d, "23:59:00"));
      number(e, "Occurrences", 1);
      const auto name = cal.holiday_name(d);
      text(e, "Name", working ? "Ngày làm việc bù" : !name.empty() ? name : cal.reason_off(d));
      number(e, "Type", 1);
      number(e, "DayWorking", working ? 1 : 0);
      if (working) working_times(e);
    }
  }

  int next_uid() { return ++uid_; }

  void extended(pugi::xml_node t, std::string_view field, std::string_view value) {
    if (value.empty()) return;
    auto a = t.append_child("ExtendedAttribute");
    text(a, "FieldID", field);
    text(a, "Value", value);
  }

  pugi::xml_node task_head(pugi::xml_node tasks, int uid, const std::string& name,
                           const std::string& outline, int level) {
    auto t = tasks.append_child("Task");
    number(t, "UID", uid);
    number(t, "ID", uid);
    text(t, "Name", name.empty() ? "-" : name);
    number(t, "Type", 1);
    text(t, "OutlineNumber", outline);
    number(t, "OutlineLevel", level);
    return t;
  }

  /// `days`: calendar days for an elapsed step, else working days.
  static void duration(pugi::xml_node t, const Step& step, int days) {
    if (step.duration.elapsed()) {
      text(t, "Duration", "PT" + std::to_string(24 * days) + "H0M0S");
      number(t, "DurationFormat", kFormatElapsedDays);
    } else {
      text(t, "Duration", "PT" + std::to_string(8 * days) + "H0M0S");
      number(t, "DurationFormat", kFormatDays);
    }
  }

  void dates(pugi::xml_node t, const ScheduledStep& s, bool milestone) {
    // A milestone is reached at the end of its day, as MS Project shows it.
    const auto start = [&](Date d) { return milestone ? day_end(d) : day_start(d); };
    text(t, "EarlyStart", start(s.early_start));
    text(t, "EarlyFinish", day_end(s.early_finish));
    text(t, "LateStart", start(s.late_start));
    text(t, "LateFinish", day_end(s.late_finish));
    number(t, "FreeSlack", static_cast<long long>(s.free_float) * kTenthsPerDay);
    number(t, "TotalSlack", static_cast<long long>(s.total_float) * kTenthsPerDay);
  }

  void step_task(pugi::xml_node tasks, NodeId v, const std::string& outline, int level,
                 const Task& task) {
    const auto& step = graph().step(plan(), v);
    const auto& s = schedule().steps[v];
    const bool milestone = step.duration.is_milestone();
    const bool own_task = level == 1;
    auto t = task_head(tasks, step_uid_[v], own_task ? task.name : step.name, outline, level);
    text(t, "Start", milestone ? day_end(s.start) : day_start(s.start));
    text(t, "Finish", day_end(std::max(s.start, s.finish)));
    const auto done = progress_of(step, s);
    if (step.optimistic || step.pessimistic) ++estimates_dropped_;
    duration(t, step,
             done                      ? done->duration
             : step.duration.elapsed() ? step.duration.value
                                       : s.duration);
    number(t, "Milestone", milestone ? 1 : 0);
    number(t, "Summary", 0);
    number(t, "Critical", s.critical ? 1 : 0);
    dates(t, s, milestone);
    if (done) progress(t, step, s, *done, milestone);
    auto c = constraints_of(graph(), v);
    for (const auto* dropped : c.dropped) {
      diagnostics_.push_back({Severity::warning,
                              "mspdi-constraint-dropped",
                              "'" + step.id + "': MS Project keeps one constraint per task; '" +
                                  std::string(to_string(dropped->kind)) + " " +
                                  format_iso(dropped->date) + "' is not exported",
                              dropped->where,
                              {},
                              {}});
    }
    if (s.meeting && c.type != mso) {
      // MS Project has no meeting gate: the approval is fixed on its meeting.
      c.type = mso;
      c.date = *s.meeting;
      c.finish_side = false;
      ++approvals_fixed_;
    } else if (step.meeting && !s.meeting && c.type == asap) {
      // No meeting left for it: it must start by the committee's last one.
      if (const auto* committee = committee_of(step); committee && !committee->meetings.empty()) {
        c.type = snlt;
        c.date = committee->meetings.back();
      }
    }
    number(t, "ConstraintType", c.type);
    if (c.date) text(t, "ConstraintDate", c.finish_side ? day_end(*c.date) : day_start(*c.date));
    if (c.deadline) text(t, "Deadline", day_end(*c.deadline));
    if (!step.note.empty()) text(t, "Notes", step.note);
    // The documents of an approval are due the committee's submission lead
    // before its meeting: a lag on the links into it says so to MS Project.
    const auto* committee = committee_of(step);
    const int lead = committee != nullptr ? committee->submit_lead : 0;
    for (auto i = graph().in_begin[v]; i < graph().in_begin[v + 1]; ++i) {
      const auto& link = graph().links[i];
      predecessor(t, step_uid_[link.pred], link.type, link.lag + lead);
    }
    for (auto i = graph().event_begin[v]; i < graph().event_begin[v + 1]; ++i) {
      const auto& link = graph().event_links[i];
      predecessor(t, event_uid_[link.event], link.type, link.lag);
    }
    extended(t, kTextId, own_task ? task.id : step.local_id);
    if (own_task) owners(t, task);
  }

  /// A step's progress in MS Project's terms: its <Duration> and the
  /// <PercentComplete> of it done.
  struct Done {
    int duration = 0;  ///< working days (calendar days for an elapsed step)
    int percent = 0;
  };

  /// Finished: its span, 100%. Under way: MS Project's duration is the whole
  /// work, of which the percentage is done, and MS Project (and tiendo, reading
  /// the file back) leaves ceil(duration x (100 - percent) / 100) days: the
  /// planned duration and a percentage that leaves exactly the days tiendo
  /// schedules; when no whole percentage does (a step of more than 100 days,
  /// more days left than planned, no percentage said), the days left as the
  /// duration with 0% done, and a warning.
  std::optional<Done> progress_of(const Step& step, const ScheduledStep& s) {
    if (s.finished) return Done{s.duration, 100};
    if (!s.in_progress) return std::nullopt;
    const auto& p = step.progress;
    const int planned = step.duration.value;
    const int left = s.remaining;
    if (p.percent && !p.remaining) return Done{planned, *p.percent};
    if (!p.percent && !p.remaining) return Done{planned, 0};  // all of it left
    if (left == 0) return Done{planned, 100};
    if (left <= planned && p.remaining) {
      const int percent = std::min(99, (100 * (planned - left) + planned - 1) / planned);
      if ((planned * (100 - percent) + 99) / 100 == left) return Done{planned, percent};
    }
    diagnostics_.push_back({Severity::warning,
                            "mspdi-progress-approximated",
                            "'" + step.id + "': " + std::to_string(left) + " of its " +
                                std::to_string(planned) +
                                " days left is not a whole percentage done; exported as a " +
                                std::to_string(left) + "-day task 0% complete",
                            p.where,
                            {},
                            {}});
    return Done{left, 0};
  }

  /// Progress as MS Project tracks it; the schema wants it here, between the
  /// slack and the constraint. Without its start day, a step starts where
  /// tiendo's schedule has it: as MS Project does for a finished task (its
  /// duration before its finish); said in a warning for one under way.
  void progress(pugi::xml_node t, const Step& step, const ScheduledStep& s, const Done& done,
                bool milestone) {
    const auto& p = step.progress;
    number(t, "PercentComplete", done.percent);
    auto started = p.started;
    if (!started) {
      started = s.start;
      if (!s.finished)
        diagnostics_.push_back({Severity::warning,
                                "mspdi-progress-approximated",
                                "'" + step.id + "' has no start day: exported as started on " +
                                    format_iso(s.start) + ", its scheduled start",
                                p.where,
                                {},
                                {}});
    }
    text(t, "ActualStart", milestone ? day_end(*started) : day_start(*started));
    if (p.done) text(t, "ActualFinish", day_end(*p.done));
  }

  /// The committee whose meeting gates an approval, or nullptr.
  const Committee* committee_of(const Step& step) const {
    if (!step.meeting) return nullptr;
    for (const auto& c : plan().committees) {
      if (c.id == step.meeting->committee) return &c;
    }
    return nullptr;
  }

  static void predecessor(pugi::xml_node t, int uid, LinkType type, int lag) {
    auto p = t.append_child("PredecessorLink");
    number(p, "PredecessorUID", uid);
    number(p, "Type", link_code(type));
    number(p, "CrossProject", 0);
    number(p, "LinkLag", static_cast<long long>(lag) * kTenthsPerDay);
    number(p, "LagFormat", kFormatDays);
  }

  void owners(pugi::xml_node t, const Task& task) {
    if (!task.owner.empty()) extended(t, kTextOwner, person_name(plan(), task.owner));
    if (!task.lead.empty()) extended(t, kTextLead, unit_name(plan(), task.lead));
  }

  void tasks(pugi::xml_node tasks) {
    // UIDs first: links may point forward.
    std::vector<std::vector<NodeId>> nodes_of(plan().tasks.size());
    for (NodeId v = 0; v < graph().size(); ++v) nodes_of[graph().nodes[v].task].push_back(v);
    event_uid_.resize(plan().events.size());
    for (auto& uid : event_uid_) uid = next_uid();
    step_uid_.resize(graph().size());
    task_uid_.resize(plan().tasks.size());
    for (std::size_t t = 0; t < plan().tasks.size(); ++t) {
      if (summarised(t)) task_uid_[t] = next_uid();
      for (const NodeId v : nodes_of[t]) step_uid_[v] = next_uid();
    }
    int outline = 0;
    for (std::size_t e = 0; e < plan().events.size(); ++e) {
      event(tasks, plan().events[e], event_uid_[e], std::to_string(++outline));
    }
    for (std::size_t t = 0; t < plan().tasks.size(); ++t) {
      const auto& task = plan().tasks[t];
      const auto number_of = std::to_string(++outline);
      if (!summarised(t)) {
        step_task(tasks, nodes_of[t].front(), number_of, 1, task);
        continue;
      }
      summary(tasks, t, number_of);
      int sub = 0;
      for (const NodeId v : nodes_of[t]) {
        step_task(tasks, v, number_of + "." + std::to_string(++sub), 2, task);
      }
    }
    if (approvals_fixed_ > 0) {
      diagnostics_.push_back(
          {Severity::note,
           "mspdi-meeting-fixed",
           std::to_string(approvals_fixed_) +
               " approvals gated by a committee's meetings are exported as 'must start on' "
               "their meeting's day: MS Project has no meeting gate",
           {},
           {},
           {}});
    }
    if (estimates_dropped_ > 0) {
      diagnostics_.push_back(
          {Severity::warning,
           "mspdi-estimate-dropped",
           std::to_string(estimates_dropped_) +
               " step(s) with optimistic or pessimistic durations: only the most likely "
               "('duration') is exported (MS Project keeps three-point estimates in custom "
               "fields of its own; docs/risk.md)",
           {},
           {},
           {}});
    }
  }

  /// A task of one step named as the task is written as a task of its own.
  bool summarised(std::size_t t) const {
    const auto& task = plan().tasks[t];
    return !(task.steps.size() == 1 && task.steps.front().id == task.id);
  }

  void summary(pugi::xml_node tasks, std::size_t t, const std::string& outline) {
    const auto& task = plan().tasks[t];
    const auto& st = schedule().tasks[t];
    auto node = task_head(tasks, task_uid_[t], task.name, outline, 1);
    text(node, "Start", day_start(st.start));
    text(node, "Finish", day_end(std::max(st.start, st.finish)));
    number(node, "Summary", 1);
    number(node, "Critical", st.critical ? 1 : 0);
    if (!task.note.empty()) text(node, "Notes", task.note);
    extended(node, kTextId, task.id);
    owners(node, task);
  }

  /// An event as a milestone fixed at the end of its (last) day, or a task
  /// of elapsed days over a multi-day event: what waits for it starts after.
  void event(pugi::xml_node tasks, const Event& e, int uid, const std::string& outline) {
    auto t = task_head(tasks, uid, e.name, outline, 1);
    const Date last = e.until.value_or(e.date);
    const auto days = (last - e.date).count() + 1;
    const bool milestone = !e.until;
    text(t, "Start", milestone ? day_end(e.date) : day_start(e.date));
    text(t, "Finish", day_end(last));
    text(t, "Duration", milestone ? "PT0H0M0S" : "PT" + std::to_string(24 * days) + "H0M0S");
    number(t, "DurationFormat", milestone ? kFormatDays : kFormatElapsedDays);
    number(t, "Milestone", milestone ? 1 : 0);
    number(t, "Summary", 0);
    number(t, "ConstraintType", mfo);
    text(t, "ConstraintDate", day_end(last));
    extended(t, kTextId, e.id);
  }

  /// People and units as resources; each task's person in charge and lead
  /// unit assigned to its steps.
  void resources(pugi::xml_node project) {
    auto list = project.insert_child_after("Resources", project.child("Tasks"));
    std::map<std::string, int> uid_of;
    int uid = 0;
    const auto add = [&](const std::string& key, const std::string& name, const char* group) {
      auto r = list.append_child("Resource");
      uid_of[key] = ++uid;
      number(r, "UID", uid);
      number(r, "ID", uid);
      text(r, "Name", name.empty() ? key : name);
      number(r, "Type", 1);
      text(r, "Group", group);
    };
    for (const auto& p : plan().people) add("person:" + p.id, p.name, "Người phụ trách");
    for (const auto& u : plan().units) add("unit:" + u.id, u.name, "Đơn vị");
    auto assignments = project.append_child("Assignments");
    int assignment = 0;
    for (NodeId v = 0; v < graph().size(); ++v) {
      const auto& task = plan().tasks[graph().nodes[v].task];
      for (const auto& key : {"person:" + task.owner, "unit:" + task.lead}) {
        const auto it = uid_of.find(key);
        if (it == uid_of.end()) continue;
        auto a = assignments.append_child("Assignment");
        number(a, "UID", ++assignment);
        number(a, "TaskUID", step_uid_[v]);
        number(a, "ResourceUID", it->second);
      }
    }
  }

  const Analysis& analysis_;
  pugi::xml_document doc_;
  Diagnostics diagnostics_;
  int uid_ = 0;
  int approvals_fixed_ = 0;
  int estimates_dropped_ = 0;
  std::vector<int> event_uid_, step_uid_, task_uid_;
};

}  // namespace

ExportResult export_mspdi(const Analysis& analysis) {
  if (!analysis.ok()) {
    ExportResult result;
    result.error = "the plan has errors: nothing to export";
    return result;
  }
  return Writer(analysis).write();
}

}  // namespace tiendo::io
