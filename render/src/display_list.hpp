#pragma once
// The geometry of a chart, free of Cairo and fonts: what layout produces and
// the painter consumes. Units are points (1/72 inch), y grows downward.

#include <memory>
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

/// What a drawn thing stands for in the plan, for a page that shows the
/// chart and links to it: the SVG writes it as an id and data-* attributes.
struct Meaning {
  enum class Kind { step, summary, link, finding, group };
  Kind kind = Kind::step;
  std::string step;   ///< the step's full id, "task.step" (steps and findings)
  std::string task;   ///< the task's id (steps, summaries, findings)
  std::string link;   ///< "pred->succ" (links)
  std::string group;  ///< the plan group's id (groups)
  std::string what;   ///< data-kind: the step's kind, "summary", the link's type
  bool critical = false;
  /// data-critical-by: why a critical step has no float, "logic" (its
  /// links) or "pinned" (its own date or meeting); empty when not told.
  std::string critical_by;
  std::vector<int> findings;  ///< the findings' numbers, as the report numbers them
  /// data-progress: how much of a step is done, in percent (its done fill).
  std::optional<int> progress;
  /// data-baseline: the baseline's dates, "first/last" (its bar).
  std::string baseline;

  static Meaning of_step(std::string step, std::string task, std::string kind, bool critical) {
    Meaning m;
    m.step = std::move(step);
    m.task = std::move(task);
    m.what = std::move(kind);
    m.critical = critical;
    return m;
  }
  static Meaning of_summary(std::string task, bool critical) {
    Meaning m;
    m.kind = Kind::summary;
    m.task = std::move(task);
    m.what = "summary";
    m.critical = critical;
    return m;
  }
  static Meaning of_group(std::string group) {
    Meaning m;
    m.kind = Kind::group;
    m.group = std::move(group);
    m.what = "group";
    return m;
  }
  static Meaning of_link(std::string pred, const std::string& succ, std::string type,
                         bool critical) {
    Meaning m;
    m.kind = Kind::link;
    m.link = std::move(pred) + "->" + succ;
    m.what = std::move(type);
    m.critical = critical;
    return m;
  }
  static Meaning of_findings(std::string step, std::string task, std::vector<int> numbers) {
    Meaning m;
    m.kind = Kind::finding;
    m.step = std::move(step);
    m.task = std::move(task);
    m.findings = std::move(numbers);
    return m;
  }
};

/// Every operation carries a role ("bar", "event-line", "weekend" ...) and
/// the id of what it stands for, so tests can find it; what a web page may
/// link to also carries its Meaning.
struct Tag {
  Tag() = default;
  Tag(std::string r, std::string i) : role(std::move(r)), id(std::move(i)) {}
  Tag(std::string r, std::string i, Meaning m)
      : role(std::move(r)),
        id(std::move(i)),
        meaning(std::make_shared<const Meaning>(std::move(m))) {}
  std::string role;
  std::string id;
  std::shared_ptr<const Meaning> meaning;  ///< shared: ops are copied, meanings never change
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

/// Scales every operation by `k` (lines and text too) about the origin,
/// then moves it by `offset`: a drawing fitted to a page, or set inside
/// another page.
void transform(std::vector<Op>& ops, double k, Point offset);

/// One line per operation, numbers rounded to 0.1 pt.
std::string dump(const DisplayList& list);

}  // namespace tiendo::render
