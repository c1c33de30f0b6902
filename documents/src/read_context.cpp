#include "read_context.hpp"

#include <algorithm>
#include <utility>

namespace tiendo::documents::detail {

// Estimated from the parsers' own structures on a 64-bit build: pugixml's
// node is 8 pointers and its attribute 5; libxml2's xmlNode is 120 bytes,
// and each text node and attribute value is a node of its own with its
// content allocated apart. Measured against peak RSS in docs/reliability.md.
const ReadContext::MarkupCost ReadContext::pugixml{64, 40};
const ReadContext::MarkupCost ReadContext::libxml2{150, 250};

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 20)) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= (std::uint64_t{1} << 10)) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

void ReadContext::fail(std::string code, std::string message, SourceLocation where,
                       std::string suggestion) {
  Diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  d.where = where;
  d.suggestion = std::move(suggestion);
  diagnostics_.push_back(std::move(d));
  throw ReadAbort{};
}

void ReadContext::warn(const std::string& code, std::string message, SourceLocation where) {
  if (!warned_.insert(code).second) return;
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = code;
  d.message = std::move(message);
  d.where = where;
  diagnostics_.push_back(std::move(d));
}

int ReadContext::next_paragraph_index() {
  if (static_cast<std::size_t>(paragraphs_) >= limits_.max_paragraphs) {
    fail("document-too-large", "more than " + std::to_string(limits_.max_paragraphs) +
                                   " paragraphs: not a plan tiendo can read");
  }
  return paragraphs_++;
}

void ReadContext::count_cells(std::size_t count, SourceLocation where) {
  if (count > limits_.max_cells || cells_ > limits_.max_cells - count) {
    fail("table-too-large",
         "the tables hold more than " + std::to_string(limits_.max_cells) +
             " cells (this one alone " + std::to_string(count) +
             "); a plan's table is far smaller: is there content far below or right of it?",
         where);
  }
  cells_ += count;
  hold(count * sizeof(Cell), "a table's grid", where);
}

void ReadContext::count_parse(std::string_view name, std::string_view bytes,
                              const MarkupCost& cost) {
  // Nodes are start tags ('<' but not "</") and the texts between tags (a
  // '>' followed by anything but '<'); a '<', '>' or '=' inside a value or a
  // text only makes the estimate larger.
  std::size_t nodes = 0;
  std::size_t attributes = 0;
  std::size_t lines = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char next = i + 1 < bytes.size() ? bytes[i + 1] : '<';
    switch (bytes[i]) {
      case '<':
        nodes += next != '/' ? 1 : 0;
        break;
      case '>':
        nodes += next != '<' ? 1 : 0;
        break;
      case '=':
        ++attributes;
        break;
      case '\n':
        ++lines;
        break;
      default:
        break;
    }
  }
  const std::size_t estimate = 2 * bytes.size() + nodes * cost.per_node +
                               attributes * cost.per_attribute + lines * sizeof(std::size_t);
  if (estimate <= limits_.max_parsed_bytes && parsed_ <= limits_.max_parsed_bytes - estimate) {
    parsed_ += estimate;
    return;
  }
  const std::string place = name.empty() ? std::string() : "'" + std::string(name) + "': ";
  fail("document-too-large",
       place + "its " + size_text(bytes.size()) + " of markup would parse to " +
           std::to_string(nodes) + " elements and texts, about " + size_text(estimate) +
           ", past the " + size_text(limits_.max_parsed_bytes) +
           " tiendo parses from one document; a plan's document needs a few MB",
       {},
       "is the table far larger than a plan's, or filled with empty cells? keep only the plan in "
       "the file");
}

void ReadContext::hold_cell(const Cell& cell, int row, int column, SourceLocation where) {
  std::size_t bytes = cell.value.size();
  for (const auto& block : cell.blocks) {
    bytes += sizeof(Block);
    if (const auto* p = block.paragraph()) {
      bytes += p->text.size() + p->runs.size() * sizeof(Run);
      for (const auto& run : p->runs) bytes += run.text.size();
    }
  }
  hold(bytes,
       "the cell at row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1),
       where);
}

void ReadContext::hold(std::size_t bytes, const std::string& what, SourceLocation where) {
  if (bytes <= limits_.max_held_bytes && held_ <= limits_.max_held_bytes - bytes) {
    held_ += bytes;
    return;
  }
  const std::string place = part_.empty() ? std::string() : "'" + part_ + "', ";
  fail("document-too-large",
       place + what + ": the document's cells and text would take more than " +
           size_text(limits_.max_held_bytes) +
           ", copies included (a shared string or a repeated cell counts in each cell that "
           "shows it); a plan's document needs a few MB",
       where,
       "is one long text shown in many cells, or a table far larger than a plan's? keep only "
       "the plan in the file");
}

ReadContext::InPart::InPart(ReadContext& context, std::string part)
    : context_(context), outer_(std::exchange(context.part_, std::move(part))) {}

ReadContext::InPart::~InPart() {
  context_.part_ = std::move(outer_);
}

ReadContext::Nesting::Nesting(ReadContext& context, bool table, SourceLocation where)
    : context_(context), table_(table) {
  int& depth = table_ ? context_.table_depth_ : context_.element_depth_;
  const int limit = table_ ? context_.limits_.max_depth : context_.limits_.max_element_depth;
  if (depth >= limit) {
    context_.fail("nested-too-deep",
                  table_ ? "tables nested more than " + std::to_string(limit) + " deep"
                         : "elements nested more than " + std::to_string(limit) + " deep",
                  where);
  }
  ++depth;
}

ReadContext::Nesting::~Nesting() {
  int& depth = table_ ? context_.table_depth_ : context_.element_depth_;
  --depth;
}

}  // namespace tiendo::documents::detail
