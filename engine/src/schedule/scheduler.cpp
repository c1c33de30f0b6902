// Classic CPM (as MS Project and Primavera P6 define it) on working-day
// boundaries: a forward pass for early dates, a backward pass for late dates,
// then floats and the critical path. Meeting-gated approvals are the one
// addition: their start snaps to a committee meeting.
//
// Cost: every pass visits each node once in topological order and each link
// once, and every calendar query is an array lookup, so a schedule costs
// O(steps + links) after the calendar index is built.
#include <tiendo/progress.hpp>
#include <tiendo/schedule.hpp>

#include <algorithm>
#include <chrono>
#include <limits>

namespace tiendo {

namespace {

constexpr int kNone = std::numeric_limits<int>::min();
constexpr int kUnbounded = std::numeric_limits<int>::max();

/// What the passes need of one node, gathered once from the plan and graph.
struct NodeFacts {
  int work = 0;           ///< working days (non-elapsed)
  int calendar_days = 0;  ///< elapsed steps only
  bool elapsed = false;
  bool milestone = false;
  // Start-side bounds as boundaries; raw dates kept for elapsed steps and
  // milestones, which can sit on a day that is not worked.
  int not_before = kNone;
  std::optional<Date> not_before_date;
  int start_on = kNone;
  std::optional<Date> start_on_date;
  int finish_on = kNone;
  std::optional<Date> finish_on_date;
  int deadline = kUnbounded;
  std::optional<Date> deadline_date;
  int start_by = kUnbounded;  ///< latest start boundary (SNLT)
  std::optional<Date> start_by_date;
  int finish_floor = kNone;  ///< earliest end boundary (FNET)
  std::optional<Date> finish_floor_date;
  // Committee gating.
  const std::vector<int>* meetings = nullptr;  ///< sorted start boundaries
  std::size_t committee = 0;                   ///< index in Plan::committees (with meetings)
  int lead = 0;
  int pinned = kNone;
};

/// Calendar range: from a little before the earliest date the plan names to
/// well past the latest, plus room for the work itself (capped).
std::pair<Date, Date> calendar_range(const Plan& plan) {
  Date lo = plan.info.start;
  Date hi = plan.info.start;
  const auto see = [&](Date d) {
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  };
  for (const auto& e : plan.events) see(e.date);
  for (const Date d : plan.calendar.working_days) see(d);
  if (plan.info.status_date) see(*plan.info.status_date);
  for (const auto& c : plan.committees) {
    for (const Date m : c.meetings) see(m);
  }
  long long work = 0;
  int max_lead = 0;
  for (const auto& c : plan.committees) max_lead = std::max(max_lead, c.submit_lead);
  for (const auto& task : plan.tasks) {
    for (const auto& c : task.constraints) see(c.kind == ConstraintKind::window ? c.until : c.date);
    for (const auto& step : task.steps) {
      work += step.duration.value;
      if (step.meeting) work += max_lead + 23;  // the lead, and a month to the next meeting
      for (const auto& link : step.after) work += std::max(link.lag, 0);
      if (step.progress.started) see(*step.progress.started);
      if (step.progress.done) see(*step.progress.done);
      for (const auto& c : step.constraints) {
        see(c.date);
        if (c.kind == ConstraintKind::window) see(c.until);
      }
    }
  }
  // Working days to calendar days (7/5, plus Vietnam's ~20 holidays a year),
  // capped at 300 years. Late dates can run back from the earliest date the
  // plan names by as much work as the plan holds, early dates forward from
  // the latest: the range covers both, so no date is clamped to its ends.
  const long long room = std::min<long long>(work * 8 / 5 + 400, 300LL * 366);
  return {lo - date::days{static_cast<int>(room)}, hi + date::days{static_cast<int>(room + 330)}};
}

class Scheduler {
 public:
  Scheduler(const Plan& plan, const DependencyGraph& graph, Schedule& out)
      : plan_(plan), g_(graph), out_(out), cal_(out.calendar) {}

