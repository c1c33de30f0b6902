#include "plan/yaml_tree.hpp"

#include "text/utf8.hpp"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace tiendo::detail::yaml {

namespace {

const std::string kEmpty;

bool null_scalar(const yaml_event_t& e, std::string_view value) {
  if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

Position position(const yaml_mark_t& m) {
  return {static_cast<int>(m.line), static_cast<int>(m.column)};
}

/// The line and code-point column of a byte offset: libyaml's reader reports
/// invalid UTF-8 and control characters by offset only.
Position position_of_offset(std::string_view text, std::size_t offset) {
  Position p{0, 0};
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;  // a continuation byte does not start a code point
    }
  }
  return p;
}

/// Keys that appear twice in the map whose keys and values are
/// children[first, first + count) alternating.
void find_duplicate_keys(Document& doc, std::uint32_t first, std::uint32_t count) {
  const auto key_text = [&](std::uint32_t i) -> const std::string* {
    const auto& k = doc.nodes[doc.children[first + i]];
    if (k.kind == NodeData::Kind::map || k.kind == NodeData::Kind::sequence) return nullptr;
    return &doc.scalars[k.scalar];
  };
  const auto report = [&](std::uint32_t earlier, std::uint32_t later) {
    doc.duplicate_keys.push_back({*key_text(later), doc.nodes[doc.children[first + earlier]].mark,
                                  doc.nodes[doc.children[first + later]].mark});
  };
  // A step's map has a handful of keys: compare them pairwise, without the
  // allocation a hash table costs on each of a million maps.
  constexpr std::uint32_t kPairwise = 2 * 16;
  if (count <= kPairwise) {
    for (std::uint32_t i = 2; i < count; i += 2) {
      const auto* key = key_text(i);
      for (std::uint32_t j = 0; key != nullptr && j < i; j += 2) {
        const auto* other = key_text(j);
        if (other != nullptr && *other == *key) {
          report(j, i);
          break;
        }
      }
    }
    return;
  }
  std::unordered_map<std::string_view, std::uint32_t> seen;
  for (std::uint32_t i = 0; i < count; i += 2) {
    const auto* key = key_text(i);
    if (key == nullptr) continue;
    const auto [it, inserted] = seen.emplace(*key, i);
    if (!inserted) report(it->second, i);
  }
}

/// Owns the libyaml parser and the current event.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~Parser() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  /// The next event; false on a syntax error (see error()).
  bool next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_;
  }
  const yaml_event_t& event() const { return event_; }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

}  // namespace

namespace {

const NodeData* data_of(const Document* doc, std::uint32_t index) {
  return doc ? &doc->nodes[index] : nullptr;
}

}  // namespace

bool Node::IsMap() const {
  const auto* d = data_of(doc_, index_);
  return d && d->kind == NodeData::Kind::map;
}
bool Node::IsSequence() const {
  const auto* d = data_of(doc_, index_);
  return d && d->kind == NodeData::Kind::sequence;
}
bool Node::IsScalar() const {
  const auto* d = data_of(doc_, index_);
  return d && (d->kind == NodeData::Kind::scalar || d->kind == NodeData::Kind::null);
}
bool Node::IsNull() const {
  const auto* d = data_of(doc_, index_);
  return d && d->kind == NodeData::Kind::null;
}
const std::string& Node::Scalar() const {
  return doc_ ? doc_->scalars[doc_->nodes[index_].scalar] : kEmpty;
}
std::size_t Node::size() const {
  if (!doc_) return 0;
  const auto& d = doc_->nodes[index_];
  return d.kind == NodeData::Kind::map ? d.count / 2 : d.count;
}
Position Node::Mark() const {
  return doc_ ? doc_->nodes[index_].mark : Position{};
}
int Node::TextOffset() const {
  return doc_ ? doc_->nodes[index_].text_offset : -1;
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return Node{};
  const auto& d = doc_->nodes[index_];
  for (std::uint32_t i = d.first; i < d.first + d.count; i += 2) {
    const auto& k = doc_->nodes[doc_->children[i]];
    if (k.kind != NodeData::Kind::map && k.kind != NodeData::Kind::sequence &&
        doc_->scalars[k.scalar] == key) {
      return Node{doc_, doc_->children[i + 1]};
    }
  }
  return Node{};
}

Node Node::operator[](std::size_t i) const {
  if (!IsSequence() || i >= size()) return Node{};
  return Node{doc_, doc_->children[doc_->nodes[index_].first + i]};
}

Entry Node::iterator::operator*() const {
  Entry e;
  const auto* doc = doc_;
  const auto& d = doc->nodes[node_];
  if (d.kind == NodeData::Kind::map) {
    e.first = Node{doc, doc->children[d.first + 2 * i_]};
    e.second = Node{doc, doc->children[d.first + 2 * i_ + 1]};
    static_cast<Node&>(e) = e.second;
  } else {
    static_cast<Node&>(e) = Node{doc, doc->children[d.first + i_]};
  }
  return e;
}

