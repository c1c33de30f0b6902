#pragma once
// Reading plan files and writing outputs without ever leaving half a file.

#include <optional>
#include <string>
#include <string_view>

namespace tiendo {

struct FileText {
  std::optional<std::string> text;  ///< set on success
  std::string error;                ///< why not, otherwise
};

/// The whole file, or why it could not be read.
FileText read_file(const std::string& path);

/// Writes `content` to a temporary file beside `path`, then renames it over
/// `path`, so a reader sees the old file or the new one, never a part.
/// Returns an empty string on success, else the reason.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace tiendo
