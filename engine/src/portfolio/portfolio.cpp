// The portfolio: every plan of a folder read with what the workspace shares,
// scheduled on its own, then checked across plans. Each check is a pass over
// the plans' scheduled steps into maps keyed by person, unit, meeting or day:
// linear in the steps (and in the days a unit's steps cover).
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>
#include <tiendo/portfolio.hpp>
#include <tiendo/schedule.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace tiendo {

namespace {

/// A person or unit as the plans write it: folded, so "Đ/c Mai Thị Nhài" and
/// "đ/c mai thị nhài" are one.
std::string identity(const std::string& name) {
  return fold_text(name);
}

PortfolioStep step_ref(const PortfolioPlan& p, NodeId v, Date date) {
  const auto& a = p.analysis;
  const auto& s = a.graph->step(*a.plan, v);
  return {p.file, a.plan->info.id, s.id, s.name, date};
}

/// The Monday of `d`'s week.
Date monday_of(Date d) {
  const date::weekday wd{d};
  return d - date::days{(wd.c_encoding() + 6) % 7};
}

/// "3 việc" / "3 items", with the plans and steps named.
std::string listed(const std::vector<PortfolioStep>& steps) {
  std::string out;
  for (std::size_t i = 0; i < steps.size() && i < 6; ++i) {
    out += (i ? ", " : "") + steps[i].plan + ":" + steps[i].step;
  }
  if (steps.size() > 6) out += ", …";
  return out;
}

/// What a person or unit owes: steps due (deadlines) and documents due for a
/// meeting (its date less the submission lead).
struct Owed {
  std::string name;  ///< as first written
  std::vector<PortfolioStep> items;
};

class Checker {
 public:
  Checker(Portfolio& p) : p_(p) {
    if (p_.shared) limits_ = p_.shared->info.limits;
  }

  void run() {
    for (const auto& plan : p_.plans) {
      if (!plan.analysis.ok()) continue;
      collect(plan);
    }
    overloads(people_, "person", "Người", "person");
    overloads(units_, "unit", "Đơn vị", "unit");
    capacity();
    agenda_limits();
    events_same_day();
    plan_findings();
    std::stable_sort(p_.findings.begin(), p_.findings.end(),
                     [](const PortfolioFinding& a, const PortfolioFinding& b) {
                       if (a.severity != b.severity) return a.severity > b.severity;
                       return a.from < b.from;
                     });
  }

 private:
  void collect(const PortfolioPlan& plan) {
    const auto& a = plan.analysis;
    const auto& g = *a.graph;
    const auto& cal = a.schedule->calendar;
    for (NodeId v = 0; v < g.size(); ++v) {
      const auto& task = a.plan->tasks[g.nodes[v].task];
      const auto& step = g.step(*a.plan, v);
      const auto& s = a.schedule->steps[v];
      std::set<Date> owed_on;  // a step with two deadlines on one day owes once
      const auto owe = [&](Date due) {
        if (!owed_on.insert(due).second) return;
        const auto ref = step_ref(plan, v, due);
        if (!task.owner.empty()) add(people_, task.owner, ref);
        if (!task.lead.empty()) add(units_, task.lead, ref);
      };
      for (auto k = g.constraint_begin[v]; k < g.constraint_begin[v + 1]; ++k) {
        const auto& c = g.constraints[k];
        if (c.kind == ConstraintKind::due || c.kind == ConstraintKind::finish_on) owe(c.date);
        if (c.kind == ConstraintKind::window) owe(c.until);
      }
      if (s.meeting && step.meeting) {
        const auto& committees = a.plan->committees;
        const auto c = std::find_if(committees.begin(), committees.end(), [&](const Committee& x) {
          return x.id == step.meeting->committee;
        });
        const int lead = c != committees.end() ? c->submit_lead : 0;
        const auto documents = cal.working_day(cal.start_boundary(*s.meeting) - lead);
        owe(documents);
        auto& m = meetings_[{step.meeting->committee, *s.meeting}];
        if (m.committee.empty() && c != committees.end()) {
          m.committee = c->id;
          m.committee_name = c->name;
          m.date = *s.meeting;
          m.max_items = c->max_items;
        }
        AgendaItem item;
        item.step = step_ref(plan, v, *s.meeting);
        item.task = task.name;
        item.owner = task.owner;
        item.lead = task.lead;
        item.documents_due = documents;
        item.total_float = s.total_float;
        // s.ready already counts the submission lead: the meeting less it.
        item.margin = s.es - s.ready;
        item.late = s.total_float < 0 || item.margin < 0;
        for (const auto& f : a.findings) {
          if (f.severity == Severity::error && !f.steps.empty() && f.steps.front() == step.id) {
            item.late = true;
          }
        }
        // A pinned item (or one with no float) that misses this meeting moves
        // what follows; one with float would go to a later meeting in time.
        const bool pinned = s.driver == Driver::pinned || s.total_float == 0;
        item.at_risk = !item.late && !s.finished && item.margin == 0 && pinned;
        m.items.push_back(std::move(item));
      }
      // Capacity: the working days the step occupies, for the unit it is led
      // by. An approval is the committee's meeting, not the unit's work.
      if (s.duration > 0 && !task.lead.empty() && step.kind != StepKind::approval) {
        const auto unit = capacity_of(task.lead);
        if (unit.second > 0) {
          auto& days = unit_days_[unit.first];
          for (int k = s.es; k < s.ef; ++k) {
            days[cal.working_day(k)].push_back(step_ref(plan, v, s.start));
          }
        }
      }
    }
    for (const auto& e : a.plan->events) {
      events_.push_back({e, plan.file, a.plan->info.id});
    }
  }

