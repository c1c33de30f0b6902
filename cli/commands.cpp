// The subcommand table and argument parsing. Every decision about plans and
// charts lives in the libraries; this file maps flags to library calls and
// results to streams, files and exit codes.
#include "commands.hpp"

#include "date_arg.hpp"
#include "export_command.hpp"
#include "output.hpp"
#include "plan_loading.hpp"
#include "portfolio_command.hpp"
#include "progress_commands.hpp"
#include "risk_command.hpp"
#include "serve_command.hpp"

#include <CLI/CLI.hpp>
#include <tiendo/analysis.hpp>
#include <tiendo/documents/import.hpp>
#include <tiendo/files.hpp>
#include <tiendo/render/render.hpp>
#include <tiendo/report.hpp>
#include <tiendo/suggest.hpp>
#include <tiendo/version.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>

namespace tiendo::cli {

namespace {

int run_schedule(const Args& args) {
  const auto loaded = load_plan(args);
  if (!loaded) return kBadInput;
  const auto& analysis = loaded->analysis;
  const auto* comparison = loaded->comparison ? &*loaded->comparison : nullptr;
  const auto lang = pick_lang(args, analysis);
  if (args.format == "json") return emit(args, schedule_json(analysis, lang, comparison));
  if (args.format == "csv") return emit(args, schedule_csv(analysis, lang, comparison));
  return emit(args, schedule_table(analysis, lang, comparison));
}

int run_check(const Args& args) {
  const auto analysis = load(args);
  if (!analysis) return kBadInput;
  const auto lang = pick_lang(args, *analysis);
  const auto text =
      args.format == "json" ? check_json(*analysis, lang) : check_text(*analysis, lang);
  if (const int status = emit(args, text); status != kOk) return status;
  // Nothing to check against is no 'feasible' either: a script must not
  // take an empty plan for a good one.
  return verdict_of(*analysis->plan, analysis->findings).is_feasible() ? kOk : kFindings;
}

/// The chart's format: --format, else the extension of -o. Standard output
/// (-o -) has no extension, so it needs --format.
std::optional<render::Format> chart_format(const Args& args) {
  if (args.output.empty()) {
    std::cerr << "tiendo: a chart needs -o FILE.png, FILE.svg or FILE.pdf (or -o - --format png)\n";
    return std::nullopt;
  }
  const auto named =
      args.format.empty() ? std::nullopt : render::format_from_path("." + args.format);
  const auto by_extension =
      args.output == "-" ? std::nullopt : render::format_from_path(args.output);
  if (named && by_extension && *named != *by_extension) {
    std::cerr << "tiendo: --format " << args.format << " but -o '" << args.output
              << "' names another format\n";
    return std::nullopt;
  }
  if (!named && !by_extension) {
    if (args.output == "-") {
      std::cerr << "tiendo: a chart on standard output needs --format png, svg or pdf\n";
    } else {
      std::cerr << "tiendo: cannot tell the format of '" << args.output
                << "': name it .png, .svg or .pdf, or give --format\n";
    }
    return std::nullopt;
  }
  return named ? named : by_extension;
}

std::optional<render::PageSize> page_arg(const std::string& page) {
  if (page.empty()) return std::nullopt;
  return page == "A3" || page == "a3" ? render::PageSize::a3 : render::PageSize::a4;
}

int write_chart(const Args& args, const render::RenderResult& result) {
  if (!result.error.empty()) {
    std::cerr << "tiendo: " << result.error << "\n";
    return kBadInput;
  }
  return emit(args, result.bytes);
}

int run_gantt(const Args& args) {
  const auto format = chart_format(args);
  if (!format) return kBadInput;
  render::GanttOptions options;
  bool ok = true;
  options.from = date_arg(args.from, "--from", ok);
  options.to = date_arg(args.to, "--to", ok);
  options.status_date = date_arg(args.status_date, "--status-date", ok);
  if (!ok) return kBadInput;
  if (options.from && options.to && *options.to < *options.from) {
    std::cerr << "tiendo: --from " << args.from << " is after --to " << args.to
              << ": the chart would show no day\n";
    return kBadInput;
  }
  // A folder: its plans as one chart, each plan a group of rows.
  std::error_code ec;
  std::optional<Analysis> analysis;
  std::optional<Baseline> baseline;
  if (std::filesystem::is_directory(args.plan_path, ec)) {
    analysis = portfolio_for_chart(args.plan_path, args.level == "plans");
  } else if (auto loaded = load_plan(args)) {
    analysis = std::move(loaded->analysis);
    baseline = std::move(loaded->baseline);
  }
  if (!analysis) return kBadInput;
  if (baseline) options.baseline = &*baseline;
  options.lang = pick_lang(args, *analysis);
  options.dpi = args.dpi;
  options.page = page_arg(args.page);
  options.title = args.title;
  options.critical_only = args.critical_only;
  static const std::map<std::string, render::Links> links{{"auto", render::Links::automatic},
                                                          {"all", render::Links::all},
                                                          {"driving", render::Links::driving},
                                                          {"critical", render::Links::critical},
                                                          {"none", render::Links::none}};
  options.links = args.no_links ? render::Links::none : links.at(args.links);
  static const std::map<std::string, render::Scale> scales{{"auto", render::Scale::automatic},
                                                           {"day", render::Scale::day},
                                                           {"week", render::Scale::week},
                                                           {"month", render::Scale::month}};
  options.scale = scales.at(args.scale);
  static const std::map<std::string, render::GroupBy> groups{{"task", render::GroupBy::task},
                                                             {"owner", render::GroupBy::owner},
                                                             {"lead", render::GroupBy::lead}};
  options.group_by = groups.at(args.group_by);
  static const std::map<std::string, render::Fit> fits{
      {"none", render::Fit::none}, {"page", render::Fit::page}, {"slide", render::Fit::slide}};
  options.fit = fits.at(args.fit);
  if (options.fit == render::Fit::slide && !args.page.empty()) {
    std::cerr << "tiendo: --fit slide is a 16:9 slide; --page " << args.page
              << " is for --fit page\n";
    return kBadInput;
  }
  if (!args.columns.empty()) {
    static const std::map<std::string, render::Column> names{{"stt", render::Column::number},
                                                             {"name", render::Column::name},
                                                             {"owner", render::Column::owner},
                                                             {"lead", render::Column::lead}};
    options.columns.clear();
    std::string rest = args.columns + ",";
    for (auto comma = rest.find(','); comma != std::string::npos; comma = rest.find(',')) {
      const auto name = rest.substr(0, comma);
      rest.erase(0, comma + 1);
      if (name.empty()) continue;
      const auto it = names.find(name);
      if (it == names.end()) {
        std::cerr << "tiendo: --columns takes stt, name, owner, lead; not '" << name << "'\n";
        return kBadInput;
      }
      options.columns.push_back(it->second);
    }
  }
  return write_chart(args, render::render_gantt(*analysis, options, *format));
}

int run_calendar(const Args& args) {
  if (args.plan_path != "vn") {
    // A plan: its committees' meetings, and those a day off moved.
    if (args.plan_path.size() > 5 && args.plan_path.ends_with(".yaml")) {
      const auto analysis = load(args);
      if (!analysis) return kBadInput;
      return emit(args, meetings_text(*analysis->plan, pick_lang(args, *analysis)));
    }
    std::cerr << "tiendo: the built-in calendar is 'vn', not '" << args.plan_path
              << "' (or give a plan file: tiendo calendar PLAN.yaml)\n";
    return kBadInput;
  }
  if (args.year == 0) {
    std::cerr << "tiendo: calendar vn needs a YEAR, e.g. tiendo calendar vn 2025\n";
    return kBadInput;
  }
  const auto lang = args.lang == "en" ? Lang::en : Lang::vi;
  return emit(args, args.format == "json" ? calendar_json(args.year, lang)
                                          : calendar_text(args.year, lang));
}

int run_explain(const Args& args) {
  const auto lang = args.lang == "en" ? Lang::en : Lang::vi;
  if (!args.phrase.empty()) {
    const int year = args.year != 0 ? args.year : 2024;
    const auto explained = explain_phrase(args.phrase, year, lang, args.format == "json");
    const int status = emit(args, explained.text);
    return status != kOk ? status : explained.ok ? kOk : kBadInput;
  }
  if (args.plan_path.empty()) {
    std::cerr << "tiendo: explain takes a PLAN or --phrase TEXT\n";
    return kBadInput;
  }
  const auto analysis = load(args);
  if (!analysis) return kBadInput;
  const auto plan_lang = pick_lang(args, *analysis);
  if (args.guesses) {
    return emit(args, args.format == "json" ? guesses_json(*analysis->plan)
                                            : guesses_text(*analysis->plan, plan_lang));
  }
  return emit(args, explain_plan(*analysis->plan, plan_lang));
}

int run_import(const Args& args) {
  const auto file = read_file(args.plan_path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n";
    return kBadInput;
  }
  const auto name = display_name(args.plan_path);
  if (const auto status = import_exchange(*file.text, name, args.output)) return *status;
  documents::ImportOptions options;
  options.title = args.title;
  if (args.year != 0) options.year = args.year;
  const auto result = documents::import_plan(*file.text, name, options);
  // Said to the planner in Vietnamese unless --lang en (the plan it writes is Vietnamese).
  const Lang said_in = args.lang == "en" ? Lang::en : Lang::vi;
  for (const auto& d : result.diagnostics) std::cerr << format_diagnostic(d, name, {}, said_in);
  if (result.yaml.empty()) return kBadInput;
  const auto count = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  // Said once the plan is written: a write that fails says only that.
  if (const int status = emit(args, result.yaml); status != kOk) return status;
  if (said_in == Lang::vi) {
    std::cerr << "tiendo: " << result.tasks << " nhiệm vụ, " << result.steps << " bước";
    if (result.groups > 0) std::cerr << " trong " << result.groups << " nhóm";
    std::cerr << " nhập từ "
              << (result.tasks_from_vi.empty() ? result.tasks_from : result.tasks_from_vi)
              << "; đọc được " << result.times_read << " thời gian, " << result.times_not_read
              << " không đọc được (giữ trong 'not_read'); " << result.guesses
              << " giá trị phỏng đoán (tiendo explain --guesses liệt kê)\n";
    return kOk;
  }
  std::cerr << "tiendo: " << count(result.tasks, "task", "tasks") << ", "
            << count(result.steps, "step", "steps");
  if (result.groups > 0) std::cerr << " in " << count(result.groups, "group", "groups");
  std::cerr << " imported from " << result.tasks_from << "; " << result.times_read
            << (result.times_read == 1 ? " time" : " times") << " read, " << result.times_not_read
            << " not read (kept under 'not_read'); " << count(result.guesses, "value", "values")
            << " guessed (tiendo explain --guesses lists them)\n";
  return kOk;
}

int run_network(const Args& args) {
  const auto format = chart_format(args);
  if (!format) return kBadInput;
  const auto analysis = load(args);
  if (!analysis) return kBadInput;
  render::NetworkOptions options;
  options.lang = pick_lang(args, *analysis);
  options.dpi = args.dpi;
  options.page = page_arg(args.page);
  options.title = args.title;
  options.critical_only = args.critical_only;
  return write_chart(args, render::render_network(*analysis, options, *format));
}

void add_plan_and_lang(CLI::App& sub, Args& args) {
  sub.add_option("PLAN", args.plan_path,
                 "The plan file (YAML, see docs/plan-format.md), or - for standard input")
      ->required();
  sub.add_option("-l,--lang", args.lang, "Language of labels and messages (default: the plan's)")
      ->check(CLI::IsMember({"vi", "en"}));
}

void add_report_options(CLI::App& sub, Args& args, std::vector<std::string> formats) {
  add_plan_and_lang(sub, args);
  args.format = formats.front();
  sub.add_option("-f,--format", args.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->default_str(formats.front());
  sub.add_option("-o,--output", args.output,
                 "Write to FILE (atomically: a temporary file, then a rename)");
}

void add_chart_options(CLI::App& sub, Args& args) {
  add_plan_and_lang(sub, args);
  sub.add_option("-o,--output", args.output,
                 "The chart: FILE.png, FILE.svg or FILE.pdf, or - for standard output")
      ->required();
  sub.add_option("-f,--format", args.format,
                 "png, svg or pdf (default: the extension of -o; needed with -o -)")
      ->check(CLI::IsMember({"png", "svg", "pdf"}));
  sub.add_option("--dpi", args.dpi, "PNG resolution")
      ->check(CLI::Range(36.0, 600.0))
      ->default_str("150");
  sub.add_option("--page", args.page,
                 "Landscape page size: the Gantt's PDF pages, or the page a network is scaled to")
      ->check(CLI::IsMember({"A4", "A3", "a4", "a3"}));
  sub.add_option("--title", args.title, "Title (default: the plan's)");
  sub.add_flag("--critical-only", args.critical_only, "Only critical steps");
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "tiendo: schedules plans of tasks and steps on a working-day calendar, checks "
      "their feasibility, and draws Gantt charts and critical-path networks.",
      "tiendo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tiendo " TIENDO_VERSION);

  struct Command {
    const char* name;
    std::function<int(const Args&)> run;
    Args args;
    CLI::App* app = nullptr;
  };
  std::vector<Command> commands(12);
  commands[0] = {"schedule", run_schedule, {}, nullptr};
  commands[1] = {"check", run_check, {}, nullptr};
  commands[2] = {"gantt", run_gantt, {}, nullptr};
  commands[3] = {"network", run_network, {}, nullptr};
  commands[4] = {"calendar", run_calendar, {}, nullptr};
  commands[5] = {"explain", run_explain, {}, nullptr};
  commands[6] = {"import", run_import, {}, nullptr};
  commands[7] = {"status", run_status, {}, nullptr};
  commands[8] = {"whatif", run_whatif, {}, nullptr};
  commands[9] = {"baseline save", run_baseline_save, {}, nullptr};
  commands[10] = {"baseline list", run_baseline_list, {}, nullptr};
  commands[11] = {"risk", run_risk, {}, nullptr};

  commands[0].app = app.add_subcommand(
      "schedule", "Compute the CPM schedule (early/late dates, floats, critical path)");
  add_report_options(*commands[0].app, commands[0].args, {"table", "json", "csv"});

  commands[1].app = app.add_subcommand(
      "check", "Report what cannot be met and why; exit 0 if feasible, 1 if not, 2 on bad input");
  add_report_options(*commands[1].app, commands[1].args, {"text", "json"});

  auto& gantt = commands[2];
  gantt.app = app.add_subcommand("gantt", "Draw the Gantt chart as PNG, SVG or PDF");
  add_chart_options(*gantt.app, gantt.args);
  gantt.app->add_option("--from", gantt.args.from, "First day shown (YYYY-MM-DD)");
  gantt.app->add_option("--to", gantt.args.to, "Last day shown (YYYY-MM-DD)");
  gantt.app->add_option("--scale", gantt.args.scale, "Time scale")
      ->check(CLI::IsMember({"auto", "day", "week", "month"}))
      ->default_str("auto");
  gantt.app->add_option("--group-by", gantt.args.group_by, "Rows grouped by")
      ->check(CLI::IsMember({"task", "owner", "lead"}))
      ->default_str("task");
  gantt.app->add_option("--status-date", gantt.args.status_date,
                        "Draw the status-date line and name it in the title; with progress, "
                        "also the day it is reported up to (YYYY-MM-DD)");
  gantt.app->add_option("--columns", gantt.args.columns,
                        "Table columns, comma-separated from stt,name,owner,lead");
  gantt.app
      ->add_option("--links", gantt.args.links,
                   "Dependency arrows drawn: all, driving (each step's driving link), critical "
                   "(the critical path's), none; auto: all up to 60, else driving")
      ->check(CLI::IsMember({"auto", "all", "driving", "critical", "none"}))
      ->default_str("auto");
  gantt.app->add_flag("--no-links", gantt.args.no_links,
                      "Draw no dependency arrows (--links none)");
  gantt.app
      ->add_option("--fit", gantt.args.fit,
                   "page: the whole chart on one --page (A4 or A3), its text printed at 7 pt or "
                   "more, else the fewest pages with the rows shared out evenly; slide: a 16:9 "
                   "slide for a projector, larger text, the critical path and the meetings' "
                   "decisions first, the other tasks summarised; none: the chart's own sizes")
      ->check(CLI::IsMember({"none", "page", "slide"}))
      ->default_str("none");
  gantt.app
      ->add_option("--level", gantt.args.level,
                   "For a folder of plans: one row per plan (plans) or their tasks (tasks)")
      ->check(CLI::IsMember({"plans", "tasks"}))
      ->default_str("tasks");

  auto& network = commands[3];
  network.app = app.add_subcommand("network", "Draw the critical-path network (activity on node)");
  add_chart_options(*network.app, network.args);

  auto& calendar = commands[4];
  calendar.app = app.add_subcommand(
      "calendar",
      "List a year's non-working days in a built-in calendar, and why; or a plan's committee "
      "meetings and the ones a day off moved");
  calendar.app->add_option("CALENDAR", calendar.args.plan_path, "The calendar: vn; or a PLAN.yaml")
      ->required();
  calendar.app->add_option("YEAR", calendar.args.year, "The year, 1900-2100 (with vn)")
      ->check(CLI::Range(1900, 2100));
  calendar.args.format = "text";
  calendar.app->add_option("-f,--format", calendar.args.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  calendar.app->add_option("-l,--lang", calendar.args.lang, "Language (default: vi)")
      ->check(CLI::IsMember({"vi", "en"}));
  calendar.app->add_option("-o,--output", calendar.args.output, "Write to FILE");

  auto& explain = commands[5];
  explain.app = app.add_subcommand(
      "explain", "Show every time phrase of a plan, or one --phrase, and the dates it means");
  explain.app->add_option("PLAN", explain.args.plan_path, "The plan file");
  explain.app->add_option("--phrase", explain.args.phrase, "Read this phrase on its own");
  explain.app->add_option("--year", explain.args.year, "Year for dates written without one")
      ->check(CLI::Range(1900, 2100));
  explain.args.format = "text";
  explain.app
      ->add_option("-f,--format", explain.args.format,
                   "Output format (json with --phrase or --guesses)")
      ->check(CLI::IsMember({"text", "json"}));
  explain.app->add_option("-l,--lang", explain.args.lang, "Language")
      ->check(CLI::IsMember({"vi", "en"}));
  explain.app->add_option("-o,--output", explain.args.output, "Write to FILE");
  explain.app->add_flag("--lenient", explain.args.lenient, "Unreadable phrases are warnings");
  explain.app->add_flag("--guesses", explain.args.guesses,
                        "List the values tiendo guessed (not in the planner's words), each at its "
                        "line, with what it was guessed from");
  auto& import = commands[6];
  import.app = app.add_subcommand(
      "import",
      "Turn a plan document (.docx, .odt, .xlsx, .ods, .html) or its table pasted as TSV/CSV, "
      "an MS Project XML file or a PSPLIB .sm file into a plan file");
  import.app
      ->add_option("FILE", import.args.plan_path, "The document or table (- for standard input)")
      ->required();
  import.app->add_option("-o,--output", import.args.output, "Write the plan to FILE (YAML)");
  import.app->add_option("--title", import.args.title, "The plan's title (default: the file name)");
  import.app
      ->add_option("--year", import.args.year,
                   "The year of dates written without one, when the document names no year "
                   "(a year the document names wins)")
      ->check(CLI::Range(1900, 2199));
  import.app
      ->add_option("-l,--lang", import.args.lang, "Language of the messages: vi (default) or en")
      ->check(CLI::IsMember({"vi", "en"}));

  auto& report = commands[7];
  report.app = app.add_subcommand(
      "status",
      "The progress report at the status date: done, under way, late, not started; the forecast "
      "of each event and deadline");
  add_report_options(*report.app, report.args, {"text", "json", "pdf"});

  auto& whatif = commands[8];
  whatif.app = app.add_subcommand(
      "whatif",
      "What a delay, a cancelled meeting or a moved event would change (the file is not touched)");
  add_report_options(*whatif.app, whatif.args, {"text", "json"});
  whatif.app->add_option("--delay", whatif.args.delays,
                         "STEP=5d: the step held back 5 working days (repeatable)");
  whatif.app->add_option("--cancel-meeting", whatif.args.cancelled_meetings,
                         "COMMITTEE:YYYY-MM-DD: that meeting does not take place (repeatable)");
  whatif.app->add_option("--move-event", whatif.args.moved_events,
                         "EVENT=YYYY-MM-DD: the event moves to that day (repeatable)");

  auto* baseline = app.add_subcommand(
      "baseline", "Save or list baselines: snapshots of the schedule kept beside the plan");
  baseline->require_subcommand(1);
  auto& save = commands[9];
  save.app = baseline->add_subcommand(
      "save", "Save the schedule as it stands as a baseline (PLAN.baseline.json)");
  save.app->add_option("PLAN", save.args.plan_path, "The plan file")->required();
  save.app->add_option("--name", save.args.name, "The baseline's name")->default_str("adopted");
  save.app->add_option("--status-date", save.args.status_date,
                       "The status date of a plan that reports progress (default: today)");
  auto& list = commands[10];
  list.app = baseline->add_subcommand("list", "List the plan's baselines");
  list.app->add_option("PLAN", list.args.plan_path, "The plan file")->required();

  auto& risk = commands[11];
  risk.app = app.add_subcommand(
      "risk",
      "How sure the plan is: a Monte Carlo simulation over the steps' three-point estimates "
      "(optimistic, duration, pessimistic): the finish's spread, each deadline's chance, how "
      "often each step is critical");
  add_report_options(*risk.app, risk.args, {"text", "json"});
  risk.app->add_option("--runs", risk.args.runs, "Runs of the simulation")
      ->check(CLI::Range(100, 100000))
      ->default_str("2000");
  risk.app
      ->add_option("--seed", risk.args.seed, "The random draws' seed: the same, the same report")
      ->default_str("1");
  risk.app->add_option("--chart", risk.args.chart,
                       "Also draw the finish's spread (histogram and S-curve) to FILE (.svg, "
                       ".png or .pdf)");
  risk.app->add_option("--distribution", risk.args.distribution, "triangular or pert")
      ->check(CLI::IsMember({"triangular", "pert"}))
      ->default_str("triangular");
  risk.app->add_flag("--strict", risk.args.strict,
                     "A phrase with words tiendo did not read is an error, not a warning");

  // Progress: the status date and a baseline to compare with.
  for (const std::size_t i : {0, 1, 2, 7, 8, 11}) {  // schedule check gantt status whatif risk
    if (i == 11) {
      commands[i].app->add_option(
          "--status-date", commands[i].args.status_date,
          "Progress is reported up to this day (YYYY-MM-DD; default: the plan's status_date, "
          "else today)");
      continue;
    }
    if (i != 2) {
      commands[i].app->add_option(
          "--status-date", commands[i].args.status_date,
          "Progress is reported up to this day (YYYY-MM-DD; default: the plan's status_date, "
          "else today)");
    }
    commands[i].app->add_option(
        "--baseline", commands[i].args.baseline,
        "Compare with this baseline of PLAN.baseline.json (tiendo baseline save)");
  }
  for (std::size_t i = 0; i < 4; ++i) {
    commands[i].app->add_flag(
        "--lenient", commands[i].args.lenient,
        "A phrase that cannot be read is a warning; its step stays unconstrained");
  }
  for (std::size_t i = 0; i < 6; ++i) {
    if (i == 4) continue;  // calendar vn reads no phrases
    commands[i].app->add_flag("--strict", commands[i].args.strict,
                              "A phrase with words tiendo did not read is an error, not a warning");
  }

  ServeArgs serve_args;
  auto* serve = app.add_subcommand(
      "serve",
      "Open a web workspace over a folder of plans, on this machine (see the URL printed)");
  serve->add_option("DIR", serve_args.dir, "The folder of plans (default: the current one)");
  serve->add_option("--port", serve_args.port, "The port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->default_str("8080");
  serve->add_option("--host", serve_args.host,
                    "The address to listen on (default 127.0.0.1: this machine only)");
  serve->add_flag("--open", serve_args.open, "Open the page in the desktop's browser");

  PortfolioArgs portfolio_args, agenda_args;
  auto* portfolio = app.add_subcommand(
      "portfolio",
      "Check a folder of plans together: people, units and meetings they share, conflicts across "
      "plans; exit 1 on an error finding");
  auto* agenda = app.add_subcommand(
      "agenda", "Each committee meeting's items to approve across a folder of plans");
  for (auto [sub, a] : {std::pair{portfolio, &portfolio_args}, std::pair{agenda, &agenda_args}}) {
    sub->add_option("DIR", a->dir, "The folder of plans (with its workspace.yaml, if any)")
        ->required();
    sub->add_option("-f,--format", a->format,
                    sub == agenda
                        ? "Output format (pdf: a printable table, svg: the same on one page; "
                          "both need -o)"
                        : "Output format")
        ->check(sub == agenda ? CLI::IsMember({"text", "json", "csv", "pdf", "svg"})
                              : CLI::IsMember({"text", "json", "csv"}))
        ->default_str("text");
    sub->add_option("-l,--lang", a->lang, "Language (default: vi)")
        ->check(CLI::IsMember({"vi", "en"}));
    sub->add_option("-o,--output", a->output, "Write to FILE");
  }
  agenda->add_option("--committee", agenda_args.committee, "Only this committee's meetings");
  agenda->add_option("--from", agenda_args.from, "Meetings from this day (YYYY-MM-DD)");
  agenda->add_option("--to", agenda_args.to, "Meetings up to this day (YYYY-MM-DD)");

  ExportArgs export_args;
  auto* export_app = add_export_command(app, export_args);

  std::vector<std::string> names{"serve", "portfolio", "agenda", "baseline", "export"};
  for (const auto& c : commands) {
    if (std::string_view(c.name).find(' ') == std::string_view::npos) names.emplace_back(c.name);
  }
  if (argc > 1 && argv[1][0] != '-' &&
      std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    std::cerr << "tiendo: unknown command '" << argv[1] << "'";
    if (const auto hint = did_you_mean(argv[1], names); !hint.empty()) std::cerr << "; " << hint;
    std::cerr << "\nRun 'tiendo --help' for the list of commands.\n";
    return kBadInput;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kOk : kBadInput;
  }
  for (const auto& c : commands) {
    if (c.app->parsed()) return c.run(c.args);
  }
  if (serve->parsed()) return run_serve(serve_args);
  if (portfolio->parsed()) return run_portfolio(portfolio_args);
  if (agenda->parsed()) return run_agenda(agenda_args);
  if (export_app->parsed()) return run_export(export_args);
  return kBadInput;
}

}  // namespace tiendo::cli
