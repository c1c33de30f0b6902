// Reading time phrases. Each clause is folded (no case, no diacritics) and
// tried against the forms below, most specific first; the first that matches
// gives the clause's meaning. docs/phrases.md lists every form with examples.
#include <tiendo/lunar.hpp>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <regex>

#include "text_fold.hpp"

namespace tiendo {

namespace {

using std::regex;
using std::smatch;

const char* const kMonthsEn[] = {"january",   "february", "march",    "april",
                                 "may",       "june",     "july",     "august",
                                 "september", "october",  "november", "december"};

/// 1..12 for an English month name the patterns below matched.
int english_month(const std::string& name) {
  return static_cast<int>(std::find(std::begin(kMonthsEn), std::end(kMonthsEn), name) -
                          std::begin(kMonthsEn)) +
         1;
}

Date ymd(int y, int m, int d) {
  return Date{date::year{y} / date::month{static_cast<unsigned>(m)} /
              date::day{static_cast<unsigned>(d)}};
}
Date month_last(int y, int m) {
  return Date{date::year{y} / date::month{static_cast<unsigned>(m)} / date::last};
}

std::optional<Date> valid(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const date::year_month_day v{date::year{y}, date::month{static_cast<unsigned>(m)},
                               date::day{static_cast<unsigned>(d)}};
  if (!v.ok()) return std::nullopt;
  return Date{v};
}

int to_int(const std::ssub_match& m) {
  return std::stoi(m.str());
}

/// A lunar month word: "gieng" (1), "chap" (12) or a number.
int lunar_month(const std::string& word) {
  if (word == "gieng") return 1;
  if (word == "chap") return 12;
  return std::stoi(word);
}

/// A year written as digits or as a sexagenary name.
std::optional<int> year_word(const std::string& word, int around) {
  if (word.empty()) return around;
  if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(word);
  }
  return year_from_name(word, around);
}

const std::string kYear = R"((?:\s+(?:nam\s+)?(\d{4}|[a-z]+\s+[a-z]+))?)";

std::optional<Date> lunar_day(const std::string& s, int around) {
  smatch m;
  static const regex tet_day(R"((?:mung|mong)\s+(\d{1,2})\s+tet)" + kYear);
  static const regex month_day(
      R"((?:mung|mong|ngay)\s+(\d{1,2})\s+thang\s+(gieng|chap|\d{1,2})(?:\s+am\s+lich)?)" + kYear);
  static const regex numeric(R"((?:ngay\s+)?(\d{1,2})[/.\-](\d{1,2})\s+(?:am\s+lich|al))" + kYear);
  static const regex full_moon(R"(ram\s+thang\s+(gieng|chap|\d{1,2}))" + kYear);
  static const regex new_year(R"(tet\s+nguyen\s+dan)" + kYear);
  int day = 0, month = 0;
  std::string year;
  if (std::regex_search(s, m, tet_day)) {
    day = to_int(m[1]);
    month = 1;
    year = m[2];
  } else if (std::regex_search(s, m, month_day)) {
    day = to_int(m[1]);
    month = lunar_month(m[2]);
    year = m[3];
  } else if (std::regex_search(s, m, numeric)) {
    day = to_int(m[1]);
    month = to_int(m[2]);
    year = m[3];
  } else if (std::regex_search(s, m, full_moon)) {
    day = 15;
    month = lunar_month(m[1]);
    year = m[2];
  } else if (std::regex_search(s, m, new_year)) {
    day = 1;
    month = 1;
    year = m[1];
  } else {
    return std::nullopt;
  }
  const auto y = year_word(year, around);
  if (!y) return std::nullopt;
  return from_lunar({day, month, *y, false});
}

/// A solar day: ISO, d/m/y with '/', '-' or '.', or d/m (year from context).
std::optional<Date> solar_day(const std::string& s, int year, std::smatch* where = nullptr) {
  smatch m;
  static const regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const regex dmy(R"((\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?)");
  static const regex en(
      R"((\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4}))");
  if (std::regex_search(s, m, iso)) {
    if (where) *where = m;
    return valid(to_int(m[1]), to_int(m[2]), to_int(m[3]));
  }
  if (std::regex_search(s, m, en)) {
    if (where) *where = m;
    return valid(to_int(m[3]), english_month(m[2]), to_int(m[1]));
  }
  if (std::regex_search(s, m, dmy)) {
    if (where) *where = m;
    return valid(m[3].matched ? to_int(m[3]) : year, to_int(m[2]), to_int(m[1]));
  }
  return std::nullopt;
}

std::string two(int v) {
  return v < 10 ? '0' + std::to_string(v) : std::to_string(v);
}
std::string vn(Date d) {
  return format_vn(d);
}
std::string iso(Date d) {
  return format_iso(d);
}

class Reader {
 public:
  Reader(const PhraseContext& context, PhraseReading& out) : c_(context), out_(out) {}

