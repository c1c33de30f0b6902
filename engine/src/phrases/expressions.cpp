// Expressions: what a phrase says about a step with the terms it names.
// Each production reads from a token position and returns a Piece: the
// constraints it means and the tokens it used. docs/phrases.md is the table.
#include <tiendo/lunar.hpp>

#include <algorithm>
#include <array>

#include "phrases/grammar.hpp"
#include "phrases/words.hpp"

namespace tiendo::phrases {

namespace {

Constraint make(ConstraintKind kind, Date day, Date until = {}, std::string event = {}) {
  Constraint c;
  c.kind = kind;
  c.date = day;
  c.until = until;
  c.event = std::move(event);
  return c;
}

Piece piece(std::size_t begin, std::size_t end, Form form = Form::other) {
  Piece p;
  p.begin = begin;
  p.end = end;
  p.form = form;
  return p;
}

void window(Piece& p, const Period& period) {
  p.constraints.push_back(make(ConstraintKind::window, period.first, period.last, period.event));
}

void span(Piece& p, Date first, Date last) {
  p.span = std::pair{first, last};
  p.constraints.push_back(make(ConstraintKind::window, first, last));
  p.constraints.push_back(make(ConstraintKind::start_on, first));
}

/// An amount of time in an offset: days, working days, weeks, months.
struct Amount {
  int count = 0;
  enum class Unit { days, working_days, weeks, months } unit = Unit::days;
  std::size_t end = 0;
};

std::optional<Amount> amount_at(const Grammar& g, std::size_t i) {
  const auto& t = g.tokens();
  std::size_t j = i;
  for (const std::string_view w : {"it nhat", "toi thieu", "khong qua", "toi da", "at least"}) {
    if (auto e = g.words(j, w)) {
      j = *e;
      break;
    }
  }
  Amount a;
  if (g.number(j, 3)) {
    a.count = t[j].value;
    ++j;
  } else if (const auto n = spelled_number(t, j)) {
    a.count = n->value;
    j = n->end;
  } else {
    return std::nullopt;
  }
  if (auto e = g.words(j, "ngay lam viec")) {
    a.unit = Amount::Unit::working_days;
    j = *e;
  } else if (auto e2 = g.words(j, "working days")) {
    a.unit = Amount::Unit::working_days;
    j = *e2;
  } else if (g.word(j, "ngay") || g.word(j, "days") || g.word(j, "day")) {
    ++j;
  } else if (g.word(j, "tuan") || g.word(j, "weeks") || g.word(j, "week")) {
    a.unit = Amount::Unit::weeks;
    ++j;
  } else if (g.word(j, "thang") || g.word(j, "months") || g.word(j, "month")) {
    a.unit = Amount::Unit::months;
    ++j;
  } else {
    return std::nullopt;
  }
  a.end = j;
  return a;
}

/// `from` moved by the amount, back (sign -1) or forward (+1).
Date shift(const Grammar& g, Date from, const Amount& a, int sign) {
  switch (a.unit) {
    case Amount::Unit::days:
      return from + date::days{sign * a.count};
    case Amount::Unit::weeks:
      return from + date::days{sign * 7 * a.count};
    case Amount::Unit::months: {
      const date::year_month_day d{from};
      const auto moved = d.year() / d.month() / 1 + date::months{sign * a.count};
      const auto last =
          date::year_month_day_last{moved.year(), date::month_day_last{moved.month()}};
      return Date{moved.year() / moved.month() / std::min(d.day(), last.day())};
    }
    case Amount::Unit::working_days:
      return g.working_days_from(from, sign * a.count);
  }
  return from;
}

/// "thứ hai" .. "thứ bảy", "thứ 2" .. "thứ 7" at `j` (not the English
/// "Thu" that 'thứ' also folds to): a weekday as much as an ordinal.
bool thu_weekday(const Grammar& g, std::size_t j) {
  const auto wd = weekday_at(g.tokens(), j);
  return wd && g.word(j, "thu") && wd->end == j + 2;
}

/// The event an expression is anchored on: a plan's event, Tết, the opening
/// of the plan's only event ("trước khai mạc"), or a name with its date.
std::optional<Term> anchor(const Grammar& g, std::size_t i) {
  std::size_t j = i;
  bool closing = false;
  for (const std::string_view w : {"ngay khai mac", "khai mac", "le khai mac", "the opening of",
                                   "opening of", "the opening"}) {
    if (auto e = g.words(j, w)) {
      j = *e;
      break;
    }
  }
  if (auto e = g.words(j, "be mac")) {
    j = *e;
    closing = true;
  }
  if (g.word(j, "khi")) ++j;
  if (auto e = g.words(j, "ket thuc")) j = *e;
  if (g.word(j, "the")) ++j;
  // "ngày dự kiến tổ chức hội thảo": the event's name after words of doing.
  std::size_t named_at = j;
  if (g.word(named_at, "ngay")) ++named_at;
  named_at = skip_filler(g.tokens(), skip_filler(g.tokens(), named_at));
  auto found = g.event(j);
  if (!found && named_at > j) found = g.event(named_at);
  if (!found && j > i && g.context().events != nullptr && g.context().events->size() == 1) {
    // "trước khai mạc": the opening of the plan's one event.
    const auto& e = g.context().events->front();
    Term t;
    t.begin = i;
    t.end = j;
    t.period = {e.date, e.until.value_or(e.date), Period::Grain::event, e.id, e.name};
    found = t;
  }
  // A name with its date in parentheses, when that reads further. When the
  // name is a plan's event too, the event's own days stand, and the date in
  // parentheses must hold them ("Đại hội XIII (quý I/2021)").
  if (auto named = g.named_date(j); named && (!found || named->end > found->end)) {
    if (found && found->period.grain == Period::Grain::event && !found->period.event.empty()) {
      if (found->period.first < named->period.first || found->period.first > named->period.last) {
        g.fail(found->end, say("phrase-error:event-outside", {{"event", found->period.name},
                                                              {"date", iso(found->period.first)},
                                                              {"period", named->period.name}}));
        return std::nullopt;
      }
      found->end = named->end;
    } else {
      found = named;
    }
  }
  if (!found) return std::nullopt;
  found->begin = i;
  if (closing) found->period.first = found->period.last;
  return found;
}

/// What an offset counts from: an event, or a day or period written out
/// ("3 ngày trước ngày 1/7/2026"), its days settled; the longer reading.
/// True when `t`, read from token `k`, holds a date in parentheses and names
/// no event of the plan: "ngày bầu cử (ngày 07/02/2021)". An election
/// timetable puts the deadline itself there, a ceremony's plan the event's
/// day: as the start of an offset, nothing tells which.
bool undeclared_with_parenthesis(const Grammar& g, std::size_t k, const Term& t) {
  const auto* events = g.context().events;
  const bool declared = events != nullptr && !t.period.event.empty() &&
                        std::any_of(events->begin(), events->end(),
                                    [&](const Event& e) { return e.id == t.period.event; });
  if (declared) return false;
  for (std::size_t i = k; i + 1 < t.end && i + 1 < g.tokens().size(); ++i) {
    if (g.tokens()[i].kind != Tok::open) continue;
    // A day in the parentheses ("(ngày 07/02/2021)"), not a month or a
    // quarter, which can only date the event.
    const auto d = g.day(g.word(i + 1, "ngay") ? i + 2 : i + 1);
    if (d && d->kind == Term::Kind::day) return true;
  }
  return false;
}

/// What an offset counts from: an event, or a day or period written out
/// ("3 ngày trước ngày 1/7/2026"), its days settled; the longer reading.
/// Refused (never one of two readings in silence) when it is a name the plan
/// does not declare with a date in parentheses.
std::optional<Term> reference(const Grammar& g, std::size_t k) {
  auto event = anchor(g, k);
  if (g.failure()) return std::nullopt;
  auto written = g.term(k);
  std::optional<Term> found;
  if (!written || (event && event->end >= written->end)) {
    found = event;
  } else {
    const auto settled = g.settle(*written);
    if (!settled) return std::nullopt;
    written->kind = Term::Kind::period;
    written->period = *settled;
    found = written;
  }
  if (found && undeclared_with_parenthesis(g, k, *found)) {
    g.fail(k, say("phrase-error:offset-ambiguous"), say("hint:offset-ambiguous"));
    return std::nullopt;
  }
  return found;
}

/// Which way an amount counts: back from an event's first day ("105 ngày
/// trước"), on from its last ("10 ngày sau"), or on from its first ("15
/// ngày kể từ").
enum class Count : std::uint8_t { back, after_end, from_start };

Date counted_from(const Grammar& g, const Period& p, const Amount& a, Count c) {
  switch (c) {
    case Count::back:
      return shift(g, p.first, a, -1);
    case Count::after_end:
      return shift(g, p.last, a, 1);
    case Count::from_start:
      return shift(g, p.first, a, 1);
  }
  return p.first;
}

/// The day an amount comes to, the token after what it counts from, and
/// the event it counts from (empty: a day written out).
struct Counted {
  Date day;
  std::size_t end = 0;
  std::string event;
};

/// A plan's event at `j` followed by one day in parentheses.
struct EventAndDay {
  Period event;
  Date written;
  std::size_t open = 0, end = 0;  ///< the '(' token; the token after the ')'
};
std::optional<EventAndDay> event_and_day(const Grammar& g, std::size_t j) {
  const auto& t = g.tokens();
  auto event = g.event(j);
  if (!event && g.word(j, "ngay")) event = g.event(j + 1);
  if (!event || event->period.event.empty()) return std::nullopt;
  const std::size_t open = event->end;
  if (open >= t.size() || t[open].kind != Tok::open) return std::nullopt;
  const auto inner = g.term(open + 1, true);
  if (!inner || inner->end >= t.size() || t[inner->end].kind != Tok::close) return std::nullopt;
  const auto written = g.settle(*inner);
  if (!written || written->first != written->last) return std::nullopt;
  return EventAndDay{event->period, written->first, open, inner->end + 1};
}

/// The day an amount comes to from what `reference` reads at `k`. After a
/// plan's event, a day in parentheses is either the day the count comes to
/// (an election timetable: "40 ngày trước ngày bầu cử (ngày 13/4/2021)",
/// the election on 23/5/2021) or one of the event's own days (a ceremony's
/// plan, which anchor() reads); any other day is refused, with both.
std::optional<Counted> count_to(const Grammar& g, std::size_t k, const Amount& a, Count c) {
  // "thống kê 6 tháng trước 16 giờ ngày 01/6/2020": months are not counted
  // from an hour; "6 tháng" is what the work covers, "trước 16 giờ …" its time.
  if (a.unit == Amount::Unit::months && g.number(k, 2) &&
      (g.word(k + 1, "gio") || g.word(k + 1, "h"))) {
    return std::nullopt;
  }
  if (const auto both = event_and_day(g, k)) {
    const Date reached = counted_from(g, both->event, a, c);
    if (both->written == reached) return Counted{reached, both->end, both->event.event};
    if (both->written < both->event.first || both->written > both->event.last) {
      g.fail(both->open,
             say("phrase-error:offset-disagrees", {{"event", both->event.name},
                                                   {"date", iso(both->event.first)},
                                                   {"reached", iso(reached)},
                                                   {"written", iso(both->written)}}),
             say("hint:offset-disagrees"));
      return std::nullopt;
    }
  }
  const auto e = reference(g, k);
  if (!e) return std::nullopt;
  return Counted{counted_from(g, e->period, a, c), e->end, e->period.event};
}

}  // namespace

// --- offsets ------------------------------------------------------------------

std::optional<Piece> Grammar::offset(std::size_t i) const {
  // "N ngày trước EVENT" (due), "ít nhất N ngày trước EVENT", "two weeks
  // after the ceremony" (not before), "N ngày sau EVENT".
  const auto a = amount_at(*this, i);
  if (!a) return std::nullopt;
  std::size_t j = a->end;
  int sign = 0;
  if (word(j, "truoc") || word(j, "before")) {
    sign = -1;
  } else if (word(j, "sau") || word(j, "after")) {
    sign = 1;
  } else {
    return std::nullopt;
  }
  ++j;
  if (auto e = words(j, "so voi")) j = *e;
  const auto c = count_to(*this, j, *a, sign < 0 ? Count::back : Count::after_end);
  if (!c) return std::nullopt;
  auto p = piece(i, c->end, sign < 0 ? Form::before : Form::after);
  p.constraints.push_back(
      make(sign < 0 ? ConstraintKind::due : ConstraintKind::not_before, c->day, {}, c->event));
  return p;
}

// --- ongoing, citations, remarks ----------------------------------------------------

std::optional<Piece> Grammar::ongoing(std::size_t i) const {
  static constexpr std::array<std::string_view, 17> kForms{
      "thuong xuyen",       "lien tuc",     "theo ke hoach", "theo lich trinh",
      "theo kich ban",      "theo tien do", "hang ngay",     "hang tuan",
      "hang thang",         "hang quy",     "hang nam",      "ongoing",
      "continuous",         "continuously", "as planned",    "as scheduled",
      "on an ongoing basis"};
  for (const auto& f : kForms) {
    if (auto e = words(i, f)) {
      auto p = piece(i, *e);
      // "Theo kịch bản và lịch trình các hoạt động, sự kiện": which plan or
      // schedule it follows is named after it, up to the end of the clause.
      if (f.rfind("theo ", 0) == 0) {
        std::size_t k = p.end;
        while (k < t_.size() && t_[k].kind != Tok::semicolon && t_[k].kind != Tok::dot &&
               t_[k].kind != Tok::open && !term(k)) {
          ++k;
        }
        if (k == t_.size() || t_[k].kind == Tok::semicolon || t_[k].kind == Tok::dot) p.end = k;
      }
      p.ongoing = true;
      return p;
    }
  }
  return std::nullopt;
}

std::optional<Piece> Grammar::citation(std::size_t i) const {
  // "Thực hiện theo Kế hoạch số 108-KH/ĐUK, ngày 02/01/2024 của Ban Thường vụ":
  // the date is the document's, not a time of this step.
  std::size_t j = i;
  bool follows = false;
  if (auto e = words(j, "can cu")) j = *e;
  if (word(j, "theo")) {
    follows = true;
    ++j;
  }
  static constexpr std::array<std::string_view, 14> kDocuments{
      "ke hoach", "quyet dinh", "nghi quyet", "chi thi",  "cong van", "thong bao",    "huong dan",
      "van ban",  "thong tu",   "nghi dinh",  "ket luan", "quy dinh", "chuong trinh", "de an"};
  std::optional<std::size_t> doc;
  for (const auto& d : kDocuments) {
    if (auto e = words(j, d)) {
      doc = e;
      break;
    }
  }
  if (!doc || !word(*doc, "so")) return std::nullopt;
  j = *doc + 1;
  // The number: tokens written together ("108-KH/ĐUK", "86/NQ-CP").
  const std::size_t number_start = j;
  while (j < t_.size() && (j == number_start || !t_[j].space_before) && t_[j].kind != Tok::comma &&
         t_[j].kind != Tok::open) {
    ++j;
  }
  if (j == number_start) return std::nullopt;
  if (j < t_.size() && t_[j].kind == Tok::comma) ++j;
  if (word(j, "ngay")) {
    if (const auto d = day(j)) j = d->end;
  }
  if (word(j, "cua")) {
    ++j;
    while (j < t_.size() && t_[j].meaningful()) ++j;  // the issuer
  }
  auto p = piece(i, j);
  p.ongoing = follows;
  p.remark = !follows;
  return p;
}

std::optional<Piece> Grammar::duration_remark(std::size_t i) const {
  // "Dự kiến ½ ngày", "trong vòng 1 năm": how long, not when.
  std::size_t j = i;
  if (auto e = words(j, "trong vong")) j = *e;
  if (j < t_.size() && t_[j].kind == Tok::other && t_[j].text == "½" && word(j + 1, "ngay")) {
    auto p = piece(i, j + 2);
    p.remark = true;
    return p;
  }
  // "1/2 ngày ( 13 giờ 30 phút, Thứ 6, ngày 15/12/2017)": half a day, not 1 February.
  if (number(j, 1) && t_[j].value == 1 && j + 3 < t_.size() && t_[j + 1].kind == Tok::slash &&
      number(j + 2, 1) && t_[j + 2].value == 2 && word(j + 3, "ngay") && !day(j + 3)) {
    auto p = piece(i, j + 3 + 1);
    p.remark = true;
    return p;
  }
  if (j == i) return std::nullopt;
  const auto a = amount_at(*this, j);
  if (!a && !(number(j, 2) && word(j + 1, "nam"))) return std::nullopt;
  const std::size_t end = a ? a->end : j + 2;
  if (word(end, "ke") || word(end, "tu")) return std::nullopt;  // counted from a day
  auto p = piece(i, end);
  p.remark = true;
  return p;
}

// --- meetings ------------------------------------------------------------------------

std::size_t Grammar::session_number(std::size_t j) const {
  // "kỳ họp thứ 5", "kỳ họp thứ nhất", "phiên họp thứ tám", "kỳ họp thứ XV":
  // which session, a number tiendo has no date for. "thứ hai" .. "thứ bảy"
  // are weekdays as much as numbers: not taken here.
  if (!word(j, "thu")) return j;
  if (number(j + 1, 2) || word(j + 1, "nhat")) return j + 2;
  if (j + 1 < t_.size() && t_[j + 1].kind == Tok::word && roman(t_[j + 1].text)) return j + 2;
  if (thu_weekday(*this, j)) return j;
  if (const auto n = spelled_number(t_, j + 1)) return n->end;
  return j;
}

std::optional<Piece> Grammar::meeting(std::size_t i) const {
  std::size_t j = i;
  for (const std::string_view lead : {"trinh tai", "tai", "trinh", "trong", "o", "at the", "at"}) {
    if (auto e = words(j, lead)) {
      j = *e;
      break;
    }
  }
  std::optional<std::size_t> named_committee;
  std::vector<std::pair<std::size_t, std::size_t>> unread;
  std::string unknown_name;
  std::size_t name_at = j;
  const auto read_committee = [&](std::size_t k) {
    if (const auto found = committee_at(k)) {
      named_committee = found->first;
      return found->second;
    }
    return k;
  };
  bool is_meeting = false;
  for (const std::string_view w :
       {"ky hop", "phien hop", "cuoc hop", "hop le ky", "hop le", "hop dinh ky", "hop"}) {
    if (auto e = words(j, w)) {
      j = *e;
      is_meeting = true;
      break;
    }
  }
  if (!is_meeting) {
    // "at the BTV meeting of May 2026".
    const auto k = read_committee(j);
    if (k > j && word(k, "meeting")) {
      j = k + 1;
    } else if (j < t_.size() && t_[j].kind == Tok::word && word(j + 1, "meeting") &&
               c_.committees == nullptr) {
      unknown_name = t_[j].text;
      j += 2;
    } else {
      return std::nullopt;
    }
  } else {
    j = session_number(j);
    if (j < t_.size() && t_[j].kind == Tok::comma) ++j;
    // "Phiên họp thứ năm BTV": the committee is named; the fifth session or
    // Thursday's is not a date tiendo knows, so those words are said unread.
    if (thu_weekday(*this, j) && committee_at(j + 2)) {
      unread.emplace_back(j, j + 2);
      j += 2;
    }
    name_at = j;
    const auto k = read_committee(j);
    // "thứ năm" is the fifth or Thursday, never a committee's name: left to
    // the day after it ("thứ năm ngày 5/9", checked), or said unread.
    const bool weekday = thu_weekday(*this, j);
    if (k > j) {
      j = k;
    } else if (j < t_.size() && t_[j].kind == Tok::word && !weekday && !word(j, "thang") &&
               !word(j, "ngay") && !word(j, "vao") && !word(j, "ky") && !word(j, "cua")) {
      // Words naming a committee the plan does not declare.
      std::size_t k2 = j;
      while (k2 < t_.size() && t_[k2].kind == Tok::word && !word(k2, "thang") &&
             !word(k2, "ngay") && !word(k2, "vao") && !thu_weekday(*this, k2) && k2 - j < 8) {
        unknown_name += (unknown_name.empty() ? "" : " ") + t_[k2].text;
        ++k2;
      }
      j = k2;
    }
    if (word(j, "khoa") && j + 1 < t_.size() && roman(t_[j + 1].text)) j += 2;
  }
  // When: a month, a day, or nothing (the first meeting the documents reach).
  MeetingRef ref;
  std::size_t k = j;
  if (word(k, "vao") || word(k, "of") || word(k, "in") || word(k, "on")) ++k;
  if (word(k, "ky") && word(k + 1, "thang")) ++k;
  if (const auto m = month(k)) {
    const auto p = settle(*m);
    if (!p) return std::nullopt;
    const date::year_month_day first{p->first};
    ref.month = first.year() / first.month();
    j = m->end;
  } else if (const auto d = day(k); d && (word(k, "ngay") || d->end > k + 1)) {
    const auto when = settle_day(d->day, d->begin);
    if (!when) return std::nullopt;
    ref.date = when;
    j = d->end;
  }
  // Which committee.
  if (named_committee) {
    ref.committee = (*c_.committees)[*named_committee].id;
  } else if (!unknown_name.empty()) {
    if (c_.committees != nullptr) {
      std::string list;
      for (const auto& c : *c_.committees) {
        list += (list.empty() ? "" : ", ") + c.id + (c.name.empty() ? "" : " (" + c.name + ")");
      }
      fail(name_at, say("phrase-error:no-committee", {{"committee", unknown_name}}),
           list.empty() ? say("hint:declare-committee")
                        : say("hint:plan-committees", {{"committees", list}}));
      return std::nullopt;
    }
    // No plan (explain --phrase): committee ids are acronyms, upper case.
    for (auto& ch : unknown_name) {
      ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    ref.committee = unknown_name;
  } else if (c_.committees != nullptr && c_.committees->size() == 1) {
    ref.committee = c_.committees->front().id;
  } else if (c_.committees != nullptr && c_.committees->size() > 1) {
    fail(i, say("phrase-error:which-committee", {{"committee", c_.committees->front().id}}));
    return std::nullopt;
  } else {
    fail(i, say("phrase-error:no-committees"));
    return std::nullopt;
  }
  auto p = piece(i, j);
  p.meeting = ref;
  p.unread = std::move(unread);
  return p;
}

// --- ranges and lists -----------------------------------------------------------------

/// The ')' closing a parenthesis at `open` that holds words only (no number,
/// no nested parenthesis, at most 24 tokens): a remark, not a time.
std::optional<std::size_t> Grammar::remark_without_numbers(std::size_t open) const {
  for (std::size_t k = open + 1; k < t_.size() && k <= open + 25; ++k) {
    if (t_[k].kind == Tok::close)
      return k > open + 1 ? std::optional<std::size_t>(k) : std::nullopt;
    if (t_[k].kind == Tok::number || t_[k].kind == Tok::open) return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Piece> Grammar::until_event(std::size_t i, std::size_t at) const {
  // "Từ nay đến Đại hội (ngày 20/10/2026)": the work runs up to the event,
  // so it is due on its (first) day, as "chậm nhất Lễ Kỷ niệm" is. The issue
  // date adds nothing: a plan starts after it is issued.
  const auto e = anchor(*this, at);
  if (!e) return std::nullopt;
  auto p = piece(i, e->end, Form::deadline);
  p.constraints.push_back(make(ConstraintKind::due, e->period.first, {}, e->period.event));
  return p;
}

std::optional<Piece> Grammar::range(std::size_t i, bool led) const {
  std::size_t j = i;
  for (const std::string_view lead :
       {"trong thoi gian tu", "bat dau tu", "tu", "from", "between"}) {
    if (auto e = words(j, lead)) {
      j = *e;
      led = true;
      break;
    }
  }
  // "Từ nay đến ngày 2/9/2026": from the plan's issue date.
  if (led && word(j, "nay")) {
    const auto sign = range_sign(j + 1);
    if (!sign) return std::nullopt;
    const auto b = term(*sign, true);
    // Up to an event (Tết too): due on its day, not a window to its last day.
    if (!b || b->period.grain == Period::Grain::event) return until_event(i, *sign);
    const auto to = settle(*b);
    if (!to) return std::nullopt;
    if (!c_.issued) {
      fail(j, say("phrase-error:no-issue-date"), say("hint:add-issued"));
      return std::nullopt;
    }
    auto p = piece(i, b->end);
    window(p, {*c_.issued, to->last, Period::Grain::days, {}, {}});
    return p;
  }
  // "khai mạc 19h ngày 15/2/2026 và bế mạc vào 21h ngày 22/2"; "will start
  // on April 11 and end on June 22".
  std::optional<Term> a;
  if (!led) {
    for (const std::string_view open : {"khai mac", "start on", "begin on", "starts on"}) {
      if (auto e = words(j, open)) {
        a = day(*e);
        break;
      }
    }
  }
  if (!a) {
    a = term(j, true);
    if (!a && led) a = anchor(*this, j);
    if (!a) return std::nullopt;
  }
  std::size_t k = a->end;
  // "từ ngày 08/5 (Ngày Chữ thập đỏ …) đến ngày 19/5": a remark naming the
  // first day stands between the two ends. Words without a number say
  // nothing of the dates; the range goes on after them, said in a note.
  if (led && k < t_.size() && t_[k].kind == Tok::open) {
    if (const auto close = remark_without_numbers(k); close && range_sign(*close + 1)) {
      const auto remark = quote(k, *close + 1);
      assume(k, *close + 1, "'" + remark + "' is a remark about the day before it: a note",
             "'" + remark + "' là ghi chú về ngày đứng trước: không đổi mốc thời gian");
      k = *close + 1;
    }
  }
  std::optional<std::size_t> sign;
  bool joined_by_words = false;
  for (const std::string_view joiner : {"va keo dai den", "keo dai den", "va be mac vao",
                                        "va be mac", "and end on", "and ends on", "and"}) {
    if (auto e = words(k, joiner); e && (joiner != "and" || words(i, "between"))) {
      sign = e;
      joined_by_words = true;
      break;
    }
  }
  if (!sign) sign = range_sign(k);
  // Without 'từ', only a dash (or 'và bế mạc') makes two days a range; or
  // 'đến' between two days ("ngày 13 đến 15/10/2015", "ngày 13/10 đến
  // 15/10/2015"), which can be nothing else.
  const bool open_day = a->kind == Term::Kind::day && (word(k, "den") || word(k, "toi")) &&
                        k + 1 < t_.size() && (word(k + 1, "ngay") || number(k + 1, 2));
  if (!sign || (!led && !joined_by_words && !open_day && t_[k].kind != Tok::dash)) {
    return std::nullopt;
  }
  std::size_t b_at = *sign;
  if (word(b_at, "het")) ++b_at;
  auto b = term(b_at, true);
  if (!b) b = anchor(*this, b_at);
  // "đến trước khai mạc Đại hội": up to the day before it.
  if (!b && word(b_at, "truoc")) {
    b = anchor(*this, b_at + 1);
    if (b) b->period.first = b->period.last = b->period.first - date::days{1};
  }
  if (!b) return std::nullopt;
  // Missing parts borrowed across the range, and a lunar mark shared.
  Term first = *a, last = *b;
  if (first.kind == Term::Kind::day && last.kind == Term::Kind::day) {
    // "từ 25/12 đến 05/01 âm lịch": the calendar written after the end is
    // both ends'.
    if (last.day.lunar && !first.day.lunar && (first.day.month == 0 || last.day.lunar_said)) {
      first.day.lunar = true;
    }
    if (first.day.month != 0 && last.day.month == 0) {
      last.day.month = first.day.month;
      if (!last.day.year_given) {
        last.day.year = first.day.year;
        last.day.year_name = first.day.year_name;
        last.day.year_offset = first.day.year_offset;
        last.day.year_given = first.day.year_given;
      }
    }
  }
  if (first.kind == Term::Kind::month && last.kind == Term::Kind::month && last.month.lunar) {
    first.month.lunar = true;
  }
  const auto to = settle(last, &first);
  if (!to) return std::nullopt;
  // The end's year and month as settled, for a start written without them.
  Term hint = last;
  const date::year_month_day end_day{to->last};
  if (hint.kind == Term::Kind::day) {
    hint.day.year = static_cast<int>(end_day.year());
    hint.day.year_name.clear();
    hint.day.year_offset = 0;
    hint.day.year_given = true;
    if (hint.day.month == 0)
      hint.day.month = static_cast<int>(static_cast<unsigned>(end_day.month()));
    if (last.day.lunar) {
      const auto lunar = to_lunar(to->last);
      hint.day.year = lunar.year;
      hint.day.month = lunar.month;
    }
  }
  if (hint.kind == Term::Kind::month) {
    hint.month.year = static_cast<int>(end_day.year());
    hint.month.year_name.clear();
    hint.month.year_offset = 0;
    hint.month.year_given = true;
  }
  auto from = settle(first, &hint);
  if (!from) return std::nullopt;
  const bool borrowed_year = (first.kind == Term::Kind::day && !first.day.year_given) ||
                             (first.kind == Term::Kind::month && !first.month.year_given);
  if (from->first > to->last && borrowed_year) {
    // "28/12 - 05/01/2025": the first day is in the year before.
    Term earlier = hint;
    if (earlier.kind == Term::Kind::day) earlier.day.year -= 1;
    if (earlier.kind == Term::Kind::month) earlier.month.year -= 1;
    from = settle(first, &earlier);
    if (!from) return std::nullopt;
    // "Từ ngày 13/10 đến 10/10/2024" is a slip, not a year less three days.
    if ((to->last - from->first).count() < 300) {
      // A lunar day's year is the lunar year (25/12 âm lịch of 2010 falls in January 2011).
      const int year = first.kind == Term::Kind::day && first.day.lunar
                           ? to_lunar(from->first).year
                           : static_cast<int>(date::year_month_day{from->first}.year());
      const auto y = std::to_string(year);
      assume(a->begin, a->end,
             "the range's first day is taken in " + y + ", the year before its end",
             "ngày đầu của khoảng được hiểu là năm " + y + ", năm trước ngày cuối");
    } else {
      from = settle(first, &hint);
    }
  }
  if (from->first > to->last) {
    fail(a->begin,
         say("phrase-error:range-reversed", {{"to", vn(to->last)}, {"from", vn(from->first)}}));
    return std::nullopt;
  }
  auto p = piece(i, b->end);
  const bool days = a->kind == Term::Kind::day && b->kind == Term::Kind::day;
  if (days) {
    span(p, from->first, to->last);
    // "(9 ngày)" after a range must count its days.
    if (p.end + 2 < t_.size() && t_[p.end].kind == Tok::open) {
      if (const auto n = amount_at(*this, p.end + 1); n && n->unit == Amount::Unit::days &&
                                                      n->end < t_.size() &&
                                                      t_[n->end].kind == Tok::close) {
        const int count = static_cast<int>((to->last - from->first).count()) + 1;
        if (n->count != count) {
          fail(p.end, say("phrase-error:range-days", {{"days", std::to_string(count)},
                                                      {"written", std::to_string(n->count)}}));
          return std::nullopt;
        }
        p.end = n->end + 1;
      }
    }
  } else {
    window(p, {from->first, to->last, Period::Grain::days, {}, {}});
  }
  p.hour_dropped = (a->kind == Term::Kind::day && a->day.time_of_day) ||
                   (b->kind == Term::Kind::day && b->day.time_of_day);
  return p;
}

std::optional<Piece> Grammar::list(std::size_t i) const {
  // "tháng 6, 7/2026", "tháng 8 và tháng 9/2026", "các ngày 2, 3 và 4/1/2014",
  // "09;10/4/2016", "trong hai ngày 26 và 27/6", "tuần cuối tháng 8 và tuần đầu tháng 9".
  std::size_t j = i;
  if (word(j, "vao") || word(j, "trong")) ++j;
  std::optional<int> count;
  bool months_named = false;  // "các tháng 4, 5 và 6": the numbers are months
  if (auto e = words(j, "cac ngay")) {
    j = *e;
  } else if (auto e2 = words(j, "cac thang")) {
    j = *e2;
    months_named = true;
  } else if (const auto a = amount_at(*this, j); a && a->unit == Amount::Unit::days) {
    count = a->count;
    j = a->end;
  }
  const bool month_list = months_named || word(j, "thang");
  const std::size_t first_item = j;
  // The items and their periods, read with `hint` as the year of those
  // that name none (0: the plan's).
  struct Read {
    std::vector<Term> items;
    std::vector<Period> periods;
    std::size_t end = 0;
  };
  // A hint already set (the year of what a parenthesis restates) stays
  // unless this one is given, and is put back after.
  const auto outer = year_hints();
  const auto read_items = [&](int hint) -> std::optional<Read> {
    if (hint != 0) year_hint(hint, 0);
    Read r;
    std::size_t k0 = first_item;
    while (k0 < t_.size()) {
      std::optional<Term> item;
      if (month_list && number(k0, 2)) item = month(k0, true);
      if (!item) item = term(k0, true);
      if (!item) break;
      r.items.push_back(*item);
      k0 = item->end;
      std::size_t k = k0;
      if (k < t_.size() && (t_[k].kind == Tok::comma || t_[k].kind == Tok::semicolon)) {
        ++k;
        if (word(k, "va") || word(k, "and")) ++k;
      } else if (word(k, "va") || word(k, "and") || (k < t_.size() && t_[k].text == "&")) {
        ++k;
      } else {
        break;
      }
      // Only another term continues the list.
      if (!term(k, true) && !(month_list && number(k, 2))) break;
      k0 = k;
    }
    r.end = k0;
    if (r.items.size() < 2) {
      year_hint(outer.first, outer.second);
      return std::nullopt;
    }
    const auto& last = r.items.back();
    for (std::size_t n = 0; n < r.items.size(); ++n) {
      Term item = r.items[n];
      const bool earlier = n + 1 < r.items.size();
      // Earlier items take what they lack from the last.
      if (earlier && item.kind == Term::Kind::day && last.kind == Term::Kind::day &&
          item.day.month == 0) {
        item.day.month = last.day.month;
        item.day.lunar = last.day.lunar;
      }
      if (earlier && item.kind == Term::Kind::month && last.kind == Term::Kind::month &&
          last.month.lunar) {
        item.month.lunar = true;
      }
      const auto settled = settle(item, earlier ? &last : nullptr);
      if (!settled) {
        year_hint(outer.first, outer.second);
        return std::nullopt;
      }
      r.periods.push_back(*settled);
    }
    year_hint(outer.first, outer.second);
    return r;
  };
  auto read = read_items(0);
  if (!read) return std::nullopt;
  // One step has one time: the periods must follow one another (days off
  // between them do not count: the last week of August and the first of
  // September are one time, the weekend between them included).
  const auto joined = [&](const Period& before, const Period& next) {
    if (next.first <= before.last) return false;
    for (Date d = before.last + date::days{1}; d < next.first; d += date::days{1}) {
      if (working_days_from(d - date::days{1}, 1) == d) return false;
    }
    return true;
  };
  const auto all_joined = [&](const Read& r) {
    for (std::size_t n = 1; n < r.periods.size(); ++n) {
      if (!joined(r.periods[n - 1], r.periods[n])) return false;
    }
    return true;
  };
  // "cuối tháng 6 và đầu tháng 7-2017": the year written once, at the end,
  // is the earlier parts' too (or the year before, for December then January).
  if (!all_joined(*read)) {
    const int year = static_cast<int>(date::year_month_day{read->periods.back().first}.year());
    bool found = false;
    for (const int hint : {year, year - 1}) {
      if (auto again = read_items(hint); again && all_joined(*again)) {
        read = std::move(again);
        found = true;
        break;
      }
    }
    // Not one time either way: said with the year written ("cuối tháng
    // 6/2017 và đầu tháng 8/2017"), not the plan's.
    if (auto again = found ? std::nullopt : read_items(year)) read = std::move(again);
  }
  const auto& items = read->items;
  const auto& periods = read->periods;
  j = read->end;
  for (std::size_t n = 1; n < periods.size(); ++n) {
    if (!joined(periods[n - 1], periods[n])) {
      fail(items[n].begin,
           say("phrase-error:separate-periods",
               {{"first", periods[n - 1].name}, {"second", periods[n].name}}),
           say("hint:split-periods"));
      return std::nullopt;
    }
  }
  auto p = piece(i, j);
  const bool days = std::all_of(items.begin(), items.end(),
                                [](const Term& t) { return t.kind == Term::Kind::day; });
  if (days) {
    span(p, periods.front().first, periods.back().last);
  } else {
    window(p, {periods.front().first, periods.back().last, Period::Grain::days, {}, {}});
  }
  if (count && *count != static_cast<int>(items.size())) {
    fail(i, say("phrase-error:day-count",
                {{"count", std::to_string(*count)}, {"named", std::to_string(items.size())}}));
    return std::nullopt;
  }
  return p;
}

// --- qualifiers --------------------------------------------------------------------------

std::optional<Piece> Grammar::before(std::size_t i) const {
  std::size_t j = i;
  std::optional<std::size_t> lead;
  for (const std::string_view w : {"truoc", "before", "prior to"}) {
    if (auto e = words(j, w)) {
      lead = e;
      break;
    }
  }
  if (!lead) return std::nullopt;
  j = *lead;
  // "trước ít nhất 35 ngày làm việc trước ngày ...", "trước 2 tuần so với E".
  // Only when an offset's word follows: "trước 15 tháng 4 năm 2017" is a day
  // ("15 tháng" is no amount there).
  if (const auto a = amount_at(*this, j)) {
    std::size_t k = a->end;
    bool offset = true;
    if (word(k, "truoc")) {
      ++k;
    } else if (auto e = words(k, "so voi")) {
      k = *e;
    } else {
      offset = false;
    }
    if (offset) {
      const auto c = count_to(*this, k, *a, Count::back);
      if (!c) return std::nullopt;
      auto p = piece(i, c->end, Form::before);
      p.constraints.push_back(make(ConstraintKind::due, c->day, {}, c->event));
      return p;
    }
  }
  // An event, its offset maybe after it: "Trước Lễ Kỷ niệm 03 ngày".
  if (const auto e = anchor(*this, j)) {
    auto p = piece(i, e->end, Form::before);
    Date due = e->period.first - date::days{1};
    if (const auto a = amount_at(*this, e->end)) {
      due = shift(*this, e->period.first, *a, -1);
      p.end = a->end;
    }
    p.constraints.push_back(make(ConstraintKind::due, due, {}, e->period.event));
    return p;
  }
  if (word(j, "ngay") && !day(j)) ++j;
  const auto what = term(j);
  if (!what) return std::nullopt;
  const auto settled = settle(*what);
  if (!settled) return std::nullopt;
  auto p = piece(i, what->end, Form::before);
  if (what->kind == Term::Kind::day) {
    // Before 17h on the 25th is done on the 25th; before the 25th, on the
    // 24th (or on the 25th when the plan says 'before' means that).
    const bool hour = what->day.time_of_day;
    const Date due = hour || c_.before == BeforeMeans::same_day ? settled->first
                                                                : settled->first - date::days{1};
    p.constraints.push_back(make(ConstraintKind::due, due));
    p.hour_dropped = hour;
  } else {
    // Before a month, a quarter, a year: done before it starts.
    p.constraints.push_back(
        make(ConstraintKind::due, settled->first - date::days{1}, {}, settled->event));
  }
  return p;
}

std::optional<Piece> Grammar::deadline(std::size_t i) const {
  std::size_t j = i;
  std::optional<std::size_t> lead;
  for (const std::string_view w :
       {"cham nhat den", "cham nhat la",  "cham nhat vao",  "cham nhat", "muon nhat la",
        "han chot",      "han cuoi cung", "han cuoi",       "han nop",   "han gui",
        "thoi han",      "han",           "den het",        "den",       "toi",
        "cho den",       "no later than", "not later than", "by",        "due at",
        "due by",        "due",           "until"}) {
    if (auto e = words(j, w)) {
      lead = e;
      break;
    }
  }
  if (!lead) return std::nullopt;
  j = *lead;
  // "Thời hạn hoàn thành: 15/5/2017", "Hạn cuối: 15/5/2017": a label that
  // says the day is the deadline ("thời hạn" is no filler: it means it).
  if (words(j, "hoan thanh")) j += 2;
  if (j < t_.size() && t_[j].kind == Tok::colon) ++j;
  if (word(j, "la")) ++j;
  if (word(j, "vao")) ++j;
  if (word(j, "den")) ++j;
  // "chậm nhất 5 ngày (kể từ ngày chuyển Email)", "chậm nhất 70 ngày trước
  // bầu cử", "chậm nhất không quá 45 ngày kể từ ...", "7 ngày sau ...".
  // An amount only when an offset's word follows ("chậm nhất 15 tháng 4 năm
  // 2017" is a day).
  const auto offset_after = [&](std::size_t k) {
    if (k < t_.size() && t_[k].kind == Tok::open) ++k;
    return words(k, "ke tu") || word(k, "sau") || word(k, "after") || word(k, "truoc") ||
           word(k, "before");
  };
  if (const auto a = amount_at(*this, j); a && offset_after(a->end)) {
    std::size_t k = a->end;
    const bool paren = k < t_.size() && t_[k].kind == Tok::open;
    if (paren) ++k;
    Count count = Count::from_start;
    if (auto e = words(k, "ke tu")) {
      k = *e;
    } else if (word(k, "sau") || word(k, "after")) {
      ++k;
      count = Count::after_end;
    } else {
      ++k;
      count = Count::back;
    }
    const auto c = count_to(*this, k, *a, count);
    if (!c) return std::nullopt;
    std::size_t end = c->end;
    if (paren) {
      if (end >= t_.size() || t_[end].kind != Tok::close) return std::nullopt;
      ++end;
    }
    auto p = piece(i, end, Form::deadline);
    p.constraints.push_back(make(ConstraintKind::due, c->day, {}, c->event));
    return p;
  }
  if (word(j, "ngay") && !day(j)) ++j;
  const auto what = term(j);
  if (!what) {
    const auto e = anchor(*this, j);
    if (!e) return std::nullopt;
    auto p = piece(i, e->end, Form::deadline);
    p.constraints.push_back(make(ConstraintKind::due, e->period.first, {}, e->period.event));
    return p;
  }
  const auto settled = settle(*what);
  if (!settled) return std::nullopt;
  auto p = piece(i, what->end, Form::deadline);
  p.period = settled;
  p.constraints.push_back(make(ConstraintKind::due, settled->last, {}, settled->event));
  p.hour_dropped = what->kind == Term::Kind::day && what->day.time_of_day;
  return p;
}

std::optional<Piece> Grammar::after(std::size_t i) const {
  std::size_t j = i;
  enum class Lead { after, from, earliest } lead{};
  bool found = false;
  for (const auto& [w, l] :
       std::array<std::pair<std::string_view, Lead>, 12>{{{"ngay sau khi", Lead::after},
                                                          {"ngay sau", Lead::after},
                                                          {"sau khi", Lead::after},
                                                          {"sau", Lead::after},
                                                          {"after", Lead::after},
                                                          {"ke tu", Lead::from},
                                                          {"bat dau tu", Lead::from},
                                                          {"tu", Lead::from},
                                                          {"from", Lead::from},
                                                          {"starting", Lead::from},
                                                          {"som nhat vao", Lead::earliest},
                                                          {"som nhat", Lead::earliest}}}) {
    if (auto e = words(j, w)) {
      j = *e;
      lead = l;
      found = true;
      break;
    }
  }
  if (!found) return std::nullopt;
  if (word(j, "on")) ++j;
  // "Sau 15 ngày kể từ E", "sau E 1 tuần".
  if (lead == Lead::after) {
    if (const auto a = amount_at(*this, j)) {
      std::size_t k = a->end;
      if (word(k, "khi")) ++k;
      if (auto e = words(k, "ke tu")) k = *e;
      const auto c = count_to(*this, k, *a, Count::after_end);
      if (!c) return std::nullopt;
      auto p = piece(i, c->end, Form::after);
      p.constraints.push_back(make(ConstraintKind::not_before, c->day, {}, c->event));
      return p;
    }
    if (const auto e = anchor(*this, j)) {
      auto p = piece(i, e->end, Form::after);
      Date from = e->period.last + date::days{1};
      if (const auto a = amount_at(*this, e->end)) {
        from = shift(*this, e->period.last, *a, 1);
        p.end = a->end;
      }
      p.constraints.push_back(make(ConstraintKind::not_before, from, {}, e->period.event));
      return p;
    }
  }
  std::size_t k = j;
  if (word(k, "ngay") && !day(k)) ++k;
  auto what = term(k);
  if (!what && lead != Lead::after) what = anchor(*this, k);
  if (!what) return std::nullopt;
  const auto settled = settle(*what);
  if (!settled) return std::nullopt;
  auto p = piece(i, what->end, Form::after);
  const Date from = lead == Lead::after ? settled->last + date::days{1} : settled->first;
  p.hour_dropped =
      what->kind == Term::Kind::day && what->day.time_of_day && !what->day.from_midnight;
  // "từ 8h ngày 20/02/2024": from an hour of a day, with no end, the work
  // begins on that day; "từ ngày D" alone is only a bound (not before D).
  const bool from_an_hour = lead == Lead::from && p.hour_dropped && !words(i, "ke tu");
  p.constraints.push_back(make(from_an_hour ? ConstraintKind::start_on : ConstraintKind::not_before,
                               from, {}, settled->event));
  // "sớm nhất vào ngày 1/8/2013, muộn nhất vào ngày 28/8/2013".
  if (lead == Lead::earliest) {
    std::size_t m = p.end;
    if (m < t_.size() && t_[m].kind == Tok::comma) ++m;
    if (auto e = words(m, "muon nhat")) {
      m = *e;
      if (word(m, "vao")) ++m;
      if (const auto latest = day(m)) {
        if (const auto d = settle_day(latest->day, latest->begin)) {
          p.constraints.push_back(make(ConstraintKind::start_by, *d));
          p.end = latest->end;
        }
      }
    }
  }
  return p;
}

std::optional<Piece> Grammar::within(std::size_t i) const {
  std::size_t j = i;
  bool single_day_window = false;
  for (const std::string_view w :
       {"trong nhung ngay", "trong cac ngay", "trong thoi gian", "trong khoang", "trong", "vao",
        "in", "during", "within", "on"}) {
    if (auto e = words(j, w)) {
      single_day_window = w == "trong";
      j = *e;
      break;
    }
  }
  if (j == i) return std::nullopt;
  // "Trong đó, có hoạt động …": 'of which', a connective, no time.
  if (single_day_window && word(j, "do")) return std::nullopt;
  // "trong thời gian tiến hành Đại hội".
  for (const std::string_view filler : {"tien hanh", "dien ra", "to chuc"}) {
    if (auto e = words(j, filler)) {
      j = *e;
      break;
    }
  }
  auto what = term(j);
  // "trong 2/2021": after a word of 'within', M/YYYY is a month (alone it
  // could be a number, "số 2/2021").
  if (!what && number(j, 2) && date_separator(j + 1) && four_figures(j + 2)) {
    what = month(j, true);
  }
  if (!what) what = anchor(*this, j);
  if (!what) return std::nullopt;
  const auto settled = settle(*what);
  if (!settled) return std::nullopt;
  const bool on_a_day = what->kind == Term::Kind::day && !single_day_window;
  auto p = piece(i, what->end, on_a_day ? Form::day : Form::within);
  p.period = settled;
  if (on_a_day) {
    p.constraints.push_back(make(ConstraintKind::start_on, settled->first));
  } else {
    window(p, *settled);
  }
  p.hour_dropped = what->kind == Term::Kind::day && what->day.time_of_day;
  // "in 2022 and the following years": from then on.
  for (const std::string_view onwards :
       {"and the following years", "va cac nam tiep theo", "tro di", "onwards"}) {
    if (auto e = words(p.end, onwards)) {
      p.constraints.clear();
      p.constraints.push_back(make(ConstraintKind::not_before, settled->first));
      p.form = Form::after;
      p.end = *e;
    }
  }
  return p;
}

std::optional<Piece> Grammar::around_event(std::size_t i) const {
  std::size_t j = i;
  // "trước, trong và sau Lễ Kỷ niệm": the step runs across the event.
  if (auto e = words(j, "trong thoi gian")) j = *e;
  if (word(j, "truoc") && j + 3 < t_.size()) {
    std::size_t k = j + 1;
    if (t_[k].kind == Tok::comma) ++k;
    if (word(k, "trong") && (word(k + 1, "va") || t_[k + 1].kind == Tok::comma)) {
      k += 2;
      if (word(k, "va")) ++k;
      if (word(k, "sau")) {
        ++k;
        if (word(k, "khi")) ++k;
        if (const auto e = anchor(*this, k)) {
          auto p = piece(i, e->end);
          p.constraints.push_back(
              make(ConstraintKind::start_by, e->period.first, {}, e->period.event));
          p.constraints.push_back(
              make(ConstraintKind::finish_not_before, e->period.last, {}, e->period.event));
          return p;
        }
      }
    }
  }
  j = i;
  bool at = false;
  for (const std::string_view w : {"tai", "at", "on"}) {
    if (auto e = words(j, w)) {
      j = *e;
      at = true;
      break;
    }
  }
  if (!at) {
    for (const std::string_view w :
         {"vao dip", "nhan dip", "dip", "on the occasion of", "around"}) {
      if (auto e = words(j, w)) {
        j = *e;
        break;
      }
    }
    if (j == i) return std::nullopt;
  }
  const auto e = anchor(*this, j);
  if (!e || e->kind == Term::Kind::day) return std::nullopt;
  auto p = piece(i, e->end);
  if (at) {
    p.constraints.push_back(make(ConstraintKind::start_on, e->period.first, {}, e->period.event));
  } else {
    // On the occasion of: an emphasis, not a bound.
    p.remark = true;
    p.notes_en.push_back("around " + e->period.name + " (" + iso(e->period.first) +
                         "), not a bound");
    p.notes_vi.push_back("vào dịp " + e->period.name + " (" + vn(e->period.first) +
                         "), không phải mốc ràng buộc");
  }
  return p;
}

namespace {

/// "trong thời gian 12 ngày, đến 23/2/2026", "trong 3 ngày, từ ngày
/// 12/2/2026": after the amount at `a`, a comma and a day the days end or
/// start on: so many calendar days. nullopt: not that form.
std::optional<Piece> days_to_or_from(const Grammar& g, std::size_t i, const Amount& a) {
  const auto& t = g.tokens();
  if (a.unit != Amount::Unit::days || a.count < 1 || a.end >= t.size() ||
      t[a.end].kind != Tok::comma) {
    return std::nullopt;
  }
  std::size_t k = a.end + 1;
  const bool ending = g.word(k, "den") || g.word(k, "toi");
  if (ending) {
    ++k;
    if (g.word(k, "het")) ++k;
  } else if (const auto e = g.words(k, "bat dau tu")) {
    k = *e;
  } else if (g.word(k, "tu")) {
    ++k;
  } else {
    return std::nullopt;
  }
  const auto d = g.day(k);
  const auto settled = d ? g.settle(*d) : std::nullopt;
  if (!settled) return std::nullopt;
  auto p = piece(i, d->end);
  const date::days length{a.count - 1};
  if (ending) {
    span(p, settled->last - length, settled->last);
  } else {
    span(p, settled->first, settled->first + length);
  }
  return p;
}

}  // namespace

std::optional<Piece> Grammar::counted(std::size_t i) const {
  // "trong vòng 15 ngày kể từ 0 giờ ngày 01/04/2020" (a span from that day);
  // "trong thời gian 10 ngày kể từ ngày có quyết định" (due then + 10);
  // "kể từ 0h ngày 9/7 trong 15 ngày"; "trong 2 tuần từ 0h ngày 31/5".
  std::size_t j = i;
  std::optional<Amount> a;
  std::optional<Term> from;
  const auto anchor_at = [&](std::size_t k) -> std::optional<Term> {
    if (auto e = words(k, "ke tu")) {
      k = *e;
    } else if (word(k, "tu") || word(k, "from")) {
      ++k;
    } else {
      return std::nullopt;
    }
    if (auto d = day(k)) return d;
    return anchor(*this, k);
  };
  for (const std::string_view w : {"trong vong", "trong thoi gian", "trong", "within"}) {
    if (auto e = words(j, w)) {
      j = *e;
      break;
    }
  }
  if (j > i) {
    a = amount_at(*this, j);
    if (!a) return std::nullopt;
    if (auto p = days_to_or_from(*this, i, *a)) return p;
    from = anchor_at(a->end);
    if (!from) return std::nullopt;
    j = from->end;
  } else {
    from = anchor_at(j);
    if (!from || from->kind != Term::Kind::day) return std::nullopt;
    const std::size_t k = from->end;
    if (!word(k, "trong")) return std::nullopt;
    a = amount_at(*this, k + 1);
    if (!a) return std::nullopt;
    j = a->end;
  }
  const auto settled = settle(*from);
  if (!settled) return std::nullopt;
  auto p = piece(i, j);
  if (from->kind == Term::Kind::day && from->day.from_midnight) {
    // Counted from the start of the day: that day is the first of them.
    span(p, settled->first, shift(*this, settled->first, *a, 1) - date::days{1});
  } else {
    // Counted as the law counts a period in days: from the day after.
    p.form = Form::deadline;
    p.constraints.push_back(
        make(ConstraintKind::due, shift(*this, settled->first, *a, 1), {}, settled->event));
  }
  return p;
}

std::optional<Piece> Grammar::bare(std::size_t i) const {
  auto what = term(i);
  // "bế mạc Đại hội": the event's last day.
  if (!what && words(i, "be mac")) what = anchor(*this, i);
  if (!what) return std::nullopt;
  const auto settled = settle(*what);
  if (!settled) return std::nullopt;
  auto p = piece(i, what->end, what->kind == Term::Kind::day ? Form::day : Form::within);
  p.period = settled;
  if (what->kind == Term::Kind::day) {
    p.constraints.push_back(make(ConstraintKind::start_on, settled->first));
    p.hour_dropped = what->day.time_of_day;
  } else if (settled->grain == Period::Grain::event) {
    p.form = Form::day;
    p.constraints.push_back(make(ConstraintKind::start_on, settled->first, {}, settled->event));
  } else {
    window(p, *settled);
  }
  return p;
}

std::optional<Piece> Grammar::hours_after_day(std::size_t i) const {
  // "Sáng ngày 08/05/2025: Từ 7 giờ 30 phút đến 11 giờ 00 phút": the day,
  // then its hours.
  const auto day_term = day(i);
  if (!day_term || day_term->day.month == 0) return std::nullopt;
  std::size_t k = day_term->end;
  if (k < t_.size() && (t_[k].kind == Tok::colon || t_[k].kind == Tok::comma)) ++k;
  if (auto e = words(k, "tu")) k = *e;
  if (!number(k, 2) || !(word(k + 1, "h") || word(k + 1, "gio") || word(k + 1, "g"))) {
    return std::nullopt;
  }
  DayTerm from, to;
  const auto sign = range_sign(skip_time_of_day(k, from));
  if (!sign || !number(*sign, 2)) return std::nullopt;
  const auto end = skip_time_of_day(*sign, to);
  if (!to.time_of_day) return std::nullopt;
  const auto settled = settle(*day_term);
  if (!settled) return std::nullopt;
  auto p = piece(i, end, Form::day);
  p.period = settled;
  p.constraints.push_back(make(ConstraintKind::start_on, settled->first));
  p.hour_dropped = true;
  return p;
}

std::optional<Piece> Grammar::hour_range(std::size_t i) const {
  // "Từ 8h00 đến 9h30 ngày 5/9", "8h00 - 11h30, ngày 5/9/2025": hours of
  // one day. tiendo schedules whole days: the day, fixed, the hours noted.
  std::size_t j = i;
  bool led = false;
  for (const std::string_view lead : {"tu", "from"}) {
    if (auto e = words(j, lead)) {
      j = *e;
      led = true;
      break;
    }
  }
  // The first end is an hour and nothing else (no day of its own).
  if (!number(j, 2) || !(word(j + 1, "h") || word(j + 1, "gio") || word(j + 1, "g"))) {
    return led ? std::nullopt : hours_after_day(i);
  }
  DayTerm start;
  const std::size_t k = skip_time_of_day(j, start);
  const auto sign = range_sign(k);
  if (!sign || (!led && t_[k].kind != Tok::dash)) return std::nullopt;
  if (!number(*sign, 2)) return std::nullopt;  // "đến 9h30": the second end is an hour too
  const auto day_term = day(*sign);
  if (!day_term || !day_term->day.time_of_day || day_term->day.month == 0) return std::nullopt;
  const auto settled = settle(*day_term);
  if (!settled) return std::nullopt;
  auto p = piece(i, day_term->end, Form::day);
  p.period = settled;
  p.constraints.push_back(make(ConstraintKind::start_on, settled->first));
  p.hour_dropped = true;
  return p;
}

std::optional<Piece> Grammar::expression(std::size_t i) const {
  std::optional<Piece> best;
  const auto consider = [&](std::optional<Piece> candidate) {
    if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
  };
  // Longest wins; on a tie, the earlier production (the more specific).
  consider(ongoing(i));
  consider(citation(i));
  consider(meeting(i));
  consider(around_event(i));
  consider(range(i));
  consider(hour_range(i));
  consider(counted(i));
  consider(list(i));
  consider(before(i));
  consider(deadline(i));
  consider(offset(i));
  consider(after(i));
  consider(within(i));
  consider(duration_remark(i));
  consider(bare(i));
  return best;
}

}  // namespace tiendo::phrases
