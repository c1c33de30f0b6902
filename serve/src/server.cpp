// The HTTP side of `tiendo serve`: cpp-httplib's server, the session checks
// every request passes, and the routes, each a call into api.cpp.
#include "api.hpp"
#include "assets.hpp"
#include "workspace.hpp"

#include <httplib.h>
#include <tiendo/serve/serve.hpp>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <fstream>
#include <functional>
#include <list>
#include <mutex>
#include <random>
#include <thread>

#include <malloc.h>
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

/// The workers connections are handled on. cpp-httplib's pool has a fixed
/// number, and a connection holds its worker for as long as it lasts: 50
/// slow clients sending a header line every 2 s held 50 of 64, and wrk's
/// 16 keep-alive connections had 14 left (its 99th percentile: 3.9 s).
/// Here a connection that finds every worker busy gets a new one, up to
/// kMaxWorkers; a worker idle for kIdle ends, down to kMinWorkers, so that
/// the threads (and what their stacks touched) go once the crowd has.
class Workers : public httplib::TaskQueue {
 public:
  static constexpr std::size_t kMinWorkers = 8;
  static constexpr std::size_t kMaxWorkers = 512;
  static constexpr auto kIdle = std::chrono::seconds(10);

  Workers() {
    const std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < kMinWorkers; ++i) start();
  }
  ~Workers() override { shutdown(); }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void enqueue(std::function<void()> job) override {
    {
      const std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
      reap();
      if (idle_ < jobs_.size() && live_ < kMaxWorkers) start();
    }
    wake_.notify_one();
  }

  void shutdown() override {
    std::list<Worker> all;
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
      all.swap(threads_);
    }
    wake_.notify_all();
    for (auto& worker : all) {
      if (worker.thread.joinable()) worker.thread.join();
    }
  }

 private:
  struct Worker {
    std::thread thread;
    bool done = false;
  };

  /// Under the lock.
  void start() {
    ++live_;
    auto& worker = threads_.emplace_back();
    worker.thread = std::thread([this, &worker] { work(worker); });
  }

  /// Joins the workers that ended (under the lock: they set `done` under it
  /// as the last thing they do with the pool).
  void reap() {
    for (auto it = threads_.begin(); it != threads_.end();) {
      if (!it->done) {
        ++it;
        continue;
      }
      it->thread.join();
      it = threads_.erase(it);
    }
  }

  void work(Worker& self) {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      const bool woken =
          wake_.wait_for(lock, kIdle, [this] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (!jobs_.empty()) {
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        lock.lock();
        continue;
      }
      if (stopping_) return;
      if (!woken && live_ > kMinWorkers) {
        --live_;
        self.done = true;
        return;
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::list<Worker> threads_;
  std::size_t live_ = 0;  ///< workers started and not ending
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

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

  /// The reply's body is moved, not copied: a chart or an export may be
  /// megabytes, and each copy is held until the response is written.
  void send(httplib::Response& res, Reply reply) const {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    res.body = std::move(reply.body);
    res.set_header("Content-Type", reply.content_type);
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
    // Nor a body without a length, which cpp-httplib reads until the client
    // closes (50 MB were read in), nor a compressed one, which it inflates
    // with no bound (1 MB of gzip took the server to 1 GB): the limit is on
    // the bytes sent. The page sends its bodies as they are, with a length.
    if (req.method != "GET" && req.method != "HEAD" && !req.has_header("Content-Length")) {
      refuse(res, 411, "a request body must state its length (Content-Length)");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A length that is no number ("many", "-1") cpp-httplib reads as 0: the
    // body would then be taken for the next request. Refused as it is.
    if (const auto length = req.get_header_value("Content-Length");
        req.has_header("Content-Length") &&
        (length.empty() || length.size() > 18 ||
         length.find_first_not_of("0123456789") != std::string::npos)) {
      refuse(res, 400, "the request's Content-Length is not a number of bytes");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (const auto encoding = req.get_header_value("Content-Encoding");
        !encoding.empty() && encoding != "identity") {
      refuse(res, 415, "a request body is sent as it is, not compressed ('" + encoding + "')");
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
    http.Post("/api/analyze", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, analyze_text(workspace, req.body, params_of(req)));
    });
    http.Post("/api/chart", [this](const httplib::Request& req, httplib::Response& res) {
      send(res, chart_of_text(workspace, req.body, params_of(req)));
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
      if (res.status == 413 && res.body.empty()) {
        // cpp-httplib's own: the body is over the limit. (A form-encoded
        // body has a lower limit of its own in cpp-httplib.) A plan too
        // large for the page is a 413 of api.cpp's, which says so.
        refuse(res, 413,
               "the request is larger than the server takes; send the plan as text/plain");
      } else if (res.body.empty()) {
        refuse(res, res.status, res.status == 404 ? "not found" : "the request was refused");
      }
    });
    http.set_payload_max_length(options.max_body_bytes);
    // Slow or idle clients (issue 21, item 2) hold a worker each: a client
    // that sends nothing for 5 s is dropped, an idle kept-alive connection
    // after 5 s, and Workers adds a worker for each connection that finds
    // none free (cpp-httplib's default is 8, fixed). cpp-httplib takes the
    // pool as a raw pointer it owns.
    http.set_read_timeout(5);
    http.set_write_timeout(30);
    http.set_keep_alive_timeout(5);
    http.set_keep_alive_max_count(100);
    http.new_task_queue = [] { return new Workers(); };
  }
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // glibc gives threads arenas of their own (up to 8 a core): memory one
  // worker frees is not reused by the next, and the server's memory grew
  // with each large request handled on another of its workers. Two arenas,
  // set before any worker starts, share what is freed. And glibc raises its
  // threshold for mapping a block apart to the largest block freed (up to
  // 32 MB), after which bodies, replies and charts of megabytes came from
  // the heap and stayed there: a fixed threshold maps each apart and gives
  // it back when freed.
  mallopt(M_ARENA_MAX, 2);
  mallopt(M_MMAP_THRESHOLD, 256 << 10);
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