  static void add(std::map<std::string, Owed>& who, const std::string& name,
                  const PortfolioStep& ref) {
    auto& o = who[identity(name)];
    if (o.name.empty()) o.name = name;
    o.items.push_back(ref);
  }

  /// The workspace's unit a lead names (by id or name), and its capacity.
  std::pair<std::string, int> capacity_of(const std::string& lead) const {
    if (!p_.shared) return {{}, 0};
    const auto folded = identity(lead);
    for (const auto& u : p_.shared->units) {
      if (u.id == lead || identity(u.name) == folded) return {u.name, u.capacity};
    }
    return {{}, 0};
  }

  /// More than the limit due on one day, or in one week (Monday to Sunday).
  void overloads(const std::map<std::string, Owed>& who, const std::string& kind,
                 const std::string& vi_word, const std::string& en_word) {
    for (const auto& [id, owed] : who) {
      std::map<Date, std::vector<PortfolioStep>> by_day, by_week;
      for (const auto& item : owed.items) {
        by_day[item.date].push_back(item);
        by_week[monday_of(item.date)].push_back(item);
      }
      for (const auto& [day, items] : by_day) {
        if (static_cast<int>(items.size()) <= limits_.due_per_day) continue;
        PortfolioFinding f;
        f.kind = kind + "-overloaded-day";
        f.subject = owed.name;
        f.from = f.to = day;
        f.count = static_cast<int>(items.size());
        f.limit = limits_.due_per_day;
        f.steps = items;
        f.message_vi = vi_word + " '" + owed.name + "' phải xong " + std::to_string(f.count) +
                       " việc trong ngày " + format_vn(day) + " (giới hạn " +
                       std::to_string(f.limit) + "/ngày): " + listed(items);
        f.message_en = "the " + en_word + " '" + owed.name + "' owes " + std::to_string(f.count) +
                       " deliverables on " + format_iso(day) + " (limit " +
                       std::to_string(f.limit) + " a day): " + listed(items);
        p_.findings.push_back(std::move(f));
      }
      for (const auto& [monday, items] : by_week) {
        if (static_cast<int>(items.size()) <= limits_.due_per_week) continue;
        PortfolioFinding f;
        f.kind = kind + "-overloaded-week";
        f.subject = owed.name;
        f.from = monday;
        f.to = monday + date::days{6};
        f.count = static_cast<int>(items.size());
        f.limit = limits_.due_per_week;
        f.steps = items;
        f.message_vi = vi_word + " '" + owed.name + "' phải xong " + std::to_string(f.count) +
                       " việc trong tuần " + format_vn(f.from) + " – " + format_vn(f.to) +
                       " (giới hạn " + std::to_string(f.limit) + "/tuần): " + listed(items);
        f.message_en = "the " + en_word + " '" + owed.name + "' owes " + std::to_string(f.count) +
                       " deliverables in the week " + format_iso(f.from) + " – " +
                       format_iso(f.to) + " (limit " + std::to_string(f.limit) +
                       " a week): " + listed(items);
        p_.findings.push_back(std::move(f));
      }
    }
  }

