// Three-point estimates: the risk analysis (docs/risk.md) samples each
// step's duration between its optimistic and pessimistic values.
#include "plan/estimate_reader.hpp"

#include <tiendo/parse.hpp>

namespace tiendo::detail {

namespace {

std::string days_text(const Duration& d) {
  return std::to_string(d.value) + (d.elapsed() ? "cd" : "d");
}

Message unit_words(const Duration& d) {
  return say(d.elapsed() ? "what:calendar-days" : "what:working-days");
}

}  // namespace

void read_step_estimate(Reader& r, const yaml::Node& item, Step& step) {
  const auto read = [&](const char* key) -> std::optional<Duration> {
    const auto node = item[key];
    if (!node) return std::nullopt;
    const auto value = r.scalar(node, key_named(key)).value_or("");
    const auto d = parse_duration(value);
    if (!d) {
      r.error(r.at(node), "invalid-duration", {{"value", value}}, say("hint:estimate-duration"));
      return std::nullopt;
    }
    if (step.meeting || step.duration.is_milestone()) {
      r.error(r.at(node),
              step.meeting ? "invalid-duration:approval-range" : "invalid-duration:milestone-range",
              {}, say("hint:remove-key", {{"key", key}}));
      return std::nullopt;
    }
    if (d->unit != step.duration.unit) {
      r.error(r.at(node), "invalid-duration:estimate-unit",
              {{"key", key},
               {"unit", unit_words(*d)},
               {"duration", days_text(step.duration)},
               {"duration_unit", unit_words(step.duration)}},
              say("hint:write-example", {{"example", step.duration.elapsed() ? "3cd" : "3d"}}));
      return std::nullopt;
    }
    return d;
  };
  step.optimistic = read("optimistic");
  step.pessimistic = read("pessimistic");
  if (step.optimistic && step.optimistic->value > step.duration.value) {
    r.error(r.at(item["optimistic"]), "invalid-duration:optimistic",
            {{"optimistic", days_text(*step.optimistic)}, {"duration", days_text(step.duration)}},
            say("hint:optimistic"));
    step.optimistic.reset();
  }
  if (step.pessimistic && step.pessimistic->value < step.duration.value) {
    r.error(r.at(item["pessimistic"]), "invalid-duration:pessimistic",
            {{"pessimistic", days_text(*step.pessimistic)}, {"duration", days_text(step.duration)}},
            say("hint:pessimistic"));
    step.pessimistic.reset();
  }
}

}  // namespace tiendo::detail
