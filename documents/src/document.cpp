#include <tiendo/documents/document.hpp>

#include <stdexcept>

namespace tiendo::documents {

std::string_view to_string(Format format) {
  switch (format) {
    case Format::docx:
      return "docx";
    case Format::odt:
      return "odt";
    case Format::ods:
      return "ods";
    case Format::xlsx:
      return "xlsx";
    case Format::html:
      return "html";
    case Format::text_table:
      return "text-table";
  }
  return "text-table";
}

std::string_view to_string(ValueKind kind) {
  switch (kind) {
    case ValueKind::none:
      return "none";
    case ValueKind::text:
      return "text";
    case ValueKind::number:
      return "number";
    case ValueKind::boolean:
      return "boolean";
    case ValueKind::date:
      return "date";
    case ValueKind::error:
      return "error";
  }
  return "none";
}

const Cell& Table::at(int row, int column) const {
  if (row < 0 || row >= rows || column < 0 || column >= columns) {
    throw std::out_of_range("Table::at(" + std::to_string(row) + ", " + std::to_string(column) +
                            ") outside a " + std::to_string(rows) + " x " +
                            std::to_string(columns) + " table");
  }
  return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
               static_cast<std::size_t>(column)];
}

const Cell& Table::shown_at(int row, int column) const {
  const Cell& cell = at(row, column);
  return cell.covered ? at(cell.anchor_row, cell.anchor_column) : cell;
}

std::string Table::text(int row, int column) const {
  return plain_text(shown_at(row, column).blocks);
}

std::string plain_text(const std::vector<Block>& blocks) {
  std::string out;
  const auto add = [&out](const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += '\n';
    out += text;
  };
  for (const auto& block : blocks) {
    if (const auto* paragraph = block.paragraph()) {
      add(paragraph->text);
    } else if (const auto* table = block.table()) {
      for (const auto& cell : table->cells) {
        if (!cell.covered) add(plain_text(cell.blocks));
      }
    }
  }
  return out;
}

}  // namespace tiendo::documents
