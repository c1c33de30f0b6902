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
  std::vector<fs::path> files;
  for (auto& path : yaml_files_below(dir)) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) files.push_back(std::move(path));
  }
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
