// libFuzzer target: 'tiendo import' on a pasted table (TSV or CSV) or an
// HTML page, then parse_plan on the plan it writes. An import promises a
// plan that reads as it is, so a plan that does not parse is a bug: this
// target aborts on it, printing the plan and the errors. (Word, Excel and
// LibreOffice packages reach the same importer through fuzz_documents_zip's
// reader; here the bytes are the table itself, where the importer's own
// parsing is.)
#include <tiendo/diagnostics.hpp>
#include <tiendo/documents/import.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "imported_plan.hpp"

namespace {
std::size_t sink = 0;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The name says nothing: the reader tells TSV, CSV and HTML apart by the
  // bytes, as it does for text pasted on standard input.
  constexpr std::string_view name = "fuzz.tsv";
  const auto imported = tiendo::documents::import_plan(bytes, name);
  for (const auto& d : imported.diagnostics) sink += tiendo::format_diagnostic(d, name, {}).size();
  if (imported.yaml.empty()) return 0;  // nothing found: said so, nothing written

  const auto analysis = tiendo::fuzz::check_imported_plan(imported.yaml, "fuzz_import");
  sink += analysis.findings.size();
  return 0;
}
