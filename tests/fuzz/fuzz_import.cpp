// libFuzzer target: 'tiendo import' on a pasted table (TSV, CSV, or cells of
// <p>/<ul><li> fragments), then parse_plan on the plan it writes. An import
// promises a plan that reads as it is, so a plan that does not parse is a
// bug: this target aborts on it, printing the plan and the errors.
#include <tiendo/analysis.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/table_import.hpp>

#include "known.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {
std::size_t sink = 0;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Known bugs (known-failures.txt), avoided while they are not fixed: bytes
  // that are not UTF-8 and control characters are copied into the plan as
  // they are, and a line break in a cell that ends up in a '#' comment (STT,
  // a time not read) ends the comment.
  using tiendo::fuzz::avoiding;
  if (avoiding("import-invalid-utf8") && !tiendo::fuzz::valid_utf8(text)) return -1;
  if (avoiding("import-control-chars") && !tiendo::fuzz::yaml_printable(text)) return -1;
  if (avoiding("import-line-break-in-comment") &&
      (tiendo::fuzz::has_unicode_line_break(text) ||
       tiendo::fuzz::has_line_break_in_quoted_cell(text))) {
    return -1;
  }
  const auto imported = tiendo::import_table(text, "fuzz");
  for (const auto& d : imported.diagnostics) {
    sink += tiendo::format_diagnostic(d, "fuzz.tsv", text).size();
  }
  if (imported.yaml.empty()) return 0;  // no table found: said so, nothing written
  // Known bug: a header with no task row under it gives 'tasks:' with nothing.
  if (avoiding("import-no-rows") && imported.tasks == 0) return -1;

  const auto parsed = tiendo::parse_plan(imported.yaml);
  // Known bugs, told apart by the only error the plan gets: the guessed
  // meeting rule covers two years from the plan's start, so a meeting pinned
  // after that has no meeting to land on ('unknown-meeting'); a time naming
  // both a meeting and a span makes an approval with the span's duration
  // ('invalid-duration').
  const auto only_errors = [&](std::string_view code) {
    return std::all_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [&](const auto& d) {
      return d.severity != tiendo::Severity::error || d.code == code;
    });
  };
  if (!parsed.plan && ((avoiding("import-meeting-beyond-rule") && only_errors("unknown-meeting")) ||
                       (avoiding("import-meeting-and-span") && only_errors("invalid-duration")))) {
    return -1;
  }
  if (!parsed.plan) {
    std::fprintf(stderr, "fuzz_import: the imported plan does not parse\n--- plan\n%s--- errors\n",
                 imported.yaml.c_str());
    for (const auto& d : parsed.diagnostics) {
      std::fprintf(stderr, "%s",
                   tiendo::format_diagnostic(d, "imported.yaml", imported.yaml).c_str());
    }
    std::abort();
  }
  // What the user does next: schedule it. Crashes there count too.
  const auto analysis = tiendo::analyze(imported.yaml);
  sink += analysis.findings.size();
  return 0;
}
