#include "synthetic.hpp"

#include <algorithm>
#include <random>
#include <sstream>

namespace tiendo::bench {

namespace {

std::string task_id(std::size_t t) {
  return 't' + std::to_string(t);
}

}  // namespace

Plan synthetic_plan(const SyntheticOptions& o) {
  std::mt19937 rng(o.seed);
  Plan plan;
  plan.info.id = "SYNTH-" + std::to_string(o.steps);
  plan.info.title = "Synthetic plan of " + std::to_string(o.steps) + " steps";
  plan.info.start = *parse_iso_date("2024-01-08");
  for (const char* h : {"2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03", "2025-01-01",
                        "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02", "2026-01-01"}) {
    plan.calendar.holidays.push_back(*parse_iso_date(h));
  }
  if (!o.common_only) {
    Committee btv;
    btv.id = "BTV";
    btv.submit_lead = 3;
    for (int m = 0; m < 48; ++m) btv.meetings.push_back(plan.info.start + date::days{24 + 30 * m});
    plan.committees.push_back(btv);
  }
  std::uniform_int_distribution<int> task_size(o.min_task_steps, o.max_task_steps);
  std::uniform_int_distribution<int> duration(1, 10);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<int> lag(-2, 3);
  std::uniform_int_distribution<int> gap(0, 3);
  std::vector<std::size_t> steps_of;  // per task
  plan.tasks.reserve(static_cast<std::size_t>(o.steps / std::max(1, o.min_task_steps)) + 1);
  int made = 0;
  for (std::size_t t = 0; made < o.steps; ++t) {
    Task task;
    task.id = task_id(t);
    task.name = "Task " + std::to_string(t);
    const int n = std::min(task_size(rng), o.steps - made);
    task.steps.reserve(static_cast<std::size_t>(n));  // as the plan reader does
    // Links across tasks, on recent tasks of the same programme; the chain
    // inside a task is one more link per step.
    const double cross = std::max(0.0, o.links - 1.0 * (n - 1) / n);
    for (int s = 0; s < n; ++s) {
      Step step;
      step.local_id = "s" + std::to_string(s);
      step.id = task.id + "." + step.local_id;
      step.name = "Step " + std::to_string(s);
      step.duration = {duration(rng), Duration::Unit::working_days};
      // Tasks come in programmes of 100 that link only among themselves, as a
      // province's portfolio does: the plan grows wider, not longer.
      const std::size_t first = t / 100 * 100;
      if (t > first) {
        int k = static_cast<int>(cross);
        if (percent(rng) < static_cast<int>((cross - k) * 100)) ++k;
        step.after.reserve(static_cast<std::size_t>(k));
        std::uniform_int_distribution<std::size_t> earlier(std::max(first, t > 40 ? t - 40 : 0),
                                                           t - 1);
        for (int i = 0; i < k; ++i) {
          const auto target = earlier(rng);
          std::uniform_int_distribution<std::size_t> which(0, steps_of[target] - 1);
          LinkSpec link;
          link.target = task_id(target) + ".s" + std::to_string(which(rng));
          if (o.common_only) {
            link.lag = gap(rng);
          } else {
            const int kind = percent(rng);
            link.type = kind < 70   ? LinkType::FS
                        : kind < 85 ? LinkType::SS
                        : kind < 95 ? LinkType::FF
                                    : LinkType::SF;
            link.lag = lag(rng);
          }
          // One link per pair: TaskJuggler refuses the same dependency twice.
          const bool seen = std::any_of(step.after.begin(), step.after.end(),
                                        [&](const LinkSpec& l) { return l.target == link.target; });
          if (!seen) step.after.push_back(link);
        }
      }
      const int roll = percent(rng);
      if (roll < 3) {
        step.constraints.push_back({ConstraintKind::not_before,
                                    plan.info.start + date::days{7 * (static_cast<int>(t) % 50)},
                                    {},
                                    {},
                                    {},
                                    {}});
      } else if (!o.common_only && roll < 10) {
        step.constraints.push_back({ConstraintKind::due,
                                    plan.info.start + date::days{120 + static_cast<int>(t) % 200},
                                    {},
                                    {},
                                    {},
                                    {}});
      } else if (!o.common_only && roll < 12) {
        const Date from = plan.info.start + date::days{static_cast<int>(t) % 300};
        step.constraints.push_back(
            {ConstraintKind::window, from, from + date::days{40}, {}, {}, {}});
      } else if (!o.common_only && roll < 13 && s > 0) {
        step.kind = StepKind::approval;
        step.duration = {1, Duration::Unit::working_days};
        step.meeting = MeetingRef{"BTV", std::nullopt, std::nullopt, {}, {}};
      }
      task.steps.push_back(std::move(step));
      ++made;
    }
    steps_of.push_back(task.steps.size());
    plan.tasks.push_back(std::move(task));
  }
  return plan;
}

std::string to_yaml(const Plan& plan) {
  std::ostringstream y;
  y << "plan: {id: " << plan.info.id << ", title: \"" << plan.info.title
    << "\", start: " << format_iso(plan.info.start) << "}\n";
  y << "calendar:\n  days_off: [sat, sun]\n  holidays: [";
  for (std::size_t i = 0; i < plan.calendar.holidays.size(); ++i) {
    y << (i ? ", " : "") << format_iso(plan.calendar.holidays[i]);
  }
  y << "]\n";
  if (!plan.committees.empty()) {
    y << "committees:\n  BTV:\n    submit_lead: 3d\n    meetings: [";
    const auto& m = plan.committees[0].meetings;
    for (std::size_t i = 0; i < m.size(); ++i) y << (i ? ", " : "") << format_iso(m[i]);
    y << "]\n";
  }
  y << "tasks:\n";
  for (const auto& task : plan.tasks) {
    y << "  - id: " << task.id << "\n    name: " << task.name << "\n    steps:\n";
    for (const auto& step : task.steps) {
      y << "      - {id: " << step.local_id << ", name: " << step.name;
      if (step.meeting) {
        y << ", at: {committee: BTV}";
      } else {
        y << ", duration: " << step.duration.value << "d";
      }
      if (!step.after.empty()) {
        y << ", after: [";
        for (std::size_t i = 0; i < step.after.size(); ++i) {
          const auto& l = step.after[i];
          y << (i ? ", " : "");
          if (l.type == LinkType::FS && l.lag == 0) {
            y << l.target;
          } else {
            y << "{on: " << l.target << ", type: " << to_string(l.type) << ", lag: " << l.lag
              << "d}";
          }
        }
        y << "]";
      }
      for (const auto& c : step.constraints) {
        if (c.kind == ConstraintKind::window) {
          y << ", window: [" << format_iso(c.date) << ", " << format_iso(c.until) << "]";
        } else {
          y << ", " << to_string(c.kind) << ": " << format_iso(c.date);
        }
      }
      y << "}\n";
    }
  }
  return y.str();
}

std::string to_tjp(const Plan& plan, const std::string& csv_name) {
  std::ostringstream t;
  const Date end = plan.info.start + date::days{3 * 365};
  t << "project synth \"" << plan.info.title << "\" " << format_iso(plan.info.start) << " - "
    << format_iso(end) << " {\n  timezone \"UTC\"\n  timeformat \"%Y-%m-%d %H:%M\"\n}\n";
  for (const Date h : plan.calendar.holidays) t << "leaves holiday \"h\" " << format_iso(h) << "\n";
  for (const auto& task : plan.tasks) {
    t << "task " << task.id << " \"" << task.name << "\" {\n";
    for (const auto& step : task.steps) {
      t << "  task " << step.local_id << " \"" << step.name << "\" {\n";
      t << "    length " << step.duration.value << "d\n";
      // The implied link to the previous step of the task, then the others.
      std::vector<std::string> deps;
      const auto index = &step - task.steps.data();
      if (index > 0) deps.push_back("!" + task.steps[static_cast<std::size_t>(index - 1)].local_id);
      for (const auto& l : step.after) {
        const auto dot = l.target.find('.');
        std::string dep = "!!" + l.target.substr(0, dot) + "." + l.target.substr(dot + 1);
        if (l.lag > 0) dep += " { gaplength " + std::to_string(l.lag) + "d }";
        deps.push_back(dep);
      }
      // "Not before" is a milestone on that date to wait for: TaskJuggler's
      // own `start` would fix the date instead.
      std::string anchor;
      for (const auto& c : step.constraints) {
        if (c.kind == ConstraintKind::not_before) anchor = format_iso(c.date);
      }
      if (!anchor.empty()) deps.push_back("!" + step.local_id + "_nb");
      if (!deps.empty()) {
        t << "    depends ";
        for (std::size_t i = 0; i < deps.size(); ++i) t << (i ? ", " : "") << deps[i];
        t << "\n";
      }
      t << "  }\n";
      if (!anchor.empty()) {
        t << "  task " << step.local_id << "_nb \"not before\" {\n    milestone\n    start "
          << anchor << "\n  }\n";
      }
    }
    t << "}\n";
  }
  t << "taskreport \"" << csv_name << "\" {\n  formats csv\n  columns id, start, end\n"
    << "  hidetask ~isleaf()\n}\n";
  return t.str();
}

std::string to_plantuml(const Plan& plan) {
  std::ostringstream u;
  u << "@startgantt\nProject starts " << format_iso(plan.info.start) << "\n";
  u << "saturday are closed\nsunday are closed\n";
  for (const Date h : plan.calendar.holidays) u << format_iso(h) << " is closed\n";
  for (const auto& task : plan.tasks) {
    for (std::size_t s = 0; s < task.steps.size(); ++s) {
      const auto& step = task.steps[s];
      u << "[" << step.id << "] lasts " << step.duration.value << " days\n";
      if (s > 0) u << "[" << step.id << "] starts at [" << task.steps[s - 1].id << "]'s end\n";
      for (const auto& l : step.after)
        u << "[" << step.id << "] starts at [" << l.target << "]'s end\n";
    }
  }
  u << "@endgantt\n";
  return u.str();
}

}  // namespace tiendo::bench
