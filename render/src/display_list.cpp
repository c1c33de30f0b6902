#include "display_list.hpp"

#include <cmath>
#include <cstdio>

namespace tiendo::render {

std::string to_hex(Color c) {
  const auto byte = [](double v) { return static_cast<unsigned>(std::lround(v * 255)); };
  char buffer[16];
  if (c.a >= 1) {
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  } else {
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b),
                  byte(c.a));
  }
  return buffer;
}

Color from_hex(unsigned rgb, double alpha) {
  return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0, alpha};
}

namespace {

struct Transformer {
  double k;
  Point d;
  void point(Point& p) const {
    p.x = p.x * k + d.x;
    p.y = p.y * k + d.y;
  }
  void operator()(RectOp& r) const {
    r.x = r.x * k + d.x;
    r.y = r.y * k + d.y;
    r.w *= k;
    r.h *= k;
    r.radius *= k;
    if (r.stroke) r.stroke->width *= k;
  }
  void operator()(PathOp& p) const {
    for (auto& q : p.points) point(q);
    p.stroke.width *= k;
  }
  void operator()(PolygonOp& p) const {
    for (auto& q : p.points) point(q);
    if (p.stroke) p.stroke->width *= k;
  }
  void operator()(CircleOp& c) const {
    c.cx = c.cx * k + d.x;
    c.cy = c.cy * k + d.y;
    c.r *= k;
    if (c.stroke) c.stroke->width *= k;
  }
  void operator()(TextOp& t) const {
    t.x = t.x * k + d.x;
    t.y = t.y * k + d.y;
    t.w *= k;
    t.h *= k;
    t.font.size *= k;
  }
};

}  // namespace

void transform(std::vector<Op>& ops, double k, Point offset) {
  for (auto& op : ops) std::visit(Transformer{k, offset}, op);
}

namespace {

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", std::round(v * 10) / 10 + 0.0);
  return buffer;
}

std::string tag(const Tag& t) {
  std::string out = t.role.empty() ? "-" : t.role;
  if (!t.id.empty()) out += "[" + t.id + "]";
  return out;
}

std::string paint(const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
  std::string out;
  if (fill) out += " fill=" + to_hex(*fill);
  if (stroke) out += " stroke=" + to_hex(stroke->color) + "/" + num(stroke->width);
  if (stroke && !stroke->dash.empty()) out += " dashed";
  return out;
}

std::string points(const std::vector<Point>& pts) {
  std::string out;
  for (const auto& p : pts) out += ' ' + num(p.x) + "," + num(p.y);
  return out;
}

struct Dumper {
  std::string& out;
  void operator()(const RectOp& r) const {
    out += "rect " + tag(r.tag) + " " + num(r.x) + " " + num(r.y) + " " + num(r.w) + "x" +
           num(r.h) + paint(r.fill, r.stroke) + "\n";
  }
  void operator()(const PathOp& p) const {
    out += "path " + tag(p.tag) + points(p.points) + paint(std::nullopt, p.stroke) +
           (p.arrow ? " arrow" : "") + "\n";
  }
  void operator()(const PolygonOp& p) const {
    out += "polygon " + tag(p.tag) + points(p.points) + paint(p.fill, p.stroke) + "\n";
  }
  void operator()(const CircleOp& c) const {
    out += "circle " + tag(c.tag) + " " + num(c.cx) + "," + num(c.cy) + " r" + num(c.r) +
           paint(c.fill, c.stroke) + "\n";
  }
  void operator()(const TextOp& t) const {
    out += "text " + tag(t.tag) + " " + num(t.x) + " " + num(t.y) + " " + num(t.w) + "x" +
           num(t.h) + " " + num(t.font.size) + (t.font.bold ? "b" : "") + " \"" + t.text + "\"\n";
  }
};

}  // namespace

std::string dump(const DisplayList& list) {
  std::string out;
  for (std::size_t i = 0; i < list.pages.size(); ++i) {
    const auto& page = list.pages[i];
    out += "page " + std::to_string(i + 1) + " " + num(page.width) + "x" + num(page.height) + "\n";
    for (const auto& op : page.ops) std::visit(Dumper{out}, op);
  }
  return out;
}

}  // namespace tiendo::render
