// `guessed:` and `not_read:`: the plan's own account of what it did not take
// from the planner's words, so that a verdict can say how far it holds.
#include "plan/guess_reader.hpp"

#include <tiendo/suggest.hpp>

namespace tiendo::detail {

namespace {

/// The keys of `mapping` a guess may name: every one but `guessed` itself.
Keys guessable_keys(const yaml::Node& mapping) {
  Keys keys;
  for (const auto& entry : mapping) {
    if (entry.first.Scalar() != "guessed" && entry.first.Scalar() != "not_read")
      keys.push_back(entry.first.Scalar());
  }
  return keys;
}

void add_guess(Reader& r, const yaml::Node& mapping, const yaml::Node& key_node,
               const std::string& why, std::string_view subject_kind, const std::string& subject,
               std::vector<Guess>& guesses) {
  const auto& key = key_node.Scalar();
  const auto value = key == "guessed" || key == "not_read" ? yaml::Node() : mapping[key];
  if (!value) {
    r.error(r.at(key_node), "unknown-guess",
            {{"key", key}, {"what", thing("kind-" + std::string(subject_kind))}},
            did_you_mean_in_both(key, guessable_keys(mapping)));
    return;
  }
  Guess g;
  g.subject_kind = std::string(subject_kind);
  g.subject = subject;
  g.key = key;
  g.value = value.IsScalar() ? value.Scalar() : std::string();
  g.why = why;
  g.where = r.at(value);
  g.entry = r.at(key_node);
  guesses.push_back(std::move(g));
}

}  // namespace

void read_guessed(Reader& r, const yaml::Node& mapping, std::string_view subject_kind,
                  const std::string& subject, std::vector<Guess>& guesses) {
  const auto node = mapping["guessed"];
  if (!node || node.IsNull()) return;
  if (node.IsScalar()) {  // `guessed: duration`, one key
    add_guess(r, mapping, node, {}, subject_kind, subject, guesses);
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (r.scalar(item, thing("guessed-key"))) {
        add_guess(r, mapping, item, {}, subject_kind, subject, guesses);
      }
    }
  } else {
    for (const auto& entry : node) {
      std::string why;
      if (entry.second && !entry.second.IsNull()) {
        why = r.scalar(entry.second, say("what:why-guessed", {{"key", entry.first.Scalar()}}))
                  .value_or("");
      }
      add_guess(r, mapping, entry.first, why, subject_kind, subject, guesses);
    }
  }
}

void read_not_read(Reader& r, const yaml::Node& mapping, const std::string& subject,
                   std::vector<Loss>& losses) {
  const auto node = mapping["not_read"];
  if (!node || node.IsNull()) return;
  const auto add = [&](const yaml::Node& item) {
    if (const auto text = r.scalar(item, thing("not-read"))) {
      if (!text->empty()) losses.push_back({subject, *text, r.at(item)});
    }
  };
  if (node.IsSequence()) {
    for (const auto& item : node) add(item);
  } else {
    add(node);
  }
}

}  // namespace tiendo::detail
