#include "import/body_times.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <regex>
#include <set>
#include <vector>

#include "import/cell_items.hpp"

namespace tiendo::documents::import {

namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

/// The value of a run of digits, capped: a day, a month or a year is short,
/// and "1555…5" (twenty digits) must not overflow.
int number(std::string_view s) {
  int n = 0;
  for (const char c : s) n = std::min(n * 10 + (c - '0'), 99'999'999);
  return n;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), is_digit);
}

/// One word of a clause, where it is, and its core: the word without the
/// punctuation around it ("(15/5/1941" → "15/5/1941", "28/7)." → "28/7").
struct Token {
  std::size_t begin = 0, end = 0;
  std::string_view raw, core;
  std::string fold;
  bool date = false;  ///< a day or a month of a time
};

bool opening(std::string_view s) {
  for (const std::string_view p : {"(", "\"", "\xE2\x80\x9C", "\xE2\x80\x98", "["}) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

std::string_view core_of(std::string_view raw) {
  while (!raw.empty() && opening(raw)) {
    raw.remove_prefix(raw.starts_with("(") || raw.starts_with("\"") || raw.starts_with("[") ? 1
                                                                                            : 3);
  }
  for (bool again = true; again && !raw.empty();) {
    again = false;
    for (const std::string_view p :
         {".", ",", ";", ":", ")", "\"", "]", "!", "?", "/", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
      if (raw.ends_with(p)) {
        raw.remove_suffix(p.size());
        again = true;
      }
    }
  }
  return raw;
}

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const auto begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i == begin) break;
    Token t;
    t.begin = begin;
    t.end = i;
    t.raw = text.substr(begin, i - begin);
    t.core = core_of(t.raw);
    t.fold = folded(t.core);
    out.push_back(std::move(t));
  }
  return out;
}

/// "22/5", "07/01/2021", "30-4-2016", "3.10" (after 'ngày'): a day and a
/// month, with a year or not. A dash or a dot needs the year, or 'ngày'
/// before it ("30-4" alone is a day's name: "Ngày chiến thắng 30-4").
bool numeric_day(std::string_view s, bool after_ngay) {
  // "26/9-30/9/2022", "13/3/2023-19/3/2023", "19/9-": two days joined by a
  // dash (or one with the dash of a range after it).
  if (const auto dash = s.find('-');
      dash != std::string_view::npos && s.substr(0, dash).find('/') != std::string_view::npos) {
    const auto left = s.substr(0, dash), right = s.substr(dash + 1);
    return numeric_day(left, true) && (right.empty() || numeric_day(right, true));
  }
  std::vector<std::string_view> parts;
  char separator = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '/' && s[i] != '-' && s[i] != '.') continue;
    if (i < s.size()) {
      // "21-29.10" after 'ngày': a range whose month follows a dot.
      const bool dotted_month = after_ngay && separator == '-' && s[i] == '.';
      if (separator != 0 && separator != s[i] && s[i] != '/' && !dotted_month) return false;
      if (separator == 0) separator = s[i];
    }
    parts.push_back(s.substr(begin, i - begin));
    begin = i + 1;
  }
  if (parts.size() < 2 || parts.size() > 4) return false;
  if (!std::all_of(parts.begin(), parts.end(), all_digits)) return false;
  // "15-30/8/2010", "15-30/8": days of one month, a range the phrase reader reads.
  if (separator == '-' && parts.size() >= 3 &&
      (s.find('/') != std::string_view::npos ||
       (after_ngay && s.find('.') != std::string_view::npos))) {
    const int from = number(parts[0]), to = number(parts[1]), month = number(parts[2]);
    const bool year = parts.size() == 3 || parts[3].size() == 4 || parts[3].size() == 2;
    return parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() <= 2 && from >= 1 &&
           from < to && to <= 31 && month >= 1 && month <= 12 && year;
  }
  if (parts.size() > 3) return false;
  if (parts[0].size() > 2 || parts[1].size() > 2) return false;
  const int d = number(parts[0]), m = number(parts[1]);
  if (d < 1 || d > 31 || m < 1 || m > 12) return false;
  if (parts.size() == 3) return parts[2].size() == 4 || parts[2].size() == 2;
  return separator == '/' || after_ngay;
}

