#include "opc.hpp"

#include "read_context.hpp"
#include "xml_part.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents::detail {

namespace {

constexpr std::string_view kRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";

/// `target` taken relative to the folder of `source`, with "." and ".."
/// resolved; a target starting with '/' is from the package root.
std::string resolve(std::string_view source, std::string_view target) {
  std::string base;
  if (!target.starts_with('/')) {
    const auto slash = source.rfind('/');
    if (slash != std::string_view::npos) base = std::string(source.substr(0, slash + 1));
  }
  std::vector<std::string> segments;
  const std::string joined = base + std::string(target);
  std::size_t begin = 0;
  while (begin <= joined.size()) {
    auto end = joined.find('/', begin);
    if (end == std::string::npos) end = joined.size();
    const auto segment = joined.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = end + 1;
  }
  std::string out;
  for (const auto& segment : segments) out += (out.empty() ? "" : "/") + segment;
  return out;
}

std::string rels_part_of(std::string_view part) {
  const auto slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) +
         ".rels";
}

}  // namespace

std::vector<Relationship> read_relationships(ZipArchive& zip, std::string_view part,
                                             ReadContext& context) {
  std::vector<Relationship> out;
  const auto rels = read_xml_part(zip, rels_part_of(part), context);
  if (!rels) return out;
  const Namespace r(rels->root(), {kRelationships});
  for (const auto node : rels->root().children()) {
    if (!r.is(node, "Relationship")) continue;
    if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
    std::string_view type = node.attribute("Type").value();
    type = type.substr(type.rfind('/') == std::string_view::npos ? 0 : type.rfind('/') + 1);
    out.push_back(Relationship{node.attribute("Id").value(), std::string(type),
                               resolve(part, node.attribute("Target").value())});
  }
  return out;
}

std::string target_of(const std::vector<Relationship>& relationships, std::string_view type,
                      std::string fallback) {
  for (const auto& relationship : relationships) {
    if (relationship.type == type) return relationship.target;
  }
  return fallback;
}

std::string core_title(ZipArchive& zip, ReadContext& context) {
  const auto core = read_xml_part(zip, "docProps/core.xml", context);
  if (!core) return {};
  const Namespace dc(core->root(), {"http://purl.org/dc/elements/1.1/"});
  const auto title = dc.child(core->root(), "title");
  return clean_text(title.text().get());
}

}  // namespace tiendo::documents::detail
