// The subcommand table and argument parsing. Every decision about plans lives
// in the engine; this file only maps flags to library calls and results to
// streams and exit codes.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <tiendo/analysis.hpp>
#include <tiendo/files.hpp>
#include <tiendo/report.hpp>
#include <tiendo/suggest.hpp>

#include <functional>
#include <iostream>
#include <map>

namespace tiendo::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFindings = 1;
constexpr int kBadInput = 2;

struct Common {
  std::string plan_path;
  std::string format;
  std::string lang;
  std::string output;
};

/// Reads and analyses the plan; prints diagnostics. nullopt: bad input.
std::optional<Analysis> load(const Common& common) {
  const auto file = read_file(common.plan_path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n";
    return std::nullopt;
  }
  auto analysis = analyze(*file.text);
  for (const auto& d : analysis.diagnostics) {
    std::cerr << format_diagnostic(d, common.plan_path, *file.text);
  }
  if (!analysis.ok()) return std::nullopt;
  return analysis;
}

Lang pick_lang(const Common& common, const Analysis& analysis) {
  const auto& lang = common.lang.empty() ? analysis.plan->info.lang : common.lang;
  return lang == "en" ? Lang::en : Lang::vi;
}

int emit(const Common& common, const std::string& text) {
  if (common.output.empty() || common.output == "-") {
    std::cout << text;
    return kOk;
  }
  if (const auto error = write_file_atomically(common.output, text); !error.empty()) {
    std::cerr << "tiendo: " << error << "\n";
    return kBadInput;
  }
  return kOk;
}

int run_schedule(const Common& common) {
  const auto analysis = load(common);
  if (!analysis) return kBadInput;
  const auto lang = pick_lang(common, *analysis);
  if (common.format == "json") return emit(common, schedule_json(*analysis, lang));
  if (common.format == "csv") return emit(common, schedule_csv(*analysis, lang));
  return emit(common, schedule_table(*analysis, lang));
}

int run_check(const Common& common) {
  const auto analysis = load(common);
  if (!analysis) return kBadInput;
  const auto lang = pick_lang(common, *analysis);
  const auto text =
      common.format == "json" ? check_json(*analysis, lang) : check_text(*analysis, lang);
  if (const int status = emit(common, text); status != kOk) return status;
  return feasible(analysis->findings) ? kOk : kFindings;
}

void add_common(CLI::App& sub, Common& common, std::vector<std::string> formats) {
  sub.add_option("PLAN", common.plan_path, "The plan file (YAML, see docs/plan-format.md)")
      ->required();
  const auto first = formats.front();
  sub.add_option("-f,--format", common.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->default_str(first);
  common.format = first;
  sub.add_option("-l,--lang", common.lang, "Language of labels and messages (default: the plan's)")
      ->check(CLI::IsMember({"vi", "en"}));
  sub.add_option("-o,--output", common.output,
                 "Write to FILE (atomically: a temporary file, then a rename)");
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "tiendo: schedules plans of tasks and steps on a working-day calendar, "
      "checks their feasibility and reports the critical path.",
      "tiendo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tiendo 0.1.0");

  Common schedule_args;
  Common check_args;
  struct Command {
    const char* name;
    const char* help;
    std::vector<std::string> formats;
    Common* args;
    std::function<int(const Common&)> run;
  };
  const std::vector<Command> commands{
      {"schedule",
       "Compute the CPM schedule (early/late dates, floats, critical path)",
       {"table", "json", "csv"},
       &schedule_args,
       run_schedule},
      {"check",
       "Report what cannot be met and why; exit 0 if feasible, 1 if not, 2 on bad input",
       {"text", "json"},
       &check_args,
       run_check},
  };
  std::map<const CLI::App*, const Command*> by_app;
  std::vector<std::string> names;
  for (const auto& command : commands) {
    auto* sub = app.add_subcommand(command.name, command.help);
    add_common(*sub, *command.args, command.formats);
    by_app[sub] = &command;
    names.emplace_back(command.name);
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
  for (const auto& [sub, command] : by_app) {
    if (sub->parsed()) return command->run(*command->args);
  }
  return kBadInput;
}

}  // namespace tiendo::cli
