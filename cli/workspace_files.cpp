#include "workspace_files.hpp"

#include <tiendo/files.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace tiendo::cli {

namespace fs = std::filesystem;

namespace {

bool workspace_name(const std::string& name) {
  return name == "workspace.yaml" || name == "workspace.yml";
}

}  // namespace

WorkspaceFiles workspace_files(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      if (it.depth() >= 3) it.disable_recursion_pending();
      continue;
    }
    const auto ext = it->path().extension();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  WorkspaceFiles out;
  for (const auto& path : files) {
    const auto file = read_file(path.string());
    if (!file.text) {
      std::cerr << "tiendo: " << file.error << "\n";
      continue;
    }
    // Relative to the folder however it was written ("samples/workspace/"),
    // never through a symbolic link's target.
    auto base = fs::path(dir).lexically_normal();
    if (!base.has_filename()) base = base.parent_path();
    auto name = path.lexically_normal().lexically_relative(base).string();
    if (name.empty()) name = path.filename().string();
    if (workspace_name(name)) {
      out.workspace = PortfolioSource{name, *file.text};
    } else if (!workspace_name(path.filename().string())) {
      // A subfolder's own workspace.yaml is no plan.
      out.plans.push_back({name, *file.text});
    }
  }
  return out;
}

}  // namespace tiendo::cli