  void run(SchedulePhases* phases) {
    // Phase times only when asked: a clock read between phases, nothing more.
    auto mark = std::chrono::steady_clock::now();
    const auto lap = [&](double SchedulePhases::*phase) {
      if (phases == nullptr) return;
      const auto now = std::chrono::steady_clock::now();
      phases->*phase += std::chrono::duration<double, std::milli>(now - mark).count();
      mark = now;
    };
    const auto n = g_.size();
    out_.steps.resize(n);
    basics_.resize(n);
    start_ = cal_.start_boundary(plan_.info.start);
    if (plan_.info.status_date && reports_progress(plan_)) {
      status_ = cal_.end_boundary(*plan_.info.status_date);
      out_.status_date = plan_.info.status_date;
      remainder_.assign(n, 0);
    }
    gather_meetings();
    for (NodeId v = 0; v < n; ++v) gather_facts(v);
    lap(&SchedulePhases::facts);
    for (const NodeId v : g_.order) forward(v);
    lap(&SchedulePhases::forward);
    end_ = start_;
    for (const auto& s : out_.steps) end_ = std::max(end_, s.ef);
    for (auto it = g_.order.rbegin(); it != g_.order.rend(); ++it) backward(*it);
    lap(&SchedulePhases::backward);
    for (NodeId v = 0; v < n; ++v) floats(v);
    roll_up_tasks();
    out_.critical_path = critical_path();
    out_.start = plan_.info.start;
    out_.finish = plan_.info.start;
    for (const auto& s : out_.steps) out_.finish = std::max(out_.finish, s.finish);
    lap(&SchedulePhases::floats);
  }

 private:
  void gather_meetings() {
    meeting_boundaries_.resize(plan_.committees.size());
    for (std::size_t c = 0; c < plan_.committees.size(); ++c) {
      for (const Date m : plan_.committees[c].meetings) {
        meeting_boundaries_[c].push_back(cal_.start_boundary(m));
      }
    }
  }

  void gather_facts(NodeId v) {
    const auto& step = g_.step(plan_, v);
    const bool special =
        g_.constraint_begin[v] != g_.constraint_begin[v + 1] || step.meeting.has_value();
    basics_[v] = {step.duration.elapsed() ? -step.duration.value : step.duration.value,
                  special ? static_cast<std::uint32_t>(special_.size()) : kPlain};
    if (!special) return;
    auto& f = special_.emplace_back(plain_facts(basics_[v].length));
    // Milestones are reached at the end of their day, so their dates are end
    // boundaries; a step's start dates are start boundaries. A milestone
    // held back by 'not before D' is the exception: as in MS Project and P6,
    // it is reached as D begins, so what waits for it may start on D.
    const auto start_of = [&](Date d) {
      return f.milestone ? cal_.end_boundary(d) : cal_.start_boundary(d);
    };
    for (auto i = g_.constraint_begin[v]; i < g_.constraint_begin[v + 1]; ++i) {
      const auto& c = g_.constraints[i];
      switch (c.kind) {
        case ConstraintKind::not_before:
        case ConstraintKind::window:
          if (cal_.start_boundary(c.date) > f.not_before ||
              (f.not_before_date && c.date > *f.not_before_date)) {
            f.not_before = std::max(f.not_before, cal_.start_boundary(c.date));
            f.not_before_date = std::max(c.date, f.not_before_date.value_or(c.date));
          }
          if (c.kind == ConstraintKind::window) add_deadline(f, c.until);
          break;
        case ConstraintKind::due:
          add_deadline(f, c.date);
          break;
        case ConstraintKind::start_on:
          f.start_on = start_of(c.date);
          f.start_on_date = c.date;
          break;
        case ConstraintKind::finish_on:
          f.finish_on = cal_.end_boundary(c.date);
          f.finish_on_date = c.date;
          break;
        case ConstraintKind::start_by:
          if (!f.start_by_date || c.date < *f.start_by_date) {
            f.start_by = cal_.start_boundary(c.date);
            f.start_by_date = c.date;
          }
          break;
        case ConstraintKind::finish_not_before:
          // Finishing on or after D: the step's last working day is D or a
          // later one, so its end boundary is past D's start.
          if (!f.finish_floor_date || c.date > *f.finish_floor_date) {
            f.finish_floor = cal_.start_boundary(c.date) + (f.milestone ? 0 : 1);
            f.finish_floor_date = c.date;
          }
          break;
      }
    }
    if (step.meeting) {
      const auto c = committee_index(step.meeting->committee);
      const auto& committee = plan_.committees[c];
      f.meetings = &meeting_boundaries_[c];
      f.committee = c;
      f.lead = committee.submit_lead;
      if (step.meeting->date) f.pinned = cal_.start_boundary(*step.meeting->date);
      // A month pin is resolved in the forward pass: the first meeting of the
      // month its inputs can reach, else the month's last.
    }
  }

