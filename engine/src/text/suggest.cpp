#include <tiendo/suggest.hpp>

#include <algorithm>
#include <numeric>

namespace tiendo {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  // Lengths further apart than the limit cannot come within it: this keeps a
  // 64,000-character unknown id from costing |a| * |b| against each known id.
  const auto gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > static_cast<std::size_t>(max_distance)) return max_distance + 1;
  // Three rows of the table (optimal string alignment: a swap of two
  // neighbouring letters, 'thnag' for 'thang', is one edit, as people type);
  // O(|a| * |b|) time, O(|b|) memory.
  std::vector<int> before(b.size() + 1);
  std::vector<int> previous(b.size() + 1);
  std::vector<int> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Nobody misspells a word of this length by a letter or two: no suggestion,
  // and no quadratic comparison of long words.
  constexpr std::size_t kLongestWordCompared = 128;
  if (word.size() > kLongestWordCompared) return {};
  const int limit = std::max(1, std::min(3, static_cast<int>(word.size()) / 3));
  int best = limit + 1;
  std::string match;
  for (const auto& candidate : candidates) {
    // The word itself is never a suggestion: "did you mean 'truoc'?" about
    // 'truoc' only says the word was known (the phrase reader compares
    // folded words, so this also keeps 'Trước' from being offered 'truoc').
    if (candidate == word) continue;
    const int d = edit_distance(word, candidate, limit);
    if (d < best) {
      best = d;
      match = candidate;
    }
  }
  return match;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match.empty() ? std::string{} : "did you mean '" + match + "'?";
}

}  // namespace tiendo
