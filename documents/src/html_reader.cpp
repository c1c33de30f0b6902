// HTML, with libxml2's HTML parser (docs/documents.md says why not gumbo):
// whole files as LibreOffice and Word save them, and the fragments Word
// leaves in cells of a pasted table ("<p>…</p><ul><li>- …</li></ul>").
// Inline elements make runs, block elements paragraphs; headings, lists
// with the labels a browser draws, and tables with rowspan and colspan.

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "list_labels.hpp"
#include "read_context.hpp"
#include "readers.hpp"
#include "table_builder.hpp"
#include "text.hpp"

namespace tiendo::documents::detail {

namespace {

// HTML caps colspan at 1000 and rowspan at 65534.
constexpr int kMaxColspan = 1000;
constexpr int kMaxRowspan = 65534;

struct DocFreer {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
struct ContextFreer {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};
struct XmlFreer {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

using HtmlDocument = std::unique_ptr<xmlDoc, DocFreer>;

std::string_view name_of(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string attribute(const xmlNode* node, const char* name) {
  const std::unique_ptr<xmlChar, XmlFreer> value(
      xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string{};
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

/// The value of one property in a style="…" attribute (lowercase), or "".
/// CSS declarations are "name: value" separated by ';', which is all that
/// is read: a stylesheet's rules and classes are not.
std::string css_property(const xmlNode* node, std::string_view property) {
  const std::string style = lower(attribute(node, "style"));
  std::string_view rest = style;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    const auto declaration = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    const auto colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    if (trim(declaration.substr(0, colon)) == property) {
      return std::string(trim(declaration.substr(colon + 1)));
    }
  }
  return {};
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_inline(std::string_view name) {
  return is_one_of(name, {"a",    "abbr", "b",  "bdi",  "bdo",   "big",  "cite",   "code",   "data",
                          "del",  "dfn",  "em", "font", "i",     "ins",  "kbd",    "label",  "mark",
                          "nobr", "q",    "s",  "samp", "small", "span", "strike", "strong", "sub",
                          "sup",  "time", "tt", "u",    "var",   "o:p"});
}

bool is_skipped(std::string_view name) {
  return is_one_of(
      name, {"head",  "script", "style", "title",  "template", "noscript", "iframe", "object",
             "embed", "svg",    "math",  "select", "textarea", "button",   "img",    "input",
             "map",   "canvas", "video", "audio",  "meta",     "link"});
}

struct InlineFormat {
  bool bold = false;
  bool italic = false;
};

/// A list being read: its counters, kind and the label its next paragraph gets.
struct ListState {
  bool ordered = false;
  std::string type;  // CSS list-style-type
  int level = 0;
  ListCounters counters;
  std::optional<ListItem> pending;
};

/// Where paragraphs go while a block-level container is read.
struct Sink {
  std::vector<Block>& out;
  ParagraphBuilder builder{true};
  int line = 0;
  int heading = 0;
  ListState* list = nullptr;
};

class HtmlReader {
 public:
  HtmlReader(ReadContext& context, int first_line)
      : context_(context), line_offset_(first_line - 1) {}

  /// Parses and reads the body; `encoding` nullptr lets the document's
  /// <meta charset> decide.
  std::vector<Block> read(std::string_view html, const char* encoding, std::string* title) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    // libxml2 builds the whole tree first: counted before it is.
    context_.count_parse({}, html, ReadContext::libxml2);
    const std::unique_ptr<htmlParserCtxt, ContextFreer> parser(htmlNewParserCtxt());
    if (!parser) throw std::bad_alloc();
    // NONET: never fetch anything; no error output (errors are ours to report).
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
    const HtmlDocument document(htmlCtxtReadMemory(
        parser.get(), html.data(), static_cast<int>(std::min<std::size_t>(html.size(), INT_MAX)),
        "document.html", encoding, options));
    if (const auto* error = xmlCtxtGetLastError(parser.get());
        error && error->message &&
        std::string_view(error->message).find("Excessive depth") != std::string_view::npos) {
      context_.fail("nested-too-deep", "HTML elements nested more than 256 deep (line " +
                                           std::to_string(error->line + line_offset_) + ")");
    }
    std::vector<Block> out;
    if (!document) return out;
    if (encoding == nullptr && document->encoding == nullptr) {
      context_.fail("invalid-utf8", "the HTML is not UTF-8 and does not say which charset it uses",
                    {}, "save it again as HTML in UTF-8");
    }
    const xmlNode* root = xmlDocGetRootElement(document.get());
    if (!root) return out;
    if (title) *title = find_title(root);
    Sink sink{out};
    read_children(root, sink, {});
    flush(sink);
    return out;
  }

 private:
  std::string find_title(const xmlNode* root) {
    for (const xmlNode* head = root->children; head; head = head->next) {
      if (head->type != XML_ELEMENT_NODE || name_of(head) != "head") continue;
      for (const xmlNode* node = head->children; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE || name_of(node) != "title") continue;
        std::string title;
        for (const xmlNode* text = node->children; text; text = text->next) {
          if (text->type == XML_TEXT_NODE && text->content) {
            title += reinterpret_cast<const char*>(text->content);
          }
        }
        return collapse_whitespace(title);
      }
    }
    return {};
  }

  int line_of(const xmlNode* node) const {
    return static_cast<int>(xmlGetLineNo(node)) + line_offset_;
  }

  void flush(Sink& sink) {
    if (sink.builder.blank()) {
      sink.builder = ParagraphBuilder(true);
      return;
    }
    auto paragraph = sink.builder.finish(context_, sink.line);
    paragraph.heading_level = sink.heading;
    if (sink.list && sink.list->pending) {
      paragraph.list = std::move(sink.list->pending);
      sink.list->pending.reset();
    }
    sink.out.push_back(Block{std::move(paragraph)});
  }

  static InlineFormat format_of(const xmlNode* node, std::string_view name, InlineFormat format) {
    if (is_one_of(name, {"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"})) {
      format.bold = true;
    }
    if (is_one_of(name, {"i", "em", "cite", "dfn", "var", "address"})) format.italic = true;
    const auto weight = css_property(node, "font-weight");
    if (weight == "bold" || weight == "bolder" || weight == "600" || weight == "700" ||
        weight == "800" || weight == "900") {
      format.bold = true;
    } else if (weight == "normal" || weight == "400" || weight == "lighter") {
      format.bold = false;
    }
    const auto style = css_property(node, "font-style");
    if (style == "italic" || style == "oblique") {
      format.italic = true;
    } else if (style == "normal") {
      format.italic = false;
    }
    return format;
  }

  void read_children(const xmlNode* parent, Sink& sink, InlineFormat format) {
    const ReadContext::Nesting nesting(context_, false, SourceLocation{line_of(parent), 0, 1});
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (!node->content) continue;
        if (sink.builder.empty()) sink.line = line_of(node);
        sink.builder.add(reinterpret_cast<const char*>(node->content), format.bold, format.italic);
        continue;
      }
      if (node->type != XML_ELEMENT_NODE) continue;
      read_element(node, sink, format);
    }
  }