  void add_deadline(NodeFacts& f, Date d) const {
    const int b = cal_.end_boundary(d);
    if (b < f.deadline || (f.deadline_date && d < *f.deadline_date)) {
      f.deadline = std::min(f.deadline, b);
      f.deadline_date = std::min(d, f.deadline_date.value_or(d));
    }
  }

  std::size_t committee_index(const std::string& id) const {
    for (std::size_t c = 0; c < plan_.committees.size(); ++c) {
      if (plan_.committees[c].id == id) return c;
    }
    return 0;  // the reader has already rejected unknown committees
  }

  /// The earliest start boundary a node with `f` can take if it must end at
  /// or after boundary `e`.
  int start_for_end(const NodeFacts& f, int e) const {
    if (f.elapsed) {
      const Date finish = cal_.working_day(e - 1);
      return cal_.start_boundary(finish - date::days{f.calendar_days - 1});
    }
    return e - f.work;
  }

  int duration_of(const NodeFacts& f) const { return f.elapsed ? 0 : f.work; }

  // --- forward pass --------------------------------------------------------

  /// The earliest start its predecessors and events allow a node with facts
  /// `f` (the whole step, or the remaining work of one under way).
  struct Inputs {
    int bound = kNone;
    Driver driver = Driver::plan_start;
    std::optional<std::uint32_t> link;
  };

  Inputs inputs_of(NodeId v, const NodeFacts& f) const {
    Inputs in;
    for (auto i = g_.in_begin[v]; i < g_.in_begin[v + 1]; ++i) {
      const auto& link = g_.links[i];
      const auto& p = out_.steps[link.pred];
      int bound = 0;
      switch (link.type) {
        case LinkType::FS:
          bound = p.ef + link.lag;
          break;
        case LinkType::SS:
          bound = p.es + link.lag;
          break;
        case LinkType::FF:
          bound = start_for_end(f, p.ef + link.lag);
          break;
        case LinkType::SF:
          bound = start_for_end(f, p.es + link.lag);
          break;
      }
      if (bound > in.bound) in = {bound, Driver::link, i};
    }
    for (auto i = g_.event_begin[v]; i < g_.event_begin[v + 1]; ++i) {
      const auto& e = g_.event_links[i];
      const Date day = plan_.events[e.event].date;
      int bound = 0;
      switch (e.type) {
        case LinkType::FS:
          bound = cal_.end_boundary(day) + e.lag;
          break;
        case LinkType::SS:
          bound = cal_.start_boundary(day) + e.lag;
          break;
        case LinkType::FF:
          bound = start_for_end(f, cal_.end_boundary(day) + e.lag);
          break;
        case LinkType::SF:
          bound = start_for_end(f, cal_.start_boundary(day) + e.lag);
          break;
      }
      if (bound > in.bound) in = {bound, Driver::event, std::nullopt};
    }
    return in;
  }

