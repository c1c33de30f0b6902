#pragma once
// Helpers for chart tests: load a sample, read back PNG pixels.

#include <cairo.h>
#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>
#include <tiendo/files.hpp>

#include <filesystem>
#include <optional>
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

/// A plan made for chart tests, in tests/data/charts/.
inline Analysis load_chart_plan(const std::string& name) {
  const auto file = read_file((source_dir() / "tests/data/charts" / name).string());
  EXPECT_TRUE(file.text) << file.error;
  auto a = analyze(file.text.value_or(""));
  EXPECT_TRUE(a.ok());
  return a;
}

struct Rgb {
  int r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

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
  /// Writes the part (x, y, w, h), enlarged `zoom` times, to `path`.
  void save_crop(int x, int y, int w, int h, double zoom, const std::string& path) const {
    cairo_surface_t* out = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(w * zoom), static_cast<int>(h * zoom));
    cairo_t* cr = cairo_create(out);
    cairo_scale(cr, zoom, zoom);
    cairo_set_source_surface(cr, surface_, -x, -y);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(out, path.c_str());
    cairo_surface_destroy(out);
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
