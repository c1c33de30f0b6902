// The status report: a plan's steps sorted into done / under way / late /
// not started at the status date, and each date that must hold (events and
// deadlines) with its forecast and margin.
#include <tiendo/status.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

/// The steps that drive `v`'s date, first step first; empty when nothing
/// but its own start (or its actual start) does.
std::vector<std::string> drivers_of(const Analysis& a, NodeId v) {
  std::vector<std::string> ids;
  for (const NodeId n : driving_chain(*a.graph, *a.schedule, v, 12)) {
    ids.push_back(a.graph->step(*a.plan, n).id);
  }
  if (ids.size() < 2) ids.clear();
  return ids;
}

StepState state_of(const ScheduledStep& s, int behind) {
  if (s.finished) return StepState::done;
  if (behind > 0) return StepState::late;
  return s.in_progress ? StepState::in_progress : StepState::not_started;
}

}  // namespace

std::string_view to_string(StepState state) {
  switch (state) {
    case StepState::done:
      return "done";
    case StepState::in_progress:
      return "in_progress";
    case StepState::late:
      return "late";
    case StepState::not_started:
      return "not_started";
  }
  return "not_started";
}

StatusReport status_report(const Analysis& a, Date today, const BaselineComparison* comparison) {
  StatusReport r;
  const auto& plan = *a.plan;
  const auto& g = *a.graph;
  const auto& sched = *a.schedule;
  const auto& cal = sched.calendar;
  r.plan_id = plan.info.id;
  r.title = plan.info.title;
  r.status_date = sched.status_date.value_or(today);
  if (comparison != nullptr) r.baseline = comparison->name;

  std::map<std::string_view, int> behind;
  for (const auto& f : a.findings) {
    if (f.kind == "behind-schedule" && !f.steps.empty()) behind[f.steps.front()] = f.shortfall;
  }
  std::map<std::string_view, int> variance;
  if (comparison != nullptr) {
    for (const auto& v : comparison->steps) variance[v.id] = v.finish_variance;
  }
  // Each deadline, and each event's deadlines: the margin of the tightest.
  std::map<std::string, Forecast> by_event;
  for (NodeId v = 0; v < g.size(); ++v) {
    const auto& step = g.step(plan, v);
    const auto& s = sched.steps[v];
    StepStatus line;
    line.node = v;
    line.id = step.id;
    line.name = step.name;
    line.task = plan.tasks[g.nodes[v].task].name;
    const auto late = behind.find(step.id);
    line.behind = late == behind.end() ? 0 : late->second;
    line.state = state_of(s, line.behind);
    line.start = s.start;
    line.finish = s.finish;
    line.percent = s.finished ? std::optional<int>(100) : step.progress.percent;
    if (const auto it = variance.find(step.id); it != variance.end()) {
      line.finish_variance = it->second;
    }
    switch (line.state) {
      case StepState::done:
        ++r.done;
        break;
      case StepState::in_progress:
        ++r.in_progress;
        break;
      case StepState::late:
        ++r.late;
        break;
      case StepState::not_started:
        ++r.not_started;
        break;
    }
    r.steps.push_back(std::move(line));

    for (auto i = g.constraint_begin[v]; i < g.constraint_begin[v + 1]; ++i) {
      const auto& c = g.constraints[i];
      const auto target = deadline_of(c);
      if (!target) continue;
      Forecast f{"deadline", step.id,  step.name,
                 *target,    s.finish, cal.working_days_from(s.finish, *target),
                 {}};
      if (f.at_risk()) f.drivers = drivers_of(a, v);
      if (!c.event.empty()) {
        auto& e = by_event[c.event];
        if (e.subject.empty() || f.margin < e.margin) {
          e = f;
          e.kind = "event";
          e.subject = c.event;
        }
      }
      r.deadlines.push_back(std::move(f));
    }
  }
  for (const auto& event : plan.events) {
    Forecast f{"event", event.id, event.name, event.date, event.date, 0, {}};
    for (const auto* key : {&event.id, &event.name}) {
      if (const auto it = by_event.find(*key); it != by_event.end()) {
        f.forecast = it->second.forecast;
        f.margin = cal.working_days_from(it->second.forecast, it->second.target);
        f.drivers = it->second.drivers;
        break;
      }
    }
    r.events.push_back(std::move(f));
  }
  std::stable_sort(r.events.begin(), r.events.end(),
                   [](const Forecast& x, const Forecast& y) { return x.target < y.target; });
  std::stable_sort(r.deadlines.begin(), r.deadlines.end(),
                   [](const Forecast& x, const Forecast& y) { return x.target < y.target; });
  // A task's constraint and its step's can name the same day: list it once.
  r.deadlines.erase(std::unique(r.deadlines.begin(), r.deadlines.end(),
                                [](const Forecast& x, const Forecast& y) {
                                  return x.subject == y.subject && x.target == y.target;
                                }),
                    r.deadlines.end());
  // A task's constraint and its only step's can give the same finding
  // twice: the report says each once.
  std::set<std::pair<std::string_view, std::string_view>> said;
  for (const auto& f : a.findings) {
    if (f.severity == Severity::error || f.kind == "behind-schedule" ||
        f.kind.rfind("progress-", 0) == 0 || f.kind == "actual-before-predecessor") {
      if (said.emplace(f.kind, f.message_en).second) r.findings.push_back(f);
    }
  }
  return r;
}

