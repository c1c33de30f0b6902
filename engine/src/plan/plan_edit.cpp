// Edits one value of a plan in its text. The YAML tree says where the step
// and its value are (line and code-point column); the value's extent is read
// from the text itself, by the rules of the scalar's style, because the tree
// keeps only where nodes start.
#include "plan/yaml_tree.hpp"

#include <tiendo/plan_edit.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace tiendo {

namespace {

namespace yaml = detail::yaml;

/// Byte offsets of the start of each line, to turn a tree position into an
/// offset in the text.
class Offsets {
 public:
  explicit Offsets(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  /// The byte at `line`, `column` (code points); nullopt outside the text.
  std::optional<std::size_t> at(yaml::Position p) const {
    if (p.is_null() || static_cast<std::size_t>(p.line) >= starts_.size()) return std::nullopt;
    std::size_t i = starts_[static_cast<std::size_t>(p.line)];
    for (int c = 0; c < p.column && i < text_.size() && text_[i] != '\n'; ++c) {
      ++i;
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// The end of a quoted scalar, a flow collection or a plain scalar starting
/// at `begin`; nullopt for a block scalar ('|', '>') or an unterminated one.
std::optional<std::size_t> value_end(std::string_view text, std::size_t begin, bool in_flow) {
  if (begin >= text.size()) return begin;
  const char first = text[begin];
  if (first == '"') {
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '"') {
        return i + 1;
      }
    }
    return std::nullopt;
  }
  if (first == '\'') {
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
      if (text[i] != '\'') continue;
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
    return std::nullopt;
  }
  if (first == '[' || first == '{') {
    int depth = 0;
    for (std::size_t i = begin; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"' || c == '\'') {
        const auto end = value_end(text, i, true);
        if (!end) return std::nullopt;
        i = *end - 1;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return std::nullopt;
  }
  if (first == '|' || first == '>') return std::nullopt;
  std::size_t i = begin;
  for (; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] == '#' && i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    if (in_flow && (text[i] == ',' || text[i] == '}' || text[i] == ']')) break;
  }
  while (i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r')) --i;
  return i;
}

/// `value` as YAML: plain when nothing in it could be read otherwise, else
/// double-quoted.
std::string scalar(std::string_view value) {
  static constexpr std::array<std::string_view, 14> kWords{
      "null",  "Null",  "NULL",  "~",   "true", "True", "TRUE",
      "false", "False", "FALSE", "yes", "no",   "on",   "off"};
  bool plain = !value.empty() && value.front() != ' ' && value.back() != ' ' &&
               std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) == std::string::npos &&
               std::find(kWords.begin(), kWords.end(), value) == kWords.end();
  for (std::size_t i = 0; plain && i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '[' || c == ']' || c == '{' ||
        c == '}' || c == '"' || c == '\'') {
      plain = false;
    }
    if (c == ':' && (i + 1 == value.size() || value[i + 1] == ' ')) plain = false;
    if (c == '#' && i > 0 && value[i - 1] == ' ') plain = false;
  }
  if (plain) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

bool is_list_key(std::string_view key) {
  return key == "after" || key == "assist";
}

/// A list written from "a, b": `[a, b]`.
std::string list(std::string_view value) {
  std::string out = "[";
  std::size_t start = 0;
  bool first = true;
  while (start <= value.size()) {
    auto comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    auto item = value.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      out += (first ? "" : ", ") + scalar(item);
      first = false;
    }
    start = comma + 1;
  }
  return out + "]";
}

/// The map of `step_id` in the plan's tree, or why there is none.
/// The item of a list of mappings whose `id` is `id` (a task, a step, an
/// event); invalid when there is none.
yaml::Node item_with_id(const yaml::Node& list, std::string_view id) {
  if (!list || !list.IsSequence()) return {};
  for (const auto& item : list) {
    const auto node = item.IsMap() ? item["id"] : yaml::Node{};
    if (node && node.IsScalar() && node.Scalar() == id) return item;
  }
  return {};
}

/// The task `task_id` (with or without steps).
yaml::Node find_task(const yaml::Node& root, std::string_view task_id) {
  return item_with_id(root && root.IsMap() ? root["tasks"] : yaml::Node{}, task_id);
}

yaml::Node find_step(const yaml::Node& root, std::string_view step_id, std::string& error) {
  const auto dot = step_id.find('.');
  const auto task_id = step_id.substr(0, dot);
  const auto tasks = root && root.IsMap() ? root["tasks"] : yaml::Node{};
  if (!tasks || !tasks.IsSequence()) {
    error = "the plan has no list of tasks";
    return {};
  }
  const auto task = item_with_id(tasks, task_id);
  if (!task) {
    error = "the plan has no task '" + std::string(task_id) + "'";
    return {};
  }
  const auto steps = task["steps"];
  if (dot == std::string_view::npos) {
    if (steps) error = "task '" + std::string(task_id) + "' has steps: edit one of them";
    return steps ? yaml::Node{} : task;
  }
  const auto step_part = step_id.substr(dot + 1);
  if (auto step = item_with_id(steps, step_part)) return step;
  error = "task '" + std::string(task_id) + "' has no step '" + std::string(step_part) + "'";
  return {};
}

/// The text with [begin, end) replaced.
std::string spliced(std::string_view text, std::size_t begin, std::size_t end,
                    std::string_view with) {
  std::string out(text.substr(0, begin));
  out += with;
  out += text.substr(end);
  return out;
}

/// Removes the entry `key` of the map at `map_at`: its line in a block map
/// (when it has the line to itself), or its `, key: value` in a flow map.
std::optional<std::string> removed(std::string_view text, std::size_t key_at, std::size_t value_to,
                                   bool in_flow) {
  if (in_flow) {
    // The comma before it, or, for the first entry, the one after it.
    std::size_t from = key_at;
    while (from > 0 && (text[from - 1] == ' ' || text[from - 1] == '\t')) --from;
    if (from > 0 && text[from - 1] == ',') return spliced(text, from - 1, value_to, "");
    std::size_t to = value_to;
    while (to < text.size() && (text[to] == ' ' || text[to] == '\t')) ++to;
    if (to < text.size() && text[to] == ',') ++to;
    while (to < text.size() && text[to] == ' ') ++to;
    return spliced(text, key_at, to, "");
  }
  const auto line_start = text.rfind('\n', key_at == 0 ? 0 : key_at - 1);
  const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
  for (std::size_t i = from; i < key_at; ++i) {
    if (text[i] != ' ') return std::nullopt;  // "- id: …": the item's first key
  }
  auto to = text.find('\n', value_to);
  to = to == std::string_view::npos ? text.size() : to + 1;
  return spliced(text, from, to, "");
}

/// The mapping a guess belongs to, or why there is none.
yaml::Node find_subject(const yaml::Node& root, std::string_view kind, std::string_view subject,
                        std::string& error) {
  if (!root || !root.IsMap()) {
    error = "the plan's text is not a mapping";
    return {};
  }
  if (kind == "step") return find_step(root, subject, error);
  if (kind == "plan") return root["plan"];
  if (kind == "task") {
    auto task = find_task(root, subject);
    if (!task) error = "the plan has no task '" + std::string(subject) + "'";
    return task;
  }
  if (kind == "committee") {
    const auto committees = root["committees"];
    auto c = committees && committees.IsMap() ? committees[subject] : yaml::Node{};
    if (!c) error = "the plan has no committee '" + std::string(subject) + "'";
    return c;
  }
  if (kind == "event") {
    auto event = item_with_id(root["events"], subject);
    if (!event) error = "the plan has no event '" + std::string(subject) + "'";
    return event;
  }
  error = "a guess belongs to the plan, an event, a committee, a task or a step, not '" +
          std::string(kind) + "'";
  return {};
}

/// Where the line holding byte `at` starts, and where the line holding byte
/// `last` ends (after its '\n').
std::pair<std::size_t, std::size_t> whole_lines(std::string_view text, std::size_t at,
                                                std::size_t last) {
  const auto before = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const std::size_t from = before == std::string_view::npos ? 0 : before + 1;
  auto to = text.find('\n', last);
  to = to == std::string_view::npos ? text.size() : to + 1;
  return {from, to};
}

/// The keys a `guessed:` value names, with why, in order.
std::vector<std::pair<std::string, std::string>> guessed_entries(const yaml::Node& guessed) {
  std::vector<std::pair<std::string, std::string>> out;
  if (guessed.IsScalar()) {
    out.emplace_back(guessed.Scalar(), "");
  } else if (guessed.IsSequence()) {
    for (const auto& item : guessed) {
      if (item.IsScalar()) out.emplace_back(item.Scalar(), "");
    }
  } else if (guessed.IsMap()) {
    for (const auto& entry : guessed) {
      out.emplace_back(entry.first.Scalar(),
                       entry.second && entry.second.IsScalar() ? entry.second.Scalar() : "");
    }
  }
  return out;
}

/// The two trees are the same, but for their `guessed` entries: confirming a
/// guess must change nothing else (a continuation line left behind could
/// join the value above it).
bool same_but_guesses(const yaml::Node& a, const yaml::Node& b, int depth = 0) {
  if (depth > 200) return false;
  if (a.IsScalar() || b.IsScalar()) return a.IsScalar() && b.IsScalar() && a.Scalar() == b.Scalar();
  if (a.IsSequence() || b.IsSequence()) {
    if (!a.IsSequence() || !b.IsSequence() || a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_but_guesses(a[i], b[i], depth + 1)) return false;
    }
    return true;
  }
  if (a.IsMap() != b.IsMap()) return false;
  if (!a.IsMap()) return a.IsNull() == b.IsNull();
  const auto entries = [](const yaml::Node& m) {
    std::vector<std::pair<yaml::Node, yaml::Node>> out;
    for (const auto& e : m) {
      if (!(e.first.IsScalar() && e.first.Scalar() == "guessed")) out.emplace_back(e.first, e.second);
    }
    return out;
  };
  const auto x = entries(a), y = entries(b);
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!same_but_guesses(x[i].first, y[i].first, depth + 1) ||
        !same_but_guesses(x[i].second, y[i].second, depth + 1)) {
      return false;
    }
  }
  return true;
}

