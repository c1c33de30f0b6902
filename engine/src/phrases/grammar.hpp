#pragma once
// The grammar of time phrases (docs/phrases.md is its table). Terms are the
// places on the calendar a phrase names: a day, a month, a quarter, an event.
// Expressions are what a phrase says about a step with them: before, by,
// after, within, from .. to, at a meeting. Each production is a function
// from a token position to what it read and where it stopped; the phrase
// reader tries them at every position and keeps the longest, so words that
// belong to no production are known, and said.

#include <tiendo/messages.hpp>
#include <tiendo/phrase.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "phrases/tokens.hpp"

namespace tiendo::phrases {

/// A day as written, before its missing parts are taken from a neighbour
/// ("14" of "từ ngày 14 - 16/5/2026" takes May 2026 from "16/5/2026").
struct DayTerm {
  int day = 0;
  int month = 0;          ///< 0: not written
  int year = 0;           ///< 0: not written
  int year_offset = 0;    ///< "năm sau": +1, "năm trước": -1
  std::string year_name;  ///< a sexagenary year ("Ất Tỵ"), for lunar days
  bool lunar = false;
  bool lunar_said = false;     ///< "âm lịch" written after it: said for a range's start too
  bool yearly = false;         ///< "hằng năm": read for the plan's year
  bool year_given = false;     ///< any of the year fields was written
  int weekday = -1;            ///< as written, 0 Sunday .. 6 Saturday; checked
  bool time_of_day = false;    ///< an hour was written, and is dropped
  bool from_midnight = false;  ///< "0 giờ ngày D": counting starts as D begins
};

/// A month as written ("tháng 6" of "tháng 6, 7/2026" takes its year from "7/2026").
struct MonthTerm {
  int month = 0;
  int year = 0;
  int year_offset = 0;
  std::string year_name;
  bool lunar = false;
  bool yearly = false;
  bool year_given = false;
};

/// A settled stretch of days.
struct Period {
  enum class Grain : std::uint8_t {
    day,
    days,
    week,
    part,
    month,
    quarter,
    half,
    year,
    years,
    event
  };
  Date first{};
  Date last{};
  Grain grain = Grain::days;
  std::string event;  ///< the event's id, when the period is an event's days
  std::string name;   ///< how to name it in a meaning ("Lễ Kỷ niệm", "quý I/2021")
};

/// A place on the calendar: a day or a month that may still be partial, or
/// a settled period.
struct Term {
  enum class Kind : std::uint8_t { day, month, period };
  Kind kind = Kind::period;
  DayTerm day;
  MonthTerm month;
  Period period;
  std::size_t begin = 0, end = 0;  ///< tokens [begin, end)
};

/// Which production read a piece: a verb before it ('hoàn thành', 'bắt
/// đầu', 'sớm nhất') changes what some of them mean.
enum class Form : std::uint8_t { other, before, deadline, within, day, after };

/// The verb of a clause, as it bears on dates.
enum class Verb : std::uint8_t { none, start, finish, earliest, moved };

/// What one expression of a phrase means.
struct Piece {
  Form form = Form::other;
  std::vector<Constraint> constraints;
  std::optional<MeetingRef> meeting;
  std::optional<std::pair<Date, Date>> span;
  bool ongoing = false;
  /// Read, and binding nothing: a document's own date, "vào dịp" an event.
  bool remark = false;
  std::vector<std::string> notes_en, notes_vi;  ///< assumptions, said back
  bool hour_dropped = false;
  /// The period a 'by' or 'within' piece is about (a verb may reread it).
  std::optional<Period> period;
  /// Tokens inside it that it read past without using ("thứ năm" of
  /// "Phiên họp thứ năm BTV"): said unread like any other.
  std::vector<std::pair<std::size_t, std::size_t>> unread;
  std::size_t begin = 0, end = 0;  ///< tokens [begin, end)
};

/// An assumption made while reading tokens [begin, end): said back to the
/// planner when those tokens end up in the reading.
struct Assumption {
  std::size_t begin = 0, end = 0;
  std::string en, vi;
};

/// A reason the phrase cannot be read, at a token.
struct Failure {
  std::size_t token = 0;
  Message message;  ///< in both languages, from the catalogue (messages.hpp)
  Message suggestion;
};

class Grammar {
 public:
  /// `source` is the phrase the tokens were cut from, to quote its words.
  Grammar(const std::vector<Token>& tokens, const PhraseContext& context,
          std::string_view source = {});

