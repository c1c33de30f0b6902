// The table left of the timeline: its columns (STT, name, person in charge,
// lead unit), their header, and a line of cells per row.
#include <algorithm>

#include "gantt_chart.hpp"
#include "layout_gantt.hpp"

namespace tiendo::render::gantt {

using namespace style;

void choose_columns(GanttChart& c) {
  for (const auto column : c.o.columns) {
    switch (column) {
      case Column::number:
        c.columns.push_back({column, 26, c.w.number});
        break;
      case Column::name:
        // A slide has no other text columns: its names get their room.
        c.columns.push_back({column, c.o.fit == Fit::slide ? 300.0 : 210.0, c.w.name});
        break;
      case Column::owner:
        c.columns.push_back({column, 92, c.w.owner});
        break;
      case Column::lead:
        c.columns.push_back({column, 112, c.w.lead});
        break;
    }
  }
  c.table_w = 0;
  for (const auto& col : c.columns) c.table_w += col.width;
  if (c.fixed_page()) {
    // Leave the timeline at least 45% of an A4 page: narrow the name first.
    const double max_table = (c.sheet.x - 2 * kMargin) * 0.55;
    for (auto& col : c.columns) {
      if (c.table_w <= max_table) break;
      const double cut = std::min(c.table_w - max_table, col.column == Column::name ? 70.0 : 25.0);
      if (col.column != Column::number) {
        col.width -= cut;
        c.table_w -= cut;
      }
    }
  }
}

namespace {

std::string cell_text(const GanttRow& row, Column column) {
  switch (column) {
    case Column::number:
      return row.number;
    case Column::name:
      return row.name;
    case Column::owner:
      return row.owner;
    case Column::lead:
      return row.lead;
  }
  return {};
}

/// A name cell's indent: nested groups and their tasks, and a step under its task.
double name_indent(const GanttRow& row) {
  return kGroupIndent * row.depth + (row.kind == GanttRow::Kind::step ? 8 : 0);
}

/// Whether the row's name is bold: headings and tasks with steps under them.
bool bold_name(const GanttChart& c, const GanttRow& row) {
  return row.kind != GanttRow::Kind::step &&
         !(row.task && c.a.plan->tasks[*row.task].steps.size() == 1);
}

}  // namespace

void measure_rows(GanttChart& c) {
  c.lane = c.o.baseline ? kBaselineLane : 0;
  c.heights.assign(c.rows.size(), c.row_h);
  if (!c.compact()) return;
  const double line = c.m.line_height(kText);
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    const auto& row = c.rows[r];
    int lines = 1;  // a group's heading keeps to one line
    if (row.kind != GanttRow::Kind::group) {
      for (const auto& col : c.columns) {
        const double indent = col.column == Column::name ? name_indent(row) : 0;
        const bool bold = col.column == Column::name && bold_name(c, row);
        lines = std::max(
            lines, std::min(2, wrapped_lines(c.m, cell_text(row, col.column), bold ? kBold : kText,
                                             col.width - 6 - indent)));
      }
    }
    c.heights[r] = (lines > 1 ? kRowHeight : std::max(kCompactRow, line + 4)) + c.lane;
  }
}

void draw_table(const GanttChart& c, GanttPage& p) {
  double x = kMargin;
  p.ops.push_back(RectOp{kMargin,
                         p.axis_top,
                         c.table_w,
                         c.axis_h,
                         kHeaderFill,
                         std::nullopt,
                         0,
                         {"table-header", {}}});
  for (const auto& col : c.columns) {
    p.ops.push_back(TextOp{x + 3,
                           p.axis_top,
                           col.width - 6,
                           c.axis_h,
                           col.header,
                           kBold,
                           kInk,
                           col.column == Column::number ? Align::center : Align::left,
                           2,
                           {"header", {}}});
    p.ops.push_back(PathOp{{{x, p.axis_top}, {x, p.rows_bottom}},
                           solid(kRowLine, 0.5),
                           false,
                           false,
                           {"column-line", {}}});
    x += col.width;
  }
  p.ops.push_back(PathOp{{{x, p.axis_top}, {x, p.rows_bottom}},
                         solid(kMonthLine, 0.8),
                         false,
                         false,
                         {"column-line", {}}});
  for (std::size_t r = p.begin; r < p.end; ++r) {
    const auto& row = c.rows[r];
    const double y = p.row_y(r - p.begin);
    double cx = kMargin;
    for (const auto& col : c.columns) {
      const auto text = cell_text(row, col.column);
      // Nested groups and their tasks are indented.
      const double nest = col.column == Column::name ? kGroupIndent * row.depth : 0;
      if (row.kind == GanttRow::Kind::group && col.column == Column::name) {
        // A group heading spans the whole table.
        p.ops.push_back(TextOp{cx + 3 + nest,
                               y,
                               c.table_w - (cx - kMargin) - 6 - nest,
                               p.row_height(r - p.begin),
                               text,
                               kBold,
                               kInk,
                               Align::left,
                               1,
                               {"group", text}});
        break;
      }
      const bool bold = col.column == Column::name && bold_name(c, row);
      const double indent = col.column == Column::name ? name_indent(row) : 0;
      p.ops.push_back(TextOp{cx + 3 + indent,
                             y + 1,
                             col.width - 6 - indent,
                             p.row_height(r - p.begin) - 2,
                             text,
                             bold ? kBold : kText,
                             kInk,
                             col.column == Column::number ? Align::center : Align::left,
                             2,
                             {"cell", row.node ? c.step(*row.node).id
                                               : (row.task ? c.a.plan->tasks[*row.task].id : "")}});
      cx += col.width;
    }
  }
}

}  // namespace tiendo::render::gantt