/// "7", "01/2021" after 'tháng': a month.
bool month_number(std::string_view s) {
  // "12/2019", "12-2019" and "3.2014" alike.
  const auto slash = s.find_first_of("/-.");
  const auto m = s.substr(0, slash);
  if (!all_digits(m) || m.size() > 2 || number(m) < 1 || number(m) > 12) return false;
  return slash == std::string_view::npos ||
         (all_digits(s.substr(slash + 1)) && s.size() - slash - 1 == 4);
}

/// A quarter after 'quý': "IV/2013", "2/2018", "I.2022", "IV-2019", "II".
bool quarter_number(std::string_view s) {
  const auto separator = s.find_first_of("/-.");
  std::string q(s.substr(0, separator));
  for (auto& c : q) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 8> kQuarters{"I", "II", "III", "IV",
                                                             "1", "2",  "3",   "4"};
  if (std::find(kQuarters.begin(), kQuarters.end(), q) == kQuarters.end()) return false;
  return separator == std::string_view::npos ||
         (all_digits(s.substr(separator + 1)) && s.size() - separator - 1 == 4);
}

bool document_number(std::string_view s) {
  // "681/TB-UBND", "80-KH/ĐUVCL", "04/HD-BCĐ": digits, a slash or dash, capitals.
  const bool upper = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
                     s.find("\xC4\x90") != std::string_view::npos;  // Đ
  return has_digit(s) && upper &&
         (s.find('/') != std::string_view::npos || s.find('-') != std::string_view::npos);
}

/// The years a text names (1900–2199), in order.
std::vector<int> years_in(std::string_view text) {
  std::vector<int> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    auto j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j - i == 4) {
      const int y = number(text.substr(i, 4));
      if (y >= 1900 && y < 2200) out.push_back(y);
    }
    i = j;
  }
  return out;
}

bool time_word(std::string_view f);

/// Marks the tokens that are dates of a time, and not a cited document's
/// date nor an anniversary's.
void mark_dates(std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    const std::string_view prev = i > 0 ? std::string_view(tokens[i - 1].fold) : "";
    if (prev == "thang" && month_number(t.core)) {
      t.date = true;
    } else if (prev == "quy" && quarter_number(t.core) &&
               (i == 1 || time_word(tokens[i - 2].fold))) {
      // "từ quý IV/2013", "trong quý 2/2018", "Quý II/2024" leading a cell;
      // not "kết quả thực hiện nhiệm vụ quý I/2023" (what is reported on).
      t.date = true;
    } else if (prev == "thang" && (t.fold == "gieng" || t.fold == "chap") && i >= 2 &&
               all_digits(tokens[i - 2].core) && tokens[i - 2].core.size() <= 2) {
      t.date = true;  // "tối 14 tháng Giêng": a lunar day
    } else if (numeric_day(t.core, prev == "ngay" || prev == "den" || prev == "toi" ||
                                       prev == "het" || prev == "tu" || prev == "truoc" ||
                                       prev == "tuc" || prev == "sang" || prev == "chieu" ||
                                       // "Từ 22.2 - 27.2": the end of a range of days.
                                       ((prev == "-" || prev == "\xE2\x80\x93") && i >= 2 &&
                                        tokens[i - 2].date) ||
                                       (prev == "va" && i >= 2 && all_digits(tokens[i - 2].core) &&
                                        tokens[i - 2].core.size() <= 2))) {
      // "tức 24-12" (a day restated), "ngày 25 và 26-12" (days listed) too.
      // "từ ngày 1 đến 8-3", "đến hết 15-6", "từ 19-6": after a time word a
      // day-month written with a dash is a date.
      // "Thông báo số 681/TB-UBND ngày 19/7/2023": the document's date.
      t.date = !(prev == "ngay" && i >= 2 && document_number(tokens[i - 2].core));
    } else if (prev == "nam" && i >= 2 && tokens[i - 2].date && t.core.size() == 4 &&
               all_digits(t.core)) {
      t.date = true;  // "tháng 4 năm 2017"
    } else if (t.core.starts_with("/") && i > 0 && all_digits(tokens[i - 1].core) &&
               tokens[i - 1].core.size() <= 2 &&
               numeric_day(std::string(tokens[i - 1].core) + std::string(t.core), true)) {
      // "Ngày 30 /9/2017": a space typed before the slash.
      t.date = true;
    } else if (t.raw.starts_with("(") && t.raw.find(')') != std::string_view::npos &&
               numeric_day(t.core, true)) {
      t.date = true;  // "Ngày làm việc thứ Nhất (11-12)": a day in parentheses by itself
    }
  }
  // "(15/5/1941 - 15/5/2025)", "(26/3/1931 – 26/3/2024)": an anniversary's
  // years, no time of the clause.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].raw.starts_with("(")) continue;
    std::size_t j = i;
    while (j < tokens.size() && j < i + 8 && tokens[j].raw.find(')') == std::string_view::npos) ++j;
    if (j >= tokens.size()) break;
    std::vector<int> years;
    for (std::size_t k = i; k <= j; ++k) {
      for (const int y : years_in(tokens[k].core)) years.push_back(y);
    }
    if (years.size() >= 2 && *std::max_element(years.begin(), years.end()) -
                                     *std::min_element(years.begin(), years.end()) >
                                 1) {
      for (std::size_t k = i; k <= j; ++k) tokens[k].date = false;
    }
  }
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

