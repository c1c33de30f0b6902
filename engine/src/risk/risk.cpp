// Schedule risk by Monte Carlo simulation (docs/risk.md).
#include <tiendo/risk.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

/// A step whose duration is drawn: where it is in the plan and its points.
struct Uncertain {
  std::size_t task = 0, step = 0;
  int low = 0, likely = 0, high = 0;
};

/// A duration drawn between `low` and `high`, most likely `likely`, rounded
/// up to whole days: a step that needs 3.2 days occupies 4, and the chance
/// of finishing within k days is the distribution's at k.
int draw(const Uncertain& u, Distribution distribution, std::mt19937_64& rng) {
  if (u.high <= u.low) return u.low;
  const double a = u.low, m = u.likely, b = u.high;
  double x = m;
  if (distribution == Distribution::pert) {
    const double alpha = 1 + 4 * (m - a) / (b - a);
    const double beta = 1 + 4 * (b - m) / (b - a);
    std::gamma_distribution<double> ga(alpha, 1.0), gb(beta, 1.0);
    const double ya = ga(rng), yb = gb(rng);
    x = a + (b - a) * ya / (ya + yb);
  } else {
    // The triangle's inverse distribution function.
    const double u01 = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const double mode_share = (m - a) / (b - a);
    x = u01 < mode_share ? a + std::sqrt(u01 * (b - a) * (m - a))
                         : b - std::sqrt((1 - u01) * (b - a) * (b - m));
  }
  return std::clamp(static_cast<int>(std::ceil(x - 1e-9)), u.low, u.high);
}

/// The p-th percentile of sorted day numbers (nearest rank).
Date percentile(const std::vector<int>& sorted, double p) {
  const auto n = sorted.size();
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(n)));
  rank = std::clamp<std::size_t>(rank, 1, n);
  return Date{date::days{sorted[rank - 1]}};
}

DateSpread spread_of(std::vector<int>& days, Date planned) {
  std::sort(days.begin(), days.end());
  return {planned, percentile(days, 0.10), percentile(days, 0.50), percentile(days, 0.80),
          percentile(days, 0.90)};
}

int day_number(Date d) {
  return static_cast<int>(d.time_since_epoch().count());
}

}  // namespace

std::optional<Distribution> distribution_named(std::string_view name) {
  if (name == "triangular") return Distribution::triangular;
  if (name == "pert") return Distribution::pert;
  return std::nullopt;
}

std::string_view to_string(Distribution distribution) {
  return distribution == Distribution::pert ? "pert" : "triangular";
}

RiskReport risk_analysis(const Analysis& analysis, const RiskOptions& options) {
  const auto& plan = *analysis.plan;
  const auto& graph = *analysis.graph;
  const auto& planned = *analysis.schedule;
  RiskReport out;
  out.plan_id = plan.info.id;
  out.title = plan.info.title;
  out.options = options;
  out.options.runs = std::clamp(options.runs, 1, 1'000'000);

  std::vector<Uncertain> uncertain;
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    for (std::size_t s = 0; s < plan.tasks[t].steps.size(); ++s) {
      const auto& step = plan.tasks[t].steps[s];
      if (!step.optimistic && !step.pessimistic) continue;
      ++out.uncertain;
      // What is finished or under way has its progress: nothing to draw.
      if (step.progress.reported()) {
        ++out.fixed;
        continue;
      }
      const int likely = step.duration.value;
      uncertain.push_back({t, s, step.optimistic ? step.optimistic->value : likely, likely,
                           step.pessimistic ? step.pessimistic->value : likely});
    }
  }

  struct Watched {
    NodeId node = 0;
    Date deadline{};
    std::string event;
    SourceLocation where;
  };
  std::vector<Watched> watched;
  for (NodeId v = 0; v < graph.size(); ++v) {
    for (auto i = graph.constraint_begin[v]; i < graph.constraint_begin[v + 1]; ++i) {
      const auto& c = graph.constraints[i];
      if (const auto day = deadline_of(c)) watched.push_back({v, *day, c.event, c.where});
    }
  }

  const auto runs = static_cast<std::size_t>(out.options.runs);
  std::vector<int> finishes;
  finishes.reserve(runs);
  std::vector<std::vector<int>> deadline_finishes(watched.size());
  std::vector<int> met(watched.size(), 0), critical(graph.size(), 0);
  int all_met = 0;
  std::mt19937_64 rng(options.seed);
  Plan trial = plan;
  for (std::size_t run = 0; run < runs; ++run) {
    for (const auto& u : uncertain) {
      trial.tasks[u.task].steps[u.step].duration.value = draw(u, out.options.distribution, rng);
    }
    const auto schedule = schedule_plan(trial, graph);
    finishes.push_back(day_number(schedule.finish));
    bool every = true;
    for (std::size_t k = 0; k < watched.size(); ++k) {
      const auto finish = schedule.steps[watched[k].node].finish;
      deadline_finishes[k].push_back(day_number(finish));
      if (finish <= watched[k].deadline) {
        ++met[k];
      } else {
        every = false;
      }
    }
    all_met += every ? 1 : 0;
    for (NodeId v = 0; v < graph.size(); ++v) critical[v] += schedule.steps[v].critical ? 1 : 0;
  }

  const auto share = [&](int count) {
    return static_cast<double>(count) / static_cast<double>(runs);
  };
  out.finish = spread_of(finishes, planned.finish);  // sorts them
  out.finishes.reserve(finishes.size());
  for (const int day : finishes) out.finishes.push_back(Date{date::days{day}});
  out.all_met = share(all_met);
  for (std::size_t k = 0; k < watched.size(); ++k) {
    const auto& w = watched[k];
    const auto& step = graph.step(plan, w.node);
    out.deadlines.push_back({step.id, step.name, w.deadline, w.event, share(met[k]),
                             spread_of(deadline_finishes[k], planned.steps[w.node].finish),
                             w.where});
  }
  std::stable_sort(out.deadlines.begin(), out.deadlines.end(),
                   [](const DeadlineRisk& a, const DeadlineRisk& b) { return a.met < b.met; });
  for (NodeId v = 0; v < graph.size(); ++v) {
    if (critical[v] == 0) continue;
    const auto& step = graph.step(plan, v);
    out.critical.push_back({step.id, step.name, share(critical[v])});
  }
  std::stable_sort(out.critical.begin(), out.critical.end(),
                   [](const StepRisk& a, const StepRisk& b) { return a.critical > b.critical; });
  return out;
}

