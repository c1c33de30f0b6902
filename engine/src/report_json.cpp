// JSON reports (docs/report-format.md). Keys keep a fixed order so outputs
// can be compared byte for byte.
#include <tiendo/report.hpp>

#include <nlohmann/json.hpp>

namespace tiendo {

namespace {

using Json = nlohmann::ordered_json;

std::string lang_code(Lang lang) {
  return lang == Lang::en ? "en" : "vi";
}

Json plan_json(const Analysis& a) {
  const auto& info = a.plan->info;
  Json plan{{"id", info.id},
            {"title", info.title},
            {"issuer", info.issuer},
            {"issued", info.issued ? Json(format_iso(*info.issued)) : Json(nullptr)},
            {"lang", info.lang},
            {"start", format_iso(a.schedule->start)},
            {"finish", format_iso(a.schedule->finish)}};
  Json events = Json::array();
  for (const auto& e : a.plan->events) {
    events.push_back({{"id", e.id}, {"name", e.name}, {"date", format_iso(e.date)}});
  }
  plan["events"] = events;
  Json committees = Json::array();
  for (const auto& c : a.plan->committees) {
    Json meetings = Json::array();
    for (const Date m : c.meetings) meetings.push_back(format_iso(m));
    committees.push_back(
        {{"id", c.id}, {"name", c.name}, {"meetings", meetings}, {"submit_lead", c.submit_lead}});
  }
  plan["committees"] = committees;
  return plan;
}

/// The six dates steps and tasks share, in the documented order.
template <typename Scheduled>
void put_dates(Json& j, const Scheduled& s) {
  j["start"] = format_iso(s.start);
  j["finish"] = format_iso(s.finish);
  j["early_start"] = format_iso(s.early_start);
  j["early_finish"] = format_iso(s.early_finish);
  j["late_start"] = format_iso(s.late_start);
  j["late_finish"] = format_iso(s.late_finish);
}

Json step_json(const Analysis& a, NodeId v) {
  const auto& g = *a.graph;
  const auto& step = g.step(*a.plan, v);
  const auto& s = a.schedule->steps[v];
  Json preds = Json::array();
  for (auto i = g.in_begin[v]; i < g.in_begin[v + 1]; ++i) {
    const auto& link = g.links[i];
    preds.push_back({{"on", g.step(*a.plan, link.pred).id},
                     {"type", std::string(to_string(link.type))},
                     {"lag", link.lag}});
  }
  for (auto i = g.event_begin[v]; i < g.event_begin[v + 1]; ++i) {
    const auto& e = g.event_links[i];
    preds.push_back({{"on", a.plan->events[e.event].id},
                     {"type", std::string(to_string(e.type))},
                     {"lag", e.lag}});
  }
  Json j{{"id", step.id},
         {"task", a.plan->tasks[g.nodes[v].task].id},
         {"name", step.name},
         {"kind", std::string(to_string(step.kind))}};
  put_dates(j, s);
  j["duration"] = s.duration;
  j["calendar_days"] = step.duration.elapsed() ? Json(step.duration.value) : Json(nullptr);
  j["preds"] = std::move(preds);
  j["total_float"] = s.total_float;
  j["free_float"] = s.free_float;
  j["critical"] = s.critical;
  j["driver"] = std::string(to_string(s.driver));
  j["driving_pred"] =
      s.driving_link ? Json(g.step(*a.plan, g.links[*s.driving_link].pred).id) : Json(nullptr);
  j["meeting"] = s.meeting ? Json(format_iso(*s.meeting)) : Json(nullptr);
  return j;
}

Json task_json(const Analysis& a, std::size_t t) {
  const auto& task = a.plan->tasks[t];
  const auto& s = a.schedule->tasks[t];
  Json steps = Json::array();
  for (const auto& step : task.steps) steps.push_back(step.id);
  Json j{{"id", task.id},
         {"name", task.name},
         {"owner", task.owner},
         {"lead", task.lead},
         {"assist", task.assist}};
  put_dates(j, s);
  j["total_float"] = s.total_float;
  j["critical"] = s.critical;
  j["steps"] = std::move(steps);
  return j;
}

Json findings_json(const Analysis& a, Lang lang) {
  Json out = Json::array();
  int number = 0;
  for (const auto& f : a.findings) {
    out.push_back({{"number", ++number},
                   {"kind", f.kind},
                   {"severity", std::string(to_string(f.severity))},
                   {"steps", f.steps},
                   {"shortfall", f.shortfall},
                   {"chain", f.chain},
                   {"message", f.message(lang_code(lang))},
                   {"line", f.where.known() ? Json(f.where.line) : Json(nullptr)}});
  }
  return out;
}

}  // namespace

std::string schedule_json(const Analysis& a, Lang lang) {
  Json j;
  j["plan"] = plan_json(a);
  Json steps = Json::array();
  for (NodeId v = 0; v < a.graph->size(); ++v) steps.push_back(step_json(a, v));
  j["steps"] = std::move(steps);
  Json tasks = Json::array();
  for (std::size_t t = 0; t < a.plan->tasks.size(); ++t) tasks.push_back(task_json(a, t));
  j["tasks"] = std::move(tasks);
  Json path = Json::array();
  for (const NodeId v : a.schedule->critical_path) path.push_back(a.graph->step(*a.plan, v).id);
  j["critical_path"] = std::move(path);
  // The driving path into each end point (at most 30 steps, nearest first
  // kept; a cut path starts with "…"): what sets each end's date.
  Json ends = Json::array();
  for (const NodeId v : end_points(*a.graph)) {
    const auto chain = driving_chain(*a.graph, *a.schedule, v, 30);
    Json ids = Json::array();
    if (chain_is_cut(*a.schedule, chain)) ids.push_back("…");
    for (const NodeId n : chain) ids.push_back(a.graph->step(*a.plan, n).id);
    const auto& s = a.schedule->steps[v];
    ends.push_back({{"id", a.graph->step(*a.plan, v).id},
                    {"finish", format_iso(s.finish)},
                    {"total_float", s.total_float},
                    {"driving_path", ids}});
  }
  j["end_points"] = std::move(ends);
  j["feasible"] = feasible(a.findings);
  j["findings"] = findings_json(a, lang);
  return j.dump(2) + "\n";
}

std::string check_json(const Analysis& a, Lang lang) {
  Json j{
      {"plan", a.plan->info.id},
      {"feasible", feasible(a.findings)},
      {"errors", std::count_if(a.findings.begin(), a.findings.end(),
                               [](const Finding& f) { return f.severity == Severity::error; })},
      {"warnings", std::count_if(a.findings.begin(), a.findings.end(),
                                 [](const Finding& f) { return f.severity == Severity::warning; })},
      {"findings", findings_json(a, lang)}};
  return j.dump(2) + "\n";
}

}  // namespace tiendo
