// A date in the document that the plan does not hold is a loss, and losses
// are said: the sweep compares the places that name a date with the places
// the draft read ("paragraph 12", "table 2 row 3 column 5").
#include "import/unread_dates.hpp"

#include "import/said.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "import/cell_items.hpp"

namespace tiendo::documents::import {

namespace {

/// "30/8/2024", "30-8-2024", "30.8.2024", "30/8", "ngày 30 tháng 8": a day
/// written as one (on folded text). Section numbers ("2.1.") and document
/// numbers ("129-KH/ĐUK") are not days: a dot needs a year, and a day is
/// neither preceded nor followed by a letter, digit, '/' or '-'.
const std::regex& day_pattern() {
  static const std::regex pattern(
      R"((^|[^0-9a-z/\-.])(([0-3]?[0-9])(/|-)([01]?[0-9])((/|-)[0-9]{4})?|([0-3]?[0-9])\.([01]?[0-9])\.[0-9]{4}|ngay [0-3]?[0-9] thang [01]?[0-9])($|[^0-9a-z/\-]))",
      std::regex::optimize);
  return pattern;
}

/// "Kế hoạch số 129-KH/ĐUK, ngày 29/3/2024", "Chỉ thị số 05-CT/TW … ngày
/// 01/11/2017": the date of a document cited, just after its number.
bool after_a_number(const std::string& f, std::size_t at) {
  const auto from = at > 60 ? at - 60 : 0;
  const auto before = f.substr(from, at - from);
  static const std::regex cited(R"(so:? [0-9][0-9a-z/\-.]*[/\-][0-9a-z/\-.]*[^0-9]{0,40}$)");
  return std::regex_search(before, cited);
}

/// A day as the text writes it ("30/8/2024", "ngay 30 thang 8"): its words,
/// its day and month, the year when written (0 when not), and whether it is
/// a cited document's date ("số 681/TB-UBND ngày 19/7/2023").
struct WrittenDay {
  std::string written;
  int day = 0, month = 0, year = 0;
  bool cited = false;
  std::size_t at = 0;  ///< where it starts in the folded text
};

std::vector<WrittenDay> written_days(const std::string& f) {
  std::vector<WrittenDay> out;
  for (std::sregex_iterator it(f.begin(), f.end(), day_pattern()), end; it != end; ++it) {
    const auto written = (*it)[2].str();
    static const std::regex numbers(R"([0-9]+)");
    std::vector<int> parts;
    for (std::sregex_iterator n(written.begin(), written.end(), numbers), e; n != e; ++n) {
      parts.push_back(std::stoi(n->str()));
    }
    if (parts.size() < 2 || parts[0] < 1 || parts[0] > 31 || parts[1] < 1 || parts[1] > 12)
      continue;
    const auto at = static_cast<std::size_t>(it->position(2));
    out.push_back(
        {written, parts[0], parts[1], parts.size() == 3 ? parts[2] : 0, after_a_number(f, at), at});
  }
  return out;
}

std::string key_of(const WrittenDay& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month);
}

/// Of the days a text names, those that could be times of the plan: not a
/// year long past (an anniversary's "03/02/1930"), not an event's day the
/// draft holds, not a cited document's date.
std::vector<WrittenDay> plan_days(const std::vector<WrittenDay>& days, int year,
                                  const std::set<std::string>& event_days) {
  std::vector<WrittenDay> out;
  std::set<std::string> anniversaries;
  for (const auto& d : days) {
    const auto key = key_of(d);
    // A year long past opens an anniversary ("(03/02/1930 - 03/02/2024)"):
    // its day this year is the anniversary, a theme, not a time of the plan.
    if (d.year != 0 && year > 0 && d.year < year - 1) {
      anniversaries.insert(key);
      continue;
    }
    if (event_days.count(key) || anniversaries.count(key) || d.cited) continue;
    out.push_back(d);
  }
  return out;
}

/// The first day the text names (as written, folded) that could be a time
/// of the plan; or empty.
std::string first_day(const std::string& f, int year, const std::set<std::string>& event_days) {
  const auto days = plan_days(written_days(f), year, event_days);
  return days.empty() ? std::string{} : days.front().written;
}

/// Every place a draft's value names: "paragraph N" and "table T row R
/// column C" (and "… and column D" for a value made of two cells).
void add_places(const std::string& where, std::set<std::string>& places) {
  static const std::regex place(
      R"((paragraph [0-9]+)|(table ([0-9]+) row ([0-9]+) column ([0-9]+)( and column ([0-9]+))?))");
  for (std::sregex_iterator it(where.begin(), where.end(), place), end; it != end; ++it) {
    const auto& m = *it;
    if (m[1].matched) {
      places.insert(m[1].str());
      continue;
    }
    const auto cell = "table " + m[3].str() + " row " + m[4].str() + " column ";
    places.insert(cell + m[5].str());
    if (m[7].matched) places.insert(cell + m[7].str());
    places.insert("table " + m[3].str());  // the table was read
  }
}

/// The places a task's or step's time was read from: the first place its
/// `where` names (the others say where its year or day came from).
std::set<std::string> timed_places(const PlanDraft& draft) {
  std::set<std::string> places;
  const auto first = [&](const std::string& where) {
    static const std::regex paragraph(R"(^paragraph [0-9]+)");
    std::smatch m;
    if (std::regex_search(where, m, paragraph)) places.insert(m.str());
  };
  for (const auto& t : draft.tasks) {
    first(t.time.where);
    for (const auto& s : t.steps) first(s.time.where);
  }
  return places;
}

/// A day that restates or replaces another rather than giving a time: in
/// parentheses ("(tức ngày 16 tháng 1 âm lịch)"), after "tức" or after
/// "thay cho" ("31/1/2017 thay cho thời hạn cũ 30/11/2016").
bool remark_day(const std::string& f, std::size_t at) {
  const auto open = f.rfind('(', at);
  const auto close = f.rfind(')', at);
  if (open != std::string::npos && (close == std::string::npos || close < open)) return true;
  const auto before = f.substr(at > 30 ? at - 30 : 0, at > 30 ? 30 : at);
  return before.find("tuc ") != std::string::npos || before.find("thay cho") != std::string::npos;
}

std::set<std::string> read_places(const PlanDraft& draft) {
  std::set<std::string> places;
  const auto add = [&](const Found& f) { add_places(f.where, places); };
  for (const auto* f : {&draft.id, &draft.title, &draft.issuer, &draft.place}) add(*f);
  add_places(draft.issued_where, places);
  for (const auto& e : draft.events) add(e.name);
  for (const auto& g : draft.groups) add(g.name);
  for (const auto& t : draft.tasks) {
    for (const auto* f : {&t.number, &t.name, &t.owner, &t.lead, &t.assist, &t.time}) add(*f);
    add_places(t.due_where, places);
    for (const auto& n : t.notes) add(n);
    for (const auto& s : t.steps) {
      add(s.name);
      add(s.time);
    }
  }
  return places;
}

/// Text whose dates are another document's or no plan's: the grounds of
/// the plan (cell_items' preamble: "Căn cứ Luật …", "Thực hiện Kế hoạch số
/// …", "Theo đề nghị …") and a web page's posting line ("Ngày đăng bài:
/// 22/05/2018", a date alone).
bool no_plan_dates(const std::string& text, const std::string& f) {
  static const std::regex posted(
      R"(^(ngay dang|ngay cap nhat|cap nhat|dang luc|dang ngay)|^[0-9/.\- :]+$)");
  return std::regex_search(f, posted) || preamble(text);
}

/// "paragraph 24" → "đoạn 24", "table 2 row 3 column 5" → "bảng 2 dòng 3 cột 5".
/// The text quoted in the message, as cell_items shortens it.
std::string quoted_as_said(const std::string& text) {
  return "'" + shortened(text, 80) + "'";
}

class Sweep {
 public:
  explicit Sweep(PlanDraft& draft)
      : draft_(draft),
        read_(read_places(draft)),
        timed_(timed_places(draft)),
        year_(draft.year.value_or(0)),
        held_days_(days_held(draft)) {
    for (const auto& e : draft.events) {
      const date::year_month_day d{e.date};
      event_days_.insert(std::to_string(static_cast<unsigned>(d.day())) + "/" +
                         std::to_string(static_cast<unsigned>(d.month())));
    }
  }