  /// A unit with more steps at once than its capacity: one finding per run
  /// of consecutive working days over it.
  void capacity() {
    for (const auto& entry : unit_days_) {
      // Named, not bound: a lambda below captures it (clang rejects capturing a binding).
      const auto& unit = entry.first;
      const auto& days = entry.second;
      const auto cap = capacity_of(unit).second;
      std::optional<PortfolioFinding> run;
      std::set<std::pair<std::string, std::string>> seen;
      const auto flush = [&] {
        if (!run) return;
        run->message_vi = "Đơn vị '" + unit + "' làm " + std::to_string(run->count) +
                          " việc cùng lúc (năng lực " + std::to_string(cap) + ") từ " +
                          format_vn(run->from) + " đến " + format_vn(run->to) + ": " +
                          listed(run->steps);
        run->message_en = "the unit '" + unit + "' has " + std::to_string(run->count) +
                          " steps at once (capacity " + std::to_string(cap) + ") from " +
                          format_iso(run->from) + " to " + format_iso(run->to) + ": " +
                          listed(run->steps);
        p_.findings.push_back(std::move(*run));
        run.reset();
        seen.clear();
      };
      for (const auto& [day, steps] : days) {
        const bool over = static_cast<int>(steps.size()) > cap;
        // A run goes on over a weekend, not over a longer gap.
        if (run && (day - run->to).count() > 3) flush();
        if (!over) {
          flush();
        } else {
          if (!run) {
            run = PortfolioFinding{};
            run->kind = "unit-over-capacity";
            run->severity = Severity::error;
            run->subject = unit;
            run->from = day;
            run->limit = cap;
          }
          run->to = day;
          run->count = std::max(run->count, static_cast<int>(steps.size()));
          for (const auto& s : steps) {
            if (seen.insert({s.file, s.step}).second) run->steps.push_back(s);
          }
        }
      }
      flush();
    }
  }

  void agenda_limits() {
    for (auto& [key, m] : meetings_) {
      if (m.max_items > 0 && static_cast<int>(m.items.size()) > m.max_items) {
        PortfolioFinding f;
        f.kind = "agenda-over-limit";
        f.subject = m.committee;
        f.from = f.to = m.date;
        f.count = static_cast<int>(m.items.size());
        f.limit = m.max_items;
        for (const auto& item : m.items) f.steps.push_back(item.step);
        f.message_vi = "Kỳ họp " + m.committee + " ngày " + format_vn(m.date) + " có " +
                       std::to_string(f.count) + " nội dung trình, quá " + std::to_string(f.limit) +
                       ": " + listed(f.steps);
        f.message_en = "the " + m.committee + " meeting of " + format_iso(m.date) + " has " +
                       std::to_string(f.count) + " items to approve, more than its " +
                       std::to_string(f.limit) + ": " + listed(f.steps);
        p_.findings.push_back(std::move(f));
      }
      p_.meetings.push_back(m);
    }
    std::sort(p_.meetings.begin(), p_.meetings.end(),
              [](const AgendaMeeting& a, const AgendaMeeting& b) {
                return std::tie(a.date, a.committee) < std::tie(b.date, b.committee);
              });
  }

  /// Two plans' events on overlapping days: the same leaders are expected at
  /// both.
  void events_same_day() {
    for (std::size_t i = 0; i < events_.size(); ++i) {
      for (std::size_t j = i + 1; j < events_.size(); ++j) {
        const auto& a = events_[i];
        const auto& b = events_[j];
        if (a.file == b.file) continue;
        const auto a_to = a.event.until.value_or(a.event.date);
        const auto b_to = b.event.until.value_or(b.event.date);
        if (a.event.date > b_to || b.event.date > a_to) continue;
        PortfolioFinding f;
        f.kind = "events-same-day";
        f.subject = a.event.name;
        f.from = std::max(a.event.date, b.event.date);
        f.to = std::min(a_to, b_to);
        f.count = 2;
        f.steps = {{a.file, a.plan, a.event.id, a.event.name, a.event.date},
                   {b.file, b.plan, b.event.id, b.event.name, b.event.date}};
        f.message_vi = "Hai sự kiện cùng ngày " + format_vn(f.from) + ": '" + a.event.name + "' (" +
                       a.plan + ") và '" + b.event.name + "' (" + b.plan + ")";
        f.message_en = "two events on " + format_iso(f.from) + ": '" + a.event.name + "' (" +
                       a.plan + ") and '" + b.event.name + "' (" + b.plan + ")";
        p_.findings.push_back(std::move(f));
      }
    }
  }

