#pragma once
// Known bugs not fixed yet, and how a fuzz target steers clear of them.
//
// tests/fuzz/known-failures.txt lists the regression inputs of bugs that are
// known and not fixed yet, each with a tag; tests/fuzz/run.sh skips those
// inputs and passes the tags in TIENDO_FUZZ_AVOID (comma-separated). A target
// that is told to avoid a tag rejects the inputs of that bug's shape
// (LLVMFuzzerTestOneInput returns -1: not run further, not added to the
// corpus), so that the time-bounded runs look for new bugs instead of finding
// the known one again in every run. Once the fix lands and its line leaves
// known-failures.txt, the tag is no longer passed and the shape is fuzzed
// again. Without TIENDO_FUZZ_AVOID (long runs, by hand) nothing is avoided.
#include <cstdlib>
#include <string>
#include <string_view>

namespace tiendo::fuzz {

/// Whether run.sh asked to steer clear of the known bug `tag`.
inline bool avoiding(std::string_view tag) {
  static const std::string tags = [] {
    const char* env = std::getenv("TIENDO_FUZZ_AVOID");
    return "," + std::string(env ? env : "") + ",";
  }();
  return tags.find("," + std::string(tag) + ",") != std::string::npos;
}

}  // namespace tiendo::fuzz
