#include "assets.hpp"

#include "web_assets.hpp"

#include <array>
#include <cstddef>

namespace tiendo::serve {

namespace {

constexpr std::string_view content_type_of(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  return "application/octet-stream";
}

constexpr auto make_assets() {
  std::array<Asset, kWebFiles.size()> out{};
  for (std::size_t i = 0; i < kWebFiles.size(); ++i) {
    out[i] = {kWebFiles[i].first, content_type_of(kWebFiles[i].first), kWebFiles[i].second};
  }
  return out;
}

constexpr auto kAssets = make_assets();

}  // namespace

std::span<const Asset> assets() {
  return kAssets;
}

const Asset* find_asset(std::string_view path) {
  for (const auto& a : kAssets) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

}  // namespace tiendo::serve
