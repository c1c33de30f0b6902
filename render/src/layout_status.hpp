#pragma once
// Status report -> display list: the one-page progress report (A4 portrait).

#include <tiendo/render/render.hpp>

#include "display_list.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

DisplayList layout_status(const Analysis& analysis, const StatusReport& report, Lang lang,
                          const TextMetrics& metrics, const Baseline* baseline = nullptr);

}  // namespace tiendo::render
