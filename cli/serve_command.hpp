#pragma once
// `tiendo serve`: starts the web workspace and runs it until SIGINT/SIGTERM.

#include <string>

namespace tiendo::cli {

struct ServeArgs {
  std::string dir = ".";
  std::string host = "127.0.0.1";
  int port = 8080;
  bool open = false;
};

/// 0 after a clean stop; 2 when the folder or the port cannot be used.
int run_serve(const ServeArgs& args);

}  // namespace tiendo::cli
