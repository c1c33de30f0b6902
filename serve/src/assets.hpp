#pragma once
// The page's files (serve/web/), built into the binary: the page works with
// no network and no files beside the program.

#include <span>
#include <string_view>

namespace tiendo::serve {

struct Asset {
  std::string_view path;  ///< "index.html", "app.js", "js/chart.js", …
  std::string_view content_type;
  std::string_view content;
};

std::span<const Asset> assets();
/// The asset of that path, or nullptr.
const Asset* find_asset(std::string_view path);

}  // namespace tiendo::serve
