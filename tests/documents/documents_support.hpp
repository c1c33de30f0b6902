#pragma once

#include <tiendo/plan.hpp>
// Shared by the document tests: the committed files, and zip packages made
// at run time with libzip (hostile ones included), so no malicious file
// needs to sit in the repository.

#include <gtest/gtest.h>
#include <zip.h>
#include <tiendo/documents/document.hpp>
#include <tiendo/files.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tiendo::documents::test {

inline std::string source_path(const std::string& relative) {
  return std::string(TIENDO_SOURCE_DIR) + "/" + relative;
}

inline std::string data_path(const std::string& relative) {
  return source_path("tests/data/" + relative);
}

inline std::string bytes_of(const std::string& relative) {
  const auto file = read_file(data_path(relative));
  if (!file.text) throw std::runtime_error(file.error);
  return *file.text;
}

/// The document, failing the test with the diagnostics when there is none.
inline Document read_ok(const std::string& relative) {
  const auto result = read_document(bytes_of(relative), relative);
  std::string messages;
  for (const auto& d : result.diagnostics) messages += format_diagnostic(d, relative, "");
  EXPECT_TRUE(result.document) << messages;
  return result.document ? *result.document : Document{};
}

struct Entry {
  std::string name;
  std::string content;
  bool encrypted = false;
  bool stored = false;  ///< no compression
};

/// A zip archive in memory.
inline std::string make_zip(const std::vector<Entry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(buffer);  // read it back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source");
  for (const auto& entry : entries) {
    zip_source_t* data = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    const auto index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add");
    const auto at = static_cast<zip_uint64_t>(index);
    if (entry.stored) zip_set_file_compression(archive, at, ZIP_CM_STORE, 0);
    if (entry.encrypted && zip_file_set_encryption(archive, at, ZIP_EM_AES_256, "secret") != 0) {
      throw std::runtime_error(std::string("zip_file_set_encryption: ") + zip_strerror(archive));
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
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

inline const char* kDocxTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>)";

inline const char* kXlsxTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>)";

/// word/document.xml around `body` (paragraphs and tables in w: markup).
inline std::string document_xml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
         body + "</w:body></w:document>";
}

inline std::string make_docx(const std::string& document) {
  return make_zip({{"[Content_Types].xml", kDocxTypes}, {"word/document.xml", document}});
}

/// A workbook whose sheets are the given worksheet parts.
inline std::string make_xlsx(const std::vector<std::string>& sheets) {
  std::string workbook =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<Entry> entries = {{"[Content_Types].xml", kXlsxTypes}};
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const auto n = std::to_string(i + 1);
    workbook += "<sheet name=\"S" + n + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    entries.push_back({"xl/worksheets/sheet" + n + ".xml", sheets[i]});
  }
  entries.push_back({"xl/workbook.xml", workbook + "</sheets></workbook>"});
  entries.push_back({"xl/_rels/workbook.xml.rels", rels + "</Relationships>"});
  return make_zip(entries);
}

inline std::string worksheet(const std::string& sheet_data) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

/// The only diagnostic's code, "" when reading succeeded.
inline std::string error_code(const DocumentResult& result) {
  if (result.document) return "";
  return result.diagnostics.empty() ? "?" : result.diagnostics.back().code;
}

inline std::string error_message(const DocumentResult& result) {
  return result.diagnostics.empty() ? "" : result.diagnostics.back().message;
}

/// The guess `plan` names for `key` of a `kind` ("plan", "event", "task",
/// "step", "committee") whose id holds `subject` (empty: any), or null: each
/// guess the import makes is part of the plan (`guessed:`).
inline const Guess* guess_of(const Plan& plan, std::string_view kind, std::string_view subject,
                             std::string_view key) {
  for (const auto& g : plan.guesses) {
    if (g.subject_kind == kind && g.subject.find(subject) != std::string::npos && g.key == key) {
      return &g;
    }
  }
  return nullptr;
}

}  // namespace tiendo::documents::test