  void read_element(const xmlNode* node, Sink& sink, InlineFormat format) {
    const std::string name = lower(name_of(node));
    if (is_skipped(name)) return;
    const InlineFormat inner = format_of(node, name, format);
    if (name == "br") {
      sink.builder.line_break();
      return;
    }
    if (is_inline(name) || name.find(':') != std::string::npos) {
      read_children(node, sink, inner);
      return;
    }
    // Everything else is a block: what came before it is a paragraph.
    flush(sink);
    if (name == "table") {
      read_table(node, sink.out);
    } else if (name == "ul" || name == "ol" || name == "dir" || name == "menu") {
      read_list(node, sink, inner, name == "ol");
    } else if (name == "li") {
      read_item(node, sink, inner);
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      const int outer = sink.heading;
      sink.heading = name[1] - '0';
      read_children(node, sink, inner);
      flush(sink);
      sink.heading = outer;
    } else if (name == "pre") {
      Sink pre{sink.out, ParagraphBuilder(false), line_of(node), sink.heading, sink.list};
      read_children(node, pre, inner);
      flush(pre);
    } else {
      read_children(node, sink, inner);
      flush(sink);
    }
  }

  void read_list(const xmlNode* node, Sink& sink, InlineFormat format, bool ordered) {
    ListState list;
    list.ordered = ordered;
    list.level = sink.list ? sink.list->level + 1 : 0;
    list.type = css_property(node, "list-style-type");
    if (list.type.empty()) list.type = css_property(node, "list-style");
    if (list.type.empty()) {
      const std::string type = attribute(node, "type");
      if (ordered) {
        list.type = type == "a"   ? "lower-alpha"
                    : type == "A" ? "upper-alpha"
                    : type == "i" ? "lower-roman"
                    : type == "I" ? "upper-roman"
                                  : "decimal";
      } else {
        // A browser's default bullets by depth: disc, circle, square.
        list.type = !type.empty()     ? lower(type)
                    : list.level == 0 ? "disc"
                    : list.level == 1 ? "circle"
                                      : "square";
      }
    }
    const int start = ordered ? parse_int(attribute(node, "start")) : 1;
    list.counters.restart(0, start);
    Sink inner{sink.out, ParagraphBuilder(true), 0, sink.heading, &list};
    read_children(node, inner, format);
    flush(inner);
  }