/// Words that belong to a time: a time does not start right after one
/// ("trước 15 tháng 4" read from "15" would drop 'trước'; "muộn nhất là
/// ngày 5/9" read from "ngày" would make a deadline a start).
bool time_word(std::string_view f) {
  return one_of(
      f, {"tu",  "truoc",        "sau",    "den",  "toi",  "het", "vao",  "luc", "ngay", "thang",
          "nam", "trong",        "ke",     "giua", "cuoi", "dau", "cham", "han", "va",   "hoac",
          "-",   "\xE2\x80\x93", "khoang", "nhat", "qua",  "hon", "chot", "la"});
}

/// A word that folds to a time word but is written as another: "Sáu" (six)
/// is not 'sau' (after), "trọng" (weighty) not 'trong' (within), "đấu"
/// (play, "thi đấu") not 'đầu' (the beginning). Unmarked, a word keeps both.
bool folded_alike(const Token& t) {
  const auto marked = [&] {
    return std::any_of(t.raw.begin(), t.raw.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  };
  if (t.fold == "sau" || t.fold == "trong") return marked();
  // 'kể' (kể từ) is written with 'ể'; "thống kê" (statistics) with 'ê'.
  if (t.fold == "ke") {
    return t.raw.find("\xE1\xBB\x83") == std::string_view::npos &&
           t.raw.find("\xE1\xBB\x82") == std::string_view::npos && marked();
  }
  if (t.fold == "dau") {
    // 'đầu' is written with 'ầ'; 'đ' alone marks nothing.
    if (t.raw.find("\xE1\xBA\xA7") != std::string_view::npos ||
        t.raw.find("\xE1\xBA\xA6") != std::string_view::npos) {
      return false;
    }
    std::string rest(t.raw);
    for (const std::string_view d : {"\xC4\x91", "\xC4\x90"}) {
      for (auto at = rest.find(d); at != std::string::npos; at = rest.find(d)) rest.erase(at, 2);
    }
    return std::any_of(rest.begin(), rest.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  }
  return false;
}

/// Words a time starts with, when the reader cannot read all of it: kept
/// so, the plan says what was not read.
bool start_word(std::string_view f) {
  // "kết thúc vào ngày X", "hoàn thành vào ngày X": the verb makes the day
  // an end, so the time starts with it.
  return one_of(f, {"tu",  "truoc", "sau",  "den",   "vao",   "luc",  "ngay", "trong", "ke",
                    "bat", "du",    "cham", "han",   "thang", "giua", "cuoi", "dau",   "khoang",
                    "tre", "muon",  "som",  "khong", "mung",  "mong", "ram",  "ket",   "hoan"});
}

/// A candidate's words, without the punctuation around them: an opening
/// parenthesis that does not close, a final '.', ',', ';' or "./.".
std::pair<std::size_t, std::size_t> trimmed(std::string_view clause, std::size_t b, std::size_t e) {
  const auto balance = [&](std::size_t from, std::size_t to) {
    int open = 0;
    for (auto i = from; i < to; ++i) open += clause[i] == '(' ? 1 : clause[i] == ')' ? -1 : 0;
    return open;
  };
  for (bool again = true; again && e > b;) {
    again = false;
    const char c = clause[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '/' ||
        (c == ')' && balance(b, e) < 0)) {
      --e;
      again = true;
    }
  }
  while (e > b && clause[b] == '(' && balance(b, e) > 0) ++b;
  // "(mùng 10 tháng 3 Âm lịch)": the parentheses around the whole time.
  if (e > b + 1 && clause[b] == '(' && clause[e - 1] == ')' && balance(b + 1, e - 1) == 0) {
    ++b;
    --e;
  }
  while (e > b && clause[b] == ' ') ++b;
  return {b, e};
}

/// The year a text is about: an anniversary's years ("(26/3/1931 –
/// 26/3/2024)") end in the year it is held; otherwise the first year named
/// (a school year "2022 - 2023" is written in its first).
std::optional<int> year_of_text(std::string_view text) {
  // "Luật Nghĩa vụ quân sự 2015", "Bộ luật Lao động 2019", "Hiến pháp 2013":
  // the year of a law's name is the law's, never the document's.
  static const std::regex law(
      "((Bộ|bộ|BỘ) )?(Luật|luật|LUẬT|Hiến pháp|hiến pháp|HIẾN PHÁP)[^,.;:()0-9]{1,80}?"
      "(19|20)[0-9]{2}");
  const auto without_laws = std::regex_replace(std::string(text), law, "");
  text = without_laws;
  const auto years = years_in(text);
  if (years.empty()) return std::nullopt;
  for (auto open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const auto close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const auto inside = years_in(text.substr(open, close - open));
    if (inside.size() >= 2 && *std::max_element(inside.begin(), inside.end()) -
                                      *std::min_element(inside.begin(), inside.end()) >
                                  1) {
      return inside.back();
    }
  }
  return years.front();
}

}  // namespace

Reading reading_of(std::string_view phrase, const PhraseContext& context) {
  if (phrase.size() < 3 || phrase.size() > 400) return Reading::not_read;
  const auto r = read_phrase(phrase, context);
  if (!r.ok() || (r.constraints.empty() && !r.meeting)) return Reading::not_read;
  // "Họp bốc thăm và xếp lịch … ngày 18/3/2024" reads as a meeting of a
  // committee named "BOC THAM VA …": a committee is named by its
  // abbreviation (BTV, BCH), and words around a date are no committee.
  if (r.meeting && r.meeting->committee.find(' ') != std::string::npos) return Reading::partly;
  const bool partly = std::any_of(r.warnings.begin(), r.warnings.end(), [](const PhraseWarning& w) {
    return w.code == "phrase-partly-read";
  });
  return partly ? Reading::partly : Reading::clean;
}

bool has_date(std::string_view text) {
  auto tokens = tokens_of(text);
  mark_dates(tokens);
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.date; });
}

