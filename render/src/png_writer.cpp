#include "png_writer.hpp"

#include <zlib.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <future>
#include <string_view>
#include <vector>

namespace tiendo::render {

namespace {

constexpr std::uint8_t kFilterUp = 2;
/// Bands compressed at once: the painter works on the next band meanwhile.
constexpr std::size_t kInFlight = 2;

void put32(std::string& out, std::uint32_t v) {
  const std::array<char, 4> bytes{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                                  static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(bytes.data(), bytes.size());
}

void chunk(std::string& out, std::string_view type, std::string_view data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  out += type;
  out += data;
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(type.data()), 4);
  if (!data.empty()) {  // crc32 of a null buffer is 0, not the running value
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  }
  put32(out, static_cast<std::uint32_t>(crc));
}

/// One band's scanlines compressed as a piece of the image's deflate stream:
/// every piece but the last ends on a byte boundary with a sync flush, so the
/// pieces join into one stream (as pigz does).
struct Piece {
  std::string deflated;
  std::uint32_t adler = 1;
  std::size_t raw_size = 0;
  bool ok = false;
};

/// A raw deflate stream (the zlib header and checksum are written once,
/// around all pieces); run-length matching suits the "up" filter on charts.
class Deflater {
 public:
  Deflater() { ok_ = deflateInit2(&z_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_RLE) == Z_OK; }
  ~Deflater() {
    if (ok_) deflateEnd(&z_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return z_; }

 private:
  z_stream z_{};
  bool ok_ = false;
};

Piece compress(const std::vector<unsigned char>& scanlines, bool last) {
  Piece piece;
  piece.raw_size = scanlines.size();
  piece.adler =
      static_cast<std::uint32_t>(adler32(1, scanlines.data(), static_cast<uInt>(scanlines.size())));
  Deflater deflater;
  if (!deflater.ok()) return piece;
  auto& z = deflater.stream();
  piece.deflated.resize(deflateBound(&z, static_cast<uLong>(scanlines.size())) + 64);
  z.next_in = const_cast<Bytef*>(scanlines.data());
  z.avail_in = static_cast<uInt>(scanlines.size());
  z.next_out = reinterpret_cast<Bytef*>(piece.deflated.data());
  z.avail_out = static_cast<uInt>(piece.deflated.size());
  const int status = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
  piece.ok = last ? status == Z_STREAM_END : status == Z_OK && z.avail_in == 0;
  piece.deflated.resize(z.total_out);
  return piece;
}

}  // namespace

struct PngStream::State {
  int width = 0;
  int height = 0;
  int rows_done = 0;
  std::string out;
  std::vector<unsigned char> previous;  ///< the last RGB row, for the "up" filter
  std::deque<std::future<Piece>> pending;
  std::uint32_t adler = 1;
  bool ok = true;

  void take_oldest() {
    const Piece piece = pending.front().get();
    pending.pop_front();
    ok = ok && piece.ok;
    if (!ok) return;
    adler = static_cast<std::uint32_t>(
        adler32_combine(adler, piece.adler, static_cast<z_off_t>(piece.raw_size)));
    chunk(out, "IDAT", piece.deflated);
  }
};

PngStream::PngStream(int width, int height, double dpi) : state_(std::make_unique<State>()) {
  auto& s = *state_;
  s.width = width;
  s.height = height;
  s.previous.assign(static_cast<std::size_t>(width) * 3, 0);
  s.out = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += std::string_view("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no interlace
  chunk(s.out, "IHDR", header);
  const auto per_meter = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::string phys;
  put32(phys, per_meter);
  put32(phys, per_meter);
  phys += '\x01';  // unit: metre
  chunk(s.out, "pHYs", phys);
  // The zlib header of the one stream the IDAT chunks hold together.
  chunk(s.out, "IDAT", std::string_view("\x78\x01", 2));
}

PngStream::~PngStream() {
  for (auto& f : state_->pending) f.wait();  // never leave a worker on freed memory
}

void PngStream::write(cairo_surface_t* band, int rows) {
  auto& s = *state_;
  if (!s.ok || rows <= 0) return;
  cairo_surface_flush(band);
  const int stride = cairo_image_surface_get_stride(band);
  const unsigned char* data = cairo_image_surface_get_data(band);
  const auto row_bytes = static_cast<std::size_t>(s.width) * 3;
  std::vector<unsigned char> scanlines((row_bytes + 1) * static_cast<std::size_t>(rows));
  auto* out = scanlines.data();
  auto* above = s.previous.data();
  for (int y = 0; y < rows; ++y) {
    // ARGB32 in native order to RGB, each byte minus the one above it; the
    // chart is painted on an opaque background, nothing to unpremultiply.
    const auto* src =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    *out++ = kFilterUp;
    for (int x = 0; x < s.width; ++x, out += 3) {
      const std::uint32_t p = src[x];
      const std::array<unsigned char, 3> rgb{static_cast<unsigned char>(p >> 16),
                                             static_cast<unsigned char>(p >> 8),
                                             static_cast<unsigned char>(p)};
      auto* up = above + 3 * static_cast<std::size_t>(x);
      for (int c = 0; c < 3; ++c) {
        out[c] = static_cast<unsigned char>(rgb[c] - up[c]);
        up[c] = rgb[c];
      }
    }
  }
  s.rows_done += rows;
  const bool last = s.rows_done >= s.height;
  if (s.pending.size() >= kInFlight) s.take_oldest();
  s.pending.push_back(std::async(std::launch::async, compress, std::move(scanlines), last));
}

std::string PngStream::finish() {
  auto& s = *state_;
  while (!s.pending.empty()) s.take_oldest();
  if (!s.ok || s.rows_done != s.height) return {};
  std::string trailer;
  put32(trailer, s.adler);
  chunk(s.out, "IDAT", trailer);
  chunk(s.out, "IEND", {});
  return std::move(s.out);
}

}  // namespace tiendo::render
