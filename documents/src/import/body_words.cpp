// The words of a body item: see body_words.hpp.
#include "import/body_words.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "import/cell_items.hpp"

namespace tiendo::documents::import::body {
bool clean_time(const std::string& phrase, const PhraseContext& context, bool words_allowed) {
  if (phrase.size() < 4 || phrase.size() > 400) return false;
  const auto r = read_phrase(phrase, context);
  if (!r.ok() || (r.constraints.empty() && !r.meeting)) return false;
  if (words_allowed) return true;
  for (const auto& w : r.warnings) {
    if (w.code == "phrase-partly-read") return false;
  }
  return true;
}

std::string italic_text(const Paragraph& p) {
  std::string out;
  for (const auto& run : p.runs) {
    if (run.italic) out += run.text;
  }
  return trim(out);
}

bool is_roman(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

std::string without_marker(std::string_view text) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip_spaces();
  if (text.substr(i).starts_with("\xE2\x80\xA2") || text.substr(i).starts_with("\xE2\x80\x93 ")) {
    i += 3;  // • and – (an en dash)
  } else if (i < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == '*') &&
             i + 1 < text.size() && text[i + 1] == ' ') {
    i += 1;
  } else if (i + 1 < text.size() && text[i] == '*' &&
             (std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0 ||
              static_cast<unsigned char>(text[i + 1]) >= 0x80)) {
    i += 1;  // "*Từ 22.2 - 27.2: …", "*Chậm nhất 7.2.2021": a star before the word
  } else {
    std::size_t j = i;
    bool numbered = false;
    // 2. / 2.1. / 2.1 (digits and dots)
    while (j < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == '.'))
      ++j;
    if (j > i && j < text.size() && text[j] == ' ' &&
        (text[j - 1] == '.' || text.substr(i, j - i).find('.') != std::string_view::npos)) {
      numbered = true;
    } else if (j > i && text.substr(j).starts_with("/. ")) {
      j += 2;  // "1/. Tháng 01/2021:"
      numbered = true;
    } else if (j > i && j - i <= 5 && text.substr(j).starts_with("/ ")) {
      j += 1;  // "1/ Tổ chức …", "1.2/ Kiểm tra …" (a date has no space after its '/')
      numbered = true;
    } else if (j > i && j - i <= 2 && text.substr(j).starts_with("- ")) {
      j += 1;  // "1- Cấp cơ sở:" (not "15-30/8": no space after the dash there)
      numbered = true;
    }
    if (!numbered) {  // III- / IV. / a)
      j = i;
      while (j < text.size() && is_roman(text[j])) ++j;
      if (j > i && j < text.size() && (text[j] == '.' || text[j] == '-') && j + 1 < text.size() &&
          text[j + 1] == ' ') {
        j += 1;
        numbered = true;
      } else if (i + 1 < text.size() && std::islower(static_cast<unsigned char>(text[i])) != 0 &&
                 text[i + 1] == ')') {
        j = i + 2;
        numbered = true;
      }
    }
    if (numbered) i = j;
  }
  skip_spaces();
  return std::string(text.substr(i));
}

std::optional<std::pair<std::string, std::string>> phase_heading(const std::string& text) {
  const auto f = folded(text);
  if (!(f.starts_with("dot ") || f.starts_with("giai doan ") || f.starts_with("buoc ")))
    return std::nullopt;
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon > 40) return std::nullopt;
  return std::pair{trim(text.substr(0, colon)), trim(text.substr(colon + 1))};
}

std::string time_after_label(const std::string& text) {
  const auto f = folded(text);
  if (f.find("thoi gian:") == std::string::npos) return {};
  // Fold keeps the word boundaries but not the bytes: find the label's colon
  // in the original as the first ':' after a word "gian".
  auto at = text.find("gian");
  while (at != std::string::npos) {
    auto colon = at + 4;
    while (colon < text.size() && text[colon] == ' ') ++colon;
    if (colon < text.size() && text[colon] == ':') {
      auto rest = trim(text.substr(colon + 1));
      if (const auto stop = rest.find(". "); stop != std::string::npos)
        rest = rest.substr(0, stop + 1);
      return rest;
    }
    at = text.find("gian", at + 4);
  }
  return {};
}