std::optional<TimeInText> time_in(std::string_view clause, const PhraseContext& context) {
  // How far before its last date a time may start, in words: a span with a
  // remark between its ends ("từ ngày 08/5 (Ngày Chữ thập đỏ và Trăng lưỡi
  // liềm đỏ quốc tế) đến ngày 19/5") runs to about twenty.
  constexpr std::size_t kReach = 24;
  auto tokens = tokens_of(clause);
  mark_dates(tokens);
  // The last date outside parentheses: what is inside restates or remarks
  // ("… đến hết ngày 20/02/2018 (tức ngày 5/01 âm lịch)"); inside only when
  // there is none outside ("trong tuần sau (từ 24 đến 28/7)").
  std::size_t last = tokens.size(), last_inside = tokens.size();
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto opens = std::count(tokens[i].raw.begin(), tokens[i].raw.end(), '(');
    const auto closes = std::count(tokens[i].raw.begin(), tokens[i].raw.end(), ')');
    const bool inside = depth > 0 || opens > 0;
    depth = std::max(0, depth + static_cast<int>(opens - closes));
    if (!tokens[i].date) continue;
    (inside ? last_inside : last) = i;
  }
  if (last == tokens.size()) last = last_inside;
  if (last == tokens.size()) return std::nullopt;
  // The time ends at its last date, or after the parenthesis that follows it
  // ("ngày 18/6/2020 (Thứ Năm)").
  std::vector<std::size_t> ends{last};
  // "mùng 10 tháng 3 Âm lịch": the calendar belongs to the date.
  if (last + 2 < tokens.size() && tokens[last + 1].fold == "am" &&
      tokens[last + 2].fold == "lich") {
    last += 2;
    ends = {last};
  }
  if (last + 1 < tokens.size() && tokens[last + 1].raw.starts_with("(")) {
    for (auto j = last + 1; j < tokens.size() && j < last + 5; ++j) {
      if (tokens[j].raw.find(')') != std::string_view::npos) {
        ends.push_back(j);
        break;
      }
    }
  }
  std::optional<TimeInText> clean, loose, partly, unread;
  for (const auto e : ends) {
    for (std::size_t s = last > kReach ? last - kReach : 0; s <= last; ++s) {
      const auto& prev = s > 0 ? tokens[s - 1] : tokens[s];
      // After a count that is no part of a time ("đăng ký học phần lần 2 từ
      // 07/12/2017 …"), a time word starts one.
      // ("Việc 100 trước ngày 17/6/2024" too: any count up to four figures.)
      const bool after_count = s >= 1 && start_word(tokens[s].fold) && tokens[s].fold != "ngay" &&
                               all_digits(prev.core) && prev.core.size() <= 4 &&
                               (s < 2 || !time_word(tokens[s - 2].fold));
      // After a parenthesis closes ("… (phòng 214 – C2) trước thứ Sáu …").
      // And right after another date ("… tháng 5/2020 trước 16 giờ ngày 31/5/2020"):
      // that time ends there.
      // After an amount's unit ("thống kê 6 tháng trước 16 giờ ngày 01/6/2020"):
      // the count is what the work covers; a longer reading that counts from
      // the day (an offset, "3 ngày trước ngày 1/7") wins when it reads whole.
      const bool after_amount = s >= 2 && one_of(prev.fold, {"thang", "ngay", "tuan", "nam"}) &&
                                all_digits(tokens[s - 2].core) && tokens[s - 2].core.size() <= 3 &&
                                start_word(tokens[s].fold) && !folded_alike(tokens[s]) &&
                                // a bound; not "134 năm Ngày sinh …" (a name)
                                !one_of(tokens[s].fold, {"ngay", "thang", "mung", "mong", "ram"});
      const bool allowed =
          after_amount || s == 0 || prev.raw.ends_with(",") || prev.raw.ends_with(":") ||
          prev.raw.ends_with(")") ||
          ((!time_word(prev.fold) || folded_alike(prev)) && !has_digit(prev.raw)) || after_count ||
          (prev.date && start_word(tokens[s].fold) && !folded_alike(tokens[s]) &&
           !one_of(tokens[s].fold, {"den", "toi", "het"}));  // not a range's second half
      const bool dash = tokens[s].core == "-" || tokens[s].core == "\xE2\x80\x93";
      if (!allowed || tokens[s].core.empty() || dash) continue;
      const auto [b, en] = trimmed(clause, tokens[s].begin, tokens[e].end);
      if (en <= b) continue;
      TimeInText found{std::string(clause.substr(b, en - b)), b, en, Reading::not_read};
      found.reading = reading_of(found.text, context);
      const bool starts = start_word(tokens[s].fold) && !folded_alike(tokens[s]);
      // A time starts with a time word, a number or a weekday ("vào …",
      // "07 giờ 30 …", "Thứ Ba, …"): words before it that the reader
      // happens to accept ("tiến hành ½ ngày, ngày 18/6/2020") are the
      // item's, not its time's.
      const bool number = all_digits(tokens[s].core) && tokens[s].core.size() <= 2;
      const bool preferred =
          starts || tokens[s].date || number || tokens[s].fold == "thu" || tokens[s].fold == "chu";
      if (found.reading == Reading::clean && preferred) {
        if (!clean || found.text.size() > clean->text.size()) clean = found;
      } else if (found.reading == Reading::clean) {
        if (!loose || found.text.size() > loose->text.size()) loose = found;
      } else if (found.reading == Reading::partly && starts) {
        if (!partly || found.text.size() > partly->text.size()) partly = found;
      } else if (starts && e == last) {
        if (!unread || found.text.size() < unread->text.size()) unread = found;
      }
    }
  }
  if (clean) return clean;
  if (loose) return loose;
  if (partly) return partly;
  return unread;
}

