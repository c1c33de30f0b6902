#pragma once
// What the server's work may hold in memory (issue 21: at most 100 MB under
// any request). Analysing a plan costs about a kilobyte and a half for each
// key and item of its text (the YAML read, the plan, its schedule, and the
// reports and chart the page gets back), so one text of 5 MB of tasks took
// the server past 1 GB. Two bounds keep it small: a plan the page works
// with is at most 1 MB and 40,000 entries (plans are tens of kilobytes; the
// CLI has no such bound), and the analyses running at once may together be
// estimated at no more than 64 MB: many small ones run side by side, a large
// one runs alone. Measured in docs/reliability.md.

#include <malloc.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tiendo::serve {

inline constexpr std::size_t kMaxPlanBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxPlanEntries = 40'000;
/// What analysing one entry costs, measured through /api/analyze (reports
/// and chart included) on plans of 1,000 to 27,000 tasks; and what any
/// analysis costs before its first entry.
inline constexpr std::size_t kBytesPerEntry = 1536;
inline constexpr std::size_t kBytesPerAnalysis = std::size_t{2} << 20;
/// What the analyses running at once may be estimated at, together.
inline constexpr std::size_t kWorkBudget = std::size_t{64} << 20;

/// The keys and items of a YAML text, counted without parsing it: each ':'
/// and ',' and each line that starts a sequence item. Colons and commas in
/// comments and values count too, which only makes a text look larger.
inline std::size_t entries_of(std::string_view text) {
  std::size_t entries = 0;
  bool line_start = true;
  for (const char c : text) {
    if (c == ':' || c == ',' || (line_start && c == '-')) ++entries;
    if (c == '\n') {
      line_start = true;
    } else if (c != ' ' && c != '\t') {
      line_start = false;
    }
  }
  return entries;
}

/// Why a plan's text is more than the page works with, or nothing.
inline std::optional<std::string> too_large_for_the_page(std::string_view text) {
  const auto entries = entries_of(text);
  if (text.size() <= kMaxPlanBytes && entries <= kMaxPlanEntries) return std::nullopt;
  return "the plan is too large for the page (" + std::to_string(text.size() >> 10) +
         " KB, about " + std::to_string(entries) + " keys and items; the page works with up to " +
         std::to_string(kMaxPlanBytes >> 20) + " MB and " + std::to_string(kMaxPlanEntries) +
         "): use the CLI (tiendo check, tiendo schedule)";
}

/// The estimate of analysing `text`: what a permit of WorkGate asks for.
inline std::size_t analysis_bytes(std::string_view text) {
  return kBytesPerAnalysis + entries_of(text) * kBytesPerEntry;
}

/// Lets work in while the estimates of what runs stay within a budget;
/// the rest waits its turn. An estimate over the budget runs alone.
class WorkGate {
 public:
  explicit WorkGate(std::size_t budget) : budget_(budget) {}

  class Permit {
   public:
    Permit(WorkGate& gate, std::size_t bytes) : gate_(&gate), bytes_(bytes) {}
    Permit(Permit&& other) noexcept
        : gate_(std::exchange(other.gate_, nullptr)), bytes_(other.bytes_) {}
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    Permit& operator=(Permit&&) = delete;
    ~Permit() {
      if (gate_ != nullptr) gate_->leave(bytes_);
    }

    /// The work turned out larger (a plan read with its workspace, or with
    /// the plans its steps wait for): `more` bytes besides. What it held is
    /// given back while it waits, so that two growing permits never wait
    /// for each other.
    void grow(std::size_t more) {
      if (gate_ == nullptr || more == 0) return;
      const auto wanted = bytes_ + more;
      gate_->leave(bytes_);
      bytes_ = gate_->take(wanted);
    }

   private:
    WorkGate* gate_;
    std::size_t bytes_;
  };

  /// Waits until `bytes` fit beside what runs (or nothing runs).
  [[nodiscard]] Permit enter(std::size_t bytes) { return Permit(*this, take(bytes)); }

  /// The one gate of the process: every server's analyses share the memory.
  static WorkGate& analyses() {
    static WorkGate gate(kWorkBudget);
    return gate;
  }

 private:
  /// Waits until `bytes` (at most the budget) fit; what was taken.
  std::size_t take(std::size_t bytes) {
    bytes = std::min(bytes, budget_);
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return used_ + bytes <= budget_; });
    used_ += bytes;
    return bytes;
  }

  void leave(std::size_t bytes) {
    bool idle = false;
    {
      const std::lock_guard lock(mutex_);
      used_ -= bytes;
      idle = used_ == 0;
    }
    room_.notify_all();
    // What the work freed goes back to the system once nothing runs: the
    // allocator keeps freed pages for the next allocation otherwise, and a
    // large analysis would stay in the server's memory for good.
    if (idle) malloc_trim(0);
  }

  std::size_t budget_;
  std::size_t used_ = 0;
  std::mutex mutex_;
  std::condition_variable room_;
};

}  // namespace tiendo::serve
