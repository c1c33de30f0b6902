// What a verdict rests on: the planner's words the plan could not hold (each
// a warning finding, so it shows wherever findings show), whether the plan
// has anything to check against, and the count of guessed values it assumes.
#include <tiendo/checks.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace tiendo {

namespace {

/// A constraint a schedule can fail: anything but "start no earlier than",
/// which only moves dates.
bool can_be_missed(const Constraint& c) {
  return c.kind != ConstraintKind::not_before;
}

bool has_something_to_check(const Plan& plan) {
  if (!plan.events.empty()) return true;
  const auto any_missable = [](const std::vector<Constraint>& cs) {
    return std::any_of(cs.begin(), cs.end(), can_be_missed);
  };
  for (const auto& task : plan.tasks) {
    if (any_missable(task.constraints)) return true;
    for (const auto& step : task.steps) {
      if (any_missable(step.constraints)) return true;
      // A meeting named by its month or day is a date the step can miss.
      if (step.meeting && (step.meeting->month || step.meeting->date)) return true;
    }
  }
  return false;
}

/// The step a finding about each task is drawn on: the last step of a task
/// that has several (its result, which the task's time was for).
using LastSteps = std::unordered_map<std::string_view, std::string_view>;

LastSteps last_steps(const Plan& plan) {
  LastSteps out;
  out.reserve(plan.tasks.size());
  for (const auto& task : plan.tasks) {
    if (!task.steps.empty()) out.emplace(task.id, task.steps.back().id);
  }
  return out;
}

Finding loss_finding(const LastSteps& last, const Loss& loss) {
  Finding f;
  f.severity = Severity::warning;
  f.where = loss.where;
  if (loss.subject.empty()) {
    f.kind = "document-not-read";
    f.message_en = "part of the document was not read: " + loss.text +
                   "; nothing of it is in the plan, so nothing of it is checked";
    f.message_vi = "Một phần của văn bản chưa được đọc: " + loss.text +
                   "; không có gì của phần này trong kế hoạch, nên chưa được kiểm tra";
    return f;
  }
  f.kind = "time-not-read";
  const auto drawn = last.find(loss.subject);
  f.steps = {drawn == last.end() ? loss.subject : std::string(drawn->second)};
  f.message_en = "'" + loss.subject + "': the time '" + loss.text +
                 "' could not be read, so no date of it is checked; write it as a phrase tiendo "
                 "reads (tiendo explain --phrase) or as a date";
  f.message_vi = "'" + loss.subject + "': thời gian '" + loss.text +
                 "' chưa đọc được, nên không ngày nào của nó được kiểm tra; hãy viết lại bằng "
                 "cụm từ tiendo đọc được hoặc bằng ngày cụ thể";
  return f;
}

}  // namespace

std::vector<Finding> check_trust(const Plan& plan) {
  std::vector<Finding> out;
  out.reserve(plan.losses.size());
  if (plan.losses.empty()) return out;
  const auto last = last_steps(plan);
  for (const auto& loss : plan.losses) out.push_back(loss_finding(last, loss));
  return out;
}

Verdict verdict_of(const Plan& plan, const std::vector<Finding>& findings) {
  Verdict v;
  for (const auto& f : findings) {
    (f.severity == Severity::error ? v.errors : v.warnings) += 1;
    if (f.kind == "time-not-read" || f.kind == "document-not-read") ++v.losses;
  }
  v.guesses = static_cast<int>(plan.guesses.size());
  if (v.errors > 0) {
    v.kind = Verdict::Kind::not_feasible;
  } else if (!has_something_to_check(plan)) {
    v.kind = Verdict::Kind::nothing_to_check;
  }
  return v;
}

}  // namespace tiendo