  /// True when the clause held a time expression.
  bool clause(const std::string& s) {
    return meeting(s) || day_span(s) || month_span(s) || before(s) || after(s) || during(s) ||
           at_event(s) || lunar_single(s) || part_of_month(s) || month(s) || quarter(s) ||
           half(s) || year(s) || single_day(s) || ongoing(s);
  }

 private:
  // --- results --------------------------------------------------------------

  void window(Date from, Date to, const std::string& en, const std::string& vi) {
    Constraint c;
    c.kind = ConstraintKind::window;
    c.date = from;
    c.until = to;
    out_.constraints.push_back(c);
    note(en + " (" + iso(from) + " .. " + iso(to) + ")",
         vi + " (" + vn(from) + " – " + vn(to) + ")");
  }

  void single(ConstraintKind kind, Date d, const std::string& event, const std::string& en,
              const std::string& vi) {
    Constraint c;
    c.kind = kind;
    c.date = d;
    c.event = event;
    out_.constraints.push_back(c);
    note(en, vi);
  }

  void note(const std::string& en, const std::string& vi) {
    out_.meaning_en += (out_.meaning_en.empty() ? "" : "; ") + en;
    out_.meaning_vi += (out_.meaning_vi.empty() ? "" : "; ") + vi;
  }

  Date before_day(Date d) const {
    return c_.before == BeforeMeans::day_before ? d - date::days{1} : d;
  }

  // --- events ---------------------------------------------------------------

  /// The event named at the start of `rest` (its id, name or an alias).
  const Event* event_at(const std::string& rest) const {
    if (c_.events == nullptr) return nullptr;
    const Event* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& e : *c_.events) {
      std::vector<std::string> names{e.id, e.name};
      names.insert(names.end(), e.aliases.begin(), e.aliases.end());
      for (const auto& n : names) {
        const auto f = detail::fold(n);
        if (!f.empty() && rest.rfind(f, 0) == 0 && f.size() > best_len) {
          best = &e;
          best_len = f.size();
        }
      }
    }
    return best;
  }

