#pragma once
// Text as the model wants it (rule 1 of document.hpp): valid UTF-8, NFC,
// plain spaces, "\n" for line breaks; and the one way paragraphs are built.

#include <tiendo/documents/document.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::documents::detail {

class ReadContext;

/// The offset of the first byte that is not part of valid UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// `text` with non-breaking and other fixed-width spaces as plain spaces,
/// vertical tab (Word's manual line break in pasted text) as "\n", invisible
/// characters (soft hyphen, zero-width space, BOM) and other control
/// characters dropped, then NFC. `text` must be valid UTF-8.
std::string clean_text(std::string_view text);

/// `text` with every run of whitespace as one space and none at the ends,
/// then cleaned (clean_text): a title, or a sheet name.
std::string collapse_whitespace(std::string_view text);

/// Line and column (1-based, columns in code points) of byte offsets.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  SourceLocation at(std::size_t offset) const;
  int line(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// Collects a paragraph's runs as a reader walks its content.
/// 1. Adjacent runs of equal formatting are merged; whitespace joins the run
///    before it whatever its own formatting, so "a *b* c" stays three runs.
/// 2. In collapsing mode (HTML, ODF) every run of spaces, tabs and line ends
///    in the source is one space, and none starts a line; breaks and tabs
///    come only from line_break() and tab().
/// 3. finish() drops spaces at both ends, cleans the text (clean_text),
///    numbers the paragraph and decides whether all of it is bold or italic.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(bool collapse_spaces = false) : collapse_(collapse_spaces) {}
  void add(std::string_view text, bool bold, bool italic);
  void line_break();
  void tab();
  /// Text added as it is, even in collapsing mode (ODF's text:s spaces).
  void add_preserved(std::string_view text, bool bold, bool italic);
  /// True when nothing but whitespace was added.
  bool blank() const;
  bool empty() const { return runs_.empty(); }
  /// The paragraph, numbered by `context`; the builder is empty afterwards.
  Paragraph finish(ReadContext& context, int line);

 private:
  void append(std::string_view text, bool bold, bool italic);

  bool collapse_;
  bool at_line_start_ = true;
  bool after_space_ = false;
  std::vector<Run> runs_;
};

}  // namespace tiendo::documents::detail
