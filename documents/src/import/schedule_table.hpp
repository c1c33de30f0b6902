#pragma once
// Tables where the dates are the cells: a schedule whose first column is the
// day ("Thứ ba / 22/5" · Nội dung công việc; a day cell spanning rows beside a
// session cell "Sáng"/"Chiều"), and a table whose rows are named by their
// first cells and whose columns are dates ("HỌC KỲ I: Ngày bắt đầu HK ·
// Ngày kết thúc HK").

#include "import/body_times.hpp"
#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

/// A table whose first column, under its header, is the day of each row.
bool is_day_table(const Table& table);

/// Whether the document holds one (its schedule, which the task table's
/// reader would take for a content and a time column).
bool has_day_table(const Document& document);

/// Each item of a day's content cell is a task on that day, in a group per
/// day (inside the group `parent`, when not empty: the heading over the
/// table); `year` completes a day written without one.
void read_day_table(const Table& table, const DocumentYear& year, PlanDraft& draft,
                    const std::string& parent = {});

/// A table whose columns (under a header of one or two rows) hold dates:
/// each row a task named by its other cells, each date column (or a start
/// column and the end column beside it) a step.
bool is_date_column_table(const Table& table);
void read_date_column_table(const Table& table, const DocumentYear& year, PlanDraft& draft,
                            const std::string& parent = {});

/// Whether the document holds a table of dates with a start column and the
/// end column beside it ("Từ ngày" · "Đến ngày"): one span per row, which the
/// task table's reader would take for two sayings of one time.
bool has_span_column_table(const Document& document);

}  // namespace tiendo::documents::import
