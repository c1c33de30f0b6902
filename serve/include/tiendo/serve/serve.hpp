#pragma once
// `tiendo serve`: a local web workspace over a folder of plans. One process,
// bound to 127.0.0.1 unless asked otherwise; every request carries the
// session's random token (in the start URL, then a cookie), and the Host and
// Origin headers must name this server, so another page open in the same
// browser cannot drive it.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace tiendo::serve {

struct Options {
  std::filesystem::path dir = ".";  ///< the folder of plans
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: any free port
  /// The session's token; empty: a random one (tests give their own).
  std::string token;
  /// Serve the page's files from this folder instead of the copies built in
  /// (for working on the page without rebuilding). Empty: built in.
  std::filesystem::path web_root;
  std::size_t max_body_bytes = std::size_t{5} << 20;
};

class Server {
 public:
  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the socket; an empty string on success, else why not.
  std::string bind();
  int port() const;
  const std::string& token() const;
  /// The URL to open: it carries the token, which the page then keeps in a
  /// cookie.
  std::string start_url() const;
  /// Serves until stop(); returns false if it could not.
  bool run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiendo::serve
