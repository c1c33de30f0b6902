// JSON reports (docs/report-format.md), streamed with JsonWriter. Keys keep a
// fixed order so outputs can be compared byte for byte. O(steps + links).
#include <tiendo/report.hpp>

#include <algorithm>
#include <map>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

using detail::JsonWriter;

std::string lang_code(Lang lang) {
  return lang == Lang::en ? "en" : "vi";
}

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(format_iso(*d)) : std::nullopt;
}

void plan_json(JsonWriter& w, const Analysis& a) {
  const auto& info = a.plan->info;
  w.begin_object()
      .member("id", info.id)
      .member("title", info.title)
      .member("issuer", info.issuer)
      .member("issued", iso(info.issued))
      .member("lang", info.lang)
      .member("start", format_iso(a.schedule->start))
      .member("finish", format_iso(a.schedule->finish));
  w.key("events").begin_array();
  for (const auto& e : a.plan->events) {
    w.begin_object().member("id", e.id).member("name", e.name).member("date", format_iso(e.date));
    if (e.until) w.member("until", format_iso(*e.until));
    w.end_object();
  }
  w.end_array();
  w.key("committees").begin_array();
  for (const auto& c : a.plan->committees) {
    w.begin_object().member("id", c.id).member("name", c.name);
    w.key("meetings").begin_array();
    for (const Date m : c.meetings) w.value(format_iso(m));
    w.end_array().member("submit_lead", c.submit_lead).end_object();
  }
  w.end_array().key("groups").begin_array();
  for (const auto& g : a.plan->groups) {
    w.begin_object().member("id", g.id).member("name", g.name).member("parent", g.parent);
    w.end_object();
  }
  w.end_array().end_object();
}

/// The six dates steps and tasks share, in the documented order.
template <typename Scheduled>
void dates(JsonWriter& w, const Scheduled& s) {
  w.member("start", format_iso(s.start))
      .member("finish", format_iso(s.finish))
      .member("early_start", format_iso(s.early_start))
      .member("early_finish", format_iso(s.early_finish))
      .member("late_start", format_iso(s.late_start))
      .member("late_finish", format_iso(s.late_finish));
}

void variance_json(JsonWriter& w, const Variance& v) {
  w.key("variance")
      .begin_object()
      .member("baseline_start", format_iso(v.baseline_start))
      .member("baseline_finish", format_iso(v.baseline_finish))
      .member("start", v.start_variance)
      .member("finish", v.finish_variance)
      .end_object();
}

/// Where a step stands at the status date: finished, under way (with what is
/// left) or not started.
void progress_json(JsonWriter& w, const Step& step, const ScheduledStep& s) {
  w.key("progress")
      .begin_object()
      .member("state", s.finished      ? "done"
                       : s.in_progress ? "in_progress"
                                       : "not_started")
      .member("percent", s.finished ? std::optional<int>(100) : step.progress.percent)
      .member("remaining", s.in_progress ? std::optional<int>(s.remaining) : std::nullopt)
      .end_object();
}

void step_json(JsonWriter& w, const Analysis& a, NodeId v, const Variance* variance) {
  const auto& g = *a.graph;
  const auto& step = g.step(*a.plan, v);
  const auto& s = a.schedule->steps[v];
  w.begin_object()
      .member("id", step.id)
      .member("task", a.plan->tasks[g.nodes[v].task].id)
      .member("name", step.name)
      .member("kind", to_string(step.kind));
  dates(w, s);
  w.member("duration", s.duration);
  if (step.duration.elapsed()) {
    w.member("calendar_days", step.duration.value);
  } else {
    w.key("calendar_days").null();
  }
  w.key("preds").begin_array();
  for (auto i = g.in_begin[v]; i < g.in_begin[v + 1]; ++i) {
    const auto& link = g.links[i];
    w.begin_object()
        .member("on", g.step(*a.plan, link.pred).id)
        .member("type", to_string(link.type))
        .member("lag", link.lag)
        .end_object();
  }
  for (auto i = g.event_begin[v]; i < g.event_begin[v + 1]; ++i) {
    const auto& e = g.event_links[i];
    w.begin_object()
        .member("on", a.plan->events[e.event].id)
        .member("type", to_string(e.type))
        .member("lag", e.lag)
        .end_object();
  }
  w.end_array()
      .member("total_float", s.total_float)
      .member("free_float", s.free_float)
      .member("critical", s.critical)
      .member("driver", to_string(s.driver));
  if (s.driving_link) {
    w.member("driving_pred", g.step(*a.plan, g.links[*s.driving_link].pred).id);
  } else {
    w.key("driving_pred").null();
  }
  w.member("meeting", iso(s.meeting));
  if (a.schedule->status_date) progress_json(w, step, s);
  if (variance != nullptr) variance_json(w, *variance);
  w.end_object();
}

void task_json(JsonWriter& w, const Analysis& a, std::size_t t, const Variance* variance) {
  const auto& task = a.plan->tasks[t];
  const auto& s = a.schedule->tasks[t];
  w.begin_object()
      .member("id", task.id)
      .member("name", task.name)
      .member("group", task.group)
      .member("owner", task.owner)
      .member("lead", task.lead)
      .member("assist", task.assist);
  dates(w, s);
  w.member("total_float", s.total_float).member("critical", s.critical);
  w.key("steps").begin_array();
  for (const auto& step : task.steps) w.value(step.id);
  w.end_array();
  if (variance != nullptr) variance_json(w, *variance);
  w.end_object();
}

