#include "portfolio_command.hpp"

#include "date_arg.hpp"
#include "output.hpp"
#include "workspace_files.hpp"

#include <tiendo/files.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/render/render.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace tiendo::cli {

namespace {

namespace fs = std::filesystem;

/// The plans of the folder and its subfolders, and its workspace.yaml
/// (workspace_files.hpp), read as one portfolio.
std::optional<Portfolio> load(const PortfolioArgs& args) {
  std::error_code ec;
  if (!fs::is_directory(args.dir, ec)) {
    std::cerr << "tiendo: '" << args.dir << "' is not a folder of plans\n";
    return std::nullopt;
  }
  auto [plans, workspace] = workspace_files(args.dir);
  auto portfolio = analyze_portfolio(plans, workspace);
  // What could not be read goes to stderr with its place, as for one plan,
  // in the language of the report (--lang).
  const auto lang = args.lang == "en" ? Lang::en : Lang::vi;
  for (const auto& d : portfolio.shared_diagnostics) {
    std::cerr << format_diagnostic(d, (fs::path(args.dir) / workspace->name).string(),
                                   workspace->text, lang);
  }
  for (std::size_t i = 0; i < portfolio.plans.size(); ++i) {
    for (const auto& d : portfolio.plans[i].analysis.diagnostics) {
      if (d.severity == Severity::note) continue;
      std::cerr << format_diagnostic(d, (fs::path(args.dir) / plans[i].name).string(),
                                     plans[i].text, lang);
    }
  }
  if (portfolio.plans_read() == 0) {
    std::cerr << "tiendo: no plan of '" << args.dir << "' could be read\n";
    return std::nullopt;
  }
  return portfolio;
}

int emit(const PortfolioArgs& args, std::string_view text) {
  return write_output(args.output, text);
}

}  // namespace

int run_portfolio(const PortfolioArgs& args) {
  const auto portfolio = load(args);
  if (!portfolio) return 2;
  const auto lang = args.lang == "en" ? Lang::en : Lang::vi;
  const auto text = args.format == "json"  ? portfolio_json(*portfolio, lang)
                    : args.format == "csv" ? portfolio_csv(*portfolio, lang)
                                           : portfolio_text(*portfolio, lang);
  if (const int status = emit(args, text); status != 0) return status;
  const bool errors =
      std::any_of(portfolio->findings.begin(), portfolio->findings.end(),
                  [](const PortfolioFinding& f) { return f.severity == Severity::error; });
  return errors ? 1 : 0;
}

std::optional<Analysis> portfolio_for_chart(const std::string& dir, bool plans_only) {
  PortfolioArgs args;
  args.dir = dir;
  const auto portfolio = load(args);
  if (!portfolio) return std::nullopt;
  auto all = portfolio_analysis(*portfolio, plans_only);
  if (all && !all->ok()) {
    for (const auto& d : all->diagnostics) std::cerr << format_diagnostic(d, dir, {});
    return std::nullopt;
  }
  return all;
}

int run_agenda(const PortfolioArgs& args) {
  AgendaFilter filter;
  filter.committee = args.committee;
  bool ok = true;
  filter.from = date_arg(args.from, "--from", ok);
  filter.to = date_arg(args.to, "--to", ok);
  if (!ok) return 2;
  const bool drawn = args.format == "pdf" || args.format == "svg";
  if (drawn && args.output.empty()) {
    std::cerr << "tiendo: the agenda as " << (args.format == "pdf" ? "PDF" : "SVG")
              << " needs -o FILE." << args.format << " (or -o -)\n";
    return 2;
  }
  const auto portfolio = load(args);
  if (!portfolio) return 2;
  const auto lang = args.lang == "en" ? Lang::en : Lang::vi;
  if (drawn) {
    const auto pdf = render::render_agenda(
        *portfolio, filter, lang, args.format == "pdf" ? render::Format::pdf : render::Format::svg);
    if (!pdf.error.empty()) {
      std::cerr << "tiendo: " << pdf.error << "\n";
      return 2;
    }
    return emit(args, pdf.bytes);
  }
  const auto text = args.format == "json"  ? agenda_json(*portfolio, filter, lang)
                    : args.format == "csv" ? agenda_csv(*portfolio, filter, lang)
                                           : agenda_text(*portfolio, filter, lang);
  return emit(args, text);
}

}  // namespace tiendo::cli
