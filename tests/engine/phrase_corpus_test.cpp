// The phrase corpus (tests/data/phrases.md): real phrases from real plans,
// each with the dates a careful planner reads. Every row is read and
// compared; a reading may be exact, refused, or warned about, never wrong
// in silence. The held-out tenth (phrases-holdout.tsv) is scored apart and
// only counted: it measures tiendo on phrases nobody tuned it for; so is
// the fresh held-out set (phrases-holdout-2.tsv), from documents the corpus
// had never used.
#include <gtest/gtest.h>
#include <tiendo/phrase.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

struct Row {
  std::string id, phrase, context, expected, source;
};

std::vector<Row> read_rows(const std::string& file) {
  std::ifstream in(testing::source_dir() / "tests/data" / file);
  std::vector<Row> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    f.resize(6);
    rows.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return rows;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= s.size()) {
    const auto end = s.find(sep, begin);
    auto item = s.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    if (end == std::string::npos) break;
    begin = end + sep.size();
  }
  return out;
}

/// The context a row names: year, issue date, events, committees.
struct Context {
  std::vector<Event> events;
  std::vector<Committee> committees;
  CalendarSpec calendar;
  PhraseContext phrase;
};

std::unique_ptr<Context> context_of(const Row& row) {
  auto c = std::make_unique<Context>();
  c->calendar.builtin = "vn";
  c->phrase.calendar = &c->calendar;
  c->phrase.events = &c->events;
  c->phrase.committees = &c->committees;
  c->phrase.year = 2024;
  bool year_given = false;
  for (const auto& item : split(row.context, "; ")) {
    const auto eq = item.find('=');
    const auto key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "year") {
      c->phrase.year = std::stoi(value);
      year_given = true;
    } else if (key == "issued") {
      c->phrase.issued = parse_iso_date(value);
    } else if (key == "event") {
      const auto parts = split(value, "|");
      Event e;
      e.id = parts.at(0);
      e.name = parts.at(1);
      const auto dates = split(parts.at(2), "..");
      e.date = *parse_iso_date(dates.at(0));
      if (dates.size() > 1) e.until = parse_iso_date(dates[1]);
      c->events.push_back(e);
    } else if (key == "committee") {
      const auto parts = split(value, "|");
      Committee k;
      k.id = parts.at(0);
      k.name = parts.size() > 1 ? parts[1] : "";
      c->committees.push_back(k);
    }
  }
  // A phrase with its own years needs no context year; the corpus gives one
  // only where the document leaves it out.
  if (!year_given) c->phrase.year = 2024;
  return c;
}

/// The reading in the corpus's notation, as a set.
std::set<std::string> notation(const PhraseReading& r) {
  std::set<std::string> out;
  for (const auto& c : r.constraints) {
    if (r.span && (c.kind == ConstraintKind::window || c.kind == ConstraintKind::start_on) &&
        c.date == r.span->first) {
      continue;
    }
    std::string item = std::string(to_string(c.kind)) + " " + format_iso(c.date);
    if (c.kind == ConstraintKind::window) item += ".." + format_iso(c.until);
    out.insert(item);
  }
  if (r.span) out.insert("span " + format_iso(r.span->first) + ".." + format_iso(r.span->second));
  if (r.meeting) {
    std::string item = "meeting " + r.meeting->committee;
    if (r.meeting->date) {
      item += " " + format_iso(*r.meeting->date);
    } else if (r.meeting->month) {
      const auto m = static_cast<unsigned>(r.meeting->month->month());
      item += " " + std::to_string(static_cast<int>(r.meeting->month->year())) + "-" +
              (m < 10 ? "0" : "") + std::to_string(m);
    }
    out.insert(item);
  }
  if (r.ongoing) out.insert("ongoing");
  return out;
}

struct Score {
  int exact = 0, refused = 0, warned = 0, silent = 0, total = 0;
  std::string report;
};

Score score(const std::vector<Row>& rows, bool show_rows) {
  Score s;
  for (const auto& row : rows) {
    const auto context = context_of(row);
    const auto r = read_phrase(row.phrase, context->phrase);
    const bool warned = std::any_of(r.warnings.begin(), r.warnings.end(),
                                    [](const auto& w) { return w.severity == Severity::warning; });
    ++s.total;
    std::string got;
    std::string outcome;
    if (!r.ok()) {
      got = "REFUSED: " + r.error;
    } else {
      for (const auto& item : notation(r)) got += (got.empty() ? "" : " ; ") + item;
      if (warned) got += "   [warned]";
    }
    if (row.expected == "?") {
      if (!r.ok() || warned) {
        ++s.exact;
        continue;
      }
      ++s.silent;
      outcome = "SILENT";
    } else {
      const auto expected = split(row.expected, " ; ");
      if (r.ok() && notation(r) == std::set<std::string>(expected.begin(), expected.end())) {
        ++s.exact;
        continue;
      }
      if (!r.ok()) {
        ++s.refused;
        outcome = "refused";
      } else if (warned) {
        ++s.warned;
        outcome = "warned";
      } else {
        ++s.silent;
        outcome = "SILENT";
      }
    }
    if (show_rows) {
      s.report += outcome + " " + row.id + ": \"" + row.phrase + "\"\n    expected " +
                  row.expected + "\n    got      " + got + "\n";
    }
  }
  return s;
}

std::string summary(const Score& s) {
  const auto pct = [&](int n) {
    return std::to_string(s.total == 0 ? 0 : (1000 * n / s.total) / 10.0).substr(0, 5) + "%";
  };
  return std::to_string(s.total) + " phrases: " + std::to_string(s.exact) + " exact (" +
         pct(s.exact) + "), " + std::to_string(s.refused) + " refused, " +
         std::to_string(s.warned) + " warned, " + std::to_string(s.silent) +
         " read wrongly in silence";
}

TEST(PhraseCorpus, TuningSet) {
  const auto rows = read_rows("phrases.tsv");
  ASSERT_GE(rows.size(), 180u);
  const auto s = score(rows, true);
  std::cout << "tuning set: " << summary(s) << "\n" << s.report;
  RecordProperty("tuning", summary(s));
  EXPECT_EQ(s.silent, 0) << "phrases read wrongly without a word";
  EXPECT_GE(s.exact * 100, 98 * s.total) << summary(s);
}

/// A held-out set: counted, never shown row by row, never tuned on.
/// Its score is printed, not its rows; the test fails when a phrase is read
/// wrongly in silence or fewer are read exactly than `exact_floor` (the
/// score when the set was last measured: a floor against going back, never
/// a target tuned toward, since its rows are not looked at).
void report_held_out(const char* file, std::size_t at_least, const char* label,
                     const char* property, int exact_floor) {
  const auto rows = read_rows(file);
  ASSERT_GE(rows.size(), at_least);
  const auto s = score(rows, false);
  std::cout << label << ": " << summary(s) << "\n";
  ::testing::Test::RecordProperty(property, summary(s));
  EXPECT_EQ(s.silent, 0) << label << ": " << summary(s);
  EXPECT_GE(s.exact, exact_floor) << label << ": " << summary(s);
}

TEST(PhraseCorpus, HeldOutSet) {
  report_held_out("phrases-holdout.tsv", 20, "held-out set", "held_out", 20);
}

TEST(PhraseCorpus, FreshHeldOutSet) {
  // From documents the corpus had never used, annotated before anything was
  // run (tests/data/phrases.md).
  report_held_out("phrases-holdout-2.tsv", 30, "fresh held-out set", "fresh_held_out", 37);
}

}  // namespace
}  // namespace tiendo
