// Reading a time phrase: the text cut into tokens, the grammar's expressions
// found wherever they start (the longest at each place), combined into one
// reading; readings that cannot both hold are an error, and every word that
// no expression used is said back to the planner.
#include <tiendo/lunar.hpp>
#include <tiendo/phrase.hpp>
#include <tiendo/suggest.hpp>

#include <algorithm>
#include <array>

#include "phrases/grammar.hpp"
#include "phrases/tokens.hpp"
#include "phrases/words.hpp"
#include "text/text_fold.hpp"

namespace tiendo {

namespace {

using phrases::Form;
using phrases::Grammar;
using phrases::Piece;
using phrases::Tok;
using phrases::Token;
using phrases::Verb;

struct VerbAt {
  Verb verb = Verb::none;
  std::size_t begin = 0, end = 0;
};

/// A verb that changes what a date means for the step: starting, finishing,
/// or 'at the earliest'.
std::optional<VerbAt> verb_at(const std::vector<Token>& t, std::size_t i) {
  static constexpr std::array<std::pair<std::string_view, Verb>, 21> kVerbs{
      {{"bat dau", Verb::start},
       {"khoi cong", Verb::start},
       {"khoi dong", Verb::start},
       {"khai giang", Verb::start},
       {"start", Verb::start},
       {"begin", Verb::start},
       {"hoan thanh", Verb::finish},
       {"ket thuc", Verb::finish},
       {"xong", Verb::finish},
       {"completion date", Verb::finish},
       {"completion", Verb::finish},
       {"complete", Verb::finish},
       {"completed", Verb::finish},
       {"finish", Verb::finish},
       {"end", Verb::finish},
       {"som nhat", Verb::earliest},
       {"at the earliest", Verb::earliest},
       {"lui", Verb::moved},
       {"doi", Verb::moved},
       {"hoan", Verb::moved},
       {"postponed", Verb::moved}}};
  for (const auto& [w, v] : kVerbs) {
    if (phrases::words_at(t, i, w)) return VerbAt{v, i, i + phrases::word_count(w)};
  }
  return std::nullopt;
}

/// Changes what a piece means by the verb before it; false when the verb
/// has nothing to say to it.
bool apply_verb(Piece& p, Verb verb) {
  const auto replace = [&](ConstraintKind from, ConstraintKind to) {
    bool changed = false;
    for (auto& c : p.constraints) {
      if (c.kind == from) {
        c.kind = to;
        changed = true;
      }
    }
    return changed;
  };
  switch (p.form) {
    case Form::before:
      if (verb == Verb::start) return replace(ConstraintKind::due, ConstraintKind::start_by);
      if (verb == Verb::earliest) return replace(ConstraintKind::due, ConstraintKind::not_before);
      return verb == Verb::finish;
    case Form::deadline:
      if (verb == Verb::start) return replace(ConstraintKind::due, ConstraintKind::start_by);
      if (verb == Verb::moved && p.period) {
        // "lùi … đến quý II/2022": moved to that period, held within it.
        p.constraints.clear();
        Constraint c;
        c.kind = ConstraintKind::window;
        c.date = p.period->first;
        c.until = p.period->last;
        p.constraints.push_back(c);
        return true;
      }
      return verb == Verb::finish;
    case Form::within:
      if (verb == Verb::finish || verb == Verb::start) {
        std::vector<Constraint> out;
        for (const auto& c : p.constraints) {
          if (c.kind != ConstraintKind::window) {
            out.push_back(c);
            continue;
          }
          // Finished within a period: no later than its end, no earlier than
          // its start. Started within it: likewise for the start.
          auto first = c, last = c;
          first.kind =
              verb == Verb::finish ? ConstraintKind::finish_not_before : ConstraintKind::not_before;
          last.kind = verb == Verb::finish ? ConstraintKind::due : ConstraintKind::start_by;
          last.date = c.until;
          first.until = last.until = {};
          out.push_back(first);
          out.push_back(last);
        }
        p.constraints = std::move(out);
        return true;
      }
      return false;
    case Form::day:
      if (verb == Verb::finish) return replace(ConstraintKind::start_on, ConstraintKind::finish_on);
      return verb == Verb::start;
    case Form::after:
      if (verb == Verb::finish) {
        return replace(ConstraintKind::not_before, ConstraintKind::finish_not_before);
      }
      return verb == Verb::start;
    case Form::other:
      return false;
  }
  return false;
}

/// Separates the clauses of a phrase: the verb of one does not reach the next.
bool clause_break(const Token& t) {
  return t.kind == Tok::comma || t.kind == Tok::semicolon || t.kind == Tok::dot ||
         t.kind == Tok::colon || t.is_word("va") || t.is_word("and");
}

/// Words that join and are never reported: 'và', 'and', 'các'.
bool quiet(const Token& t) {
  return !t.meaningful() || t.is_word("va") || t.is_word("and") || t.is_word("cac") ||
         t.is_word("cung");
}

/// "Đợt 1:", "Đợt I:", "Phase 2 is", "giai đoạn 1:": a label of the round,
/// not a time.
std::size_t skip_label(const Grammar& g, std::size_t i) {
  const auto& t = g.tokens();
  std::size_t j = i;
  bool lead = false;
  for (const std::string_view w : {"dot", "phase", "giai doan", "buoc", "round"}) {
    if (auto e = g.words(j, w)) {
      j = *e;
      lead = true;
      break;
    }
  }
  if (!lead || j >= t.size()) return i;
  const bool numbered = (t[j].kind == Tok::number && t[j].digits <= 2) ||
                        (t[j].kind == Tok::word && phrases::roman(t[j].text));
  if (!numbered) return i;
  ++j;
  if (j < t.size() && t[j].kind == Tok::colon) return j + 1;
  if (g.word(j, "is")) return j + 1;
  return j;
}

std::string bytes_of(std::string_view text, const std::vector<Token>& t, std::size_t begin,
                     std::size_t end) {
  if (begin >= end || end > t.size()) return {};
  return std::string(text.substr(t[begin].begin, t[end - 1].end - t[begin].begin));
}

/// Remarks in parentheses that do not bear on the dates; and "số 219", the
/// number of an issue or a document.
std::size_t skip_remark(const Grammar& g, std::string_view text, std::size_t i) {
  if (g.word(i, "so") && g.number(i + 1) && i > 0 && g.tokens()[i - 1].kind == Tok::open) {
    return i + 2;
  }
  // "sẽ là 31/1/2017 thay cho thời hạn cũ 30/11/2016": the day replaced is
  // history, not a second time of the step.
  if (auto e = g.words(i, "thay cho")) {
    std::size_t k = *e;
    const auto& t = g.tokens();
    while (k < t.size() && k < *e + 4 && t[k].kind == Tok::word && !g.day(k)) ++k;
    if (const auto replaced = g.day(k)) {
      g.assume(i, replaced->end,
               "'" + bytes_of(text, t, i, replaced->end) +
                   "' is the day replaced: not a time of the step",
               "'" + bytes_of(text, t, i, replaced->end) +
                   "' là thời hạn được thay: không phải thời gian "
                   "của bước");
      return replaced->end;
    }
  }
  for (const std::string_view w : {"tinh theo dau buu dien", "theo dau buu dien", "ke ca ngay nghi",
                                   "ke ca thu bay, chu nhat"}) {
    if (auto e = g.words(i, w)) return *e;
  }
  return i;
}

/// The first and last day a piece speaks of, to compare a reading with the
/// same one written again in parentheses ("(tức mùng 7 Tết Nhâm Dần)").
std::optional<std::pair<Date, Date>> extent(const Piece& p) {
  std::optional<std::pair<Date, Date>> out;
  const auto see = [&](Date d) {
    if (!out) out = std::pair{d, d};
    out->first = std::min(out->first, d);
    out->second = std::max(out->second, d);
  };
  for (const auto& c : p.constraints) {
    see(c.date);
    if (c.kind == ConstraintKind::window) see(c.until);
  }
  if (p.meeting && p.meeting->date) see(*p.meeting->date);
  return out;
}

/// The span of days `d` in a message: "2026-09-12" or "2026-04-30 .. 2026-05-01".
std::string days_text(const std::pair<Date, Date>& d) {
  return d.first == d.second ? phrases::iso(d.first)
                             : phrases::iso(d.first) + " .. " + phrases::iso(d.second);
}

/// "lễ 30/4 và 1/5", "nghỉ lễ 2/9": the holidays a time holds, named in
/// parentheses after it; their first and last day and the token after them.
struct Holidays {
  std::pair<Date, Date> days;
  std::size_t end = 0;
};

std::optional<Holidays> holidays_at(const Grammar& g, std::size_t j) {
  const auto& t = g.tokens();
  std::optional<std::size_t> lead;
  for (const std::string_view w : {"nghi le", "ngay le", "le"}) {
    if ((lead = g.words(j, w))) break;
  }
  if (!lead) return std::nullopt;
  std::vector<phrases::Term> days;
  std::size_t k = *lead;
  while (const auto day = g.day(k, true)) {
    days.push_back(*day);
    k = day->end;
    const bool sign = k < t.size() && (t[k].kind == Tok::comma || t[k].kind == Tok::semicolon ||
                                       t[k].text == "&" || t[k].is_word("va"));
    if (!sign) break;
    ++k;
    if (g.word(k, "va")) ++k;
  }
  if (days.empty() || k >= t.size() || t[k].kind != Tok::close) return std::nullopt;
  // Earlier days take the month (and year) of the last: "30/4 và 1/5" has
  // both, "1 và 2/9" borrows September.
  std::optional<std::pair<Date, Date>> span;
  for (const auto& day : days) {
    const auto settled = g.settle(day, &days.back());
    if (!settled) return std::nullopt;
    if (!span) span = std::pair{settled->first, settled->last};
    span->first = std::min(span->first, settled->first);
    span->second = std::max(span->second, settled->last);
  }
  return Holidays{*span, k + 1};
}

/// "ngày 10/9 Mậu Tuất" restating a solar day: a day named with its
/// sexagenary year is the lunar day (the sexagenary cycle counts lunar
/// years; a solar day is not written so).
std::optional<Piece> sexagenary_day(const Grammar& g, std::size_t j) {
  auto day = g.day(j);
  if (!day || day->day.lunar || day->day.year_name.empty()) return std::nullopt;
  day->day.lunar = true;
  const auto settled = g.settle(*day);
  if (!settled) return std::nullopt;
  Piece p;
  p.form = Form::day;
  p.begin = day->begin;
  p.end = day->end;
  Constraint c;
  c.kind = ConstraintKind::start_on;
  c.date = settled->first;
  p.constraints.push_back(c);
  return p;
}

/// A narrower time inside the window of `restated` ("tháng 9 (ngày 12/9)"):
/// it is what was meant. Only a plain window is narrowed: a verb's reading
/// ("hoàn thành trong tháng 9") or a meeting would be lost.
bool narrows(const Piece& restated, const Piece& again, const std::pair<Date, Date>& outer,
             const std::pair<Date, Date>& inner) {
  const bool windows =
      std::all_of(restated.constraints.begin(), restated.constraints.end(),
                  [](const Constraint& c) { return c.kind == ConstraintKind::window; });
  return windows && !restated.meeting && !again.meeting && !again.constraints.empty() &&
         outer.first <= inner.first && inner.second <= outer.second;
}

/// A parenthesis after a time, as read: where it starts and ends, its words.
struct Aside {
  std::size_t open = 0;   ///< the '('
  std::size_t inner = 0;  ///< its first word after 'tức', 'nhằm' …
  std::size_t close = 0;  ///< the ')'
  std::string text;       ///< its words, after 'tức' …, as written
  std::string restated;   ///< the time it follows, as written
  std::pair<Date, Date> outer;
};

/// "(lễ 30/4 và 1/5)": a note when the holidays lie inside the time, else
/// an error (which days are meant is then unclear).
std::optional<std::size_t> note_holidays(const Grammar& g, const Aside& a, const Holidays& h) {
  if (h.days.first < a.outer.first || a.outer.second < h.days.second) {
    g.fail(a.inner, say("phrase-error:holidays-outside", {{"holidays", a.text},
                                                          {"days", days_text(h.days)},
                                                          {"time", a.restated},
                                                          {"outer", days_text(a.outer)}}));
    return std::nullopt;
  }
  g.assume(a.open, a.close + 1,
           "'" + a.text + "' names the holidays inside the time (" + days_text(h.days) +
               "): a note, the dates are unchanged",
           "'" + a.text + "' nêu các ngày lễ trong khoảng thời gian (" + days_text(h.days) +
               "): chỉ là ghi chú, mốc thời gian không đổi");
  return a.close + 1;
}

/// Narrows `restated` to `again`, said in a note: a day or a shorter period
/// replaces the window it lies in; a bound ("tháng 9 (trước ngày 15/9)") is
/// added to it, keeping the month.
void narrow(const Grammar& g, const Aside& a, Piece& restated, const Piece& again,
            const std::pair<Date, Date>& inner) {
  const bool placed =
      std::all_of(again.constraints.begin(), again.constraints.end(), [](const Constraint& c) {
        return c.kind == ConstraintKind::window || c.kind == ConstraintKind::start_on ||
               c.kind == ConstraintKind::finish_on;
      });
  const auto to_en = placed ? ") to " + days_text(inner) : std::string("): both apply");
  const auto to_vi = placed ? ") còn " + days_text(inner) : std::string("): áp dụng cả hai");
  g.assume(a.open, a.close + 1,
           "'" + a.text + "' narrows '" + a.restated + "' (" + days_text(a.outer) + to_en,
           "'" + a.text + "' thu hẹp '" + a.restated + "' (" + days_text(a.outer) + to_vi);
  restated.end = a.close + 1;
  if (!placed) {
    restated.constraints.insert(restated.constraints.end(), again.constraints.begin(),
                                again.constraints.end());
    return;
  }
  restated.constraints = again.constraints;
  restated.span = again.span;
  restated.form = again.form;
  restated.period = again.period;
  restated.hour_dropped = restated.hour_dropped || again.hour_dropped;
}

/// The time a parenthesis at `j` holds, read in the year of what it follows.
std::optional<Piece> time_in_aside(const Grammar& g, std::size_t j, Date outer_first) {
  const auto& t = g.tokens();
  // Its dates without a year are in the year of what it restates; a lunar
  // one in that day's lunar year (13/1/2025 is 14 tháng Chạp of 2024).
  g.year_hint(static_cast<int>(date::year_month_day{outer_first}.year()),
              to_lunar(outer_first).year);
  auto again = sexagenary_day(g, j);
  if (!again) again = g.expression(j);
  if (!again || again->end >= t.size() || t[again->end].kind != Tok::close) {
    again = g.range(j, true);
  }
  g.year_hint(0, 0);
  if (!again || again->end >= t.size() || t[again->end].kind != Tok::close) return std::nullopt;
  return again;
}

/// What a parenthesis right after a time (`restated`) says about it: the
/// same time written again, maybe in the lunar calendar (it must agree); a
/// narrower time inside it (then the reading, said in a note); the holidays
/// it holds (a note). Returns the token after ')', or nullopt when the
/// parenthesis is not about the time; a disagreement is a failure.
std::optional<std::size_t> read_aside(const Grammar& g, std::string_view text, Piece& restated,
                                      std::size_t open) {
  const auto& t = g.tokens();
  const auto outer = extent(restated);
  if (!outer) return std::nullopt;
  Aside a{open, open + 1, 0, {}, bytes_of(text, t, restated.begin, restated.end), *outer};
  for (const std::string_view w : {"tuc la", "tuc", "nham ngay", "nham", "i e", "that is"}) {
    if (auto e = g.words(a.inner, w)) {
      a.inner = *e;
      break;
    }
  }
  g.year_hint(static_cast<int>(date::year_month_day{outer->first}.year()), 0);
  const auto holidays = holidays_at(g, a.inner);
  g.year_hint(0, 0);
  if (holidays) {
    a.close = holidays->end - 1;
    a.text = bytes_of(text, t, a.inner, a.close);
    return note_holidays(g, a, *holidays);
  }
  const auto again = time_in_aside(g, a.inner, outer->first);
  if (g.failure() || !again) return std::nullopt;
  const auto inner = extent(*again);
  if (!inner) return std::nullopt;
  a.close = again->end;
  a.text = bytes_of(text, t, a.inner, a.close);
  if (*inner == *outer) return a.close + 1;
  // "… 12 ngày, đến 23/2/2026 (tức ngày 7 tháng Giêng …)": one end of a span
  // restated, the day written last.
  if (restated.span && inner->first == inner->second && inner->first == outer->second) {
    return a.close + 1;
  }
  if (!narrows(restated, *again, *outer, *inner)) {
    g.fail(a.inner, say("phrase-error:aside-disagrees", {{"aside", a.text},
                                                         {"date", phrases::iso(inner->first)},
                                                         {"time", a.restated},
                                                         {"outer", phrases::iso(outer->first)}}));
    return std::nullopt;
  }
  narrow(g, a, restated, *again, *inner);
  return a.close + 1;
}

/// Inside the years the calendar and the plan file know.
bool schedulable(const std::pair<Date, Date>& span) {
  const auto year = [](Date d) { return static_cast<int>(date::year_month_day{d}.year()); };
  return year(span.first) >= kFirstYear && year(span.second) <= kLastYear;
}

bool same(const Constraint& a, const Constraint& b) {
  return a.kind == b.kind && a.date == b.date &&
         (a.kind != ConstraintKind::window || a.until == b.until);
}

/// The words of the phrase, for did-you-mean on a word not understood.
const std::vector<std::string>& vocabulary() {
  static const std::vector<std::string> words{
      "truoc", "sau",    "tu",    "den",  "trong", "thang",  "quy",     "nam",   "ngay",   "tuan",
      "dau",   "giua",   "cuoi",  "cham", "nhat",  "han",    "tai",     "hop",   "thuong", "xuyen",
      "theo",  "hoach",  "vao",   "het",  "ke",    "gieng",  "chap",    "mung",  "tet",    "am",
      "lich",  "before", "after", "from", "until", "during", "quarter", "month", "year",   "week"};
  return words;
}

}  // namespace

std::string fold_text(std::string_view text) {
  return detail::fold(text);
}

std::optional<Date> read_day(std::string_view text, int default_year) {
  const auto tokens = phrases::tokenize(text);
  if (!tokens.error.empty() || tokens.list.empty()) return std::nullopt;
  PhraseContext context;
  context.year = default_year;
  const Grammar g(tokens.list, context);
  const auto d = g.day(0);
  // The whole value, and nothing else: 'x2024-01-03y' is not a date.
  if (!d || d->end != tokens.list.size()) return std::nullopt;
  const auto day = g.settle_day(d->day, 0);
  if (day && !schedulable({*day, *day})) return std::nullopt;
  return day;
}

std::string_view accepted_phrases() {
  return "a date (30/8/2024, 30-8-2024, 30.8.2024, 2024-08-30, ngày 30 tháng 8 năm 2024, 30 "
         "August 2024, mùng 1 Tết 2025, 10/3 âm lịch năm 2025, Rằm tháng Giêng 2026); Trước "
         "(ngày) DATE; Chậm nhất (ngày) DATE; đến (hết) DATE; Sau DATE; Từ (ngày) DATE; Từ ngày D1 "
         "đến D2; Từ tháng M đến tháng M/YYYY; (Trong) tháng M/YYYY; tháng 6, 7/2026; "
         "đầu/giữa/cuối tháng M/YYYY; thượng/trung/hạ tuần tháng M; tuần thứ N của tháng M; "
         "quý I/YYYY; đầu/cuối quý II/YYYY; N tháng đầu năm YYYY; (Trong) năm YYYY; giai đoạn "
         "2026 - 2030; đầu/cuối năm YYYY; Tại kỳ họp BTV (tháng M/YYYY | ngày D); Tại/Trước/Sau/"
         "Trong thời gian EVENT; Trước EVENT 3 ngày; chậm nhất 5 ngày làm việc trước EVENT; "
         "trong 10 ngày kể từ EVENT; Thường xuyên; Theo kế hoạch. English: before/by/after DATE, "
         "from D1 to D2, in June 2024, early/mid/late June 2024, Q1 2021, by end of Q1 2026, the "
         "first 9 months of 2026, at the BTV meeting of May 2024, two weeks after EVENT";
}

PhraseReading read_phrase(std::string_view text, const PhraseContext& context) {
  PhraseReading out;
  if (text.size() > kMaxPhraseBytes) {
    const auto error = say("phrase-error:too-long", {{"bytes", std::to_string(text.size())},
                                                     {"most", std::to_string(kMaxPhraseBytes)}});
    const auto suggestion = say("hint:phrase-few-words");
    out.error = error.en;
    out.error_vi = error.vi;
    out.suggestion = suggestion.en;
    out.suggestion_vi = suggestion.vi;
    return out;
  }
  const auto tokens = phrases::tokenize(text);
  if (!tokens.error.empty()) {
    const auto error = say("phrase-error:utf8", {{"byte", std::to_string(tokens.error_at + 1)}});
    const auto suggestion = say("hint:save-utf8");
    out.error = error.en;
    out.error_vi = error.vi;
    out.error_begin = static_cast<std::uint32_t>(tokens.error_at);
    out.error_end = out.error_begin + 1;
    out.suggestion = suggestion.en;
    out.suggestion_vi = suggestion.vi;
    return out;
  }
  const auto& t = tokens.list;
  const Grammar g(t, context, text);
  std::vector<char> used(t.size(), 0);
  std::vector<Piece> pieces;
  const auto mark = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end && k < t.size(); ++k) used[k] = 1;
  };
  std::size_t clause = 0;
  for (std::size_t i = 0; i < t.size();) {
    // "(tức mùng 7 Tết Nhâm Dần)", "(ngày 12/9)", "(lễ 30/4 và 1/5)".
    if (t[i].kind == Tok::open && !pieces.empty()) {
      if (const auto after = read_aside(g, text, pieces.back(), i)) {
        mark(i, *after);
        i = *after;
        continue;
      }
      if (g.failure()) break;
    }
    if (clause_break(t[i])) {
      clause = i + 1;
      ++i;
      continue;
    }
    if (!t[i].meaningful() && t[i].kind != Tok::other) {
      ++i;
      continue;
    }
    if (const auto e = skip_label(g, i); e > i) {
      mark(i, e);
      i = e;
      continue;
    }
    auto p = g.expression(i);
    if (g.failure()) break;
    if (const auto span = p ? extent(*p) : std::nullopt; span && !schedulable(*span)) {
      // 'Tháng 10/3024' is a typo for 2024, not a plan ten centuries away;
      // the plan file refuses such dates too.
      g.fail(p->begin,
             say("phrase-error:years-out-of-range", {{"words", bytes_of(text, t, p->begin, p->end)},
                                                     {"first", std::to_string(kFirstYear)},
                                                     {"last", std::to_string(kLastYear)}}));
      break;
    }
    if (p) {
      mark(p->begin, p->end);
      for (const auto& [b, e] : p->unread) {
        std::fill(used.begin() + static_cast<std::ptrdiff_t>(b),
                  used.begin() + static_cast<std::ptrdiff_t>(e), 0);
      }
      // The nearest verb of the clause before it, not used by another piece.
      for (std::size_t k = i; k > clause;) {
        --k;
        if (used[k]) continue;
        if (const auto v = verb_at(t, k); v && v->end <= i) {
          if (apply_verb(*p, v->verb)) {
            mark(v->begin, v->end);
            // Right before it, the verb is one of its words ("Hoàn thành trước ngày …").
            if (v->end == i) p->begin = v->begin;
          }
          break;
        }
      }
      pieces.push_back(std::move(*p));
      i = pieces.back().end;
      continue;
    }
    if (auto e = phrases::skip_filler(t, i); e > i) {
      mark(i, e);
      i = e;
      continue;
    }
    if (auto e = skip_remark(g, text, i); e > i) {
      mark(i, e);
      i = e;
      continue;
    }
    ++i;
  }
  // A verb the clause holds and no date went with is not time either.
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (used[k]) continue;
    if (const auto v = verb_at(t, k); v && v->verb != Verb::earliest && v->verb != Verb::moved) {
      mark(v->begin, v->end);
    }
  }

  const auto fail_at = [&](std::size_t token, const Message& message, const Message& suggestion) {
    out = PhraseReading{};
    out.error = message.en;
    out.error_vi = message.vi;
    out.suggestion = suggestion.en;
    out.suggestion_vi = suggestion.vi;
    if (token < t.size()) {
      out.error_begin = t[token].begin;
      out.error_end = t[token].end;
      out.understood = bytes_of(text, t, 0, token);
    }
  };
  if (g.failure()) {
    fail_at(g.failure()->token, g.failure()->message, g.failure()->suggestion);
    return out;
  }

  // Combine the pieces: each constraint once, with the words it came from.
  std::vector<std::pair<Constraint, const Piece*>> all;
  for (const auto& p : pieces) {
    for (auto c : p.constraints) {
      c.words_begin = t[p.begin].begin;
      c.words_end = t[p.end - 1].end;
      const bool seen = std::any_of(all.begin(), all.end(),
                                    [&](const auto& other) { return same(other.first, c); });
      if (!seen) all.emplace_back(std::move(c), &p);
    }
    if (p.meeting) {
      if (out.meeting) {
        fail_at(p.begin, say("phrase-error:two-meetings"), say("hint:one-approval-per-meeting"));
        return out;
      }
      out.meeting = p.meeting;
    }
    if (p.span) out.span = p.span;
    out.ongoing = out.ongoing || p.ongoing;
  }
  // "will start on April 11 and end on June 22": a fixed span.
  {
    const auto start = std::find_if(all.begin(), all.end(), [](const auto& x) {
      return x.first.kind == ConstraintKind::start_on;
    });
    const auto finish = std::find_if(all.begin(), all.end(), [](const auto& x) {
      return x.first.kind == ConstraintKind::finish_on;
    });
    if (start != all.end() && finish != all.end() && !out.span &&
        start->first.date <= finish->first.date) {
      const Date first = start->first.date, last = finish->first.date;
      auto window = start->first;
      window.kind = ConstraintKind::window;
      window.until = last;
      window.words_end = std::max(start->first.words_end, finish->first.words_end);
      window.words_begin = std::min(start->first.words_begin, finish->first.words_begin);
      start->first.words_begin = window.words_begin;
      start->first.words_end = window.words_end;
      const auto* source = start->second;
      all.erase(finish);
      all.emplace_back(window, source);
      out.span = std::pair{first, last};
    }
  }
  // Readings that cannot both hold: the phrase is refused, with both.
  const auto piece_text = [&](const Piece* p) { return bytes_of(text, t, p->begin, p->end); };
  for (std::size_t a = 0; a < all.size(); ++a) {
    for (std::size_t b = a + 1; b < all.size(); ++b) {
      const auto& x = all[a].first;
      const auto& y = all[b].first;
      std::string why;  // the catalogue's id of the reason
      if (x.kind == y.kind && x.kind != ConstraintKind::window && all[a].second != all[b].second) {
        why = "what:two-dates";
      } else if (x.kind == ConstraintKind::window && y.kind == ConstraintKind::window) {
        const bool nested =
            (x.date <= y.date && y.until <= x.until) || (y.date <= x.date && x.until <= y.until);
        if (!nested) why = "what:two-periods";
      } else if ((x.kind == ConstraintKind::window) != (y.kind == ConstraintKind::window)) {
        const auto& w = x.kind == ConstraintKind::window ? x : y;
        const auto& d = x.kind == ConstraintKind::window ? y : x;
        const bool inside = d.date >= w.date && d.date <= w.until;
        const bool fixed =
            d.kind == ConstraintKind::start_on || d.kind == ConstraintKind::finish_on;
        if (fixed && !inside) why = "what:day-outside-period";
      }
      const auto starts_after_due = [](const Constraint& s, const Constraint& due) {
        return (s.kind == ConstraintKind::not_before || s.kind == ConstraintKind::start_on) &&
               due.kind == ConstraintKind::due && s.date > due.date;
      };
      if (starts_after_due(x, y) || starts_after_due(y, x)) why = "what:start-after-deadline";
      if (!why.empty()) {
        fail_at(all[b].second->begin,
                say("phrase-error:contradiction",
                    {{"why", say(why)},
                     {"first", piece_text(all[a].second)},
                     {"first_means", Message{describe(x, Lang::en), describe(x, Lang::vi)}},
                     {"second", piece_text(all[b].second)},
                     {"second_means", Message{describe(y, Lang::en), describe(y, Lang::vi)}}}),
                say("hint:one-time-per-step"));
        return out;
      }
    }
  }
  if (out.meeting && std::any_of(all.begin(), all.end(), [](const auto& x) {
        return x.first.kind == ConstraintKind::start_on;
      })) {
    fail_at(pieces.front().begin, say("phrase-error:meeting-and-day"), say("hint:meeting-or-day"));
    return out;
  }
  for (auto& [c, p] : all) {
    c.written = std::string(text);
    out.constraints.push_back(std::move(c));
  }

  // What nothing used: said, never dropped.
  std::vector<std::pair<std::size_t, std::size_t>> unused;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (used[k] || quiet(t[k])) continue;
    if (!unused.empty() && unused.back().second == k) {
      unused.back().second = k + 1;
    } else if (!unused.empty() && std::all_of(t.begin() + static_cast<long>(unused.back().second),
                                              t.begin() + static_cast<long>(k),
                                              [](const Token& x) { return !x.meaningful(); })) {
      unused.back().second = k + 1;  // across punctuation: one run of words
    } else {
      unused.emplace_back(k, k + 1);
    }
  }
  const bool read_something =
      !out.constraints.empty() || out.meeting || out.ongoing ||
      std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.remark; });
  if (!read_something) {
    // The first word that is not a word of time phrases at all: the one to
    // name ('Trong thnag 6/2024': 'thnag', not 'Trong').
    std::size_t first = unused.empty() ? 0 : unused.front().first;
    const auto& known = vocabulary();
    for (std::size_t k = first; k < t.size(); ++k) {
      if (used[k] || quiet(t[k]) || t[k].kind != Tok::word) continue;
      if (std::find(known.begin(), known.end(), t[k].text) == known.end()) {
        first = k;
        break;
      }
    }
    Message suggestion;
    // A word of time phrases ('Trước' alone, 'tháng' of 'tháng 13/2026') is
    // neither misspelt nor an event: only the examples help.
    const bool time_word =
        first < t.size() && std::find(known.begin(), known.end(), t[first].text) != known.end();
    if (first < t.size() && t[first].kind == Tok::word && !time_word) {
      const auto word = text.substr(t[first].begin, t[first].end - t[first].begin);
      // A capital starts a name ('Đại hội …', 'Lễ …'): not a misspelt word of
      // time but an event the plan has not declared.
      // A misspelling at the phrase's start is capitalised too: then both.
      if (first == 0 || !detail::starts_upper(word)) {
        suggestion = did_you_mean_in_both(t[first].text, vocabulary());
      }
      if (detail::starts_upper(word)) {
        const std::string rest(text.substr(t[first].begin));
        suggestion = suggestion.empty() ? say("hint:declare-event", {{"words", rest}})
                                        : say("hint:or-declare-event",
                                              {{"did_you_mean", suggestion}, {"words", rest}});
      }
    }
    if (suggestion.empty()) suggestion = say("hint:phrase-examples");
    const auto not_understood =
        first < t.size()
            ? say("phrase-error:not-understood",
                  {{"text", std::string(text)},
                   {"word",
                    std::string(text.substr(t[first].begin, t[first].end - t[first].begin))}})
            : say("phrase-error:not-a-time", {{"text", std::string(text)}});
    fail_at(first, not_understood, suggestion);
    return out;
  }

  // The meaning, said back.
  const auto add_meaning = [&](const std::string& en, const std::string& vi) {
    out.meaning_en += (out.meaning_en.empty() ? "" : "; ") + en;
    out.meaning_vi += (out.meaning_vi.empty() ? "" : "; ") + vi;
  };
  if (out.span) {
    add_meaning("runs from " + format_iso(out.span->first) + " to " + format_iso(out.span->second),
                "diễn ra từ " + format_vn(out.span->first) + " đến " + format_vn(out.span->second));
  }
  for (const auto& c : out.constraints) {
    if (out.span && (c.kind == ConstraintKind::window || c.kind == ConstraintKind::start_on) &&
        c.date == out.span->first) {
      continue;
    }
    add_meaning(describe(c, Lang::en), describe(c, Lang::vi));
  }
  if (out.meeting) add_meaning(describe(*out.meeting, Lang::en), describe(*out.meeting, Lang::vi));
  if (out.ongoing) add_meaning("ongoing, no date of its own", "thường xuyên, không có mốc riêng");
  for (const auto& p : pieces) {
    for (std::size_t n = 0; n < p.notes_en.size() && p.remark; ++n) {
      add_meaning(p.notes_en[n], n < p.notes_vi.size() ? p.notes_vi[n] : p.notes_en[n]);
    }
  }
  if (out.constraints.empty() && !out.meeting && !out.ongoing) {
    add_meaning("no date of its own", "không có mốc riêng");
  }

  // Notes and warnings.
  const auto covered = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      if (!used[k]) return false;
    }
    return begin < end;
  };
  for (const auto& a : g.assumptions()) {
    if (!covered(a.begin, a.end)) continue;
    const auto said = say("phrase-assumption", {{"assumption", Message{a.en, a.vi}}});
    out.warnings.push_back({Severity::note, "phrase-assumption", said.en, said.vi, t[a.begin].begin,
                            t[a.end - 1].end});
  }
  for (const auto& p : pieces) {
    if (p.hour_dropped) {
      const auto said = say("phrase-hour-dropped");
      out.warnings.push_back({Severity::note, "phrase-hour-dropped", said.en, said.vi,
                              t[p.begin].begin, t[p.end - 1].end});
    }
  }
  if (!unused.empty()) {
    std::string list;
    for (const auto& [b, e] : unused) {
      list += (list.empty() ? "'" : ", '") + bytes_of(text, t, b, e) + "'";
    }
    const auto said = say("phrase-partly-read",
                          {{"words", list}, {"meaning", Message{out.meaning_en, out.meaning_vi}}});
    out.warnings.push_back({Severity::warning, "phrase-partly-read", said.en, said.vi,
                            t[unused.front().first].begin, t[unused.back().second - 1].end});
  }
  return out;
}

}  // namespace tiendo
