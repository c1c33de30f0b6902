#include "xml_part.hpp"

#include <algorithm>
#include <charconv>

#include "read_context.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents::detail {

namespace {

bool starts_utf16(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
         (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0'));
}

}  // namespace

XmlPart::XmlPart(std::string name, std::string bytes, ReadContext& context)
    : name_(std::move(name)), bytes_(std::move(bytes)), lines_(bytes_) {
  // pugixml passes bytes through unchecked; the model promises UTF-8.
  if (!starts_utf16(bytes_)) {
    if (const auto bad = first_invalid_utf8(bytes_)) {
      const auto at = lines_.at(*bad);
      context.fail("invalid-utf8", name_ + ":" + std::to_string(at.line) + ":" +
                                       std::to_string(at.column) + ": the XML is not valid UTF-8");
    }
  }
  // The tree is built whole, so its cost is counted before it is.
  context.count_parse(name_, bytes_, ReadContext::pugixml);
  // parse_ws_pcdata keeps whitespace-only text (<w:t xml:space="preserve"> </w:t>);
  // parse_doctype keeps the DOCTYPE as a node so it can be refused below.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
  const auto result = document_.load_buffer(bytes_.data(), bytes_.size(), options);
  if (!result) {
    const auto at = lines_.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    context.fail("xml-syntax", name_ + ":" + std::to_string(at.line) + ":" +
                                   std::to_string(at.column) + ": the XML is not well-formed (" +
                                   result.description() + ")");
  }
  for (const auto node : document_.children()) {
    if (node.type() == pugi::node_doctype) {
      const auto at =
          lines_.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0)));
      context.fail("xml-doctype", name_ + ":" + std::to_string(at.line) + ":" +
                                      std::to_string(at.column) +
                                      ": a DOCTYPE, which Office documents never have (its "
                                      "entities are how XML bombs are made): refused");
    }
  }
  if (!document_.document_element()) {
    context.fail("xml-syntax", name_ + ": the XML part has no root element");
  }
}

int XmlPart::line_of(pugi::xml_node node) const {
  const auto offset = node.offset_debug();
  return offset < 0 ? 0 : lines_.line(static_cast<std::size_t>(offset));
}

std::unique_ptr<XmlPart> read_xml_part(ZipArchive& zip, std::string_view name,
                                       ReadContext& context) {
  auto bytes = zip.read(name);
  if (!bytes) return nullptr;
  return std::make_unique<XmlPart>(std::string(name), std::move(*bytes), context);
}

Namespace::Namespace(pugi::xml_node root, std::initializer_list<std::string_view> uris) {
  for (const auto uri : uris) uris_.emplace_back(uri);
  for (const auto uri : uris) {
    for (const auto attribute : root.attributes()) {
      const std::string_view name = attribute.name();
      if (attribute.value() != uri) continue;
      if (name == "xmlns") {
        prefix_.clear();
      } else if (name.starts_with("xmlns:")) {
        prefix_ = std::string(name.substr(6)) + ":";
      } else {
        continue;
      }
      declared_ = true;
      return;
    }
  }
}

namespace {

/// The URI bound to `prefix` ("" for the default namespace) where `node` is.
std::string_view namespace_uri(pugi::xml_node node, std::string_view prefix) {
  const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  // The element depth is bounded by the readers' walks, and this is the rare path.
  for (; node; node = node.parent()) {
    if (const auto attribute = node.attribute(declaration.c_str())) return attribute.value();
  }
  return {};
}

}  // namespace

std::string_view Namespace::local_of(std::string_view qualified, pugi::xml_node node,
                                     bool attribute) const {
  if (uris_.empty()) return {};
  const auto colon = qualified.find(':');
  const auto prefix =
      colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
  const auto local = colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
  if (local.find(':') != std::string_view::npos) return {};
  if (declared_ && qualified.size() == prefix_.size() + local.size() &&
      qualified.starts_with(prefix_)) {
    return local;  // the root's prefix: the usual case
  }
  // An unprefixed attribute is in no namespace; SpreadsheetML's are meant
  // when the namespace is the default one.
  if (attribute && prefix.empty()) return {};
  if (prefix == "xmlns") return {};
  const auto uri = namespace_uri(node, prefix);
  for (const auto& accepted : uris_) {
    if (uri == accepted) return local;
  }
  return {};
}

bool Namespace::is(pugi::xml_node node, std::string_view local) const {
  return node.type() == pugi::node_element && local_of(node.name(), node, false) == local &&
         !local.empty();
}

pugi::xml_node Namespace::child(pugi::xml_node node, std::string_view local) const {
  for (const auto child : node.children()) {
    if (is(child, local)) return child;
  }
  return {};
}

std::string_view Namespace::attribute(pugi::xml_node node, std::string_view local) const {
  for (const auto attribute : node.attributes()) {
    if (local_of(attribute.name(), node, true) == local) return attribute.value();
  }
  return {};
}

std::string_view Namespace::local_name(pugi::xml_node node) const {
  if (node.type() != pugi::node_element) return {};
  return local_of(node.name(), node, false);
}

bool xml_true(std::string_view value, bool absent_means) {
  if (value.empty()) return absent_means;
  return value == "1" || value == "true" || value == "on";
}

int xml_int(std::string_view value, int fallback, int lowest, int highest) {
  long long number = 0;
  const auto* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, number);
  if (ec != std::errc{} || ptr != end) return fallback;
  return static_cast<int>(std::clamp<long long>(number, lowest, highest));
}

}  // namespace tiendo::documents::detail
