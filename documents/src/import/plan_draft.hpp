#pragma once
// What `tiendo import` has found in a document before it writes the plan:
// every value with the place it was read from, and whether tiendo invented
// it. The readers of the body and of the task table fill it; the writer
// (import_plan.cpp) turns it into YAML.

#include <tiendo/calendar.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/documents/document.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tiendo::documents::import {

/// A value and where it came from ("table 2 row 3 column 5", "paragraph 14").
struct Found {
  Found() = default;
  Found(std::string text_, std::string where_, std::string guess_ = {})
      : text(std::move(text_)), where(std::move(where_)), guess(std::move(guess_)) {}

  std::string text;
  std::string where;
  std::string guess;  ///< what tiendo assumed in reading it ("2 lines read as one"); empty: nothing
  bool empty() const { return text.empty(); }
  /// The comment the plan gives the value: where, and what was assumed (a
  /// value the verdict rests on goes into the mapping's `guessed:` instead).
  std::string comment() const { return guess.empty() ? where : where + "; " + guess; }
};

struct DraftStep {
  Found name;
  Found time;
};

struct DraftTask {
  Found number;  ///< the table's STT
  Found name;
  /// The item's words in full when its name is them shortened ("… (chậm
  /// nhất 105 ngày - Điều 7, 8, 9)" cut off): what the rules on names read.
  std::string words;
  std::string group;  ///< a DraftGroup's id; empty: none
  Found owner, lead, assist;
  Found time;               ///< the task's own time
  std::optional<Date> due;  ///< a date column ("Hạn hoàn thành")
  std::string due_where;
  std::string due_guess;  ///< what was assumed in reading it; empty: nothing
  std::vector<DraftStep> steps;
  std::vector<Found> notes;  ///< what the row holds that is not read (unknown columns)
  std::string guess;         ///< what was assumed about the row as a whole (a table continued)
};

struct DraftGroup {
  std::string id;
  Found name;
  std::string parent;
};

struct DraftEvent {
  std::string id;
  Found name;
  Date date{};
  std::vector<std::string> aliases;
  std::string guess;  ///< why the date is assumed, when it is
};

struct PlanDraft {
  Found id;  ///< "129-KH/ĐUK"
  Found title;
  Found issuer;
  Found place;
  std::optional<Date> issued;
  std::string issued_where;
  /// The year of days written without one: the issue date's, else the year
  /// the document's dates name most (a guess, `year_guess` says why).
  std::optional<int> year;
  std::string year_guess;
  std::vector<DraftEvent> events;
  std::vector<DraftGroup> groups;
  std::vector<DraftTask> tasks;
  std::string tasks_from;     ///< which table (or section) the tasks were read from, said back
  std::string tasks_from_vi;  ///< the same in Vietnamese
  Diagnostics diagnostics;
};

/// Where a table cell is, for the comments: "table 2 row 4 column 5", from 1.
std::string cell_place(const Table& table, int row, int column);

/// The plan's number, issuer, place and date, title and events, from the
/// paragraphs (and the header block's table) of the document.
void read_front_matter(const Document& document, PlanDraft& draft);

/// The task table: the table whose header names the content and its time;
/// false when the document has none.
bool read_task_table(const Document& document, PlanDraft& draft);

/// Without a task table: the tasks of the body's sections, each a numbered
/// or bulleted item (or a heading) with a time phrase in it.
bool read_body_tasks(const Document& document, PlanDraft& draft);
/// After a task table: the body's paragraphs with a time of their own (a
/// timetable written below the table), added as tasks; how many.
int read_body_beside_tables(const Document& document, PlanDraft& draft);

/// `base`, or `base-2`, `base-3` …: the first id no group of the draft has.
inline std::string unused_group_id(const PlanDraft& draft, const std::string& base) {
  const auto used = [&](const std::string& id) {
    return std::any_of(draft.groups.begin(), draft.groups.end(),
                       [&](const DraftGroup& g) { return g.id == id; });
  };
  auto id = base;
  for (int n = 2; used(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

}  // namespace tiendo::documents::import