  void blocks(const std::vector<Block>& body) {
    for (const auto& b : body) {
      if (ended_) return;
      if (const auto* p = b.paragraph()) paragraph(*p);
      if (const auto* t = b.table()) table(*t);
    }
  }

 private:
  void paragraph(const Paragraph& p) {
    const auto f = folded(p.text);
    if (f.starts_with("noi nhan")) {
      ended_ = true;  // the addressees and the signature: no plan dates
      return;
    }
    const auto where = "paragraph " + std::to_string(p.index + 1);
    if (no_plan_dates(p.text, f)) return;
    if (read_.count(where)) {
      // A time read, but maybe not all of them: "Buổi sáng ngày 27 tháng 10
      // …; Sáng ngày 28 …; Buổi sáng ngày 29 …" gave one task and lost two
      // days in silence.
      if (!timed_.count(where)) return;
      if (const auto day = day_not_held(f); !day.empty()) lost(where, p.text, day);
      return;
    }
    if (restates(f)) return;
    if (const auto day = first_day(f, year_, event_days_); !day.empty()) lost(where, p.text, day);
  }

  /// In a place the import read, the first day it names that no task's time
  /// holds: a written day ("28/10") by its day and month, a day of the month
  /// alone ("sáng ngày 28", beside a day with its month) by its day; or empty.
  std::string day_not_held(const std::string& f) const {
    const auto days = written_days(f);
    for (const auto& d : plan_days(days, year_, event_days_)) {
      if (!held_days_.count(key_of(d)) && !remark_day(f, d.at)) return d.written;
    }
    if (days.empty()) return {};
    static const std::regex bare(R"((^|[^0-9a-z])ngay ([0-3]?[0-9])(?![0-9/\-:]|\.[0-9]))");
    for (std::sregex_iterator it(f.begin(), f.end(), bare), end; it != end; ++it) {
      const auto after = f.substr(static_cast<std::size_t>(it->position(2) + it->length(2)));
      if (after.find("thang") < 3) continue;  // "ngày 27 tháng 10": a written day
      // "từ ngày 15 đến hết ngày 25/10", "ngày 13 và 14/10", "ngày 13, 14/10":
      // the first of a range or a list, whose month is the last's.
      static const std::regex joined(R"(^ ?(,|-|–|den\b|toi\b|va\b|\.\.))");
      if (std::regex_search(after, joined)) continue;
      const int n = std::stoi((*it)[2].str());
      if (n < 1 || n > 31 || remark_day(f, static_cast<std::size_t>(it->position(2)))) continue;
      const auto prefix = std::to_string(n) + "/";
      const bool held = std::any_of(held_days_.begin(), held_days_.end(),
                                    [&](const std::string& k) { return k.starts_with(prefix); });
      if (!held) return "ngay " + (*it)[2].str();
    }
    return {};
  }

