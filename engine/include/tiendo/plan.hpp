#pragma once
// The plan model: plain values, each carrying where it was declared so that
// errors found after parsing can still point into the file. Nothing here knows
// how a constraint was written (ISO date or Vietnamese phrase).

#include <tiendo/calendar.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/lang.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tiendo {

enum class StepKind { draft, approval, production, broadcast, event, milestone, other };
enum class LinkType : std::uint8_t { FS, SS, FF, SF };

std::string_view to_string(StepKind kind);
std::string_view to_string(LinkType type);

/// A duration: working days (`5d`, `2w` = 10d) or calendar days (`5cd`).
struct Duration {
  enum class Unit { working_days, calendar_days };
  int value = 0;
  Unit unit = Unit::working_days;

  bool is_milestone() const { return value == 0; }
  bool elapsed() const { return unit == Unit::calendar_days; }
  friend bool operator==(const Duration&, const Duration&) = default;
};

/// A dependency as written: `after: X` or `{on: X, type: SS, lag: 2d}`. The
/// target may name a step (`task.step`, or `step` inside its own task), a
/// task, or an event. Lags are working days; negative is a lead.
struct LinkSpec {
  std::string target;
  LinkType type = LinkType::FS;
  int lag = 0;
  SourceLocation where;
};

/// A date constraint on a step or a task.
enum class ConstraintKind {
  not_before,         ///< start no earlier than (SNET)
  due,                ///< deadline: finish no later than (FNLT); never moves dates
  start_on,           ///< must start on (MSO)
  finish_on,          ///< must finish on (MFO)
  window,             ///< from .. to: SNET `date` and deadline `until`
  start_by,           ///< start no later than (SNLT); never moves dates, late if missed
  finish_not_before,  ///< finish no earlier than (FNET): "hoàn thành trong tháng 2"
};

std::string_view to_string(ConstraintKind kind);

struct Constraint;

/// What a constraint means, in words: "due by 2024-08-29", "xong chậm nhất
/// 29/08/2024".
std::string describe(const Constraint& constraint, Lang lang);

/// The day a constraint asks a step to be finished by, if it does: a due
/// date, a must-finish-on day, a window's end.
std::optional<Date> deadline_of(const Constraint& constraint);

struct Constraint {
  ConstraintKind kind = ConstraintKind::not_before;
  Date date{};
  Date until{};         ///< window end (window only)
  std::string event;    ///< the event the date came from, if any
  std::string written;  ///< the text as written, for explanations
  SourceLocation where;
  /// The bytes of `written` this constraint was read from (a phrase says
  /// several things; `explain` shows which words gave which).
  std::uint32_t words_begin = 0;
  std::uint32_t words_end = 0;
};

struct MeetingRef;

/// "at the BTV meeting of 5/2024", "tại kỳ họp BTV tháng 5/2024".
std::string describe(const MeetingRef& meeting, Lang lang);

/// An approval gated by a committee: the first meeting after the inputs are
/// ready plus the submission lead, or a meeting pinned by month or date.
struct MeetingRef {
  std::string committee;
  std::optional<date::year_month> month;
  std::optional<Date> date;
  std::string written;  ///< the phrase it was read from, if any
  SourceLocation where;
};

/// What has been done of a step, as the office reports it (docs/progress.md):
/// actual dates and how much is left. Empty when nothing is reported.
struct Progress {
  std::optional<Date> started;   ///< actual start
  std::optional<Date> done;      ///< actual finish: the step is finished
  std::optional<int> percent;    ///< 0..100, of its duration
  std::optional<int> remaining;  ///< working days (calendar days for a 'cd' step) left
  bool underway = false;         ///< 'đang thực hiện' with no day or percentage
  SourceLocation where;          ///< the first progress key of the step
  SourceLocation started_at, done_at;

  bool reported() const { return started || done || percent || remaining || underway; }
  bool finished() const { return done.has_value(); }
  /// Started and not finished.
  bool in_progress() const {
    return !done && (started || underway || percent.value_or(0) > 0 || remaining);
  }
};

struct Step {
  std::string id;        ///< full id, "task.step" (or the task id for a one-step task)
  std::string local_id;  ///< as written inside the task
  std::string name;
  StepKind kind = StepKind::other;
  Duration duration;
  bool chain = true;  ///< follows the previous step of its task (FS)
  std::vector<LinkSpec> after;
  std::vector<Constraint> constraints;
  std::optional<MeetingRef> meeting;
  std::string note;
  Progress progress;
  /// Three-point estimate (docs/risk.md): `duration` is the most likely;
  /// these, when given, the shortest and longest it may take (same unit).
  std::optional<Duration> optimistic, pessimistic;
  SourceLocation where;
};

/// A heading of the plan's task table ("I. Công tác tuyên truyền", "A."):
/// tasks belong to one; a group may sit inside another.
struct TaskGroup {
  std::string id;
  std::string name;
  std::string parent;  ///< the enclosing group's id; empty at the top
  SourceLocation where;
};

