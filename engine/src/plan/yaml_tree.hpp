#pragma once
// A small YAML document tree on libyaml's event parser, with the handful of
// node operations the plan reader uses (yaml-cpp's names, so the reader reads
// the same). libyaml parses tens of megabytes a second; yaml-cpp's node
// builder was most of the time of a large plan. The tree is three flat
// arrays, so a plan of 100,000 steps costs a few allocations, not millions.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tiendo::detail::yaml {

/// A position: 0-based line, and 0-based column in code points (libyaml's
/// own count, which is what a caret under Vietnamese text needs).
struct Position {
  int line = -1;
  int column = -1;
  bool is_null() const { return line < 0; }
};

using Mark = Position;

struct Document;
struct Entry;

/// A handle on a node of a Document; an invalid handle stands for a missing
/// key and answers false to every question.
class Node {
 public:
  Node() = default;
  Node(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

  explicit operator bool() const { return doc_ != nullptr; }
  bool IsMap() const;
  bool IsSequence() const;
  bool IsScalar() const;
  bool IsNull() const;
  const std::string& Scalar() const;
  std::size_t size() const;
  Position Mark() const;
  /// The code-point column offset of the scalar's text from its mark, or -1.
  int TextOffset() const;

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
    iterator(const Document* doc, std::uint32_t node, std::size_t i)
        : doc_(doc), node_(node), i_(i) {}
    Entry operator*() const;
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }

   private:
    const Document* doc_;
    std::uint32_t node_;
    std::size_t i_;
  };
  iterator begin() const;
  iterator end() const;

 private:
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

struct Entry : Node {
  Node first, second;
};

struct NodeData {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  bool open = false;         ///< a container whose end is not read yet
  std::uint32_t first = 0;   ///< its children: Document::children[first, first + count)
  std::uint32_t count = 0;   ///< items, or keys and values alternating
  std::uint32_t scalar = 0;  ///< index in Document::scalars
  /// Where its text starts after the mark: 1 for a quoted scalar (the quote);
  /// -1 when columns inside it cannot be told (block scalars, escapes).
  std::int8_t text_offset = 0;
  Position mark;
};

/// A key written twice in one mapping: YAML forbids it, and silently keeping
/// the last would hide the first.
struct DuplicateKey {
  std::string key;
  Position first, second;
};

/// How deeply containers may nest before the document is refused.
inline constexpr std::size_t kMaxDepth = 64;

/// Owns the nodes of one parsed document.
struct Document {
  std::vector<NodeData> nodes;
  std::vector<std::uint32_t> children;  ///< node indexes, grouped by parent
  std::vector<std::string> scalars;     ///< [0] is the empty string
  std::vector<DuplicateKey> duplicate_keys;
  Node root;
};

struct ParserException {
  Mark mark;
  std::string msg;
};

/// Parses the first document of `text`; throws ParserException.
std::shared_ptr<Document> Load(std::string_view text);

}  // namespace tiendo::detail::yaml
