// The PNG encoder: bands compressed on worker threads must join into one
// image that a PNG reader (Cairo's, on libpng) decodes pixel for pixel.
#include "png_writer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "render_fixture.hpp"

namespace tiendo::render {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

Surface image_surface(int width, int height) {
  return {cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height), &cairo_surface_destroy};
}

/// A colour no neighbour shares, so a row or band out of place shows.
testing::Rgb expected(int x, int y) {
  return {(x * 7 + y) % 256, (y * 13) % 256, (x + y * 3) % 251};
}

std::string encode(int width, int height, int band_rows) {
  PngStream png(width, height, 96);
  const auto band = image_surface(width, band_rows);
  for (int top = 0; top < height; top += band_rows) {
    cairo_surface_flush(band.get());
    auto* data = cairo_image_surface_get_data(band.get());
    const int stride = cairo_image_surface_get_stride(band.get());
    const int rows = std::min(band_rows, height - top);
    for (int y = 0; y < rows; ++y) {
      auto* row = reinterpret_cast<std::uint32_t*>(data + y * stride);
      for (int x = 0; x < width; ++x) {
        const auto c = expected(x, top + y);
        row[x] = 0xFF000000u | static_cast<std::uint32_t>(c.r << 16 | c.g << 8 | c.b);
      }
    }
    cairo_surface_mark_dirty(band.get());
    png.write(band.get(), rows);
  }
  return png.finish();
}

TEST(PngWriter, BandsJoinIntoOneImage) {
  // Five bands, the last one short: pieces end with sync flushes, the last
  // with the stream's end, and the "up" filter runs across band edges.
  const std::string bytes = encode(37, 4 * 64 + 21, 64);
  ASSERT_FALSE(bytes.empty());
  const testing::Png image(bytes);
  ASSERT_TRUE(image.ok());
  ASSERT_EQ(image.width(), 37);
  ASSERT_EQ(image.height(), 4 * 64 + 21);
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      ASSERT_EQ(image.pixel(x, y), expected(x, y)) << "at " << x << "," << y;
    }
  }
}

TEST(PngWriter, RecordsTheResolution) {
  const std::string bytes = encode(4, 3, 8);
  // pHYs follows IHDR: 96 dpi is 3780 pixels a metre on both axes.
  const auto at = bytes.find("pHYs");
  ASSERT_NE(at, std::string::npos);
  const auto u32 = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 3]));
  };
  EXPECT_EQ(u32(at + 4), 3780u);
  EXPECT_EQ(u32(at + 8), 3780u);
  EXPECT_EQ(bytes[at + 12], '\x01');
}

TEST(PngWriter, TooFewRowsGiveNoImage) {
  PngStream png(4, 10, 96);
  const auto band = image_surface(4, 5);
  png.write(band.get(), 5);
  EXPECT_TRUE(png.finish().empty());  // never a truncated file
}

}  // namespace
}  // namespace tiendo::render
