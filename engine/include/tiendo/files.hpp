#pragma once
// Reading plan files and writing outputs without ever leaving half a file.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

struct FileText {
  std::optional<std::string> text;  ///< set on success
  std::string error;                ///< why not, otherwise
};

/// The largest input tiendo reads: a plan of a million steps is about 140 MB.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

/// The whole file, or why it could not be read ("-": standard input). A file
/// larger than `max_bytes` is refused without reading it all (`/dev/zero`).
FileText read_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

/// Writes `content` to a temporary file beside `path`, then renames it over
/// `path`, so a reader sees the old file or the new one, never a part. A
/// device or FIFO (`/dev/null`) is written in place, never replaced; through
/// a symbolic link, the file it names is replaced. SIGINT, SIGTERM or SIGHUP
/// while writing removes the temporary file. `before_rename` runs just before
/// the rename (tests interrupt the write there). Returns an empty string on
/// success, else the reason.
std::string write_file_atomically(const std::string& path, std::string_view content,
                                  const std::function<void()>& before_rename = {});

/// True for the name of a temporary write_file_atomically makes beside the
/// file it replaces (".plan.yaml.Ab12Cd"): one left behind means a process
/// was killed mid-write.
bool is_atomic_write_temporary(std::string_view file_name);

/// The workspace a plan file belongs to: `workspace.yaml` (or `.yml`) in the
/// plan's folder or the nearest folder above it, as git finds its
/// repository; the search stops at a folder holding `.git` (a repository's
/// top) and at the file system's root. nullopt for standard input ("-"), for
/// a workspace file itself, and when there is none.
std::optional<std::string> workspace_of(const std::string& plan_path);

/// How many folders below a folder of plans its plans are looked for
/// (`tiendo portfolio DIR`, `tiendo serve DIR`).
inline constexpr int kPlanFolderDepth = 3;

/// Every entry below `dir` named `*.yaml` or `*.yml` that is not a folder,
/// sorted: hidden files and folders left out, kPlanFolderDepth folders down
/// at most, symbolic links to folders not followed, unreadable folders
/// passed by.
std::vector<std::filesystem::path> yaml_files_below(const std::filesystem::path& dir);

}  // namespace tiendo
