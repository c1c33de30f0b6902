#include "yaml_tree.hpp"

#include <yaml.h>

#include <map>

namespace tiendo::detail::yaml {

namespace {

const std::string kEmpty;

bool null_scalar(const yaml_event_t& e, const std::string& value) {
  if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

/// libyaml counts columns in characters; the reader wants bytes. Marks come
/// in increasing order, so the walk resumes where the last one stopped: one
/// pass over each line, whatever the number of nodes on it.
class MarkMapper {
 public:
  explicit MarkMapper(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Position operator()(const yaml_mark_t& m) {
    Position out;
    out.line = static_cast<int>(m.line);
    out.pos = static_cast<int>(m.index);
    if (m.line >= line_starts_.size()) {
      out.column = static_cast<int>(m.column);
      return out;
    }
    if (m.line != line_ || m.column < chars_) {
      line_ = m.line;
      chars_ = 0;
      byte_ = line_starts_[m.line];
    }
    while (chars_ < m.column && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) {
        ++byte_;
      }
      ++chars_;
    }
    out.column = static_cast<int>(byte_ - line_starts_[m.line]);
    return out;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::size_t line_ = SIZE_MAX, chars_ = 0, byte_ = 0;
};

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

bool Node::IsMap() const {
  return data_ && data_->kind == NodeData::Kind::map;
}
bool Node::IsSequence() const {
  return data_ && data_->kind == NodeData::Kind::sequence;
}
bool Node::IsScalar() const {
  return data_ && (data_->kind == NodeData::Kind::scalar || data_->kind == NodeData::Kind::null);
}
bool Node::IsNull() const {
  return data_ && data_->kind == NodeData::Kind::null;
}
const std::string& Node::Scalar() const {
  return data_ ? data_->scalar : kEmpty;
}
std::size_t Node::size() const {
  if (!data_) return 0;
  return data_->kind == NodeData::Kind::map ? data_->entries.size() : data_->items.size();
}
Position Node::Mark() const {
  return data_ ? data_->mark : Position{};
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return Node{};
  for (const auto& [k, v] : data_->entries) {
    if (k->scalar == key) return Node{v};
  }
  return Node{};
}

Node Node::operator[](std::size_t i) const {
  if (!IsSequence() || i >= data_->items.size()) return Node{};
  return Node{data_->items[i]};
}

Entry Node::iterator::operator*() const {
  Entry e;
  if (data_->kind == NodeData::Kind::map) {
    e.first = Node{data_->entries[i_].first};
    e.second = Node{data_->entries[i_].second};
    static_cast<Node&>(e) = e.second;
  } else {
    static_cast<Node&>(e) = Node{data_->items[i_]};
  }
  return e;
}

Node::iterator Node::begin() const {
  return {data_, 0};
}
Node::iterator Node::end() const {
  return {data_, size()};
}

std::shared_ptr<Document> Load(std::string_view text) {
  auto doc = std::make_shared<Document>();
  MarkMapper mark_of(text);
  Parser parser(text);
  std::vector<NodeData*> stack;
  std::vector<const NodeData*> pending_key;  // per open map: a key waiting for its value
  std::map<std::string, const NodeData*> anchors;
  const NodeData* root = nullptr;

  const auto add = [&](const NodeData* node) {
    if (stack.empty()) {
      if (root == nullptr) root = node;
      return;
    }
    NodeData* parent = stack.back();
    if (parent->kind == NodeData::Kind::sequence) {
      parent->items.push_back(node);
    } else if (pending_key.back() == nullptr) {
      pending_key.back() = node;
    } else {
      parent->entries.emplace_back(pending_key.back(), node);
      pending_key.back() = nullptr;
    }
  };
  const auto anchor = [&](const unsigned char* name, const NodeData* node) {
    if (name != nullptr) anchors[reinterpret_cast<const char*>(name)] = node;
  };

  for (;;) {
    if (!parser.next()) {
      const auto& p = parser.parser();
      ParserException e;
      e.mark = mark_of(p.problem_mark);
      e.msg = p.problem ? p.problem : "syntax error";
      if (p.context) e.msg = std::string(p.context) + ": " + e.msg;
      throw e;
    }
    const auto& ev = parser.event();
    switch (ev.type) {
      case YAML_STREAM_END_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        if (ev.type == YAML_STREAM_END_EVENT || root != nullptr) {
          doc->root = Node{root};
          return doc;
        }
        break;
      case YAML_SCALAR_EVENT: {
        auto& node = doc->nodes.emplace_back();
        node.scalar.assign(reinterpret_cast<const char*>(ev.data.scalar.value),
                           ev.data.scalar.length);
        node.kind = null_scalar(ev, node.scalar) ? NodeData::Kind::null : NodeData::Kind::scalar;
        node.mark = mark_of(ev.start_mark);
        anchor(ev.data.scalar.anchor, &node);
        add(&node);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        auto& node = doc->nodes.emplace_back();
        node.kind =
            ev.type == YAML_SEQUENCE_START_EVENT ? NodeData::Kind::sequence : NodeData::Kind::map;
        node.mark = mark_of(ev.start_mark);
        anchor(ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor
                                                    : ev.data.mapping_start.anchor,
               &node);
        add(&node);
        stack.push_back(&node);
        pending_key.push_back(nullptr);
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        stack.pop_back();
        pending_key.pop_back();
        break;
      case YAML_ALIAS_EVENT: {
        const auto it = anchors.find(reinterpret_cast<const char*>(ev.data.alias.anchor));
        if (it == anchors.end()) {
          throw ParserException{mark_of(ev.start_mark), "unknown alias"};
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
