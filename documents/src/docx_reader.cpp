// Word (.docx, WordprocessingML): word/document.xml's body, with
// word/styles.xml for headings and bold/italic that come from styles, and
// word/numbering.xml for the labels of numbered and bulleted paragraphs.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "list_labels.hpp"
#include "opc.hpp"
#include "read_context.hpp"
#include "readers.hpp"
#include "table_builder.hpp"
#include "xml_part.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents::detail {

namespace {

constexpr std::string_view kWordTransitional =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

// Style chains (basedOn) longer than this are cycles or hostile.
constexpr int kMaxStyleChain = 32;

struct NumberingRef {
  int num_id = 0;
  int level = 0;
};

struct Style {
  std::string based_on;
  std::string name;
  std::optional<int> outline_level;  // 0-based, as w:outlineLvl
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::optional<NumberingRef> numbering;
};

struct Level {
  int start = 1;
  NumberStyle style = NumberStyle::decimal;
  std::string text;  // w:lvlText, "%1." or a bullet
  bool legal = false;
};

struct AbstractNumbering {
  std::array<std::optional<Level>, ListCounters::kLevels> levels;
};

struct Numbering {
  int abstract_id = 0;
  std::map<int, int> start_overrides;
  std::map<int, Level> level_overrides;
};

NumberStyle number_style(std::string_view format) {
  if (format == "decimalZero") return NumberStyle::decimal_zero;
  if (format == "lowerLetter") return NumberStyle::lower_letter_word;
  if (format == "upperLetter") return NumberStyle::upper_letter_word;
  if (format == "lowerRoman") return NumberStyle::lower_roman;
  if (format == "upperRoman") return NumberStyle::upper_roman;
  if (format == "none") return NumberStyle::none;
  if (format == "bullet") return NumberStyle::bullet;
  return NumberStyle::decimal;  // decimal, and the rarer ones Vietnamese plans don't use
}

// Word draws bullets in the Symbol and Wingdings fonts from the private use
// area; the model wants the character a reader sees.
std::string visible_bullet(const std::string& text) {
  static const std::map<std::string, std::string> kSymbols = {
      {"\xEF\x82\xB7", "•"}, {"\xEF\x82\xA7", "▪"}, {"\xEF\x83\x98", "➢"},
      {"\xEF\x83\xBC", "✓"}, {"\xEF\x81\xB6", "❖"}, {"\xEF\x81\xAE", "■"},
      {"\xEF\x83\xA8", "➔"}, {"\xEF\x82\xA8", "□"}, {"\xEF\x81\xAC", "●"}};
  const auto it = kSymbols.find(text);
  if (it != kSymbols.end()) return it->second;
  // Any other private-use character would show as a box: a bullet is meant.
  if (text.size() == 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) >= 0x80 && static_cast<unsigned char>(text[1]) <= 0xA3) {
    return "•";
  }
  return text;
}

class DocxReader {
 public:
  DocxReader(ZipArchive& zip, ReadContext& context) : zip_(zip), context_(context) {}

  Document read() {
    const auto package = read_relationships(zip_, "", context_);
    const auto main_name = target_of(package, "officeDocument", "word/document.xml");
    main_ = read_xml_part(zip_, main_name, context_);
    if (!main_) {
      context_.fail("missing-part", "the document has no main part ('" + main_name + "')", {},
                    "open it in Word or LibreOffice and save it again as .docx");
    }
    w_ = Namespace(main_->root(), {kWordTransitional, kWordStrict});
    if (!w_.declared() || !w_.is(main_->root(), "document")) {
      context_.fail("missing-part", "'" + main_name + "' is not a WordprocessingML document");
    }
    const auto related = read_relationships(zip_, main_name, context_);
    read_styles(target_of(related, "styles"));
    read_numbering(target_of(related, "numbering"));
    Document document;
    document.format = Format::docx;
    document.title = core_title(zip_, context_);
    const ReadContext::InPart in_part(context_, main_name);
    const auto body = w_.child(main_->root(), "body");
    if (body) read_blocks(body, document.body);
    return document;
  }

