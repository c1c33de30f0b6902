#pragma once
// The importer's diagnostics in both of the planner's languages: a place in
// the document said in Vietnamese ("bảng 2 dòng 4 cột 5", "đoạn 14"), and a
// warning made with its English and Vietnamese words at once, as the engine's
// message catalogue does for the plan reader (diagnostics.hpp says why).

#include <tiendo/diagnostics.hpp>

#include <string>

namespace tiendo::documents::import {

/// "table 1 row 6 column 2" → "bảng 1 dòng 6 cột 2"; "paragraph 40" →
/// "đoạn 40"; "sheet 'Phụ lục'" → "trang tính 'Phụ lục'".
std::string vietnamese_place(std::string where);

/// A diagnostic said in English and Vietnamese, with its suggestion in both.
Diagnostic said(Severity severity, std::string code, std::string english, std::string vietnamese,
                std::string suggestion = {}, std::string suggestion_vi = {});

}  // namespace tiendo::documents::import
