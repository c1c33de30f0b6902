#pragma once
// What the exports say about a plan's items, the same way in every format:
// people's and units' names for the ids a task gives, steps' labels.

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>

#include <string>
#include <string_view>

namespace tiendo::io {

/// The name of the person `id` names, or `id` itself when it is free text.
std::string person_name(const Plan& plan, std::string_view id);
/// The name of the unit `id` names, or `id` itself.
std::string unit_name(const Plan& plan, std::string_view id);
/// The committee's name, or its id when it has none.
std::string committee_name(const Committee& committee);

/// "Task: step", or the task's name alone for a one-step task.
std::string step_label(const Task& task, const Step& step);

/// dd/mm/yyyy (vi) or YYYY-MM-DD (en).
std::string format_day(Date day, Lang lang);

/// The day a committee's documents are due for a meeting: `submit_lead`
/// working days before it, on the schedule's calendar.
Date documents_due(const Schedule& schedule, const Committee& committee, Date meeting);

/// The status a table shows for a step: its findings' worst severity.
enum class StepStatus { ok, warning, error };
StepStatus step_status(const Analysis& analysis, std::string_view step_id);
std::string_view to_string(StepStatus status, Lang lang);

}  // namespace tiendo::io
