// Terms: the days, months, quarters, years, weeks and events a phrase names.
#include <tiendo/lunar.hpp>
#include <tiendo/vn_calendar.hpp>

#include <algorithm>
#include <array>

#include "phrases/grammar.hpp"
#include "phrases/words.hpp"

namespace tiendo::phrases {

namespace {

Date ymd(int y, int m, int d) {
  return Date{date::year{y} / date::month{static_cast<unsigned>(m)} /
              date::day{static_cast<unsigned>(d)}};
}

Date month_last(int y, int m) {
  return Date{date::year{y} / date::month{static_cast<unsigned>(m)} / date::last};
}

int days_in_month(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(date::year_month_day_last{
      date::year{y}, date::month_day_last{date::month{
                         static_cast<unsigned>(m)}}}.day()));
}

/// The most days month `m` can have in any year (February: 29).
int most_days(int m) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[static_cast<std::size_t>(m - 1)];
}

/// The folded tokens of a name, for matching ("Lễ Kỷ niệm" -> le, ky, niem).
std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  for (auto& t : tokenize(name).list) {
    if (t.kind != Tok::other) out.push_back(std::move(t.text));
  }
  return out;
}

/// A lunar month written as a word: Giêng (1), Chạp (12), or a number word.
std::optional<int> lunar_month_word(std::string_view w) {
  if (w == "gieng") return 1;
  if (w == "chap") return 12;
  static constexpr std::array<std::string_view, 10> kNames{"hai", "ba",  "tu",   "nam",  "sau",
                                                           "bay", "tam", "chin", "muoi", ""};
  for (std::size_t i = 0; i + 1 < kNames.size(); ++i) {
    if (w == kNames[i]) return static_cast<int>(i) + 2;
  }
  return std::nullopt;
}

}  // namespace

std::string iso(Date d) {
  return format_iso(d);
}

std::string vn(Date d) {
  return format_vn(d);
}

std::string Grammar::quote(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > t_.size()) return {};
  if (source_.empty() || t_[end - 1].end > source_.size()) {
    std::string out;
    for (std::size_t k = begin; k < end; ++k) out += (out.empty() ? "" : " ") + t_[k].text;
    return out;
  }
  return std::string(source_.substr(t_[begin].begin, t_[end - 1].end - t_[begin].begin));
}

Grammar::Grammar(const std::vector<Token>& tokens, const PhraseContext& context,
                 std::string_view source)
    : t_(tokens), c_(context), source_(source) {
  const auto add = [](std::vector<Name>& to, std::string_view text, std::size_t index) {
    auto w = name_words(text);
    if (w.empty()) return;
    to.push_back({w, index});
    // "Lễ Kỷ niệm" is also written "Kỷ niệm", "ngày bầu cử" also "bầu cử".
    if (w.size() > 1 && (w[0] == "le" || w[0] == "ngay")) {
      to.push_back({std::vector<std::string>(w.begin() + 1, w.end()), index});
    }
  };
  if (c_.events != nullptr) {
    for (std::size_t e = 0; e < c_.events->size(); ++e) {
      const auto& ev = (*c_.events)[e];
      add(events_, ev.id, e);
      add(events_, ev.name, e);
      for (const auto& a : ev.aliases) add(events_, a, e);
    }
  }
  if (c_.committees != nullptr) {
    for (std::size_t k = 0; k < c_.committees->size(); ++k) {
      const auto& cm = (*c_.committees)[k];
      add(committees_, cm.id, k);
      add(committees_, cm.name, k);
      for (const auto& a : cm.aliases) add(committees_, a, k);
    }
  }
}

// --- small helpers ------------------------------------------------------------

/// Whether token `i`, which folds to `w`, may be the lead word `w` as it was
/// written. Folding makes "Sáu" (six, "thứ Sáu") "sau" (after) and "Tư"
/// (four, "thứ Tư") "tu" (from), and "tối" (evening) "toi" (until): "trước
/// thứ Sáu ngày 15/9" must never read
/// "Sáu ngày 15/9" as after the 15th. 'sau' carries no mark at all, 'từ' a
/// grave accent; written without marks, a word stays what it may mean.
bool Grammar::spelled_as(std::size_t i, std::string_view w) const {
  if (source_.empty() || t_[i].end > source_.size() ||
      (w != "sau" && w != "tu" && w != "toi" && w != "trong")) {
    return true;
  }
  if (!written_with_marks(i)) return true;
  const auto written = source_.substr(t_[i].begin, t_[i].end - t_[i].begin);
  if (w == "sau" || w == "trong") return false;  // "Sáu", "trọng": marks 'sau', 'trong' lack
  if (w == "toi") {
    // 'tới' (until) has a horn: 'ớ' composed, or a combining horn; 'tối'
    // (evening) a circumflex.
    for (const std::string_view horn : {"\xE1\xBB\x9B", "\xE1\xBB\x9A", "\xCC\x9B"}) {
      if (written.find(horn) != std::string_view::npos) return true;
    }
    return false;
  }
  // 'ừ' and 'Ừ' composed, or a combining grave accent.
  for (const std::string_view grave : {"\xE1\xBB\xAB", "\xE1\xBB\xAA", "\xCC\x80"}) {
    if (written.find(grave) != std::string_view::npos) return true;
  }
  return false;
}

bool Grammar::written_until(std::size_t i) const {
  return written_with_marks(i) && spelled_as(i, "toi");
}