  void forward(NodeId v) {
    const auto* progress = progress_of(v);
    if (progress != nullptr && progress->finished()) return place_finished(v, *progress);
    const auto f = facts(v);
    auto& s = out_.steps[v];
    s.node = v;
    int lb = start_;
    Driver driver = Driver::plan_start;
    std::optional<std::uint32_t> driving;
    const auto consider = [&](int bound, Driver why, std::optional<std::uint32_t> link) {
      if (bound > lb) {
        lb = bound;
        driver = why;
        driving = link;
      }
    };
    Inputs in = inputs_of(v, f);
    int inputs = in.bound;
    const Driver input_driver = in.driver;
    const auto input_link = in.link;
    if (f.meetings != nullptr && inputs != kNone) inputs += f.lead;  // documents go in early
    if (f.meetings != nullptr && inputs == kNone) inputs = start_ + f.lead;
    if (inputs != kNone) consider(inputs, input_driver, input_link);
    consider(f.not_before, Driver::constraint, std::nullopt);
    if (progress != nullptr && progress->in_progress()) return place_under_way(v, *progress, lb);
    if (status_ != kNone) consider(status_, Driver::status, std::nullopt);
    if (f.finish_floor != kNone) {
      consider(f.elapsed
                   ? cal_.start_boundary(*f.finish_floor_date - date::days{f.calendar_days - 1})
                   : start_for_end(f, f.finish_floor),
               Driver::constraint, std::nullopt);
    }
    s.ready = lb;

    int es = lb;
    if (f.meetings != nullptr) {
      const auto& step = g_.step(plan_, v);
      const auto& m = *f.meetings;
      if (f.pinned != kNone) {
        es = f.pinned;
        driver = Driver::pinned;
      } else if (step.meeting->month) {
        es = pinned_in_month(v, lb);
        driver = Driver::pinned;
      } else if (const auto it = std::lower_bound(m.begin(), m.end(), lb); it != m.end()) {
        es = *it;
        if (es > lb) driver = Driver::meeting;
      }
      if (driver == Driver::meeting || driver == Driver::pinned) driving.reset();
      if (const auto day = meeting_day(v, es)) s.meeting = day;
    }
    if (f.start_on != kNone) {
      es = f.start_on;
      driver = Driver::constraint;
      driving.reset();
    } else if (f.finish_on != kNone) {
      es = start_for_end(f, f.finish_on);
      driver = Driver::constraint;
      driving.reset();
    }
    if (status_ != kNone && es < status_) {
      // Not started by the status date: it cannot have started before it.
      es = status_;
      if (f.meetings != nullptr) {
        const auto& m = *f.meetings;
        if (const auto it = std::lower_bound(m.begin(), m.end(), status_); it != m.end()) es = *it;
        s.meeting = meeting_day(v, es);
      }
      driver = Driver::status;
      driving.reset();
    }
    s.driver = driver;
    s.driving_link = driver == Driver::link ? driving : std::nullopt;
    place_early(v, es, lb);
  }

  // --- progress (docs/progress.md) -------------------------------------------

  const Progress* progress_of(NodeId v) const {
    if (status_ == kNone) return nullptr;
    const auto& p = g_.step(plan_, v).progress;
    return p.reported() ? &p : nullptr;
  }

  /// A finished step keeps its actual dates; without an actual start, it is
  /// taken to have run its duration up to its actual finish.
  void place_finished(NodeId v, const Progress& p) {
    const auto f = facts(v);
    auto& s = out_.steps[v];
    s.node = v;
    s.finished = true;
    s.driver = Driver::actual;
    const Date done = *p.done;
    s.ef = cal_.end_boundary(done);
    if (f.milestone) {
      s.es = s.ef;
      s.early_start = done;
    } else if (p.started) {
      s.early_start = *p.started;
      s.es = cal_.start_boundary(*p.started);
    } else if (f.elapsed) {
      s.early_start = done - date::days{f.calendar_days - 1};
      s.es = cal_.start_boundary(s.early_start);
    } else {
      s.es = std::max(s.ef - f.work, 0);
      s.early_start = cal_.working_day(s.es);
    }
    s.es = std::min(s.es, s.ef);
    s.early_finish = done;
    s.ready = s.es;
    s.duration = s.ef - s.es;
    if (f.meetings != nullptr) s.meeting = done;
    s.start = s.early_start;
    s.finish = s.early_finish;
  }