namespace {

/// "… tại 7 địa phương.Ngày 03/03 …": a full stop typed without its space,
/// between a lower-case letter and a capital (not "TP.Hồ Chí Minh", "v.v.").
bool stop_without_space(const std::string& text, std::size_t dot) {
  if (dot == 0 || dot + 1 >= text.size()) return false;
  const auto before = static_cast<unsigned char>(text[dot - 1]);
  if (!(before >= 'a' && before <= 'z') && before < 0x80) return false;
  if (before >= 0x80) {
    // The letter before ends a multi-byte character: find its start.
    std::size_t start = dot - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    utf8proc_int32_t c = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + start);
    if (utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(dot - start), &c) <= 0 ||
        !utf8proc_islower(c)) {
      return false;
    }
  }
  utf8proc_int32_t next = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + dot + 1);
  return utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - dot - 1), &next) > 0 &&
         utf8proc_isupper(next);
}

}  // namespace

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool end = (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' ||
                                         stop_without_space(text, i))) ||
                     text[i] == ';' || text[i] == '\n';
    if (!end) continue;
    out.push_back(trim(text.substr(begin, i - begin)));
    begin = i + 1;
  }
  if (begin < text.size()) out.push_back(trim(text.substr(begin)));
  std::erase_if(out, [](const std::string& s) { return s.empty(); });
  return out;
}

std::string shortened(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const auto cut = text.rfind(' ', limit);
  return text.substr(0, cut == std::string::npos ? limit : cut) + " …";
}

std::string name_without(std::string text, const std::string& time, std::size_t limit) {
  if (const auto at = text.rfind(time); !time.empty() && at != std::string::npos) {
    text.erase(at, time.size());
  }
  text = trim(text);
  if (!text.empty() && text.front() == '(') {
    const auto close = text.find(')');
    if (close != std::string::npos && close <= 5) text = trim(text.substr(close + 1));
    // "(PLO)- Kỳ thi …": a news agency's mark and its dash.
    if (text.starts_with("- ") || text.starts_with("-")) text = trim(text.substr(1));
  }
  while (!text.empty() &&
         (text.back() == ':' || text.back() == '.' || text.back() == ',' || text.back() == ';' ||
          text.back() == '*' || text.back() == '(' || text.back() == '-')) {
    text.pop_back();
    text = trim(text);
    // "… của thành phố ( )": the parentheses the time was taken out of.
    if (text.ends_with("( )") || text.ends_with("()")) text = trim(text.substr(0, text.rfind('(')));
  }
  if (text.ends_with("( )") || text.ends_with("()")) text = trim(text.substr(0, text.rfind('(')));
  // "… thời hạn nhận tác phẩm sẽ [kết thúc vào ngày …]": the tense the time took.
  if (text.ends_with(" sẽ")) text = trim(text.substr(0, text.size() - 4));
  return shortened(std::move(text), limit);
}

bool starts_with_any(const std::string& f, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return f.starts_with(w); });
}

bool upper_case(const std::string& text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0;
  bool letter = false;
  while (at < static_cast<utf8proc_ssize_t>(text.size())) {
    utf8proc_int32_t c = 0;
    const auto n =
        utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size()) - at, &c);
    if (n <= 0) return false;
    at += n;
    if (utf8proc_islower(c)) return false;
    letter = letter || utf8proc_isupper(c);
  }
  return letter;
}

bool preamble(const std::string& f) {
  // The grounds ("Căn cứ Luật …", "Thực hiện Kế hoạch số …", "Theo đề nghị
  // …"): one detector for the whole importer (cell_items), so that a table
  // cell and a body paragraph are judged alike.
  if (import::preamble(f)) return true;
  if (starts_with_any(f,
                      {"thuc hien theo", "can cu noi dung", "can cu quy che", "can cu dieu le"})) {
    return true;
  }
  // What is no part of the document: the addressee and a web page's lines
  // about the posting.
  if (starts_with_any(f, {"kinh gui", "cap nhat", "ngay dang", "dang ngay", "chuyen muc", "nguon",
                          "tac gia", "so:"})) {
    return true;
  }
  // "Số 12/KH-UBND": the number line; "Sở GD&ĐT Hà Nội yêu cầu …" folds
  // alike but is a sentence of the body.
  if (f.starts_with("so ") && f.size() > 3 && f[3] >= '0' && f[3] <= '9') return true;
  return f.find("cong ttdt") != std::string::npos || f.find("duoc dang ngay") != std::string::npos;
}

