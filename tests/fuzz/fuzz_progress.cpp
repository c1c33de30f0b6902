// libFuzzer target: what the office reports after adoption. The first byte
// picks the reader: a progress phrase ('đã hoàn thành ngày 12/5'), a baseline
// file (PLAN.baseline.json; one that reads must write and read back the
// same), or a what-if change ('STEP=5d', 'BTV:2024-07-30').
#include <tiendo/progress.hpp>
#include <tiendo/whatif.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::size_t sink = 0;

void progress_phrase(std::string_view text) {
  tiendo::PhraseContext context;
  context.year = 2024;
  context.start = tiendo::Date{date::year{2024} / 4 / 1};
  const auto r = tiendo::read_progress_phrase(text, context);
  // A reading either fails with a reason or says something coherent.
  if (r.ok() && r.progress.percent && *r.progress.percent > 100) std::abort();
  if (r.ok() && r.progress.done && r.progress.started && *r.progress.done < *r.progress.started) {
    std::abort();
  }
  sink += r.error.size();
}

void baseline_file(std::string_view text) {
  const auto read = tiendo::read_baseline_file(text);
  if (!read.file) return;
  const auto written = tiendo::baseline_json(*read.file);
  const auto again = tiendo::read_baseline_file(written);
  if (!again.file || tiendo::baseline_json(*again.file) != written) std::abort();
}

void what_if_change(std::string_view text) {
  std::string error;
  for (const auto kind : {tiendo::WhatIfChange::Kind::delay,
                          tiendo::WhatIfChange::Kind::cancel_meeting,
                          tiendo::WhatIfChange::Kind::move_event}) {
    const auto c = tiendo::parse_what_if(kind, text, error);
    if (c && kind == tiendo::WhatIfChange::Kind::delay && (c->days < 1 || c->days > 3650)) {
      std::abort();
    }
  }
  sink += error.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0:
      progress_phrase(text);
      break;
    case 1:
      baseline_file(text);
      break;
    default:
      what_if_change(text);
      break;
  }
  return 0;
}