  /// Working days (calendar days for an elapsed step) a step under way has
  /// left: as reported, else from its percentage, else all of it (the checks
  /// say so: progress-incomplete).
  static int remaining_of(const NodeFacts& f, const Progress& p) {
    const int whole = f.elapsed ? f.calendar_days : f.work;
    if (p.remaining) return *p.remaining;
    if (p.percent) return (whole * (100 - *p.percent) + 99) / 100;
    return whole;
  }

  /// A step under way (P6's retained logic): it keeps its actual start; its
  /// remaining work starts after the status date and after whatever its
  /// unfinished predecessors still hold back.
  void place_under_way(NodeId v, const Progress& p, int ready) {
    auto f = facts(v);
    auto& s = out_.steps[v];
    const int left = remaining_of(f, p);
    s.in_progress = true;
    s.remaining = left;
    s.driver = Driver::actual;
    s.driving_link.reset();
    const int status_start = cal_.start_boundary(*plan_.info.status_date);
    s.es = p.started ? cal_.start_boundary(*p.started) : std::min(ready, status_start);
    s.early_start = p.started ? *p.started : cal_.working_day(s.es);
    s.ready = s.es;
    // The rest of the work, as a step of its own, after the status date.
    if (f.elapsed) {
      f.calendar_days = std::max(left, 1);
    } else {
      f.work = left;
    }
    const auto rest = inputs_of(v, f);
    int rest_start = status_;
    if (rest.bound > rest_start) {
      rest_start = rest.bound;
      s.driver = rest.driver;
      s.driving_link = rest.driver == Driver::link ? rest.link : std::nullopt;
    }
    if (f.elapsed && left > 0) {
      s.early_finish = cal_.working_day(rest_start) + date::days{left - 1};
      s.ef = std::max(s.es, cal_.end_boundary(s.early_finish));
    } else {
      s.ef = std::max(rest_start + (f.elapsed ? 0 : left), s.es);
      s.early_finish = cal_.working_day(std::max(s.ef - 1, s.es));
    }
    remainder_[v] = s.ef - std::max(rest_start, s.es);
    s.duration = s.ef - s.es;
    s.start = s.early_start;
    s.finish = s.early_finish;
  }

  /// A month-pinned approval: the first meeting of that month on or after the
  /// inputs are ready, else the month's last meeting (too early: a finding).
  int pinned_in_month(NodeId v, int ready) {
    const auto& month = *g_.step(plan_, v).meeting->month;
    const auto c = facts(v).committee;
    const auto& days = plan_.committees[c].meetings;
    int last = kNone;
    for (std::size_t i = 0; i < days.size(); ++i) {
      const date::year_month_day ymd{days[i]};
      if (ymd.year() != month.year() || ymd.month() != month.month()) continue;
      const int b = meeting_boundaries_[c][i];
      if (b >= ready) return b;
      last = b;
    }
    return last;
  }

  /// The meeting whose day starts at `boundary` (meetings and their
  /// boundaries are parallel arrays).
  std::optional<Date> meeting_day(NodeId v, int boundary) const {
    const auto c = facts(v).committee;
    const auto& boundaries = meeting_boundaries_[c];
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
      if (boundaries[i] == boundary) return plan_.committees[c].meetings[i];
    }
    return std::nullopt;
  }

  void place_early(NodeId v, int es, int lb) {
    const auto f = facts(v);
    auto& s = out_.steps[v];
    if (f.elapsed) {
      Date start = cal_.working_day(es);
      if (f.start_on_date) {
        start = *f.start_on_date;
      } else if (f.finish_on_date) {
        start = *f.finish_on_date - date::days{f.calendar_days - 1};
      } else if (s.driver == Driver::constraint && (f.not_before_date || f.finish_floor_date)) {
        // A calendar-day step held back by a date keeps that very day, even
        // one that is not worked.
        const auto floor_start = [&] {
          return *f.finish_floor_date - date::days{f.calendar_days - 1};
        };
        start = f.not_before_date ? *f.not_before_date : floor_start();
        if (f.finish_floor_date) start = std::max(start, floor_start());
      } else if (lb > es) {
        start = cal_.working_day(lb);
      }
      s.early_start = start;
      s.early_finish = start + date::days{f.calendar_days - 1};
      s.es = cal_.start_boundary(s.early_start);
      s.ef = std::max(s.es, cal_.end_boundary(s.early_finish));
      s.duration = s.ef - s.es;
    } else if (f.milestone) {
      s.es = s.ef = es;
      s.early_start = s.early_finish = milestone_date(f, es, s.driver);
      s.duration = 0;
    } else {
      s.es = es;
      s.ef = es + f.work;
      s.early_start = cal_.working_day(s.es);
      s.early_finish = cal_.working_day(s.ef - 1);
      s.duration = f.work;
    }
    s.start = s.early_start;
    s.finish = s.early_finish;
  }

