#pragma once
// The words of time phrases that are lists rather than grammar: month and
// weekday names, numbers written out, Roman numerals, the years of the
// sexagenary cycle, and the words that say nothing about time.

#include <optional>
#include <string_view>
#include <vector>

#include "phrases/tokens.hpp"

namespace tiendo::phrases {

/// 1..12 for an English month name or its abbreviation ("may", "sept").
std::optional<int> english_month(std::string_view word);

/// 0 (Sunday) .. 6 for an English weekday name or abbreviation.
std::optional<int> english_weekday(std::string_view word);

/// A Roman numeral I..XXXIX, folded ("iv"); nullopt for any other word.
std::optional<int> roman(std::string_view word);

/// The heavenly stems and earthly branches, folded ("canh", "ty").
bool is_stem(std::string_view word);
bool is_branch(std::string_view word);

struct Counted {
  int value = 0;
  std::size_t end = 0;  ///< the token after the number
};

/// A number written in Vietnamese or English words from `i`: "sáu",
/// "hai mươi lăm", "mười", "nine", "twelve"; up to 99.
std::optional<Counted> spelled_number(const std::vector<Token>& t, std::size_t i);

/// A Vietnamese weekday from `i`: "thứ Hai" .. "thứ Bảy", "thứ 2" .. "thứ 7",
/// "Chủ nhật", "CN"; or an English one. Returns 0 (Sunday) .. 6.
std::optional<Counted> weekday_at(const std::vector<Token>& t, std::size_t i);

/// Words that carry no time and are read as nothing, silently: verbs of
/// carrying out ('triển khai', 'thực hiện', 'tổ chức') and the like. Returns
/// the token after the filler at `i`, or `i` when there is none.
std::size_t skip_filler(const std::vector<Token>& t, std::size_t i);

/// True when the words from `i` are the given folded words in order
/// ("cham nhat" matches the tokens 'chậm' 'nhất').
bool words_at(const std::vector<Token>& t, std::size_t i, std::string_view words);

/// How many tokens `words` spans (its words, separated by single spaces).
std::size_t word_count(std::string_view words);

}  // namespace tiendo::phrases
