#pragma once
// What the plan commands share: their arguments, reading and analysing the
// plan (with the status date and a baseline), and where output goes.

#include <tiendo/analysis.hpp>
#include <tiendo/lang.hpp>
#include <tiendo/progress.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tiendo::cli {

inline constexpr int kOk = 0;
inline constexpr int kFindings = 1;
inline constexpr int kBadInput = 2;

struct Args {
  std::string plan_path;
  std::string format;
  std::string lang;
  std::string output;
  // Charts.
  std::string from, to, status_date, title, scale = "auto", page, group_by = "task", columns;
  double dpi = 150;
  int year = 0;
  bool lenient = false;
  bool strict = false;
  std::string phrase;
  bool guesses = false;  ///< explain --guesses
  bool critical_only = false;
  bool no_links = false;
  std::string links = "auto";
  std::string level = "tasks";  ///< gantt of a folder: plans | tasks
  std::string fit = "none";     ///< gantt --fit: none | page | slide
  // Progress.
  std::string baseline;          ///< --baseline NAME: compare with PLAN.baseline.json's NAME
  std::string name = "adopted";  ///< baseline save --name
  std::vector<std::string> delays, cancelled_meetings, moved_events;  ///< whatif
  // Risk.
  int runs = 2000;
  std::uint64_t seed = 1;
  std::string distribution = "triangular";
  std::string chart;  ///< risk --chart FILE: the finish's spread drawn
};

/// The name diagnostics give the plan: its path, or "<stdin>" for "-".
std::string display_name(const std::string& path);

/// Today's date on this machine: the status date of a plan that reports
/// progress without naming one.
Date today();

struct LoadedPlan {
  Analysis analysis;
  std::optional<Baseline> baseline;  ///< --baseline's, when given
  std::optional<BaselineComparison> comparison;
};

/// Reads and analyses the plan (with --status-date and --baseline); prints
/// diagnostics. nullopt: bad input.
std::optional<LoadedPlan> load_plan(const Args& args);

/// load_plan's analysis alone.
std::optional<Analysis> load(const Args& args);

Lang pick_lang(const Args& args, const Analysis& analysis);

int emit(const Args& args, std::string_view text);

}  // namespace tiendo::cli