  Date milestone_date(const NodeFacts& f, int t, Driver driver) const {
    if (driver == Driver::constraint) {
      if (f.start_on_date) return *f.start_on_date;
      if (f.finish_on_date) return *f.finish_on_date;
      if (f.not_before_date) return *f.not_before_date;
    }
    // Reached at the end of the last working day before boundary t; at the
    // plan's start that day would precede the plan, so it shows the start.
    // (A late date before the start is a real day before the plan.)
    return t == start_ ? cal_.working_day(t) : cal_.working_day(t - 1);
  }

  // --- backward pass -------------------------------------------------------

  void backward(NodeId v) {
    const auto f = facts(v);
    auto& s = out_.steps[v];
    if (s.finished) {  // history: no late dates of its own, no float
      s.ls = s.es;
      s.lf = s.ef;
      s.late_start = s.early_start;
      s.late_finish = s.early_finish;
      return;
    }
    int lf = end_;
    int ls_bound = kUnbounded;
    for (auto i = g_.out_begin[v]; i < g_.out_begin[v + 1]; ++i) {
      const auto& link = g_.links[g_.out_links[i]];
      const auto& w = out_.steps[link.succ];
      if (w.finished) continue;  // what is done holds nothing back
      const int lead = lead_of(link.succ);
      switch (link.type) {
        case LinkType::FS:
          lf = std::min(lf, w.ls - link.lag - lead);
          break;
        case LinkType::SS:
          ls_bound = std::min(ls_bound, w.ls - link.lag - lead);
          break;
        case LinkType::FF:
          lf = std::min(lf, w.lf - link.lag - lead);
          break;
        case LinkType::SF:
          ls_bound = std::min(ls_bound, w.lf - link.lag - lead);
          break;
      }
    }
    lf = std::min(lf, f.deadline);
    if (f.finish_on != kNone) lf = std::min(lf, f.finish_on);

    if (s.in_progress) {
      // The latest the remaining work may start: what its predecessors see.
      s.lf = std::max(lf, s.es);
      s.ls = std::min(s.lf - remainder_[v], ls_bound);
      s.late_start = cal_.working_day(std::max(s.ls, 0));
      s.late_finish = cal_.working_day(std::max(s.lf - 1, s.es));
      return;
    }
    if (f.elapsed) {
      place_late_elapsed(v, lf, ls_bound);
      return;
    }
    const int work = duration_of(f);
    int ls = std::min(lf - work, ls_bound);
    if (f.start_on != kNone) ls = std::min(ls, f.start_on);
    ls = std::min(ls, f.start_by);
    if (f.meetings != nullptr) {
      if (f.pinned != kNone || g_.step(plan_, v).meeting->month) {
        ls = std::min(ls, s.es);  // pinned: it does not move
      } else {
        const auto& m = *f.meetings;
        const auto it = std::upper_bound(m.begin(), m.end(), ls);
        if (it != m.begin()) ls = *std::prev(it);
      }
    }
    s.ls = ls;
    s.lf = ls + work;
    if (f.milestone) {
      s.late_start = s.late_finish =
          s.ls == s.es ? s.early_start : milestone_date(f, s.ls, Driver::link);
    } else {
      s.late_start = cal_.working_day(s.ls);
      s.late_finish = cal_.working_day(s.lf - 1);
    }
  }

