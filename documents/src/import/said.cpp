#include "import/said.hpp"

#include <utility>

namespace tiendo::documents::import {

std::string vietnamese_place(std::string where) {
  for (const auto& [en, vi] : {std::pair<std::string, std::string>{"paragraph ", "đoạn "},
                               {"sheet ", "trang tính "},
                               {"table ", "bảng "},
                               {" row ", " dòng "},
                               {" column ", " cột "},
                               {"; and ", "; và "},
                               {" more", " nơi khác"}}) {
    for (auto at = where.find(en); at != std::string::npos; at = where.find(en, at + vi.size())) {
      where.replace(at, en.size(), vi);
    }
  }
  return where;
}

Diagnostic said(Severity severity, std::string code, std::string english, std::string vietnamese,
                std::string suggestion, std::string suggestion_vi) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(english);
  d.message_vi = std::move(vietnamese);
  d.suggestion = std::move(suggestion);
  d.suggestion_vi = std::move(suggestion_vi);
  return d;
}

}  // namespace tiendo::documents::import
