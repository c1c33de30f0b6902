// libFuzzer targets for tiendo::documents (docs/documents.md, Fuzzing).
//
// TIENDO_FUZZ_TEXT: the input as a whole file: detection, HTML, TSV, CSV,
// and whatever else the bytes look like (OLE2, zips from the corpus).
// TIENDO_FUZZ_ZIP: the input's first byte chooses one XML part of a small
// valid package (docx, xlsx, odt, ods) and the rest replaces that part, so
// the fuzzer spends its time in the readers, not on zip checksums.
//
// Either way: no crash, no sanitizer report, and a document or an error.

#include <zip.h>
#include <tiendo/documents/document.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using tiendo::documents::ReadLimits;

ReadLimits fuzz_limits() {
  // Smaller than the defaults so that a run's memory stays in libFuzzer's
  // -rss_limit_mb; the code paths are the same.
  ReadLimits limits;
  limits.max_cells = 200'000;
  limits.max_paragraphs = 200'000;
  limits.max_entry_bytes = std::size_t{8} << 20;
  limits.max_total_bytes = std::size_t{32} << 20;
  return limits;
}

void read(std::string_view bytes, std::string_view name) {
  const auto result = tiendo::documents::read_document(bytes, name, fuzz_limits());
  if (result.document) {
    const auto text = tiendo::documents::dump(*result.document);
    if (text.empty()) std::abort();  // a dump always names the format
  } else if (result.diagnostics.empty()) {
    std::abort();  // no document must come with a reason
  }
}

#ifdef TIENDO_FUZZ_ZIP

using Part = std::pair<std::string, std::string>;

const char* const kDocxTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
const char* const kXlsxTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)";
const char* const kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
const char* const kX = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
const char* const kOdf =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")";

std::vector<Part> docx() {
  return {
      {"[Content_Types].xml", kDocxTypes},
      {"word/_rels/document.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>)"},
      {"word/document.xml", std::string("<w:document ") + kW +
                                "><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
                                "w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
                                "</w:body></w:document>"},
      {"word/styles.xml", std::string("<w:styles ") + kW + "/>"},
      {"word/numbering.xml",
       std::string("<w:numbering ") + kW +
           "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt "
           "w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num "
           "w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"}};
}

std::vector<Part> xlsx() {
  return {
      {"[Content_Types].xml", kXlsxTypes},
      {"xl/workbook.xml",
       std::string("<workbook ") + kX +
           R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="r3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       std::string("<worksheet ") + kX +
           R"(><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row></sheetData></worksheet>)"},
      {"xl/sharedStrings.xml", std::string("<sst ") + kX + "><si><t>x</t></si></sst>"},
      {"xl/styles.xml",
       std::string("<styleSheet ") + kX +
           R"(><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)"}};
}

std::vector<Part> odf(bool spreadsheet) {
  const std::string body =
      spreadsheet ? "<office:spreadsheet><table:table "
                    "table:name=\"S\"><table:table-row><table:table-cell><text:p>x</text:p></"
                    "table:table-cell></table:table-row></table:table></office:spreadsheet>"
                  : "<office:text><text:p>x</text:p></office:text>";
  return {{"mimetype", spreadsheet ? "application/vnd.oasis.opendocument.spreadsheet"
                                   : "application/vnd.oasis.opendocument.text"},
          {"content.xml", std::string("<office:document-content ") + kOdf + "><office:body>" +
                              body + "</office:body></office:document-content>"},
          {"styles.xml", std::string("<office:document-styles ") + kOdf + "/>"}};
}

/// The package and the index of the part the input replaces.
std::pair<std::vector<Part>, std::size_t> target(unsigned char selector) {
  switch (selector % 9) {
    case 0:
      return {docx(), 2};  // document.xml
    case 1:
      return {docx(), 3};  // styles.xml
    case 2:
      return {docx(), 4};  // numbering.xml
    case 3:
      return {xlsx(), 3};  // a sheet
    case 4:
      return {xlsx(), 4};  // shared strings
    case 5:
      return {xlsx(), 5};  // styles
    case 6:
      return {odf(false), 1};  // odt content
    case 7:
      return {odf(false), 2};  // odt styles
    default:
      return {odf(true), 1};  // ods content
  }
}

std::string zip_of(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : parts) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    const auto index = zip_file_add(archive, name.c_str(), data, 0);
    // Stored: deflating every input would cost more than reading it.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(archive);
  zip_stat_t stat;
  zip_source_stat(buffer, &stat);
  std::string out(stat.size, '\0');
  zip_source_open(buffer);
  zip_source_read(buffer, out.data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
#ifdef TIENDO_FUZZ_ZIP
  if (input.empty()) return 0;
  auto [parts, index] = target(static_cast<unsigned char>(input[0]));
  parts[index].second = std::string(input.substr(1));
  read(zip_of(parts), "fuzz");
#else
  read(input, "fuzz");
#endif
  return 0;
}
