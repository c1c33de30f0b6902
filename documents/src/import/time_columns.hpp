#pragma once
// Tables that say a time in more than one column: a column of dates beside
// a column of day counts ("105 ngày", under "Số ngày … trước ngày bầu
// cử"), a "Thời gian" and a "Hạn". The header alone cannot tell which is
// the day: what the cells hold does.

#include <tiendo/calendar.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/table_layout.hpp"
#include "import/table_set.hpp"

namespace tiendo::documents::import {

/// Every day a text names, in order: "30/9/2020", "30-9-2020", "ngày 29
/// tháng 3 năm 2024"; a day without a year ("10/10") in `year` (none when
/// `year` is 0). "10/2024"
/// (a month), "12/KH-UBND" and "45/2021/KH" (numbers) name no day.
std::vector<Date> dates_in(std::string_view text, int year);

/// The days a count says, signed (before an event: negative): "105 ngày",
/// "Trước 10 ngày", "sau 3 ngày"; a bare "105" only when `bare_numbers`
/// (under a header that says "Số ngày"). nullopt for anything else.
std::optional<int> offset_days(std::string_view text, bool after_by_default, bool bare_numbers);

/// What an offset column counts from, from its header: "ngày bầu cử" in
/// "Số ngày thực hiện trước ngày bầu cử"; empty when the header does not say.
std::string offset_event(const std::string& label);

/// The header counts days after its event ("sau ngày …"), not before.
bool offset_after(const std::string& label);

/// The roles corrected by what the cells hold: a time column of day counts
/// is an offset column, and the next column of times is then the time
/// column; a column of dates whose header names no time is a time column
/// not read (kept as notes, and said).
void settle_time_columns(const std::vector<Segment>& parts, Layout& layout);

}  // namespace tiendo::documents::import
