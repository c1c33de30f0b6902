#include "plan_loading.hpp"

#include "date_arg.hpp"
#include "output.hpp"
#include "workspace_files.hpp"

#include <tiendo/files.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/portfolio.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace tiendo::cli {

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

Date today() {
  return std::chrono::floor<date::days>(std::chrono::system_clock::now());
}

namespace {

/// The baseline --baseline names, from the file beside the plan.
std::optional<Baseline> read_named_baseline(const Args& args) {
  if (args.plan_path == "-") {
    std::cerr << "tiendo: --baseline needs the plan's file (its baselines are kept beside it), "
                 "not standard input\n";
    return std::nullopt;
  }
  const auto path = baseline_file_path(args.plan_path);
  const auto file = read_file(path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n  save one first: tiendo baseline save "
              << args.plan_path << " --name " << args.baseline << "\n";
    return std::nullopt;
  }
  const auto read = read_baseline_file(*file.text);
  for (const auto& d : read.diagnostics) std::cerr << format_diagnostic(d, path, {});
  if (!read.file) return std::nullopt;
  const auto* found = read.file->find(args.baseline);
  if (found == nullptr) {
    std::string names;
    for (const auto& b : read.file->baselines) names += (names.empty() ? "" : ", ") + b.name;
    std::cerr << "tiendo: " << path << " has no baseline '" << args.baseline << "'"
              << (names.empty() ? std::string() : "; it has " + names) << "\n";
    return std::nullopt;
  }
  return *found;
}

/// A plan in a workspace's folder, read as the portfolio reads it: with
/// what the workspace shares (committees, people, units, calendar) and
/// after the plans its steps wait for ("129-KH/ĐUK:ban-tin.bien-tap").
/// nullopt when the workspace itself does not read (its errors printed: a
/// broken workspace is an error for every plan in it).
std::optional<Analysis> analyze_in_workspace(const std::string& workspace_path,
                                             const std::string& text, const Args& args,
                                             const ParseOptions& options) {
  namespace fs = std::filesystem;
  const auto dir = fs::path(workspace_path).parent_path();
  auto [plans, workspace] = workspace_files(dir.empty() ? "." : dir.string());
  std::error_code ec;
  const auto own = fs::weakly_canonical(args.plan_path, ec);
  std::optional<std::size_t> index;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (fs::weakly_canonical(dir / plans[i].name, ec) == own) index = i;
  }
  if (!index) {  // a plan the folder's reading skipped (too deep, hidden): read it too
    index = plans.size();
    plans.push_back({args.plan_path, text});
  }
  plans[*index].text = text;
  auto portfolio = analyze_portfolio(plans, workspace, options);
  const Lang said_in = args.lang == "en" ? Lang::en : Lang::vi;
  for (const auto& d : portfolio.shared_diagnostics) {
    std::cerr << format_diagnostic(d, workspace_path, workspace ? workspace->text : "", said_in);
  }
  if (!portfolio.shared) {
    std::cerr << "tiendo: " << workspace_path << " (the workspace of " << args.plan_path
              << ") cannot be read: mend it, or move the plan out of its folder\n";
    return std::nullopt;
  }
  return std::move(portfolio.plans[*index].analysis);
}

}  // namespace

std::optional<LoadedPlan> load_plan(const Args& args) {
  const auto file = read_file(args.plan_path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n";
    return std::nullopt;
  }
  ParseOptions options;
  options.lenient = args.lenient;
  options.strict = args.strict;
  bool ok = true;
  options.status_date = date_arg(args.status_date, "--status-date", ok);
  if (!ok) return std::nullopt;
  options.today = today();
  LoadedPlan loaded;
  if (!args.baseline.empty()) {
    loaded.baseline = read_named_baseline(args);
    if (!loaded.baseline) return std::nullopt;
    options.baseline = &*loaded.baseline;
  }
  if (const auto workspace = workspace_of(args.plan_path)) {
    // The baseline measures this plan only, not the others of the folder.
    auto shared_options = options;
    shared_options.baseline = nullptr;
    auto in_workspace = analyze_in_workspace(*workspace, *file.text, args, shared_options);
    if (!in_workspace) return std::nullopt;
    loaded.analysis = std::move(*in_workspace);
  } else {
    loaded.analysis = analyze(*file.text, options);
  }
  const auto name = display_name(args.plan_path);
  // In the plan's language (its `lang:`, Vietnamese when it has none), or
  // --lang's: what went wrong is said to the planner who wrote the plan.
  const auto& lang = args.lang.empty() ? loaded.analysis.lang : args.lang;
  const Lang said_in = lang == "en" ? Lang::en : Lang::vi;
  for (const auto& d : loaded.analysis.diagnostics) {
    std::cerr << format_diagnostic(d, name, *file.text, said_in);
  }
  if (!loaded.analysis.ok()) return std::nullopt;
  if (loaded.baseline) {
    const auto& a = loaded.analysis;
    Diagnostics diagnostics;
    loaded.comparison =
        compare_with_baseline(*a.plan, *a.graph, *a.schedule, *loaded.baseline, diagnostics);
    for (const auto& d : diagnostics) {
      std::cerr << format_diagnostic(d, baseline_file_path(args.plan_path), {});
    }
    if (has_errors(diagnostics)) return std::nullopt;
  }
  return loaded;
}

std::optional<Analysis> load(const Args& args) {
  auto loaded = load_plan(args);
  if (!loaded) return std::nullopt;
  return std::move(loaded->analysis);
}

Lang pick_lang(const Args& args, const Analysis& analysis) {
  const auto& lang = args.lang.empty() ? analysis.plan->info.lang : args.lang;
  return lang == "en" ? Lang::en : Lang::vi;
}

int emit(const Args& args, std::string_view text) {
  return write_output(args.output, text);
}

}  // namespace tiendo::cli
