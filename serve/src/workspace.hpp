#pragma once
// The folder of plans the page works on: which files it may touch (its plans
// and those of its subfolders, named by their path below it), reading them
// with a version tag, saving only over the version the page loaded, and the
// workspace.yaml each plan is read with, found as the CLI finds it.

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::serve {

/// A file's text and the tag of that exact content (an HTTP ETag).
struct Loaded {
  std::string text;
  std::string etag;
};

/// What became of a save.
struct Saved {
  enum class Status { saved, conflict, failed } status = Status::failed;
  std::string etag;     ///< the new tag (saved) or the file's current one (conflict)
  std::string current;  ///< conflict: the text on disk now
  std::string error;    ///< failed: why
};

/// The tag of a text: a hash of its bytes, quoted as HTTP wants it.
std::string etag_of(std::string_view text);

class Workspace {
 public:
  /// `dir` must exist; it is resolved once, symbolic links included.
  explicit Workspace(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const { return dir_; }

  /// The path of `name` inside the folder, or nullopt when it would lead
  /// out of it (`..`, an absolute path, a symbolic link pointing out, its
  /// own or a folder's on the way) or is not the name of a plan: a .yaml /
  /// .yml file, directly in the folder or in a subfolder ("ban/kh.yaml",
  /// three folders down at most, none hidden), not a workspace.yaml.
  std::optional<std::filesystem::path> resolve(std::string_view name) const;

  /// The plan files of the folder and of its subfolders, by their path
  /// below it ("ban/kh.yaml"), sorted; hidden files and folders left out,
  /// three folders down at most: the plans `tiendo portfolio DIR` reads.
  std::vector<std::string> plans() const;
  /// The same below `folder` (a subfolder's path, "" for the whole folder),
  /// still named by their path below the whole folder.
  std::vector<std::string> plans_under(std::string_view folder) const;

  /// The workspace file plan `name` is read with, by its path below the
  /// folder ("ban/workspace.yaml"): workspace.yaml (or .yml) in the plan's
  /// folder or the nearest one above it, as the CLI finds it, but never
  /// above the served folder (the page reads nothing outside it); the
  /// search stops, as the CLI's, at a folder holding .git. nullopt: none.
  std::optional<std::string> workspace_of_plan(std::string_view name) const;
  /// The text of that workspace file; nullopt, with `error`, when it cannot
  /// be read or is a symbolic link leading out of the folder.
  std::optional<std::string> load_workspace(std::string_view file, std::string& error) const;
  /// True when the folder has no workspace.yaml of its own but the CLI
  /// would read one above it for its plans: the page does not, and says so.
  bool workspace_above() const;

  std::optional<Loaded> load(std::string_view name, std::string& error) const;

  /// Writes `text` over `name` if the file is still at `if_match` (its tag
  /// when the page loaded it): two pages on one plan never overwrite each
  /// other's edits in silence. Atomic (temporary file, then rename).
  Saved save(std::string_view name, std::string_view text, std::string_view if_match);

  /// Writes a new plan under a name derived from `wanted` (its stem, made
  /// safe, with -2, -3 … when taken); returns its name, or nullopt.
  std::optional<std::string> create(std::string_view wanted, std::string_view text,
                                    std::string& error);

  /// The baselines kept beside plan `name` (PLAN.baseline.json): their text;
  /// an empty text when there are none yet; nullopt, with `error`, when they
  /// cannot be read (or the file is a symbolic link: it could lead anywhere).
  std::optional<std::string> load_baselines(std::string_view name, std::string& error) const;
  /// Changes them: `change` gets their text (empty when there are none yet)
  /// and returns the new text, or nullopt to leave them. One change at a
  /// time, from the read to the atomic write: two baselines saved at once
  /// are both kept. An empty string, or why not.
  std::string update_baselines(
      std::string_view name,
      const std::function<std::optional<std::string>(const std::string&)>& change);

 private:
  std::filesystem::path dir_;
  std::mutex saving_;  ///< one save at a time: check-then-write must not interleave
};

}  // namespace tiendo::serve
