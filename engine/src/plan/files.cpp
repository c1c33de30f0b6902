#include <tiendo/files.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tiendo {

namespace {

std::string megabytes(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MB";
}

}  // namespace

FileText read_file(const std::string& path, std::size_t max_bytes) {
  const bool standard_input = path == "-";
  std::error_code ec;
  if (!standard_input && std::filesystem::is_directory(path, ec)) {
    return {std::nullopt, path + " is a directory"};
  }
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {std::nullopt, "cannot open " + path + ": " + std::strerror(errno)};
  const auto name = standard_input ? std::string("standard input") : path;
  std::string text;
  std::string error;
  char buffer[1 << 16];
  for (;;) {
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = "cannot read " + name + ": " + std::strerror(errno);
      break;
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
      error =
          name + " is larger than " +
          (max_bytes >= (1u << 20) ? megabytes(max_bytes) : std::to_string(max_bytes) + " bytes") +
          ", more than any plan; is it the right file?";
      break;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (!standard_input) ::close(fd);
  if (!error.empty()) return {std::nullopt, error};
  return {std::move(text), {}};
}

namespace {

/// The temporary file being written, for the signal handler to remove: a
/// plain buffer, since a handler may only call async-signal-safe functions.
char g_temporary[4096];

void remove_temporary_and_reraise(int signal_number) {
  if (g_temporary[0] != '\0') ::unlink(g_temporary);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

/// While alive, an interrupt (SIGINT, SIGTERM, SIGHUP) removes `path` before
/// the process ends as it would have: no hidden temporary is left behind.
class TemporaryGuard {
 public:
  explicit TemporaryGuard(const std::string& path) {
    if (path.size() >= sizeof g_temporary) return;
    std::memcpy(g_temporary, path.c_str(), path.size() + 1);
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_reraise;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &action, &saved_[i]);
    armed_ = true;
  }
  ~TemporaryGuard() {
    if (!armed_) return;
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &saved_[i], nullptr);
    g_temporary[0] = '\0';
  }
  TemporaryGuard(const TemporaryGuard&) = delete;
  TemporaryGuard& operator=(const TemporaryGuard&) = delete;

 private:
  static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
  std::array<struct sigaction, 3> saved_{};
  bool armed_ = false;
};

/// Writes all of `content` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

/// A device, a FIFO or a socket (`-o /dev/null`, `-o /dev/stdout`) is written
/// in place: renaming a file over it would replace the device itself.
std::string write_special(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  bool ok = write_all(fd, content);
  const int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok) return "cannot write " + path + ": " + std::strerror(saved ? saved : errno);
  return {};
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view content,
                                  const std::function<void()>& before_rename) {
  namespace fs = std::filesystem;
  struct stat existing {};
  const bool replaces = ::stat(path.c_str(), &existing) == 0;
  if (replaces && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) return "cannot write " + path + ": it is a directory";
    return write_special(path, content);
  }
  // Through a symbolic link, the file it points to is replaced, not the link.
  fs::path target(path);
  if (std::error_code ec; fs::is_symlink(fs::symlink_status(target, ec))) {
    target = fs::weakly_canonical(target, ec);
    if (ec) return "cannot write " + path + ": " + ec.message();
  }
  const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The temporary lives in the target's folder so the rename never crosses
  // file systems (rename is atomic only within one).
  auto temporary = (dir / ('.' + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
  const TemporaryGuard guard(temporary);
  bool ok = write_all(fd, content);
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  const auto fail = [&] {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    return "cannot write " + path + ": " + reason;
  };
  if (!ok) return fail();
  ::chmod(temporary.c_str(), replaces ? (existing.st_mode & 07777) : 0644);
  if (before_rename) before_rename();
  if (std::rename(temporary.c_str(), target.c_str()) != 0) return fail();
  return {};
}

bool is_atomic_write_temporary(std::string_view name) {
  // '.' + the file's name + '.' + mkstemp's six letters and digits.
  if (name.size() < 9 || name.front() != '.') return false;
  const auto dot = name.rfind('.');
  if (dot == 0 || name.size() - dot != 7) return false;
  return std::all_of(name.begin() + static_cast<long>(dot) + 1, name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

std::vector<std::filesystem::path> yaml_files_below(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  std::error_code ec;
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      if (it.depth() >= kPlanFolderDepth) it.disable_recursion_pending();
      continue;
    }
    if (name.ends_with(".yaml") || name.ends_with(".yml")) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> workspace_of(const std::string& plan_path) {
  namespace fs = std::filesystem;
  if (plan_path == "-" || plan_path.empty()) return std::nullopt;
  const fs::path plan(plan_path);
  const auto own = plan.filename().string();
  if (own == "workspace.yaml" || own == "workspace.yml") return std::nullopt;
  std::error_code error;
  auto dir = fs::absolute(plan, error).parent_path();
  if (error) return std::nullopt;
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    for (const char* name : {"workspace.yaml", "workspace.yml"}) {
      if (fs::is_regular_file(dir / name, error)) {
        // Said the way the plan was named: relative when it was.
        const auto found = dir / name;
        if (plan.is_absolute()) return found.string();
        const auto relative = fs::relative(found, error);
        return (error || relative.empty() ? found : relative).string();
      }
    }
    if (fs::exists(dir / ".git", error) || dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace tiendo
