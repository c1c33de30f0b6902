#include "plan_text.hpp"

#include <algorithm>

namespace tiendo::io {

std::string person_name(const Plan& plan, std::string_view id) {
  const auto it = std::find_if(plan.people.begin(), plan.people.end(),
                               [&](const Person& p) { return p.id == id; });
  return it == plan.people.end() || it->name.empty() ? std::string(id) : it->name;
}

std::string unit_name(const Plan& plan, std::string_view id) {
  const auto it =
      std::find_if(plan.units.begin(), plan.units.end(), [&](const Unit& u) { return u.id == id; });
  return it == plan.units.end() || it->name.empty() ? std::string(id) : it->name;
}

std::string committee_name(const Committee& committee) {
  return committee.name.empty() ? committee.id : committee.name;
}

std::string step_label(const Task& task, const Step& step) {
  if (task.steps.size() == 1 && step.name == task.name) return task.name;
  return task.name + ": " + step.name;
}

std::string format_day(Date day, Lang lang) {
  return lang == Lang::vi ? format_vn(day) : format_iso(day);
}

Date documents_due(const Schedule& schedule, const Committee& committee, Date meeting) {
  const int boundary = schedule.calendar.start_boundary(meeting);
  return schedule.calendar.working_day(std::max(0, boundary - committee.submit_lead));
}

StepStatus step_status(const Analysis& analysis, std::string_view step_id) {
  auto status = StepStatus::ok;
  for (const auto& f : analysis.findings) {
    if (std::find(f.steps.begin(), f.steps.end(), step_id) == f.steps.end()) continue;
    if (f.severity == Severity::error) return StepStatus::error;
    if (f.severity == Severity::warning) status = StepStatus::warning;
  }
  return status;
}

std::string_view to_string(StepStatus status, Lang lang) {
  const bool vi = lang == Lang::vi;
  switch (status) {
    case StepStatus::ok:
      return vi ? "đúng hạn" : "on time";
    case StepStatus::warning:
      return vi ? "cảnh báo" : "warning";
    case StepStatus::error:
      return vi ? "lỗi" : "error";
  }
  return {};
}

}  // namespace tiendo::io