  /// The event named right after one of `words` in `s`.
  const Event* event_after(const std::string& s, const std::string& words) const {
    const regex re("(?:^|\\s)(?:" + words + ")\\s+");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator();
         ++it) {
      const auto rest = s.substr(static_cast<std::size_t>(it->position() + it->length()));
      if (const auto* e = event_at(rest)) return e;
    }
    return nullptr;
  }

  // --- forms ----------------------------------------------------------------

  bool meeting(const std::string& s) {
    smatch m;
    static const regex vi(
        R"((?:tai|trong|o)\s+(?:ky\s+|phien\s+|cuoc\s+)?hop\s+([a-z0-9_\-]+)(?:\s+thang\s+(\d{1,2})(?:[/.\-]|\s+nam\s+)(\d{4}))?)");
    static const regex en(
        R"(at\s+the\s+([a-z0-9_\-]+)\s+meeting(?:\s+(?:of|in)\s+(?:(\d{1,2})/(\d{4})|(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})))?)");
    MeetingRef ref;
    std::string id;
    int mm = 0, yy = 0;
    if (std::regex_search(s, m, vi)) {
      id = m[1];
      if (m[2].matched) {
        mm = to_int(m[2]);
        yy = to_int(m[3]);
      }
    } else if (std::regex_search(s, m, en)) {
      id = m[1];
      if (m[2].matched) {
        mm = to_int(m[2]);
        yy = to_int(m[3]);
      } else if (m[4].matched) {
        mm = english_month(m[4]);
        yy = to_int(m[5]);
      }
    } else {
      return false;
    }
    // Committee ids are acronyms: upper case unless the plan spells one otherwise.
    ref.committee = id;
    for (auto& ch : ref.committee) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    if (c_.committees != nullptr) {
      for (const auto& c : *c_.committees) {
        if (detail::fold(c.id) == id) ref.committee = c.id;
      }
    }
    if (mm != 0) {
      ref.month = date::year{yy} / date::month{static_cast<unsigned>(mm)};
      note("at the " + ref.committee + " meeting of " + std::to_string(yy) + "-" + two(mm),
           "tại kỳ họp " + ref.committee + " tháng " + std::to_string(mm) + "/" +
               std::to_string(yy));
    } else {
      note("at the first " + ref.committee + " meeting its documents can reach",
           "tại kỳ họp " + ref.committee + " gần nhất sau khi hồ sơ sẵn sàng");
    }
    out_.meeting = ref;
    return true;
  }

  bool day_span(const std::string& s) {
    smatch m;
    static const regex vi(
        R"((?:tu|from)\s+(?:ngay\s+)?(\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{4})?|\d{4}-\d{2}-\d{2})\s*(?:(?:den|toi|to|until)(?:\s+het)?(?:\s+ngay)?|-|–)\s*(\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{4})?|\d{4}-\d{2}-\d{2}))");
    if (!std::regex_search(s, m, vi)) return false;
    const auto to = solar_day(m[2], c_.year);
    if (!to) return false;
    const int year = static_cast<int>(date::year_month_day{*to}.year());
    auto from = solar_day(m[1], year);
    if (!from) return false;
    if (*from > *to) from = solar_day(m[1], year - 1);  // 28/12 - 05/01/2025
    out_.span = std::pair{*from, *to};
    Constraint c;
    c.kind = ConstraintKind::window;
    c.date = *from;
    c.until = *to;
    out_.constraints.push_back(c);
    Constraint start;
    start.kind = ConstraintKind::start_on;
    start.date = *from;
    out_.constraints.push_back(start);
    note("runs from " + iso(*from) + " to " + iso(*to),
         "diễn ra từ " + vn(*from) + " đến " + vn(*to));
    return true;
  }

  bool month_span(const std::string& s) {
    smatch m;
    static const regex re(
        R"((?:tu|from)\s+thang\s+(\d{1,2})(?:[/.\-](\d{4}))?\s+(?:den|toi)\s+(?:het\s+)?thang\s+(\d{1,2})[/.\-](\d{4}))");
    if (!std::regex_search(s, m, re)) return false;
    const int y2 = to_int(m[4]);
    const int y1 = m[2].matched ? to_int(m[2]) : (to_int(m[1]) <= to_int(m[3]) ? y2 : y2 - 1);
    window(ymd(y1, to_int(m[1]), 1), month_last(y2, to_int(m[3])), "within those months",
           "trong các tháng đó");
    return true;
  }

  bool before(const std::string& s) {
    smatch m;
    static const regex re(R"((?:^|\s)(truoc|before|by|no\s+later\s+than|cham\s+nhat|han)\s+(.*))");
    if (!std::regex_search(s, m, re)) return false;
    const std::string word = m[1];
    const std::string named = m[2];  // an event's name may start with "ngày"
    const std::string rest = strip(named, "ngay ");
    const bool same_day =
        word == "by" || word == "no later than" || word == "cham nhat" || word == "han";
    if (const auto d = day_of(rest)) {
      const Date due = same_day ? *d : before_day(*d);
      single(ConstraintKind::due, due, {},
             "due " + iso(due) + (due != *d ? " (the day before " + iso(*d) + ")" : ""),
             "hoàn thành trước hết ngày " + vn(due));
      return true;
    }
    const auto* e = event_at(strip(named, "khai mac "));
    if (e == nullptr) e = event_at(named);
    if (e == nullptr) return false;
    const Date due = e->date - date::days{1};
    single(ConstraintKind::due, due, e->id, "due " + iso(due) + ", before " + e->name,
           "xong trước " + e->name + " (hạn " + vn(due) + ")");
    return true;
  }

  bool after(const std::string& s) {
    smatch m;
    static const regex re(R"((?:^|\s)(sau|after|ke\s+tu)\s+(.*))");
    if (!std::regex_search(s, m, re)) return false;
    const std::string named = m[2];
    const std::string rest = strip(named, "ngay ");
    if (const auto d = day_of(rest)) {
      const bool from = m[1].str() == "ke tu";
      const Date start = from ? *d : *d + date::days{1};
      single(ConstraintKind::not_before, start, {}, "not before " + iso(start),
             "bắt đầu từ " + vn(start));
      return true;
    }
    const auto* e = event_at(named);
    if (e == nullptr) return false;
    const Date start = e->until.value_or(e->date) + date::days{1};
    single(ConstraintKind::not_before, start, e->id,
           "after " + e->name + ": not before " + iso(start),
           "sau " + e->name + ": từ " + vn(start));
    return true;
  }

  bool during(const std::string& s) {
    const auto* e =
        event_after(s, R"(trong(?:\s+thoi\s+gian)?(?:\s+tien\s+hanh|\s+dien\s+ra)?|during)");
    if (e == nullptr) return false;
    window(e->date, e->until.value_or(e->date), "during " + e->name, "trong thời gian " + e->name);
    out_.constraints.back().event = e->id;
    return true;
  }

  bool at_event(const std::string& s) {
    const auto* e = event_after(s, R"(tai|vao\s+dip|nhan\s+dip|at|on)");
    if (e == nullptr) return false;
    single(ConstraintKind::start_on, e->date, e->id,
           "on the day of " + e->name + " (" + iso(e->date) + ")",
           "tại " + e->name + " (" + vn(e->date) + ")");
    return true;
  }

  bool part_of_month(const std::string& s) {
    smatch m;
    static const regex vi(R"((dau|giua|cuoi)\s+thang\s+(\d{1,2})(?:[/.\-]|\s+nam\s+)(\d{4}))");
    static const regex en(
        R"((early|mid|late)\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4}))");
    int part = 0, mm = 0, yy = 0;
    if (std::regex_search(s, m, vi)) {
      part = m[1] == "dau" ? 0 : m[1] == "giua" ? 1 : 2;
      mm = to_int(m[2]);
      yy = to_int(m[3]);
    } else if (std::regex_search(s, m, en)) {
      part = m[1] == "early" ? 0 : m[1] == "mid" ? 1 : 2;
      mm = english_month(m[2]);
      yy = to_int(m[3]);
    } else {
      return false;
    }
    if (mm < 1 || mm > 12) return false;
    const Date from = ymd(yy, mm, part * 10 + 1);
    const Date to = part == 2 ? month_last(yy, mm) : ymd(yy, mm, part * 10 + 10);
    static const char* const en_part[] = {"early", "mid", "late"};
    static const char* const vi_part[] = {"đầu", "giữa", "cuối"};
    window(from, to, std::string(en_part[part]) + " " + std::to_string(yy) + "-" + two(mm),
           std::string(vi_part[part]) + " tháng " + std::to_string(mm) + "/" + std::to_string(yy));
    return true;
  }

  bool month(const std::string& s) {
    smatch m;
    static const regex vi(R"(thang\s+(\d{1,2})(?:[/.\-]|\s+nam\s+)(\d{4}))");
    static const regex en(
        R"((january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4}))");
    static const regex num(R"((?:^|\s)(?:in|during)\s+(\d{1,2})/(\d{4}))");
    int mm = 0, yy = 0;
    if (std::regex_search(s, m, vi) || std::regex_search(s, m, num)) {
      mm = to_int(m[1]);
      yy = to_int(m[2]);
    } else if (std::regex_search(s, m, en)) {
      mm = english_month(m[1]);
      yy = to_int(m[2]);
    } else {
      return false;
    }
    if (mm < 1 || mm > 12) return false;
    window(ymd(yy, mm, 1), month_last(yy, mm), "in " + std::to_string(yy) + "-" + two(mm),
           "trong tháng " + std::to_string(mm) + "/" + std::to_string(yy));
    return true;
  }

  bool quarter(const std::string& s) {
    smatch m;
    static const regex vi(R"(quy\s+(iv|iii|ii|i|[1-4])(?:[/.\-]|\s+nam\s+)(\d{4}))");
    static const regex en(R"(q([1-4])\s*(\d{4}))");
    int q = 0, yy = 0;
    if (std::regex_search(s, m, vi)) {
      const std::string r = m[1];
      q = r == "i" || r == "1" ? 1 : r == "ii" || r == "2" ? 2 : r == "iii" || r == "3" ? 3 : 4;
      yy = to_int(m[2]);
    } else if (std::regex_search(s, m, en)) {
      q = to_int(m[1]);
      yy = to_int(m[2]);
    } else {
      return false;
    }
    window(ymd(yy, 3 * q - 2, 1), month_last(yy, 3 * q),
           "Q" + std::to_string(q) + " " + std::to_string(yy),
           "quý " + std::to_string(q) + "/" + std::to_string(yy));
    return true;
  }

  bool half(const std::string& s) {
    smatch m;
    static const regex vi(R"(6\s+thang\s+(dau|cuoi)\s+nam\s+(\d{4}))");
    static const regex en(R"((first|second)\s+half\s+(?:of\s+)?(\d{4}))");
    bool first = true;
    int yy = 0;
    if (std::regex_search(s, m, vi)) {
      first = m[1] == "dau";
      yy = to_int(m[2]);
    } else if (std::regex_search(s, m, en)) {
      first = m[1] == "first";
      yy = to_int(m[2]);
    } else {
      return false;
    }
    window(first ? ymd(yy, 1, 1) : ymd(yy, 7, 1), first ? ymd(yy, 6, 30) : ymd(yy, 12, 31),
           std::string(first ? "first" : "second") + " half of " + std::to_string(yy),
           std::string("6 tháng ") + (first ? "đầu" : "cuối") + " năm " + std::to_string(yy));
    return true;
  }

  bool year(const std::string& s) {
    smatch m;
    static const regex part(R"((dau|cuoi|early|late)\s+(?:nam\s+)?(\d{4}))");
    static const regex whole(R"((?:^|\s)(?:nam|in)\s+(\d{4}))");
    if (std::regex_search(s, m, part)) {
      const bool early = m[1] == "dau" || m[1] == "early";
      const int yy = to_int(m[2]);
      // The first or the last quarter of the year.
      window(early ? ymd(yy, 1, 1) : ymd(yy, 10, 1), early ? ymd(yy, 3, 31) : ymd(yy, 12, 31),
             std::string(early ? "early " : "late ") + std::to_string(yy) + ", taken as its " +
                 (early ? "first" : "last") + " quarter",
             std::string(early ? "đầu" : "cuối") + " năm " + std::to_string(yy) + ", hiểu là quý " +
                 (early ? "I" : "IV"));
      return true;
    }
    if (!std::regex_search(s, m, whole)) return false;
    const int yy = to_int(m[1]);
    window(ymd(yy, 1, 1), ymd(yy, 12, 31), "in " + std::to_string(yy),
           "trong năm " + std::to_string(yy));
    return true;
  }

  /// A lunar date names one day even where a year or month pattern would
  /// also match ('ngày 10/3 âm lịch năm 2025').
  bool lunar_single(const std::string& s) {
    const auto d = lunar_day(s, c_.year);
    if (!d) return false;
    single(ConstraintKind::start_on, *d, {}, "on " + iso(*d) + " (a lunar date)",
           "vào ngày " + vn(*d) + " (âm lịch)");
    return true;
  }

  bool single_day(const std::string& s) {
    const auto d = day_of(s);
    if (!d) return false;
    single(ConstraintKind::start_on, *d, {}, "on " + iso(*d), "vào ngày " + vn(*d));
    return true;
  }

  bool ongoing(const std::string& s) {
    static const regex re(
        R"(thuong\s+xuyen|lien\s+tuc|theo\s+ke\s+hoach|theo\s+lich\s+trinh|theo\s+kich\s+ban|ongoing|as\s+planned|continuous)");
    if (!std::regex_search(s, re)) return false;
    out_.ongoing = true;
    note("ongoing, no date of its own", "thường xuyên, không có mốc riêng");
    return true;
  }

  std::optional<Date> day_of(const std::string& s) const {
    if (auto d = lunar_day(s, c_.year)) return d;
    return solar_day(s, c_.year);
  }

  static std::string strip(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0 ? s.substr(prefix.size()) : s;
  }

  const PhraseContext& c_;
  PhraseReading& out_;
};

}  // namespace

