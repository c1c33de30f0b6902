#include "serve_command.hpp"

#include <tiendo/serve/serve.hpp>

#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

extern char** environ;

namespace tiendo::cli {

namespace {

bool loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

/// Opens the URL in the desktop's browser, without a shell.
void open_browser(const std::string& url) {
  pid_t pid = 0;
  std::string program = "xdg-open";
  char* const argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    std::cerr << "tiendo serve: cannot start a browser (xdg-open); open the URL yourself\n";
  }
}

}  // namespace

int run_serve(const ServeArgs& args) {
  std::error_code ec;
  if (!std::filesystem::is_directory(args.dir, ec)) {
    std::cerr << "tiendo serve: '" << args.dir << "' is not a folder\n";
    return 2;
  }
  serve::Options options;
  options.dir = args.dir;
  options.host = args.host;
  options.port = args.port;
  if (const char* root = std::getenv("TIENDO_WEB_ROOT"); root != nullptr && *root != '\0') {
    options.web_root = root;
  }
  // SIGINT and SIGTERM are waited for by this thread, not delivered to the
  // server's threads (which inherit the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  serve::Server server(options);
  if (const auto error = server.bind(); !error.empty()) {
    std::cerr << "tiendo serve: " << error << "\n";
    return 2;
  }
  if (!loopback(args.host)) {
    std::cerr << "tiendo serve: warning: listening on " << args.host
              << ", not only this machine: anyone who can reach it and has the URL can change "
                 "the plans in "
              << args.dir << "\n";
  }
  std::cout << "tiendo serve: " << server.start_url() << std::endl;
  std::cerr << "tiendo serve: serving the plans in " << std::filesystem::absolute(args.dir).string()
            << "; open the URL above (it holds this session's key); Ctrl-C stops\n";
  if (args.open) open_browser(server.start_url());

  std::thread serving([&server] { server.run(); });
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server.stop();
  serving.join();
  std::cerr << "tiendo serve: stopped\n";
  return 0;
}

}  // namespace tiendo::cli
