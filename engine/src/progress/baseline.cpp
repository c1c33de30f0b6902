// Baselines: the schedule saved when the committee adopted the plan, kept in
// PLAN.baseline.json beside the plan (docs/progress.md), and the variance of
// today's schedule against one, in working days.
#include <tiendo/progress.hpp>

#include <nlohmann/json.hpp>

#include <map>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

using Json = nlohmann::json;

void write_dates(detail::JsonWriter& w, const std::vector<BaselineDates>& list) {
  w.begin_array();
  for (const auto& d : list) {
    w.begin_object()
        .member("id", d.id)
        .member("start", format_iso(d.start))
        .member("finish", format_iso(d.finish));
    if (d.meeting) w.member("meeting", format_iso(*d.meeting));
    w.end_object();
  }
  w.end_array();
}

Diagnostic file_error(std::string code, std::string message, std::string suggestion = {}) {
  return {Severity::error, std::move(code), std::move(message), {}, {}, std::move(suggestion)};
}

/// A text member: empty when absent; a member of another type is an error
/// (nlohmann's value() would throw a type_error the reader does not expect).
std::string text_member(const Json& object, const char* key, const std::string& where) {
  if (!object.contains(key)) return {};
  if (!object[key].is_string()) throw std::runtime_error(where + ": '" + key + "' is not text");
  return object[key].get<std::string>();
}

/// A list member: empty when absent, an error when it is not a list.
const Json& list_member(const Json& object, const char* key, const std::string& where) {
  static const Json empty = Json::array();
  if (!object.contains(key)) return empty;
  if (!object[key].is_array()) throw std::runtime_error(where + ": '" + key + "' is not a list");
  return object[key];
}

/// A date member, or an error naming where it was looked for.
Date date_member(const Json& object, const char* key, const std::string& where) {
  if (!object.contains(key) || !object[key].is_string()) {
    throw std::runtime_error(where + " has no '" + key + "' date");
  }
  const auto d = parse_iso_date(object[key].get<std::string>());
  if (!d)
    throw std::runtime_error(where + ": '" + object[key].get<std::string>() + "' is not a date");
  return *d;
}

std::vector<BaselineDates> read_dates(const Json& list, const std::string& where) {
  std::vector<BaselineDates> out;
  if (!list.is_array()) throw std::runtime_error(where + " is not a list");
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
      throw std::runtime_error(where + " has an entry without an 'id'");
    }
    const auto id = item["id"].get<std::string>();
    BaselineDates d{id, date_member(item, "start", where + " '" + id + "'"),
                    date_member(item, "finish", where + " '" + id + "'"), std::nullopt};
    if (item.contains("meeting")) d.meeting = date_member(item, "meeting", where + " '" + id + "'");
    out.push_back(std::move(d));
  }
  return out;
}

Variance variance(const WorkCalendar& cal, const BaselineDates& then, Date start, Date finish,
                  bool task) {
  return {then.id,
          task,
          then.start,
          then.finish,
          start,
          finish,
          cal.working_days_from(then.start, start),
          cal.working_days_from(then.finish, finish)};
}

}  // namespace

const Baseline* BaselineFile::find(std::string_view name) const {
  for (const auto& b : baselines) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

Baseline make_baseline(const Plan& plan, const DependencyGraph& graph, const Schedule& schedule,
                       std::string name, Date saved) {
  Baseline b{std::move(name), plan.info.id, saved, {}, {}};
  b.steps.reserve(graph.size());
  for (NodeId v = 0; v < graph.size(); ++v) {
    const auto& s = schedule.steps[v];
    b.steps.push_back({graph.step(plan, v).id, s.start, s.finish, s.meeting});
  }
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    b.tasks.push_back({plan.tasks[t].id, schedule.tasks[t].start, schedule.tasks[t].finish, {}});
  }
  return b;
}

std::optional<Diagnostic> add_baseline(BaselineFile& file, Baseline baseline) {
  if (!file.plan_id.empty() && file.plan_id != baseline.plan_id) {
    return file_error(
        "baseline-other-plan",
        "the baseline file is plan '" + file.plan_id + "''s, not '" + baseline.plan_id + "''s",
        "save it beside its own plan, or with another file name");
  }
  file.plan_id = baseline.plan_id;
  for (auto& b : file.baselines) {
    if (b.name == baseline.name) {
      b = std::move(baseline);
      return std::nullopt;
    }
  }
  file.baselines.push_back(std::move(baseline));
  return std::nullopt;
}