  /// The longest expression starting at token `i`, if any.
  std::optional<Piece> expression(std::size_t i) const;

  /// The first hard error met (an impossible date, a contradiction inside
  /// one expression); the phrase is then refused.
  const std::optional<Failure>& failure() const { return failure_; }

  // --- terms (terms.cpp) ---------------------------------------------------

  std::optional<Term> day(std::size_t i, bool bare_number = false) const;
  std::optional<Term> month(std::size_t i, bool bare = false) const;
  std::optional<Term> period(std::size_t i) const;
  /// "nửa đầu tháng 8", "nửa sau tháng 8": a half of a month.
  std::optional<Term> half_of_month(std::size_t i) const;
  /// A day, a month or a period: the longest.
  std::optional<Term> term(std::size_t i, bool bare = false) const;
  /// An event of the plan named at `i` (by id, name or alias), Tết, or a
  /// name followed by its date in parentheses ("Đại hội XV (tháng 8/2020)").
  std::optional<Term> event(std::size_t i) const;
  /// A name followed by its date in parentheses ("thời điểm hoàn thành Đại
  /// hội XV (tháng 8/2020)"): the date of what is named.
  std::optional<Term> named_date(std::size_t i) const;

  /// The days a term covers; its missing parts from `hint` (the term it is
  /// paired with), else the plan's year. nullopt: a failure was recorded.
  std::optional<Period> settle(const Term& term, const Term* hint = nullptr) const;
  std::optional<Date> settle_day(const DayTerm& day, std::size_t at,
                                 const DayTerm* hint = nullptr) const;

  // --- helpers shared by the productions ------------------------------------

  const Token* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  /// Whether token `i` may be the word `w` as written ("Sáu" is not "sau").
  bool spelled_as(std::size_t i, std::string_view w) const;
  /// Token `i` is written 'tới' (until), with its marks: not 'tối' (evening).
  bool written_until(std::size_t i) const;
  /// Token `i` is written with a letter beyond ASCII (a mark, or 'đ').
  bool written_with_marks(std::size_t i) const;
  bool word(std::size_t i, std::string_view w) const;
  /// Index after `words` at `i`, or nullopt.
  std::optional<std::size_t> words(std::size_t i, std::string_view words) const;
  bool number(std::size_t i, int max_digits = 9) const;
  /// A number of exactly four figures at `i`: a year.
  bool four_figures(std::size_t i) const { return number(i, 4) && t_[i].digits == 4; }
  /// A date separator ('/', '-', '.') written without spaces around it.
  bool date_separator(std::size_t i) const;
  /// A range sign: a dash or tilde (spaces allowed), or 'đến', 'tới', 'to'...
  std::optional<std::size_t> range_sign(std::size_t i) const;
  /// Time-of-day and day-part words, commas: what may stand before a day.
  std::size_t skip_time_of_day(std::size_t i, DayTerm& d) const;
  void fail(std::size_t token, Message message, Message suggestion = {}) const;
  void assume(std::size_t begin, std::size_t end, std::string en, std::string vi) const;
  const std::vector<Assumption>& assumptions() const { return assumptions_; }

  const PhraseContext& context() const { return c_; }
  /// The year a date without one takes instead of the plan's (0: the
  /// plan's): the year of the reading a parenthesis restates. A lunar date
  /// takes the lunar year of that reading, which in January is often the
  /// solar year before ("13/1/2025 (14 tháng Chạp âl)": Chạp of 2024).
  void year_hint(int solar, int lunar) const {
    year_hint_ = solar;
    lunar_year_hint_ = lunar;
  }
  std::pair<int, int> year_hints() const { return {year_hint_, lunar_year_hint_}; }
  const std::vector<Token>& tokens() const { return t_; }

  // --- expressions (expressions.cpp) ---------------------------------------

