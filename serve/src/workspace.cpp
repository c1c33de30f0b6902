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

bool is_workspace_name(std::string_view name) {
  return name == "workspace.yaml" || name == "workspace.yml";
}

/// Folders below the served one a plan may be in: as `tiendo portfolio`
/// reads a folder.
constexpr int kMaxFolders = kPlanFolderDepth;

/// True when `path` (canonical) is `dir` or below it.
bool inside(const fs::path& path, const fs::path& dir) {
  const auto relative = path.lexically_relative(dir);
  return !relative.empty() && *relative.begin() != "..";
}

/// Every .yaml / .yml file below `top`, by its path below `top` ('/'
/// between folders), as `tiendo portfolio` walks a folder (yaml_files_below).
std::vector<std::string> yaml_files(const fs::path& top) {
  std::vector<std::string> out;
  for (const auto& path : yaml_files_below(top)) {
    out.push_back(path.lexically_relative(top).generic_string());
  }
  return out;
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
  // In the folders its plans may be in: hidden files are seen, hidden
  // folders are not entered.
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& entry = *it;
    const auto name = entry.path().filename().string();
    std::error_code own;
    if (entry.is_directory(own)) {
      if (name.starts_with(".") || it.depth() >= kMaxFolders) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(own) || !is_leftover_temporary(name)) continue;
    const auto written = entry.last_write_time(own);
    if (!own && now - written > std::chrono::minutes(1)) fs::remove(entry.path(), own);
  }
}

}  // namespace

Workspace::Workspace(const fs::path& dir) : dir_(fs::canonical(dir)) {
  remove_leftovers(dir_);
}

std::optional<fs::path> Workspace::resolve(std::string_view name) const {
  if (name.empty() || name.size() > 1024 || !is_plan_name(name)) return std::nullopt;
  // A path below the folder: names between '/', none empty, hidden or
  // "..", nothing absolute, no '\\'.
  if (name.find_first_of("\\\"") != std::string_view::npos) return std::nullopt;
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return std::nullopt;
  }
  int parts = 0;
  std::string_view last;
  for (std::size_t at = 0; at <= name.size();) {
    auto end = name.find('/', at);
    if (end == std::string_view::npos) end = name.size();
    const auto part = name.substr(at, end - at);
    if (part.empty() || part.size() > 255 || part.front() == '.') return std::nullopt;
    last = part;
    ++parts;
    at = end + 1;
  }
  if (parts > kMaxFolders + 1 || is_workspace_name(last)) return std::nullopt;
  const auto path = dir_ / fs::path(std::string(name));
  // A symbolic link, the plan's or a folder's on the way, may point
  // anywhere: only into the folder is allowed.
  std::error_code ec;
  const auto target = fs::weakly_canonical(path, ec);
  if (ec || !inside(target, dir_)) return std::nullopt;
  return path;
}

std::vector<std::string> Workspace::plans() const {
  return plans_under("");
}

std::vector<std::string> Workspace::plans_under(std::string_view folder) const {
  std::vector<std::string> out;
  const auto prefix = folder.empty() ? std::string() : std::string(folder) + "/";
  if (!folder.empty() && !resolve(prefix + "x.yaml")) return out;
  std::error_code ec;
  for (auto& name : yaml_files(dir_ / fs::path(std::string(folder)))) {
    name.insert(0, prefix);
    const auto path = resolve(name);
    if (path && fs::is_regular_file(*path, ec)) out.push_back(std::move(name));
  }
  return out;
}

std::optional<std::string> Workspace::workspace_of_plan(std::string_view name) const {
  if (!resolve(name)) return std::nullopt;
  auto folder = fs::path(std::string(name)).parent_path();
  std::error_code ec;
  for (;;) {
    for (const char* file : {"workspace.yaml", "workspace.yml"}) {
      const auto relative = folder / file;
      if (fs::is_regular_file(dir_ / relative, ec)) return relative.generic_string();
    }
    if (folder.empty() || fs::exists(dir_ / folder / ".git", ec)) return std::nullopt;
    folder = folder.parent_path();
  }
}

std::optional<std::string> Workspace::load_workspace(std::string_view file,
                                                     std::string& error) const {
  const auto path = dir_ / fs::path(std::string(file));
  std::error_code ec;
  const auto target = fs::weakly_canonical(path, ec);
  if (ec || !inside(target, dir_)) {
    error = std::string(file) + " leads out of the folder (a symbolic link): it is not read";
    return std::nullopt;
  }
  const auto read = read_file(path.string(), kMaxPlanBytes);
  if (!read.text) {
    error = read.error;
    if (const auto at = error.find(path.string()); at != std::string::npos) {
      error.replace(at, path.string().size(), std::string(file));
    }
    return std::nullopt;
  }
  return *read.text;
}

bool Workspace::workspace_above() const {
  std::error_code ec;
  for (const char* own : {"workspace.yaml", "workspace.yml", ".git"}) {
    if (fs::exists(dir_ / own, ec)) return false;
  }
  return workspace_of((dir_ / "plan.yaml").string()).has_value();
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
