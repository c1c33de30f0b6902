#pragma once
// The last sweep of an import: every date the document names that the draft
// holds nowhere (no task's time, name or note, no title, no date of issue)
// is said, so that no verdict stands over a date the import passed by.

#include <set>
#include <string>
#include <vector>

#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

/// Adds a warning `date-not-read` for each paragraph, and each cell of a
/// table the import read, that names a date the draft does not hold; the
/// plan keeps them under its `not_read`. Citations ("Căn cứ …", "Thực hiện
/// Kế hoạch số … ngày …") and what comes after "Nơi nhận" are not plan dates.
void report_unread_dates(const Document& document, PlanDraft& draft);

/// The days a text names as written ("30/8/2024", "ngày 30 tháng 8"), each
/// as "30/8": on folded text, without a cited document's date.
std::vector<std::string> days_named(const std::string& folded_text);

/// The days ("30/5") the draft's task and step times name.
std::set<std::string> days_held(const PlanDraft& draft);

}  // namespace tiendo::documents::import