std::size_t clock_lead(std::string_view text) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  // An hour: one or two digits (i stays put when there are none).
  const auto hour = [&]() -> bool {
    const auto start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start || i - start > 2) {
      i = start;
      return false;
    }
    return true;
  };
  const auto clock = [&]() -> bool {
    const auto start = i;
    if (!hour()) return false;
    skip_spaces();
    const auto rest = text.substr(i);
    if (rest.starts_with("gi\xE1\xBB\x9D")) {  // giờ
      i += 6;
    } else if (rest.starts_with("h") || rest.starts_with("g")) {
      i += 1;
    } else {
      i = start;
      return false;
    }
    skip_spaces();
    while (i < text.size() && is_digit(text[i])) ++i;
    skip_spaces();
    if (text.substr(i).starts_with("ph\xC3\xBAt")) i += 5;   // phút
    if (text.substr(i).starts_with("\xE2\x80\x99")) i += 3;  // ’
    if (i < text.size() && text[i] == '\'') ++i;
    return true;
  };
  const bool paren = !text.empty() && text[0] == '(';
  if (paren) ++i;
  if (const auto space = text.find(' ', i);
      space != std::string_view::npos && folded(text.substr(i, space - i)) == "tu") {
    i = space + 1;  // "Từ 7h30’ đến 7h40’"
  }
  // "7-9h: …", "14-15h30: …": an hour before the range's dash has no 'h'.
  const auto bare_hour_range = [&]() -> bool {
    const auto start = i;
    if (!hour()) return false;
    skip_spaces();
    if (i < text.size() && text[i] == '-') {
      ++i;
    } else if (text.substr(i).starts_with("\xE2\x80\x93")) {  // –
      i += 3;
    } else {
      i = start;
      return false;
    }
    skip_spaces();
    if (!clock()) {
      i = start;
      return false;
    }
    return true;
  };
  if (!bare_hour_range() && !clock()) return 0;
  skip_spaces();
  if (const auto space = text.find(' ', i);
      space != std::string_view::npos && folded(text.substr(i, space - i)) == "den") {
    const auto before = i;
    i = space + 1;
    skip_spaces();
    if (!clock()) i = before;
  } else if (i < text.size() && (text[i] == '-' || text.substr(i).starts_with("\xE2\x80\x93"))) {
    // "15h30-17h: …", "17h30 – 19h: …": the range's end.
    const auto before = i;
    i += text[i] == '-' ? 1 : 3;
    skip_spaces();
    if (!clock()) i = before;
  }
  if (paren) {
    if (i >= text.size() || text[i] != ')') return 0;
    ++i;
  }
  skip_spaces();
  if (i < text.size() && (text[i] == ',' || text[i] == ':' || text[i] == '-')) ++i;
  skip_spaces();
  return i;
}

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(std::exchange(word, {}));
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

