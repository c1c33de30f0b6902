// The feasibility report. Each check reads the schedule and the constraints
// of one node (or one link), so the whole report costs O(steps + links).
#include <tiendo/checks.hpp>

#include <algorithm>

namespace tiendo {

namespace {

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

std::string days_en(int n) {
  return std::to_string(n) + (n == 1 ? " working day" : " working days");
}
std::string days_vi(int n) {
  return std::to_string(n) + " ngày làm việc";
}

class Checker {
 public:
  Checker(const Plan& plan, const DependencyGraph& graph, const Schedule& schedule)
      : plan_(plan), g_(graph), s_(schedule), cal_(schedule.calendar) {}

  std::vector<Finding> run() {
    for (NodeId v = 0; v < g_.size(); ++v) {
      check_constraints(v);
      check_meeting(v);
    }
    check_due_order();
    check_fixed_days();
    for (auto& f : check_trust(plan_)) out_.push_back(std::move(f));
    std::stable_sort(out_.begin(), out_.end(),
                     [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
    return std::move(out_);
  }

 private:
  const std::string& id(NodeId v) const { return g_.step(plan_, v).id; }

  /// A finding shows at most this many steps of its chain, the ones nearest
  /// to it, so the report stays linear in the size of the plan however many
  /// findings share one long chain.
  static constexpr std::size_t kMaxChain = 30;

  std::vector<NodeId> chain_nodes(NodeId v) const { return driving_chain(g_, s_, v, kMaxChain); }
  bool truncated(const std::vector<NodeId>& chain) const { return chain_is_cut(s_, chain); }

  std::vector<std::string> chain_of(NodeId v) const {
    const auto chain = chain_nodes(v);
    std::vector<std::string> ids;
    if (truncated(chain)) ids.push_back("…");
    for (const NodeId n : chain) ids.push_back(id(n));
    return ids;
  }

  /// The chain as text, starting with what set its first step's start.
  std::string chain_text(NodeId v, bool vi) const {
    const auto chain = chain_nodes(v);
    const auto& first = s_.steps[chain.front()];
    const auto day = [&](Date d) { return vi ? format_vn(d) : format_iso(d); };
    std::string text;
    switch (truncated(chain) ? Driver::link : first.driver) {
      case Driver::plan_start:
        text = (vi ? "ngày bắt đầu kế hoạch " : "the plan's start ") + day(plan_.info.start);
        break;
      case Driver::constraint:
        text = (vi ? "ngày ràng buộc " : "a date constraint ") + day(first.early_start);
        break;
      case Driver::event:
        text = vi ? "sự kiện" : "an event";
        break;
      case Driver::actual:
        text = (vi ? "ngày bắt đầu thực tế " : "its actual start ") + day(first.early_start);
        break;
      case Driver::status:
        text = (vi ? "ngày báo cáo tiến độ " : "the status date ") +
               day(s_.status_date.value_or(first.early_start));
        break;
      case Driver::meeting:
      case Driver::pinned:
        text =
            (vi ? "kỳ họp " : "the meeting of ") + day(first.meeting.value_or(first.early_start));
        break;
      case Driver::link:
        text = truncated(chain) ? "…" : "";
        break;
    }
    for (const NodeId n : chain) text += (text.empty() ? "" : " → ") + id(n);
    return text;
  }

  Finding& add(std::string kind, Severity severity, std::vector<std::string> steps,
               SourceLocation where) {
    Finding f;
    f.kind = std::move(kind);
    f.severity = severity;
    f.steps = std::move(steps);
    f.where = where;
    out_.push_back(std::move(f));
    return out_.back();
  }

  bool elapsed(NodeId v) const { return g_.step(plan_, v).duration.elapsed(); }

  /// Working days by which the step's early finish passes `due` (0 if not).
  int lateness(NodeId v, Date due) const {
    const auto& s = s_.steps[v];
    if (elapsed(v)) {
      if (s.early_finish <= due) return 0;
      return std::max(1, cal_.working_days_between(due + date::days{1}, s.early_finish));
    }
    return std::max(0, s.ef - cal_.end_boundary(due));
  }

  /// Working days (or calendar days for elapsed steps) the step needs.
  bool fits(NodeId v, Date from, Date to) const {
    const auto& d = g_.step(plan_, v).duration;
    if (d.elapsed()) return (to - from).count() + 1 >= d.value;
    return cal_.working_days_between(from, to) >= d.value;
  }

  void check_constraints(NodeId v) {
    const auto& step = g_.step(plan_, v);
    const auto& s = s_.steps[v];
    std::optional<Constraint> latest_start, earliest_due, finish_floor;
    for (auto i = g_.constraint_begin[v]; i < g_.constraint_begin[v + 1]; ++i) {
      const auto& c = g_.constraints[i];
      switch (c.kind) {
        case ConstraintKind::due:
          if (!earliest_due || c.date < earliest_due->date) earliest_due = c;
          if (const int late = lateness(v, c.date)) deadline_missed(v, c, c.date, late, false);
          break;
        case ConstraintKind::window:
          if (!fits(v, c.date, c.until)) {
            auto& f = add("window-too-short", Severity::error, {step.id}, c.where);
            f.message_en = quoted(step.id) + " needs " + describe_en(step.duration) +
                           " but its window " + format_iso(c.date) + " .. " + format_iso(c.until) +
                           " holds fewer";
            f.message_vi = "Bước " + quoted(step.id) + " cần " + describe_vi(step.duration) +
                           " nhưng khoảng thời gian " + format_vn(c.date) + " – " +
                           format_vn(c.until) + " không đủ";
          } else if (const int late = lateness(v, c.until)) {
            deadline_missed(v, c, c.until, late, true);
          }
          if (!latest_start || c.date > latest_start->date) latest_start = c;
          break;
        case ConstraintKind::not_before:
          if (!latest_start || c.date > latest_start->date) latest_start = c;
          break;
        case ConstraintKind::start_on:
        case ConstraintKind::finish_on:
          if (s.ready > s.es) {
            const int short_by = s.ready - s.es;
            auto& f = add("constraint-conflict", Severity::error, {step.id}, c.where);
            f.shortfall = short_by;
            f.chain = chain_of_inputs(v);
            const bool start = c.kind == ConstraintKind::start_on;
            f.message_en = quoted(step.id) + " must " + (start ? "start" : "finish") + " on " +
                           format_iso(c.date) + " but what it waits for is ready " +
                           days_en(short_by) + " too late";
            f.message_vi = "Bước " + quoted(step.id) + " phải " +
                           (start ? "bắt đầu" : "hoàn thành") + " vào ngày " + format_vn(c.date) +
                           " nhưng các việc trước nó xong muộn " + days_vi(short_by);
          }
          if (c.kind == ConstraintKind::start_on &&
              (!latest_start || c.date > latest_start->date)) {
            latest_start = c;
          }
          break;
        case ConstraintKind::start_by:
          if (const int late = start_lateness(v, c.date)) start_by_missed(v, c, late);
          break;
        case ConstraintKind::finish_not_before:
          if (!finish_floor || c.date > finish_floor->date) finish_floor = c;
          break;
      }
    }
    if (finish_floor && earliest_due && finish_floor->date > earliest_due->date) {
      auto& f = add("constraints-contradict", Severity::error, {step.id}, earliest_due->where);
      f.message_en = quoted(step.id) + " cannot finish no earlier than " +
                     format_iso(finish_floor->date) + " and be done by " +
                     format_iso(earliest_due->date);
      f.message_vi = "Bước " + quoted(step.id) + " không thể xong không sớm hơn " +
                     format_vn(finish_floor->date) + " mà vẫn xong trước " +
                     format_vn(earliest_due->date);
    }
    if (latest_start && earliest_due && !fits(v, latest_start->date, earliest_due->date)) {
      auto& f = add("constraints-contradict", Severity::error, {step.id}, earliest_due->where);
      f.message_en = quoted(step.id) + " cannot start before " + format_iso(latest_start->date) +
                     " and be done by " + format_iso(earliest_due->date) + " (" +
                     describe_en(step.duration) + ")";
      f.message_vi = "Bước " + quoted(step.id) + " không thể bắt đầu từ " +
                     format_vn(latest_start->date) + " mà xong trước " +
                     format_vn(earliest_due->date) + " (" + describe_vi(step.duration) + ")";
    }
  }

  /// The chain that made the inputs late (for a hard constraint that held).
  std::vector<std::string> chain_of_inputs(NodeId v) const {
    NodeId latest = v;
    int best = -1;
    for (auto i = g_.in_begin[v]; i < g_.in_begin[v + 1]; ++i) {
      const auto& p = s_.steps[g_.links[i].pred];
      if (p.ef > best) {
        best = p.ef;
        latest = g_.links[i].pred;
      }
    }
    auto chain = latest == v ? std::vector<std::string>{} : chain_of(latest);
    chain.push_back(id(v));
    return chain;
  }

  /// Working days by which the step's early start passes `latest` (0 if not).
  int start_lateness(NodeId v, Date latest) const {
    const auto& s = s_.steps[v];
    if (elapsed(v)) {
      if (s.early_start <= latest) return 0;
      return std::max(1, cal_.working_days_between(latest + date::days{1}, s.early_start));
    }
    return std::max(0, s.es - cal_.start_boundary(latest));
  }

  void start_by_missed(NodeId v, const Constraint& c, int late) {
    const auto& step = g_.step(plan_, v);
    const auto& s = s_.steps[v];
    auto& f = add("start-by-missed", Severity::error, {step.id}, c.where);
    f.shortfall = late;
    f.chain = chain_of_inputs(v);
    f.message_en = quoted(step.id) + " must start by " + format_iso(c.date) +
                   " but can start only on " + format_iso(s.early_start) + ", " + days_en(late) +
                   " late; driven by " + chain_text(v, false);
    f.message_vi = "Bước " + quoted(step.id) + " phải bắt đầu chậm nhất ngày " + format_vn(c.date) +
                   " nhưng chỉ có thể bắt đầu ngày " + format_vn(s.early_start) + ", chậm " +
                   days_vi(late) + "; do chuỗi " + chain_text(v, true);
  }

  void deadline_missed(NodeId v, const Constraint& c, Date due, int late, bool window) {
    const auto& step = g_.step(plan_, v);
    const auto& s = s_.steps[v];
    auto& f =
        add(window ? "window-missed" : "deadline-missed", Severity::error, {step.id}, c.where);
    f.shortfall = late;
    f.chain = chain_of(v);
    const auto via = c.event.empty() ? "" : " (" + c.event + ")";
    f.message_en = quoted(step.id) + " finishes " + format_iso(s.early_finish) + ", " +
                   days_en(late) + " after " +
                   (window ? "its window closes on " : "its due date ") + format_iso(due) + via +
                   "; driven by " + chain_text(v, false);
    f.message_vi = "Bước " + quoted(step.id) + " xong ngày " + format_vn(s.early_finish) +
                   ", chậm " + days_vi(late) + " so với " +
                   (window ? "hạn cuối của khoảng thời gian " : "thời hạn ") + format_vn(due) +
                   via + "; do chuỗi " + chain_text(v, true);
  }

  void check_meeting(NodeId v) {
    const auto& step = g_.step(plan_, v);
    if (!step.meeting) return;
    const auto& s = s_.steps[v];
    const auto& ref = *step.meeting;
    const bool pinned = ref.month || ref.date;
    if (pinned && s.ready > s.es) {
      const int short_by = s.ready - s.es;
      auto& f = add("pinned-meeting-too-early", Severity::error, {step.id}, ref.where);
      f.shortfall = short_by;
      f.chain = chain_of_inputs(v);
      const auto when = s.meeting ? *s.meeting : s.early_start;
      f.message_en = quoted(step.id) + " is pinned to the " + ref.committee + " meeting of " +
                     format_iso(when) + " but its documents can be in only " + days_en(short_by) +
                     " later (inputs plus the submission lead)";
      f.message_vi = "Bước " + quoted(step.id) + " được trình tại kỳ họp " + ref.committee +
                     " ngày " + format_vn(when) + " nhưng hồ sơ chỉ sẵn sàng muộn hơn " +
                     days_vi(short_by) + " (kể cả thời hạn gửi trước)";
    } else if (!pinned && !s.meeting) {
      auto& f = add("no-meeting", Severity::error, {step.id}, ref.where);
      f.chain = chain_of_inputs(v);
      const auto ready = cal_.working_day(s.ready);
      f.message_en = "no " + ref.committee + " meeting on or after " + format_iso(ready) +
                     ", when " + quoted(step.id) + " could be submitted";
      f.message_vi = "Không có kỳ họp " + ref.committee + " nào từ ngày " + format_vn(ready) +
                     " trở đi để trình " + quoted(step.id);
    }
  }

  /// A step due before a step it waits for (finish-to-start or
  /// finish-to-finish, lag >= 0) is due. One pass in topological order
  /// carries the latest due date met so far along each path.
  void check_due_order() {
    struct Due {
      Date date{};
      NodeId node = 0;
      bool set = false;
    };
    std::vector<Due> own(g_.size()), inherited(g_.size());
    for (NodeId v = 0; v < g_.size(); ++v) {
      for (auto i = g_.constraint_begin[v]; i < g_.constraint_begin[v + 1]; ++i) {
        const auto& c = g_.constraints[i];
        if (c.kind != ConstraintKind::due && c.kind != ConstraintKind::window) continue;
        const Date d = c.kind == ConstraintKind::due ? c.date : c.until;
        if (!own[v].set || d < own[v].date) own[v] = {d, v, true};
      }
    }
    for (const NodeId v : g_.order) {
      for (auto i = g_.in_begin[v]; i < g_.in_begin[v + 1]; ++i) {
        const auto& link = g_.links[i];
        if ((link.type != LinkType::FS && link.type != LinkType::FF) || link.lag < 0) continue;
        for (const Due* d : {&own[link.pred], &inherited[link.pred]}) {
          if (d->set && (!inherited[v].set || d->date > inherited[v].date)) inherited[v] = *d;
        }
      }
      if (own[v].set && inherited[v].set && inherited[v].date > own[v].date) {
        const auto& earlier = id(inherited[v].node);
        auto& f = add("due-before-predecessor", Severity::error, {id(v), earlier},
                      g_.step(plan_, v).where);
        f.message_en = quoted(id(v)) + " is due " + format_iso(own[v].date) + ", before " +
                       quoted(earlier) + ", which it waits for, is due (" +
                       format_iso(inherited[v].date) + ")";
        f.message_vi = "Bước " + quoted(id(v)) + " có hạn " + format_vn(own[v].date) +
                       ", trước cả hạn của bước " + quoted(earlier) + " mà nó phải chờ (" +
                       format_vn(inherited[v].date) + ")";
      }
    }
  }

  void fixed_day(const std::string& what_en, const std::string& what_vi, Date d,
                 std::vector<std::string> steps, SourceLocation where) {
    if (cal_.is_working(d)) return;
    const auto reason = cal_.reason_off(d);
    auto& f = add("fixed-date-non-working", Severity::warning, std::move(steps), where);
    f.message_en = what_en + " falls on " + format_iso(d) + ", a " + std::string(reason);
    f.message_vi =
        what_vi + " rơi vào ngày " + format_vn(d) + ", " + std::string(reason_off_vi(reason));
  }

  void check_fixed_days() {
    // Ceremonies and congresses are often held on days off: said only when
    // the plan asks.
    for (const auto& event : plan_.events) {
      if (!plan_.info.warn_events_on_days_off) break;
      fixed_day("event " + quoted(event.id), "Sự kiện " + quoted(event.name), event.date, {},
                event.where);
    }
    for (const auto& committee : plan_.committees) {
      for (const Date m : committee.meetings) {
        fixed_day("a " + committee.id + " meeting", "Kỳ họp " + committee.id, m, {},
                  committee.where);
      }
    }
    for (NodeId v = 0; v < g_.size(); ++v) {
      const auto& step = g_.step(plan_, v);
      // Calendar-day steps and milestones may sit on a day off; others move.
      if (step.duration.elapsed() || step.duration.is_milestone()) continue;
      for (auto i = g_.constraint_begin[v]; i < g_.constraint_begin[v + 1]; ++i) {
        const auto& c = g_.constraints[i];
        if (c.kind != ConstraintKind::start_on && c.kind != ConstraintKind::finish_on) continue;
        const auto& s = s_.steps[v];
        const Date moved = c.kind == ConstraintKind::start_on ? s.early_start : s.early_finish;
        const auto before = out_.size();
        fixed_day("the fixed date of " + quoted(step.id),
                  "Ngày cố định của bước " + quoted(step.id), c.date, {step.id}, c.where);
        if (out_.size() > before) {
          out_.back().message_en += "; scheduled on " + format_iso(moved) +
                                    " (use a duration in calendar days, e.g. '1cd', to keep it)";
          out_.back().message_vi += "; được xếp vào ngày " + format_vn(moved);
        }
      }
    }
  }

  static std::string describe_en(const Duration& d) {
    return std::to_string(d.value) + (d.elapsed() ? " calendar day(s)" : " working day(s)");
  }
  static std::string describe_vi(const Duration& d) {
    return std::to_string(d.value) + (d.elapsed() ? " ngày" : " ngày làm việc");
  }

  const Plan& plan_;
  const DependencyGraph& g_;
  const Schedule& s_;
  const WorkCalendar& cal_;
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> check_plan(const Plan& plan, const DependencyGraph& graph,
                                const Schedule& schedule) {
  return Checker(plan, graph, schedule).run();
}

bool feasible(const std::vector<Finding>& findings) {
  return std::none_of(findings.begin(), findings.end(),
                      [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace tiendo
