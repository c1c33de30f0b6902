#pragma once
// Reading values out of the YAML tree with located diagnostics: the shared
// part of the plan reader (plan_reader.cpp) and the progress reader
// (progress_reader.cpp). Internal to the engine.

#include <tiendo/calendar.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/messages.hpp>
#include <tiendo/suggest.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/yaml_tree.hpp"
#include "text/utf8.hpp"

namespace tiendo::detail {

namespace YAML = detail::yaml;

using Keys = std::vector<std::string>;

inline constexpr int kMaxErrors = 50;

/// For a date written the Vietnamese way (30/10/2024, 30-10-2024,
/// 30.10.2024), the ISO spelling to suggest; else a generic example.
inline Message iso_hint(const std::string& value) {
  int day = 0, month = 0, year = 0;
  if (std::sscanf(value.c_str(), "%d-%d-%d", &year, &month, &day) == 3 &&
      (year < kFirstYear || year > kLastYear)) {
    return say("hint:date-years",
               {{"first", std::to_string(kFirstYear)}, {"last", std::to_string(kLastYear)}});
  }
  char s1 = 0, s2 = 0;
  if (std::sscanf(value.c_str(), "%2d%c%2d%c%4d", &day, &s1, &month, &s2, &year) == 5 && s1 == s2 &&
      (s1 == '/' || s1 == '-' || s1 == '.') && year > 999) {
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    if (parse_iso_date(iso)) return say("hint:write-date-as", {{"iso", iso}});
  }
  return say("hint:write-date");
}

/// A day named in a message: 2024-06-05 in English, 05/06/2024 in
/// Vietnamese, as each reader writes it.
inline Message dated(Date d) {
  return {format_iso(d), format_vn(d)};
}

/// A key of the plan named in a message, the same in both languages: 'plan'.
inline Message key_named(std::string_view key) {
  const auto quoted = "'" + std::string(key) + "'";
  return {quoted, quoted};
}

/// A thing of the plan named in a message: thing("task") is "a task", "nhiệm vụ".
inline Message thing(std::string_view what) {
  return say("what:" + std::string(what));
}

/// `what`'s `key`: "a task 'name'", "nhiệm vụ 'name'".
inline Message key_of(const Message& what, std::string_view key) {
  return {what.en + " '" + std::string(key) + "'", what.vi + " '" + std::string(key) + "'"};
}

/// A note said from the catalogue.
inline Note note(SourceLocation where, std::string_view id,
                 std::initializer_list<MessageArg> args = {}) {
  auto m = say(id, args);
  return {std::move(m.en), where, std::move(m.vi)};
}

/// Ids are short names; a longer one is a mistake (a pasted paragraph), and
/// comparing it for suggestions would cost time for nothing.
inline constexpr std::size_t kMaxIdLength = 100;

inline bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

class Reader {
 public:
  explicit Reader(std::string_view source)
      : line_count_(static_cast<std::size_t>(std::count(source.begin(), source.end(), '\n')) + 1) {}

  Diagnostics take_diagnostics() { return std::move(diagnostics_); }
  bool failed() const { return has_errors(diagnostics_); }

  // --- locations -----------------------------------------------------------

  SourceLocation at(const YAML::Mark& mark, int length = 1) const {
    if (mark.is_null() || static_cast<std::size_t>(mark.line) >= line_count_) return {};
    return {mark.line + 1, mark.column + 1, std::max(length, 1)};
  }

  SourceLocation at(const YAML::Node& node) const {
    int length = 1;
    if (node.IsScalar()) length = detail::utf8_length(node.Scalar());
    return at(node.Mark(), length);
  }

  // --- diagnostics ---------------------------------------------------------

  /// An error said by the catalogue's message `id`; its code is the id's.
  void error(SourceLocation where, std::string_view id, std::initializer_list<MessageArg> args = {},
             Message suggestion = {}, std::vector<Note> notes = {}) {
    report(Severity::error, where, std::string(code_of(id)), say(id, args), std::move(suggestion),
           std::move(notes));
  }

  void warning(SourceLocation where, std::string_view id, std::initializer_list<MessageArg> args,
               Severity severity = Severity::warning) {
    report(severity, where, std::string(code_of(id)), say(id, args));
  }

