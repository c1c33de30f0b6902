// The HTTP side of `tiendo serve`: cpp-httplib's server, the session checks
// every request passes, and the routes, each a call into api.cpp.
#include "api.hpp"
#include "assets.hpp"
#include "workspace.hpp"

#include <httplib.h>
#include <tiendo/serve/serve.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <random>

#include <sys/socket.h>
#include <sstream>

namespace tiendo::serve {

namespace {

constexpr const char* kCookie = "tiendo_token";

std::string random_token() {
  std::random_device device;  // the kernel's random source on Linux
  std::uniform_int_distribution<int> hex(0, 15);
  std::string out;
  for (int i = 0; i < 32; ++i) out += "0123456789abcdef"[hex(device)];
  return out;
}

/// Compares without stopping at the first difference, so the time taken
/// says nothing about how much of a guessed token was right.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

std::string cookie_value(const httplib::Request& req, std::string_view name) {
  const auto cookies = req.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < cookies.size()) {
    auto end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    auto item = std::string_view(cookies).substr(at, end - at);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item.size() > name.size() && item.starts_with(name) && item[name.size()] == '=') {
      return std::string(item.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return {};
}

Params params_of(const httplib::Request& req) {
  Params out;
  for (const auto& [key, value] : req.params) out.emplace(key, value);
  return out;
}

}  // namespace

struct Server::Impl {
  Options options;
  Workspace workspace;
  httplib::Server http;
  int port = 0;
  /// The listening socket, seen when cpp-httplib makes it (to raise its backlog).
  socket_t listening = INVALID_SOCKET;

  explicit Impl(Options o) : options(std::move(o)), workspace(options.dir) {
    if (options.token.empty()) options.token = random_token();
  }

  /// The names this server answers to: its own address and port, and the
  /// loopback names when it is on the loopback. A page from anywhere else,
  /// or a DNS name rebound to 127.0.0.1, is refused.
  bool allowed_host(std::string_view host) const {
    const auto p = ":" + std::to_string(port);
    if (host == options.host + p) return true;
    const bool loopback =
        options.host == "127.0.0.1" || options.host == "localhost" || options.host == "::1";
    return loopback && (host == "127.0.0.1" + p || host == "localhost" + p || host == "[::1]" + p);
  }

  void send(httplib::Response& res, const Reply& reply) const {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    res.set_content(reply.body, reply.content_type);
  }

  void refuse(httplib::Response& res, int status, std::string_view why) const {
    send(res, error_reply(status, why));
  }

