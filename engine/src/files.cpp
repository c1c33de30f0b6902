#include <tiendo/files.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tiendo {

FileText read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return {std::nullopt, path + " is a directory"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot open " + path + ": " + std::strerror(errno)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return {std::nullopt, "cannot read " + path};
  return {buffer.str(), {}};
}

std::string write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The temporary lives in the target's folder so the rename never crosses
  // file systems (rename is atomic only within one).
  auto pattern = (dir / ('.' + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
  bool ok = true;
  std::size_t written = 0;
  while (ok && written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      ok = errno == EINTR;
    } else {
      written += static_cast<std::size_t>(n);
    }
  }
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    const std::string reason = std::strerror(errno);
    ::unlink(pattern.c_str());
    return "cannot write " + path + ": " + reason;
  }
  ::chmod(pattern.c_str(), 0644);
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(pattern.c_str());
    return "cannot write " + path + ": " + reason;
  }
  return {};
}

}  // namespace tiendo
