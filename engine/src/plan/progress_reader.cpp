// Progress keys: each value is a day or a progress phrase
// (progress_phrase.cpp); contradictions are errors at the key, a day written
// without its year is a note saying which year it was taken in.
#include "plan/progress_reader.hpp"

#include <tiendo/progress.hpp>

namespace tiendo::detail {

namespace {

void note_year(Reader& r, const yaml::Node& node, Date day) {
  r.warning(r.at(node), "progress-year-assumed", {{"value", node.Scalar()}, {"day", dated(day)}},
            Severity::note);
}

std::optional<Date> day_value(Reader& r, const yaml::Node& node, std::string_view key,
                              const PhraseContext& context) {
  const auto value = r.scalar(node, key_named(key));
  if (!value) return std::nullopt;
  bool year_assumed = false;
  const auto day = read_progress_day(*value, context, year_assumed);
  if (!day) {
    r.error(r.at(node), "invalid-date:progress", {{"value", *value}, {"key", std::string(key)}},
            iso_hint(*value));
    return std::nullopt;
  }
  if (year_assumed) note_year(r, node, *day);
  return day;
}

/// `progress:` a percentage or a phrase; what it says is merged with the
/// other keys, and a contradiction between them is an error.
void read_progress_value(Reader& r, const yaml::Node& node, Progress& p,
                         const PhraseContext& context) {
  const auto value = r.scalar(node, key_named("progress"));
  if (!value) return;
  const auto reading = read_progress_phrase(*value, context);
  if (!reading.ok()) {
    r.error(r.at(node), "invalid-progress", {{"error", Message{reading.error, reading.error_vi}}},
            {reading.suggestion, reading.suggestion_vi});
    return;
  }
  const auto& q = reading.progress;
  if (reading.year_assumed) {
    note_year(r, node, q.done ? *q.done : *q.started);
  }
  const auto merge = [&](std::optional<Date>& mine, const std::optional<Date>& theirs,
                         SourceLocation& at, const char* key) {
    if (!theirs) return;
    if (mine && *mine != *theirs) {
      r.error(r.at(node), "progress-contradiction",
              {{"said", dated(*theirs)}, {"key", key}, {"day", dated(*mine)}}, say("hint:keep-one"),
              {note(at, "note:written-here", {{"key", key}})});
      return;
    }
    mine = theirs;
    at = r.at(node);
  };
  merge(p.started, q.started, p.started_at, "started");
  merge(p.done, q.done, p.done_at, "done");
  p.percent = q.percent;
  p.underway = q.underway && !p.started;
}

}  // namespace

void read_step_progress(Reader& r, const yaml::Node& item, Step& step,
                        const PhraseContext& context) {
  auto& p = step.progress;
  for (const char* key : kProgressKeys) {
    if (const auto node = item[key]; node && !p.where.known()) p.where = r.at(item[key]);
  }
  if (const auto node = item["started"]) {
    p.started = day_value(r, node, "started", context);
    p.started_at = r.at(node);
  }
  if (const auto node = item["done"]) {
    p.done = day_value(r, node, "done", context);
    p.done_at = r.at(node);
  }
  if (const auto node = item["progress"]) read_progress_value(r, node, p, context);
  if (const auto node = item["remaining"]) {
    const auto value = r.scalar(node, key_named("remaining")).value_or("");
    const auto d = parse_duration(value);
    if (!d || d->elapsed() != step.duration.elapsed()) {
      r.error(r.at(node), "invalid-duration:remaining", {{"value", value}},
              say(step.duration.elapsed() ? "hint:remaining-calendar-days"
                                          : "hint:remaining-working-days"));
    } else {
      p.remaining = d->value;
    }
  }
  if (p.started && p.done && *p.done < *p.started) {
    r.error(p.done_at, "done-before-started",
            {{"step", step.id}, {"done", dated(*p.done)}, {"started", dated(*p.started)}}, {},
            {note(p.started_at, "note:started-here")});
  }
  if (p.done && p.remaining.value_or(0) > 0) {
    r.error(r.at(item["remaining"]), "progress-contradiction:remaining",
            {{"step", step.id}, {"days", std::to_string(*p.remaining)}},
            say("hint:remove-remaining-or-done"));
  }
  if (p.done && p.percent && *p.percent < 100) {
    r.error(p.done_at, "progress-contradiction:percent",
            {{"step", step.id}, {"percent", std::to_string(*p.percent)}}, say("hint:progress-100"));
  }
}

std::optional<Date> read_status_date(Reader& r, const yaml::Node& node,
                                     const PhraseContext& context) {
  return day_value(r, node, "status_date", context);
}

void settle_status_date(Reader& r, Plan& plan, const ParseOptions& options) {
  if (options.status_date) plan.info.status_date = options.status_date;
  if (!reports_progress(plan)) return;
  if (!plan.info.status_date) plan.info.status_date = options.today;
  if (!plan.info.status_date) {
    // A library caller gave no day: the latest the plan reports.
    Date latest = plan.info.start;
    for (const auto& task : plan.tasks) {
      for (const auto& step : task.steps) {
        latest = std::max(
            {latest, step.progress.started.value_or(latest), step.progress.done.value_or(latest)});
      }
    }
    plan.info.status_date = latest;
  }
  const Date status = *plan.info.status_date;
  for (const auto& task : plan.tasks) {
    for (const auto& step : task.steps) {
      const auto& p = step.progress;
      const auto future = [&](const std::optional<Date>& day, SourceLocation at, const char* id) {
        if (day && *day > status) {
          r.error(at, id, {{"step", step.id}, {"day", dated(*day)}, {"status", dated(status)}},
                  say("hint:status-date"));
        }
      };
      future(p.started, p.started_at, "actual-in-future:started");
      future(p.done, p.done_at, "actual-in-future");
    }
  }
}

}  // namespace tiendo::detail