bool Grammar::written_with_marks(std::size_t i) const {
  if (source_.empty() || t_[i].end > source_.size()) return false;
  const auto written = source_.substr(t_[i].begin, t_[i].end - t_[i].begin);
  return std::any_of(written.begin(), written.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool Grammar::word(std::size_t i, std::string_view w) const {
  return i < t_.size() && t_[i].is_word(w) && spelled_as(i, w);
}

std::optional<std::size_t> Grammar::words(std::size_t i, std::string_view ws) const {
  if (!words_at(t_, i, ws)) return std::nullopt;
  const auto count = word_count(ws);
  // 'sau' means after in every phrase; 'tu' means from only first or after
  // 'kể', 'bắt đầu', 'thời gian' ("Thông tư" is a circular).
  for (std::size_t k = 0; k < count; ++k) {
    const auto& w = t_[i + k].text;
    const bool lead_tu =
        w == "tu" && (k == 0 || t_[i + k - 1].is_word("ke") || t_[i + k - 1].is_word("dau") ||
                      t_[i + k - 1].is_word("gian"));
    if ((w == "sau" || w == "toi" || w == "trong" || lead_tu) && !spelled_as(i + k, w)) {
      return std::nullopt;
    }
  }
  return i + count;
}

bool Grammar::number(std::size_t i, int max_digits) const {
  return i < t_.size() && t_[i].kind == Tok::number && t_[i].digits <= max_digits;
}

bool Grammar::date_separator(std::size_t i) const {
  if (i + 1 >= t_.size()) return false;
  const auto& s = t_[i];
  const bool sign = s.kind == Tok::slash || s.kind == Tok::dot || s.kind == Tok::dash;
  // "Ngày 30 /9/2017", "ngày 15/ 12 / 2017": spaces typed around the slashes
  // of a whole date (a slash is never a range sign): day, slash, month,
  // slash, a year of four figures, however spaced.
  if (s.kind == Tok::slash && i >= 1 && number(i - 1, 2)) {
    const bool first = i + 3 < t_.size() && number(i + 1, 2) && t_[i + 2].kind == Tok::slash &&
                       four_figures(i + 3);
    const bool second =
        i >= 3 && four_figures(i + 1) && t_[i - 2].kind == Tok::slash && number(i - 3, 2);
    if (first || second) return true;
  }
  // '~' and '÷' join a range, never the parts of a date.
  return sign && s.text != "~" && s.text != "\xC3\xB7" && !s.space_before &&
         !t_[i + 1].space_before && t_[i + 1].kind == Tok::number;
}

std::optional<std::size_t> Grammar::range_sign(std::size_t i) const {
  if (i >= t_.size()) return std::nullopt;
  if (t_[i].kind == Tok::dash) return i + 1;
  // "từ 07/12 à 19/12/2020": Word's arrow (→ in the Wingdings font) shows
  // as 'à' once the font is lost; between two days it can mean nothing else.
  if (t_[i].is_word("a") && t_[i].end - t_[i].begin >= 2 && i > 0 && t_[i - 1].is(Tok::number) &&
      i + 1 < t_.size() && t_[i + 1].is(Tok::number)) {
    return i + 1;
  }
  for (const std::string_view w : {"den het ngay", "den het", "den ngay", "toi ngay", "den", "toi",
                                   "cho den", "through", "until", "till", "to"}) {
    if (auto e = words(i, w)) return e;
  }
  return std::nullopt;
}

void Grammar::fail(std::size_t token, Message message, Message suggestion) const {
  if (!failure_) failure_ = Failure{token, std::move(message), std::move(suggestion)};
}

void Grammar::assume(std::size_t begin, std::size_t end, std::string en, std::string vi) const {
  for (const auto& a : assumptions_) {
    if (a.begin == begin && a.end == end && a.en == en) return;
  }
  assumptions_.push_back({begin, end, std::move(en), std::move(vi)});
}

std::size_t Grammar::skip_time_of_day(std::size_t i, DayTerm& d) const {
  for (;;) {
    const auto start = i;
    if (auto e = words(i, "vao luc")) i = *e;
    if (word(i, "luc") || word(i, "at")) ++i;
    // 17h00, 17h, 8h30, 0h; 19 giờ 30 (phút); 0 giờ.
    if (number(i, 2) && i + 1 < t_.size() &&
        (word(i + 1, "h") || word(i + 1, "gio") || word(i + 1, "g"))) {
      const int hour = t_[i].value;
      i += 2;
      if (number(i, 2)) {
        ++i;
        if (word(i, "phut")) ++i;
        // "17h00'": the minutes' mark, as schools and admissions boards write it.
        if (i < t_.size() && t_[i].kind == Tok::other &&
            (t_[i].text == "'" || t_[i].text == "\u2019" || t_[i].text == "\u2032")) {
          ++i;
        }
      }
      if (hour <= 24) {
        d.time_of_day = true;
        if (hour == 0) d.from_midnight = true;
      }
    }
    for (const std::string_view part : {"buoi sang", "buoi chieu", "buoi toi", "sang", "chieu",
                                        "toi", "trua", "dem", "morning", "afternoon", "evening"}) {
      // 'tối' (evening), never 'tới' (until): matched without the lead
      // words' spelling check, refused when written with the horn of 'tới'.
      if (!words_at(t_, i, part)) continue;
      const auto last = i + word_count(part) - 1;
      if (t_[last].is_word("toi") && written_until(last)) continue;
      {
        i += word_count(part);
        d.time_of_day = true;
        break;
      }
    }
    if (const auto wd = weekday_at(t_, i)) {
      d.weekday = wd->value;
      i = wd->end;
    }
    if (i > start && i < t_.size() && t_[i].kind == Tok::comma) ++i;
    if (i == start) return i;
  }
}

// --- years --------------------------------------------------------------------

std::size_t Grammar::year_part(std::size_t i, int& year, int& offset, std::string& name,
                               bool& yearly, bool* given) const {
  const auto end = year_part_of(i, year, offset, name, yearly);
  if (given != nullptr && end > i) *given = true;
  return end;
}

std::size_t Grammar::year_part_of(std::size_t i, int& year, int& offset, std::string& name,
                                  bool& yearly) const {
  std::size_t j = i;
  if (date_separator(j) && four_figures(j + 1)) {
    year = t_[j + 1].value;
    return j + 2;
  }
  if (j < t_.size() && t_[j].kind == Tok::comma) ++j;  // "tháng Giêng, Ất Mùi"; "May 13, 2025"
  const bool nam = word(j, "nam") || word(j, "of") || word(j, "in");
  const std::size_t k = nam ? j + 1 : j;
  if (four_figures(k)) {
    year = t_[k].value;
    return k + 1;
  }
  if (k + 1 < t_.size() && is_stem(t_[k].text) && is_branch(t_[k + 1].text)) {
    name = t_[k].text + " " + t_[k + 1].text;
    return k + 2;
  }
  // Years named by their relation to the plan's.
  for (const auto& [words_, delta] :
       std::array<std::pair<std::string_view, int>, 14>{{{"cua nam lien ke", 1},
                                                         {"nam lien ke", 1},
                                                         {"nam ke tiep", 1},
                                                         {"nam sau cua nam bao cao", 1},
                                                         {"nam sau", 1},
                                                         {"nam toi", 1},
                                                         {"of the next year", 1},
                                                         {"next year", 1},
                                                         {"nam truoc ky bao cao", -1},
                                                         {"nam truoc", -1},
                                                         {"cua nam bao cao", 0},
                                                         {"nam bao cao", 0},
                                                         {"cua ky bao cao", 0},
                                                         {"of the reporting year", 0}}}) {
    if (auto e = words(i, words_)) {
      offset = delta;
      return *e;
    }
  }
  for (const std::string_view every :
       {"hang nam", "moi nam", "every year", "each year", "annually"}) {
    if (auto e = words(i, every)) {
      yearly = true;
      return *e;
    }
  }
  // "hàng, năm": a comma typed into "hàng năm".
  if (word(i, "hang") && i + 2 < t_.size() && t_[i + 1].kind == Tok::comma && word(i + 2, "nam")) {
    yearly = true;
    return i + 3;
  }
  return i;
}

int Grammar::base_year(int year, const std::string& name, int offset, bool lunar) const {
  if (year == 0 && !name.empty()) {
    year = year_from_name(name, c_.year != 0 ? c_.year : 2024).value_or(0);
  }
  const int hint = lunar && lunar_year_hint_ != 0 ? lunar_year_hint_ : year_hint_;
  if (year == 0) year = hint != 0 ? hint : c_.year;
  return year + offset;
}

// --- days -----------------------------------------------------------------------

std::optional<Term> Grammar::lunar_day(std::size_t i) const {
  DayTerm d;
  d.lunar = true;
  bool numbers_only = false;  // "mùng 2/9": no lunar word but "mùng"
  // "tối 14 tháng Giêng": a part of the day first, as for a solar day.
  std::size_t j = skip_time_of_day(i, d);
  if (word(j, "ngay")) j = skip_time_of_day(j + 1, d);
  if (auto e = words(j, "tet nguyen dan"); e && !number(*e, 2)) {
    d.day = 1;
    d.month = 1;
    j = *e;
  } else if (word(j, "ram")) {
    d.day = 15;
    ++j;
    if (word(j, "thang")) {
      const auto m = j + 1 < t_.size() && t_[j + 1].kind == Tok::number
                         ? std::optional<int>(t_[j + 1].value)
                         : lunar_month_word(j + 1 < t_.size() ? t_[j + 1].text : "");
      if (!m) return std::nullopt;
      d.month = *m;
      j += 2;
    } else {
      d.month = 1;  // "Rằm" alone is the first full moon of the year? No: refuse.
      return std::nullopt;
    }
  } else if ((word(j, "mung") || word(j, "mong")) && number(j + 1, 2)) {
    d.day = t_[j + 1].value;
    j += 2;
    if (word(j, "tet")) {
      d.month = 1;
      ++j;
    } else if (word(j, "thang") && j + 1 < t_.size()) {
      const auto m = t_[j + 1].kind == Tok::number ? std::optional<int>(t_[j + 1].value)
                                                   : lunar_month_word(t_[j + 1].text);
      if (m) {
        d.month = *m;
        j += 2;
      }
    } else if (date_separator(j) && number(j + 1, 2)) {
      d.month = t_[j + 1].value;
      j += 2;
      numbers_only = true;
    }
  } else if (number(j, 2)) {
    // "28 tháng Chạp", "14 tháng Giêng", "10/3 âm lịch", "ngày 10 tháng 3 âm lịch".
    d.day = t_[j].value;
    std::size_t k = j + 1;
    bool lunar_word = false;
    if (word(k, "thang") && k + 1 < t_.size()) {
      if (const auto m = lunar_month_word(t_[k + 1].text);
          m && (t_[k + 1].is_word("gieng") || t_[k + 1].is_word("chap"))) {
        d.month = *m;
        lunar_word = true;
        k += 2;
      } else if (number(k + 1, 2)) {
        d.month = t_[k + 1].value;
        k += 2;
      } else if (const auto m2 = lunar_month_word(t_[k + 1].text)) {
        d.month = *m2;
        k += 2;
      } else {
        return std::nullopt;
      }
    } else if (date_separator(k) && number(k + 1, 2)) {
      d.month = t_[k + 1].value;
      k += 2;
    } else {
      return std::nullopt;
    }
    // Without Giêng or Chạp, only "âm lịch" makes it lunar, after the day or
    // after its year ("25/12/2010 âm lịch", read by year_part below).
    const auto marker = words(k, "am lich") ? words(k, "am lich") : words(k, "al");
    const bool after_year = !marker && date_separator(k) && four_figures(k + 1) &&
                            (words(k + 2, "am lich") || words(k + 2, "al"));
    if (!lunar_word && !marker && !after_year) return std::nullopt;
    d.lunar_said = marker || after_year;
    j = marker ? *marker : k;
  } else {
    return std::nullopt;
  }
  bool said_lunar = false;
  if (auto e = words(j, "am lich")) j = *e, said_lunar = true;
  j = year_part(j, d.year, d.year_offset, d.year_name, d.yearly, &d.year_given);
  if (auto e = words(j, "am lich")) j = *e, said_lunar = true;
  if (auto e = words(j, "al")) j = *e, said_lunar = true;
  d.lunar_said = d.lunar_said || said_lunar;
  if (d.day < 1 || d.day > 30 || d.month < 0 || d.month > 12) return std::nullopt;
  if (numbers_only && !said_lunar && d.year_name.empty()) {
    // "mùng 2/9" is said of Quốc khánh as much as of a lunar day: with
    // nothing else lunar about it, the solar day, and a note that says so.
    d.lunar = false;
    if (d.day > 31) return std::nullopt;
    assume(i, j,
           "'mùng " + std::to_string(d.day) + "/" + std::to_string(d.month) +
               "' is read as a solar day; write 'âm lịch' after it for a lunar one",
           "'mùng " + std::to_string(d.day) + "/" + std::to_string(d.month) +
               "' được hiểu là ngày dương lịch; nếu là ngày âm lịch, ghi thêm 'âm lịch'");
  }
  Term t;
  t.kind = Term::Kind::day;
  t.day = d;
  t.begin = i;
  t.end = j;
  return t;
}

std::optional<Term> Grammar::solar_day(std::size_t i, bool bare_number) const {
  DayTerm d;
  std::size_t day_at = t_.size();  ///< the day's number, when written as a number
  std::size_t j = skip_time_of_day(i, d);
  if (word(j, "ngay") || word(j, "day")) j = skip_time_of_day(j + 1, d);
  // "Thứ 7 (10/12)": a weekday, its date in parentheses; closed after the date.
  bool in_parentheses = false;
  if (d.weekday >= 0 && j > i && j + 1 < t_.size() && t_[j].kind == Tok::open &&
      t_[j + 1].kind == Tok::number) {
    in_parentheses = true;
    ++j;
  }
  Term t;
  t.kind = Term::Kind::day;
  t.begin = i;
  // ISO: 2024-08-30.
  if (four_figures(j) && date_separator(j + 1) && t_[j + 1].kind == Tok::dash && number(j + 2, 2) &&
      date_separator(j + 3) && number(j + 4, 2)) {
    d.year = t_[j].value;
    d.month = t_[j + 2].value;
    d.day = t_[j + 4].value;
    d.year_given = true;
    j += 5;
  } else if (number(j, 2)) {
    d.day = t_[j].value;
    day_at = j;
    std::size_t k = j + 1;
    // "06 (sáu)": a number written again in words must say the same.
    const auto spelled_check = [&](std::size_t at, int value) -> std::size_t {
      if (at < t_.size() && t_[at].kind == Tok::open) {
        if (const auto n = spelled_number(t_, at + 1);
            n && n->end < t_.size() && t_[n->end].kind == Tok::close) {
          if (n->value != value) {
            fail(at, say("phrase-error:number-words",
                         {{"number", std::to_string(value)}, {"words", std::to_string(n->value)}}));
          }
          return n->end + 1;
        }
      }
      return at;
    };
    k = spelled_check(k, d.day);
    if (date_separator(k) && number(k + 1, 2)) {
      // 30/8, 30/8/2024, 30-8-2024, 30.8.2024. A second separator before a
      // day or month ("03-05/10/2025") makes the first one a range sign.
      const bool range_inside = t_[k].kind == Tok::dash && date_separator(k + 2) &&
                                number(k + 3, 2) && t_[k + 2].kind != Tok::dash;
      if (range_inside) {
        if (!bare_number) return std::nullopt;
        j = j + 1;
      } else {
        d.month = t_[k + 1].value;
        k += 2;
        if (date_separator(k) && four_figures(k + 1)) {
          d.year = t_[k + 1].value;
          d.year_given = true;
          k += 2;
        } else if (date_separator(k) && t_[k].text == "/" && number(k + 1, 2) &&
                   t_[k + 1].digits == 2 && !date_separator(k + 2)) {
          // "15/8/16": a year in two digits, this century's (school
          // calendars write the weeks so).
          d.year = 2000 + t_[k + 1].value;
          d.year_given = true;
          k += 2;
        }
        j = k;
      }
    } else if (word(k, "thang") && number(k + 1, 2)) {
      d.month = t_[k + 1].value;
      j = spelled_check(k + 2, d.month);
    } else if (bare_number) {
      j = k;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // Written as a date ('35/10/2024', '30/13/2024') but no day: the number
  // at fault is named, not a word before it (issue 22).
  const bool date_shaped =
      d.month != 0 && day_at < t_.size() && date_separator(day_at + 1) && number(day_at + 2, 2);
  if (date_shaped && d.day >= 1 && d.day <= 31 && d.month > 12 && d.year_given) {
    fail(day_at, say("phrase-error:no-such-month",
                     {{"day", std::to_string(d.day)}, {"month", std::to_string(d.month)}}));
    return std::nullopt;
  }
  if (d.month != 0 && (d.month < 1 || d.month > 12)) return std::nullopt;
  if (date_shaped && d.day > 31) {
    fail(day_at, say("phrase-error:no-such-day", {{"day", std::to_string(d.day)},
                                                  {"month", std::to_string(d.month)},
                                                  {"most", std::to_string(most_days(d.month))}}));
    return std::nullopt;
  }
  if (d.day < 1 || d.day > 31) return std::nullopt;
  if (d.month != 0 && d.day > most_days(d.month)) {
    fail(i, say("phrase-error:no-such-day", {{"day", std::to_string(d.day)},
                                             {"month", std::to_string(d.month)},
                                             {"most", std::to_string(most_days(d.month))}}));
    return std::nullopt;
  }
  if (d.year == 0 && d.month != 0)
    j = year_part(j, d.year, d.year_offset, d.year_name, d.yearly, &d.year_given);
  if (in_parentheses) {
    if (j >= t_.size() || t_[j].kind != Tok::close) return std::nullopt;
    ++j;
  }
  // Weekday and time written after the date: "25/1 (Thứ 7)", "ngày 26/2 chiều".
  if (j + 2 < t_.size() && t_[j].kind == Tok::open) {
    if (const auto wd = weekday_at(t_, j + 1);
        wd && wd->end < t_.size() && t_[wd->end].kind == Tok::close) {
      d.weekday = wd->value;
      j = wd->end + 1;
    }
  }
  t.day = d;
  t.end = j;
  return t;
}

std::optional<Term> Grammar::english_day(std::size_t i) const {
  DayTerm d;
  std::size_t j = skip_time_of_day(i, d);
  const auto ordinal = [&](std::size_t k) {
    for (const std::string_view s : {"st", "nd", "rd", "th"}) {
      if (word(k, s) && !t_[k].space_before) return k + 1;
    }
    return k;
  };
  if (number(j, 2) && j + 1 < t_.size()) {
    // 25 October 2026, 25 Oct, 20th of March.
    std::size_t k = ordinal(j + 1);
    if (word(k, "of")) ++k;
    const auto m =
        k < t_.size() && t_[k].kind == Tok::word ? english_month(t_[k].text) : std::nullopt;
    if (!m) return std::nullopt;
    d.day = t_[j].value;
    d.month = *m;
    j = k + 1;
  } else if (j < t_.size() && t_[j].kind == Tok::word && english_month(t_[j].text) &&
             number(j + 1, 2)) {
    // October 25, 2026; March 20 of the reporting year.
    d.month = *english_month(t_[j].text);
    d.day = t_[j + 1].value;
    j = ordinal(j + 2);
  } else {
    return std::nullopt;
  }
  if (d.day < 1 || d.day > most_days(d.month)) return std::nullopt;
  j = year_part(j, d.year, d.year_offset, d.year_name, d.yearly, &d.year_given);
  Term t;
  t.kind = Term::Kind::day;
  t.day = d;
  t.begin = i;
  t.end = j;
  return t;
}

std::optional<Term> Grammar::day(std::size_t i, bool bare_number) const {
  std::optional<Term> best;
  for (auto candidate : {lunar_day(i), solar_day(i, bare_number), english_day(i)}) {
    if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
  }
  // A day written with 'tháng … năm …' is solar, unless the phrase says
  // âm lịch or names a lunar month (the lunar reader only takes those).
  return best;
}

// --- months ---------------------------------------------------------------------

std::optional<Term> Grammar::month(std::size_t i, bool bare) const {
  MonthTerm m;
  std::size_t j = i;
  if (word(j, "ky") && word(j + 1, "thang")) ++j;  // "kỳ tháng 10": the October issue
  if (word(j, "thang") && j + 1 < t_.size()) {
    ++j;
    if (number(j, 2)) {
      m.month = t_[j].value;
      ++j;
      // "tháng 06 (sáu)".
      if (j + 2 < t_.size() && t_[j].kind == Tok::open) {
        if (const auto n = spelled_number(t_, j + 1);
            n && n->end < t_.size() && t_[n->end].kind == Tok::close && n->value == m.month) {
          j = n->end + 1;
        }
      }
    } else if (const auto lm = lunar_month_word(t_[j].text)) {
      m.month = *lm;
      m.lunar = true;
      ++j;
      // Only Giêng and Chạp are lunar by themselves; "tháng ba" needs âm lịch.
      if (!t_[j - 1].is_word("gieng") && !t_[j - 1].is_word("chap") && !words(j, "am lich")) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    if (date_separator(j) && four_figures(j + 1)) {
      m.year = t_[j + 1].value;
      m.year_given = true;
      j += 2;
    } else {
      j = year_part(j, m.year, m.year_offset, m.year_name, m.yearly, &m.year_given);
    }
    if (auto e = words(j, "am lich")) {
      m.lunar = true;
      j = *e;
      if (m.year == 0)
        j = year_part(j, m.year, m.year_offset, m.year_name, m.yearly, &m.year_given);
    }
  } else if (j < t_.size() && t_[j].kind == Tok::word && english_month(t_[j].text) &&
             !number(j + 1, 2)) {
    m.month = *english_month(t_[j].text);
    ++j;
    // "May" alone is a word; a month needs its year, or to be in a list.
    const auto after_year =
        year_part(j, m.year, m.year_offset, m.year_name, m.yearly, &m.year_given);
    if (after_year == j && !bare && t_[i].text == "may") return std::nullopt;
    j = after_year;
  } else if (bare && number(j, 2) && date_separator(j + 1) && four_figures(j + 2)) {
    m.month = t_[j].value;
    m.year = t_[j + 2].value;
    m.year_given = true;
    j += 3;
  } else if (bare && number(j, 2) && !date_separator(j + 1)) {
    // "tháng 6, 7/2026": the 6; "trong tháng 4, 5": the 5, last word or not.
    m.month = t_[j].value;
    ++j;
  } else {
    return std::nullopt;
  }
  if (m.month < 1 || m.month > 12) return std::nullopt;
  Term t;
  t.kind = Term::Kind::month;
  t.month = m;
  t.begin = i;
  t.end = j;
  return t;
}

// --- periods --------------------------------------------------------------------

std::optional<Term> Grammar::quarter(std::size_t i) const {
  std::size_t j = i;
  int q = 0;
  if (word(j, "quy") && j + 1 < t_.size()) {
    const auto& n = t_[j + 1];
    if (n.kind == Tok::number && n.value >= 1 && n.value <= 4 && n.digits == 1) {
      q = n.value;
    } else if (const auto r = roman(n.text); n.kind == Tok::word && r && *r <= 4) {
      q = *r;
    } else {
      return std::nullopt;
    }
    // "Quý Mão" is a year, not a quarter.
    if (n.kind == Tok::word && is_branch(n.text)) return std::nullopt;
    j += 2;
  } else if (word(j, "q") && number(j + 1, 1) && t_[j + 1].value >= 1 && t_[j + 1].value <= 4 &&
             !t_[j + 1].space_before) {
    q = t_[j + 1].value;
    j += 2;
  } else {
    // "the fourth quarter of 2030", "first quarter".
    std::size_t k = j;
    if (word(k, "the")) ++k;
    const auto n = spelled_number(t_, k);
    if (!n || n->value < 1 || n->value > 4 || !word(n->end, "quarter")) return std::nullopt;
    q = n->value;
    j = n->end + 1;
  }
  int year = 0, offset = 0;
  std::string name;
  bool yearly = false;
  if (date_separator(j) && number(j + 1, 4)) {
    year = t_[j + 1].value;
    j += 2;
  } else {
    j = year_part(j, year, offset, name, yearly);
  }
  Term t;
  t.begin = i;
  t.end = j;
  const int y = base_year(year, name, offset);
  t.period = {ymd(y, 3 * q - 2, 1),
              month_last(y, 3 * q),
              Period::Grain::quarter,
              {},
              "quý " + std::to_string(q) + "/" + std::to_string(y)};
  if (year == 0 && name.empty() && offset == 0 && !yearly) {
    assume(i, j, "the quarter has no year: taken in " + std::to_string(y) + ", the plan's",
           "quý không ghi năm: hiểu là năm " + std::to_string(y) + " của kế hoạch");
  }
  return t;
}

/// "nửa đầu tháng 8" (1–15), "nửa sau/nửa cuối tháng 8" (16 to its end):
/// a half of a month. Folded, "nửa sau tháng 8" would otherwise read as
/// after August.
std::optional<Term> Grammar::half_of_month(std::size_t i) const {
  if (!word(i, "nua")) return std::nullopt;
  std::size_t j = i + 1;
  int which = -1;
  for (const auto& [w, p] : std::array<std::pair<std::string_view, int>, 4>{
           {{"dau", 0}, {"truoc", 0}, {"sau", 1}, {"cuoi", 1}}}) {
    if (auto e = words(j, w)) {
      which = p;
      j = *e;
      break;
    }
  }
  if (which < 0) return std::nullopt;
  const auto m = month(j);
  if (!m) return std::nullopt;
  const auto p = settle(*m);
  if (!p) return std::nullopt;
  Term t;
  t.begin = i;
  t.end = m->end;
  const Date first = which == 0 ? p->first : p->first + date::days{15};
  const Date last = which == 0 ? p->first + date::days{14} : p->last;
  t.period = {first,
              last,
              Period::Grain::part,
              {},
              std::string(which == 0 ? "nửa đầu " : "nửa cuối ") + p->name};
  return t;
}

std::optional<Term> Grammar::part(std::size_t i) const {
  if (auto half = half_of_month(i)) return half;
  // Which part: early (đầu), middle (giữa), late (cuối); 0, 1, 2.
  std::size_t j = i;
  int which = -1;
  bool thirds_of_month = false;
  for (const auto& [w, p] :
       std::array<std::pair<std::string_view, int>, 12>{{{"dau", 0},
                                                         {"giua", 1},
                                                         {"cuoi", 2},
                                                         {"thuong tuan", 0},
                                                         {"trung tuan", 1},
                                                         {"ha tuan", 2},
                                                         {"early", 0},
                                                         {"mid", 1},
                                                         {"late", 2},
                                                         {"the end of", 2},
                                                         {"end of", 2},
                                                         {"the beginning of", 0}}}) {
    if (auto e = words(j, w)) {
      which = p;
      thirds_of_month = w.find("tuan") != std::string_view::npos;
      j = *e;
      break;
    }
  }
  if (which < 0) return std::nullopt;
  if (words(i, "end of") || words(i, "the end of")) {
    // "by end of Q1 2026": the last day of the period, as a period of one day.
    auto inner = period(j);
    if (!inner) inner = month(j);
    if (!inner) return std::nullopt;
    const auto p = settle(*inner);
    if (!p) return std::nullopt;
    Term t;
    t.begin = i;
    t.end = inner->end;
    t.period = {p->last, p->last, Period::Grain::day, {}, "cuối " + p->name};
    return t;
  }
  Term t;
  t.begin = i;
  if (const auto m = month(j)) {
    const auto p = settle(*m);
    if (!p) return std::nullopt;
    const Date first = p->first + date::days{10 * which};
    const Date last = which == 2 ? p->last : p->first + date::days{10 * which + 9};
    static constexpr std::array<const char*, 3> kParts{"đầu ", "giữa ", "cuối "};
    static constexpr std::array<const char*, 3> kThirds{"thượng tuần ", "trung tuần ", "hạ tuần "};
    t.period = {first,
                last,
                Period::Grain::part,
                {},
                std::string(thirds_of_month ? kThirds[static_cast<std::size_t>(which)]
                                            : kParts[static_cast<std::size_t>(which)]) +
                    p->name};
    t.end = m->end;
    return t;
  }
  if (thirds_of_month) return std::nullopt;
  if (const auto q = quarter(j)) {
    // The quarter's first, middle or last month.
    const Date first = Date{date::year_month_day{q->period.first} + date::months{which}};
    const auto ym = date::year_month_day{first};
    t.period = {first,
                Date{ym.year() / ym.month() / date::last},
                Period::Grain::part,
                {},
                std::string(which == 0   ? "đầu "
                            : which == 1 ? "giữa "
                                         : "cuối ") +
                    q->period.name};
    t.end = q->end;
    return t;
  }
  // "đầu năm 2024", "cuối năm 2019", "cuối năm": the first or last quarter.
  if (which == 1) return std::nullopt;
  std::size_t k = j;
  int year = 0, offset = 0;
  std::string name;
  bool yearly = false;
  if (word(k, "nam") || word(k, "year")) {
    ++k;
    if (four_figures(k)) {
      year = t_[k].value;
      ++k;
    } else {
      k = year_part(k, year, offset, name, yearly);
    }
  } else if (four_figures(k)) {
    year = t_[k].value;
    ++k;
  } else {
    return std::nullopt;
  }
  const int y = base_year(year, name, offset);
  t.period = {which == 0 ? ymd(y, 1, 1) : ymd(y, 10, 1),
              which == 0 ? ymd(y, 3, 31) : ymd(y, 12, 31),
              Period::Grain::part,
              {},
              std::string(which == 0 ? "đầu" : "cuối") + " năm " + std::to_string(y)};
  t.end = k;
  assume(i, k,
         std::string("'") + (which == 0 ? "early" : "late") + " in the year' read as its " +
             (which == 0 ? "first" : "last") + " quarter",
         std::string("'") + (which == 0 ? "đầu" : "cuối") + " năm' hiểu là quý " +
             (which == 0 ? "I" : "IV"));
  return t;
}

std::optional<Term> Grammar::first_months(std::size_t i) const {
  std::size_t j = i;
  int n = 0;
  bool first = true;
  // "6 tháng đầu năm 2024", "chín tháng đầu năm", "6 tháng cuối năm".
  if (number(j, 2) || spelled_number(t_, j)) {
    const auto count = number(j, 2) ? Counted{t_[j].value, j + 1} : *spelled_number(t_, j);
    if (word(count.end, "thang") && (word(count.end + 1, "dau") || word(count.end + 1, "cuoi"))) {
      n = count.value;
      first = word(count.end + 1, "dau");
      j = count.end + 2;
      if (!word(j, "nam")) return std::nullopt;
      ++j;
    }
  }
  if (n == 0) {
    // "first half of 2024", "the first 9 months of 2026", "second half".
    std::size_t k = j;
    if (word(k, "in")) ++k;
    if (word(k, "the")) ++k;
    if (word(k, "first") || word(k, "second") || word(k, "last")) {
      first = !word(k, "second") && !word(k, "last");
      ++k;
      if (word(k, "half")) {
        n = 6;
        ++k;
      } else if (const auto c = number(k, 2) ? std::optional<Counted>(Counted{t_[k].value, k + 1})
                                             : spelled_number(t_, k);
                 c && word(c->end, "months")) {
        n = c->value;
        k = c->end + 1;
      } else {
        return std::nullopt;
      }
      if (word(k, "of")) ++k;
      j = k;
    } else {
      return std::nullopt;
    }
  }
  if (n < 1 || n > 12) return std::nullopt;
  int year = 0, offset = 0;
  std::string name;
  bool yearly = false;
  if (four_figures(j)) {
    year = t_[j].value;
    ++j;
  } else {
    j = year_part(j, year, offset, name, yearly);
  }
  const int y = base_year(year, name, offset);
  Term t;
  t.begin = i;
  t.end = j;
  t.period = {
      first ? ymd(y, 1, 1) : ymd(y, 13 - n, 1),
      first ? month_last(y, n) : ymd(y, 12, 31),
      Period::Grain::half,
      {},
      std::to_string(n) + " tháng " + (first ? "đầu" : "cuối") + " năm " + std::to_string(y)};
  return t;
}

std::optional<Term> Grammar::years(std::size_t i) const {
  // "năm 2024", "2024", "giai đoạn 2026 - 2030", "các năm 2022-2026",
  // "2 năm 2020 - 2021" (the count must agree), "in 2021".
  std::size_t j = i;
  bool needs_range = false;
  std::optional<int> count;
  if (auto e = words(j, "giai doan")) {
    j = *e;
    needs_range = true;
  } else if (auto e2 = words(j, "cac nam")) {
    j = *e2;
  } else if ((word(j, "nam") || word(j, "in") || word(j, "year")) && number(j + 1, 4)) {
    ++j;  // "năm 2024": 'năm' is the year here, not the number five
  } else if (number(j, 2) || (!number(j) && spelled_number(t_, j))) {
    const auto c = number(j, 2) ? Counted{t_[j].value, j + 1} : *spelled_number(t_, j);
    if (!word(c.end, "nam")) return std::nullopt;
    count = c.value;
    needs_range = c.value > 1;
    j = c.end + 1;
  } else if (word(j, "nam") || word(j, "in") || word(j, "year")) {
    ++j;
  }
  if (!number(j, 4) || t_[j].digits != 4 || t_[j].value < kFirstYear || t_[j].value > kLastYear) {
    return std::nullopt;
  }
  // A year written right after a separator is that date's, not a period.
  if (j == i && i > 0 && !t_[i].space_before &&
      (t_[i - 1].kind == Tok::slash || t_[i - 1].kind == Tok::dot || t_[i - 1].kind == Tok::dash)) {
    return std::nullopt;
  }
  const int from = t_[j].value;
  int to = from;
  ++j;
  if (j + 1 < t_.size() && t_[j].kind == Tok::dash && four_figures(j + 1) &&
      t_[j + 1].value > from) {
    to = t_[j + 1].value;
    j += 2;
  }
  if (needs_range && to == from) return std::nullopt;
  if (count && *count != to - from + 1) {
    fail(i, say("phrase-error:year-count", {{"count", std::to_string(*count)},
                                            {"from", std::to_string(from)},
                                            {"to", std::to_string(to)},
                                            {"years", std::to_string(to - from + 1)}}));
    return std::nullopt;
  }
  Term t;
  t.begin = i;
  t.end = j;
  t.period = {ymd(from, 1, 1),
              ymd(to, 12, 31),
              to == from ? Period::Grain::year : Period::Grain::years,
              {},
              to == from ? "năm " + std::to_string(from)
                         : std::to_string(from) + " – " + std::to_string(to)};
  return t;
}

std::optional<Term> Grammar::week(std::size_t i) const {
  // "tuần làm việc đầu tiên sau Tết".
  if (auto e = words(i, "tuan lam viec dau tien sau tet")) {
    std::size_t j = *e;
    if (auto n = words(j, "nguyen dan")) j = *n;
    int year = 0, offset = 0;
    std::string name;
    bool yearly = false;
    j = year_part(j, year, offset, name, yearly);
    const int y = base_year(year, name, offset);
    const auto [off_first, off_last] = tet_holiday(y);
    // The first Monday after the days off, and its working days.
    Date monday = off_last + date::days{1};
    while (date::weekday{monday} != date::Monday) monday += date::days{1};
    Term t;
    t.begin = i;
    t.end = j;
    t.period = {monday,
                monday + date::days{4},
                Period::Grain::week,
                {},
                "tuần làm việc đầu tiên sau Tết " + std::to_string(y)};
    return t;
  }
  std::size_t j = i;
  int n = 0;  // 1.. for the n-th week, -1 for the last
  if (word(j, "tuan")) {
    ++j;
    if (auto e = words(j, "dau tien")) {
      n = 1;
      j = *e;
    } else if (word(j, "dau")) {
      n = 1;
      ++j;
    } else if (word(j, "cuoi")) {
      n = -1;
      ++j;
    } else if (word(j, "thu") && (number(j + 1, 1) || spelled_number(t_, j + 1))) {
      const auto c =
          number(j + 1, 1) ? Counted{t_[j + 1].value, j + 2} : *spelled_number(t_, j + 1);
      n = c.value;
      j = c.end;
    } else {
      return std::nullopt;
    }
    if (word(j, "cua") || word(j, "trong")) ++j;
  } else {
    std::size_t k = j;
    if (word(k, "in")) ++k;
    if (word(k, "the")) ++k;
    if (word(k, "last") && word(k + 1, "week")) {
      n = -1;
      j = k + 2;
    } else {
      const auto c = spelled_number(t_, k);
      if (!c || !word(c->end, "week")) return std::nullopt;
      n = c->value;
      j = c->end + 1;
    }
    if (!word(j, "of")) return std::nullopt;
    ++j;
  }
  if (n == 0 || n > 5) return std::nullopt;
  const auto m = month(j, true);
  if (!m) return std::nullopt;
  const auto p = settle(*m);
  if (!p) return std::nullopt;
  // Weeks run Monday to Sunday; the first week of a month is the first one
  // holding a working weekday (Monday to Friday) of it; clipped to the month.
  Date monday = p->first;
  while (date::weekday{monday} != date::Monday) monday -= date::days{1};
  if (monday + date::days{4} < p->first) monday += date::days{7};
  Date first{}, last{};
  if (n > 0) {
    first = monday + date::days{7 * (n - 1)};
  } else {
    first = p->last;
    while (date::weekday{first} != date::Monday) first -= date::days{1};
  }
  last = first + date::days{6};
  if (first > p->last) return std::nullopt;
  Term t;
  t.begin = i;
  t.end = m->end;
  t.period = {
      std::max(first, p->first),
      std::min(last, p->last),
      Period::Grain::week,
      {},
      (n > 0 ? "tuần thứ " + std::to_string(n) : std::string("tuần cuối")) + " của " + p->name};
  return t;
}

std::optional<Term> Grammar::period(std::size_t i) const {
  std::optional<Term> best;
  for (auto candidate : {quarter(i), part(i), first_months(i), years(i), week(i), event(i)}) {
    if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
  }
  if (best) best->kind = Term::Kind::period;
  return best;
}

std::optional<Term> Grammar::term(std::size_t i, bool bare) const {
  std::optional<Term> best;
  for (auto candidate : {day(i, bare), month(i, bare), period(i)}) {
    if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
  }
  return best;
}

// --- events ---------------------------------------------------------------------

std::optional<std::pair<std::size_t, std::size_t>> Grammar::match_name(
    const std::vector<Name>& names, std::size_t i) const {
  std::optional<std::pair<std::size_t, std::size_t>> best;
  std::size_t best_len = 0;
  // A name written in full, or its first words (at least two) when only one
  // name starts so.
  std::vector<std::pair<std::size_t, std::size_t>> prefixes;
  for (const auto& n : names) {
    std::size_t k = 0;
    while (k < n.words.size() && i + k < t_.size() && t_[i + k].text == n.words[k]) ++k;
    if (k == n.words.size() && k > best_len) {
      best = std::pair{n.index, i + k};
      best_len = k;
    } else if (k >= 2 && k < n.words.size()) {
      prefixes.emplace_back(n.index, i + k);
    }
  }
  if (best) return best;
  if (prefixes.empty()) return std::nullopt;
  const auto same = std::all_of(prefixes.begin(), prefixes.end(),
                                [&](const auto& p) { return p.first == prefixes[0].first; });
  if (!same) return std::nullopt;
  return *std::max_element(prefixes.begin(), prefixes.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
}

std::optional<Term> Grammar::known_event(std::size_t i) const {
  std::size_t j = i;
  if (word(j, "ngay") || word(j, "le")) ++j;
  const auto found = match_name(events_, j);
  if (!found) return std::nullopt;
  const auto& e = (*c_.events)[found->first];
  Term t;
  t.begin = i;
  t.end = found->second;
  t.period = {e.date, e.until.value_or(e.date), Period::Grain::event, e.id, e.name};
  return t;
}

std::pair<Date, Date> Grammar::tet_holiday(int year) const {
  const Date first_day = tiendo::tet(year);
  Date first = first_day, last = first_day + date::days{2};
  if (year >= 1900 && year <= 2100) {
    // The days off around mùng 1 as the calendar has them.
    const auto vy = vietnam_year(year);
    std::vector<Date> off;
    for (const auto& d : vy.days_off) off.push_back(d.date);
    const auto is_off = [&](Date d) {
      const auto wd = date::weekday{d};
      return std::find(off.begin(), off.end(), d) != off.end() || wd == date::Saturday ||
             wd == date::Sunday;
    };
    while (is_off(first - date::days{1})) first -= date::days{1};
    while (is_off(last + date::days{1})) last += date::days{1};
  }
  return {first, last};
}

std::optional<Term> Grammar::new_year(std::size_t i) const {
  // "Tết 1 tuần" ("Sau Tết 1 tuần") is Tết and an amount; any other number
  // after it is not Tết alone ("Tết 2/9"?): not read here.
  const bool amount_after =
      number(i + 1, 3) &&
      (word(i + 2, "ngay") || word(i + 2, "tuan") || word(i + 2, "thang") || word(i + 2, "days") ||
       word(i + 2, "day") || word(i + 2, "weeks") || word(i + 2, "week"));
  if (!word(i, "tet") || (number(i + 1, 2) && !amount_after)) return std::nullopt;
  std::size_t j = i + 1;
  if (auto e = words(j, "duong lich")) {
    // "Tết Dương lịch": New Year's Day, the next one for a plan running into it.
    j = *e;
    int year = 0, offset = 0;
    std::string name;
    bool yearly = false;
    j = year_part(j, year, offset, name, yearly);
    int y = base_year(year, name, offset);
    if (year == 0 && name.empty() && c_.start && ymd(y, 1, 1) < *c_.start) ++y;
    Term t;
    t.begin = i;
    t.end = j;
    t.period = {ymd(y, 1, 1), ymd(y, 1, 1), Period::Grain::event, "tet-duong-lich",
                "Tết Dương lịch " + std::to_string(y)};
    return t;
  }
  for (const std::string_view w : {"nguyen dan", "am lich", "co truyen"}) {
    if (auto e = words(j, w)) {
      j = *e;
      break;
    }
  }
  int year = 0, offset = 0;
  std::string name;
  bool yearly = false;
  j = year_part(j, year, offset, name, yearly);
  if (word(j, "nam") && number(j + 1, 4)) {  // "Tết Bính Ngọ năm 2026"
    year = t_[j + 1].value;
    j += 2;
  }
  int y = base_year(year, name, offset);
  if (year == 0 && name.empty() && c_.start) {
    // The Tết a plan running into the new year means is the next one.
    if (tiendo::tet(y) < *c_.start) ++y;
  }
  const auto [first, last] = tet_holiday(y);
  Term t;
  t.begin = i;
  t.end = j;
  // Before Tết means before its first day (mùng 1); after it, after the days off.
  t.period = {tiendo::tet(y), last, Period::Grain::event, "tet", "Tết " + year_name(y)};
  if (first != tiendo::tet(y)) {
    assume(i, j,
           "before Tết is before its first day " + iso(tiendo::tet(y)) +
               "; after it, after the days off to " + iso(last),
           "trước Tết là trước mùng 1 (" + vn(tiendo::tet(y)) + "); sau Tết là sau kỳ nghỉ đến " +
               vn(last));
  }
  return t;
}

std::optional<Term> Grammar::named_date(std::size_t i) const {
  // A name followed by its date in parentheses: "thời điểm hoàn thành Đại
  // hội ... (tháng 8/2020)", several joined by commas (the last one counts).
  std::size_t j = i;
  std::optional<Period> found;
  std::size_t end = i;
  for (int names = 0; names < 4; ++names) {
    // The name: words (commas allowed) that hold no time of their own, and
    // start with no word that says how a time is meant.
    for (const std::string_view w : {"truoc", "sau", "den", "tu", "trong", "vao", "tai", "khi"}) {
      if (word(j, w)) return std::nullopt;
    }
    std::size_t k = j;
    while (k < t_.size() && k - j < 40 && t_[k].kind != Tok::open &&
           (t_[k].kind == Tok::word || t_[k].kind == Tok::number || t_[k].kind == Tok::comma) &&
           !day(k) && !month(k) && !quarter(k) && !part(k) && !first_months(k) && !years(k) &&
           !week(k)) {
      ++k;
    }
    if (k == j || k >= t_.size() || t_[k].kind != Tok::open) break;
    const auto inner = term(k + 1, true);
    if (!inner || inner->end >= t_.size() || t_[inner->end].kind != Tok::close) break;
    const auto p = settle(*inner);
    if (!p) break;
    if (!found) {
      found = *p;
    } else {
      found->first = std::min(found->first, p->first);
      found->last = std::max(found->last, p->last);
    }
    end = inner->end + 1;
    if (end < t_.size() && t_[end].kind == Tok::comma) {
      j = end + 1;
    } else {
      break;
    }
  }
  if (!found) return std::nullopt;
  Term t;
  t.begin = i;
  t.end = end;
  t.period = *found;
  t.period.grain = Period::Grain::event;
  std::string name;
  for (std::size_t k = i; k < end && t_[k].kind != Tok::open; ++k) {
    name += (name.empty() ? "" : " ") + t_[k].text;
  }
  t.period.name = name;
  if (found->first != found->last) {
    std::size_t name_end = i;
    while (name_end < end && t_[name_end].kind != Tok::open) ++name_end;
    name = quote(i, name_end);
    // Dated by a month or a quarter only: where in it the day falls is not
    // known, and a phrase before it or after it takes the period's edge.
    assume(i, end,
           "'" + name + "' is dated only from " + iso(found->first) + " to " + iso(found->last) +
               ": before it is read as before " + iso(found->first) + ", after it as after " +
               iso(found->last) + "; give the plan an event with its day for exact dates",
           "'" + name + "' chỉ được ghi trong khoảng " + vn(found->first) + " – " +
               vn(found->last) + ": trước đó hiểu là trước " + vn(found->first) +
               ", sau đó là sau " + vn(found->last) +
               "; khai báo sự kiện với ngày cụ thể để có mốc chính xác");
  }
  return t;
}

std::optional<Term> Grammar::event(std::size_t i) const {
  std::optional<Term> best;
  for (auto candidate : {known_event(i), new_year(i)}) {
    if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
  }
  if (best) best->kind = Term::Kind::period;
  return best;
}

std::optional<std::pair<std::size_t, std::size_t>> Grammar::committee_at(std::size_t i) const {
  return match_name(committees_, i);
}

Date Grammar::working_days_from(Date from, int n) const {
  const CalendarSpec fallback = [] {
    CalendarSpec spec;
    spec.builtin = "vn";
    return spec;
  }();
  const auto& spec = c_.calendar != nullptr ? *c_.calendar : fallback;
  const WorkCalendar cal(spec, from - date::days{3 * std::abs(n) + 60},
                         from + date::days{3 * std::abs(n) + 60});
  if (n < 0) {
    // The n-th working day before `from` (not counting `from` itself).
    const int b = cal.start_boundary(from);
    return cal.working_day(b + n);
  }
  return cal.working_day(cal.end_boundary(from) + n - 1);
}

// --- settling -----------------------------------------------------------------

std::optional<Date> Grammar::settle_day(const DayTerm& d, std::size_t at,
                                        const DayTerm* hint) const {
  // A day without its month cannot stand alone ("14" of "14 - 16/5"): not
  // an error, just not a day here.
  const int month = d.month != 0 ? d.month : hint != nullptr ? hint->month : 0;
  if (month == 0) return std::nullopt;
  int year = d.year;
  std::string name = d.year_name;
  int offset = d.year_offset;
  if (!d.year_given && hint != nullptr) {
    year = hint->year;
    name = hint->year_name;
    offset = hint->year_offset;
  }
  const int y = base_year(year, name, offset, d.lunar);
  if (y == 0) return std::nullopt;
  std::optional<Date> result;
  if (d.lunar) {
    result = from_lunar({d.day, month, y, false});
    if (!result) {
      fail(at, say("phrase-error:no-lunar-day",
                   {{"day", std::to_string(d.day)},
                    {"month", std::to_string(month)},
                    {"year_name", year_name(y)},
                    {"year", std::to_string(y)},
                    {"days", std::to_string(from_lunar({30, month, y, false}) ? 30 : 29)}}));
    }
  } else {
    const date::year_month_day v{date::year{y}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(d.day)}};
    if (!v.ok()) {
      fail(at,
           say("phrase-error:no-such-date", {{"day", std::to_string(d.day)},
                                             {"month", std::to_string(month)},
                                             {"year", std::to_string(y)},
                                             {"days", std::to_string(days_in_month(y, month))}}));
      return std::nullopt;
    }
    result = Date{v};
  }
  if (!result) return std::nullopt;
  // "Trước ngày 15/1" in a plan that starts in October: next January.
  const bool year_from_plan = !d.year_given && (hint == nullptr || !hint->year_given) &&
                              year_hint_ == 0 && name.empty() && offset == 0;
  if (year_from_plan && c_.start && *result < *c_.start - date::days{31}) {
    DayTerm next = d;
    next.year = y + 1;
    next.year_given = true;
    if (const auto later = settle_day(next, at)) {
      assume(at, at + 1,
             "the day has no year and would fall well before the plan starts: taken in " +
                 std::to_string(y + 1),
             "ngày không ghi năm, nếu tính năm " + std::to_string(y) +
                 " thì trước khi kế hoạch bắt đầu: hiểu là năm " + std::to_string(y + 1));
      return later;
    }
  }
  if (result && d.weekday >= 0 &&
      static_cast<int>(date::weekday{*result}.c_encoding()) != d.weekday) {
    static constexpr std::array<const char*, 7> kNames{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư",
                                                       "thứ Năm",  "thứ Sáu", "thứ Bảy"};
    fail(at,
         say("phrase-error:weekday", {{"date", format_vn(*result)},
                                      {"is", kNames[date::weekday{*result}.c_encoding()]},
                                      {"written", kNames[static_cast<std::size_t>(d.weekday)]}}));
    return std::nullopt;
  }
  return result;
}

std::optional<Period> Grammar::settle(const Term& term, const Term* hint) const {
  switch (term.kind) {
    case Term::Kind::period:
      return term.period;
    case Term::Kind::day: {
      const DayTerm* h = hint != nullptr && hint->kind == Term::Kind::day ? &hint->day : nullptr;
      const auto d = settle_day(term.day, term.begin, h);
      if (!d) return std::nullopt;
      return Period{*d, *d, Period::Grain::day, {}, format_vn(*d)};
    }
    case Term::Kind::month: {
      const auto& m = term.month;
      int year = m.year;
      std::string name = m.year_name;
      int offset = m.year_offset;
      if (!m.year_given && hint != nullptr) {
        if (hint->kind == Term::Kind::month) {
          year = hint->month.year;
          name = hint->month.year_name;
          offset = hint->month.year_offset;
        } else if (hint->kind == Term::Kind::day) {
          year = hint->day.year;
          name = hint->day.year_name;
          offset = hint->day.year_offset;
        }
      }
      const int y = base_year(year, name, offset, m.lunar);
      if (m.lunar) {
        const auto first = from_lunar({1, m.month, y, false});
        const auto next = m.month == 12 ? from_lunar({1, 1, y + 1, false})
                                        : from_lunar({1, m.month + 1, y, false});
        if (!first || !next) {
          fail(term.begin, say("phrase-error:no-lunar-month",
                               {{"month", std::to_string(m.month)}, {"year", std::to_string(y)}}));
          return std::nullopt;
        }
        return Period{*first,
                      *next - date::days{1},
                      Period::Grain::month,
                      {},
                      "tháng " + std::to_string(m.month) + " âm lịch năm " + year_name(y)};
      }
      return Period{ymd(y, m.month, 1),
                    month_last(y, m.month),
                    Period::Grain::month,
                    {},
                    "tháng " + std::to_string(m.month) + "/" + std::to_string(y)};
    }
  }
  return std::nullopt;
}

}  // namespace tiendo::phrases
