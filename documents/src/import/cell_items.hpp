#pragma once
// A table cell or a paragraph as a planner writes it: a head and the items
// under it ("Xây dựng phóng sự / - Xây dựng kịch bản / - Ghi hình"), whether
// the items are paragraphs, list items, lines broken by hand, or a single
// line where Word's pasted text ran them together (" - Xây dựng …").

#include <tiendo/documents/document.hpp>

#include <string>
#include <vector>

namespace tiendo::documents::import {

struct Items {
  std::string head;                ///< the line before the items; empty when none
  std::vector<std::string> items;  ///< without their "- ", "+ ", "•" markers
};

/// The lines of a cell's blocks: each paragraph, split at its line breaks,
/// trimmed; a list item keeps its label in front when it has one.
std::vector<std::string> lines_of(const std::vector<Block>& blocks);

/// The head and items of a cell.
Items items_of(const std::vector<Block>& blocks);

/// Text trimmed of white space and of a trailing ':' or ';'.
std::string trim(std::string text);

/// Folded for comparing headers and words (no case, no diacritics).
std::string folded(std::string_view text);

/// The first `words` words of `text`, folded, joined by dashes: an id ("ban-tin-noi").
std::string slugged(const std::string& text, int words);

}  // namespace tiendo::documents::import
