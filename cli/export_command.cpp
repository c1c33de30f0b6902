#include "export_command.hpp"

#include "output.hpp"
#include "plan_loading.hpp"

#include <tiendo/analysis.hpp>
#include <tiendo/files.hpp>
#include <tiendo/io/docx.hpp>
#include <tiendo/io/exchange.hpp>
#include <tiendo/io/ics.hpp>
#include <tiendo/io/mspdi.hpp>
#include <tiendo/io/xlsx.hpp>

#include <iostream>

namespace tiendo::cli {

namespace {

void print(const Diagnostics& diagnostics, const std::string& name, std::string_view source) {
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d, name, source);
}

/// The format the extension of `path` names, or "".
std::string format_of_path(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return {};
  const auto extension = path.substr(dot + 1);
  if (extension == "ics" || extension == "xlsx" || extension == "docx") return extension;
  if (extension == "xml") return "mspdi";
  return {};
}

}  // namespace

CLI::App* add_export_command(CLI::App& app, ExportArgs& args) {
  auto* sub = app.add_subcommand(
      "export",
      "Write the plan for other tools: iCalendar (.ics), Excel (.xlsx), MS Project XML (mspdi), "
      "or as a plan document in Word (.docx) that tiendo import reads back");
  sub->add_option("PLAN", args.plan_path, "The plan file, or - for standard input")->required();
  sub->add_option("-f,--format", args.format,
                  "ics, xlsx, mspdi or docx (default: the extension of -o)")
      ->check(CLI::IsMember({"ics", "xlsx", "mspdi", "docx"}));
  sub->add_option("-o,--output", args.output,
                  "Write to FILE (atomically); - for standard output (ics and mspdi)")
      ->required();
  sub->add_option("-l,--lang", args.lang, "Language of labels (default: the plan's)")
      ->check(CLI::IsMember({"vi", "en"}));
  sub->add_flag("--steps", args.steps, "ics: one event per step's span too");
  sub->add_option("--place", args.place,
                  "docx: the place of issue in the date line (default: from the issuer)");
  sub->add_flag("--lenient", args.lenient,
                "A phrase that cannot be read is a warning; its step stays unconstrained");
  sub->add_flag("--strict", args.strict,
                "A phrase with words tiendo did not read is an error, not a warning");
  return sub;
}

int run_export(const ExportArgs& args) {
  const auto by_extension = format_of_path(args.output);
  if (!args.format.empty() && !by_extension.empty() && by_extension != args.format) {
    std::cerr << "tiendo: --format " << args.format << " but -o '" << args.output
              << "' names another format\n";
    return kBadInput;
  }
  const auto format = args.format.empty() ? by_extension : args.format;
  if (format.empty()) {
    std::cerr << "tiendo: cannot tell the format of '" << args.output
              << "': name it .ics, .xlsx, .xml or .docx, or give --format ics|xlsx|mspdi|docx\n";
    return kBadInput;
  }
  if ((format == "xlsx" || format == "docx") && args.output == "-") {
    std::cerr << "tiendo: " << (format == "xlsx" ? "an Excel workbook" : "a Word document")
              << " is not written to standard output: give -o FILE." << format << "\n";
    return kBadInput;
  }
  const auto file = read_file(args.plan_path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n";
    return kBadInput;
  }
  ParseOptions parse;
  parse.lenient = args.lenient;
  parse.strict = args.strict;
  parse.today = today();
  const auto analysis = analyze(*file.text, parse);
  const auto name = args.plan_path == "-" ? std::string("<stdin>") : args.plan_path;
  print(analysis.diagnostics, name, *file.text);
  if (!analysis.ok()) return kBadInput;
  const auto& lang_name = args.lang.empty() ? analysis.plan->info.lang : args.lang;
  const auto lang = lang_name == "en" ? Lang::en : Lang::vi;

  io::ExportResult result;
  if (format == "ics") {
    io::IcsOptions options;
    options.lang = lang;
    options.steps = args.steps;
    result = io::export_ics(analysis, options);
  } else if (format == "xlsx") {
    result = io::export_xlsx(analysis, {lang});
  } else if (format == "docx") {
    io::DocxOptions options;
    options.lang = lang;
    options.place = args.place;
    result = io::export_docx(analysis, options);
  } else {
    result = io::export_mspdi(analysis);
  }
  print(result.diagnostics, name, *file.text);
  if (!result.ok()) {
    std::cerr << "tiendo: " << result.error << "\n";
    return kBadInput;
  }
  return write_output(args.output, result.bytes);
}

std::optional<int> import_exchange(std::string_view bytes, const std::string& name,
                                   const std::string& output) {
  const auto imported = io::import_exchange(bytes, name);
  if (!imported) return std::nullopt;
  const auto& result = *imported;
  print(result.diagnostics, name, bytes);
  if (result.yaml.empty()) return kBadInput;
  // Said once the plan is written: a write that fails says only that.
  if (const int status = write_output(output, result.yaml); status != kOk) return status;
  std::cerr << "tiendo: " << result.tasks << (result.tasks == 1 ? " task, " : " tasks, ")
            << result.steps << (result.steps == 1 ? " step, " : " steps, ") << result.links
            << (result.links == 1 ? " link" : " links") << " imported from " << result.format
            << "\n";
  return kOk;
}

}  // namespace tiendo::cli
