// What-if: change a copy of the plan (a step held back, a meeting cancelled,
// an event moved), analyse both, and list what moved. The plan file is never
// touched; the comparison runs on the same status date and progress.
#include <tiendo/status.hpp>
#include <tiendo/suggest.hpp>
#include <tiendo/whatif.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

Diagnostic change_error(std::string code, std::string message, std::string suggestion = {}) {
  return {Severity::error, std::move(code), std::move(message), {}, {}, std::move(suggestion)};
}

/// Applies the changes to `plan`; each one it cannot apply is a diagnostic.
class Changer {
 public:
  Changer(const Analysis& base, Plan& plan, WhatIfResult& out)
      : base_(base), plan_(plan), out_(out) {}

  void apply(const WhatIfChange& c) {
    switch (c.kind) {
      case WhatIfChange::Kind::delay:
        return delay(c);
      case WhatIfChange::Kind::cancel_meeting:
        return cancel(c);
      case WhatIfChange::Kind::move_event:
        return move(c);
    }
  }

 private:
  /// Held back `days` working days from where it is now forecast to start
  /// (a step under way: its remaining work grows by as much).
  void delay(const WhatIfChange& c) {
    const auto& g = *base_.graph;
    std::vector<std::string> ids;
    for (NodeId v = 0; v < g.size(); ++v) {
      const auto& id = g.step(*base_.plan, v).id;
      ids.push_back(id);
      if (id != c.target) continue;
      const auto& s = base_.schedule->steps[v];
      auto& step = plan_.tasks[g.nodes[v].task].steps[g.nodes[v].step];
      if (s.finished) {
        out_.diagnostics.push_back(change_error(
            "whatif-step-done", "step '" + c.target + "' is already done; it cannot be delayed"));
        return;
      }
      if (s.in_progress) {
        step.progress.remaining = s.remaining + c.days;
      } else {
        Constraint later;
        later.kind = ConstraintKind::not_before;
        later.date = base_.schedule->calendar.working_day(s.es + c.days);
        later.written = "what-if";
        step.constraints.push_back(later);
      }
      const auto n = std::to_string(c.days);
      out_.applied_en.push_back("'" + c.target + "' held back " + n + " working days");
      out_.applied_vi.push_back("'" + c.target + "' chậm " + n + " ngày làm việc");
      return;
    }
    out_.diagnostics.push_back(change_error("whatif-unknown-step",
                                            "no step '" + c.target + "' in the plan",
                                            did_you_mean(c.target, ids)));
  }

  void cancel(const WhatIfChange& c) {
    std::vector<std::string> ids;
    for (auto& committee : plan_.committees) {
      ids.push_back(committee.id);
      const bool named = committee.id == c.target ||
                         std::find(committee.aliases.begin(), committee.aliases.end(), c.target) !=
                             committee.aliases.end();
      if (!named) continue;
      auto& days = committee.meetings;
      const auto it = std::find(days.begin(), days.end(), c.date);
      if (it == days.end()) {
        std::string near;
        for (const Date d : days) {
          if (d >= c.date - date::days{45} && d <= c.date + date::days{45}) {
            near += (near.empty() ? "" : ", ") + format_iso(d);
          }
        }
        out_.diagnostics.push_back(change_error(
            "whatif-unknown-meeting", committee.id + " does not meet on " + format_iso(c.date),
            near.empty() ? "tiendo meetings PLAN lists its meetings" : "it meets on " + near));
        return;
      }
      days.erase(it);
      // Approvals pinned to that meeting, or to a month left without one,
      // go to the next meeting.
      const auto meets_in = [&](date::year_month month) {
        return std::any_of(days.begin(), days.end(), [&](Date d) {
          const date::year_month_day ymd{d};
          return ymd.year() == month.year() && ymd.month() == month.month();
        });
      };
      for (auto& task : plan_.tasks) {
        for (auto& step : task.steps) {
          if (!step.meeting || step.meeting->committee != committee.id) continue;
          if (step.meeting->date == c.date ||
              (step.meeting->month && !meets_in(*step.meeting->month))) {
            step.meeting->date.reset();
            step.meeting->month.reset();
          }
        }
      }
      out_.applied_en.push_back("the " + committee.id + " meeting of " + format_iso(c.date) +
                                " cancelled");
      out_.applied_vi.push_back("hủy kỳ họp " + committee.id + " ngày " + format_vn(c.date));
      return;
    }
    out_.diagnostics.push_back(change_error("whatif-unknown-committee",
                                            "no committee '" + c.target + "' in the plan",
                                            did_you_mean(c.target, ids)));
  }

