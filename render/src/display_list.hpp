#pragma once
// The geometry of a chart, free of Cairo and fonts: what layout produces and
// the painter consumes. Units are points (1/72 inch), y grows downward.

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tiendo::render {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;
  friend bool operator==(const Color&, const Color&) = default;
};

/// "#rrggbb" (and "#rrggbbaa" when not opaque).
std::string to_hex(Color c);
Color from_hex(unsigned rgb, double alpha = 1);

struct Point {
  double x = 0, y = 0;
};

struct Stroke {
  Color color;
  double width = 1;
  std::vector<double> dash;  ///< empty: solid
};

struct Font {
  double size = 8;  ///< points
  bool bold = false;
  bool italic = false;
};

enum class Align { left, center, right };

/// Every operation carries a role ("bar", "event-line", "weekend" ...) and
/// the id of what it stands for, so tests can find it.
struct Tag {
  std::string role;
  std::string id;
};

struct RectOp {
  double x = 0, y = 0, w = 0, h = 0;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  double radius = 0;
  Tag tag;
};

struct PathOp {
  std::vector<Point> points;
  Stroke stroke;
  bool arrow = false;    ///< an arrowhead at the last point
  bool rounded = false;  ///< small rounded corners at the bends
  Tag tag;
};

struct PolygonOp {
  std::vector<Point> points;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  Tag tag;
};

struct CircleOp {
  double cx = 0, cy = 0, r = 0;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  Tag tag;
};

/// Text inside the box (x, y, w, h): wrapped at word boundaries to at most
/// `max_lines` lines, the last one ending in an ellipsis if it does not fit,
/// vertically centred.
struct TextOp {
  double x = 0, y = 0, w = 0, h = 0;
  std::string text;
  Font font;
  Color color;
  Align align = Align::left;
  int max_lines = 1;
  Tag tag;
};

using Op = std::variant<RectOp, PathOp, PolygonOp, CircleOp, TextOp>;

struct Page {
  double width = 0, height = 0;
  std::vector<Op> ops;
};

struct DisplayList {
  std::vector<Page> pages;
  std::string title;    ///< document metadata
  std::string creator;  ///< document metadata
};

/// One line per operation, numbers rounded to 0.1 pt.
std::string dump(const DisplayList& list);

}  // namespace tiendo::render
