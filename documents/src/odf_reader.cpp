// OpenDocument (.odt text, .ods spreadsheet): content.xml's body, with the
// styles of content.xml and styles.xml for bold, italic and list labels,
// and meta.xml for the title. A text document's tables and a spreadsheet's
// sheets are the same table:table elements, read by one function.

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "list_labels.hpp"
#include "read_context.hpp"
#include "readers.hpp"
#include "table_builder.hpp"
#include "xml_part.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents::detail {

namespace {

constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kFo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

constexpr int kMaxStyleChain = 32;
// text:s and text:c: more spaces than a line holds are a trap, not layout.
constexpr int kMaxSpaces = 1000;

/// The namespaces of one part (each part declares its own prefixes).
struct OdfNames {
  explicit OdfNames(pugi::xml_node root)
      : office(root, {kOffice}),
        text(root, {kText}),
        table(root, {kTable}),
        style(root, {kStyle}),
        fo(root, {kFo}) {}
  Namespace office, text, table, style, fo;
};

struct TextStyle {
  std::string parent;
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::string list_style;  // a paragraph style's style:list-style-name
};

struct ListLevel {
  NumberStyle style = NumberStyle::decimal;
  std::string bullet;  // for NumberStyle::bullet
  std::string prefix;
  std::string suffix;
  int start = 1;
  int display_levels = 1;
};

using ListStyle = std::array<std::optional<ListLevel>, ListCounters::kLevels>;

NumberStyle odf_number_style(std::string_view format) {
  if (format == "a") return NumberStyle::lower_letter;
  if (format == "A") return NumberStyle::upper_letter;
  if (format == "i") return NumberStyle::lower_roman;
  if (format == "I") return NumberStyle::upper_roman;
  if (format.empty()) return NumberStyle::none;
  return NumberStyle::decimal;
}

class OdfReader {
 public:
  OdfReader(ZipArchive& zip, Format format, ReadContext& context)
      : zip_(zip), format_(format), context_(context) {}

  Document read() {
    content_ = read_xml_part(zip_, "content.xml", context_);
    if (!content_) {
      context_.fail("missing-part", "the document has no content ('content.xml')", {},
                    "open it in LibreOffice and save it again");
    }
    names_ = std::make_unique<OdfNames>(content_->root());
    if (const auto styles = read_xml_part(zip_, "styles.xml", context_)) {
      const OdfNames names(styles->root());
      read_styles(names, names.office.child(styles->root(), "styles"));
      read_styles(names, names.office.child(styles->root(), "automatic-styles"));
    }
    read_styles(*names_, names_->office.child(content_->root(), "automatic-styles"));
    Document document;
    document.format = format_;
    document.title = read_title();
    const ReadContext::InPart in_part(context_, "content.xml");
    const auto body = names_->office.child(content_->root(), "body");
    const auto text = names_->office.child(body, format_ == Format::ods ? "spreadsheet" : "text");
    read_blocks(text, document.body);
    return document;
  }

 private:
  const OdfNames& n() const { return *names_; }

  std::string read_title() {
    const auto meta = read_xml_part(zip_, "meta.xml", context_);
    if (!meta) return {};
    const Namespace office(meta->root(), {kOffice});
    const Namespace dc(meta->root(), {"http://purl.org/dc/elements/1.1/"});
    return clean_text(dc.child(office.child(meta->root(), "meta"), "title").text().get());
  }

  // --- styles ---------------------------------------------------------------

  static std::optional<bool> weight_is_bold(std::string_view weight) {
    if (weight.empty()) return std::nullopt;
    if (weight == "bold") return true;
    const int number = xml_int(weight, 400, 0, 1000);
    return number >= 600;
  }

  void read_styles(const OdfNames& names, pugi::xml_node container) {
    for (const auto node : container.children()) {
      if (names.style.is(node, "style")) {
        TextStyle style;
        style.parent = names.style.attribute(node, "parent-style-name");
        style.list_style = names.style.attribute(node, "list-style-name");
        const auto properties = names.style.child(node, "text-properties");
        style.bold = weight_is_bold(names.fo.attribute(properties, "font-weight"));
        const std::string_view italic = names.fo.attribute(properties, "font-style");
        if (!italic.empty()) style.italic = italic == "italic" || italic == "oblique";
        styles_[std::string(names.style.attribute(node, "name"))] = std::move(style);
      } else if (names.text.is(node, "list-style")) {
        list_styles_[std::string(names.style.attribute(node, "name"))] =
            read_list_style(names, node);
      }
    }
  }