 private:
  // --- styles.xml -----------------------------------------------------------

  void read_styles(const std::string& name) {
    if (name.empty()) return;
    const auto part = read_xml_part(zip_, name, context_);
    if (!part) return;
    const Namespace w(part->root(), {kWordTransitional, kWordStrict});
    for (const auto node : part->root().children()) {
      if (w.is(node, "docDefaults")) {
        const auto rpr = w.child(w.child(node, "rPrDefault"), "rPr");
        default_bold_ = toggle(w, rpr, "b").value_or(false);
        default_italic_ = toggle(w, rpr, "i").value_or(false);
        continue;
      }
      if (!w.is(node, "style")) continue;
      Style style;
      const std::string id(w.attribute(node, "styleId"));
      style.based_on = w.attribute(w.child(node, "basedOn"), "val");
      style.name = w.attribute(w.child(node, "name"), "val");
      const auto ppr = w.child(node, "pPr");
      if (const auto outline = w.child(ppr, "outlineLvl")) {
        style.outline_level = xml_int(w.attribute(outline, "val"), 9, 0, 9);
      }
      style.numbering = numbering_ref(w, ppr);
      const auto rpr = w.child(node, "rPr");
      style.bold = toggle(w, rpr, "b");
      style.italic = toggle(w, rpr, "i");
      const std::string_view type = w.attribute(node, "type");
      if (type == "paragraph" && xml_true(w.attribute(node, "default"), false)) {
        default_paragraph_style_ = id;
      }
      styles_[id] = std::move(style);
    }
  }

  static std::optional<bool> toggle(const Namespace& w, pugi::xml_node rpr, std::string_view name) {
    const auto node = w.child(rpr, name);
    if (!node) return std::nullopt;
    return xml_true(w.attribute(node, "val"));
  }

  static std::optional<NumberingRef> numbering_ref(const Namespace& w, pugi::xml_node ppr) {
    const auto numpr = w.child(ppr, "numPr");
    if (!numpr) return std::nullopt;
    NumberingRef ref;
    ref.num_id = xml_int(w.attribute(w.child(numpr, "numId"), "val"), 0, 0, 1 << 30);
    ref.level =
        xml_int(w.attribute(w.child(numpr, "ilvl"), "val"), 0, 0, ListCounters::kLevels - 1);
    return ref;
  }

