#include "read_context.hpp"

#include <utility>

namespace tiendo::documents::detail {

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
