#pragma once
// PSPLIB's single-mode project files (.sm; Kolisch & Sprecher 1997): the
// jobs' durations and precedences as a plan on a calendar without days off,
// so that a schedule's length in days is the instance's critical-path length.
// Resources are not scheduled by tiendo: they are ignored, with a warning.

#include <tiendo/io/exchange.hpp>

#include <string_view>

namespace tiendo::io {

/// True when `bytes` look like a PSPLIB .sm file.
bool looks_like_psplib(std::string_view bytes);

/// A plan (YAML text) from a PSPLIB .sm file; the header's MPM-Time (the
/// critical-path length) is said in a comment.
ImportResult import_psplib(std::string_view bytes, std::string_view file_name);

}  // namespace tiendo::io