  /// A table the import read: its cells with a date that no value holds. A
  /// table it left out is said already (table-not-read).
  void table(const Table& t) {
    if (!t.name.empty() || !read_.count("table " + std::to_string(t.index + 1))) return;
    for (int r = 0; r < t.rows; ++r) {
      for (int c = 0; c < t.columns; ++c) {
        const auto& cell = t.at(r, c);
        if (cell.covered) continue;
        const auto where = cell_place(t, r, c);
        if (read_.count(where)) continue;
        const auto text = t.text(r, c);
        const auto f = folded(text);
        if (no_plan_dates(text, f)) continue;
        if (const auto day = first_day(f, year_, event_days_); !day.empty()) lost(where, text, day);
      }
    }
  }

  /// A paragraph whose days the tasks' times all name ("Thể lệ được ban
  /// hành trước ngày 30/5/2024" under a table row of that day) restates
  /// the plan: nothing of it is lost.
  bool restates(const std::string& f) const {
    const auto days = days_named(f);
    return !days.empty() && std::all_of(days.begin(), days.end(), [&](const std::string& d) {
      return held_days_.count(d) > 0;
    });
  }

  void lost(const std::string& where, const std::string& text, const std::string& day) {
    if (++count_ > kMaxSaid) return;
    Diagnostic d{Severity::warning,
                 "date-not-read",
                 where + " names a date (" + day + ") that no task holds: " + quoted_as_said(text),
                 {},
                 {},
                 "if it is a time of the plan, add it to the task it belongs to"};
    // The plan keeps it in its own language (a Vietnamese plan's not_read).
    d.message_vi = vietnamese_place(where) + " nêu ngày " + day +
                   " nhưng không nhiệm vụ nào có ngày này: " + quoted_as_said(text);
    d.suggestion_vi = "nếu đó là thời gian của kế hoạch, hãy thêm vào nhiệm vụ tương ứng";
    draft_.diagnostics.push_back(std::move(d));
  }

  static constexpr int kMaxSaid = 50;  ///< a document of dates says the first fifty
  PlanDraft& draft_;
  const std::set<std::string> read_;
  const std::set<std::string> timed_;      ///< the places tasks' times were read from
  const int year_;                         ///< the document's year; 0: not known
  std::set<std::string> event_days_;       ///< "2/11": the events' days the draft holds
  const std::set<std::string> held_days_;  ///< "30/5": the days the tasks' times name
  bool ended_ = false;
  int count_ = 0;
};

}  // namespace

std::set<std::string> days_held(const PlanDraft& draft) {
  std::set<std::string> held;
  const auto hold = [&](const std::string& time) {
    for (auto& d : days_named(folded(time))) held.insert(std::move(d));
  };
  for (const auto& t : draft.tasks) {
    hold(t.time.text);
    for (const auto& step : t.steps) hold(step.time.text);
  }
  return held;
}

std::vector<std::string> days_named(const std::string& folded_text) {
  std::vector<std::string> out;
  for (const auto& d : written_days(folded_text)) {
    if (!d.cited) out.push_back(key_of(d));
  }
  return out;
}

void report_unread_dates(const Document& document, PlanDraft& draft) {
  Sweep sweep(draft);
  sweep.blocks(document.body);
}

}  // namespace tiendo::documents::import
