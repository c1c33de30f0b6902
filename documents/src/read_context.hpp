#pragma once
// What every reader carries: the limits, the diagnostics found so far, and
// the running counts (paragraphs, tables, cells, depth) the limits bound.

#include <tiendo/documents/document.hpp>

#include <cstddef>
#include <set>
#include <string>

namespace tiendo::documents::detail {

/// Thrown by ReadContext::fail after the error is recorded. A limit hit deep
/// inside a walk abandons the whole document, and unwinding is the simplest
/// way to get out of any depth; read_document catches it, so it never leaves
/// the library.
struct ReadAbort {};

class ReadContext {
 public:
  ReadContext(const ReadLimits& limits, Diagnostics& diagnostics)
      : limits_(limits), diagnostics_(diagnostics) {}

  const ReadLimits& limits() const { return limits_; }

  /// Records an error and abandons the document (throws ReadAbort).
  [[noreturn]] void fail(std::string code, std::string message, SourceLocation where = {},
                         std::string suggestion = {});
  /// Records a warning, once per code: a document with forty text boxes gets
  /// one "text boxes are skipped", not forty.
  void warn(const std::string& code, std::string message, SourceLocation where = {});

  /// The next paragraph's reading-order index; fails past max_paragraphs.
  int next_paragraph_index();
  /// The next table's reading-order index.
  int next_table_index() { return tables_++; }
  /// Counts grid positions against max_cells; fails past it.
  void count_cells(std::size_t count, SourceLocation where = {});

  /// Bounds nesting while alive: tables in tables (max_depth) or elements in
  /// elements (max_element_depth). Fails on construction past the bound.
  class Nesting {
   public:
    Nesting(ReadContext& context, bool table, SourceLocation where = {});
    ~Nesting();
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    ReadContext& context_;
    bool table_;
  };

 private:
  const ReadLimits& limits_;
  Diagnostics& diagnostics_;
  std::set<std::string> warned_;
  int paragraphs_ = 0;
  int tables_ = 0;
  std::size_t cells_ = 0;
  int table_depth_ = 0;
  int element_depth_ = 0;
};

}  // namespace tiendo::documents::detail
