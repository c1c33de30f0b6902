#pragma once
// Streams JSON text with two-space indentation, keys in the order written,
// without building a document in memory: a 20,000-step schedule is written
// in one pass over the engine's arrays. An object inside an array is a
// record and takes one line, so `grep` finds a whole step and a large report
// stays half the size.

#include <utf8proc.h>

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::detail {

class JsonWriter {
 public:
  /// `expected_size`: bytes to reserve, so a large report grows without copies.
  explicit JsonWriter(std::size_t expected_size = 0) { out_.reserve(expected_size); }

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
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out_.append(buffer, end);
    return *this;
  }
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  /// A fraction or a share, to three decimals (0.965).
  JsonWriter& value(double d) {
    element();
    char buffer[32];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed, 3).ptr;
    out_.append(buffer, end);
    return *this;
  }
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
    if (c == '{' && !in_record() && !arrays_.empty() && arrays_.back()) {
      record_depth_ = first_.size() + 1;
    }
    first_.push_back(true);
    arrays_.push_back(c == '[');
    return *this;
  }

  JsonWriter& close(char c) {
    const bool empty = first_.back();
    const bool record = in_record();
    first_.pop_back();
    arrays_.pop_back();
    if (!empty && !record) newline(first_.size());
    out_ += c;
    if (first_.size() < record_depth_) record_depth_ = 0;
    return *this;
  }

  bool in_record() const { return record_depth_ != 0 && first_.size() >= record_depth_; }

  /// Separator and indentation before an element of the current container.
  void element() {
    if (pending_key_) {
      pending_key_ = false;
      return;
    }
    if (first_.empty()) return;
    const bool first = first_.back();
    first_.back() = false;
    if (in_record()) {
      if (!first) out_ += ", ";
      return;
    }
    if (!first) out_ += ',';
    newline(first_.size());
  }

  void newline(std::size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
  }

  void string(std::string_view s) {
    out_ += '"';
    // Runs of bytes that need no escape (nearly all of them) go in at once.
    // Bytes that are not UTF-8 (a phrase typed in another encoding) become
    // U+FFFD: the output stays JSON whatever the input held.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        utf8proc_int32_t code_point = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &code_point);
        if (n > 0) {
          i += static_cast<std::size_t>(n);
          continue;
        }
        out_.append(s, run, i - run);
        out_ += "\uFFFD";
        run = ++i;
        continue;
      }
      ++i;
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, run, i - 1 - run);
      run = i;
      escape(static_cast<char>(c));
    }
    out_.append(s, run, s.size() - run);
    out_ += '"';
  }

  void escape(char c) {
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
      default: {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
        out_ += buffer;
      }
    }
  }

  std::string out_;
  std::vector<bool> first_;       ///< per open container: nothing written in it yet
  std::vector<bool> arrays_;      ///< per open container: an array, not an object
  std::size_t record_depth_ = 0;  ///< depth of the open record, 0 when none
  bool pending_key_ = false;
};

}  // namespace tiendo::detail
