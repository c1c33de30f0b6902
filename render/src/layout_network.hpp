#pragma once
// Dependency graph -> display list for the activity-on-node network.

#include <tiendo/render/render.hpp>

#include "display_list.hpp"
#include "text_metrics.hpp"

namespace tiendo::render {

DisplayList layout_network(const Analysis& analysis, const NetworkOptions& options,
                           const TextMetrics& metrics, PageSize page);

}  // namespace tiendo::render