  void place_late_elapsed(NodeId v, int lf, int ls_bound) {
    const auto f = facts(v);
    auto& s = out_.steps[v];
    const auto days = date::days{f.calendar_days - 1};
    // The latest calendar day whose end boundary is still <= lf.
    Date finish =
        lf >= cal_.working_day_count() ? cal_.last() : cal_.working_day(lf) - date::days{1};
    if (f.deadline_date) finish = std::min(finish, *f.deadline_date);
    if (f.finish_on_date) finish = std::min(finish, *f.finish_on_date);
    if (f.start_on_date) finish = std::min(finish, *f.start_on_date + days);
    if (ls_bound != kUnbounded) finish = std::min(finish, cal_.working_day(ls_bound) + days);
    if (f.start_by_date) finish = std::min(finish, *f.start_by_date + days);
    // Days off after the early finish are no float: with the same end
    // boundary, the late finish is the early one.
    if (finish > s.early_finish && cal_.end_boundary(finish) == s.ef) finish = s.early_finish;
    s.late_finish = finish;
    s.late_start = finish - days;
    s.ls = cal_.start_boundary(s.late_start);
    s.lf = std::max(s.ls, cal_.end_boundary(s.late_finish));
  }

  // --- floats ----------------------------------------------------------------

  void floats(NodeId v) {
    auto& s = out_.steps[v];
    if (s.finished) {
      s.total_float = s.free_float = 0;
      s.critical = false;
      return;
    }
    s.total_float = s.in_progress ? s.lf - s.ef : std::min(s.ls - s.es, s.lf - s.ef);
    int free = end_ - s.ef;
    for (auto i = g_.out_begin[v]; i < g_.out_begin[v + 1]; ++i) {
      const auto& link = g_.links[g_.out_links[i]];
      const auto& w = out_.steps[link.succ];
      if (w.finished) continue;
      const int lead = lead_of(link.succ);
      int slack = 0;
      switch (link.type) {
        case LinkType::FS:
          slack = w.es - (s.ef + link.lag) - lead;
          break;
        case LinkType::SS:
          slack = w.es - (s.es + link.lag) - lead;
          break;
        case LinkType::FF:
          slack = w.ef - (s.ef + link.lag) - lead;
          break;
        case LinkType::SF:
          slack = w.ef - (s.es + link.lag) - lead;
          break;
      }
      free = std::min(free, slack);
    }
    s.free_float = std::clamp(free, 0, std::max(s.total_float, 0));
    s.critical = s.total_float <= 0;
  }

  void roll_up_tasks() {
    out_.tasks.resize(plan_.tasks.size());
    std::vector<char> seen(plan_.tasks.size(), 0);
    for (NodeId v = 0; v < g_.size(); ++v) {
      const auto t = g_.nodes[v].task;
      const auto& s = out_.steps[v];
      auto& task = out_.tasks[t];
      if (!seen[t]) {
        seen[t] = 1;
        task = {t,
                s.start,
                s.finish,
                s.early_start,
                s.early_finish,
                s.late_start,
                s.late_finish,
                s.total_float,
                s.critical};
        continue;
      }
      task.start = std::min(task.start, s.start);
      task.finish = std::max(task.finish, s.finish);
      task.early_start = std::min(task.early_start, s.early_start);
      task.early_finish = std::max(task.early_finish, s.early_finish);
      task.late_start = std::min(task.late_start, s.late_start);
      task.late_finish = std::max(task.late_finish, s.late_finish);
      task.total_float = std::min(task.total_float, s.total_float);
      task.critical = task.critical || s.critical;
    }
  }