std::optional<Date> read_day(std::string_view text, int default_year) {
  const auto s = detail::fold(text);
  if (auto d = lunar_day(s, default_year)) return d;
  return solar_day(s, default_year);
}

std::string_view accepted_phrases() {
  return "a date (30/8/2024, 30-8-2024, 30.8.2024, 2024-08-30, 30 August 2024, mùng 1 Tết 2025, "
         "10/3 âm lịch năm 2025, Rằm tháng Giêng 2026); Trước (ngày) DATE; Sau DATE; Từ ngày D1 "
         "đến D2; Từ tháng M/YYYY đến (hết) tháng M/YYYY; (Trong) tháng M/YYYY; đầu/giữa/cuối "
         "tháng M/YYYY; quý I/YYYY; 6 tháng đầu/cuối năm YYYY; (Trong) năm YYYY; đầu/cuối năm "
         "YYYY; Tại kỳ họp BTV (tháng M/YYYY); Tại/Trước/Sau/Trong thời gian EVENT; Thường xuyên; "
         "Theo kế hoạch. English: before/by/after DATE, from D1 to D2, in June 2024, "
         "early/mid/late "
         "June 2024, Q1 2021, first half of 2024, in 2024, at the BTV meeting of May 2024, "
         "at/before/after/during EVENT, ongoing";
}

PhraseReading read_phrase(std::string_view text, const PhraseContext& context) {
  PhraseReading out;
  Reader reader(context, out);
  const auto folded = detail::fold(text);
  bool any = false;
  std::size_t begin = 0;
  while (begin <= folded.size()) {
    auto end = folded.find_first_of(",;", begin);
    if (end == std::string::npos) end = folded.size();
    auto clause = folded.substr(begin, end - begin);
    while (!clause.empty() && clause.front() == ' ') clause.erase(0, 1);
    if (!clause.empty()) any = reader.clause(clause) || any;
    begin = end + 1;
  }
  if (!any) out.error = "cannot read '" + std::string(text) + "' as a time";
  return out;
}

}  // namespace tiendo