/// The date of a posting line, without its clock and separators: "14:58 |
/// 27/12/2014" → "27/12/2014"; empty when the line holds more than that.
std::string posted_day(std::string_view line) {
  std::string day;
  for (const auto& word : split_words(line)) {
    if (word.find(':') != std::string::npos || word == "|" || word == "-" || word == "SA" ||
        word == "CH" || word == "AM" || word == "PM") {
      continue;
    }
    if (!day.empty()) return {};
    day = word;
  }
  return day;
}

}  // namespace

DocumentYear document_year(const Document& document, const PlanDraft& draft) {
  if (draft.issued) {
    return {static_cast<int>(date::year_month_day{*draft.issued}.year()), draft.issued_where};
  }
  // "14:58 | 27/12/2014" atop a posted page: the day it was written, whose
  // year its year-less days are in (a title's "Tết Dương lịch năm 2015" is
  // what the text is about, a year later).
  for (std::size_t i = 0; i < document.body.size() && i < 4; ++i) {
    const auto* p = document.body[i].paragraph();
    if (p == nullptr || p->text.size() > 40 || p->text.find(':') == std::string::npos) continue;
    if (const auto day = read_day(posted_day(p->text), 0)) {
      return {static_cast<int>(date::year_month_day{*day}.year()),
              "paragraph " + std::to_string(p->index + 1) + " (the date the page was posted)"};
    }
  }
  const auto& title = !draft.title.empty() ? draft.title.text : document.title;
  if (const auto y = year_of_text(title)) return {*y, "the title"};
  const std::function<std::optional<DocumentYear>(const std::vector<Block>&)> first =
      [&](const std::vector<Block>& blocks) -> std::optional<DocumentYear> {
    for (const auto& b : blocks) {
      if (const auto* p = b.paragraph()) {
        const auto f = folded(p->text);
        if (f.starts_with("can cu")) continue;  // a cited law's year is not the document's
        if (const auto y = year_of_text(p->text)) {
          return DocumentYear{*y, "paragraph " + std::to_string(p->index + 1)};
        }
      } else if (const auto* t = b.table()) {
        for (const auto& cell : t->cells) {
          if (cell.covered) continue;
          if (auto y = first(cell.blocks)) return y;
        }
      }
    }
    return std::nullopt;
  };
  if (auto y = first(document.body)) return *y;
  // The year the document's dates name most (the front matter's count).
  if (draft.year) return {*draft.year, draft.year_guess};
  return {};
}