  /// Every request: Host, Origin, the token; the start URL trades its token
  /// for a cookie. Handled: refused (or redirected) here.
  httplib::Server::HandlerResponse check(const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
                   "'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
    if (!allowed_host(req.get_header_value("Host"))) {
      refuse(res, 403, "this server answers only to its own address");
      return httplib::Server::HandlerResponse::Handled;
    }
    // cpp-httplib (0.11) holds a chunked body to no limit: refused before it
    // is read (the page always states its length), so that the body limit
    // holds whatever the encoding.
    if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
      refuse(res, 411, "a request body must state its length (Content-Length), not be chunked");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    const auto origin = req.get_header_value("Origin");
    if (!origin.empty() && !(origin.starts_with("http://") && allowed_host(origin.substr(7)))) {
      refuse(res, 403, "requests from another site are refused");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "GET" && req.path == "/" && req.has_param("token")) {
      if (!same_secret(req.get_param_value("token"), options.token)) {
        refuse(res, 403, "this link's token is not the session's: use the URL tiendo printed");
        return httplib::Server::HandlerResponse::Handled;
      }
      res.set_header("Set-Cookie", std::string(kCookie) + "=" + options.token +
                                       "; Path=/; HttpOnly; SameSite=Strict");
      res.set_redirect("/", 303);  // the token leaves the address bar and history
      return httplib::Server::HandlerResponse::Handled;
    }
    const auto header = req.get_header_value("X-Tiendo-Token");
    if (!same_secret(cookie_value(req, kCookie), options.token) &&
        !same_secret(header, options.token)) {
      refuse(res, 401, "open the URL tiendo serve printed (it carries the session's token)");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A change needs a header a plain form or an image cannot send.
    if (req.method != "GET" && req.get_header_value("X-Tiendo").empty()) {
      refuse(res, 403, "a change must come from the page (X-Tiendo header)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  /// The page's files: from web_root when given, else built in.
  void asset(const httplib::Request& req, httplib::Response& res) const {
    const auto name = req.path == "/" ? std::string("index.html") : req.path.substr(1);
    const auto* built_in = find_asset(name);
    if (built_in == nullptr) {
      refuse(res, 404, "no such page");
      return;
    }
    std::string body(built_in->content);
    if (!options.web_root.empty()) {
      std::ifstream in(options.web_root / name, std::ios::binary);
      if (in) {
        std::ostringstream s;
        s << in.rdbuf();
        body = s.str();
      }
    }
    res.set_content(body, std::string(built_in->content_type));
  }

  void routes() {
    http.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return check(req, res); });
    for (const auto& a : assets()) {
      http.Get(a.path == "index.html" ? "/" : "/" + std::string(a.path),
               [this](const httplib::Request& req, httplib::Response& res) { asset(req, res); });
    }
    http.Get("/api/plans", [this](const httplib::Request&, httplib::Response& res) {
      send(res, list_plans(workspace, today()));
    });
    http.Get("/api/plan", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, get_plan(workspace, params_of(req)));
    });
    http.Put("/api/plan", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, save_plan(workspace, params_of(req), req.get_header_value("If-Match"), req.body));
    });
    http.Post("/api/analyze", [](const httplib::Request& req, httplib::Response& res) {
      const auto reply = analyze_text(req.body, params_of(req));
      res.status = reply.status;
      res.set_content(reply.body, reply.content_type);
    });
    http.Post("/api/chart", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, chart_of_text(req.body, params_of(req)));
    });
    http.Post("/api/edit", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, edit_text(req.body));
    });
    http.Post("/api/import", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, import_document(workspace, params_of(req), req.body));
    });
    http.Get("/api/download", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, download(workspace, params_of(req)));
    });
    http.Get("/api/baselines", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, list_baselines(workspace, params_of(req)));
    });
    http.Post("/api/baseline", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, save_baseline(workspace, params_of(req), today()));
    });
    // A handler that throws answers 500 with the reason; the server goes on.
    http.set_exception_handler(
        [this](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
          std::string what = "unknown error";
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& x) {
            what = x.what();
          } catch (...) {
          }
          refuse(res, 500, "internal error: " + what);
        });
    http.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (res.status == 413) {
        // (A form-encoded body has a lower limit of its own in cpp-httplib.)
        refuse(res, 413,
               "the request is larger than the server takes; send the plan as text/plain");
      } else if (res.body.empty()) {
        refuse(res, res.status, res.status == 404 ? "not found" : "the request was refused");
      }
    });
    http.set_payload_max_length(options.max_body_bytes);
    // Slow or idle clients (issue 21, item 2) hold a worker each: a client
    // that sends nothing for 5 s is dropped, an idle kept-alive connection
    // after 5 s, and 64 workers leave room for everyone else (cpp-httplib's
    // default is 8). cpp-httplib takes the pool as a raw pointer it owns.
    http.set_read_timeout(5);
    http.set_write_timeout(30);
    http.set_keep_alive_timeout(5);
    http.set_keep_alive_max_count(100);
    http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  }
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->routes();
}

Server::~Server() = default;

std::string Server::bind() {
  // A client that goes away mid-response must not take the server with it.
  std::signal(SIGPIPE, SIG_IGN);
  const auto& o = impl_->options;
  impl_->http.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    impl_->listening = sock;
  });
  // cpp-httplib (0.11, built by Debian) listens with a backlog of 5: twenty
  // clients connecting at once overflow it, and one was reset under load
  // (hostile.serve_load). Listening again on the bound socket raises it.
  const auto deeper = [this] {
    if (impl_->listening != INVALID_SOCKET) ::listen(impl_->listening, SOMAXCONN);
  };
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port > 0) {
      deeper();
      return {};
    }
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
    deeper();
    return {};
  }
  return "cannot listen on " + o.host + ":" + std::to_string(o.port) +
         " (in use, or not an address of this machine)";
}

int Server::port() const {
  return impl_->port;
}

const std::string& Server::token() const {
  return impl_->options.token;
}

std::string Server::start_url() const {
  const auto& host = impl_->options.host;
  const auto shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return "http://" + shown + ":" + std::to_string(impl_->port) + "/?token=" + token();
}

bool Server::run() {
  return impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->http.stop();
}

}  // namespace tiendo::serve
