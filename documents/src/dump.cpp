// dump(): one line per paragraph, a header line per table and per cell, and
// nested blocks indented under their cell. Only what the model holds, in a
// fixed order, so that a golden file changes only when a reader does.

#include <tiendo/documents/document.hpp>

#include <string>

namespace tiendo::documents {

namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

void dump_blocks(const std::vector<Block>& blocks, int indent, std::string& out);

void dump_paragraph(const Paragraph& p, int indent, std::string& out) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += "p" + std::to_string(p.index);
  if (p.heading_level > 0) out += " h" + std::to_string(p.heading_level);
  if (p.bold) out += " bold";
  if (p.italic) out += " italic";
  if (p.list) out += " list" + std::to_string(p.list->level) + " " + quoted(p.list->label);
  out += ": " + quoted(p.text) + "\n";
  if (p.runs.size() > 1) {
    out.append(static_cast<std::size_t>(indent + 2), ' ');
    out += "runs:";
    for (const auto& run : p.runs) {
      const std::string mark = std::string(run.bold ? "*" : "") + (run.italic ? "/" : "");
      out += " " + mark + quoted(run.text) + std::string(mark.rbegin(), mark.rend());
    }
    out += "\n";
  }
}

void dump_table(const Table& table, int indent, std::string& out) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += "table" + std::to_string(table.index) + " " + std::to_string(table.rows) + "x" +
         std::to_string(table.columns);
  if (!table.name.empty()) out += " " + quoted(table.name);
  out += "\n";
  for (int r = 0; r < table.rows; ++r) {
    for (int c = 0; c < table.columns; ++c) {
      const Cell& cell = table.at(r, c);
      out.append(static_cast<std::size_t>(indent + 2), ' ');
      out += "[" + std::to_string(r) + "," + std::to_string(c) + "]";
      if (cell.covered) {
        out += " = [" + std::to_string(cell.anchor_row) + "," + std::to_string(cell.anchor_column) +
               "]\n";
        continue;
      }
      if (cell.row_span > 1 || cell.column_span > 1) {
        out += " span " + std::to_string(cell.row_span) + "x" + std::to_string(cell.column_span);
      }
      if (cell.kind != ValueKind::none && cell.kind != ValueKind::text) {
        out += " " + std::string(to_string(cell.kind)) + " " + quoted(cell.value);
      }
      if (cell.blocks.empty()) {
        out += " empty\n";
        continue;
      }
      out += "\n";
      dump_blocks(cell.blocks, indent + 4, out);
    }
  }
}

void dump_blocks(const std::vector<Block>& blocks, int indent, std::string& out) {
  for (const auto& block : blocks) {
    if (const auto* paragraph = block.paragraph()) {
      dump_paragraph(*paragraph, indent, out);
    } else if (const auto* table = block.table()) {
      dump_table(*table, indent, out);
    }
  }
}

}  // namespace

std::string dump(const Document& document) {
  std::string out = "document " + std::string(to_string(document.format));
  if (!document.title.empty()) out += " title " + quoted(document.title);
  out += "\n";
  dump_blocks(document.body, 0, out);
  return out;
}

}  // namespace tiendo::documents