namespace {

/// "41.6%"; `width` pads it on the left for a column.
std::string percent(double share, int width = 0) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%*.1f%%", width, share * 100);
  return buffer;
}

/// A share in the words a planner uses: "9 trong 10 lần" / "9 runs in 10",
/// "gần như mọi lần" / "almost every run" above 95 %, "không lần nào" /
/// "no run" at 0 and so on; the percentage follows in parentheses.
std::string in_ten(double share, Lang lang) {
  const bool en = lang == Lang::en;
  std::string words;
  if (share >= 1.0) {
    words = en ? "every run" : "mọi lần";
  } else if (share <= 0.0) {
    words = en ? "no run" : "không lần nào";
  } else if (share >= 0.95) {
    words = en ? "almost every run" : "gần như mọi lần";
  } else if (share < 0.05) {
    words = en ? "almost no run" : "gần như không lần nào";
  } else {
    const auto n = std::to_string(static_cast<int>(share * 10 + 0.5));
    words = en ? "about " + n + (n == "1" ? " run in 10" : " runs in 10")
               : "khoảng " + n + " trong 10 lần";
  }
  return words + " (" + percent(share) + ")";
}

}  // namespace

std::string risk_text(const RiskReport& r, Lang lang) {
  const bool en = lang == Lang::en;
  const auto day = [&](Date d) { return format_date(d, lang); };
  std::string out = r.plan_id + " — " + r.title + "\n";
  const bool pert = r.options.distribution == Distribution::pert;
  out += en ? "The plan simulated " + std::to_string(r.options.runs) +
                  " times, each guessed length drawn between its optimistic and pessimistic "
                  "values, the likely one most often (" +
                  (pert ? "PERT" : "triangular") + " distribution, seed " +
                  std::to_string(r.options.seed) + "); "
            : "Kế hoạch được chạy thử " + std::to_string(r.options.runs) +
                  " lần, mỗi lần thời gian của các bước chưa chắc chắn lấy ngẫu nhiên trong khoảng "
                  "từ nhanh nhất đến chậm nhất, hay gặp nhất là thời gian dự kiến (" +
                  (pert ? "phân bố PERT" : "phân bố tam giác") + ", seed " +
                  std::to_string(r.options.seed) + "); ";
  const int drawn = r.uncertain - r.fixed;
  out += en ? std::to_string(drawn) + " step(s) with a range of durations"
            : std::to_string(drawn) + " bước có khoảng thời gian";
  if (r.fixed > 0) {
    out +=
        en ? " (" + std::to_string(r.fixed) + " more finished or under way: their progress holds)"
           : " (thêm " + std::to_string(r.fixed) + " bước đã xong hoặc đang làm: giữ theo tiến độ)";
  }
  out += "\n";
  if (drawn == 0) {
    out += en ? "no step has 'optimistic' or 'pessimistic' (docs/risk.md): the schedule below is "
                "certain\n"
              : "không bước nào có 'optimistic' hay 'pessimistic' (docs/risk.md): lịch dưới đây là "
                "chắc chắn\n";
  }
  // "done by D in half the runs, by D' in 8 of 10, by D'' in 9 of 10 (P50, P80, P90)".
  const auto spread = [&](const DateSpread& s) {
    return en ? "planned " + day(s.planned) + "; done by " + day(s.p50) + " in half the runs, by " +
                    day(s.p80) + " in 8 runs in 10, by " + day(s.p90) +
                    " in 9 in 10 (P50, P80, P90)"
              : "theo kế hoạch " + day(s.planned) + "; nửa số lần xong đến " + day(s.p50) +
                    ", 8 trong 10 lần đến " + day(s.p80) + ", 9 trong 10 lần đến " + day(s.p90) +
                    " (P50, P80, P90)";
  };
  out += (en ? "The plan's finish: " : "Kết thúc kế hoạch: ") + spread(r.finish) + "\n";
  out += (en ? "Every deadline met: " : "Mọi thời hạn đều kịp: ") + in_ten(r.all_met, lang) + "\n";
  std::string always;  // deadlines held in every run: named, not detailed
  std::set<std::string_view> named;
  int held = 0;
  for (const auto& d : r.deadlines) {
    if (d.met >= 1.0) {
      if (named.insert(d.step).second) always += (always.empty() ? "" : ", ") + d.step;
      ++held;
      continue;
    }
    if (held == 0 && &d == &r.deadlines.front()) {
      out += en ? "\nDeadlines at risk, the least likely to hold first:\n"
                : "\nCác thời hạn có rủi ro, khó kịp nhất trước:\n";
    }
    out += "  " + d.name + " (" + d.step + ")" + (en ? ", due " : ", hạn ") + day(d.deadline) +
           (d.event.empty() ? "" : " (" + d.event + ")") + (en ? ": on time " : ": kịp ") +
           in_ten(d.met, lang) + "\n      " + spread(d.finish) + "\n";
  }
  if (held > 0) {
    out += (en ? "\n" + std::to_string(held) + " deadline(s) held in every run: "
               : "\n" + std::to_string(held) + " thời hạn kịp trong mọi lần: ") +
           always + "\n";
  }
  if (!r.critical.empty()) {
    out += en ? "\nThe steps that most often hold up the finish (on the critical path):\n"
              : "\nCác bước hay quyết định ngày kết thúc nhất (nằm trên đường găng):\n";
    const std::size_t shown = std::min<std::size_t>(r.critical.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) {
      out += "  " + r.critical[i].name + " (" + r.critical[i].step +
             "): " + in_ten(r.critical[i].critical, lang) + "\n";
    }
    if (shown < r.critical.size()) {
      out += en ? "  … and " + std::to_string(r.critical.size() - shown) + " more\n"
                : "  … và " + std::to_string(r.critical.size() - shown) + " bước khác\n";
    }
  }
  return out;
}