  void plan_findings() {
    for (const auto& plan : p_.plans) {
      if (!plan.analysis.ok()) continue;
      const auto& id = plan.analysis.plan->info.id;
      for (const auto& f : plan.analysis.findings) {
        PortfolioFinding out;
        out.kind = "plan:" + f.kind;
        out.severity = f.severity;
        out.subject = id;
        out.from = out.to = plan.analysis.schedule->start;
        for (const auto& s : f.steps) out.steps.push_back({plan.file, id, s, {}, {}});
        out.message_vi = id + ": " + f.message_vi;
        out.message_en = id + ": " + f.message_en;
        p_.findings.push_back(std::move(out));
      }
    }
  }

  struct PlanEvent {
    Event event;
    std::string file, plan;
  };

  Portfolio& p_;
  WorkspaceLimits limits_;
  std::map<std::string, Owed> people_, units_;
  std::map<std::string, std::map<Date, std::vector<PortfolioStep>>> unit_days_;
  std::map<std::pair<std::string, Date>, AgendaMeeting> meetings_;
  std::vector<PlanEvent> events_;
};

/// Links from a step of one plan to a step or task of another
/// (`after: [PLAN:task.step]`, PLAN an id or a file name without .yaml): the
/// plans are scheduled in the order the links make, each such link a
/// not-before date on the step that waits (the other step's finish, the next
/// working day, plus the lag; SS: its start plus the lag).
class CrossPlan {
 public:
  CrossPlan(const std::vector<PortfolioSource>& sources, const ParseOptions& options) {
    for (const auto& source : sources) {
      auto parsed = parse_plan(source.text, options);
      Entry e{source.name, std::move(parsed.plan), std::move(parsed.diagnostics), {}};
      if (e.plan) take_links(e);
      entries_.push_back(std::move(e));
    }
  }