  /// A diagnostic already said in both languages (a phrase's).
  void report(Severity severity, SourceLocation where, std::string code, Message message,
              Message suggestion = {}, std::vector<Note> notes = {}) {
    if (severity == Severity::error) {
      if (diagnostics_.size() == kMaxErrors)
        add(Severity::error, where, "too-many-errors", say("too-many-errors"), {}, {});
      if (diagnostics_.size() > kMaxErrors) return;
    }
    add(severity, where, std::move(code), std::move(message), std::move(suggestion),
        std::move(notes));
  }

  /// The place of bytes [begin, end) of a scalar's text, when its columns
  /// can be told; else the scalar itself.
  SourceLocation inside(const YAML::Node& node, std::uint32_t begin, std::uint32_t end) const {
    const auto offset = node.TextOffset();
    if (offset < 0 || end <= begin || end > node.Scalar().size()) return at(node);
    const std::string_view text = node.Scalar();
    auto where = at(node.Mark());
    where.column += offset + detail::utf8_length(text.substr(0, begin));
    where.length = std::max(1, detail::utf8_length(text.substr(begin, end - begin)));
    return where;
  }

  // --- structure checks ----------------------------------------------------

  /// Reports every key of `map` that is not in `known`, with a suggestion.
  bool check_keys(const YAML::Node& map, const Keys& known, const Message& what) {
    bool ok = true;
    for (const auto& entry : map) {
      const auto& key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        error(at(entry.first), "unknown-key", {{"key", key}, {"what", what}},
              did_you_mean_in_both(key, known));
        ok = false;
      }
    }
    return ok;
  }

  bool expect_map(const YAML::Node& node, const Message& what) {
    if (node.IsMap()) return true;
    error(at(node), "expected-map", {{"what", what}});
    return false;
  }

  bool expect_sequence(const YAML::Node& node, const Message& what) {
    if (node.IsSequence()) return true;
    error(at(node), "expected-list", {{"what", what}});
    return false;
  }

  std::optional<std::string> scalar(const YAML::Node& node, const Message& what) {
    if (node.IsScalar()) return node.Scalar();
    error(at(node), "expected-text", {{"what", what}});
    return std::nullopt;
  }

  std::string text(const YAML::Node& map, const char* key, bool required, const Message& what) {
    const auto node = map[key];
    if (!node) {
      if (required) error(at(map), "missing-key", {{"what", what}, {"key", key}});
      return {};
    }
    if (node.IsNull()) return {};
    if (node.IsScalar()) return node.Scalar();
    return scalar(node, key_of(what, key)).value_or("");
  }

  std::string id(const YAML::Node& map, const char* key, const Message& what) {
    const auto node = map[key];
    if (!node) {
      error(at(map), "missing-key", {{"what", what}, {"key", key}});
      return {};
    }
    const auto value = node.IsScalar() ? node.Scalar() : scalar(node, key_of(what, "id"));
    if (!value) return {};
    if (value->size() > kMaxIdLength) {
      error(at(node), "invalid-id:too-long",
            {{"length", std::to_string(value->size())}, {"most", std::to_string(kMaxIdLength)}});
      return {};
    }
    if (!valid_id(*value)) {
      error(at(node), "invalid-id", {{"id", *value}});
      return {};
    }
    return *value;
  }

  std::optional<Date> date_value(const YAML::Node& node, const Message& what) {
    const auto value = scalar(node, what);
    if (!value) return std::nullopt;
    const auto d = parse_iso_date(*value);
    if (!d) error(at(node), "invalid-date", {{"value", *value}, {"what", what}}, iso_hint(*value));
    return d;
  }

  std::vector<Date> date_list(const YAML::Node& node, const Message& what) {
    std::vector<Date> out;
    if (!node) return out;
    if (!expect_sequence(node, what)) return out;
    for (const auto& item : node) {
      if (const auto d = date_value(item, what)) out.push_back(*d);
    }
    return out;
  }

 private:
  void add(Severity severity, SourceLocation where, std::string code, Message message,
           Message suggestion, std::vector<Note> notes) {
    diagnostics_.push_back({severity, std::move(code), std::move(message.en), where,
                            std::move(notes), std::move(suggestion.en), std::move(message.vi),
                            std::move(suggestion.vi)});
  }

  std::size_t line_count_;  ///< a mark past the last line is no place to point at
  Diagnostics diagnostics_;
};

}  // namespace tiendo::detail
