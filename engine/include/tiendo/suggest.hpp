#pragma once
// Did-you-mean: the closest known name within a small edit distance.

#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

/// Edit distance (insertions, deletions, substitutions, and swaps of two
/// neighbouring characters), stopping early once it exceeds `max_distance`.
int edit_distance(std::string_view a, std::string_view b, int max_distance);

/// The candidate closest to `word` (ties: the first in the list), if within
/// max(1, min(3, size/3)) edits; empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tiendo
