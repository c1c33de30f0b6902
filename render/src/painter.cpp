// Display list -> Cairo calls: PNG in bands, PDF through a stream callback
// (SVG is svg_writer.cpp's, with real text). Cairo's status is checked after
// creating the surface and after finishing it.
#include "painter.hpp"

#include <cairo-pdf.h>

#include <cmath>

#include "cairo_handles.hpp"
#include "pango_metrics.hpp"
#include "png_writer.hpp"

namespace tiendo::render {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_color(cairo_t* cr, const Color& c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/// `dash_offset`: how far into its dash pattern the line starts.
void set_stroke(cairo_t* cr, const Stroke& s, double dash_offset = 0) {
  set_color(cr, s.color);
  cairo_set_line_width(cr, s.width);
  cairo_set_dash(cr, s.dash.empty() ? nullptr : s.dash.data(), static_cast<int>(s.dash.size()),
                 dash_offset);
}

void fill_and_stroke(cairo_t* cr, const std::optional<Color>& fill,
                     const std::optional<Stroke>& stroke) {
  if (fill) {
    set_color(cr, *fill);
    if (stroke) {
      cairo_fill_preserve(cr);
    } else {
      cairo_fill(cr);
    }
  }
  if (stroke) {
    set_stroke(cr, *stroke);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

class PagePainter {
 public:
  /// `top`, `bottom`: the band being painted (page units), for trimming.
  PagePainter(cairo_t* cr, double top, double bottom)
      : cr_(cr), top_(top), bottom_(bottom), context_(pango_cairo_create_context(cr)) {
    PangoMetrics::configure(context_.get());
    layout_.reset(pango_layout_new(context_.get()));
  }

  void operator()(const RectOp& r) {
    if (r.radius > 0) {
      const double k = std::min({r.radius, r.w / 2, r.h / 2});
      cairo_new_sub_path(cr_);
      cairo_arc(cr_, r.x + r.w - k, r.y + k, k, -M_PI / 2, 0);
      cairo_arc(cr_, r.x + r.w - k, r.y + r.h - k, k, 0, M_PI / 2);
      cairo_arc(cr_, r.x + k, r.y + r.h - k, k, M_PI / 2, M_PI);
      cairo_arc(cr_, r.x + k, r.y + k, k, M_PI, 3 * M_PI / 2);
      cairo_close_path(cr_);
    } else {
      cairo_rectangle(cr_, r.x, r.y, r.w, r.h);
    }
    fill_and_stroke(cr_, r.fill, r.stroke);
  }

  void operator()(const PolygonOp& p) {
    if (p.points.empty()) return;
    cairo_move_to(cr_, p.points[0].x, p.points[0].y);
    for (std::size_t i = 1; i < p.points.size(); ++i)
      cairo_line_to(cr_, p.points[i].x, p.points[i].y);
    cairo_close_path(cr_);
    fill_and_stroke(cr_, p.fill, p.stroke);
  }

  void operator()(const CircleOp& c) {
    cairo_new_sub_path(cr_);
    cairo_arc(cr_, c.cx, c.cy, c.r, 0, 2 * M_PI);
    fill_and_stroke(cr_, c.fill, c.stroke);
  }

  void operator()(const PathOp& p) {
    if (p.points.size() < 2) return;
    if (!p.arrow && p.points.size() == 2 && p.points[0].x == p.points[1].x) {
      vertical_line(p);
      return;
    }
    auto pts = p.points;
    const double head = 4.0 + p.stroke.width;
    Point tip = pts.back();
    Point dir{0, 0};
    if (p.arrow) {
      const Point& before = pts[pts.size() - 2];
      const double len = std::hypot(tip.x - before.x, tip.y - before.y);
      if (len > 0) dir = {(tip.x - before.x) / len, (tip.y - before.y) / len};
      // The line stops where the arrowhead begins so it never pokes out.
      pts.back() = {tip.x - dir.x * head * 0.8, tip.y - dir.y * head * 0.8};
    }
    cairo_move_to(cr_, pts[0].x, pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i) {
      if (p.rounded && i + 1 < pts.size()) {
        corner(pts[i - 1], pts[i], pts[i + 1]);
      } else {
        cairo_line_to(cr_, pts[i].x, pts[i].y);
      }
    }
    set_stroke(cr_, p.stroke);
    cairo_stroke(cr_);
    if (p.arrow && (dir.x != 0 || dir.y != 0)) {
      const Point normal{-dir.y, dir.x};
      const double half = head * 0.45;
      cairo_move_to(cr_, tip.x, tip.y);
      cairo_line_to(cr_, tip.x - dir.x * head + normal.x * half,
                    tip.y - dir.y * head + normal.y * half);
      cairo_line_to(cr_, tip.x - dir.x * head - normal.x * half,
                    tip.y - dir.y * head - normal.y * half);
      cairo_close_path(cr_);
      set_color(cr_, p.stroke.color);
      cairo_fill(cr_);
    }
  }

  void operator()(const TextOp& t) {
    if (t.text.empty()) return;
    auto* layout = layout_.get();
    const double top = PangoMetrics::prepare(layout, t);
    set_color(cr_, t.color);
    cairo_move_to(cr_, t.x, top);
    pango_cairo_show_layout(cr_, layout);
    cairo_new_path(cr_);
  }

 private:
  /// A grid or marker line down the whole chart is trimmed to the band (the
  /// dash pattern kept in phase): stroking its full length in each of a tall
  /// PNG's bands was a quarter of the time.
  void vertical_line(const PathOp& p) {
    const double margin = p.stroke.width + 1;
    const double from = p.points[0].y, to = p.points[1].y;
    const double lo = std::max(std::min(from, to), top_ - margin);
    const double hi = std::min(std::max(from, to), bottom_ + margin);
    if (lo > hi) return;
    const double start = from <= to ? lo : hi;
    const double end = from <= to ? hi : lo;
    cairo_move_to(cr_, p.points[0].x, start);
    cairo_line_to(cr_, p.points[0].x, end);
    set_stroke(cr_, p.stroke, std::abs(start - from));
    cairo_stroke(cr_);
  }

  /// A bend with a small rounded corner (radius up to 2.5 pt).
  void corner(const Point& a, const Point& b, const Point& c) {
    const double in = std::hypot(b.x - a.x, b.y - a.y);
    const double out = std::hypot(c.x - b.x, c.y - b.y);
    const double r = std::min({2.5, in / 2, out / 2});
    if (r <= 0.01) {
      cairo_line_to(cr_, b.x, b.y);
      return;
    }
    const Point p1{b.x - (b.x - a.x) / in * r, b.y - (b.y - a.y) / in * r};
    const Point p2{b.x + (c.x - b.x) / out * r, b.y + (c.y - b.y) / out * r};
    cairo_line_to(cr_, p1.x, p1.y);
    cairo_curve_to(cr_, b.x, b.y, b.x, b.y, p2.x, p2.y);
  }

  cairo_t* cr_;
  double top_, bottom_;
  PangoContextHandle context_;
  LayoutHandle layout_;
};

/// The vertical extent of an operation, generously (line widths, arrowheads).
struct Span {
  double top, bottom;
};

struct SpanOf {
  Span operator()(const RectOp& r) const { return {r.y - 4, r.y + r.h + 4}; }
  Span operator()(const CircleOp& c) const { return {c.cy - c.r - 4, c.cy + c.r + 4}; }
  Span operator()(const TextOp& t) const { return {t.y - 4, t.y + t.h + 4}; }
  Span operator()(const PathOp& p) const { return points(p.points); }
  Span operator()(const PolygonOp& p) const { return points(p.points); }
  static Span points(const std::vector<Point>& pts) {
    Span s{1e300, -1e300};
    for (const auto& p : pts) {
      s.top = std::min(s.top, p.y - 8);
      s.bottom = std::max(s.bottom, p.y + 8);
    }
    return s;
  }
};

/// Paints the operations that reach into [top, bottom] (page units); a band
/// of a tall PNG skips, rather than clips, everything outside it.
void paint_page(cairo_t* cr, const Page& page, double top = -1e300, double bottom = 1e300) {
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, page.width, page.height);
  cairo_fill(cr);
  PagePainter painter(cr, top, bottom);
  for (const auto& op : page.ops) {
    const auto span = std::visit(SpanOf{}, op);
    if (span.bottom < top || span.top > bottom) continue;
    std::visit(painter, op);
  }
}

std::string status_error(cairo_status_t status) {
  return std::string("cairo: ") + cairo_status_to_string(status);
}

}  // namespace

/// PNG: painted in horizontal bands streamed into the encoder, so a
/// 10,000-row chart never holds its whole bitmap in memory.
RenderResult paint_png(const Page& page, double dpi) {
  RenderResult result;
  const double scale = dpi / 72.0;
  const double w = std::ceil(page.width * scale);
  const double h = std::ceil(page.height * scale);
  // A band is a Cairo surface, at most 32,767 pixels wide; the height is the
  // encoder's, and stays well inside Cairo's 24.8 fixed-point coordinates.
  constexpr double kMaxWidth = 32767, kMaxHeight = 1 << 20;
  if (w > kMaxWidth || h > kMaxHeight) {
    result.error = "the chart would be " + std::to_string(static_cast<long>(w)) + "x" +
                   std::to_string(static_cast<long>(h)) + " pixels, over the " +
                   (w > kMaxWidth ? "32,767 wide" : "1,048,576 tall") +
                   " a PNG can be here; lower --dpi, narrow the dates or use PDF";
    return result;
  }
  // Past a gigapixel a PNG takes longer to paint than to read on paper, and
  // few programs open it: PDF pages are the way to print a chart that big.
  constexpr double kMaxPixels = 1 << 30;
  if (w * h > kMaxPixels) {
    result.error = "the chart would be " + std::to_string(static_cast<long>(w)) + "x" +
                   std::to_string(static_cast<long>(h)) + " pixels (" +
                   std::to_string(static_cast<long>(w * h / 1e6)) +
                   " megapixels), over the 1,073 megapixels a PNG may have here; lower --dpi, "
                   "narrow the dates or use PDF";
    return result;
  }
  const int width = static_cast<int>(w), height = static_cast<int>(h);
  // The encoder holds two bands in flight beside this one, each as wide as
  // the chart: with bands of 1,024 rows a sample plan's chart at 300 dpi
  // took 133 MB (`tiendo gantt`; `tiendo serve` may use 100 MB at most,
  // issue 21), and 249 MB at 600 dpi; with 128 rows, 44 and 64 MB.
  constexpr int kBand = 128;
  const SurfaceHandle band(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, std::min(kBand, height)));
  if (const auto status = cairo_surface_status(band.get()); status != CAIRO_STATUS_SUCCESS) {
    result.error = status_error(status);
    return result;
  }
  PngStream png(width, height, dpi);
  for (int top = 0; top < height; top += kBand) {
    const ContextHandle cr(cairo_create(band.get()));
    // The whole band white first: the page's last pixel row is only partly
    // inside the page and would keep the previous band's pixels.
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_translate(cr.get(), 0, -top);
    cairo_scale(cr.get(), scale, scale);
    paint_page(cr.get(), page, top / scale, (top + kBand) / scale);
    if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
      result.error = status_error(status);
      return result;
    }
    png.write(band.get(), std::min(kBand, height - top));
  }
  result.bytes = png.finish();
  result.pages = 1;
  if (result.bytes.empty()) result.error = "zlib could not compress the image";
  return result;
}

