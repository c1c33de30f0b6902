// Which importer a file of another scheduler goes to, by its content.
#include <tiendo/io/exchange.hpp>
#include <tiendo/io/mspdi.hpp>
#include <tiendo/io/psplib.hpp>

#include <tiendo/analysis.hpp>

#include <algorithm>

namespace tiendo::io {

namespace {

/// Primavera P6's own formats, told by their first bytes: its XML
/// (<APIBusinessObjects>) and XER (a text file starting "ERMHDR").
std::optional<std::string> other_scheduler(std::string_view bytes) {
  const auto head = bytes.substr(0, 4096);
  if (head.starts_with("ERMHDR")) return "Primavera P6 XER";
  if (head.find("<APIBusinessObjects") != std::string_view::npos) return "Primavera P6 XML";
  return std::nullopt;
}

/// A plan that `tiendo check` would refuse (links that form a cycle, a task
/// linked to itself) is not handed over as imported: the error, said with
/// the file's own names, and nothing written.
void refuse_what_check_refuses(ImportResult& result) {
  const auto analysis = analyze(result.yaml);
  const auto error = std::find_if(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (error == analysis.diagnostics.end()) return;
  result.diagnostics.push_back(
      {Severity::error,
       "import-does-not-check",
       "the plan read from this " + result.format + " file cannot be checked: " + error->message +
           " [" + error->code + "]; nothing written",
       {},
       {},
       error->code == "dependency-cycle"
           ? "remove one of the links of the cycle in the other program, then import again"
           : error->suggestion});
  result.yaml.clear();
}

}  // namespace

std::optional<ImportResult> import_exchange(std::string_view bytes, std::string_view file_name) {
  std::optional<ImportResult> result;
  if (const auto other = other_scheduler(bytes)) {
    result = ImportResult{};
    result->format = *other;
    result->diagnostics.push_back(
        {Severity::error,
         "unsupported-format",
         "this is a " + *other + " file, which tiendo does not read",
         {},
         {},
         "in Primavera P6, export the project as Microsoft Project XML (File > Export > "
         "\"Microsoft Project (XML)\") and import that file"});
    return result;
  }
  if (looks_like_mspdi(bytes)) {
    result = import_mspdi(bytes, file_name);
    result->format = "MS Project XML";
  } else if (looks_like_psplib(bytes)) {
    result = import_psplib(bytes, file_name);
    result->format = "PSPLIB";
  }
  if (result && !result->yaml.empty()) refuse_what_check_refuses(*result);
  return result;
}

}  // namespace tiendo::io
