#pragma once
// What every reader carries: the limits, the diagnostics found so far, and
// the running counts (paragraphs, tables, cells, depth, bytes parsed and
// held) the limits bound.

#include <tiendo/documents/document.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace tiendo::documents::detail {

/// A size for messages: "65 MB", "512 KB", "300 bytes" (rounded down).
std::string size_text(std::uint64_t bytes);

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
  /// Counts grid positions against max_cells; fails past it. Each position
  /// is held too (an empty Cell).
  void count_cells(std::size_t count, SourceLocation where = {});

  /// What one parsed node costs, by parser: the tree is built whole before a
  /// reader sees it, so it is counted from the markup before parsing.
  struct MarkupCost {
    std::size_t per_node;       ///< per element, and per text between tags
    std::size_t per_attribute;  ///< per '='
  };
  static const MarkupCost pugixml;
  static const MarkupCost libxml2;

  /// Counts what parsing `bytes` (the part or file `name`) will build: its
  /// bytes twice (the inflated entry and the parser's copy), a node per tag
  /// or text, an attribute per '=', a line start per line. Fails, before
  /// anything is parsed, past max_parsed_bytes.
  void count_parse(std::string_view name, std::string_view bytes, const MarkupCost& cost);
  /// Holds a table cell's paragraphs, runs and value (its grid position is
  /// count_cells'); `row` and `column` from 0, for the message.
  void hold_cell(const Cell& cell, int row, int column, SourceLocation where = {});
  /// Holds `bytes` that `what` builds, for what the above do not cover (an
  /// .xlsx's shared strings). Fails past max_held_bytes.
  void hold(std::size_t bytes, const std::string& what, SourceLocation where = {});
  /// The bytes held so far (tests, measurements).
  std::size_t held() const { return held_; }

  /// Names the part whose content is read while alive, for the messages of
  /// the bounds above (cells do not know their part).
  class InPart {
   public:
    InPart(ReadContext& context, std::string part);
    ~InPart();
    InPart(const InPart&) = delete;
    InPart& operator=(const InPart&) = delete;

   private:
    ReadContext& context_;
    std::string outer_;
  };

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
  std::size_t parsed_ = 0;
  std::size_t held_ = 0;
  std::string part_;  ///< the part being read, "" outside zip packages
  int table_depth_ = 0;
  int element_depth_ = 0;
};

}  // namespace tiendo::documents::detail
