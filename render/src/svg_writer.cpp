// Display list -> SVG text. Shapes follow painter.cpp operation by operation
// (rounded rectangles, arrows shortened under their heads, corners rounded
// the same way, dashes); text goes through PangoMetrics::lines, the painter's
// own Pango settings, so each line breaks and ends where the PNG's does and
// is anchored (start, middle, end, as the text is aligned) where the PNG's
// glyphs are. Nothing clips: the display list never clips, text keeps to its
// box by wrapping and ellipsis.
#include "svg_writer.hpp"

#include <tiendo/render/render.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string_view>

namespace tiendo::render {

namespace {

/// A number to 0.01 pt, without trailing zeros, never "-0".
std::string num(double v) {
  double r = std::round(v * 100) / 100;
  if (r == 0 || !std::isfinite(r)) r = 0;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.2f", r);
  std::string s = buffer;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string hex(Color c) {
  const auto byte = [](double v) {
    return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buffer;
}

/// Appends `text` escaped for XML, as valid UTF-8 holding only characters
/// XML allows (a byte that is not UTF-8 becomes U+FFFD, control characters
/// other than tab a space).
void escape(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        default:
          out += c < 0x20 && c != '\t' ? ' ' : static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A multi-byte sequence: its length, the smallest code point it may
    // encode (no overlong forms), and its continuation bytes.
    const int len = c >= 0xF0 && c <= 0xF4 ? 4
                    : c >= 0xE0            ? (c <= 0xEF ? 3 : 0)
                    : c >= 0xC2            ? 2
                                           : 0;
    std::uint32_t cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : c & 0x1Fu;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char cc = s[i + static_cast<std::size_t>(k)];
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    const std::uint32_t least = len == 4 ? 0x10000 : len == 3 ? 0x800 : 0x80;
    ok = ok && cp >= least && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE &&
         cp != 0xFFFF;
    if (ok) {
      out.append(text.substr(i, static_cast<std::size_t>(len)));
      i += static_cast<std::size_t>(len);
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  escape(out, text);
  return out;
}

/// An XML id from a plan's id (ASCII letters, digits, '-', '_' and the '.'
/// between task and step; anything else becomes '_').
std::string id_part(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out += keep ? c : '_';
  }
  return out;
}

/// The font-family list in CSS: names with spaces quoted.
std::string css_families(std::string_view families) {
  std::string out;
  while (!families.empty()) {
    const auto comma = families.find(',');
    auto name = families.substr(0, comma);
    families = comma == std::string_view::npos ? std::string_view{} : families.substr(comma + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    if (!out.empty()) out += ", ";
    const bool generic = name == "sans-serif" || name == "serif" || name == "monospace";
    out += generic ? std::string(name) : "'" + std::string(name) + "'";
  }
  return out;
}

class SvgWriter {
 public:
  explicit SvgWriter(const PangoMetrics& metrics) : metrics_(metrics) {}

  std::string write(const DisplayList& list) {
    const auto& page = list.pages.front();
    const auto w = num(page.width), h = num(page.height);
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w +
            "pt\" height=\"" + h + "pt\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"" +
            escaped(css_families(font_family())) + "\" stroke-miterlimit=\"10\">\n";
    out_ += "<title>" + escaped(list.title) + "</title>\n";
    out_ += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
    for (const auto& op : page.ops) std::visit(*this, op);
    out_ += "</svg>\n";
    return std::move(out_);
  }

  void operator()(const RectOp& r) {
    open("rect", r.tag);
    // A negative size is drawn by Cairo, refused by SVG: the same box.
    const double x = std::min(r.x, r.x + r.w), y = std::min(r.y, r.y + r.h);
    const double w = std::abs(r.w), h = std::abs(r.h);
    attr("x", num(x));
    attr("y", num(y));
    attr("width", num(w));
    attr("height", num(h));
    if (r.radius > 0) {
      const auto k = num(std::min({r.radius, w / 2, h / 2}));
      attr("rx", k);
      attr("ry", k);
    }
    paint(r.fill, r.stroke);
    out_ += "/>\n";
  }

  void operator()(const PolygonOp& p) {
    if (p.points.empty()) return;
    open("polygon", p.tag);
    std::string points;
    for (const auto& pt : p.points) {
      if (!points.empty()) points += ' ';
      points += num(pt.x) + "," + num(pt.y);
    }
    attr("points", points);
    paint(p.fill, p.stroke);
    out_ += "/>\n";
  }

  void operator()(const CircleOp& c) {
    open("circle", c.tag);
    attr("cx", num(c.cx));
    attr("cy", num(c.cy));
    attr("r", num(c.r));
    paint(c.fill, c.stroke);
    out_ += "/>\n";
  }

  /// As the painter strokes it: an arrow's line stops where its head begins,
  /// bends get corners of up to 2.5 pt, the head is a filled triangle.
  void operator()(const PathOp& p) {
    if (p.points.size() < 2) return;
    auto pts = p.points;
    const double head = 4.0 + p.stroke.width;
    const Point tip = pts.back();
    Point dir{0, 0};
    if (p.arrow) {
      const Point& before = pts[pts.size() - 2];
      const double len = std::hypot(tip.x - before.x, tip.y - before.y);
      if (len > 0) dir = {(tip.x - before.x) / len, (tip.y - before.y) / len};
      pts.back() = {tip.x - dir.x * head * 0.8, tip.y - dir.y * head * 0.8};
    }
    std::string d = "M" + num(pts[0].x) + " " + num(pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i) {
      if (p.rounded && i + 1 < pts.size()) {
        d += corner(pts[i - 1], pts[i], pts[i + 1]);
      } else {
        d += " L" + num(pts[i].x) + " " + num(pts[i].y);
      }
    }
    const bool has_head = p.arrow && (dir.x != 0 || dir.y != 0);
    if (has_head) {
      open("g", p.tag);
      out_ += ">\n<path";
    } else {
      open("path", p.tag);
    }
    attr("d", d);
    paint(std::nullopt, p.stroke);
    out_ += "/>\n";
    if (!has_head) return;
    const Point normal{-dir.y, dir.x};
    const double half = head * 0.45;
    const Point a{tip.x - dir.x * head + normal.x * half, tip.y - dir.y * head + normal.y * half};
    const Point b{tip.x - dir.x * head - normal.x * half, tip.y - dir.y * head - normal.y * half};
    out_ += "<path d=\"M" + num(tip.x) + " " + num(tip.y) + " L" + num(a.x) + " " + num(a.y) +
            " L" + num(b.x) + " " + num(b.y) + " Z\"";
    paint(p.stroke.color, std::nullopt);
    out_ += "/>\n</g>\n";
  }

  void operator()(const TextOp& t) {
    if (t.text.empty()) return;
    for (const auto& line : metrics_.lines(t)) {
      open("text", t.tag);
      // One run: anchored as the text is aligned, so a viewer whose font
      // measures a little differently still centres or right-aligns it.
      // Several runs (an ellipsis, a fallback font): each where Pango put it.
      const bool one = line.pieces.size() == 1;
      const double x = !one || t.align == Align::left ? line.left
                       : t.align == Align::center     ? (line.left + line.right) / 2
                                                      : line.right;
      attr("x", num(x));
      attr("y", num(line.baseline));
      attr("font-size", num(t.font.size));
      if (t.font.bold) attr("font-weight", "bold");
      if (t.font.italic) attr("font-style", "italic");
      if (one && t.align == Align::center) attr("text-anchor", "middle");
      if (one && t.align == Align::right) attr("text-anchor", "end");
      if (line.text.find("  ") != std::string::npos || line.text.find('\t') != std::string::npos) {
        attr("xml:space", "preserve");  // spaces as Pango shows them
      }
      paint(t.color, std::nullopt);
      out_ += '>';
      escape(out_, line.pieces.front().text);
      for (std::size_t i = 1; i < line.pieces.size(); ++i) {
        out_ += "<tspan x=\"" + num(line.pieces[i].x) + "\">";
        escape(out_, line.pieces[i].text);
        out_ += "</tspan>";
      }
      out_ += "</text>\n";
    }
  }

 private:
  void attr(const char* name, const std::string& value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    escape(out_, value);
    out_ += '"';
  }

  /// Opens `<element` with its class (the role) and, for what a page may
  /// link to, a unique id and the data-* attributes.
  void open(const char* element, const Tag& tag) {
    out_ += '<';
    out_ += element;
    if (!tag.role.empty()) attr("class", tag.role);
    if (!tag.meaning) return;
    const auto& m = *tag.meaning;
    std::string id;
    switch (m.kind) {
      case Meaning::Kind::step:
        id = "step-" + id_part(m.step);
        break;
      case Meaning::Kind::summary:
        id = "task-" + id_part(m.task);
        break;
      case Meaning::Kind::group:
        id = "group-" + id_part(m.group);
        break;
      case Meaning::Kind::link: {
        const auto arrow = m.link.find("->");
        id = "link-" + id_part(m.link.substr(0, arrow)) + "--" +
             id_part(arrow == std::string::npos ? "" : m.link.substr(arrow + 2));
        break;
      }
      case Meaning::Kind::finding:
        id = m.findings.size() == 1 && tag.role == "badge"
                 ? "finding-" + std::to_string(m.findings.front())
                 : "conflict-" + id_part(m.step);
        break;
    }
    // Ids are unique in a document: a second use gets a number.
    if (const int seen = ids_[id]++; seen > 0) id += "-" + std::to_string(seen + 1);
    attr("id", id);
    if (!m.step.empty()) attr("data-step", m.step);
    if (!m.task.empty()) attr("data-task", m.task);
    if (!m.link.empty()) attr("data-link", m.link);
    if (!m.group.empty()) attr("data-group", m.group);
    if (!m.what.empty()) attr("data-kind", m.what);
    if (m.kind != Meaning::Kind::finding) attr("data-critical", m.critical ? "true" : "false");
    if (!m.critical_by.empty()) attr("data-critical-by", m.critical_by);
    if (m.progress) attr("data-progress", std::to_string(*m.progress));
    if (!m.baseline.empty()) attr("data-baseline", m.baseline);
    if (!m.findings.empty()) {
      std::string numbers;
      for (const int n : m.findings) numbers += (numbers.empty() ? "" : " ") + std::to_string(n);
      attr("data-finding", numbers);
    }
  }

  void paint(const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
    if (fill) {
      attr("fill", hex(*fill));
      if (fill->a < 1) attr("fill-opacity", num(fill->a));
    } else {
      attr("fill", "none");
    }
    if (!stroke) return;
    attr("stroke", hex(stroke->color));
    if (stroke->color.a < 1) attr("stroke-opacity", num(stroke->color.a));
    attr("stroke-width", num(stroke->width));
    if (!stroke->dash.empty()) {
      std::string dash;
      for (const double v : stroke->dash) dash += (dash.empty() ? "" : " ") + num(v);
      attr("stroke-dasharray", dash);
    }
  }

  /// The painter's corner: a line to just before the bend, then a curve
  /// whose both control points are the bend.
  static std::string corner(const Point& a, const Point& b, const Point& c) {
    const double in = std::hypot(b.x - a.x, b.y - a.y);
    const double out = std::hypot(c.x - b.x, c.y - b.y);
    const double r = std::min({2.5, in / 2, out / 2});
    if (r <= 0.01) return " L" + num(b.x) + " " + num(b.y);
    const Point p1{b.x - (b.x - a.x) / in * r, b.y - (b.y - a.y) / in * r};
    const Point p2{b.x + (c.x - b.x) / out * r, b.y + (c.y - b.y) / out * r};
    return " L" + num(p1.x) + " " + num(p1.y) + " C" + num(b.x) + " " + num(b.y) + " " + num(b.x) +
           " " + num(b.y) + " " + num(p2.x) + " " + num(p2.y);
  }

  const PangoMetrics& metrics_;
  std::string out_;
  std::map<std::string, int> ids_;
};

}  // namespace

std::string write_svg(const DisplayList& list, const PangoMetrics& metrics) {
  if (list.pages.empty()) return {};
  return SvgWriter(metrics).write(list);
}

}  // namespace tiendo::render