  std::vector<PortfolioPlan> schedule() {
    resolve_plans();
    std::vector<PortfolioPlan> out(entries_.size());
    std::vector<bool> done(entries_.size(), false);
    // Kahn's order over plans; what is left waits in a cycle.
    for (bool progress = true; progress;) {
      progress = false;
      for (std::size_t k = 0; k < entries_.size(); ++k) {
        if (done[k]) continue;
        const bool ready = std::all_of(entries_[k].links.begin(), entries_[k].links.end(),
                                       [&](const Link& l) { return !l.plan || done[*l.plan]; });
        if (!ready) continue;
        auto& e = entries_[k];
        if (e.plan) apply_links(e, out);
        out[k] = {e.file, analyze(std::move(e.plan), std::move(e.diagnostics))};
        done[k] = progress = true;
      }
    }
    std::string cycle;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      if (!done[k]) cycle += (cycle.empty() ? "" : ", ") + entries_[k].file;
    }
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      if (done[k]) continue;
      auto& e = entries_[k];
      e.diagnostics.push_back({Severity::error,
                               "cross-plan-cycle",
                               "the plans " + cycle +
                                   " wait for each other's steps: none can be "
                                   "scheduled first",
                               e.links.front().spec.where,
                               {},
                               "remove one of the links between them"});
      out[k] = {e.file, analyze(std::nullopt, std::move(e.diagnostics))};
    }
    return out;
  }

  /// A link that drives a step of a plan with an error about it: the
  /// driving chain across both plans.
  void findings(Portfolio& p) const {
    for (std::size_t k = 0; k < p.plans.size(); ++k) {
      const auto& a = p.plans[k].analysis;
      if (!a.ok()) continue;
      for (const auto& l : links_of_[k]) {
        const auto& target = p.plans[l.target_plan].analysis;
        if (!target.ok()) continue;
        for (const auto& f : a.findings) {
          if (f.severity != Severity::error) continue;
          const auto head = std::find(f.chain.begin(), f.chain.end(), l.waiting_step);
          if (head == f.chain.end() || head != f.chain.begin()) continue;
          // The other plan's chain to the step it waits for, then this plan's.
          std::vector<std::string> chain;
          for (const auto v : driving_chain(*target.graph, *target.schedule, l.target_node, 8)) {
            chain.push_back(target.plan->info.id + ":" + target.graph->step(*target.plan, v).id);
          }
          for (const auto& s : f.chain) chain.push_back(a.plan->info.id + ":" + s);
          std::string joined;
          for (const auto& c : chain) joined += (joined.empty() ? "" : " → ") + c;
          PortfolioFinding out;
          out.kind = "cross-plan-link-late";
          out.severity = Severity::error;
          out.subject = a.plan->info.id;
          out.from = out.to = l.date;
          for (const auto& c : chain) {
            const auto colon = c.rfind(':');
            out.steps.push_back({{}, c.substr(0, colon), c.substr(colon + 1), {}, {}});
          }
          out.message_vi = a.plan->info.id + ": " + f.message_vi + "; do phải chờ " +
                           target.plan->info.id + ":" + l.target_id + " (kế hoạch khác): " + joined;
          out.message_en = a.plan->info.id + ": " + f.message_en + "; because it waits for " +
                           target.plan->info.id + ":" + l.target_id + " (another plan): " + joined;
          p.findings.insert(p.findings.begin(), std::move(out));
        }
      }
    }
  }

 private:
  struct Link {
    LinkSpec spec;
    std::size_t task = 0;
    std::optional<std::size_t> step;  ///< none: the task's link
    std::string plan_name, target_id;
    std::optional<std::size_t> plan;  ///< the plan it names, once resolved
  };
  struct Entry {
    std::string file;
    std::optional<Plan> plan;
    Diagnostics diagnostics;
    std::vector<Link> links;
  };
  /// What a link became, to find it again in the schedule.
  struct Applied {
    std::size_t target_plan = 0;
    NodeId target_node = 0;
    std::string target_id, waiting_step;
    Date date{};
  };

  static void take_links(Entry& e) {
    auto& tasks = e.plan->tasks;
    const auto take = [&](std::vector<LinkSpec>& after, std::size_t t,
                          std::optional<std::size_t> s) {
      for (auto it = after.begin(); it != after.end();) {
        const auto colon = it->target.rfind(':');
        if (colon == std::string::npos) {
          ++it;
          continue;
        }
        e.links.push_back(
            {*it, t, s, it->target.substr(0, colon), it->target.substr(colon + 1), {}});
        it = after.erase(it);
      }
    };
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      take(tasks[t].after, t, std::nullopt);
      for (std::size_t s = 0; s < tasks[t].steps.size(); ++s) take(tasks[t].steps[s].after, t, s);
    }
  }

  void resolve_plans() {
    links_of_.assign(entries_.size(), {});
    for (auto& e : entries_) {
      const auto own_stem = e.file.substr(0, e.file.rfind('.'));
      for (auto& l : e.links) {
        // "its-own-id:task.step": a step of the same plan, written as another's.
        if ((e.plan && e.plan->info.id == l.plan_name) || own_stem == l.plan_name) {
          e.diagnostics.push_back(
              {Severity::error,
               "cross-plan-link",
               "'" + l.spec.target + "' names this plan itself ('" + l.plan_name +
                   "'), not another plan of the folder",
               l.spec.where,
               {},
               "a step of the same plan is written without its plan: 'task.step'"});
          e.plan.reset();
          continue;
        }
        for (std::size_t j = 0; j < entries_.size(); ++j) {
          const auto& other = entries_[j];
          const auto stem = other.file.substr(0, other.file.rfind('.'));
          if ((other.plan && other.plan->info.id == l.plan_name) || stem == l.plan_name) l.plan = j;
        }
        if (!l.plan) {
          e.diagnostics.push_back(
              {Severity::error,
               "unknown-plan",
               "no plan '" + l.plan_name + "' in this folder for '" + l.spec.target + "'",
               l.spec.where,
               {},
               "write PLAN:task.step with the other plan's id or file name"});
          e.plan.reset();
        }
      }
    }
  }

  void apply_links(Entry& e, const std::vector<PortfolioPlan>& done) {
    const auto k = static_cast<std::size_t>(&e - entries_.data());
    for (const auto& l : e.links) {
      const auto& target = done[*l.plan].analysis;
      const auto fail = [&](const std::string& message) {
        e.diagnostics.push_back(
            {Severity::error, "cross-plan-link", message, l.spec.where, {}, {}});
        e.plan.reset();
      };
      if (!target.ok()) {
        fail("'" + l.spec.target + "' is in a plan that could not be scheduled");
        return;
      }
      if (l.spec.type != LinkType::FS && l.spec.type != LinkType::SS) {
        fail("a link to another plan is FS or SS");
        return;
      }
      std::optional<NodeId> node;
      for (NodeId v = 0; v < target.graph->size(); ++v) {
        const auto& step = target.graph->step(*target.plan, v);
        const auto& task = target.plan->tasks[target.graph->nodes[v].task];
        // A task is waited for through its last step (the finish) or first (SS).
        if (step.id == l.target_id ||
            (task.id == l.target_id &&
             (l.spec.type == LinkType::SS ? &step == &task.steps.front()
                                          : &step == &task.steps.back()))) {
          node = v;
        }
      }
      if (!node) {
        fail("'" + l.target_id + "' is not a step or task of plan '" + l.plan_name + "'");
        return;
      }
      const auto& cal = target.schedule->calendar;
      const auto& s = target.schedule->steps[*node];
      const int boundary = l.spec.type == LinkType::SS ? s.es : s.ef;
      const Date date = cal.working_day(std::max(0, boundary + l.spec.lag));
      Constraint c{ConstraintKind::not_before, date,         {}, {},
                   "after " + l.spec.target,   l.spec.where, 0,  0};
      auto& task = e.plan->tasks[l.task];
      auto& waiting = l.step ? task.steps[*l.step] : task.steps.front();
      if (l.step) {
        waiting.constraints.push_back(c);
      } else {
        task.constraints.push_back(c);
      }
      links_of_[k].push_back({*l.plan, *node, l.target_id, waiting.id, date});
    }
  }

  std::vector<Entry> entries_;
  std::vector<std::vector<Applied>> links_of_;
};

}  // namespace

