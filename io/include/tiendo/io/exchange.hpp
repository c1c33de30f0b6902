#pragma once
// What every export and import of tiendo::io returns. Exports turn an
// analysed plan (analysis.hpp) into another tool's file; imports turn another
// tool's file into plan text (YAML), which the engine then reads like any
// plan. Problems are diagnostics with the place in the input they concern.

#include <tiendo/diagnostics.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace tiendo::io {

struct ExportResult {
  std::string bytes;        ///< the whole file; empty when it could not be made
  Diagnostics diagnostics;  ///< warnings where the format cannot say what the plan says
  std::string error;        ///< why nothing was made (empty on success)

  bool ok() const { return error.empty(); }
};

struct ImportResult {
  std::string yaml;         ///< the plan; empty when nothing sensible could be read
  Diagnostics diagnostics;  ///< errors, and warnings where a value was approximated
  int tasks = 0;
  int steps = 0;
  int links = 0;
  std::string format;  ///< what the file was: "MS Project XML", "PSPLIB"
};

/// A plan from another scheduler's file, told by its content (not its name):
/// MS Project XML or PSPLIB. Nothing when the bytes are neither (a document
/// or a table, for tiendo::documents).
std::optional<ImportResult> import_exchange(std::string_view bytes, std::string_view file_name);

}  // namespace tiendo::io
