// read_document: what the bytes are, from their content, then the reader
// for it. File names lie (a .doc renamed .docx, an .xls saved as "HTML"),
// content does not.

#include <tiendo/documents/document.hpp>

#include <algorithm>
#include <cctype>
#include <new>
#include <string>

#include "read_context.hpp"
#include "readers.hpp"
#include "text.hpp"
#include "xml_part.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents {

namespace {

using detail::ReadContext;
using detail::ZipArchive;

constexpr std::string_view kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

bool contains_utf16le(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (const char c : ascii) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

/// Legacy Office files and encrypted OOXML share one container (OLE2); the
/// names of its streams, in UTF-16, say which it is. A look for a name is
/// enough to choose the advice: nothing in it is read.
[[noreturn]] void refuse_ole2(std::string_view bytes, std::string_view file_name,
                              ReadContext& context) {
  const std::string name = "'" + std::string(file_name) + "'";
  if (contains_utf16le(bytes, "EncryptedPackage") || contains_utf16le(bytes, "EncryptionInfo")) {
    context.fail("encrypted",
                 name + " is protected with a password (an encrypted Word or Excel file)", {},
                 "open it, remove the password (File > Info > Protect Document), and save it as "
                 ".docx or .xlsx");
  }
  const bool excel = contains_utf16le(bytes, "Workbook") || contains_utf16le(bytes, "Book");
  context.fail("legacy-format",
               name + " is a legacy " + (excel ? "Excel 97-2003 (.xls)" : "Word 97-2003 (.doc)") +
                   " file, or a password-protected one; tiendo reads .docx, .xlsx, .odt, .ods, "
                   "HTML, TSV and CSV",
               {},
               excel ? "open it in Excel or LibreOffice and save it as .xlsx, without a password"
                     : "open it in Word or LibreOffice and save it as .docx, without a password");
}

Format zip_format(ZipArchive& zip, std::string_view file_name, ReadContext& context) {
  const std::string name = "'" + std::string(file_name) + "'";
  if (const auto mimetype = zip.contains("mimetype") ? zip.read("mimetype") : std::nullopt) {
    if (mimetype->starts_with("application/vnd.oasis.opendocument.text")) return Format::odt;
    if (mimetype->starts_with("application/vnd.oasis.opendocument.spreadsheet")) return Format::ods;
    context.fail(
        "unsupported-format",
        name + " is an OpenDocument file of another kind ('" + mimetype->substr(0, 80) + "')", {},
        "tiendo reads text documents and spreadsheets");
  }
  const auto types = detail::read_xml_part(zip, "[Content_Types].xml", context);
  if (!types) {
    context.fail("unsupported-format",
                 name + " is a zip archive, but not a Word, Excel or OpenDocument file");
  }
  for (const auto node : types->root().children()) {
    const std::string_view type = node.attribute("ContentType").value();
    if (type.find("wordprocessingml.document.main") != std::string_view::npos ||
        type.find("wordprocessingml.template.main") != std::string_view::npos ||
        type.find("ms-word.document.macroEnabled.main") != std::string_view::npos) {
      return Format::docx;
    }
    if (type.find("spreadsheetml.sheet.main") != std::string_view::npos ||
        type.find("spreadsheetml.template.main") != std::string_view::npos ||
        type.find("ms-excel.sheet.macroEnabled.main") != std::string_view::npos) {
      return Format::xlsx;
    }
    if (type.find("presentationml") != std::string_view::npos) {
      context.fail("unsupported-format", name + " is a PowerPoint presentation", {},
                   "put the plan's table in a Word or Excel file");
    }
  }
  context.fail("unsupported-format",
               name + " is an Office package without a Word document or an Excel workbook");
}

/// UTF-16 (with its byte order mark) as UTF-8: Excel's "Unicode text" is
/// UTF-16LE TSV.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, ReadContext& context) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? static_cast<char32_t>(a | (b << 8))
                         : static_cast<char32_t>((a << 8) | b);
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 &&
        unit(i + 2) <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      context.fail("invalid-utf16",
                   "byte " + std::to_string(i) + ": a lone UTF-16 surrogate; the file is damaged");
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool starts_with_tag(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

/// HTML when it starts with a tag and names a document or table element
/// early on, or when its first line is not a row of tab-separated cells.
bool looks_like_html(std::string_view text) {
  if (!starts_with_tag(text)) return false;
  std::string head(text.substr(0, 65536));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<table"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  const auto line_end = text.find('\n');
  return text.substr(0, line_end).find('\t') == std::string_view::npos;
}

Document read_bytes(std::string_view bytes, std::string_view file_name, ReadContext& context) {
  const std::string name = "'" + std::string(file_name) + "'";
  if (bytes.empty()) context.fail("empty-file", name + " is empty");
  if (detail::looks_like_zip(bytes)) {
    ZipArchive zip(bytes, context);
    const auto format = zip_format(zip, file_name, context);
    switch (format) {
      case Format::docx:
        return detail::read_docx(zip, context);
      case Format::xlsx:
        return detail::read_xlsx(zip, context);
      default:
        return detail::read_odf(zip, format, context);
    }
  }
  if (bytes.starts_with(kOle2Magic)) refuse_ole2(bytes, file_name, context);
  if (bytes.starts_with("%PDF")) {
    context.fail("unsupported-format",
                 name + " is a PDF, which keeps no tables, only text placed on pages", {},
                 "import the Word or Excel file the PDF was made from");
  }
  if (bytes.starts_with("{\\rtf")) {
    context.fail("unsupported-format", name + " is an RTF document", {},
                 "open it in Word or LibreOffice and save it as .docx");
  }
  std::string converted;
  std::string_view text = bytes;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    converted = utf16_to_utf8(bytes, bytes[0] == '\xFF', context);
    text = converted;
  } else if (bytes.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  if (text.substr(0, 65536).find('\0') != std::string_view::npos) {
    context.fail("unsupported-format",
                 name + " is neither a document tiendo knows nor text (it holds NUL bytes)", {},
                 "tiendo reads .docx, .xlsx, .odt, .ods, HTML, TSV and CSV");
  }
  // HTML checks its own encoding: it may declare a legacy charset.
  if (looks_like_html(text)) return detail::read_html(text, context);
  if (const auto bad = detail::first_invalid_utf8(text)) {
    const auto at = detail::LineIndex(text).at(*bad);
    context.fail("invalid-utf8",
                 name + " is not UTF-8 text (byte " + std::to_string(*bad + 1) + ")", at,
                 "save the table as 'Unicode (UTF-8)' text or CSV");
  }
  return detail::read_text_table(text, context);
}

}  // namespace

DocumentResult read_document(std::string_view bytes, std::string_view file_name,
                             const ReadLimits& limits) {
  DocumentResult result;
  ReadContext context(limits, result.diagnostics);
  try {
    result.document = read_bytes(bytes, file_name, context);
  } catch (const detail::ReadAbort&) {
    // The error is in the diagnostics already.
  } catch (const std::bad_alloc&) {
    result.document.reset();
    Diagnostic d;
    d.code = "out-of-memory";
    d.message = "'" + std::string(file_name) + "' needs more memory than there is to read";
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

}  // namespace tiendo::documents
