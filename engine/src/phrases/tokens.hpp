#pragma once
// The first stage of reading a time phrase: the text cut into tokens, each
// word folded (no case, no diacritics) and each token remembering the bytes
// of the original text it came from, so that what was read and what was not
// can be shown in the planner's own words.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::phrases {

enum class Tok : std::uint8_t {
  number,     ///< ASCII digits: "06", "2024"
  word,       ///< letters, folded: "truoc", "thang", "h" (of "17h00")
  slash,      ///< '/'
  dash,       ///< '-', '–', '—', '~' (a range or a date separator)
  dot,        ///< '.'
  comma,      ///< ','
  semicolon,  ///< ';'
  colon,      ///< ':'
  open,       ///< '(' or '['
  close,      ///< ')' or ']'
  other,      ///< any other sign: quotes, '½', '!'
};

struct Token {
  Tok kind = Tok::other;
  std::string text;         ///< folded word, digits, or the sign itself
  int value = 0;            ///< a number's value (capped at 999,999,999)
  int digits = 0;           ///< a number's digit count
  std::uint32_t begin = 0;  ///< byte range in the original phrase
  std::uint32_t end = 0;
  bool space_before = false;  ///< white space separates it from the token before

  bool is(Tok k) const { return kind == k; }
  bool is_word(std::string_view w) const { return kind == Tok::word && text == w; }
  /// A word or a number: what a reader could have meant something by.
  bool meaningful() const { return kind == Tok::word || kind == Tok::number; }
};

struct Tokens {
  std::vector<Token> list;
  std::string error;         ///< empty when the text is valid UTF-8
  std::size_t error_at = 0;  ///< byte offset of the invalid sequence
};

/// Cuts `text` into tokens. Invalid UTF-8 is an error (with its offset), not
/// a guess.
Tokens tokenize(std::string_view text);

}  // namespace tiendo::phrases
