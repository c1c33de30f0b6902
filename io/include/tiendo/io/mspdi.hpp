#pragma once
// MS Project's XML exchange format (MSPDI), with pugixml: tasks as summary
// tasks and their steps as subtasks, links with their type and lag,
// constraints, deadlines, milestones, the calendar with its exceptions, people
// and units as resources and text fields; and the same read back into a plan.
// docs/exchange.md has the mapping and what is approximated.

#include <tiendo/analysis.hpp>
#include <tiendo/io/exchange.hpp>

#include <string_view>

namespace tiendo::io {

/// The project file of an analysed plan (analysis.ok()).
ExportResult export_mspdi(const Analysis& analysis);

/// True when `bytes` look like an MSPDI file (an XML document whose root is
/// <Project> in MS Project's namespace).
bool looks_like_mspdi(std::string_view bytes);

/// A plan (YAML text) from an MSPDI file. Errors (malformed XML, unknown link
/// types or lag formats) name the element and its line; approximations (hours
/// rounded to days, elapsed lags, shifts) are warnings.
ImportResult import_mspdi(std::string_view bytes, std::string_view file_name);

}  // namespace tiendo::io
