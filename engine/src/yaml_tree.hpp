#pragma once
// A small YAML document tree on libyaml's event parser, with the handful of
// node operations the plan reader uses (yaml-cpp's names, so the reader reads
// the same). libyaml parses tens of megabytes a second; yaml-cpp's node
// builder was most of the time of a large plan.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiendo::detail::yaml {

/// A position: 0-based line, and column in bytes from the line's start.
struct Position {
  int pos = -1;
  int line = -1;
  int column = -1;
  bool is_null() const { return line < 0; }
};

using Mark = Position;

struct NodeData;
struct Entry;

/// A handle on a node of a Document; an invalid handle stands for a missing
/// key and answers false to every question.
class Node {
 public:
  Node() = default;
  explicit Node(const NodeData* data) : data_(data) {}

  explicit operator bool() const { return data_ != nullptr; }
  bool IsMap() const;
  bool IsSequence() const;
  bool IsScalar() const;
  bool IsNull() const;
  const std::string& Scalar() const;
  std::size_t size() const;
  Position Mark() const;

  /// The value of a key in a map (invalid if absent).
  Node operator[](std::string_view key) const;
  Node operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  /// The i-th item of a sequence.
  Node operator[](std::size_t i) const;
  Node operator[](int i) const { return (*this)[static_cast<std::size_t>(i)]; }

  /// Iterating a map gives entries with `first` (key) and `second` (value);
  /// iterating a sequence gives entries that are the items themselves.
  class iterator {
   public:
    iterator(const NodeData* data, std::size_t i) : data_(data), i_(i) {}
    Entry operator*() const;
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }

   private:
    const NodeData* data_;
    std::size_t i_;
  };
  iterator begin() const;
  iterator end() const;

 private:
  const NodeData* data_ = nullptr;
};

struct Entry : Node {
  Node first, second;
};

struct NodeData {
  enum class Kind { null, scalar, sequence, map } kind = Kind::null;
  std::string scalar;
  std::vector<const NodeData*> items;                                ///< sequence items
  std::vector<std::pair<const NodeData*, const NodeData*>> entries;  ///< map entries
  Position mark;
};

/// Owns the nodes of one parsed document.
struct Document {
  std::deque<NodeData> nodes;  ///< stable addresses
  Node root;
};

struct ParserException {
  Mark mark;
  std::string msg;
};

/// Parses the first document of `text`; throws ParserException.
std::shared_ptr<Document> Load(std::string_view text);

}  // namespace tiendo::detail::yaml
