#pragma once

namespace tiendo::cli {

/// Parses the command line and runs one subcommand. Returns the exit status:
/// 0 success (for `check`: feasible), 1 error findings, 2 bad input or usage.
int run(int argc, char** argv);

}  // namespace tiendo::cli
