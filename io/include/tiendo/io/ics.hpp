#pragma once
// The plan as an iCalendar file (RFC 5545), written with libical: one
// all-day VEVENT per deadline, committee meeting (its agenda in the
// description, the day its documents are due as an alarm), event, and, on
// request, per step. UIDs are derived from the plan's and the items' ids, so
// importing the file again updates the events instead of duplicating them.

#include <tiendo/analysis.hpp>
#include <tiendo/io/exchange.hpp>
#include <tiendo/lang.hpp>

#include <cstdint>
#include <optional>

namespace tiendo::io {

struct IcsOptions {
  Lang lang = Lang::vi;
  bool steps = false;  ///< one VEVENT per step's span too
  /// DTSTAMP, seconds since 1970 (UTC); empty: now. Fixed for reproducible files.
  std::optional<std::int64_t> stamp;
};

/// The calendar of an analysed plan (analysis.ok()).
ExportResult export_ics(const Analysis& analysis, const IcsOptions& options = {});

/// The UID of one item: '<kind>/<id>/<plan id>@tiendo', non-ASCII and
/// reserved bytes percent-encoded, so it is stable and plain ASCII.
std::string ics_uid(std::string_view plan_id, std::string_view kind, std::string_view id);

}  // namespace tiendo::io