std::optional<SeparateDays> separate_days(const std::string& text) {
  // "26, 28, 29/3/2017"; "18, 19 và 28-11" (with a dash, as the page writes days).
  static const std::regex list(
      R"(([0-9]{1,2})((?:, ?[0-9]{1,2})+)(?: và ([0-9]{1,2}))?([/\-])([0-9]{1,2})(([/\-])[0-9]{4})?)");
  std::smatch m;
  if (!std::regex_search(text, m, list)) return std::nullopt;
  std::vector<int> days{std::stoi(m[1].str())};
  static const std::regex number(R"([0-9]{1,2})");
  const auto more = m[2].str();
  for (std::sregex_iterator it(more.begin(), more.end(), number), end; it != end; ++it) {
    days.push_back(std::stoi(it->str()));
  }
  if (m[3].matched) days.push_back(std::stoi(m[3].str()));
  bool run = true;
  for (std::size_t k = 1; k < days.size(); ++k) run = run && days[k] == days[k - 1] + 1;
  if (run || days.size() > 31) return std::nullopt;
  const auto tail = m[4].str() + m[5].str() + m[6].str();
  std::vector<std::string> others;
  for (std::size_t k = 1; k < days.size(); ++k) others.push_back(std::to_string(days[k]) + tail);
  auto first = text;
  const auto at = static_cast<std::size_t>(m.position(0));
  first.replace(at, static_cast<std::size_t>(m.length(0)), std::to_string(days[0]) + tail);
  return SeparateDays{first, others, at};
}

std::string without_replaced_day(std::string text) {
  static const std::regex replaced(
      R"([Tt]hay cho[^0-9]{0,40}?[0-9]{1,2}[/.\-][0-9]{1,2}([/.\-][0-9]{2,4})?)");
  std::smatch m;
  if (!std::regex_search(text, m, replaced)) return text;
  const auto at = static_cast<std::size_t>(m.position(0));
  text.replace(at, static_cast<std::size_t>(m.length(0)), static_cast<std::size_t>(m.length(0)),
               ' ');
  return text;
}

bool reports_issuing(const std::string& f) {
  if (f.find("co hieu luc") != std::string::npos) return true;  // "… có hiệu lực từ ngày …"
  // "Ngày 24/11 … đã ký văn bản số 1117/ĐCT-TG …": the day a document was signed.
  if (f.find("da ky ") != std::string::npos &&
      (f.find("van ban") != std::string::npos || f.find(" so ") != std::string::npos)) {
    return true;
  }
  for (auto at = f.find("ban hanh"); at != std::string::npos; at = f.find("ban hanh", at + 1)) {
    if (at >= 5 && f.compare(at - 5, 5, "ngay ") == 0) continue;  // "từ ngày ban hành kế hoạch"
    const auto rest = f.substr(std::min(at + 9, f.size()));
    if (starts_with_any(rest, {"ke hoach", "quyet dinh", "thong bao", "cong van", "chi thi",
                               "huong dan", "nghi quyet", "van ban"})) {
      return true;
    }
  }
  return false;
}

std::string subject_of(const std::string& title) {
  auto rest = trim(title);
  for (bool cut = true; cut;) {
    cut = false;
    const auto f = folded(rest);
    for (const std::string_view lead :
         {"ke hoach ", "thong bao ", "chuong trinh ", "to chuc ", "ve viec ", "v/v "}) {
      if (f.starts_with(lead)) {
        const auto words = std::count(lead.begin(), lead.end(), ' ');
        for (std::ptrdiff_t i = 0; i < words && rest.find(' ') != std::string::npos; ++i)
          rest = trim(rest.substr(rest.find(' ') + 1));
        cut = true;
        break;
      }
    }
  }
  return rest.size() > 3 ? shortened(rest, 160) : std::string{};
}

bool posting_line(const std::string& raw) {
  // "Kiều Vũ LDO | 21/10/2023 09:47": a byline, then the posting line.
  if (const auto bar = raw.rfind('|'); bar != std::string::npos && bar > 0) {
    return posting_line(raw.substr(bar + 1));
  }
  const auto f = folded(trim(raw));
  if (f.size() > 40 || f.find(':') == std::string::npos) return false;
  for (const char c : f) {
    const bool allowed = (c >= '0' && c <= '9') || c == '/' || c == '-' || c == ':' || c == ' ' ||
                         c == ',' || c == 's' || c == 'a' || c == 'c' || c == 'h' || c == 'p' ||
                         c == 'm';
    if (!allowed) return false;
  }
  return f.find('/') != std::string::npos || f.find('-') != std::string::npos;
}

bool announces_list(const std::string& text) {
  auto f = folded(trim(text));
  while (!f.empty() && (f.back() == ':' || f.back() == ' ')) f.pop_back();
  for (const std::string_view tail :
       {"nhu sau", "cu the", "gom", "sau day", "bao gom", "duoi day"}) {
    if (f.ends_with(tail)) return true;
  }
  return f.ends_with(")") ? false : true;
}