namespace {

/// Margin, then day: the most late first.
bool later_first(const Forecast* x, const Forecast* y) {
  return std::tie(x->margin, x->target) < std::tie(y->margin, y->target);
}

}  // namespace

std::vector<const Forecast*> most_late_first(const StatusReport& r) {
  std::vector<const Forecast*> out;
  for (const auto& f : r.events) out.push_back(&f);
  for (const auto& f : r.deadlines) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), later_first);
  return out;
}

std::vector<const StepStatus*> late_steps(const StatusReport& r) {
  std::vector<const StepStatus*> out;
  for (const auto& s : r.steps) {
    if (s.state == StepState::late) out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [](const StepStatus* x, const StepStatus* y) {
    return std::make_pair(-x->behind, x->finish) < std::make_pair(-y->behind, y->finish);
  });
  return out;
}

namespace {

struct Words {
  const char* heading;
  const char* as_of;
  const char* done;
  const char* in_progress;
  const char* late;
  const char* not_started;
  const char* events;
  const char* deadlines;
  const char* margin;
  const char* at_risk;
  const char* driven_by;
  const char* late_steps;
  const char* findings;
  const char* days_later;
};

const Words& words(Lang lang) {
  static const Words vi{"BÁO CÁO TIẾN ĐỘ",
                        "Tính đến ngày",
                        "Đã hoàn thành",
                        "Đang thực hiện",
                        "Chậm tiến độ",
                        "Chưa thực hiện",
                        "Sự kiện",
                        "Thời hạn",
                        "dự phòng",
                        "NGUY CƠ CHẬM",
                        "do",
                        "Các bước chậm",
                        "Lưu ý",
                        "ngày làm việc"};
  static const Words en{"PROGRESS REPORT", "As of",      "Done",      "In progress", "Late",
                        "Not started",     "Events",     "Deadlines", "margin",      "AT RISK",
                        "driven by",       "Late steps", "Findings",  "working days"};
  return lang == Lang::en ? en : vi;
}

std::string forecast_line(const Forecast& f, Lang lang) {
  const auto& w = words(lang);
  std::string line = "  " + format_date(f.target, lang) + "  " + f.name + " (" + f.subject + ")";
  line += lang == Lang::en ? ": forecast " : ": dự báo ";
  line += format_date(f.forecast, lang) + ", " + w.margin + " " + std::to_string(f.margin) + " " +
          w.days_later;
  if (f.at_risk()) {
    line += std::string("  ") + w.at_risk;
    if (!f.drivers.empty()) {
      std::string chain;
      for (const auto& id : f.drivers) chain += (chain.empty() ? "" : " → ") + id;
      line += std::string("\n      ") + w.driven_by + " " + chain;
    }
  }
  return line + "\n";
}

}  // namespace

