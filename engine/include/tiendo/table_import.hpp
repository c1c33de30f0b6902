#pragma once
// `tiendo import`: the task table that ends a Vietnamese plan (STT, NỘI
// DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ TRÌ, THỜI GIAN THỰC HIỆN), as planners
// paste it from Word or Excel, turned into a plan file they can finish.

#include <tiendo/diagnostics.hpp>

#include <string>
#include <string_view>

namespace tiendo {

struct ImportResult {
  std::string yaml;         ///< the plan, with a comment on every guess
  Diagnostics diagnostics;  ///< why nothing could be read, if so
  int tasks = 0;
  int steps = 0;
};

/// Reads TSV, CSV (RFC 4180 quotes), or tab-separated rows whose cells hold
/// HTML list fragments (<p>, <ul><li>). Columns are found by loose header
/// matching. In a content cell, items after " - " (or <li>) are the task's
/// steps; in the time cell, the first item is the task's own time when there
/// is one item more than steps, and the others pair with the steps in order.
ImportResult import_table(std::string_view text, std::string_view title);

}  // namespace tiendo
