#pragma once
// Helpers for chart tests: load a sample, read back SVG paths and PNG pixels.

#include <cairo.h>
#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>
#include <tiendo/files.hpp>

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "plan_fixture.hpp"

namespace tiendo::testing {

inline Analysis load_sample(const std::string& name) {
  const auto file = read_file((source_dir() / "samples" / name).string());
  EXPECT_TRUE(file.text) << file.error;
  auto a = analyze(file.text.value_or(""));
  EXPECT_TRUE(a.ok());
  return a;
}

struct Rgb {
  int r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// One <path> of a Cairo SVG: its fill or stroke colour and its extent.
struct SvgPath {
  std::optional<Rgb> fill, stroke;
  double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
};

inline Rgb percent_rgb(const std::string& text) {
  // rgb(10.196078%,10.196078%,10.196078%)
  std::smatch m;
  static const std::regex re(R"(rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\))");
  std::regex_search(text, m, re);
  const auto c = [&](int i) { return static_cast<int>(std::stod(m[i].str()) * 255 / 100 + 0.5); };
  return {c(1), c(2), c(3)};
}

inline std::vector<SvgPath> svg_paths(const std::string& svg) {
  std::vector<SvgPath> out;
  static const std::regex path_re(R"re(<path style="([^"]*)" d="([^"]*)")re");
  static const std::regex fill_re(R"(fill:(rgb\([^)]*\)))");
  static const std::regex stroke_re(R"(stroke:(rgb\([^)]*\)))");
  static const std::regex number_re(R"(-?[\d.]+)");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), path_re);
       it != std::sregex_iterator(); ++it) {
    SvgPath p;
    const std::string style = (*it)[1];
    const std::string d = (*it)[2];
    std::smatch m;
    if (std::regex_search(style, m, fill_re)) p.fill = percent_rgb(m[1]);
    if (std::regex_search(style, m, stroke_re)) p.stroke = percent_rgb(m[1]);
    bool is_x = true;
    for (auto n = std::sregex_iterator(d.begin(), d.end(), number_re); n != std::sregex_iterator();
         ++n) {
      const double v = std::stod(n->str());
      if (is_x) {
        p.min_x = std::min(p.min_x, v);
        p.max_x = std::max(p.max_x, v);
      } else {
        p.min_y = std::min(p.min_y, v);
        p.max_y = std::max(p.max_y, v);
      }
      is_x = !is_x;
    }
    out.push_back(p);
  }
  return out;
}

/// A decoded PNG; pixel() reads un-premultiplied RGB.
class Png {
 public:
  explicit Png(const std::string& bytes) : bytes_(bytes) {
    surface_ = cairo_image_surface_create_from_png_stream(&Png::read, this);
  }
  ~Png() { cairo_surface_destroy(surface_); }
  Png(const Png&) = delete;
  Png& operator=(const Png&) = delete;

  bool ok() const { return cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS; }
  int width() const { return cairo_image_surface_get_width(surface_); }
  int height() const { return cairo_image_surface_get_height(surface_); }
  Rgb pixel(int x, int y) const {
    cairo_surface_flush(surface_);
    const auto* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    const auto* p = data + y * stride + x * 4;  // BGRA, opaque here
    return {p[2], p[1], p[0]};
  }

 private:
  static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
    auto* self = static_cast<Png*>(closure);
    if (self->offset_ + length > self->bytes_.size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(self->bytes_.data() + self->offset_, length, data);
    self->offset_ += length;
    return CAIRO_STATUS_SUCCESS;
  }
  const std::string& bytes_;
  std::size_t offset_ = 0;
  cairo_surface_t* surface_ = nullptr;
};

inline bool close_to(Rgb a, Rgb b, int tolerance = 12) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
         std::abs(a.b - b.b) <= tolerance;
}

}  // namespace tiendo::testing