RenderResult paint(const DisplayList& list, Format format, const PaintOptions& options) {
  if (list.pages.empty()) return {{}, 0, "nothing to draw"};
  if (format == Format::png) return paint_png(list.pages.front(), options.dpi);
  RenderResult result;
  const auto& first = list.pages.front();
  if (format != Format::pdf) return {{}, 0, "the painter draws PNG and PDF; SVG is svg_writer's"};
  SurfaceHandle surface(
      cairo_pdf_surface_create_for_stream(append, &result.bytes, first.width, first.height));
  if (cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, list.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, list.creator.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   options.created.c_str());
  }
  if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    result.error = status_error(status);
    return result;
  }
  {
    const ContextHandle cr(cairo_create(surface.get()));
    const std::size_t pages = list.pages.size();
    for (std::size_t i = 0; i < pages; ++i) {
      cairo_pdf_surface_set_size(surface.get(), list.pages[i].width, list.pages[i].height);
      paint_page(cr.get(), list.pages[i]);
      cairo_show_page(cr.get());
    }
    result.pages = static_cast<int>(pages);
    if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
      result.error = status_error(status);
      return result;
    }
  }
  cairo_surface_finish(surface.get());
  if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    result.error = status_error(status);
  }
  return result;
}

}  // namespace tiendo::render
