// Three-point estimates: the risk analysis (docs/risk.md) samples each
// step's duration between its optimistic and pessimistic values.
#include "plan/estimate_reader.hpp"

#include <tiendo/parse.hpp>

namespace tiendo::detail {

namespace {

std::string days_text(const Duration& d) {
  return std::to_string(d.value) + (d.elapsed() ? "cd" : "d");
}

const char* unit_words(const Duration& d) {
  return d.elapsed() ? "calendar days" : "working days";
}

}  // namespace

void read_step_estimate(Reader& r, const yaml::Node& item, Step& step) {
  const auto read = [&](const char* key) -> std::optional<Duration> {
    const auto node = item[key];
    if (!node) return std::nullopt;
    const auto value = r.scalar(node, std::string("'") + key + "'").value_or("");
    const auto d = parse_duration(value);
    if (!d) {
      r.error(r.at(node), "invalid-duration", "'" + value + "' is not a duration",
              "write it as the step's duration is written, e.g. '4d'");
      return std::nullopt;
    }
    if (step.meeting || step.duration.is_milestone()) {
      r.error(r.at(node), "invalid-duration",
              step.meeting ? "an approval at a committee meeting takes the meeting day: it has "
                             "no range of durations"
                           : "a milestone takes no time: it has no range of durations",
              "remove '" + std::string(key) + "'");
      return std::nullopt;
    }
    if (d->unit != step.duration.unit) {
      r.error(r.at(node), "invalid-duration",
              std::string("'") + key + "' counts " + unit_words(*d) + " but the duration " +
                  days_text(step.duration) + " counts " + unit_words(step.duration),
              step.duration.elapsed() ? "write e.g. '3cd'" : "write e.g. '3d'");
      return std::nullopt;
    }
    return d;
  };
  step.optimistic = read("optimistic");
  step.pessimistic = read("pessimistic");
  if (step.optimistic && step.optimistic->value > step.duration.value) {
    r.error(r.at(item["optimistic"]), "invalid-duration",
            "optimistic " + days_text(*step.optimistic) + " is longer than the most likely " +
                days_text(step.duration) + " ('duration')",
            "the optimistic duration is the shortest the step can take");
    step.optimistic.reset();
  }
  if (step.pessimistic && step.pessimistic->value < step.duration.value) {
    r.error(r.at(item["pessimistic"]), "invalid-duration",
            "pessimistic " + days_text(*step.pessimistic) + " is shorter than the most likely " +
                days_text(step.duration) + " ('duration')",
            "the pessimistic duration is the longest the step can take");
    step.pessimistic.reset();
  }
}

}  // namespace tiendo::detail
