#pragma once
// One reader per format, each into the same Document (document.hpp).
// read_document (read_document.cpp) recognises the format and calls one.

#include <tiendo/documents/document.hpp>

#include <string_view>
#include <vector>

namespace tiendo::documents::detail {

class ReadContext;
class ZipArchive;

Document read_docx(ZipArchive& zip, ReadContext& context);
Document read_xlsx(ZipArchive& zip, ReadContext& context);
/// OpenDocument text (odt) or spreadsheet (ods): one reader, since both keep
/// their content in content.xml with the same tables.
Document read_odf(ZipArchive& zip, Format format, ReadContext& context);
/// A whole HTML file; `bytes` need not be UTF-8 when its charset says so.
Document read_html(std::string_view bytes, ReadContext& context);
/// An HTML fragment (a TSV cell's "<p>…</p><ul><li>…</li></ul>"), UTF-8;
/// `line` is where it starts in the file, for the paragraphs' lines.
std::vector<Block> read_html_fragment(std::string_view html, int line, ReadContext& context);
/// TSV or CSV (RFC 4180 quotes; tab, comma or semicolon, detected), UTF-8.
Document read_text_table(std::string_view text, ReadContext& context);

}  // namespace tiendo::documents::detail
