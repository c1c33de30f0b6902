// A table as text: TSV as Word and Excel put it on the clipboard, or CSV
// (RFC 4180: fields in double quotes may hold the delimiter, line ends and
// doubled quotes). The delimiter is the first record's: tab, else
// semicolon or comma, whichever it has more of. Cells of a table pasted from
// Word can hold HTML fragments; those go to the HTML reader.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "read_context.hpp"
#include "readers.hpp"
#include "table_builder.hpp"
#include "text.hpp"

namespace tiendo::documents::detail {

namespace {

struct Field {
  std::string text;
  int line = 0;
};

char detect_delimiter(std::string_view text) {
  std::size_t tabs = 0;
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') {
      if (tabs + commas + semicolons > 0) break;  // the first line with any decides
      continue;
    }
    tabs += c == '\t';
    commas += c == ',';
    semicolons += c == ';';
  }
  if (tabs > 0 || commas + semicolons == 0) return '\t';
  return semicolons > commas ? ';' : ',';
}

/// True when a cell holds HTML markup: a known tag, not just a '<'.
bool looks_like_html_fragment(std::string_view text) {
  static constexpr std::string_view kTags[] = {
      "p",     "br", "ul", "ol", "li", "div", "span", "b",  "i",  "u",  "strong", "em",  "font",
      "table", "tr", "td", "th", "h1", "h2",  "h3",   "h4", "h5", "h6", "a",      "sup", "sub"};
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '/') ++i;
    std::size_t end = i;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end == i || end >= text.size()) continue;
    if (text[end] != '>' && text[end] != ' ' && text[end] != '/' && text[end] != '\t') continue;
    std::string name(text.substr(i, end - i));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(std::begin(kTags), std::end(kTags), name) != std::end(kTags)) return true;
  }
  return false;
}

class TextTableReader {
 public:
  TextTableReader(std::string_view text, ReadContext& context)
      : text_(text), context_(context), lines_(text), delimiter_(detect_delimiter(text)) {}

  Document read() {
    Document document;
    document.format = Format::text_table;
    TableBuilder builder(context_);
    int row = 0;
    while (position_ < text_.size()) {
      const auto record = read_record();
      const bool blank =
          record.size() == 1 && record[0].text.find_first_not_of(" \r") == std::string::npos;
      if (blank) continue;  // an empty line between rows (Word leaves them) is no row
      for (std::size_t column = 0; column < record.size(); ++column) {
        if (record[column].text.empty()) continue;
        if (column >= static_cast<std::size_t>(kMaxColumns)) {
          context_.fail("table-too-large", "more than " + std::to_string(kMaxColumns) + " columns",
                        SourceLocation{record[column].line, 0, 1});
        }
        builder.put(row, static_cast<int>(column), cell_of(record[column]), 1, 1,
                    SourceLocation{record[column].line, 0, 1});
      }
      ++row;
    }
    document.body.push_back(Block{builder.finish({}, false)});
    return document;
  }

 private:
  /// One record's fields; the position moves past its line end.
  std::vector<Field> read_record() {
    std::vector<Field> fields;
    Field field;
    field.line = lines_.line(position_);
    while (position_ < text_.size()) {
      const char c = text_[position_];
      if (c == '"' && field.text.empty() && !quoted_before_) {
        read_quoted(field);
        continue;
      }
      ++position_;
      if (c == delimiter_) {
        fields.push_back(std::move(field));
        field = Field{};
        field.line = lines_.line(position_);
        quoted_before_ = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && position_ < text_.size() && text_[position_] == '\n') ++position_;
        break;
      } else {
        field.text += c;
      }
    }
    fields.push_back(std::move(field));
    quoted_before_ = false;
    return fields;
  }

  /// A quoted field from its opening quote: up to the closing quote, with ""
  /// as a quote. Text after the closing quote, up to the delimiter, is kept
  /// as Excel does.
  void read_quoted(Field& field) {
    const std::size_t opening = position_++;
    for (;;) {
      if (position_ >= text_.size()) {
        context_.fail("unclosed-quote", "this quote opens a field that never ends",
                      lines_.at(opening), "a quote inside a field is written twice (\"\")");
      }
      const char c = text_[position_++];
      if (c != '"') {
        field.text += c;
      } else if (position_ < text_.size() && text_[position_] == '"') {
        field.text += '"';
        ++position_;
      } else {
        break;
      }
    }
    quoted_before_ = true;
  }

  Cell cell_of(const Field& field) {
    Cell cell;
    if (looks_like_html_fragment(field.text)) {
      cell.blocks = read_html_fragment(field.text, field.line, context_);
      return cell;
    }
    // One paragraph per cell: a line end inside a quoted field is a line
    // break, as a spreadsheet shows it (and "\v", Word's, becomes one too).
    ParagraphBuilder builder;
    std::string text = field.text;
    std::erase(text, '\r');
    builder.add(text, false, false);
    if (!builder.blank()) cell.blocks.push_back(Block{builder.finish(context_, field.line)});
    return cell;
  }

  std::string_view text_;
  ReadContext& context_;
  LineIndex lines_;
  char delimiter_;
  std::size_t position_ = 0;
  bool quoted_before_ = false;
};

}  // namespace

Document read_text_table(std::string_view text, ReadContext& context) {
  return TextTableReader(text, context).read();
}

}  // namespace tiendo::documents::detail
