#pragma once
// A table cell or a paragraph as a planner writes it: a head and the items
// under it ("Xây dựng phóng sự / - Xây dựng kịch bản / - Ghi hình"), whether
// the items are paragraphs, list items, lines broken by hand, or a single
// line where Word's pasted text ran them together (" - Xây dựng …").

#include <tiendo/documents/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tiendo::documents::import {

struct Items {
  std::string head;                ///< the line before the items; empty when none
  std::vector<std::string> items;  ///< without their "- ", "+ ", "•" markers
  int joined = 0;                  ///< lines joined to the one before (time_items_of)
};

/// The lines of a cell's blocks: each paragraph, split at its line breaks,
/// trimmed; a list item keeps its label in front when it has one.
std::vector<std::string> lines_of(const std::vector<Block>& blocks);

/// The head and items of a cell.
Items items_of(const std::vector<Block>& blocks);

/// A time cell's head and items, its lines first joined where a line alone
/// says half a time: "Trước ngày" / "30/9/2020" (a manual line break, or
/// two paragraphs, in the cell) is one phrase, "Trước ngày 30/9/2020".
Items time_items_of(const std::vector<Block>& blocks);

/// The lines of a cell that only make sense together joined into one:
/// a line ending in a word that needs what follows ("ngày", "trước",
/// "từ", "đến", "tháng"…), or followed by one that starts in lower case or
/// with a number when it has none, and that is no item of its own ("- ").
std::vector<std::string> joined_lines(const std::vector<std::string>& lines);

/// A legal basis or a citation, not a thing to do: "Căn cứ Luật Bầu cử …",
/// "(Căn cứ Điều 22 …)", "Theo quy định tại …", "Điều 5 Luật …".
bool citation(std::string_view line);

/// A paragraph of a plan's preamble, which is never a task: "Theo đề nghị
/// …", "Xét …", and "Căn cứ" or "Thực hiện" a document ("Căn cứ Luật Bầu
/// cử …", "Thực hiện Kế hoạch số 108-KH/ĐUK …"; "Căn cứ tình hình thực
/// tiễn, các địa phương tổ chức …" and "Thực hiện tuyên truyền …" are work).
bool preamble(std::string_view paragraph);

/// A cell's text quoted in a message: '…', cut after about 120 bytes (a
/// megabyte cell makes no clear message).
std::string quoted(std::string_view text);

/// A text shown back to the planner, cut after about `bytes` bytes.
std::string shortened(std::string_view text, std::size_t bytes = 120);

/// Text trimmed of white space and of a trailing ':' or ';'.
std::string trim(std::string text);

/// Folded for comparing headers and words (no case, no diacritics).
std::string folded(std::string_view text);

/// The first `words` words of `text`, folded, joined by dashes: an id ("ban-tin-noi").
std::string slugged(const std::string& text, int words);

/// A name holds a word (two letters running): not a date line left without
/// its date ("14:35,"), nor a count ("145±5").
bool has_word(const std::string& name);

}  // namespace tiendo::documents::import