std::string status_text(const StatusReport& r, Lang lang) {
  const auto& w = words(lang);
  std::string out = std::string(w.heading) + " — " + r.plan_id + " — " + r.title + "\n";
  out += std::string(w.as_of) + " " + format_date(r.status_date, lang);
  if (!r.baseline.empty()) {
    out += (lang == Lang::en ? ", against " : ", so với ") + baseline_words(r.baseline, lang);
  }
  out += "\n\n";
  out += std::string(w.done) + ": " + std::to_string(r.done) + "   " + w.in_progress + ": " +
         std::to_string(r.in_progress) + "   " + w.late + ": " + std::to_string(r.late) + "   " +
         w.not_started + ": " + std::to_string(r.not_started) + "\n";
  std::string events, deadlines;
  for (const auto* f : most_late_first(r)) {
    (f->kind == "event" ? events : deadlines) += forecast_line(*f, lang);
  }
  if (!events.empty()) out += std::string("\n") + w.events + "\n" + events;
  if (!deadlines.empty()) out += std::string("\n") + w.deadlines + "\n" + deadlines;
  std::string late;
  for (const auto* s : late_steps(r)) {
    late += "  " + s->id + "  " + s->name + ": " + format_date(s->finish, lang) + " (+" +
            std::to_string(s->behind) + " " + w.days_later + ")\n";
  }
  if (!late.empty()) out += std::string("\n") + w.late_steps + "\n" + late;
  if (!r.findings.empty()) {
    out += std::string("\n") + w.findings + "\n";
    for (const auto& f : r.findings) {
      out += "  [" + f.kind + "] " + f.message(lang == Lang::en ? "en" : "vi") + "\n";
    }
  }
  return out;
}

std::string status_json(const StatusReport& r, Lang lang) {
  detail::JsonWriter w;
  w.begin_object()
      .member("format", "tiendo-status-1")
      .member("plan", r.plan_id)
      .member("title", r.title)
      .member("status_date", format_iso(r.status_date));
  if (!r.baseline.empty()) w.member("baseline", r.baseline);
  w.key("counts")
      .begin_object()
      .member("done", r.done)
      .member("in_progress", r.in_progress)
      .member("late", r.late)
      .member("not_started", r.not_started)
      .end_object();
  w.key("steps").begin_array();
  for (const auto& s : r.steps) {
    w.begin_object()
        .member("id", s.id)
        .member("state", to_string(s.state))
        .member("start", format_iso(s.start))
        .member("finish", format_iso(s.finish))
        .member("percent", s.percent)
        .member("behind", s.behind)
        .member("finish_variance", s.finish_variance)
        .end_object();
  }
  w.end_array();
  const auto forecasts = [&](const char* key, const std::vector<Forecast>& list) {
    w.key(key).begin_array();
    for (const auto& f : list) {
      w.begin_object()
          .member("subject", f.subject)
          .member("name", f.name)
          .member("target", format_iso(f.target))
          .member("forecast", format_iso(f.forecast))
          .member("margin", f.margin)
          .member("at_risk", f.at_risk())
          .member("drivers", f.drivers)
          .end_object();
    }
    w.end_array();
  };
  forecasts("events", r.events);
  forecasts("deadlines", r.deadlines);
  w.key("findings").begin_array();
  for (const auto& f : r.findings) {
    w.begin_object()
        .member("kind", f.kind)
        .member("severity", to_string(f.severity))
        .member("steps", f.steps)
        .member("message", f.message(lang == Lang::en ? "en" : "vi"))
        .end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

}  // namespace tiendo
