#pragma once
// Streams JSON text with two-space indentation, keys in the order written,
// without building a document in memory: a 20,000-step schedule is written
// in one pass over the engine's arrays.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::detail {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  /// The next member's key (inside an object).
  JsonWriter& key(std::string_view k) {
    element();
    string(k);
    out_ += ": ";
    pending_key_ = true;
    return *this;
  }

  JsonWriter& value(std::string_view s) {
    element();
    string(s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n) {
    element();
    out_ += std::to_string(n);
    return *this;
  }
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(long n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(bool b) {
    element();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonWriter& null() {
    element();
    out_ += "null";
    return *this;
  }
  template <typename T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  JsonWriter& value(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    return end_array();
  }

  /// key + value in one call.
  template <typename T>
  JsonWriter& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

  std::string finish() { return std::move(out_) + "\n"; }

 private:
  JsonWriter& open(char c) {
    element();
    out_ += c;
    first_.push_back(true);
    return *this;
  }

  JsonWriter& close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline(first_.size());
    out_ += c;
    return *this;
  }

  /// Separator and indentation before an element of the current container.
  void element() {
    if (pending_key_) {
      pending_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline(first_.size());
  }

  void newline(std::size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
  }

  void string(std::string_view s) {
    out_ += '"';
    for (const char c : s) {
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
            out_ += buffer;
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;  ///< per open container: nothing written in it yet
  bool pending_key_ = false;
};

}  // namespace tiendo::detail
