#include "workspace.hpp"

#include <tiendo/files.hpp>
#include <tiendo/progress.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace tiendo::serve {

namespace fs = std::filesystem;

namespace {

/// The largest plan the page opens (the HTTP body limit is the other bound).
constexpr std::size_t kMaxPlanBytes = std::size_t{8} << 20;

bool is_plan_name(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

}  // namespace

std::string etag_of(std::string_view text) {
  // FNV-1a, 64 bits: a change of any byte changes the tag.
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[24];
  std::snprintf(out, sizeof out, "\"%016llx\"", static_cast<unsigned long long>(h));
  return out;
}

namespace {

/// A temporary of write_file_atomically beside a plan or its baselines.
bool is_leftover_temporary(const std::string& name) {
  if (!is_atomic_write_temporary(name)) return false;
  const auto base = name.substr(1, name.rfind('.') - 1);
  return base.ends_with(".yaml") || base.ends_with(".yml") || base.ends_with(".json");
}

/// Removes the temporaries an earlier server (killed during a save) left in
/// the folder, older than a minute (a save under way is never touched).
void remove_leftovers(const fs::path& dir) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) || !is_leftover_temporary(name)) continue;
    const auto written = entry.last_write_time(ec);
    if (!ec && now - written > std::chrono::minutes(1)) fs::remove(entry.path(), ec);
  }
}

}  // namespace

Workspace::Workspace(const fs::path& dir) : dir_(fs::canonical(dir)) { remove_leftovers(dir_); }

std::optional<fs::path> Workspace::resolve(std::string_view name) const {
  if (name.empty() || name.size() > 255 || !is_plan_name(name)) return std::nullopt;
  // A plain file name: no folder, no "..", nothing absolute.
  if (name.find_first_of("/\\\"") != std::string_view::npos || name.front() == '.') {
    return std::nullopt;
  }
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return std::nullopt;
  }
  const auto path = dir_ / fs::path(std::string(name));
  std::error_code ec;
  // A symbolic link may point anywhere: only into the folder is allowed.
  if (fs::is_symlink(path, ec)) {
    const auto target = fs::weakly_canonical(path, ec);
    if (ec || target.parent_path() != dir_) return std::nullopt;
  }
  return path;
}

std::vector<std::string> Workspace::plans() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const auto name = entry.path().filename().string();
    if (resolve(name) && entry.is_regular_file(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Loaded> Workspace::load(std::string_view name, std::string& error) const {
  const auto path = resolve(name);
  if (!path) {
    error = "no plan '" + std::string(name) + "' in this folder";
    return std::nullopt;
  }
  const auto file = read_file(path->string(), kMaxPlanBytes);
  if (!file.text) {
    // The page names the file, not where this machine keeps it.
    error = file.error;
    if (const auto at = error.find(path->string()); at != std::string::npos) {
      error.replace(at, path->string().size(), std::string(name));
    }
    return std::nullopt;
  }
  return Loaded{*file.text, etag_of(*file.text)};
}

Saved Workspace::save(std::string_view name, std::string_view text, std::string_view if_match) {
  Saved out;
  const auto path = resolve(name);
  if (!path) {
    out.error = "no plan '" + std::string(name) + "' in this folder";
    return out;
  }
  const std::lock_guard lock(saving_);
  const auto file = read_file(path->string(), kMaxPlanBytes);
  if (!file.text) {
    out.error = file.error;
    return out;
  }
  const auto now = etag_of(*file.text);
  if (if_match != "*" && if_match != now) {
    out.status = Saved::Status::conflict;
    out.etag = now;
    out.current = *file.text;
    return out;
  }
  if (const auto error = write_file_atomically(path->string(), text); !error.empty()) {
    out.error = error;
    return out;
  }
  out.status = Saved::Status::saved;
  out.etag = etag_of(text);
  return out;
}

namespace {

/// PLAN.baseline.json for a plan of the folder; nullopt when it is a
/// symbolic link (a write through it would replace the file it names).
std::optional<fs::path> baselines_path(const fs::path& plan) {
  const fs::path path = baseline_file_path(plan.string());
  std::error_code ec;
  if (fs::is_symlink(path, ec)) return std::nullopt;
  return path;
}

}  // namespace

std::optional<std::string> Workspace::load_baselines(std::string_view name,
                                                     std::string& error) const {
  const auto plan = resolve(name);
  const auto path = plan ? baselines_path(*plan) : std::nullopt;
  if (!path) {
    error = "no baselines for '" + std::string(name) + "' in this folder";
    return std::nullopt;
  }
  std::error_code ec;
  if (!fs::exists(*path, ec)) return std::string();
  const auto file = read_file(path->string(), kMaxPlanBytes);
  if (!file.text) {
    error = "the baselines of '" + std::string(name) + "' cannot be read";
    return std::nullopt;
  }
  return *file.text;
}

std::string Workspace::update_baselines(
    std::string_view name,
    const std::function<std::optional<std::string>(const std::string&)>& change) {
  const std::lock_guard lock(saving_);
  std::string error;
  const auto text = load_baselines(name, error);
  if (!text) return error;
  const auto changed = change(*text);
  if (!changed) return {};
  const auto path = baselines_path(*resolve(name));
  return write_file_atomically(path->string(), *changed);
}

std::optional<std::string> Workspace::create(std::string_view wanted, std::string_view text,
                                             std::string& error) {
  // The stem, kept to letters, digits, '-' and '_' (any other byte: '-').
  auto stem = fs::path(std::string(wanted)).filename().stem().string();
  std::string safe;
  for (const char c : stem) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (ok) {
      safe += c;
    } else if (!safe.empty() && safe.back() != '-') {
      safe += '-';
    }
  }
  while (!safe.empty() && safe.back() == '-') safe.pop_back();
  if (safe.empty()) safe = "plan";
  if (safe.size() > 60) safe.resize(60);
  const std::lock_guard lock(saving_);
  for (int n = 1; n < 1000; ++n) {
    const auto name = safe + (n == 1 ? "" : "-" + std::to_string(n)) + ".yaml";
    const auto path = dir_ / name;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) continue;
    if (auto failed = write_file_atomically(path.string(), text); !failed.empty()) {
      error = failed;
      return std::nullopt;
    }
    return name;
  }
  error = "too many plans named '" + safe + "'";
  return std::nullopt;
}

}  // namespace tiendo::serve