  void move(const WhatIfChange& c) {
    std::vector<std::string> ids;
    for (auto& e : plan_.events) {
      ids.push_back(e.id);
      if (e.id != c.target) continue;
      const auto shift = c.date - e.date;
      const Date was = e.date;
      e.date = c.date;
      if (e.until) e.until = *e.until + shift;
      // Dates the phrases took from the event move with it.
      for (auto& task : plan_.tasks) {
        for (auto& step : task.steps) shift_constraints(step.constraints, e, shift);
        shift_constraints(task.constraints, e, shift);
      }
      out_.applied_en.push_back("'" + e.id + "' moved from " + format_iso(was) + " to " +
                                format_iso(c.date));
      out_.applied_vi.push_back("'" + e.id + "' dời từ " + format_vn(was) + " sang " +
                                format_vn(c.date));
      return;
    }
    out_.diagnostics.push_back(change_error("whatif-unknown-event",
                                            "no event '" + c.target + "' in the plan",
                                            did_you_mean(c.target, ids)));
  }

  static void shift_constraints(std::vector<Constraint>& list, const Event& e, date::days shift) {
    for (auto& c : list) {
      if (c.event != e.id && c.event != e.name) continue;
      c.date = c.date + shift;
      if (c.kind == ConstraintKind::window) c.until = c.until + shift;
    }
  }

  const Analysis& base_;
  Plan& plan_;
  WhatIfResult& out_;
};

std::string finding_key(const Finding& f) {
  return f.kind + "|" + (f.steps.empty() ? std::string() : f.steps.front());
}

void compare_findings(const Analysis& before, const Analysis& after, WhatIfResult& out) {
  std::set<std::string> had, has;
  for (const auto& f : before.findings) {
    if (f.severity == Severity::error) had.insert(finding_key(f));
  }
  for (const auto& f : after.findings) {
    if (f.severity == Severity::error) has.insert(finding_key(f));
  }
  for (const auto& f : after.findings) {
    if (f.severity == Severity::error && had.count(finding_key(f)) == 0) {
      out.new_errors.push_back(f);
    }
  }
  for (const auto& f : before.findings) {
    if (f.severity == Severity::error && has.count(finding_key(f)) == 0) {
      out.resolved_errors.push_back(f);
    }
  }
  out.feasible_before = feasible(before.findings);
  out.feasible_after = feasible(after.findings);
}

void compare_dates(const Analysis& before, const Analysis& after, WhatIfResult& out) {
  const auto& cal = after.schedule->calendar;
  const auto delta = [&](std::string kind, std::string id, std::string name, Date was, Date is,
                         int margin_was, int margin_is) {
    if (was == is && margin_was == margin_is) return;
    out.deltas.push_back({std::move(kind), std::move(id), std::move(name), was, is,
                          cal.working_days_from(was, is), margin_was, margin_is});
  };
  delta("finish", before.plan->info.id, before.plan->info.title, before.schedule->finish,
        after.schedule->finish, 0, 0);
  const auto today = before.plan->info.start;
  const auto was = status_report(before, today);
  const auto is = status_report(after, today);
  for (std::size_t i = 0; i < was.events.size() && i < is.events.size(); ++i) {
    const auto& a = was.events[i];
    const auto& b = is.events[i];
    delta("event", a.subject, a.name, a.forecast, b.forecast, a.margin, b.margin);
  }
  const auto& g = *before.graph;
  for (NodeId v = 0; v < g.size(); ++v) {
    const auto& a = before.schedule->steps[v];
    const auto& b = after.schedule->steps[v];
    const auto& step = g.step(*before.plan, v);
    // An approval left without a meeting is the new no-meeting error's to say.
    if (a.meeting && b.meeting) {
      delta("meeting", step.id, step.name, a.meeting.value_or(a.start), b.meeting.value_or(b.start),
            0, 0);
    }
    // Steps held at or around an event ('tại Lễ Kỷ niệm') move with it.
    const bool at_event = std::any_of(step.constraints.begin(), step.constraints.end(),
                                      [](const Constraint& c) { return !c.event.empty(); });
    if (at_event) delta("step", step.id, step.name, a.finish, b.finish, 0, 0);
  }
  // Deadlines are listed in the same order on both sides (same constraints,
  // sorted by their target): pair them by position and subject.
  std::map<std::pair<std::string, Date>, const Forecast*> then;
  for (const auto& f : was.deadlines) then.emplace(std::pair{f.subject, f.target}, &f);
  for (const auto& f : is.deadlines) {
    const auto it = then.find({f.subject, f.target});
    if (it == then.end()) continue;
    delta("deadline", f.subject, f.name, it->second->forecast, f.forecast, it->second->margin,
          f.margin);
  }
}

std::optional<int> parse_days(std::string_view text) {
  if (text.ends_with("d")) text.remove_suffix(1);
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > 3650) {
    return std::nullopt;
  }
  return n;
}

}  // namespace