namespace {

/// A workspace.yaml that does not read is an error of the whole portfolio:
/// its committees, people, units, calendar and limits are not applied, so
/// every check across the plans is made without them.
PortfolioFinding workspace_unreadable(const Portfolio& p, const std::string& file) {
  PortfolioFinding f;
  f.kind = "workspace-unreadable";
  f.severity = Severity::error;
  f.subject = file;
  std::optional<Date> first;
  for (const auto& plan : p.plans) {
    if (plan.analysis.ok()) first = std::min(first.value_or(plan.analysis.schedule->start),
                                             plan.analysis.schedule->start);
  }
  f.from = f.to = first.value_or(Date{});
  const auto error = std::find_if(p.shared_diagnostics.begin(), p.shared_diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
  const auto where = error == p.shared_diagnostics.end()
                         ? std::string()
                         : " (line " + std::to_string(error->where.line) + ": " + error->message + ")";
  const auto where_vi = error == p.shared_diagnostics.end()
                            ? std::string()
                            : " (dòng " + std::to_string(error->where.line) + ": " + error->message +
                                  ")";
  f.message_en = file + " cannot be read" + where +
                 ": its committees, people, units, calendar and limits are not applied, so the "
                 "plans are checked without them";
  f.message_vi = "Không đọc được " + file + where_vi +
                 ": các cơ quan họp, người, đơn vị, lịch và giới hạn dùng chung không được áp "
                 "dụng, nên các kế hoạch được kiểm tra mà không có chúng";
  return f;
}

}  // namespace

int Portfolio::plans_read() const {
  return static_cast<int>(std::count_if(plans.begin(), plans.end(),
                                        [](const PortfolioPlan& p) { return p.analysis.ok(); }));
}

Portfolio analyze_portfolio(const std::vector<PortfolioSource>& plans,
                            const std::optional<PortfolioSource>& workspace,
                            const ParseOptions& base) {
  Portfolio p;
  if (workspace) {
    ParseOptions options;
    options.workspace = true;
    auto parsed = parse_plan(workspace->text, options);
    p.shared_diagnostics = std::move(parsed.diagnostics);
    p.shared = std::move(parsed.plan);
    if (p.shared) p.shared->info.file = workspace->name;
  }
  ParseOptions options = base;
  options.workspace = false;
  options.shared = p.shared ? &*p.shared : nullptr;
  CrossPlan cross(plans, options);
  p.plans = cross.schedule();
  if (workspace && !p.shared) p.findings.push_back(workspace_unreadable(p, workspace->name));
  Checker(p).run();
  cross.findings(p);
  return p;
}

}  // namespace tiendo

