#pragma once
// `tiendo export PLAN --format ics|xlsx|mspdi|docx -o FILE`, and the other tools'
// files `tiendo import` reads through tiendo::io (MS Project XML, PSPLIB .sm).

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace tiendo::cli {

struct ExportArgs {
  std::string plan_path;
  std::string format;
  std::string output;
  std::string lang;
  std::string place;  ///< docx: the place of issue in the date line
  bool steps = false;
  bool lenient = false;
  bool strict = false;
};

/// Adds the `export` subcommand to `app`, its values read into `args`.
CLI::App* add_export_command(CLI::App& app, ExportArgs& args);

/// 0 when written; 2 on bad input or when the file could not be made.
int run_export(const ExportArgs& args);

/// `tiendo import` of an MSPDI or PSPLIB file: the exit status, or nullopt
/// when `bytes` are neither (the document importer's turn).
std::optional<int> import_exchange(std::string_view bytes, const std::string& name,
                                   const std::string& output);

}  // namespace tiendo::cli