  static ListStyle read_list_style(const OdfNames& names, pugi::xml_node list_style) {
    ListStyle out;
    for (const auto node : list_style.children()) {
      const auto kind = names.text.local_name(node);
      if (kind != "list-level-style-number" && kind != "list-level-style-bullet" &&
          kind != "list-level-style-image") {
        continue;
      }
      const int level =
          xml_int(names.text.attribute(node, "level"), 0, 0, ListCounters::kLevels) - 1;
      if (level < 0) continue;
      ListLevel lvl;
      lvl.prefix = names.style.attribute(node, "num-prefix");
      lvl.suffix = names.style.attribute(node, "num-suffix");
      if (kind == "list-level-style-number") {
        lvl.style = odf_number_style(names.style.attribute(node, "num-format"));
        lvl.start = xml_int(names.text.attribute(node, "start-value"), 1, 0, 1 << 20);
        lvl.display_levels =
            xml_int(names.text.attribute(node, "display-levels"), 1, 1, ListCounters::kLevels);
      } else {
        lvl.style = NumberStyle::bullet;
        lvl.bullet =
            kind == "list-level-style-image" ? "•" : names.text.attribute(node, "bullet-char");
      }
      out[static_cast<std::size_t>(level)] = std::move(lvl);
    }
    return out;
  }

  template <typename Field>
  auto from_styles(std::string name, Field field) const -> decltype(field(TextStyle{})) {
    for (int hops = 0; hops < kMaxStyleChain && !name.empty(); ++hops) {
      const auto it = styles_.find(name);
      if (it == styles_.end()) break;
      if (auto value = field(it->second)) return value;
      name = it->second.parent;
    }
    return {};
  }

  struct RunFormat {
    bool bold = false;
    bool italic = false;
  };

  RunFormat format_of(const std::string& style, const RunFormat& outer) const {
    RunFormat out;
    out.bold = from_styles(style, [](const TextStyle& s) { return s.bold; }).value_or(outer.bold);
    out.italic =
        from_styles(style, [](const TextStyle& s) { return s.italic; }).value_or(outer.italic);
    return out;
  }

  // --- blocks ---------------------------------------------------------------

  SourceLocation where(pugi::xml_node node) const {
    return SourceLocation{content_->line_of(node), 0, 1};
  }

  /// The list a paragraph belongs to: its counters and style, and whether
  /// the next paragraph is the first of its item (the one with the label).
  struct ListContext {
    ListCounters* counters = nullptr;
    std::string style;
    int level = 0;
    bool label_pending = false;
    int number = 0;
  };

