#pragma once
// After the plan is adopted: progress as offices write it, baselines (saved
// snapshots of the schedule) and the variance against one. Scheduling with
// actual dates is the scheduler's (schedule.hpp); docs/progress.md says how.

#include <tiendo/calendar.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/graph.hpp>
#include <tiendo/lang.hpp>
#include <tiendo/phrase.hpp>
#include <tiendo/plan.hpp>
#include <tiendo/schedule.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

// --- progress phrases --------------------------------------------------------

struct ProgressReading {
  Progress progress;                        ///< what the phrase says (locations unset)
  bool year_assumed = false;                ///< a date was written without its year
  std::string error;                        ///< empty when read
  std::string suggestion;                   ///< for an error: the forms accepted
  std::string error_vi{}, suggestion_vi{};  ///< the error and suggestion in Vietnamese

  bool ok() const { return error.empty(); }
};

/// Reads a progress value as offices write it: '60%', 'đã hoàn thành ngày
/// 12/5', 'đang thực hiện (60%)', 'bắt đầu từ ngày 3/5', 'chưa thực hiện',
/// and English 'done on 12 May 2024', 'in progress (60%)', 'not started'.
/// Days without a year take `context.year` (see docs/progress.md).
ProgressReading read_progress_phrase(std::string_view text, const PhraseContext& context);

/// One day as progress keys take it ('2024-05-12', '12/5/2024', '12/5'):
/// nullopt when it is not exactly one day. `year_assumed` tells the caller
/// that the year was not written.
std::optional<Date> read_progress_day(std::string_view text, const PhraseContext& context,
                                      bool& year_assumed);

/// True when any step of the plan reports progress: only then do actual
/// dates and the status date change the schedule.
bool reports_progress(const Plan& plan);

// --- baselines -----------------------------------------------------------------

/// A step's or a task's dates as they stood when the baseline was saved.
struct BaselineDates {
  std::string id;
  Date start{}, finish{};
  std::optional<Date> meeting;  ///< approvals: the meeting it was to go to
};

/// A saved schedule: 'adopted' when the committee adopted the plan.
struct Baseline {
  std::string name;
  std::string plan_id;
  Date saved{};

  std::vector<BaselineDates> steps;  ///< in plan order
  std::vector<BaselineDates> tasks;
};

/// The baseline a report is compared with, in the report's words, for "so
/// với …" / "against …": the names `baseline save` gives in English
/// (adopted, approved, original, initial, revised) said in Vietnamese ("kế
/// hoạch gốc đã được thông qua"), any other name quoted ("kế hoạch gốc
/// 'v2'").
std::string baseline_words(std::string_view name, Lang lang);

/// The baselines of one plan, as `PLAN.baseline.json` holds them
/// (docs/progress.md; schema docs/schemas/tiendo-baseline-1.schema.json).
struct BaselineFile {
  std::string plan_id;
  std::vector<Baseline> baselines;  ///< in the order they were saved

  const Baseline* find(std::string_view name) const;
};

inline constexpr std::string_view kBaselineFormat = "tiendo-baseline-1";

/// The schedule as it stands, as a baseline named `name`.
Baseline make_baseline(const Plan& plan, const DependencyGraph& graph, const Schedule& schedule,
                       std::string name, Date saved);

/// Adds `baseline` to `file`, replacing one of the same name. An error when
/// the file is another plan's.
std::optional<Diagnostic> add_baseline(BaselineFile& file, Baseline baseline);

std::string baseline_json(const BaselineFile& file);

struct BaselineRead {
  std::optional<BaselineFile> file;
  Diagnostics diagnostics;
};

/// Reads a baseline file; errors for another format or version, or a file
/// that is not one.
BaselineRead read_baseline_file(std::string_view text);

/// Where a plan's baselines are kept: beside it, PLAN.baseline.json for
/// PLAN.yaml (or PLAN.yml).
std::string baseline_file_path(std::string_view plan_path);

/// One step's or task's drift from the baseline, in working days: positive
/// is later than the baseline.
struct Variance {
  std::string id;
  bool task = false;
  Date baseline_start{}, baseline_finish{};
  Date start{}, finish{};
  int start_variance = 0;
  int finish_variance = 0;
};

struct BaselineComparison {
  std::string name;
  std::vector<Variance> steps;  ///< in plan order: every step the baseline knows
  std::vector<Variance> tasks;
  /// Steps of the plan the baseline does not know (added since), and ids it
  /// has that the plan no longer does: warned, never silently dropped.
  std::vector<std::string> new_steps, missing_steps;
};

/// Compares the schedule with a baseline: an error diagnostic when it is
/// another plan's, warnings for steps added or removed since.
BaselineComparison compare_with_baseline(const Plan& plan, const DependencyGraph& graph,
                                         const Schedule& schedule, const Baseline& baseline,
                                         Diagnostics& diagnostics);

}  // namespace tiendo
