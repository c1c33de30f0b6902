// libFuzzer targets of tiendo::io's importers, built twice from this file:
// fuzz_mspdi (MS Project XML) and fuzz_psplib (PSPLIB .sm), by
// TIENDO_FUZZ_MSPDI / TIENDO_FUZZ_PSPLIB: the plan written must parse
// (imported_plan.hpp); it is then scheduled and exported back to MSPDI.
#include <tiendo/diagnostics.hpp>
#include <tiendo/io/mspdi.hpp>
#include <tiendo/io/psplib.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "imported_plan.hpp"

namespace {
std::size_t sink = 0;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
#if defined(TIENDO_FUZZ_MSPDI)
  constexpr std::string_view name = "fuzz.xml";
  const auto imported = tiendo::io::import_mspdi(bytes, name);
#else
  constexpr std::string_view name = "fuzz.sm";
  const auto imported = tiendo::io::import_psplib(bytes, name);
#endif
  for (const auto& d : imported.diagnostics) {
    sink += tiendo::format_diagnostic(d, name, bytes).size();
  }
  if (imported.yaml.empty()) return 0;  // said why, nothing written

  const auto analysis = tiendo::fuzz::check_imported_plan(imported.yaml, "fuzz_exchange");
  sink += analysis.findings.size();
  if (analysis.ok()) sink += tiendo::io::export_mspdi(analysis).bytes.size();
  return 0;
}
