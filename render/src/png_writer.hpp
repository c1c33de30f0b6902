#pragma once
// PNG encoding tuned for charts: large flat areas, few colours. Cairo's own
// writer uses libpng's slowest settings and needs the whole image in memory;
// this one takes the image in horizontal bands as they are painted, writes
// RGB with the "up" filter and ISA-L's fast deflate, and records the
// resolution so the image prints at its size. Each band is compressed on a
// worker thread while the next is painted, as a piece of one zlib stream.

#include <cairo.h>

#include <memory>
#include <string>

namespace tiendo::render {

class PngStream {
 public:
  /// Starts a PNG of width x height pixels at `dpi`.
  PngStream(int width, int height, double dpi);
  ~PngStream();
  PngStream(const PngStream&) = delete;
  PngStream& operator=(const PngStream&) = delete;

  /// Appends the first `rows` rows of an opaque ARGB32 image surface.
  void write(cairo_surface_t* band, int rows);
  /// Ends the file; the bytes, or an empty string if zlib failed.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tiendo::render
