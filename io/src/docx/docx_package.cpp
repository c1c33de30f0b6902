// The .docx package: the document model as WordprocessingML (pugixml), and
// the parts zipped in memory (libzip). Only what Word, LibreOffice and pandoc
// need is written: content types, relationships, the document, its styles
// (Times New Roman as the default font) and the core properties (the title).
#include <tiendo/io/docx.hpp>

#include <zip.h>
#include <pugixml.hpp>

#include <memory>
#include <sstream>
#include <string_view>

#include "xml_text.hpp"

namespace tiendo::io {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A4 in twentieths of a point, and the margins of the Government's decree on
// administrative documents (30/2020/NĐ-CP): top and bottom 20 mm, left 30 mm
// (the binding), right 15 mm.
constexpr int kA4Short = 11906;
constexpr int kA4Long = 16838;
constexpr int kMarginTop = 1134;
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1701;
constexpr int kMarginRight = 851;

pugi::xml_node add(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

/// `<name w:val="value"/>`.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, const std::string& value) {
  auto node = parent.append_child(name);
  node.append_attribute("w:val") = value.c_str();
  return node;
}

const char* align_name(DocxAlign align) {
  switch (align) {
    case DocxAlign::center:
      return "center";
    case DocxAlign::right:
      return "right";
    case DocxAlign::both:
      return "both";
    case DocxAlign::left:
      break;
  }
  return "left";
}

/// Text with its line breaks: `w:t` pieces between `w:br`. Leading and
/// trailing spaces are kept (xml:space), as Word would.
void add_text(pugi::xml_node run, std::string_view text) {
  std::size_t begin = 0;
  while (true) {
    const auto end = text.find('\n', begin);
    const auto piece = text.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (!piece.empty()) {
      auto t = add(run, "w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text().set(xml_safe(piece).c_str());
    }
    if (end == std::string_view::npos) break;
    add(run, "w:br");
    begin = end + 1;
  }
}

void add_paragraph(pugi::xml_node parent, const DocxParagraph& paragraph) {
  auto p = add(parent, "w:p");
  auto ppr = add(p, "w:pPr");
  if (paragraph.rule_below) {
    // A short centred rule, as under "Độc lập - Tự do - Hạnh phúc".
    auto border = add(add(ppr, "w:pBdr"), "w:bottom");
    border.append_attribute("w:val") = "single";
    border.append_attribute("w:sz") = "6";
    border.append_attribute("w:space") = "1";
    border.append_attribute("w:color") = "auto";
  }
  auto spacing = add(ppr, "w:spacing");
  spacing.append_attribute("w:before") = "0";
  spacing.append_attribute("w:after") = std::to_string(paragraph.space_after).c_str();
  if (paragraph.rule_below) {
    auto ind = add(ppr, "w:ind");
    const auto indent = std::to_string(paragraph.rule_indent);
    ind.append_attribute("w:left") = indent.c_str();
    ind.append_attribute("w:right") = indent.c_str();
  }
  add_val(ppr, "w:jc", align_name(paragraph.align));
  for (const auto& r : paragraph.runs) {
    auto run = add(p, "w:r");
    auto rpr = add(run, "w:rPr");
    if (r.bold) add(rpr, "w:b");
    if (r.italic) add(rpr, "w:i");
    if (r.underline) add_val(rpr, "w:u", "single");
    if (r.half_points > 0) {
      add_val(rpr, "w:sz", std::to_string(r.half_points));
      add_val(rpr, "w:szCs", std::to_string(r.half_points));
    }
    add_text(run, r.text);
  }
}

void add_borders(pugi::xml_node tbl_pr, bool visible) {
  auto borders = add(tbl_pr, "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto b = add(borders, side);
    b.append_attribute("w:val") = visible ? "single" : "nil";
    if (visible) {
      b.append_attribute("w:sz") = "4";
      b.append_attribute("w:space") = "0";
      b.append_attribute("w:color") = "auto";
    }
  }
}

void add_table(pugi::xml_node parent, const DocxTable& table) {
  auto tbl = add(parent, "w:tbl");
  auto tbl_pr = add(tbl, "w:tblPr");
  int total = 0;
  for (const auto w : table.widths) total += w;
  auto width = add(tbl_pr, "w:tblW");
  width.append_attribute("w:w") = std::to_string(total).c_str();
  width.append_attribute("w:type") = "dxa";
  add_val(tbl_pr, "w:jc", "center");
  add_borders(tbl_pr, table.borders);
  add_val(tbl_pr, "w:tblLayout", "fixed");
  auto margins = add(tbl_pr, "w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    auto m = add(margins, side);
    m.append_attribute("w:w") = "85";
    m.append_attribute("w:type") = "dxa";
  }
  auto grid = add(tbl, "w:tblGrid");
  for (const auto w : table.widths) {
    add(grid, "w:gridCol").append_attribute("w:w") = std::to_string(w).c_str();
  }
  for (const auto& row : table.rows) {
    auto tr = add(tbl, "w:tr");
    auto tr_pr = add(tr, "w:trPr");
    if (row.cant_split) add(tr_pr, "w:cantSplit");
    if (row.header) add(tr_pr, "w:tblHeader");
    std::size_t column = 0;
    for (const auto& cell : row.cells) {
      auto tc = add(tr, "w:tc");
      auto tc_pr = add(tc, "w:tcPr");
      int cell_width = 0;
      for (int k = 0; k < cell.span && column + static_cast<std::size_t>(k) < table.widths.size();
           ++k) {
        cell_width += table.widths[column + static_cast<std::size_t>(k)];
      }
      column += static_cast<std::size_t>(cell.span);
      auto tc_w = add(tc_pr, "w:tcW");
      tc_w.append_attribute("w:w") = std::to_string(cell_width).c_str();
      tc_w.append_attribute("w:type") = "dxa";
      if (cell.span > 1) add_val(tc_pr, "w:gridSpan", std::to_string(cell.span));
      if (cell.merge == DocxCell::Merge::restart) add_val(tc_pr, "w:vMerge", "restart");
      if (cell.merge == DocxCell::Merge::next) add(tc_pr, "w:vMerge");
      if (table.borders) add_val(tc_pr, "w:vAlign", "center");
      // A cell must hold a paragraph, even when empty or merged away.
      if (cell.paragraphs.empty()) {
        add_paragraph(tc, DocxParagraph{});
      } else {
        for (const auto& p : cell.paragraphs) {
          DocxParagraph sized = p;
          for (auto& r : sized.runs) {
            if (r.half_points == 0) r.half_points = table.half_points;
          }
          add_paragraph(tc, sized);
        }
      }
    }
  }
}

void add_section(pugi::xml_node body, bool landscape) {
  auto sect = add(body, "w:sectPr");
  auto size = add(sect, "w:pgSz");
  size.append_attribute("w:w") = std::to_string(landscape ? kA4Long : kA4Short).c_str();
  size.append_attribute("w:h") = std::to_string(landscape ? kA4Short : kA4Long).c_str();
  if (landscape) size.append_attribute("w:orient") = "landscape";
  auto margins = add(sect, "w:pgMar");
  margins.append_attribute("w:top") = std::to_string(kMarginTop).c_str();
  margins.append_attribute("w:right") = std::to_string(kMarginRight).c_str();
  margins.append_attribute("w:bottom") = std::to_string(kMarginBottom).c_str();
  margins.append_attribute("w:left") = std::to_string(kMarginLeft).c_str();
  margins.append_attribute("w:header") = "720";
  margins.append_attribute("w:footer") = "720";
  margins.append_attribute("w:gutter") = "0";
}

std::string to_xml(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(out).str();
}

pugi::xml_document new_part() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

std::string document_part(const DocxDocument& document) {
  auto doc = new_part();
  auto root = doc.append_child("w:document");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  auto body = add(root, "w:body");
  for (const auto& block : document.body) {
    if (const auto* p = std::get_if<DocxParagraph>(&block)) {
      add_paragraph(body, *p);
    } else {
      add_table(body, std::get<DocxTable>(block));
      // Word needs a paragraph between two tables, or it joins them.
      add_paragraph(body, DocxParagraph{});
    }
  }
  add_section(body, document.landscape);
  return to_xml(doc);
}

std::string styles_part(int half_points) {
  auto doc = new_part();
  auto root = doc.append_child("w:styles");
  root.append_attribute("xmlns:w") = kW;
  auto rpr = add(add(add(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
  auto fonts = add(rpr, "w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"}) {
    fonts.append_attribute(a) = "Times New Roman";
  }
  add_val(rpr, "w:sz", std::to_string(half_points));
  add_val(rpr, "w:szCs", std::to_string(half_points));
  add_val(rpr, "w:lang", "vi-VN");
  auto normal = add(root, "w:style");
  normal.append_attribute("w:type") = "paragraph";
  normal.append_attribute("w:default") = "1";
  normal.append_attribute("w:styleId") = "Normal";
  add_val(normal, "w:name", "Normal");
  auto table = add(root, "w:style");
  table.append_attribute("w:type") = "table";
  table.append_attribute("w:default") = "1";
  table.append_attribute("w:styleId") = "TableNormal";
  add_val(table, "w:name", "Normal Table");
  return to_xml(doc);
}

std::string core_part(const std::string& title) {
  auto doc = new_part();
  auto root = doc.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  add(root, "dc:title").text().set(xml_safe(title).c_str());
  add(root, "dc:creator").text().set("tiendo");
  return to_xml(doc);
}

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

constexpr const char* kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

constexpr const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipSourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct ZipErrorFini {
  void operator()(zip_error_t* error) const { zip_error_fini(error); }
};

/// The parts zipped in memory; the archive is discarded (nothing half made)
/// on any error.
std::optional<std::string> zip_parts(const std::vector<std::pair<std::string, std::string>>& parts,
                                     std::string& error) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  const std::unique_ptr<zip_error_t, ZipErrorFini> error_guard(&zip_error);
  const std::unique_ptr<zip_source_t, ZipSourceFree> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &zip_error));
  if (!buffer) {
    error = "libzip: cannot make a buffer";
    return std::nullopt;
  }
  // Kept for reading back after zip_close, which would otherwise free it.
  zip_source_keep(buffer.get());
  std::unique_ptr<zip_t, ZipDiscard> archive(
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zip_error));
  if (!archive) {
    zip_source_free(buffer.get());  // the reference zip_open_from_source did not take
    error = std::string("libzip: ") + zip_error_strerror(&zip_error);
    return std::nullopt;
  }
  for (const auto& [name, content] : parts) {
    // The bytes are copied in when the archive is closed: `parts` outlives it.
    auto* data = zip_source_buffer(archive.get(), content.data(), content.size(), 0);
    if (data == nullptr) {
      error = std::string("libzip: ") + zip_strerror(archive.get());
      return std::nullopt;
    }
    if (zip_file_add(archive.get(), name.c_str(), data, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(data);
      error = std::string("libzip: ") + zip_strerror(archive.get());
      return std::nullopt;
    }
  }
  if (zip_close(archive.get()) != 0) {
    error = std::string("libzip: ") + zip_strerror(archive.get());
    return std::nullopt;
  }
  static_cast<void>(archive.release());  // closed: nothing left to discard
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    error = "libzip: cannot read the archive back";
    return std::nullopt;
  }
  std::string out(stat.size, '\0');
  const auto read = zip_source_read(buffer.get(), out.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    error = "libzip: cannot read the archive back";
    return std::nullopt;
  }
  return out;
}

}  // namespace

DocxParagraph::DocxParagraph(std::string text, bool bold, bool italic, DocxAlign align_)
    : align(align_) {
  runs.push_back({std::move(text), bold, italic, false, 0});
}

ExportResult write_docx(const DocxDocument& document) {
  ExportResult result;
  const std::vector<std::pair<std::string, std::string>> parts{
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRels},
      {"word/document.xml", document_part(document)},
      {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/styles.xml", styles_part(document.half_points)},
      {"docProps/core.xml", core_part(document.title)},
  };
  if (auto bytes = zip_parts(parts, result.error)) result.bytes = std::move(*bytes);
  return result;
}

}  // namespace tiendo::io
