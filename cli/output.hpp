#pragma once
// Where a command's output goes: -o FILE (written atomically), or standard
// output when there is no -o or it is "-".

#include <string>
#include <string_view>

namespace tiendo::cli {

/// 0, or 2 when the output could not be written (said on stderr): a report
/// that did not reach its reader must not look like success.
int write_output(const std::string& output, std::string_view text);

}  // namespace tiendo::cli
