#pragma once
// Loose matching of Vietnamese text: what a planner types with or without
// diacritics, in any case, NFC or NFD, compares equal. utf8proc does the
// Unicode work (normalisation, case folding, stripping combining marks).

#include <string>
#include <string_view>

namespace tiendo::detail {

/// Case-folded, without diacritics ('đ' becomes 'd'), white space collapsed
/// to single spaces and trimmed: "Tại  Kỳ HỌP" and "tai ky hop" fold alike.
std::string fold(std::string_view text);

/// True when `text` starts with an upper-case letter (any script).
bool starts_upper(std::string_view text);

}  // namespace tiendo::detail