/// `guessed:` written again with `entries`, on one line, at `indent`.
std::string guessed_line(const std::vector<std::pair<std::string, std::string>>& entries,
                         std::size_t indent) {
  std::string out(indent, ' ');
  out += "guessed: {";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += (i ? ", " : "") + scalar(entries[i].first) + ": " +
           (entries[i].second.empty() ? std::string("''") : scalar(entries[i].second));
  }
  return out + "}\n";
}

/// The plan's YAML tree, or null with why (an edit needs a text that parses).
std::shared_ptr<yaml::Document> loaded(std::string_view text, std::string& error) {
  try {
    return yaml::Load(text);
  } catch (const yaml::ParserException& e) {
    error = "the plan's text is not valid YAML (line " + std::to_string(e.mark.line + 1) +
            "): correct it in the text first";
    return nullptr;
  }
}

}  // namespace

PlanEdit confirm_guess(std::string_view text, std::string_view subject_kind,
                       std::string_view subject, std::string_view key) {
  PlanEdit out;
  const auto doc = loaded(text, out.error);
  if (!doc) return out;
  const auto mapping = find_subject(doc->root, subject_kind, subject, out.error);
  if (!mapping) {
    if (out.error.empty()) out.error = "the plan has no '" + std::string(subject_kind) + "'";
    return out;
  }
  yaml::Node key_node, guessed;
  if (mapping.IsMap()) {
    for (const auto& entry : mapping) {
      if (entry.first.IsScalar() && entry.first.Scalar() == "guessed") {
        key_node = entry.first;
        guessed = entry.second;
      }
    }
  }
  auto entries = guessed ? guessed_entries(guessed) : decltype(guessed_entries(guessed)){};
  const auto it =
      std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
  if (it == entries.end()) {
    out.error = "'" + std::string(key) + "' of " + std::string(subject_kind) + " '" +
                std::string(subject) + "' is not a guess";
    return out;
  }
  entries.erase(it);
  const Offsets offsets(text);
  const auto key_at = offsets.at(key_node.Mark());
  if (!key_at || text[offsets.at(mapping.Mark()).value_or(0)] == '{') {
    out.error = "'guessed' is written inside a '{…}': edit it in the text";
    return out;
  }
  // The last byte of the `guessed` entry: its value's end, or the end of
  // its last line for a block mapping or list under it.
  std::size_t last = *key_at;
  if (guessed.IsMap() || guessed.IsSequence()) {
    const auto start = offsets.at(guessed.Mark());
    const bool flow = start && (text[*start] == '{' || text[*start] == '[');
    if (flow) {
      last = value_end(text, *start, true).value_or(*start);
    } else {
      for (const auto& item : guessed) {
        const auto& node = guessed.IsMap() ? item.second : item.first;
        const auto& key_of_item = guessed.IsMap() ? item.first : item.first;
        const auto at = offsets.at((node && !node.Mark().is_null() ? node : key_of_item).Mark());
        if (at) last = std::max(last, value_end(text, *at, false).value_or(*at));
      }
    }
  } else {
    if (const auto at = offsets.at(guessed.Mark())) {
      last = value_end(text, *at, false).value_or(*at);
    }
  }
  const auto [from, to] = whole_lines(text, *key_at, last);
  const auto indent = static_cast<std::size_t>(key_node.Mark().column);
  std::string edited =
      spliced(text, from, to, entries.empty() ? std::string() : guessed_line(entries, indent));
  try {
    const auto again = yaml::Load(edited);
    std::string error;
    const auto changed = find_subject(again->root, subject_kind, subject, error);
    const auto now = changed ? changed["guessed"] : yaml::Node{};
    const auto left = now ? guessed_entries(now) : decltype(entries){};
    if (!changed || left.size() != entries.size() || !same_but_guesses(doc->root, again->root)) {
      out.error = "confirming '" + std::string(key) + "' would not read back: edit it in the text";
      return out;
    }
  } catch (const yaml::ParserException&) {
    out.error = "confirming '" + std::string(key) + "' would break the file's YAML";
    return out;
  }
  out.text = std::move(edited);
  return out;
}