std::optional<std::string> with_year(std::string_view phrase, int year) {
  if (year <= 0) return std::nullopt;
  auto tokens = tokens_of(phrase);
  mark_dates(tokens);
  // "24-12" alone (taken from "tức 24-12"): the time is the day.
  if (tokens.size() == 1 && numeric_day(tokens[0].core, true)) tokens[0].date = true;
  const Token* last = nullptr;
  for (const auto& t : tokens) {
    if (!t.date) continue;
    if (!years_in(t.core).empty() || (t.core.size() == 4 && all_digits(t.core)))
      return std::nullopt;
    last = &t;
  }
  if (last == nullptr) return std::nullopt;
  const auto at = static_cast<std::size_t>(last->core.data() + last->core.size() - phrase.data());
  const auto y = std::to_string(year);
  std::string addition;
  const auto index = static_cast<std::size_t>(last - tokens.data());
  const bool month = index > 0 && tokens[index - 1].fold == "thang";
  const bool worded_month = month && index > 1 && all_digits(tokens[index - 2].core);
  if (worded_month) {
    addition = " năm " + y;  // "15 tháng 4" → "15 tháng 4 năm 2017"
  } else if (month) {
    addition = "/" + y;  // "tháng 12" → "tháng 12/2020"
  } else {
    // The day's own separator: "10-11" → "10-11-2025", "3.2014" style → ".".
    const bool dashed = last->core.find('-') != std::string_view::npos &&
                        last->core.find('/') == std::string_view::npos;
    addition = (last->core.find('.') != std::string_view::npos ? "." : dashed ? "-" : "/") + y;
  }
  return std::string(phrase.substr(0, at)) + addition + std::string(phrase.substr(at));
}

std::optional<CellDay> cell_day(std::string_view text) {
  auto tokens = tokens_of(text);
  mark_dates(tokens);
  CellDay out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (out.weekday.empty() && i + 1 < tokens.size() && (t.fold == "thu" || t.fold == "chu")) {
      const auto& n = tokens[i + 1];
      if (one_of(n.fold,
                 {"hai", "ba", "tu", "nam", "sau", "bay", "nhat", "2", "3", "4", "5", "6", "7"})) {
        const auto end = static_cast<std::size_t>(n.core.data() + n.core.size() - text.data());
        out.weekday = std::string(text.substr(t.begin, end - t.begin));
      }
    }
    if (out.date.empty() && t.date && t.core.find_first_of("/-.") != std::string_view::npos &&
        (i == 0 || tokens[i - 1].fold != "thang")) {
      out.date = std::string(t.core);
      out.has_year =
          !years_in(t.core).empty() || std::count(t.core.begin(), t.core.end(), '/') +
                                               std::count(t.core.begin(), t.core.end(), '-') >=
                                           2;
    }
  }
  if (out.date.empty()) return std::nullopt;
  return out;
}

bool only_a_day(std::string_view text) {
  if (!cell_day(text)) return false;
  // Nothing but the day: a bound ("Trước ngày 30/8/2024") makes the cell a
  // time phrase, whose words the task table's reader keeps.
  std::string word;
  const auto plain = [](const std::string& w) {
    static const std::set<std::string> allowed{"thu",  "chu",  "nhat",  "hai", "ba",
                                               "tu",   "nam",  "sau",   "bay", "cn",
                                               "ngay", "sang", "chieu", "toi"};
    return w.empty() || allowed.count(w) > 0 || std::all_of(w.begin(), w.end(), [](char c) {
             return (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.';
           });
  };
  for (const char c : folded(text) + " ") {
    if (c == ' ' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':') {
      if (!plain(word)) return false;
      word.clear();
    } else {
      word += c;
    }
  }
  return true;
}

std::string day_phrase(const CellDay& day, int year) {
  std::string date = day.date;
  if (!day.has_year && year > 0) date += "/" + std::to_string(year);
  return (day.weekday.empty() ? "" : day.weekday + ", ") + "ngày " + date;
}

}  // namespace tiendo::documents::import
