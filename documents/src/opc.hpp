#pragma once
// Open Packaging Conventions, shared by docx and xlsx: which part is the
// main one, and the parts a part refers to through its relationships.

#include <string>
#include <string_view>
#include <vector>

namespace tiendo::documents::detail {

class ReadContext;
class ZipArchive;

struct Relationship {
  std::string id;
  std::string type;    ///< the type URI's last segment: "officeDocument", "styles", "worksheet"…
  std::string target;  ///< resolved to a part name without a leading '/'
};

/// The relationships of `part` ("" for the package), from its .rels part;
/// empty when there is none. External targets (hyperlinks) are left out.
std::vector<Relationship> read_relationships(ZipArchive& zip, std::string_view part,
                                             ReadContext& context);

/// The target of the first relationship of `type`, or `fallback`.
std::string target_of(const std::vector<Relationship>& relationships, std::string_view type,
                      std::string fallback = {});

/// The dc:title of docProps/core.xml, "" when there is none.
std::string core_title(ZipArchive& zip, ReadContext& context);

}  // namespace tiendo::documents::detail
