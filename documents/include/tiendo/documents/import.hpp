#pragma once
// `tiendo import`: a planner's document (Word, LibreOffice, Excel, HTML, or
// a table pasted as TSV/CSV) turned into a plan file they can finish. The
// body gives the plan's number, date, title and anniversary; the task table
// (or, without one, the body's items that carry a time) gives the groups,
// tasks and steps with their time phrases, verbatim. Every value says in a
// comment where it was read; '# GUESS' marks what tiendo invented
// (durations, kinds, meeting days). The plan written always reads and
// schedules: a time tiendo cannot read is kept as the step's note, and said.

#include <tiendo/diagnostics.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace tiendo::documents {

struct ImportOptions {
  std::string title;  ///< the plan's title when the document gives none
  /// The year of dates written without one, when the document names no
  /// year anywhere (`tiendo import --year`): the planner's word, not a guess.
  /// A year the document names wins.
  std::optional<int> year;
};

struct ImportResult {
  std::string yaml;           ///< the plan; empty when nothing could be imported
  Diagnostics diagnostics;    ///< errors, and warnings about what was not read
  std::string tasks_from;     ///< which table (or the body) the tasks came from
  std::string tasks_from_vi;  ///< the same in Vietnamese ("bảng 3 trên 3 (…)")
  int groups = 0;
  int tasks = 0;
  int steps = 0;
  int times_read = 0;      ///< time phrases read into constraints
  int times_not_read = 0;  ///< kept under `not_read`, each with a warning
  int guesses = 0;         ///< values the plan names in `guessed:`
};

ImportResult import_plan(std::string_view bytes, std::string_view file_name,
                         const ImportOptions& options = {});

}  // namespace tiendo::documents