std::optional<WhatIfChange> parse_what_if(WhatIfChange::Kind kind, std::string_view text,
                                          std::string& error) {
  const char separator = kind == WhatIfChange::Kind::cancel_meeting ? ':' : '=';
  const auto at = text.rfind(separator);
  const char* form = kind == WhatIfChange::Kind::delay            ? "STEP=5d"
                     : kind == WhatIfChange::Kind::cancel_meeting ? "COMMITTEE:YYYY-MM-DD"
                                                                  : "EVENT=YYYY-MM-DD";
  if (at == std::string_view::npos || at == 0) {
    error = "'" + std::string(text) + "' is not " + form;
    return std::nullopt;
  }
  WhatIfChange c;
  c.kind = kind;
  c.target = std::string(text.substr(0, at));
  const auto value = text.substr(at + 1);
  if (kind == WhatIfChange::Kind::delay) {
    const auto days = parse_days(value);
    if (!days) {
      error = "'" + std::string(value) + "' is not a delay in working days (1d to 3650d)";
      return std::nullopt;
    }
    c.days = *days;
    return c;
  }
  const auto day = parse_iso_date(value);
  if (!day) {
    error = "'" + std::string(value) + "' is not a date (YYYY-MM-DD) in " + form;
    return std::nullopt;
  }
  c.date = *day;
  return c;
}

WhatIfResult what_if(const Analysis& analysis, const std::vector<WhatIfChange>& changes) {
  WhatIfResult out;
  Plan changed = *analysis.plan;
  Changer changer(analysis, changed, out);
  for (const auto& c : changes) changer.apply(c);
  if (!out.ok()) return out;
  const auto after = analyze(std::move(changed), {});
  if (!after.ok()) {
    for (const auto& d : after.diagnostics) {
      if (d.severity == Severity::error) out.diagnostics.push_back(d);
    }
    return out;
  }
  compare_dates(analysis, after, out);
  compare_findings(analysis, after, out);
  return out;
}

namespace {

std::string signed_days(int n, Lang lang) {
  const auto number = (n > 0 ? "+" : "") + std::to_string(n);
  return number + (lang == Lang::en ? " working days" : " ngày làm việc");
}

std::string kind_text(const std::string& kind, Lang lang) {
  if (lang == Lang::en) return kind;
  static const std::map<std::string, std::string> vi{{"finish", "kết thúc kế hoạch"},
                                                     {"event", "sự kiện"},
                                                     {"meeting", "kỳ họp"},
                                                     {"step", "bước"},
                                                     {"deadline", "thời hạn"}};
  return vi.at(kind);
}

}  // namespace

std::string what_if_text(const WhatIfResult& r, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out = en ? "What if: " : "Giả định: ";
  const auto& applied = en ? r.applied_en : r.applied_vi;
  for (std::size_t i = 0; i < applied.size(); ++i) out += (i ? "; " : "") + applied[i];
  out += "\n\n";
  if (r.deltas.empty()) out += en ? "Nothing moves.\n" : "Không mốc nào thay đổi.\n";
  for (const auto& d : r.deltas) {
    out += "  " + kind_text(d.kind, lang) + "  " + d.id + "  " + format_date(d.before, lang) +
           " → " + format_date(d.after, lang) + "  (" + signed_days(d.days, lang) + ")";
    if ((d.kind == "deadline" || d.kind == "event") && d.margin_before != d.margin_after) {
      out += en ? ", margin " : ", dự phòng ";
      out += std::to_string(d.margin_before) + " → " + std::to_string(d.margin_after);
      if (d.margin_after < 0) out += en ? "  MISSED" : "  TRỄ HẠN";
    }
    out += "  " + d.name + "\n";
  }
  out += "\n";
  out += en ? "Feasible: " : "Khả thi: ";
  const auto yes = [&](bool b) {
    return std::string(b ? (en ? "yes" : "có") : (en ? "no" : "không"));
  };
  out += yes(r.feasible_before) + " → " + yes(r.feasible_after) + "\n";
  for (const auto& f : r.new_errors) {
    out += (en ? "  new: [" : "  mới: [") + f.kind + "] " + f.message(en ? "en" : "vi") + "\n";
  }
  for (const auto& f : r.resolved_errors) {
    out += (en ? "  resolved: [" : "  hết: [") + f.kind + "] " + f.message(en ? "en" : "vi") + "\n";
  }
  return out;
}

std::string what_if_json(const WhatIfResult& r, Lang lang) {
  detail::JsonWriter w;
  w.begin_object().member("format", "tiendo-whatif-1");
  w.member("changes", lang == Lang::en ? r.applied_en : r.applied_vi);
  w.key("deltas").begin_array();
  for (const auto& d : r.deltas) {
    w.begin_object()
        .member("kind", d.kind)
        .member("id", d.id)
        .member("name", d.name)
        .member("before", format_iso(d.before))
        .member("after", format_iso(d.after))
        .member("days", d.days)
        .member("margin_before", d.margin_before)
        .member("margin_after", d.margin_after)
        .end_object();
  }
  w.end_array();
  w.member("feasible_before", r.feasible_before).member("feasible_after", r.feasible_after);
  const auto findings = [&](const char* key, const std::vector<Finding>& list) {
    w.key(key).begin_array();
    for (const auto& f : list) {
      w.begin_object()
          .member("kind", f.kind)
          .member("steps", f.steps)
          .member("message", f.message(lang == Lang::en ? "en" : "vi"))
          .end_object();
    }
    w.end_array();
  };
  findings("new_errors", r.new_errors);
  findings("resolved_errors", r.resolved_errors);
  w.end_object();
  return w.finish();
}

}  // namespace tiendo