Node::iterator Node::begin() const {
  return {doc_, index_, 0};
}
Node::iterator Node::end() const {
  return {doc_, index_, size()};
}

std::shared_ptr<Document> Load(std::string_view text) {
  auto doc = std::make_shared<Document>();
  auto& nodes = doc->nodes;
  // About one node per 8 bytes of a plan file: one allocation, mostly.
  nodes.reserve(text.size() / 8 + 16);
  doc->children.reserve(text.size() / 8 + 16);
  doc->scalars.reserve(text.size() / 12 + 16);
  doc->scalars.emplace_back();
  Parser parser(text);
  // The children of the open containers, innermost last; `open` holds where
  // each open container's children start in `pending`.
  std::vector<std::uint32_t> pending;
  std::vector<std::pair<std::uint32_t, std::size_t>> open;
  std::map<std::string, std::uint32_t, std::less<>> anchors;
  std::optional<std::uint32_t> root;

  const auto add = [&](std::uint32_t node) {
    if (open.empty()) {
      if (!root) root = node;
    } else {
      pending.push_back(node);
    }
  };
  const auto anchor = [&](const unsigned char* name, std::uint32_t node) {
    if (name != nullptr) anchors[reinterpret_cast<const char*>(name)] = node;
  };
  const auto new_node = [&](NodeData::Kind kind, const yaml_event_t& ev) {
    const auto index = static_cast<std::uint32_t>(nodes.size());
    auto& node = nodes.emplace_back();
    node.kind = kind;
    node.mark = position(ev.start_mark);
    return index;
  };

  for (;;) {
    if (!parser.next()) {
      const auto& p = parser.parser();
      ParserException e;
      e.mark = p.error == YAML_READER_ERROR ? position_of_offset(text, p.problem_offset)
                                            : position(p.problem_mark);
      e.msg = p.problem ? p.problem : "syntax error";
      if (p.context) e.msg = std::string(p.context) + ": " + e.msg;
      throw e;
    }
    const auto& ev = parser.event();
    switch (ev.type) {
      case YAML_STREAM_END_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        if (ev.type == YAML_STREAM_END_EVENT || root) {
          if (root) doc->root = Node{doc.get(), *root};
          return doc;
        }
        break;
      case YAML_SCALAR_EVENT: {
        const std::string_view value(reinterpret_cast<const char*>(ev.data.scalar.value),
                                     ev.data.scalar.length);
        const auto index =
            new_node(null_scalar(ev, value) ? NodeData::Kind::null : NodeData::Kind::scalar, ev);
        if (!value.empty()) {
          nodes[index].scalar = static_cast<std::uint32_t>(doc->scalars.size());
          doc->scalars.emplace_back(value);
        }
        // Columns inside the text can be told for a one-line scalar written
        // as it reads (plain, or quoted without escapes).
        const auto style = ev.data.scalar.style;
        const bool one_line = ev.start_mark.line == ev.end_mark.line;
        const bool quoted =
            style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        const auto written = static_cast<int>(ev.end_mark.column - ev.start_mark.column);
        const bool as_written = written == detail::utf8_length(value) + (quoted ? 2 : 0);
        nodes[index].text_offset = static_cast<std::int8_t>(
            !one_line || !as_written || (style != YAML_PLAIN_SCALAR_STYLE && !quoted) ? -1
            : quoted                                                                  ? 1
                                                                                      : 0);
        anchor(ev.data.scalar.anchor, index);
        add(index);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (open.size() >= kMaxDepth) {
          // libyaml's scanner slows down with depth (quadratically), and no
          // plan nests deeper than a handful of levels.
          throw ParserException{position(ev.start_mark),
                                "nesting deeper than " + std::to_string(kMaxDepth) + " levels"};
        }
        const bool sequence = ev.type == YAML_SEQUENCE_START_EVENT;
        const auto index = new_node(sequence ? NodeData::Kind::sequence : NodeData::Kind::map, ev);
        nodes[index].open = true;
        anchor(sequence ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor, index);
        add(index);
        open.emplace_back(index, pending.size());
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        const auto [index, from] = open.back();
        open.pop_back();
        auto& node = nodes[index];
        node.open = false;
        node.first = static_cast<std::uint32_t>(doc->children.size());
        node.count = static_cast<std::uint32_t>(pending.size() - from);
        doc->children.insert(doc->children.end(), pending.begin() + static_cast<long>(from),
                             pending.end());
        pending.resize(from);
        if (node.kind == NodeData::Kind::map) find_duplicate_keys(*doc, node.first, node.count);
        break;
      }
      case YAML_ALIAS_EVENT: {
        const auto it = anchors.find(reinterpret_cast<const char*>(ev.data.alias.anchor));
        if (it == anchors.end()) {
          throw ParserException{position(ev.start_mark), "unknown alias"};
        }
        // A container holding itself would send the reader round forever.
        if (nodes[it->second].open) {
          throw ParserException{position(ev.start_mark), "alias of a node that contains it"};
        }
        add(it->second);
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace tiendo::detail::yaml
