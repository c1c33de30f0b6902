#include "phrases/tokens.hpp"

#include <utf8proc.h>

#include "text/text_fold.hpp"

namespace tiendo::phrases {

namespace {

enum class Class { space, digit, letter, sign };

Class classify(utf8proc_int32_t c) {
  if (c >= '0' && c <= '9') return Class::digit;
  if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0) {
    return Class::space;
  }
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return Class::space;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:  // combining marks: Vietnamese written in NFD
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Class::letter;
    default:
      return Class::sign;
  }
}

Tok sign_kind(utf8proc_int32_t c) {
  switch (c) {
    case '/':
      return Tok::slash;
    case '-':
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2212:  // minus
    case '~':
    case 0xFF5E:  // fullwidth tilde
    case 0x00F7:  // division sign: "Từ ngày 18/12/2023 ÷ 24/12/2023", a school's range
      return Tok::dash;
    case '.':
      return Tok::dot;
    case ',':
      return Tok::comma;
    case ';':
      return Tok::semicolon;
    case ':':
      return Tok::colon;
    case '(':
    case '[':
      return Tok::open;
    case ')':
    case ']':
      return Tok::close;
    default:
      return Tok::other;
  }
}

}  // namespace

Tokens tokenize(std::string_view text) {
  Tokens out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  bool space = false;
  Class run = Class::space;  // the class of the token being built
  const auto close_run = [&](std::size_t at) {
    if (run == Class::digit || run == Class::letter) {
      auto& t = out.list.back();
      t.end = static_cast<std::uint32_t>(at);
      const auto raw = text.substr(t.begin, t.end - t.begin);
      if (run == Class::letter) {
        t.text = detail::fold(raw);
      } else {
        t.text = std::string(raw);
        t.digits = static_cast<int>(raw.size());
        long long v = 0;
        for (const char d : raw) v = std::min<long long>(v * 10 + (d - '0'), 999'999'999);
        t.value = static_cast<int>(v);
      }
    }
    run = Class::space;
  };
  utf8proc_ssize_t i = 0;
  while (i < size) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(bytes + i, size - i, &c);
    if (n <= 0) {
      out.error = "not valid UTF-8 at byte " + std::to_string(i + 1);
      out.error_at = static_cast<std::size_t>(i);
      out.list.clear();
      return out;
    }
    const auto at = static_cast<std::size_t>(i);
    const auto cls = classify(c);
    if (cls != run) close_run(at);
    if (cls == Class::space) {
      space = true;
    } else if (cls == Class::sign) {
      Token t;
      t.kind = sign_kind(c);
      t.begin = static_cast<std::uint32_t>(at);
      t.end = static_cast<std::uint32_t>(at + static_cast<std::size_t>(n));
      t.text = std::string(text.substr(at, static_cast<std::size_t>(n)));
      t.space_before = space;
      space = false;
      out.list.push_back(std::move(t));
    } else if (cls != run) {
      Token t;
      t.kind = cls == Class::digit ? Tok::number : Tok::word;
      t.begin = static_cast<std::uint32_t>(at);
      t.space_before = space;
      space = false;
      out.list.push_back(std::move(t));
      run = cls;
    }
    i += n;
  }
  close_run(text.size());
  return out;
}

}  // namespace tiendo::phrases