std::string risk_json(const RiskReport& r) {
  detail::JsonWriter w;
  const auto spread = [&](const DateSpread& s) {
    w.begin_object()
        .member("planned", format_iso(s.planned))
        .member("p10", format_iso(s.p10))
        .member("p50", format_iso(s.p50))
        .member("p80", format_iso(s.p80))
        .member("p90", format_iso(s.p90))
        .end_object();
  };
  w.begin_object()
      .member("format", "tiendo-risk-1")
      .member("plan", r.plan_id)
      .member("runs", r.options.runs)
      .member("seed", static_cast<long long>(r.options.seed))
      .member("distribution", to_string(r.options.distribution))
      .member("uncertain_steps", r.uncertain)
      .member("fixed_by_progress", r.fixed);
  w.key("finish");
  spread(r.finish);
  w.member("all_deadlines_met", r.all_met);
  w.key("deadlines").begin_array();
  for (const auto& d : r.deadlines) {
    w.begin_object()
        .member("step", d.step)
        .member("name", d.name)
        .member("deadline", format_iso(d.deadline));
    if (!d.event.empty()) w.member("event", d.event);
    w.member("met", d.met).member("line", d.where.line);
    w.key("finish");
    spread(d.finish);
    w.end_object();
  }
  w.end_array();
  w.key("critical").begin_array();
  for (const auto& c : r.critical) {
    w.begin_object()
        .member("step", c.step)
        .member("name", c.name)
        .member("share", c.critical)
        .end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

}  // namespace tiendo
