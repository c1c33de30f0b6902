#pragma once
// Reading values out of the YAML tree with located diagnostics: the shared
// part of the plan reader (plan_reader.cpp) and the progress reader
// (progress_reader.cpp). Internal to the engine.

#include <tiendo/calendar.hpp>
#include <tiendo/diagnostics.hpp>
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
inline std::string iso_hint(const std::string& value) {
  int day = 0, month = 0, year = 0;
  if (std::sscanf(value.c_str(), "%d-%d-%d", &year, &month, &day) == 3 &&
      (year < kFirstYear || year > kLastYear)) {
    return "dates run from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear);
  }
  char s1 = 0, s2 = 0;
  if (std::sscanf(value.c_str(), "%2d%c%2d%c%4d", &day, &s1, &month, &s2, &year) == 5 && s1 == s2 &&
      (s1 == '/' || s1 == '-' || s1 == '.') && year > 999) {
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    if (parse_iso_date(iso)) return std::string("write it as ") + iso;
  }
  return "write it as e.g. 2024-10-25";
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

  void error(SourceLocation where, std::string code, std::string message,
             std::string suggestion = {}, std::vector<Note> notes = {}) {
    if (diagnostics_.size() == kMaxErrors) {
      diagnostics_.push_back(
          {Severity::error, "too-many-errors", "too many errors; stopping here", where, {}, {}});
    }
    if (diagnostics_.size() > kMaxErrors) return;
    diagnostics_.push_back({Severity::error, std::move(code), std::move(message), where,
                            std::move(notes), std::move(suggestion)});
  }

  void warning(SourceLocation where, std::string code, std::string message,
               Severity severity = Severity::warning) {
    diagnostics_.push_back({severity, std::move(code), std::move(message), where, {}, {}});
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
  bool check_keys(const YAML::Node& map, const Keys& known, std::string_view what) {
    bool ok = true;
    for (const auto& entry : map) {
      const auto& key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        error(at(entry.first), "unknown-key", "unknown key '" + key + "' in " + std::string(what),
              did_you_mean(key, known));
        ok = false;
      }
    }
    return ok;
  }

  bool expect_map(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    error(at(node), "expected-map", std::string(what) + " must be a mapping of keys to values");
    return false;
  }

  bool expect_sequence(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) return true;
    error(at(node), "expected-list", std::string(what) + " must be a list");
    return false;
  }

  std::optional<std::string> scalar(const YAML::Node& node, std::string_view what) {
    if (node.IsScalar()) return node.Scalar();
    error(at(node), "expected-text", std::string(what) + " must be a single value");
    return std::nullopt;
  }

  std::string text(const YAML::Node& map, const char* key, bool required, std::string_view what) {
    const auto node = map[key];
    if (!node) {
      if (required) {
        error(at(map), "missing-key", std::string(what) + " needs '" + key + "'");
      }
      return {};
    }
    if (node.IsNull()) return {};
    if (node.IsScalar()) return node.Scalar();
    return scalar(node, std::string(what) + " '" + key + "'").value_or("");
  }

  std::string id(const YAML::Node& map, const char* key, std::string_view what) {
    const auto node = map[key];
    if (!node) {
      error(at(map), "missing-key", std::string(what) + " needs '" + key + "'");
      return {};
    }
    const auto value = node.IsScalar() ? node.Scalar() : scalar(node, std::string(what) + " id");
    if (!value) return {};
    if (value->size() > kMaxIdLength) {
      error(at(node), "invalid-id",
            "an id of " + std::to_string(value->size()) + " characters; ids are at most " +
                std::to_string(kMaxIdLength));
      return {};
    }
    if (!valid_id(*value)) {
      error(at(node), "invalid-id",
            "id '" + *value + "' may hold only ASCII letters, digits, '-' and '_'");
      return {};
    }
    return *value;
  }

  std::optional<Date> date_value(const YAML::Node& node, std::string_view what) {
    const auto value = scalar(node, what);
    if (!value) return std::nullopt;
    const auto d = parse_iso_date(*value);
    if (!d) {
      error(at(node), "invalid-date",
            "'" + *value + "' is not a date; " + std::string(what) + " takes YYYY-MM-DD",
            iso_hint(*value));
    }
    return d;
  }

  std::vector<Date> date_list(const YAML::Node& node, std::string_view what) {
    std::vector<Date> out;
    if (!node) return out;
    if (!expect_sequence(node, what)) return out;
    for (const auto& item : node) {
      if (const auto d = date_value(item, what)) out.push_back(*d);
    }
    return out;
  }

 private:
  std::size_t line_count_;  ///< a mark past the last line is no place to point at
  Diagnostics diagnostics_;
};

}  // namespace tiendo::detail
