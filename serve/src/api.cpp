#include "api.hpp"

#include "budget.hpp"

#include <nlohmann/json.hpp>
#include <tiendo/analysis.hpp>
#include <tiendo/documents/document.hpp>
#include <tiendo/documents/import.hpp>
#include <tiendo/io/exchange.hpp>
#include <tiendo/io/ics.hpp>
#include <tiendo/io/mspdi.hpp>
#include <tiendo/io/xlsx.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/plan_edit.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/progress.hpp>
#include <tiendo/render/render.hpp>
#include <tiendo/report.hpp>
#include <tiendo/status.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <optional>

namespace tiendo::serve {

using nlohmann::json;

namespace {

/// Analyses a plan as the CLI does: a plan that reports progress without a
/// status date is as of today.
Analysis analyze_now(std::string_view text, const Baseline* baseline = nullptr) {
  ParseOptions options;
  options.today = today();
  options.baseline = baseline;
  return analyze(text, options);
}

/// The workspace.yaml a plan was read with: what the page is told of it.
struct WorkspaceUse {
  std::string file;  ///< by its path below the served folder
  std::string name;  ///< its `workspace: name:`
  bool ok = false;   ///< it reads
  std::string text;
  Diagnostics diagnostics;  ///< its own: errors, or warnings beside a reading
};

/// A plan of the folder read as the CLI reads it, and the workspace it was
/// read with (none when it lies in no workspace, or is read alone).
struct Reading {
  Analysis analysis;
  std::optional<WorkspaceUse> workspace;
};

/// The folder of a path below the served folder ("ban" for
/// "ban/workspace.yaml"; "" at its top).
std::string fs_parent(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/// True when a step or task of `plan` waits for another plan's
/// ("PLAN:task.step"): the plans of the workspace are then read together.
bool waits_for_other_plans(const Plan& plan) {
  const auto across = [](const std::vector<LinkSpec>& after) {
    return std::any_of(after.begin(), after.end(), [](const LinkSpec& l) {
      return l.target.find(':') != std::string::npos;
    });
  };
  for (const auto& task : plan.tasks) {
    if (across(task.after)) return true;
    for (const auto& step : task.steps) {
      if (across(step.after)) return true;
    }
  }
  return false;
}

/// A plan that cannot be read because its workspace cannot: an error of the
/// plan (the CLI refuses it too), with the workspace's first error.
Analysis unreadable_workspace(const std::string& file, const std::string& why_en,
                              const std::string& why_vi) {
  Diagnostic d;
  d.severity = Severity::error;
  d.code = "workspace-unreadable";
  d.message = "the workspace file '" + file + "' cannot be read (" + why_en +
              "): this plan takes its committees, people, units and calendar from it";
  d.message_vi = "Không đọc được tệp dùng chung '" + file + "' (" + why_vi +
                 "): kế hoạch này lấy các cơ quan họp, người, đơn vị và lịch từ tệp đó";
  d.suggestion = "mend " + file + ", or move the plan out of its folder";
  d.suggestion_vi = "sửa " + file + ", hoặc chuyển kế hoạch ra khỏi thư mục đó";
  return analyze(std::nullopt, {d});
}

/// The plan `file` of the folder, its text `text` (as the editor holds it,
/// or as saved), read as `tiendo` reads it (plan_loading.cpp): with the
/// workspace.yaml of its folder or one above it (within the served folder),
/// and, when its steps wait for other plans', with the plans of that
/// workspace. An empty `file`: the text alone. `permit` covers the text; it
/// grows to cover the workspace, and the other plans when they are read.
Reading read_plan(const Workspace& workspace, const std::string& file, std::string_view text,
                  WorkGate::Permit& permit, const Baseline* baseline = nullptr) {
  Reading out;
  const auto shared_file = file.empty() ? std::nullopt : workspace.workspace_of_plan(file);
  if (!shared_file) {
    out.analysis = analyze_now(text, baseline);
    return out;
  }
  auto& use = out.workspace.emplace();
  use.file = *shared_file;
  std::string error;
  const auto shared_text = workspace.load_workspace(use.file, error);
  if (!shared_text) {
    out.analysis = unreadable_workspace(use.file, error, error);
    return out;
  }
  use.text = *shared_text;
  if (const auto why = too_large_for_the_page(use.text)) {
    out.analysis = unreadable_workspace(use.file, *why, *why);
    return out;
  }
  permit.grow(analysis_bytes(use.text));
  ParseOptions read_shared;
  read_shared.workspace = true;
  auto shared = parse_plan(use.text, read_shared);
  use.diagnostics = std::move(shared.diagnostics);
  if (!shared.plan) {
    const auto first = std::find_if(use.diagnostics.begin(), use.diagnostics.end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    const auto line = first == use.diagnostics.end() ? 0 : first->where.line;
    const auto en = first == use.diagnostics.end()
                        ? std::string("it has errors")
                        : "line " + std::to_string(line) + ": " + first->message;
    const auto vi = first == use.diagnostics.end()
                        ? std::string("tệp có lỗi")
                        : "dòng " + std::to_string(line) + ": " + first->message_in(Lang::vi);
    out.analysis = unreadable_workspace(use.file, en, vi);
    return out;
  }
  use.ok = true;
  use.name = shared.plan->info.title;
  shared.plan->info.file = use.file;
  ParseOptions options;
  options.today = today();
  options.baseline = baseline;
  options.shared = &*shared.plan;
  auto parsed = parse_plan(text, options);
  if (!parsed.plan || !waits_for_other_plans(*parsed.plan)) {
    out.analysis = analyze(std::move(parsed.plan), std::move(parsed.diagnostics), baseline);
    out.analysis.lang = std::move(parsed.lang);
    return out;
  }
  // Its steps wait for other plans': the workspace's plans read together,
  // as `tiendo portfolio` reads them, named by their path below the
  // workspace's folder (what a link names them by).
  parsed = {};
  const auto folder = fs_parent(use.file);
  const auto below = [&](const std::string& name) {
    return folder.empty() ? name : name.substr(folder.size() + 1);
  };
  std::vector<PortfolioSource> plans;
  std::optional<std::size_t> own;
  std::size_t bytes = 0;
  for (const auto& name : workspace.plans_under(folder)) {
    if (name == file) {
      own = plans.size();
      plans.push_back({below(name), std::string(text)});
      continue;
    }
    const auto loaded = workspace.load(name, error);
    if (!loaded || too_large_for_the_page(loaded->text)) continue;  // said as a link to no plan
    bytes += analysis_bytes(loaded->text);
    plans.push_back({below(name), loaded->text});
  }
  if (!own) {  // a plan the folder's walk leaves out (a new one, not saved yet)
    own = plans.size();
    plans.push_back({below(file), std::string(text)});
  }
  permit.grow(bytes);
  ParseOptions base;
  base.today = today();
  auto portfolio = analyze_portfolio(plans, PortfolioSource{below(use.file), use.text}, base);
  out.analysis = std::move(portfolio.plans[*own].analysis);
  return out;
}

std::string param(const Params& params, const std::string& name, std::string fallback = {}) {
  const auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

Reply json_reply(int status, const json& body) {
  Reply r;
  r.status = status;
  // Replace, not throw, on a byte that is not UTF-8 (a plan's text may hold one).
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

/// Each diagnostic's message and suggestion said in `lang` (the page shows
/// them to the planner), and in English as `message_en` for tools, which
/// match on it whatever the page's language.
json diagnostics_json(const Diagnostics& diagnostics, Lang lang) {
  auto out = json::array();
  for (const auto& d : diagnostics) {
    out.push_back({{"severity", d.severity == Severity::error     ? "error"
                                : d.severity == Severity::warning ? "warning"
                                                                  : "note"},
                   {"code", d.code},
                   {"message", d.message_in(lang)},
                   {"message_en", d.message},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"length", d.where.length},
                   {"suggestion", d.suggestion_in(lang)}});
  }
  return out;
}

/// The diagnostics of a reading: the plan's, then its workspace file's, each
/// of these with its `file` (their lines are that file's, not the plan's).
json reading_diagnostics(const Reading& reading, Lang lang) {
  auto out = diagnostics_json(reading.analysis.diagnostics, lang);
  if (reading.workspace) {
    for (auto d : diagnostics_json(reading.workspace->diagnostics, lang)) {
      d["file"] = reading.workspace->file;
      out.push_back(std::move(d));
    }
  }
  return out;
}

/// The workspace a plan was read with, as the page shows it; null: none.
json workspace_json(const std::optional<WorkspaceUse>& use) {
  if (!use) return nullptr;
  return {{"file", use->file}, {"name", use->name}, {"ok", use->ok}};
}

Lang lang_named(const std::string& lang) {
  return lang == "en" ? Lang::en : Lang::vi;
}

/// The language asked for, else the plan's (its `lang:`, read also when the
/// plan has errors, so that they are said in it).
Lang lang_of(const Params& params, const Analysis& analysis) {
  const auto asked = param(params, "lang");
  return lang_named(!asked.empty() ? asked : analysis.lang);
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

/// The first date on or after `today` among `dates` (with what it is), else
/// the last one, marked past.
struct Dated {
  Date date{};
  json what;
};
json next_of(const std::vector<Dated>& dates, Date today) {
  const Dated* next = nullptr;
  const Dated* last = nullptr;
  for (const auto& d : dates) {
    if (d.date >= today && (next == nullptr || d.date < next->date)) next = &d;
    if (last == nullptr || d.date > last->date) last = &d;
  }
  const auto* pick = next != nullptr ? next : last;
  if (pick == nullptr) return nullptr;
  auto out = pick->what;
  out["date"] = format_iso(pick->date);
  out["past"] = next == nullptr;
  return out;
}

json plan_summary(const Workspace& workspace, const std::string& name, const Loaded& loaded,
                  Date today, WorkGate::Permit& permit) {
  json out = {{"file", name}, {"etag", loaded.etag}};
  const auto reading = read_plan(workspace, name, loaded.text, permit);
  const auto& analysis = reading.analysis;
  if (!analysis.ok()) {
    out["ok"] = false;
    for (const auto& d : analysis.diagnostics) {
      if (d.severity != Severity::error) continue;
      // The list is not asked in a language: the plan's own.
      out["diagnostic"] =
          first_line(format_diagnostic(d, name, loaded.text, lang_named(analysis.lang)));
      break;
    }
    return out;
  }
  const auto& plan = *analysis.plan;
  const auto verdict = verdict_of(plan, analysis.findings);
  out["ok"] = true;
  out["id"] = plan.info.id;
  out["title"] = plan.info.title;
  out["feasible"] = verdict.is_feasible();
  out["nothing_to_check"] = verdict.kind == Verdict::Kind::nothing_to_check;
  out["errors"] = verdict.errors;
  out["warnings"] = verdict.warnings;
  out["guessed_values"] = verdict.guesses;
  out["not_read"] = verdict.losses;
  out["diagnostic"] = nullptr;
  std::vector<Dated> deadlines, meetings;
  for (const auto& task : plan.tasks) {
    for (const auto& step : task.steps) {
      for (const auto& c : step.constraints) {
        if (const auto d = deadline_of(c)) {
          deadlines.push_back({*d, {{"step", step.id}, {"name", step.name}}});
        }
      }
    }
    for (const auto& c : task.constraints) {
      if (const auto d = deadline_of(c)) {
        deadlines.push_back({*d, {{"step", task.id}, {"name", task.name}}});
      }
    }
  }
  for (const auto& committee : plan.committees) {
    for (const auto& d : committee.meetings) {
      meetings.push_back({d, {{"committee", committee.id}, {"name", committee.name}}});
    }
  }
  out["next_deadline"] = next_of(deadlines, today);
  out["next_meeting"] = next_of(meetings, today);
  return out;
}

/// A render's bytes as a reply, or its error.
Reply chart_reply(render::RenderResult result, render::Format format) {
  if (!result.error.empty()) return error_reply(422, result.error);
  Reply r;
  r.content_type = format == render::Format::png   ? "image/png"
                   : format == render::Format::pdf ? "application/pdf"
                                                   : "image/svg+xml; charset=utf-8";
  r.body = std::move(result.bytes);
  return r;
}

/// The largest plan, in entries (budget.hpp), the page draws a PNG or PDF
/// chart or a network of: about 1,400 steps. A PNG is encoded into memory,
/// a PDF recorded, a network laid out whole, and each grows with the steps:
/// for 5,400 steps at 150 dpi `tiendo gantt` makes a PNG of 22 MB and holds
/// 85 MB, `tiendo network` 31 MB and 130 MB. (The Gantt SVG the page shows
/// is drawn for any plan it analyses.)
constexpr std::size_t kMaxChartEntries = 10'000;

/// Why the page does not draw this chart of `text`, or nothing; and what
/// drawing it adds to the analysis' estimate.
struct ChartCost {
  std::optional<std::string> refused;
  std::size_t bytes = 0;
};
ChartCost chart_cost(std::string_view text, const std::string& kind, render::Format format,
                     const Params& params) {
  if (kind == "gantt" && format == render::Format::svg) return {};
  // A PNG's pixels, and so its bytes, grow with the square of the
  // resolution: at 600 dpi a network of 800 steps is 40 MB of PNG (90 MB at
  // the peak), and a sample plan's Gantt 83 MB, so past 300 dpi the bound
  // on entries shrinks with the pixels (2,500 at 600 dpi); and a PNG at
  // 300 dpi and over runs alone.
  double dpi = 150;
  try {
    dpi = std::clamp(std::stod(param(params, "dpi", "150")), 36.0, 600.0);
  } catch (...) {
  }
  const double pixels =
      format == render::Format::png ? std::max(1.0, dpi * dpi / (150.0 * 150.0)) : 1.0;
  const auto most =
      pixels <= 4.0
          ? kMaxChartEntries
          : static_cast<std::size_t>(4.0 * static_cast<double>(kMaxChartEntries) / pixels);
  if (const auto entries = entries_of(text); entries > most) {
    return {"the plan is too large for the page to draw this chart (about " +
                std::to_string(entries) + " keys and items; up to " + std::to_string(most) +
                " at this resolution): draw it with the CLI (tiendo gantt, tiendo network)",
            0};
  }
  return {std::nullopt, static_cast<std::size_t>(pixels * (std::size_t{32} << 20))};
}

/// "svg" → Format::svg: the names are the files' extensions.
std::optional<render::Format> format_named(const std::string& name) {
  return render::format_from_path("." + name);
}

/// The Gantt's time scale the page asks for (?scale=day|week|month), else
/// the one that fits the plan's span.
render::Scale gantt_scale(const Params& params) {
  const auto scale = param(params, "scale");
  if (scale == "day") return render::Scale::day;
  if (scale == "week") return render::Scale::week;
  if (scale == "month") return render::Scale::month;
  return render::Scale::automatic;
}

/// A chart of an analysed plan; `kind` gantt or network.
Reply chart(const Analysis& analysis, const Params& params, const std::string& kind,
            render::Format format, const Baseline* baseline = nullptr) {
  const auto lang = lang_of(params, analysis);
  double dpi = 150;
  try {
    dpi = std::stod(param(params, "dpi", "150"));
  } catch (...) {
    return error_reply(400, "dpi takes a number, e.g. 150");
  }
  if (!(dpi >= 36 && dpi <= 600)) return error_reply(400, "dpi goes from 36 to 600");
  const auto page_name = param(params, "page");
  std::optional<render::PageSize> page;
  if (page_name == "A3" || page_name == "a3") page = render::PageSize::a3;
  if (page_name == "A4" || page_name == "a4") page = render::PageSize::a4;
  if (kind == "network") {
    render::NetworkOptions options;
    options.lang = lang;
    options.dpi = dpi;
    options.page = page;
    return chart_reply(render::render_network(analysis, options, format), format);
  }
  if (kind != "gantt") return error_reply(400, "a chart is 'gantt' or 'network'");
  render::GanttOptions options;
  options.baseline = baseline;
  options.lang = lang;
  options.dpi = dpi;
  options.page = page;
  return chart_reply(render::render_gantt(analysis, options, format), format);
}

}  // namespace

Date today() {
  return std::chrono::floor<date::days>(std::chrono::system_clock::now());
}

Reply error_reply(int status, std::string_view message) {
  return json_reply(status, {{"error", std::string(message)}});
}

Reply list_plans(const Workspace& workspace, Date today) {
  auto plans = json::array();
  // Each workspace file of the folder once, with the first error of one
  // that does not read (its plans are unreadable for it, and say so too).
  std::map<std::string, json> workspaces;
  for (const auto& name : workspace.plans()) {
    json row;
    std::string error;
    const auto loaded = workspace.load(name, error);
    if (!loaded) {
      row = {{"file", name}, {"ok", false}, {"diagnostic", name + ": " + error}};
    } else if (const auto why = too_large_for_the_page(loaded->text)) {
      row = {{"file", name},
             {"etag", loaded->etag},
             {"ok", false},
             {"diagnostic", name + ": " + *why}};
    } else {
      auto permit = WorkGate::analyses().enter(analysis_bytes(loaded->text));
      row = plan_summary(workspace, name, *loaded, today, permit);
    }
    row["folder"] = fs_parent(name);
    const auto shared = workspace.workspace_of_plan(name);
    row["workspace"] = shared ? json(*shared) : json(nullptr);
    if (shared && !workspaces.contains(*shared)) {
      json about = {{"file", *shared}, {"folder", fs_parent(*shared)}, {"name", ""}, {"ok", false},
                    {"diagnostic", nullptr}};
      const auto text = workspace.load_workspace(*shared, error);
      const auto too_large = text ? too_large_for_the_page(*text) : std::nullopt;
      if (!text || too_large) {
        about["diagnostic"] = *shared + ": " + (text ? *too_large : error);
      } else {
        const auto permit = WorkGate::analyses().enter(analysis_bytes(*text));
        ParseOptions options;
        options.workspace = true;
        const auto read = parse_plan(*text, options);
        about["ok"] = read.plan.has_value();
        if (read.plan) about["name"] = read.plan->info.title;
        for (const auto& d : read.diagnostics) {
          if (d.severity != Severity::error) continue;
          about["diagnostic"] = first_line(format_diagnostic(d, *shared, *text, Lang::vi));
          break;
        }
      }
      workspaces[*shared] = std::move(about);
    }
    plans.push_back(std::move(row));
  }
  auto listed = json::array();
  for (auto& [file, about] : workspaces) listed.push_back(std::move(about));
  return json_reply(200, {{"dir", workspace.dir().filename().string()},
                          {"plans", plans},
                          {"workspaces", listed},
                          {"workspace_above", workspace.workspace_above()}});
}

Reply get_plan(const Workspace& workspace, const Params& params) {
  const auto name = param(params, "file");
  if (!workspace.resolve(name)) return error_reply(403, "no plan '" + name + "' in this folder");
  std::string error;
  const auto loaded = workspace.load(name, error);
  if (!loaded) return error_reply(404, error);
  auto r = json_reply(200, {{"file", name}, {"text", loaded->text}, {"etag", loaded->etag}});
  r.headers["ETag"] = loaded->etag;
  return r;
}

namespace {

/// The plan a request about the editor's text names (?file=), checked as
/// every path is; nullopt (a 403) when it leads out of the folder. No
/// `file`: the text is read alone, in no workspace.
std::optional<std::string> named_plan(const Workspace& workspace, const Params& params,
                                      Reply& refused) {
  auto name = param(params, "file");
  if (!name.empty() && !workspace.resolve(name)) {
    refused = error_reply(403, "no plan '" + name + "' in this folder");
    return std::nullopt;
  }
  return name;
}

}  // namespace

Reply analyze_text(const Workspace& workspace, std::string_view text, const Params& params) {
  Reply refused;
  const auto file = named_plan(workspace, params, refused);
  if (!file) return refused;
  if (const auto why = too_large_for_the_page(text)) return error_reply(413, *why);
  auto permit = WorkGate::analyses().enter(analysis_bytes(text));
  const auto started = std::chrono::steady_clock::now();
  const auto reading = read_plan(workspace, *file, text, permit);
  const auto& analysis = reading.analysis;
  const auto lang = lang_of(params, analysis);
  json out = {{"ok", analysis.ok()},
              {"diagnostics", reading_diagnostics(reading, lang)},
              {"workspace", workspace_json(reading.workspace)}};
  // The reports are JSON already: embedded as they are, not parsed again.
  std::string schedule = "null", check = "null", gantt = "null";
  if (analysis.ok()) {
    schedule = schedule_json(analysis, lang);
    check = check_json(analysis, lang);
    out["explain"] = explain_plan(*analysis.plan, lang);
    out["meetings"] = meetings_text(*analysis.plan, lang);
    render::GanttOptions options;
    options.lang = lang;
    options.scale = gantt_scale(params);
    const auto svg = render::render_gantt(analysis, options, render::Format::svg);
    gantt = svg.error.empty() ? json(svg.bytes).dump(-1, ' ', false, json::error_handler_t::replace)
                              : "null";
    if (!svg.error.empty()) out["chart_error"] = svg.error;
  }
  out["millis"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  auto body = out.dump(-1, ' ', false, json::error_handler_t::replace);
  body.pop_back();  // the closing brace: the reports go in before it
  body += ",\"schedule\":" + schedule + ",\"check\":" + check + ",\"gantt_svg\":" + gantt + "}";
  Reply r;
  r.body = std::move(body);
  return r;
}

Reply chart_of_text(const Workspace& workspace, std::string_view text, const Params& params) {
  Reply refused;
  const auto file = named_plan(workspace, params, refused);
  if (!file) return refused;
  const auto format = format_named(param(params, "format", "svg"));
  if (!format) return error_reply(400, "format is svg, png or pdf");
  if (const auto why = too_large_for_the_page(text)) return error_reply(413, *why);
  const auto kind = param(params, "kind", "gantt");
  const auto cost = chart_cost(text, kind, *format, params);
  if (cost.refused) return error_reply(413, *cost.refused);
  auto permit = WorkGate::analyses().enter(analysis_bytes(text) + cost.bytes);
  const auto reading = read_plan(workspace, *file, text, permit);
  if (!reading.analysis.ok()) return error_reply(422, "the plan has errors: see the text");
  return chart(reading.analysis, params, kind, *format);
}

/// `{text, confirm: {subject_kind, subject, key}}`: the planner says a
/// guessed value is right; it leaves the plan's `guessed`.
Reply confirm_text(const json& request) {
  const auto& c = request["confirm"];
  for (const char* key : {"subject_kind", "subject", "key"}) {
    if (!c.is_object() || !c.contains(key) || !c[key].is_string()) {
      return error_reply(400, std::string("'confirm.") + key + "' is missing or not a string");
    }
  }
  const auto edited =
      confirm_guess(request["text"].get<std::string>(), c["subject_kind"].get<std::string>(),
                    c["subject"].get<std::string>(), c["key"].get<std::string>());
  if (!edited.ok()) return error_reply(422, edited.error);
  return json_reply(200, {{"text", edited.text}});
}

Reply edit_text(std::string_view body) {
  // Parsing the JSON holds the text again, and more while it grows.
  if (body.size() > kMaxPlanBytes + (std::size_t{64} << 10)) {
    return error_reply(
        413, "the plan is too large for the page (" + std::to_string(body.size() >> 10) +
                 " KB; the page works with up to " + std::to_string(kMaxPlanBytes >> 20) + " MB)");
  }
  const auto request = json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object()) {
    return error_reply(400, "the body is JSON: {text, step, key, value}");
  }
  // The text is read as a plan to be edited: bounded as an analysis is.
  const auto text = request.contains("text") && request["text"].is_string()
                        ? std::string_view(request["text"].get_ref<const std::string&>())
                        : std::string_view();
  if (const auto why = too_large_for_the_page(text)) return error_reply(413, *why);
  const auto permit = WorkGate::analyses().enter(analysis_bytes(text));
  if (request.contains("confirm")) {
    if (!request.contains("text") || !request["text"].is_string()) {
      return error_reply(400, "'text' is missing or not a string");
    }
    return confirm_text(request);
  }
  for (const char* key : {"text", "step", "key", "value"}) {
    if (!request.contains(key) || !request[key].is_string()) {
      return error_reply(400, std::string("'") + key + "' is missing or not a string");
    }
  }
  static const std::vector<std::string> kKeys{"name",    "kind", "duration", "when",     "after",
                                              "due",     "note", "owner",    "lead",     "at",
                                              "started", "done", "progress", "remaining"};
  const auto key = request["key"].get<std::string>();
  if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
    return error_reply(400, "'" + key + "' is not a key the form edits");
  }
  const auto edited =
      set_step_value(request["text"].get<std::string>(), request["step"].get<std::string>(), key,
                     request["value"].get<std::string>());
  if (!edited.ok()) return error_reply(422, edited.error);
  return json_reply(200, {{"text", edited.text}});
}

Reply save_plan(Workspace& workspace, const Params& params, std::string_view if_match,
                std::string_view text) {
  const auto name = param(params, "file");
  if (!workspace.resolve(name)) return error_reply(403, "no plan '" + name + "' in this folder");
  if (if_match.empty()) {
    return error_reply(428, "a save says which version it replaces (If-Match)");
  }
  // Text that is no plan at all (not YAML, not a mapping, binary) never
  // replaces the file; a plan with errors may (work in progress), and the
  // page shows its errors. Nor does a plan the page could not open again.
  if (const auto why = too_large_for_the_page(text)) return error_reply(413, "not saved: " + *why);
  const auto permit = WorkGate::analyses().enter(analysis_bytes(text));
  const auto parsed = parse_plan(text);
  for (const auto& d : parsed.diagnostics) {
    if (d.code != "yaml-syntax" && d.code != "expected-map" && d.code != "empty-plan") continue;
    return json_reply(
        422, {{"error", "not saved: the text is not a plan (line " + std::to_string(d.where.line) +
                            ", column " + std::to_string(d.where.column) + ": " + d.message + ")"},
              {"line", d.where.line},
              {"column", d.where.column}});
  }
  const auto saved = workspace.save(name, text, if_match);
  switch (saved.status) {
    case Saved::Status::saved: {
      auto r = json_reply(200, {{"etag", saved.etag}});
      r.headers["ETag"] = saved.etag;
      return r;
    }
    case Saved::Status::conflict:
      return json_reply(409, {{"error", "the file changed on disk since it was opened"},
                              {"etag", saved.etag},
                              {"text", saved.current}});
    case Saved::Status::failed:
      break;
  }
  return error_reply(500, saved.error);
}

namespace {

/// A plan from another scheduler's file (MS Project XML, PSPLIB), in the
/// shape of a document import; nothing when the bytes are neither.
std::optional<documents::ImportResult> import_exchange(std::string_view bytes,
                                                       const std::string& name) {
  auto exchanged = io::import_exchange(bytes, name);
  if (!exchanged) return std::nullopt;
  documents::ImportResult result;
  result.yaml = std::move(exchanged->yaml);
  result.diagnostics = std::move(exchanged->diagnostics);
  result.tasks = exchanged->tasks;
  result.steps = exchanged->steps;
  result.tasks_from = exchanged->format;
  return result;
}

/// The bounds a document is read under before the server imports it: a
/// ninth of the parsed trees and a twelfth of the text the CLI reads, so
/// that the import (the reading, the importer's work and the check of the
/// plan it makes, which grows with its rows) stays within the work budget.
/// The committed documents hold a small part of it
/// (HeldBound.EveryCommittedDocumentReadsFarUnderTheBounds).
documents::ReadLimits import_limits() {
  documents::ReadLimits limits;
  limits.max_parsed_bytes = std::size_t{16} << 20;
  limits.max_held_bytes = std::size_t{4} << 20;
  return limits;
}

}  // namespace

Reply import_document(Workspace& workspace, const Params& params, std::string_view bytes) {
  const auto name = param(params, "name", "bang.tsv");
  const auto lang = lang_named(param(params, "lang", "vi"));
  // An import runs alone: its cost is the document's, known once it is read.
  const auto permit = WorkGate::analyses().enter(kWorkBudget);
  auto exchanged = import_exchange(bytes, name);
  if (!exchanged) {
    // The importer reads under the CLI's bounds (ImportOptions takes none):
    // the document is read first under the server's, and refused when it
    // holds more. Only then is it read again to be imported.
    const auto read = documents::read_document(bytes, name, import_limits());
    if (!read.document && !read.diagnostics.empty() &&
        read.diagnostics.back().code == "document-too-large") {
      return json_reply(422, {{"error", "nothing could be imported from '" + name + "'"},
                              {"diagnostics", diagnostics_json(read.diagnostics, lang)}});
    }
  }
  const auto result = exchanged ? std::move(*exchanged) : documents::import_plan(bytes, name);
  const auto diagnostics = diagnostics_json(result.diagnostics, lang);
  if (result.yaml.empty()) {
    return json_reply(422, {{"error", "nothing could be imported from '" + name + "'"},
                            {"diagnostics", diagnostics}});
  }
  if (const auto why = too_large_for_the_page(result.yaml)) {
    return json_reply(422, {{"error", "not imported: " + *why}, {"diagnostics", diagnostics}});
  }
  std::string error;
  const auto file = workspace.create(name, result.yaml, error);
  if (!file) return error_reply(500, error);
  return json_reply(201, {{"file", *file},
                          {"diagnostics", diagnostics},
                          {"tasks", result.tasks},
                          {"steps", result.steps},
                          {"tasks_from", result.tasks_from},
                          {"not_read", result.times_not_read},
                          {"guessed_values", result.guesses}});
}

namespace {

/// Downloads already made, by the plan's content tag and the request: a
/// committee's ten browsers asking for the same chart render it once.
/// Bounded by its bytes, not its count: a large plan's charts and exports
/// are megabytes each (one plan of 27,000 tasks: 90 MB for its downloads),
/// and 64 of them were kept. A reply over a quarter of the bound is not
/// kept, and the cache is emptied when full (the next requests fill it again).
class DownloadCache {
 public:
  static constexpr std::size_t kBytes = std::size_t{8} << 20;

  std::optional<Reply> find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = replies_.find(key);
    if (it == replies_.end()) return std::nullopt;
    return it->second;
  }
  void keep(const std::string& key, const Reply& reply) {
    const auto size = key.size() + reply.body.size();
    if (reply.status != 200 || size > kBytes / 4) return;
    const std::lock_guard lock(mutex_);
    if (bytes_ + size > kBytes) {
      replies_.clear();
      bytes_ = 0;
    }
    if (replies_.emplace(key, reply).second) bytes_ += size;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, Reply> replies_;
  std::size_t bytes_ = 0;
};

Reply make_download(const Workspace& workspace, const std::string& name, const Loaded& loaded,
                    const Params& params, const std::string& baselines, WorkGate::Permit& permit);

/// Why the saved plan makes nothing: its workspace does not read (said as
/// it is), or it has errors of its own.
Reply saved_plan_unreadable(const Analysis& analysis) {
  for (const auto& d : analysis.diagnostics) {
    if (d.code == "workspace-unreadable") return error_reply(422, d.message + "; " + d.suggestion);
  }
  return error_reply(422, "the saved plan has errors: open it to see them");
}

/// A plan's baselines file read from its text; an empty one when there is
/// none yet (an empty text).
std::optional<BaselineFile> parse_baselines(const std::string& text, Reply& failed) {
  if (text.empty()) return BaselineFile{};
  auto read = read_baseline_file(text);
  if (!read.file) {
    failed = error_reply(422, read.diagnostics.empty() ? "the baselines file cannot be read"
                                                       : read.diagnostics.front().message);
  }
  return std::move(read.file);
}

std::optional<BaselineFile> baselines_of(const Workspace& workspace, const std::string& name,
                                         Reply& failed) {
  std::string error;
  const auto text = workspace.load_baselines(name, error);
  if (!text) {
    failed = error_reply(404, error);
    return std::nullopt;
  }
  return parse_baselines(*text, failed);
}

}  // namespace

Reply list_baselines(const Workspace& workspace, const Params& params) {
  const auto name = param(params, "file");
  if (!workspace.resolve(name)) return error_reply(403, "no plan '" + name + "' in this folder");
  Reply failed;
  const auto file = baselines_of(workspace, name, failed);
  if (!file) return failed;
  auto list = json::array();
  for (const auto& b : file->baselines) {
    list.push_back({{"name", b.name}, {"saved", format_iso(b.saved)}});
  }
  return json_reply(200, {{"baselines", list}});
}

Reply save_baseline(Workspace& workspace, const Params& params, Date today) {
  const auto name = param(params, "file");
  const auto baseline_name = param(params, "name", "adopted");
  if (!workspace.resolve(name)) return error_reply(403, "no plan '" + name + "' in this folder");
  if (baseline_name.empty() || baseline_name.size() > 64) {
    return error_reply(400, "a baseline's name has 1 to 64 characters");
  }
  std::string error;
  const auto loaded = workspace.load(name, error);
  if (!loaded) return error_reply(404, error);
  if (const auto why = too_large_for_the_page(loaded->text)) return error_reply(413, *why);
  auto permit = WorkGate::analyses().enter(analysis_bytes(loaded->text));
  const auto reading = read_plan(workspace, name, loaded->text, permit);
  const auto& analysis = reading.analysis;
  if (!analysis.ok()) return saved_plan_unreadable(analysis);
  auto baseline =
      make_baseline(*analysis.plan, *analysis.graph, *analysis.schedule, baseline_name, today);
  std::optional<Reply> refused;
  bool replacing = false;
  const auto failed =
      workspace.update_baselines(name, [&](const std::string& text) -> std::optional<std::string> {
        Reply unreadable;
        auto file = parse_baselines(text, unreadable);
        if (!file) {
          refused = unreadable;
          return std::nullopt;
        }
        replacing = file->find(baseline_name) != nullptr;
        if (const auto other = add_baseline(*file, std::move(baseline))) {
          refused = error_reply(409, other->message);
          return std::nullopt;
        }
        return baseline_json(*file);
      });
  if (refused) return *refused;
  if (!failed.empty()) return error_reply(failed.starts_with("no baselines") ? 404 : 500, failed);
  auto reply = list_baselines(workspace, params);
  reply.status = replacing ? 200 : 201;
  return reply;
}

Reply download(const Workspace& workspace, const Params& params) {
  static DownloadCache cache;
  const auto name = param(params, "file");
  if (!workspace.resolve(name)) return error_reply(403, "no plan '" + name + "' in this folder");
  std::string error;
  const auto loaded = workspace.load(name, error);
  if (!loaded) return error_reply(404, error);
  // What a download is made of: the plan, the request, today (the status
  // date of a plan that reports progress without one) and the baselines
  // (one saved again under its name changes what is made), read once.
  std::string key = name + "\n" + loaded->etag + "\n" + format_iso(today());
  for (const auto& [k, v] : params) key += "\n" + k + "=" + v;
  // And its workspace: what it shares, and the plans its steps may wait for.
  if (const auto shared = workspace.workspace_of_plan(name)) {
    const auto text = workspace.load_workspace(*shared, error);
    key += "\n" + *shared + "=" + (text ? etag_of(*text) : "unreadable");
    for (const auto& other : workspace.plans_under(fs_parent(*shared))) {
      if (const auto plan = workspace.load(other, error); plan && other != name) {
        key += "\n" + other + "=" + plan->etag;
      }
    }
  }
  std::string baselines;
  if (!param(params, "baseline").empty()) {
    const auto text = workspace.load_baselines(name, error);
    if (!text) return error_reply(404, error);
    baselines = *text;
    key += "\n" + etag_of(baselines);
  }
  if (auto cached = cache.find(key)) return *cached;
  if (const auto why = too_large_for_the_page(loaded->text)) return error_reply(413, *why);
  const auto what = param(params, "what");
  const auto kind = what.substr(0, what.find('.'));
  const auto format = format_named(what.substr(what.find('.') + 1));
  ChartCost cost;
  if ((kind == "gantt" || kind == "network") && format) {
    cost = chart_cost(loaded->text, kind, *format, params);
    if (cost.refused) return error_reply(413, *cost.refused);
  } else if (what == "status.pdf") {
    cost.bytes = std::size_t{8} << 20;  // one page
  }
  auto permit = WorkGate::analyses().enter(analysis_bytes(loaded->text) + cost.bytes);
  auto reply = make_download(workspace, name, *loaded, params, baselines, permit);
  cache.keep(key, reply);
  return reply;
}

namespace {

/// Text in a header (ASCII only): the page decodes it with decodeURIComponent.
std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~' || c == ' ') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

/// A plan that reports no progress has no status to report: as of today it
/// would count nothing late and forecast the plan's own dates (issue 22).
Reply no_progress_reply(Lang lang) {
  return error_reply(
      422, lang == Lang::en
               ? "the plan reports no progress yet: there is no status to report. Enter the "
                 "steps' progress (the Steps tab, or progress: in the file) and save first."
               : "kế hoạch chưa ghi tiến độ thực hiện nào: chưa có gì để báo cáo. Hãy ghi tiến "
                 "độ của các bước (tab Các bước, hoặc progress: trong tệp) rồi lưu.");
}

/// The status report as of the plan's status date (or today), as the CLI's
/// `tiendo status` makes it.
Reply status_download(const Analysis& analysis, Lang lang, const std::string& extension,
                      const BaselineComparison* against, const Baseline* baseline) {
  if (!analysis.schedule->status_date) return no_progress_reply(lang);
  const auto report = status_report(analysis, today(), against);
  Reply r;
  if (extension == "pdf") {
    auto pdf = render::render_status(analysis, report, lang, baseline);
    if (!pdf.error.empty()) return error_reply(422, pdf.error);
    r.content_type = "application/pdf";
    r.body = std::move(pdf.bytes);
  } else if (extension == "txt") {
    r.content_type = "text/plain; charset=utf-8";
    r.body = status_text(report, lang);
  } else if (extension == "json") {
    r.body = status_json(report, lang);
  } else {
    return error_reply(400, "a status report downloads as pdf, txt or json");
  }
  return r;
}

/// The plan for a calendar program, Excel or MS Project (docs/exchange.md).
Reply exchange_download(const Analysis& analysis, Lang lang, const std::string& extension) {
  io::ExportResult made;
  Reply r;
  if (extension == "ics") {
    io::IcsOptions options;
    options.lang = lang;
    made = io::export_ics(analysis, options);
    r.content_type = "text/calendar; charset=utf-8";
  } else if (extension == "xlsx") {
    made = io::export_xlsx(analysis, {lang});
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    made = io::export_mspdi(analysis);
    r.content_type = "application/xml; charset=utf-8";
  }
  if (!made.ok()) return error_reply(422, made.error);
  r.body = std::move(made.bytes);
  return r;
}

Reply make_download(const Workspace& workspace, const std::string& name, const Loaded& loaded,
                    const Params& params, const std::string& baselines, WorkGate::Permit& permit) {
  // Against a baseline (?baseline=NAME): variance in the schedule, baseline
  // bars in the Gantt, behind-schedule against its dates in the status.
  std::optional<Baseline> baseline;
  if (const auto wanted = param(params, "baseline"); !wanted.empty()) {
    Reply failed;
    const auto file = parse_baselines(baselines, failed);
    if (!file) return failed;
    const auto* found = file->find(wanted);
    if (found == nullptr) return error_reply(404, "no baseline '" + wanted + "' for " + name);
    baseline = *found;
  }
  const auto reading =
      read_plan(workspace, name, loaded.text, permit, baseline ? &*baseline : nullptr);
  const auto& analysis = reading.analysis;
  if (!analysis.ok()) return saved_plan_unreadable(analysis);
  std::optional<BaselineComparison> comparison;
  std::string warned;  // steps added or removed since the baseline: said, never dropped
  if (baseline) {
    Diagnostics diagnostics;
    comparison = compare_with_baseline(*analysis.plan, *analysis.graph, *analysis.schedule,
                                       *baseline, diagnostics);
    for (const auto& d : diagnostics) {
      if (d.severity == Severity::error) return error_reply(409, d.message);
      warned += (warned.empty() ? "" : "\n") + d.message;
    }
  }
  const BaselineComparison* against = comparison ? &*comparison : nullptr;
  const auto what = param(params, "what");
  const auto dot = what.find('.');
  const auto kind = what.substr(0, dot);
  const auto extension = dot == std::string::npos ? std::string() : what.substr(dot + 1);
  const auto lang = lang_of(params, analysis);
  Reply r;
  if (kind == "gantt" || kind == "network") {
    const auto format = format_named(extension);
    if (!format) return error_reply(400, "a chart downloads as png, pdf or svg");
    r = chart(analysis, params, kind, *format, baseline ? &*baseline : nullptr);
  } else if (what == "schedule.json") {
    r.body = schedule_json(analysis, lang, against);
  } else if (what == "schedule.csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = schedule_csv(analysis, lang, against);
  } else if (what == "schedule.txt") {
    r.content_type = "text/plain; charset=utf-8";
    r.body = schedule_table(analysis, lang, against);
  } else if (what == "check.json") {
    r.body = check_json(analysis, lang);
  } else if (what == "check.txt") {
    r.content_type = "text/plain; charset=utf-8";
    r.body = check_text(analysis, lang);
  } else if (kind == "status") {
    r = status_download(analysis, lang, extension, against, baseline ? &*baseline : nullptr);
  } else if (what == "calendar.ics" || what == "schedule.xlsx" || what == "project.xml") {
    r = exchange_download(analysis, lang, extension);
  } else {
    return error_reply(400,
                       "what is gantt.png|pdf|svg, network.png|pdf|svg, schedule.json|csv|"
                       "txt, check.json|txt, status.pdf|txt|json, calendar.ics, schedule.xlsx "
                       "or project.xml");
  }
  if (r.status == 200 && !warned.empty()) r.headers["X-Tiendo-Warning"] = percent_encoded(warned);
  if (r.status == 200) {
    // The file's own name, not its folder's: "ban/kh.yaml" → kh.gantt.png.
    const auto own = name.substr(name.rfind('/') + 1);
    const auto stem = own.substr(0, own.rfind('.'));
    r.headers["Content-Disposition"] = "attachment; filename=\"" + stem + "." + what + "\"";
  }
  return r;
}

}  // namespace

}  // namespace tiendo::serve