  /// The first value `field` gives along the basedOn chain from `id`.
  template <typename Field>
  auto from_styles(std::string id, Field field) const -> decltype(field(Style{})) {
    for (int hops = 0; hops < kMaxStyleChain && !id.empty(); ++hops) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (auto value = field(it->second)) return value;
      id = it->second.based_on;
    }
    return {};
  }

  int heading_level(const std::string& style_id, pugi::xml_node ppr) const {
    std::optional<int> outline;
    if (const auto direct = w_.child(ppr, "outlineLvl")) {
      outline = xml_int(w_.attribute(direct, "val"), 9, 0, 9);
    } else {
      outline = from_styles(style_id, [](const Style& s) { return s.outline_level; });
    }
    if (outline) return *outline < 9 ? *outline + 1 : 0;
    // Styles named "heading N" without an outline level (some converters).
    const auto named = from_styles(style_id, [](const Style& s) -> std::optional<int> {
      std::string lower;
      for (const char c : s.name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.size() == 9 && lower.starts_with("heading ") && lower[8] >= '1' &&
          lower[8] <= '9') {
        return lower[8] - '0';
      }
      return std::nullopt;
    });
    return named.value_or(0);
  }

  // --- numbering.xml --------------------------------------------------------

  void read_numbering(const std::string& name) {
    if (name.empty()) return;
    const auto part = read_xml_part(zip_, name, context_);
    if (!part) return;
    const Namespace w(part->root(), {kWordTransitional, kWordStrict});
    for (const auto node : part->root().children()) {
      if (w.is(node, "abstractNum")) {
        AbstractNumbering abstract;
        for (const auto lvl : node.children()) {
          if (!w.is(lvl, "lvl")) continue;
          const int at = xml_int(w.attribute(lvl, "ilvl"), -1, -1, ListCounters::kLevels);
          if (at < 0 || at >= ListCounters::kLevels) continue;
          abstract.levels[static_cast<std::size_t>(at)] = level(w, lvl);
        }
        abstracts_[xml_int(w.attribute(node, "abstractNumId"), -1, -1, 1 << 30)] = abstract;
      } else if (w.is(node, "num")) {
        Numbering numbering;
        numbering.abstract_id =
            xml_int(w.attribute(w.child(node, "abstractNumId"), "val"), -1, -1, 1 << 30);
        for (const auto override_node : node.children()) {
          if (!w.is(override_node, "lvlOverride")) continue;
          const int at =
              xml_int(w.attribute(override_node, "ilvl"), 0, 0, ListCounters::kLevels - 1);
          if (const auto start = w.child(override_node, "startOverride")) {
            numbering.start_overrides[at] = xml_int(w.attribute(start, "val"), 1, 0, 1 << 20);
          }
          if (const auto lvl = w.child(override_node, "lvl")) {
            numbering.level_overrides[at] = level(w, lvl);
          }
        }
        nums_[xml_int(w.attribute(node, "numId"), -1, -1, 1 << 30)] = numbering;
      }
    }
  }

  static Level level(const Namespace& w, pugi::xml_node lvl) {
    Level out;
    out.start = xml_int(w.attribute(w.child(lvl, "start"), "val"), 1, 0, 1 << 20);
    out.style = number_style(w.attribute(w.child(lvl, "numFmt"), "val"));
    out.text = w.attribute(w.child(lvl, "lvlText"), "val");
    out.legal = static_cast<bool>(w.child(lvl, "isLgl"));
    return out;
  }

  std::optional<Level> level_of(const Numbering& numbering, int at) const {
    const auto over = numbering.level_overrides.find(at);
    if (over != numbering.level_overrides.end()) return over->second;
    const auto abstract = abstracts_.find(numbering.abstract_id);
    if (abstract == abstracts_.end()) return std::nullopt;
    return abstract->second.levels[static_cast<std::size_t>(at)];
  }

  /// Counts the paragraph in its list and returns the label Word draws.
  std::optional<ListItem> list_item(const NumberingRef& ref) {
    const auto num = nums_.find(ref.num_id);
    if (ref.num_id == 0 || num == nums_.end()) return std::nullopt;
    const auto& numbering = num->second;
    const auto this_level = level_of(numbering, ref.level);
    if (!this_level) return std::nullopt;
    // Lists that share an abstract numbering count on together unless one
    // restarts with a start override: then it counts on its own.
    const std::string key = numbering.start_overrides.empty()
                                ? "a" + std::to_string(numbering.abstract_id)
                                : "n" + std::to_string(ref.num_id);
    auto& counters = counters_[key];
    const auto start_of = [&](int at) {
      const auto over = numbering.start_overrides.find(at);
      if (over != numbering.start_overrides.end()) return over->second;
      const auto lvl = level_of(numbering, at);
      return lvl ? lvl->start : 1;
    };
    counters.count(ref.level, start_of(ref.level));
    ListItem item;
    item.level = ref.level;
    if (this_level->style == NumberStyle::bullet) {
      item.label = visible_bullet(this_level->text);
      return item;
    }
    // "%1.%2." names the counters of levels 1 and 2, each in its own level's style.
    const std::string& text = this_level->text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const int at = text[i + 1] - '1';
        const auto lvl = level_of(numbering, at);
        const auto style = this_level->legal || !lvl ? NumberStyle::decimal : lvl->style;
        item.label += format_number(counters.value(at, start_of(at)), style);
        ++i;
      } else {
        item.label += text[i];
      }
    }
    return item;
  }

  // --- document.xml ---------------------------------------------------------

  void read_blocks(pugi::xml_node parent, std::vector<Block>& out) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      const auto name = w_.local_name(node);
      if (name == "p") {
        out.push_back(Block{read_paragraph(node)});
      } else if (name == "tbl") {
        out.push_back(Block{read_table(node)});
      } else if (name == "sdt") {
        read_blocks(w_.child(node, "sdtContent"), out);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        read_blocks(node, out);
      }
    }
  }

  SourceLocation where(pugi::xml_node node) const {
    return SourceLocation{main_->line_of(node), 0, 1};
  }

  struct RunStyle {
    bool bold = false;
    bool italic = false;
  };

  Paragraph read_paragraph(pugi::xml_node p) {
    const auto ppr = w_.child(p, "pPr");
    std::string style_id(w_.attribute(w_.child(ppr, "pStyle"), "val"));
    if (style_id.empty()) style_id = default_paragraph_style_;
    RunStyle paragraph_style;
    paragraph_style.bold =
        from_styles(style_id, [](const Style& s) { return s.bold; }).value_or(default_bold_);
    paragraph_style.italic =
        from_styles(style_id, [](const Style& s) { return s.italic; }).value_or(default_italic_);
    ParagraphBuilder builder;
    read_inline(p, builder, paragraph_style);
    auto paragraph = builder.finish(context_, main_->line_of(p));
    paragraph.heading_level = heading_level(style_id, ppr);
    const auto direct = numbering_ref(w_, ppr);
    if (direct) {
      paragraph.list = list_item(*direct);
    } else if (const auto styled =
                   from_styles(style_id, [](const Style& s) { return s.numbering; })) {
      // A style's numbering that draws nothing is a heading's outline
      // numbering set to none, not a list.
      auto item = list_item(*styled);
      if (item && !item->label.empty()) paragraph.list = std::move(item);
    }
    return paragraph;
  }

  RunStyle run_style(pugi::xml_node r, const RunStyle& paragraph_style) const {
    const auto rpr = w_.child(r, "rPr");
    const std::string char_style(w_.attribute(w_.child(rpr, "rStyle"), "val"));
    auto bold = toggle(w_, rpr, "b");
    if (!bold) bold = from_styles(char_style, [](const Style& s) { return s.bold; });
    auto italic = toggle(w_, rpr, "i");
    if (!italic) italic = from_styles(char_style, [](const Style& s) { return s.italic; });
    RunStyle style;
    style.bold = bold.value_or(paragraph_style.bold);
    style.italic = italic.value_or(paragraph_style.italic);
    return style;
  }

  void read_inline(pugi::xml_node parent, ParagraphBuilder& builder,
                   const RunStyle& paragraph_style) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      const auto name = w_.local_name(node);
      if (name == "r") {
        read_run(node, builder, run_style(node, paragraph_style));
      } else if (name == "hyperlink" || name == "ins" || name == "smartTag" ||
                 name == "customXml" || name == "fldSimple" || name == "moveTo" || name == "dir" ||
                 name == "bdo") {
        read_inline(node, builder, paragraph_style);
      } else if (name == "sdt") {
        read_inline(w_.child(node, "sdtContent"), builder, paragraph_style);
      }
      // w:del and w:moveFrom are deleted text; w:pPr, bookmarks and proofing
      // marks hold none.
    }
  }

  void read_run(pugi::xml_node r, ParagraphBuilder& builder, const RunStyle& style) {
    for (const auto node : r.children()) {
      const auto name = w_.local_name(node);
      if (name == "t") {
        builder.add(node.text().get(), style.bold, style.italic);
      } else if (name == "tab" || name == "ptab") {
        builder.tab();
      } else if (name == "br") {
        // Page and column breaks move text on the page but do not break the line's words.
        const std::string_view type = w_.attribute(node, "type");
        if (type.empty() || type == "textWrapping") builder.line_break();
      } else if (name == "cr") {
        builder.line_break();
      } else if (name == "noBreakHyphen") {
        builder.add("-", style.bold, style.italic);
      } else if (name == "sym") {
        const auto code = std::strtol(std::string(w_.attribute(node, "char")).c_str(), nullptr, 16);
        if (code >= 0xF000 && code <= 0xF0FF) {
          builder.add(visible_bullet(utf8_of(static_cast<int>(code))), style.bold, style.italic);
        }
      } else if (name == "drawing" || name == "pict" || name == "object") {
        context_.warn("skipped-drawing",
                      "pictures and text boxes are skipped: text inside them is not read",
                      where(node));
      }
    }
  }

  static std::string utf8_of(int code) {
    // [0xF000, 0xF0FF]: three bytes.
    std::string out;
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
    return out;
  }

  Table read_table(pugi::xml_node tbl) {
    const ReadContext::Nesting nesting(context_, true, where(tbl));
    TableBuilder builder(context_);
    int row = 0;
    read_rows(tbl, builder, row);
    return builder.finish({}, false, where(tbl));
  }

  void read_rows(pugi::xml_node parent, TableBuilder& builder, int& row) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      const auto name = w_.local_name(node);
      if (name == "tr") {
        read_row(node, builder, row);
        ++row;
      } else if (name == "sdt") {
        read_rows(w_.child(node, "sdtContent"), builder, row);
      } else if (name == "customXml") {
        read_rows(node, builder, row);
      }
    }
  }

  void read_row(pugi::xml_node tr, TableBuilder& builder, int row) {
    // w:gridBefore: grid columns the row leaves empty before its first cell.
    int column = xml_int(w_.attribute(w_.child(w_.child(tr, "trPr"), "gridBefore"), "val"), 0, 0,
                         kMaxColumns);
    read_cells(tr, builder, row, column);
  }

  void read_cells(pugi::xml_node parent, TableBuilder& builder, int row, int& column) {
    const ReadContext::Nesting nesting(context_, false, where(parent));
    for (const auto node : parent.children()) {
      const auto name = w_.local_name(node);
      if (name == "sdt") {
        read_cells(w_.child(node, "sdtContent"), builder, row, column);
        continue;
      }
      if (name == "customXml") {
        read_cells(node, builder, row, column);
        continue;
      }
      if (name != "tc") continue;
      const auto tcpr = w_.child(node, "tcPr");
      const int span = xml_int(w_.attribute(w_.child(tcpr, "gridSpan"), "val"), 1, 1, kMaxColumns);
      const auto vmerge = w_.child(tcpr, "vMerge");
      const std::string_view merge = w_.attribute(vmerge, "val");
      // "continue" (or no value) extends the merge above; its own content is
      // not shown. Without a merge above, Word shows it as a plain cell.
      if (!(vmerge && merge != "restart" && builder.extend_down(row, column))) {
        Cell cell;
        read_blocks(node, cell.blocks);
        builder.put(row, column, std::move(cell), 1, span, where(node));
      }
      column += span;
    }
  }

  ZipArchive& zip_;
  ReadContext& context_;
  std::unique_ptr<XmlPart> main_;
  Namespace w_;
  std::map<std::string, Style> styles_;
  std::string default_paragraph_style_;
  bool default_bold_ = false;
  bool default_italic_ = false;
  std::map<int, AbstractNumbering> abstracts_;
  std::map<int, Numbering> nums_;
  std::map<std::string, ListCounters> counters_;
};

}  // namespace

Document read_docx(ZipArchive& zip, ReadContext& context) {
  return DocxReader(zip, context).read();
}

}  // namespace tiendo::documents::detail
