#pragma once
// An XML part of a zip package, parsed with pugixml, with what every reader
// needs around it: the part's name and lines for messages, and namespace
// prefixes resolved from the root so that readers match elements by
// namespace, whatever prefix the writer chose.

#include <pugixml.hpp>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace tiendo::documents::detail {

class ReadContext;
class ZipArchive;

class XmlPart {
 public:
  /// Parses `bytes` as the part `name`. Fails through `context` on invalid
  /// UTF-8, on XML errors (naming the part, line and column), and on any
  /// DOCTYPE: OOXML and ODF forbid DTDs, and a DTD's entities are the XML
  /// entity bomb. (pugixml never expands declared entities anyway; refusing
  /// the DOCTYPE makes that a clear error instead of '&lol9;' in the text.)
  XmlPart(std::string name, std::string bytes, ReadContext& context);
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return document_.document_element(); }
  /// The line of a node in the part, 0 when unknown.
  int line_of(pugi::xml_node node) const;

 private:
  std::string name_;
  std::string bytes_;
  LineIndex lines_;
  pugi::xml_document document_;
};

/// Reads and parses a part of the archive; nullptr when it is absent.
std::unique_ptr<XmlPart> read_xml_part(ZipArchive& zip, std::string_view name,
                                       ReadContext& context);

/// One XML namespace, matched by URI whatever prefix the writer chose.
/// Office writers declare their namespaces on the root element, so the
/// root's prefix is compared first without allocating; a name with another
/// prefix has its declaration looked up on its ancestors (openpyxl declares
/// xmlns:r on each <sheet>).
class Namespace {
 public:
  Namespace() = default;
  /// `uris`: the URIs of the namespace (OOXML has transitional and strict
  /// ones for the same vocabulary); `root` gives the usual prefix.
  Namespace(pugi::xml_node root, std::initializer_list<std::string_view> uris);

  /// True when the root element declares the namespace.
  bool declared() const { return declared_; }
  /// True when `node` is this namespace's element `local`.
  bool is(pugi::xml_node node, std::string_view local) const;
  /// The first child element `local`, or an empty node.
  pugi::xml_node child(pugi::xml_node node, std::string_view local) const;
  /// This namespace's attribute `local` of `node`, "" when absent. With a
  /// default namespace, unprefixed attributes are meant (SpreadsheetML's).
  std::string_view attribute(pugi::xml_node node, std::string_view local) const;
  /// The local name of `node` when it is in this namespace, else "".
  std::string_view local_name(pugi::xml_node node) const;

 private:
  /// The local part of `qualified` when it is in this namespace (as a name
  /// of `node` or of one of its attributes), else "".
  std::string_view local_of(std::string_view qualified, pugi::xml_node node, bool attribute) const;

  std::vector<std::string> uris_;
  std::string prefix_;  ///< the root's prefix, "w:", or "" for the default namespace
  bool declared_ = false;
};

/// An attribute value of OOXML or ODF as a boolean: "1", "true", "on" (and
/// an absent value, for OOXML's toggles like <w:b/>) are true.
bool xml_true(std::string_view value, bool absent_means = true);

/// A decimal integer attribute, or `fallback` when absent or not a number.
/// Clamped to [lowest, highest].
int xml_int(std::string_view value, int fallback, int lowest, int highest);

}  // namespace tiendo::documents::detail
