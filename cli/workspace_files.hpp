#pragma once
// The files of a folder of plans: every plan (.yaml, .yml) in it and in its
// subfolders, and its workspace.yaml. `tiendo portfolio`, `agenda`, a chart
// of a folder, and any one plan that lies in a workspace read them alike.

#include <tiendo/portfolio.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiendo::cli {

struct WorkspaceFiles {
  std::vector<PortfolioSource>
      plans;  ///< named by their path below the folder ("ban/ke-hoach.yaml")
  std::optional<PortfolioSource> workspace;
};

/// The folder's plans, sorted by path (hidden folders and files left out,
/// four levels down at most), and its workspace.yaml. A file that cannot
/// be opened is said on stderr, and skipped.
WorkspaceFiles workspace_files(const std::string& dir);

}  // namespace tiendo::cli