bool session_words(const std::string& text) {
  auto f = folded(trim(text));
  while (!f.empty() && (f.back() == ',' || f.back() == ':')) f.pop_back();
  return f == "sang" || f == "chieu" || f == "toi" || f == "buoi sang" || f == "buoi chieu" ||
         f == "buoi toi";
}

bool ceremony(const std::string& text) {
  auto f = folded(trim(text));
  if (f.starts_with("to chuc ")) f = f.substr(8);
  return starts_with_any(f, {"dai hoi ", "le ", "hoi nghi ", "hoi thi ", "ky hop ", "khai giang",
                             "be giang", "ngay bau cu"});
}

bool has_digit_in(const std::string& text) {
  return text.find_first_of("0123456789") != std::string::npos;
}

std::string item_words(const std::string& value, const TimeInText& time) {
  auto before = trim(value.substr(0, time.begin));
  auto after = trim(value.substr(time.end));
  while (!after.empty() && (after.front() == '.' || after.front() == ',' || after.front() == ';' ||
                            after.front() == ':'))
    after = trim(after.substr(1));
  const bool remark = after.starts_with("-") || after.starts_with("\xE2\x80\x93") ||
                      (after.starts_with("(") && after.find(')') + 1 >= after.size());
  if (remark) after.clear();
  for (const std::string_view connective :
       {"theo do,", "ngoai ra,", "trong do,", "dong thoi,", "theo do "}) {
    if (folded(before).starts_with(connective)) {
      before = trim(before.substr(before.find(',') + 1));
      break;
    }
  }
  auto out = trim(before + " " + after);
  for (auto at = out.find("  "); at != std::string::npos; at = out.find("  ")) out.erase(at, 1);
  // "… trên địa bàn tỉnh là [29/8]": the verb that led to the time.
  for (const std::string_view verb : {" là", " vào", " lúc", " sẽ"}) {
    if (out.ends_with(verb)) out = trim(out.substr(0, out.size() - verb.size()));
  }
  return out;
}

bool asks_by(const std::string& f) {
  for (const std::string_view bound : {"truoc ", "cham nhat", "han chot", "han nop", "han cuoi"}) {
    if (f.find(bound) != std::string::npos) return true;
  }
  return false;
}

bool generic_time_label(const std::string& label) {
  const auto f = folded(label);
  if (!f.starts_with("thoi gian")) return false;
  const auto rest = trim(f.substr(9));
  return rest.empty() || rest == "to chuc" || rest == "thuc hien" || rest == "dien ra" ||
         rest == "du kien";
}

std::pair<std::string, std::string> label_split(const std::string& text) {
  for (auto colon = text.find(':'); colon != std::string::npos; colon = text.find(':', colon + 1)) {
    if (colon + 1 < text.size() && text[colon + 1] != ' ') continue;
    const auto label = trim(text.substr(0, colon));
    if (label.empty() || has_date(label) || label.size() > 300) return {{}, text};
    return {label, trim(text.substr(colon + 1))};
  }
  return {{}, text};
}

std::vector<std::string> inline_items(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 3 < text.size(); ++i) {
    if (text.compare(i, 3, " + ") != 0 && text.compare(i, 3, " - ") != 0) continue;
    // "30-4 và 1-5", "Phát thanh - Truyền hình": an item starts after ':' or '.'.
    const auto before = text.find_last_not_of(' ', i);
    if (before == std::string::npos || (text[before] != ':' && text[before] != '.')) continue;
    parts.push_back(trim(text.substr(begin, i - begin)));
    begin = i + 3;
  }
  parts.push_back(trim(text.substr(begin)));
  return parts;
}

bool single_day(const std::string& time, const PhraseContext& context) {
  const auto r = read_phrase(time, context);
  return r.ok() && !r.meeting && r.constraints.size() == 1 &&
         r.constraints[0].kind == ConstraintKind::start_on;
}

std::string without_announcing_clause(const std::string& text) {
  const auto cut = text.find_last_of(";");
  if (cut == std::string::npos) return {};
  const auto tail = folded(text.substr(cut + 1));
  for (const std::string_view w : {"cu the nhu sau", "nhu sau", "cu the:", "gom:"}) {
    if (tail.find(w) != std::string::npos) return trim(text.substr(0, cut));
  }
  return {};
}

bool plan_title(const std::string& text) {
  const auto raw = trim(text);
  return folded(raw).starts_with("ke hoach") && !raw.ends_with('.');
}

}  // namespace tiendo::documents::import::body