  static int parse_int(const std::string& text) {
    try {
      return text.empty() ? 1 : std::clamp(std::stoi(text), -(1 << 20), 1 << 20);
    } catch (const std::exception&) {
      return 1;
    }
  }

  void read_item(const xmlNode* node, Sink& sink, InlineFormat format) {
    ListState fallback;  // an <li> outside any list is drawn as a bullet
    fallback.type = "disc";
    ListState& list = sink.list ? *sink.list : fallback;
    if (const auto value = attribute(node, "value"); !value.empty()) {
      list.counters.restart(0, parse_int(value));
    }
    const int number = list.counters.count(0, 1);
    std::string type = css_property(node, "list-style-type");
    if (type.empty()) type = list.type;
    list.pending = ListItem{label(type, number), list.level};
    Sink inner{sink.out, ParagraphBuilder(true), line_of(node), sink.heading, &list};
    read_children(node, inner, format);
    flush(inner);
    list.pending.reset();
  }

  static std::string label(std::string_view type, int number) {
    if (type == "none") return {};
    if (type == "disc") return "•";
    if (type == "circle") return "◦";
    if (type == "square") return "▪";
    NumberStyle style = NumberStyle::decimal;
    if (type == "lower-alpha" || type == "lower-latin") style = NumberStyle::lower_letter;
    if (type == "upper-alpha" || type == "upper-latin") style = NumberStyle::upper_letter;
    if (type == "lower-roman") style = NumberStyle::lower_roman;
    if (type == "upper-roman") style = NumberStyle::upper_roman;
    if (type == "decimal-leading-zero") style = NumberStyle::decimal_zero;
    return format_number(number, style) + ".";
  }

  void read_table(const xmlNode* table, std::vector<Block>& out) {
    const ReadContext::Nesting nesting(context_, true, SourceLocation{line_of(table), 0, 1});
    TableBuilder builder(context_);
    int row = 0;
    read_rows(table, out, builder, row);
    out.push_back(Block{builder.finish({}, true, SourceLocation{line_of(table), 0, 1})});
  }

  void read_rows(const xmlNode* parent, std::vector<Block>& out, TableBuilder& builder, int& row) {
    const ReadContext::Nesting nesting(context_, false, SourceLocation{line_of(parent), 0, 1});
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string name = lower(name_of(node));
      if (name == "tr") {
        read_row(node, builder, row);
        ++row;
      } else if (name == "thead" || name == "tbody" || name == "tfoot") {
        read_rows(node, out, builder, row);
      } else if (name == "caption") {
        Sink caption{out, ParagraphBuilder(true), line_of(node)};
        read_children(node, caption, {});
        flush(caption);
      }
    }
  }

  void read_row(const xmlNode* tr, TableBuilder& builder, int row) {
    int column = 0;
    for (const xmlNode* node = tr->children; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string name = lower(name_of(node));
      if (name != "td" && name != "th") continue;
      while (builder.busy(row, column)) ++column;
      const int colspan = std::clamp(parse_int(attribute(node, "colspan")), 1, kMaxColspan);
      int rowspan = std::clamp(parse_int(attribute(node, "rowspan")), 0, kMaxRowspan);
      if (rowspan == 0) rowspan = kMaxRowspan;  // "to the end of the table"
      Cell cell;
      Sink sink{cell.blocks, ParagraphBuilder(true), line_of(node)};
      read_children(node, sink, format_of(node, name, {}));
      flush(sink);
      builder.put(row, column, std::move(cell), rowspan, colspan,
                  SourceLocation{line_of(node), 0, 1});
      column += colspan;
    }
  }

  ReadContext& context_;
  int line_offset_;
};

}  // namespace

Document read_html(std::string_view bytes, ReadContext& context) {
  Document document;
  document.format = Format::html;
  // Valid UTF-8 is read as UTF-8 whatever the page declares; anything else
  // must declare its charset (Word's "Web Page" may be windows-1258).
  const char* encoding = first_invalid_utf8(bytes) ? nullptr : "UTF-8";
  document.body = HtmlReader(context, 1).read(bytes, encoding, &document.title);
  return document;
}

std::vector<Block> read_html_fragment(std::string_view html, int line, ReadContext& context) {
  return HtmlReader(context, line).read(html, "UTF-8", nullptr);
}

}  // namespace tiendo::documents::detail