struct Task {
  std::string id;
  std::string name;
  std::string group;  ///< the TaskGroup it belongs to; empty: none
  std::string owner;  ///< person in charge
  std::string lead;   ///< lead unit
  std::vector<std::string> assist;
  std::vector<LinkSpec> after;          ///< applies to the task's first steps
  std::vector<Constraint> constraints;  ///< apply to its first/last steps
  std::vector<Step> steps;              ///< never empty after parsing
  std::string note;
  SourceLocation where;
};

struct Event {
  std::string id;
  std::string name;
  Date date{};
  std::optional<Date> until;  ///< last day of a multi-day event (a congress)
  std::vector<std::string> aliases;
  SourceLocation where;
};

struct Committee {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;  ///< other names phrases use ("Ban Thường vụ")
  std::vector<Date> meetings;        ///< sorted ascending
  int submit_lead = 0;               ///< working days between inputs ready and the meeting
  /// Meetings of its rule that fell on a day off, and where they went.
  struct Moved {
    Date from{};
    std::optional<Date> to;  ///< empty: that month's meeting is skipped
    std::string reason;
  };
  std::vector<Moved> moved_by_days_off;
  SourceLocation where;
  int max_items = 0;  ///< the most items one meeting takes (0: no limit)
};

struct Person {
  std::string id;
  std::string name;
  std::string title;
  std::string unit;
};

struct Unit {
  std::string id;
  std::string name;
  /// How many steps it can carry on one day (a workspace's limit); 0: no limit.
  int capacity = 0;
};

/// A workspace's limits (`workspace.yaml`): how much one person or unit may
/// owe on one day and in one week before the portfolio warns.
struct WorkspaceLimits {
  int due_per_day = 2;
  int due_per_week = 5;
};

/// Whether 'before X' (Trước ngày X) means finishing by the day before X or by X.
enum class BeforeMeans { day_before, same_day };

struct PlanInfo {
  std::string id;
  std::string title;
  std::string issuer;
  std::optional<Date> issued;
  std::string lang = "vi";
  Date start{};
  BeforeMeans before = BeforeMeans::day_before;
  /// Events (ceremonies, congresses) may fall on days off without a word,
  /// as most ceremonies do; `calendar: {events_on_days_off: warn}` says so.
  bool warn_events_on_days_off = false;
  /// Where the plan's shared definitions came from (a workspace's file), for
  /// diagnostics; empty for a plan's own.
  std::string file;
  WorkspaceLimits limits;  ///< read from `workspace:` in a workspace file
  /// The day progress is reported through (its end): unfinished work is
  /// scheduled after it. Set when the plan reports progress.
  std::optional<Date> status_date;
};

/// A value tiendo did not read from the planner's own words: a step's kind or
/// duration an import chose, a committee's meeting rule, the plan's start.
/// Written `guessed: {duration: "why"}` in the mapping that holds the value;
/// a verdict holds only as far as its guesses do. The planner confirms one by
/// taking it out of `guessed` (or by changing the value in the page's form).
struct Guess {
  std::string subject_kind;  ///< "plan", "event", "committee", "task" or "step"
  std::string subject;       ///< its id (the plan's id for "plan")
  std::string key;           ///< the guessed key: "duration", "kind", "rule", "start"…
  std::string value;         ///< the value as written (empty when not a scalar)
  std::string why;           ///< what it was guessed from; may be empty
  SourceLocation where;      ///< the guessed value
  SourceLocation entry;      ///< its entry in `guessed`
};

/// Something of the planner's words that the plan does not hold as a
/// constraint: a time that could not be read, a table or column of the
/// document left out on import. Written `not_read:`; each is a warning
/// finding, so no verdict is clean over it.
struct Loss {
  std::string subject;  ///< a step's or task's id; empty: the plan as a whole
  std::string text;     ///< the words as written, or what was left out and why
  SourceLocation where;
};

/// A time phrase read in full that sets no date of its own ('Thường xuyên',
/// 'Theo kế hoạch'): kept so that `explain` shows every phrase of the plan.
struct OpenPhrase {
  std::string subject;  ///< the step's or task's id
  std::string written;
  std::string meaning_en, meaning_vi;
  SourceLocation where;
};

struct Plan {
  PlanInfo info;
  CalendarSpec calendar;
  std::vector<Event> events;
  std::vector<Committee> committees;
  std::vector<Person> people;
  std::vector<Unit> units;
  std::vector<TaskGroup> groups;  ///< in the order they are written
  std::vector<Task> tasks;
  std::vector<Guess> guesses;  ///< in file order
  std::vector<Loss> losses;    ///< in file order
  std::vector<OpenPhrase> open_phrases;  ///< in file order
};

}  // namespace tiendo
