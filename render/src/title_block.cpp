#include "title_block.hpp"

#include "style.hpp"

namespace tiendo::render {

void add_title_block(std::vector<Op>& ops, const TitleBlock& b) {
  using namespace style;
  ops.push_back(TextOp{b.x,
                       b.y,
                       b.width,
                       b.title_height,
                       b.title,
                       Font{kTitleSize, true, false},
                       kInk,
                       Align::left,
                       b.title_lines,
                       {"title", {}}});
  ops.push_back(TextOp{b.x,
                       b.y + b.title_height + 2,
                       b.width,
                       14,
                       b.subtitle,
                       Font{kSubtitleSize, false, false},
                       kMutedInk,
                       Align::left,
                       1,
                       {"subtitle", {}}});
}

}  // namespace tiendo::render
