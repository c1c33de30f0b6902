#pragma once
// The head of every chart page: the plan's title (bold, up to two lines) and
// a muted line under it saying what the chart is.

#include <string>
#include <vector>

#include "display_list.hpp"

namespace tiendo::render {

struct TitleBlock {
  std::string title;
  std::string subtitle;
  double x = 0, y = 0, width = 0;
  double title_height = 0;  ///< the title's lines times their height
  int title_lines = 1;
};

void add_title_block(std::vector<Op>& ops, const TitleBlock& block);

/// The title asked for on the command line, else the plan's own.
inline std::string chart_title(const std::string& asked, const std::string& plan_title) {
  return asked.empty() ? plan_title : asked;
}

}  // namespace tiendo::render
