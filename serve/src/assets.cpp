#include "assets.hpp"

#include "web_app_css.hpp"
#include "web_app_js.hpp"
#include "web_index_html.hpp"

#include <array>

namespace tiendo::serve {

namespace {

constexpr std::array<Asset, 3> kAssets{{
    {"index.html", "text/html; charset=utf-8", kWebIndexHtml},
    {"app.js", "text/javascript; charset=utf-8", kWebAppJs},
    {"app.css", "text/css; charset=utf-8", kWebAppCss},
}};

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