  std::optional<Piece> ongoing(std::size_t i) const;
  std::optional<Piece> citation(std::size_t i) const;
  std::optional<Piece> meeting(std::size_t i) const;
  /// After "kỳ họp": the session's number ("thứ 5", "thứ tám"), skipped.
  std::size_t session_number(std::size_t j) const;
  /// `led`: read as if 'từ' came first ("(mùng 1 đến mùng 10/3 âm lịch)").
  std::optional<Piece> range(std::size_t i, bool led = false) const;
  /// The ')' of a parenthesis at `open` holding only words (a remark).
  std::optional<std::size_t> remark_without_numbers(std::size_t open) const;
  std::optional<Piece> list(std::size_t i) const;
  /// "từ nay đến EVENT": due on the event's day (`at`: the event's first token).
  std::optional<Piece> until_event(std::size_t i, std::size_t at) const;
  std::optional<Piece> before(std::size_t i) const;
  std::optional<Piece> deadline(std::size_t i) const;
  std::optional<Piece> after(std::size_t i) const;
  std::optional<Piece> within(std::size_t i) const;
  std::optional<Piece> around_event(std::size_t i) const;
  std::optional<Piece> offset(std::size_t i) const;
  std::optional<Piece> counted(std::size_t i) const;
  std::optional<Piece> bare(std::size_t i) const;
  /// "Từ 8h00 đến 9h30 ngày 5/9": hours of one day, that day.
  std::optional<Piece> hour_range(std::size_t i) const;
  /// A day and then its hours: "Sáng ngày 8/5/2025: Từ 7 giờ 30 đến 11 giờ".
  std::optional<Piece> hours_after_day(std::size_t i) const;
  std::optional<Piece> duration_remark(std::size_t i) const;

 private:
  struct Name {
    std::vector<std::string> words;  ///< the folded tokens of a name
    std::size_t index = 0;           ///< the event or committee
  };
  std::optional<Term> known_event(std::size_t i) const;
  std::optional<Term> new_year(std::size_t i) const;

  std::optional<Term> quarter(std::size_t i) const;
  std::optional<Term> part(std::size_t i) const;
  std::optional<Term> first_months(std::size_t i) const;
  std::optional<Term> years(std::size_t i) const;
  std::optional<Term> week(std::size_t i) const;
  std::optional<Term> lunar_day(std::size_t i) const;
  std::optional<Term> solar_day(std::size_t i, bool bare_number) const;
  std::optional<Term> english_day(std::size_t i) const;
  /// "năm 2024", "/2024", "năm Ất Tỵ", "năm sau", "của năm báo cáo", "hằng năm".
  std::size_t year_part(std::size_t i, int& year, int& offset, std::string& name, bool& yearly,
                        bool* given = nullptr) const;
  std::size_t year_part_of(std::size_t i, int& year, int& offset, std::string& name,
                           bool& yearly) const;
  int base_year(int year, const std::string& name, int offset, bool lunar = false) const;
  /// Longest match of `names` at `i`: (index, end).
  std::optional<std::pair<std::size_t, std::size_t>> match_name(const std::vector<Name>& names,
                                                                std::size_t i) const;

 public:
  /// A committee named at `i`: its index in the context and the token after.
  std::optional<std::pair<std::size_t, std::size_t>> committee_at(std::size_t i) const;
  /// Working days: the n-th working day before (n < 0) or after `from`.
  Date working_days_from(Date from, int n) const;
  /// The days off around Tết of the solar year `year` (first, last).
  std::pair<Date, Date> tet_holiday(int year) const;

 private:
  /// Tokens [begin, end) as written; folded words when there is no source.
  std::string quote(std::size_t begin, std::size_t end) const;

  const std::vector<Token>& t_;
  const PhraseContext& c_;
  std::string_view source_;
  std::vector<Name> events_, committees_;
  mutable std::optional<Failure> failure_;
  mutable std::vector<Assumption> assumptions_;
  mutable int year_hint_ = 0;
  mutable int lunar_year_hint_ = 0;
};

/// "2024-05", "tháng 5/2024" and the like for meanings.
std::string iso(Date d);
std::string vn(Date d);

}  // namespace tiendo::phrases