void findings_json(JsonWriter& w, const Analysis& a, Lang lang) {
  w.begin_array();
  int number = 0;
  for (const auto& f : a.findings) {
    w.begin_object()
        .member("number", ++number)
        .member("kind", f.kind)
        .member("severity", to_string(f.severity))
        .member("steps", f.steps)
        .member("shortfall", f.shortfall)
        .member("chain", f.chain)
        .member("message", f.message(lang_code(lang)));
    if (f.where.known()) {
      w.member("line", f.where.line);
    } else {
      w.key("line").null();
    }
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string schedule_json(const Analysis& a, Lang lang, const BaselineComparison* comparison) {
  // About 650 bytes a step (with its links) and 100 a task.
  JsonWriter w(650 * a.graph->size() + 100 * a.plan->tasks.size() + 4096);
  w.begin_object().member("format", "tiendo-schedule-1").key("plan");
  plan_json(w, a);
  std::map<std::string_view, const Variance*> variances;
  if (comparison != nullptr) {
    w.member("baseline", comparison->name);
    for (const auto& v : comparison->steps) variances.emplace(v.id, &v);
  }
  if (a.schedule->status_date) w.member("status_date", format_iso(*a.schedule->status_date));
  w.key("steps").begin_array();
  for (NodeId v = 0; v < a.graph->size(); ++v) {
    const auto it = variances.find(a.graph->step(*a.plan, v).id);
    step_json(w, a, v, it == variances.end() ? nullptr : it->second);
  }
  w.end_array().key("tasks").begin_array();
  std::map<std::string_view, const Variance*> task_variances;
  if (comparison != nullptr) {
    for (const auto& v : comparison->tasks) task_variances.emplace(v.id, &v);
  }
  for (std::size_t t = 0; t < a.plan->tasks.size(); ++t) {
    const auto it = task_variances.find(a.plan->tasks[t].id);
    task_json(w, a, t, it == task_variances.end() ? nullptr : it->second);
  }
  w.end_array().key("critical_path").begin_array();
  for (const NodeId v : a.schedule->critical_path) w.value(a.graph->step(*a.plan, v).id);
  w.end_array();
  // The driving path into each end point (at most 30 steps, nearest first
  // kept; a cut path starts with "…"): what sets each end's date.
  w.key("end_points").begin_array();
  for (const NodeId v : end_points(*a.graph)) {
    const auto chain = driving_chain(*a.graph, *a.schedule, v, 30);
    const auto& s = a.schedule->steps[v];
    w.begin_object()
        .member("id", a.graph->step(*a.plan, v).id)
        .member("finish", format_iso(s.finish))
        .member("total_float", s.total_float);
    w.key("driving_path").begin_array();
    if (chain_is_cut(*a.schedule, chain)) w.value("…");
    for (const NodeId n : chain) w.value(a.graph->step(*a.plan, n).id);
    w.end_array().end_object();
  }
  w.end_array().member("feasible", feasible(a.findings)).key("findings");
  findings_json(w, a, lang);
  w.end_object();
  return w.finish();
}

namespace {

void guesses_json(JsonWriter& w, const Plan& plan) {
  w.begin_array();
  for (const auto& g : plan.guesses) {
    w.begin_object()
        .member("subject_kind", g.subject_kind)
        .member("subject", g.subject)
        .member("key", g.key)
        .member("value", g.value)
        .member("why", g.why)
        .member("line", g.where.known() ? std::optional<int>(g.where.line) : std::nullopt)
        .member("column", g.where.known() ? std::optional<int>(g.where.column) : std::nullopt)
        .end_object();
  }
  w.end_array();
}

std::string_view verdict_code(Verdict::Kind kind) {
  switch (kind) {
    case Verdict::Kind::feasible:
      return "feasible";
    case Verdict::Kind::not_feasible:
      return "not-feasible";
    case Verdict::Kind::nothing_to_check:
      return "nothing-to-check";
  }
  return "feasible";
}

}  // namespace

std::string check_json(const Analysis& a, Lang lang) {
  const auto v = verdict_of(*a.plan, a.findings);
  JsonWriter w;
  w.begin_object()
      .member("format", "tiendo-check-1")
      .member("plan", a.plan->info.id)
      .member("verdict", verdict_code(v.kind))
      .member("verdict_text", verdict_text(v, lang))
      .member("feasible", v.is_feasible())
      .member("errors", v.errors)
      .member("warnings", v.warnings)
      .member("guessed_values", v.guesses)
      .member("not_read", v.losses)
      .key("findings");
  findings_json(w, a, lang);
  w.key("guesses");
  guesses_json(w, *a.plan);
  w.end_object();
  return w.finish();
}

std::string guesses_json(const Plan& plan) {
  JsonWriter w;
  w.begin_object().member("format", "tiendo-guesses-1").member("plan", plan.info.id).key("guesses");
  guesses_json(w, plan);
  w.end_object();
  return w.finish();
}

}  // namespace tiendo