  void read_blocks(pugi::xml_node parent, std::vector<Block>& out, ListContext* list = nullptr) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      if (n().text.is(node, "p") || n().text.is(node, "h")) {
        out.push_back(Block{read_paragraph(node, list)});
      } else if (n().text.is(node, "list")) {
        read_list(node, out, list);
      } else if (n().table.is(node, "table")) {
        out.push_back(Block{read_table(node)});
      } else if (n().text.is(node, "section") || n().text.is(node, "index-body") ||
                 n().text.is(node, "table-of-content") || n().text.is(node, "illustration-index") ||
                 n().text.is(node, "alphabetical-index") || n().text.is(node, "user-index")) {
        read_blocks(node, out, list);
      }
    }
  }

  void read_list(pugi::xml_node list_node, std::vector<Block>& out, ListContext* outer) {
    ListContext list;
    const std::string own_style(n().text.attribute(list_node, "style-name"));
    list.style = !own_style.empty() ? own_style : outer ? outer->style : std::string{};
    if (outer) {
      list.counters = outer->counters;
      list.level = outer->level + 1;
    } else {
      // A new list counts from its start unless it says it continues one.
      const std::string_view id = list_node.attribute("xml:id").value();
      const std::string_view continues = n().text.attribute(list_node, "continue-list");
      ListCounters* counters = nullptr;
      if (!continues.empty() && lists_by_id_.count(std::string(continues))) {
        counters = lists_by_id_[std::string(continues)];
      } else if (xml_true(n().text.attribute(list_node, "continue-numbering"), false) &&
                 last_list_of_style_.count(list.style)) {
        counters = last_list_of_style_[list.style];
      } else {
        counters = &all_counters_.emplace_back();
      }
      if (!id.empty()) lists_by_id_[std::string(id)] = counters;
      last_list_of_style_[list.style] = counters;
      list.counters = counters;
    }
    for (const auto item : list_node.children()) {
      const bool numbered = n().text.is(item, "list-item");
      if (!numbered && !n().text.is(item, "list-header")) continue;
      if (numbered) {
        const auto level = level_of(list.style, list.level);
        const int start = level ? level->start : 1;
        if (const auto restart = n().text.attribute(item, "start-value"); !restart.empty()) {
          list.counters->restart(list.level, xml_int(restart, start, 0, 1 << 20));
        }
        list.number = list.counters->count(list.level, start);
      }
      list.label_pending = numbered;
      read_blocks(item, out, &list);
    }
  }

  std::optional<ListLevel> level_of(const std::string& style, int level) const {
    const auto it = list_styles_.find(style);
    if (it == list_styles_.end()) return std::nullopt;
    return it->second[static_cast<std::size_t>(std::clamp(level, 0, ListCounters::kLevels - 1))];
  }

  ListItem label_of(const ListContext& list) const {
    ListItem item;
    item.level = list.level;
    const auto level = level_of(list.style, list.level);
    if (!level) return item;
    if (level->style == NumberStyle::bullet) {
      item.label = level->bullet;
      return item;
    }
    std::string number;
    if (level->style != NumberStyle::none) {
      // display-levels="2" shows "1.2": the numbers of the levels above too.
      for (int at = std::max(0, list.level - level->display_levels + 1); at < list.level; ++at) {
        const auto upper = level_of(list.style, at);
        number += format_number(list.counters->value(at, upper ? upper->start : 1),
                                upper ? upper->style : NumberStyle::decimal) +
                  ".";
      }
      number += format_number(list.number, level->style);
    }
    item.label = level->prefix + number + level->suffix;
    return item;
  }

  Paragraph read_paragraph(pugi::xml_node node, ListContext* list) {
    const std::string style(n().text.attribute(node, "style-name"));
    ParagraphBuilder builder(true);
    read_inline(node, builder, format_of(style, {}));
    auto paragraph = builder.finish(context_, content_->line_of(node));
    if (n().text.is(node, "h")) {
      paragraph.heading_level = xml_int(n().text.attribute(node, "outline-level"), 1, 1, 10);
    }
    if (list && list->label_pending) {
      paragraph.list = label_of(*list);
      list->label_pending = false;
    }
    return paragraph;
  }

  void read_inline(pugi::xml_node parent, ParagraphBuilder& builder, const RunFormat& format) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        builder.add(node.value(), format.bold, format.italic);
        continue;
      }
      const auto name = n().text.local_name(node);
      if (name == "s") {
        const int count = xml_int(n().text.attribute(node, "c"), 1, 1, kMaxSpaces);
        builder.add_preserved(std::string(static_cast<std::size_t>(count), ' '), format.bold,
                              format.italic);
      } else if (name == "tab") {
        builder.tab();
      } else if (name == "line-break") {
        builder.line_break();
      } else if (name == "span") {
        read_inline(node, builder,
                    format_of(std::string(n().text.attribute(node, "style-name")), format));
      } else if (name == "note" || name == "number" || name == "tracked-changes" ||
                 name == "bookmark" || name == "bookmark-start" || name == "bookmark-end" ||
                 name == "soft-page-break" || name == "change" || name == "change-start" ||
                 name == "change-end") {
        // Footnotes are not the paragraph's text, and text:number is a
        // cached label we compute ourselves.
      } else if (!name.empty()) {
        read_inline(node, builder, format);  // links, fields, ruby: their shown text
      } else if (n().office.is(node, "annotation")) {
        // A comment, not the text.
      } else if (node.type() == pugi::node_element) {
        context_.warn("skipped-drawing",
                      "pictures, shapes and text boxes are skipped: text inside them is not read",
                      where(node));
      }
    }
  }

  // --- tables ---------------------------------------------------------------

  Table read_table(pugi::xml_node table) {
    const ReadContext::Nesting nesting(context_, true, where(table));
    TableBuilder builder(context_);
    int row = 0;
    read_rows(table, builder, row);
    const std::string name =
        format_ == Format::ods ? clean_text(n().table.attribute(table, "name")) : std::string{};
    return builder.finish(name, false, where(table));
  }

  void read_rows(pugi::xml_node parent, TableBuilder& builder, int& row) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      const auto name = n().table.local_name(node);
      if (name == "table-row") {
        const int repeat =
            xml_int(n().table.attribute(node, "number-rows-repeated"), 1, 1, kMaxRows);
        // A repeated row is read once: an empty one (a spreadsheet's
        // 1,048,000 empty rows) only moves the row on. Its copies, and the
        // copies of a repeated cell, are made one at a time as the builder
        // takes them, so that each is held (ReadContext::hold_cell) before
        // the next is made: a cell of a megabyte repeated across a sheet is
        // refused at the bound, not after gigabytes.
        const auto cells = read_row(node);
        for (int copy = 0; !cells.empty() && copy < repeat && row + copy < kMaxRows; ++copy) {
          for (const auto& cell : cells) {
            for (int k = 0; k < cell.repeat && cell.column + k < kMaxColumns; ++k) {
              builder.put(row + copy, cell.column + k, cell.cell, cell.row_span, cell.column_span,
                          where(node));
            }
          }
        }
        row = std::min(row + repeat, kMaxRows);
      } else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        read_rows(node, builder, row);
      }
    }
  }

  /// A cell of a row as the file gives it, once however often it repeats.
  struct RowCell {
    int column;
    int repeat;  ///< number-columns-repeated: copies at column, column + 1…
    int row_span;
    int column_span;
    Cell cell;
  };

  /// The cells of one row that hold something (or are merged); empty when
  /// none does.
  std::vector<RowCell> read_row(pugi::xml_node row_node) {
    std::vector<RowCell> cells;
    int column = 0;
    for (const auto node : row_node.children()) {
      const auto name = n().table.local_name(node);
      if (name != "table-cell" && name != "covered-table-cell") continue;
      const int repeat =
          xml_int(n().table.attribute(node, "number-columns-repeated"), 1, 1, kMaxColumns);
      if (name == "covered-table-cell") {
        column = std::min(column + repeat, kMaxColumns);
        continue;
      }
      const int column_span =
          xml_int(n().table.attribute(node, "number-columns-spanned"), 1, 1, kMaxColumns);
      const int row_span =
          xml_int(n().table.attribute(node, "number-rows-spanned"), 1, 1, kMaxRows);
      Cell cell;
      read_blocks(node, cell.blocks);
      if (format_ == Format::ods) read_value(node, cell);
      if (!cell.blocks.empty() || column_span > 1 || row_span > 1) {
        cells.push_back(RowCell{column, repeat, row_span, column_span, std::move(cell)});
      }
      column = std::min(column + repeat, kMaxColumns);
    }
    return cells;
  }

  void read_value(pugi::xml_node node, Cell& cell) const {
    const std::string_view type = n().office.attribute(node, "value-type");
    if (type == "float" || type == "percentage" || type == "currency") {
      cell.kind = ValueKind::number;
      cell.value = n().office.attribute(node, "value");
    } else if (type == "date") {
      cell.kind = ValueKind::date;
      cell.value = n().office.attribute(node, "date-value").substr(0, 10);
    } else if (type == "boolean") {
      cell.kind = ValueKind::boolean;
      cell.value = xml_true(n().office.attribute(node, "boolean-value"), false) ? "TRUE" : "FALSE";
    } else if (!cell.blocks.empty()) {
      cell.kind = ValueKind::text;
      cell.value = plain_text(cell.blocks);
    }
  }

  ZipArchive& zip_;
  Format format_;
  ReadContext& context_;
  std::unique_ptr<XmlPart> content_;
  std::unique_ptr<OdfNames> names_;
  std::map<std::string, TextStyle> styles_;
  std::map<std::string, ListStyle> list_styles_;
  std::deque<ListCounters> all_counters_;  // stable addresses for the maps below
  std::map<std::string, ListCounters*> lists_by_id_;
  std::map<std::string, ListCounters*> last_list_of_style_;
};

}  // namespace

Document read_odf(ZipArchive& zip, Format format, ReadContext& context) {
  return OdfReader(zip, format, context).read();
}

}  // namespace tiendo::documents::detail