PlanEdit set_step_value(std::string_view text, std::string_view step_id, std::string_view key,
                        std::string_view value) {
  PlanEdit out;
  const auto doc = loaded(text, out.error);
  if (!doc) return out;
  const auto step = find_step(doc->root, step_id, out.error);
  if (!step) return out;
  const Offsets offsets(text);
  const auto map_at = offsets.at(step.Mark());
  if (!map_at) {
    out.error = "cannot tell where step '" + std::string(step_id) + "' is written";
    return out;
  }
  const bool in_flow = text[*map_at] == '{';
  const auto written = is_list_key(key) ? list(value) : scalar(value);

  std::optional<std::string> edited;
  // The entry, if the key is there.
  yaml::Node key_node, value_node;
  for (const auto& entry : step) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      key_node = entry.first;
      value_node = entry.second;
    }
  }
  if (key_node) {
    const auto key_at = offsets.at(key_node.Mark());
    // A key with no value: its value is where the line (or the entry) ends.
    auto from =
        value_node && !value_node.Mark().is_null() ? offsets.at(value_node.Mark()) : std::nullopt;
    if (!key_at || !from) {
      out.error = "cannot tell where '" + std::string(key) + "' is written";
      return out;
    }
    const auto to = value_end(text, *from, in_flow);
    if (!to) {
      out.error = "'" + std::string(key) + "' is written over several lines: edit it in the text";
      return out;
    }
    if (value.empty()) {
      edited = removed(text, *key_at, *to, in_flow);
      if (!edited) {
        out.error = "'" + std::string(key) + "' opens the step: it cannot be removed here";
        return out;
      }
    } else {
      // "key:" with nothing after it: the value needs its space.
      const bool bare = *from > 0 && text[*from - 1] == ':';
      edited = spliced(text, *from, *to, (bare ? " " : "") + written);
    }
  } else if (value.empty()) {
    out.text = std::string(text);  // nothing to remove
    return out;
  } else if (in_flow) {
    const auto close = value_end(text, *map_at, true);
    if (!close) {
      out.error = "cannot find the end of step '" + std::string(step_id) + "'";
      return out;
    }
    std::size_t at = *close - 1;  // the '}'
    while (at > *map_at && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
    edited = spliced(text, at, at, ", " + std::string(key) + ": " + written);
  } else {
    // On a line of its own after `id:`, indented as the map's keys are.
    const auto id = step["id"];
    const auto id_at = offsets.at(id.Mark());
    auto line_end = id_at ? text.find('\n', *id_at) : std::string_view::npos;
    const std::size_t insert_at = line_end == std::string_view::npos ? text.size() : line_end + 1;
    const std::string indent(static_cast<std::size_t>(step.Mark().column), ' ');
    std::string line = indent + std::string(key) + ": " + written + "\n";
    if (line_end == std::string_view::npos) line = "\n" + line;
    edited = spliced(text, insert_at, insert_at, line);
  }

  // The edited text must parse and hold the value; else nothing changes.
  try {
    const auto again = yaml::Load(*edited);
    std::string error;
    const auto changed = find_step(again->root, step_id, error);
    const auto now = changed ? changed[key] : yaml::Node{};
    const bool holds = value.empty()      ? !now
                       : is_list_key(key) ? now && now.IsSequence()
                                          : now && now.IsScalar() && now.Scalar() == value;
    if (!holds) {
      out.error = "the edit of '" + std::string(key) + "' would not read back as written";
      return out;
    }
  } catch (const yaml::ParserException&) {
    out.error = "the edit of '" + std::string(key) + "' would break the file's YAML";
    return out;
  }
  // The planner wrote this value (or removed it): it is no longer a guess.
  if (auto confirmed = confirm_guess(*edited, "step", step_id, key); confirmed.ok()) {
    edited = std::move(confirmed.text);
  }
  out.text = std::move(*edited);
  return out;
}

}  // namespace tiendo
