#include "png_writer.hpp"

#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
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

/// One band as painted: its ARGB pixels and the row above it (the previous
/// band's last, or zeros), which the "up" filter of its first row needs.
struct Band {
  std::vector<std::uint32_t> pixels;
  std::vector<std::uint32_t> above;
  int width = 0;
  int rows = 0;
  bool last = false;
};

/// One band's scanlines compressed as a piece of the image's deflate stream:
/// every piece but the last ends on a byte boundary with a sync flush, so the
/// pieces join into one stream (as pigz does).
struct Piece {
  std::string deflated;
  std::uint32_t adler = 1;
  std::size_t raw_size = 0;
  bool ok = false;
  Band band;  ///< handed back, so its buffers serve the next band
};

/// PNG scanlines: a filter byte, then RGB bytes each minus the byte above.
/// The chart is painted on an opaque background: nothing to unpremultiply.
std::vector<unsigned char> scanlines(const Band& band) {
  const auto width = static_cast<std::size_t>(band.width);
  std::vector<unsigned char> out((3 * width + 1) * static_cast<std::size_t>(band.rows));
  auto* o = out.data();
  const std::uint32_t* above = band.above.data();
  for (int y = 0; y < band.rows; ++y) {
    const std::uint32_t* row = band.pixels.data() + static_cast<std::size_t>(y) * width;
    *o++ = kFilterUp;
    for (std::size_t x = 0; x < width; ++x, o += 3) {
      const std::uint32_t p = row[x], q = above[x];
      o[0] = static_cast<unsigned char>((p >> 16) - (q >> 16));
      o[1] = static_cast<unsigned char>((p >> 8) - (q >> 8));
      o[2] = static_cast<unsigned char>(p - q);
    }
    above = row;
  }
  return out;
}

Piece compress(Band band) {
  Piece piece;
  const auto raw = scanlines(band);
  piece.raw_size = raw.size();
  piece.adler = isal_adler32(1, raw.data(), raw.size());
  // ISA-L's level 0: on charts, some twenty times zlib's speed for a file a
  // third larger. Not its levels 1 to 3: they now and then encode the same
  // pixels differently (seen on this machine in about 1 run in 100), and the
  // same chart must give the same bytes. Raw deflate: the zlib header and
  // checksum are written once, around all pieces.
  isal_zstream z{};
  isal_deflate_init(&z);
  z.level = 0;
  z.end_of_stream = band.last ? 1 : 0;
  z.flush = band.last ? NO_FLUSH : SYNC_FLUSH;
  z.next_in = const_cast<std::uint8_t*>(raw.data());
  z.avail_in = static_cast<std::uint32_t>(raw.size());
  // Charts compress ten to fifty times: start small, grow when full.
  piece.deflated.resize(raw.size() / 8 + 65536);
  for (;;) {
    z.next_out = reinterpret_cast<std::uint8_t*>(piece.deflated.data()) + z.total_out;
    z.avail_out = static_cast<std::uint32_t>(piece.deflated.size() - z.total_out);
    if (isal_deflate(&z) != COMP_OK) break;
    const auto state = z.internal_state.state;
    if (z.avail_in == 0 && (band.last ? state == ZSTATE_END : state == ZSTATE_NEW_HDR)) {
      piece.ok = true;
      break;
    }
    if (z.avail_out != 0) break;  // neither done nor out of room: give up
    piece.deflated.resize(2 * piece.deflated.size());
  }
  piece.deflated.resize(z.total_out);
  piece.band = std::move(band);
  return piece;
}

}  // namespace

struct PngStream::State {
  int width = 0;
  int height = 0;
  int rows_done = 0;
  std::string out;
  std::vector<std::uint32_t> above;  ///< the last row written, for the "up" filter
  std::deque<std::future<Piece>> pending;
  std::vector<Band> spare;  ///< bands back from the workers, buffers to reuse
  std::uint32_t adler = 1;
  bool ok = true;

  void take_oldest() {
    Piece piece = pending.front().get();
    pending.pop_front();
    spare.push_back(std::move(piece.band));
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
  s.above.assign(static_cast<std::size_t>(width), 0);
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
  if (s.pending.size() >= kInFlight) s.take_oldest();
  Band b;
  if (!s.spare.empty()) {
    b = std::move(s.spare.back());
    s.spare.pop_back();
  }
  const auto width = static_cast<std::size_t>(s.width);
  b.width = s.width;
  b.rows = rows;
  b.pixels.resize(width * static_cast<std::size_t>(rows));
  for (int y = 0; y < rows; ++y) {
    std::memcpy(b.pixels.data() + static_cast<std::size_t>(y) * width,
                data + static_cast<std::ptrdiff_t>(y) * stride, 4 * width);
  }
  b.above = s.above;
  std::copy_n(b.pixels.end() - static_cast<std::ptrdiff_t>(width), width, s.above.begin());
  s.rows_done += rows;
  b.last = s.rows_done >= s.height;
  s.pending.push_back(std::async(std::launch::async, compress, std::move(b)));
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