namespace tiendo {

namespace {

/// `id` of plan number `k`, unique across the portfolio: "p2-id".
std::string prefixed(std::size_t k, const std::string& id) {
  return "p" + std::to_string(k + 1) + "-" + id;
}

}  // namespace

std::optional<Analysis> portfolio_analysis(const Portfolio& portfolio, bool plans_only) {
  Plan all;
  all.info.title = portfolio.shared && !portfolio.shared->info.title.empty()
                       ? portfolio.shared->info.title
                       : "Portfolio";
  bool first = true;
  for (std::size_t k = 0; k < portfolio.plans.size(); ++k) {
    const auto& a = portfolio.plans[k].analysis;
    if (!a.ok()) continue;
    const auto& plan = *a.plan;
    if (first) {
      all.calendar = portfolio.shared ? portfolio.shared->calendar : plan.calendar;
      all.info.lang = plan.info.lang;
      all.info.id = plan.info.lang == "en" ? "Portfolio" : "Danh mục kế hoạch";
      all.info.start = plan.info.start;
      first = false;
    }
    all.info.start = std::min(all.info.start, plan.info.start);
    for (auto e : plan.events) {
      e.id = prefixed(k, e.id);
      all.events.push_back(std::move(e));
    }
    for (const auto& c : plan.committees) {
      if (std::none_of(all.committees.begin(), all.committees.end(),
                       [&](const Committee& x) { return x.id == c.id; })) {
        all.committees.push_back(c);
      }
    }
    const auto row_name = plan.info.id + " — " + plan.info.title;
    if (plans_only) {
      // One row: a step from the plan's first scheduled day to its last.
      const auto& sch = *a.schedule;
      Step whole;
      whole.id = whole.local_id = prefixed(k, "plan");
      whole.name = row_name;
      whole.duration = {static_cast<int>((sch.finish - sch.start).count()) + 1,
                        Duration::Unit::calendar_days};
      whole.constraints.push_back({ConstraintKind::start_on, sch.start, {}, {}, {}, {}, 0, 0});
      Task task;
      task.id = whole.id;
      task.name = whole.name;
      task.steps.push_back(std::move(whole));
      all.tasks.push_back(std::move(task));
      continue;
    }
    // The plan is a group; its own groups go inside it.
    const auto group = prefixed(k, "plan");
    all.groups.push_back({group, row_name, {}, {}});
    for (auto g : plan.groups) {
      g.parent = g.parent.empty() ? group : prefixed(k, g.parent);
      g.id = prefixed(k, g.id);
      all.groups.push_back(std::move(g));
    }
    for (auto task : plan.tasks) {
      const auto own_id = task.id;
      task.id = prefixed(k, task.id);
      task.group = task.group.empty() ? group : prefixed(k, task.group);
      for (auto& l : task.after) l.target = prefixed(k, l.target);
      for (auto& c : task.constraints) {
        if (!c.event.empty()) c.event = prefixed(k, c.event);
      }
      // Each plan keeps its own start.
      task.constraints.push_back(
          {ConstraintKind::not_before, plan.info.start, {}, {}, {}, {}, 0, 0});
      for (auto& s : task.steps) {
        s.id = s.id == own_id ? task.id : task.id + "." + s.local_id;
        // A step of the same task is named by its own id: left as it is.
        for (auto& l : s.after) {
          const bool local = std::any_of(task.steps.begin(), task.steps.end(),
                                         [&](const Step& x) { return x.local_id == l.target; });
          if (!local) l.target = prefixed(k, l.target);
        }
        for (auto& c : s.constraints) {
          if (!c.event.empty()) c.event = prefixed(k, c.event);
        }
      }
      all.tasks.push_back(std::move(task));
    }
  }
  if (first) return std::nullopt;
  return analyze(std::move(all), {});
}

}  // namespace tiendo