std::string baseline_json(const BaselineFile& file) {
  detail::JsonWriter w;
  w.begin_object().member("format", kBaselineFormat).member("plan", file.plan_id);
  w.key("baselines").begin_array();
  for (const auto& b : file.baselines) {
    w.begin_object().member("name", b.name).member("saved", format_iso(b.saved));
    w.key("steps");
    write_dates(w, b.steps);
    w.key("tasks");
    write_dates(w, b.tasks);
    w.end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

BaselineRead read_baseline_file(std::string_view text) {
  BaselineRead out;
  const auto json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    out.diagnostics.push_back(file_error("baseline-unreadable", "not a baseline file (not JSON)",
                                         "save one with 'tiendo baseline save PLAN'"));
    return out;
  }
  const auto format = json.contains("format") && json["format"].is_string()
                          ? json["format"].get<std::string>()
                          : std::string();
  if (format != kBaselineFormat) {
    out.diagnostics.push_back(file_error(
        "baseline-format",
        format.empty() ? "not a baseline file (no 'format')"
                       : "baseline format '" + format + "' is not " + std::string(kBaselineFormat) +
                             ", the one this tiendo reads",
        "save the baseline again with this version: 'tiendo baseline save PLAN --name NAME'"));
    return out;
  }
  try {
    BaselineFile file;
    file.plan_id = text_member(json, "plan", "the file");
    if (!json.contains("baselines") || !json["baselines"].is_array()) {
      throw std::runtime_error("no 'baselines' list");
    }
    for (const auto& item : json["baselines"]) {
      if (!item.is_object()) throw std::runtime_error("a baseline is not an object");
      Baseline b;
      b.name = text_member(item, "name", "a baseline");
      if (b.name.empty()) throw std::runtime_error("a baseline has no 'name'");
      const auto where = "baseline '" + b.name + "'";
      b.plan_id = file.plan_id;
      b.saved = date_member(item, "saved", where);
      b.steps = read_dates(list_member(item, "steps", where), where + " steps");
      b.tasks = read_dates(list_member(item, "tasks", where), where + " tasks");
      file.baselines.push_back(std::move(b));
    }
    out.file = std::move(file);
  } catch (const std::exception& e) {
    out.diagnostics.push_back(file_error("baseline-unreadable", e.what()));
  }
  return out;
}

std::string baseline_file_path(std::string_view plan_path) {
  std::string path(plan_path);
  for (const std::string_view extension : {".yaml", ".yml"}) {
    if (path.ends_with(extension)) {
      path.resize(path.size() - extension.size());
      break;
    }
  }
  return path + ".baseline.json";
}

BaselineComparison compare_with_baseline(const Plan& plan, const DependencyGraph& graph,
                                         const Schedule& schedule, const Baseline& baseline,
                                         Diagnostics& diagnostics) {
  BaselineComparison out;
  out.name = baseline.name;
  if (baseline.plan_id != plan.info.id) {
    diagnostics.push_back(file_error("baseline-other-plan",
                                     "baseline '" + baseline.name + "' is of plan '" +
                                         baseline.plan_id + "', not '" + plan.info.id + "'",
                                     "compare a plan with its own baselines"));
    return out;
  }
  std::map<std::string_view, const BaselineDates*> then;
  for (const auto& d : baseline.steps) then.emplace(d.id, &d);
  std::size_t known = 0;
  for (NodeId v = 0; v < graph.size(); ++v) {
    const auto& id = graph.step(plan, v).id;
    const auto it = then.find(id);
    if (it == then.end()) {
      out.new_steps.push_back(id);
      continue;
    }
    ++known;
    const auto& s = schedule.steps[v];
    out.steps.push_back(variance(schedule.calendar, *it->second, s.start, s.finish, false));
    then.erase(it);
  }
  for (const auto& d : baseline.steps) {
    if (then.count(d.id) != 0) out.missing_steps.push_back(d.id);
  }
  std::map<std::string_view, const BaselineDates*> tasks_then;
  for (const auto& d : baseline.tasks) tasks_then.emplace(d.id, &d);
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    const auto it = tasks_then.find(plan.tasks[t].id);
    if (it == tasks_then.end()) continue;
    out.tasks.push_back(variance(schedule.calendar, *it->second, schedule.tasks[t].start,
                                 schedule.tasks[t].finish, true));
  }
  if (known == 0 && graph.size() > 0) {
    diagnostics.push_back(file_error(
        "baseline-other-plan", "baseline '" + baseline.name + "' knows none of the plan's steps",
        "it was saved from another plan or an earlier draft"));
    return out;
  }
  const auto list = [](const std::vector<std::string>& ids) {
    std::string text;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i) text += (i ? ", '" : "'") + ids[i] + "'";
    return ids.size() > 5 ? text + " and " + std::to_string(ids.size() - 5) + " more" : text;
  };
  if (!out.new_steps.empty()) {
    diagnostics.push_back({Severity::warning,
                           "baseline-new-steps",
                           std::to_string(out.new_steps.size()) + " step(s) not in baseline '" +
                               baseline.name + "' (added since): " + list(out.new_steps),
                           {},
                           {},
                           {}});
  }
  if (!out.missing_steps.empty()) {
    diagnostics.push_back({Severity::warning,
                           "baseline-missing-steps",
                           std::to_string(out.missing_steps.size()) + " step(s) of baseline '" +
                               baseline.name +
                               "' no longer in the plan: " + list(out.missing_steps),
                           {},
                           {},
                           {}});
  }
  return out;
}

std::string baseline_words(std::string_view name, Lang lang) {
  struct Known {
    std::string_view name, vi, en;
  };
  static constexpr Known known[] = {
      {"adopted", "kế hoạch gốc đã được thông qua", "the adopted baseline"},
      {"approved", "kế hoạch gốc đã được phê duyệt", "the approved baseline"},
      {"original", "kế hoạch gốc ban đầu", "the original baseline"},
      {"initial", "kế hoạch gốc ban đầu", "the initial baseline"},
      {"revised", "kế hoạch gốc đã điều chỉnh", "the revised baseline"}};
  for (const auto& k : known) {
    if (k.name == name) return std::string(lang == Lang::en ? k.en : k.vi);
  }
  return (lang == Lang::en ? "the baseline '" : "kế hoạch gốc '") + std::string(name) + "'";
}

}  // namespace tiendo