  /// The most critical path: the driving chain into the step with the least
  /// total float (the latest finish among equals, and among those the last in
  /// the plan), followed on through successors that tie with it, so a chain
  /// is followed to its end. The same whichever topological order the graph
  /// chose.
  std::vector<NodeId> critical_path() const {
    // Finished steps are history: the path runs through what is left.
    std::optional<NodeId> found;
    for (NodeId v = 0; v < g_.size(); ++v) {
      const auto& s = out_.steps[v];
      if (s.finished) continue;
      const auto& b = out_.steps[found.value_or(v)];
      if (!found || s.total_float < b.total_float ||
          (s.total_float == b.total_float && s.ef >= b.ef)) {
        found = v;
      }
    }
    if (!found) return {};
    NodeId best = *found;
    const auto ties = [&](NodeId w) {
      return out_.steps[w].total_float == out_.steps[best].total_float &&
             out_.steps[w].ef == out_.steps[best].ef;
    };
    for (bool moved = true; moved;) {  // each move goes down the DAG: it ends
      moved = false;
      for (auto i = g_.out_begin[best]; i < g_.out_begin[best + 1] && !moved; ++i) {
        const NodeId w = g_.links[g_.out_links[i]].succ;
        if (ties(w)) {
          best = w;
          moved = true;
        }
      }
    }
    return driving_chain(g_, out_, best);
  }

  /// The facts of a step with no dates and no meeting: its duration alone.
  /// `length`: working days, or minus the calendar days of an elapsed step.
  static NodeFacts plain_facts(int length) {
    NodeFacts f;
    f.elapsed = length < 0;
    f.milestone = length == 0;
    if (f.elapsed) {
      f.calendar_days = -length;
    } else {
      f.work = length;
    }
    return f;
  }

  NodeFacts facts(NodeId v) const {
    const auto& b = basics_[v];
    return b.special == kPlain ? plain_facts(b.length) : special_[b.special];
  }

  /// Working days a meeting-gated successor needs its inputs ahead.
  int lead_of(NodeId v) const {
    const auto& b = basics_[v];
    if (b.special == kPlain) return 0;
    const auto& f = special_[b.special];
    return f.meetings != nullptr ? f.lead : 0;
  }

  /// Per node, 8 bytes: most steps of a large plan have a duration and
  /// nothing else, so the full facts are kept only for the others.
  struct Basic {
    int length = 0;
    std::uint32_t special = kPlain;  ///< index in special_, or kPlain
  };
  static constexpr std::uint32_t kPlain = std::numeric_limits<std::uint32_t>::max();

  const Plan& plan_;
  const DependencyGraph& g_;
  Schedule& out_;
  const WorkCalendar& cal_;
  std::vector<Basic> basics_;
  std::vector<NodeFacts> special_;
  std::vector<std::vector<int>> meeting_boundaries_;
  /// With progress: the end of the status date, and per node the working
  /// days of a step under way still to run. kNone: no progress reported.
  int status_ = kNone;
  std::vector<int> remainder_;
  int start_ = 0;
  int end_ = 0;
};

}  // namespace

namespace {

Schedule schedule_with(const Plan& plan, const DependencyGraph& graph, SchedulePhases* phases) {
  const auto [first, last] = calendar_range(plan);
  Schedule schedule{WorkCalendar(plan.calendar, first, last), {}, {}, {}, {}, {}, {}};
  Scheduler(plan, graph, schedule).run(phases);
  return schedule;
}

}  // namespace

Schedule schedule_plan(const Plan& plan, const DependencyGraph& graph) {
  return schedule_with(plan, graph, nullptr);
}

Schedule schedule_plan(const Plan& plan, const DependencyGraph& graph, SchedulePhases& phases) {
  return schedule_with(plan, graph, &phases);
}

std::vector<NodeId> driving_chain(const DependencyGraph& graph, const Schedule& schedule, NodeId v,
                                  std::size_t max_steps) {
  std::vector<NodeId> chain{v};
  // Each step is visited at most once: driving links follow the DAG backward.
  while (chain.size() < max_steps) {
    const auto link = schedule.steps[chain.back()].driving_link;
    if (!link) break;
    chain.push_back(graph.links[*link].pred);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

bool chain_is_cut(const Schedule& schedule, const std::vector<NodeId>& chain) {
  return !chain.empty() && schedule.steps[chain.front()].driving_link.has_value();
}

std::vector<NodeId> end_points(const DependencyGraph& graph) {
  std::vector<NodeId> ends;
  for (NodeId v = 0; v < graph.size(); ++v) {
    if (graph.out_begin[v] == graph.out_begin[v + 1]) ends.push_back(v);
  }
  return ends;
}

}  // namespace tiendo
