#include "png_writer.hpp"

#include <png.h>
#include <zlib.h>

#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <vector>

namespace tiendo::render {

namespace {

void append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

// Each libpng call sits in its own small function with its own setjmp, so
// that libpng's longjmp on error never skips a C++ destructor.

bool start(png_structp png, png_infop info, std::string* out, png_uint_32 width, png_uint_32 height,
           png_uint_32 pixels_per_meter) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, append, flush);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs(png, info, pixels_per_meter, pixels_per_meter, PNG_RESOLUTION_METER);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_strategy(png, Z_RLE);
  png_write_info(png, info);
  return true;
}

bool row(png_structp png, png_bytep data) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_write_row(png, data);
  return true;
}

bool end(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_write_end(png, info);
  return true;
}

}  // namespace

struct PngStream::State {
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::string out;
  std::vector<unsigned char> rgb;
  bool ok = false;
};

PngStream::PngStream(int width, int height, double dpi) : state_(std::make_unique<State>()) {
  auto& s = *state_;
  s.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (s.png != nullptr) s.info = png_create_info_struct(s.png);
  s.rgb.resize(static_cast<std::size_t>(width) * 3);
  s.ok = s.info != nullptr && start(s.png, s.info, &s.out, static_cast<png_uint_32>(width),
                                    static_cast<png_uint_32>(height),
                                    static_cast<png_uint_32>(std::lround(dpi / 0.0254)));
}

PngStream::~PngStream() {
  png_destroy_write_struct(&state_->png, &state_->info);
}

void PngStream::write(cairo_surface_t* band, int rows) {
  auto& s = *state_;
  if (!s.ok) return;
  cairo_surface_flush(band);
  const int width = cairo_image_surface_get_width(band);
  const int stride = cairo_image_surface_get_stride(band);
  const unsigned char* data = cairo_image_surface_get_data(band);
  for (int y = 0; y < rows && s.ok; ++y) {
    // ARGB32 in native order to RGB; the chart is painted on an opaque
    // background, so there is nothing to unpremultiply.
    const auto* src =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      const std::uint32_t p = src[x];
      s.rgb[3 * static_cast<std::size_t>(x)] = static_cast<unsigned char>(p >> 16);
      s.rgb[3 * static_cast<std::size_t>(x) + 1] = static_cast<unsigned char>(p >> 8);
      s.rgb[3 * static_cast<std::size_t>(x) + 2] = static_cast<unsigned char>(p);
    }
    s.ok = row(s.png, s.rgb.data());
  }
}

std::string PngStream::finish() {
  auto& s = *state_;
  if (!s.ok || !end(s.png, s.info)) return {};
  return std::move(s.out);
}

}  // namespace tiendo::render
