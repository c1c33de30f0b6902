#pragma once
// The words of a body item, read without the phrase reader's grammar: its
// marker, its sentences, its label, its name without its time; and which
// paragraphs are no item (the grounds, a posting line, a report of a
// document issued). Used by the body's reader (body_tasks.cpp).

#include <tiendo/phrase.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import/body_times.hpp"
#include "import/plan_draft.hpp"

namespace tiendo::documents::import::body {

/// A phrase reads as a time with nothing left over (or, said less strictly,
/// with a date of its own).
bool clean_time(const std::string& phrase, const PhraseContext& context, bool words_allowed);

/// The words of a paragraph written in italics (where plans put a time).
std::string italic_text(const Paragraph& p);

/// A letter of a Roman numeral (I, V, X, L, C), upper case.
bool is_roman(char c);

/// The text without the marker a planner puts in front of an item: "- ",
/// "+ ", "• ", a section number ("2.", "2.1.", "2.1 ", "III-", "IV.") or a
/// letter ("a)"). A section number must not reach the phrase reader: "2.1"
/// would read as the 2nd of January.
std::string without_marker(std::string_view text);

/// "Đợt I: Từ cuối năm 2019 …", "Giai đoạn 2: …": a phase heading, split into
/// its label and its time.
std::optional<std::pair<std::string, std::string>> phase_heading(const std::string& text);

/// The time after "Thời gian:" in a text, up to the end of its sentence.
std::string time_after_label(const std::string& text);

/// The sentences of a text, each with its final '.' dropped.
std::vector<std::string> sentences(const std::string& text);

/// A long name cut at a word near `limit` bytes.
std::string shortened(std::string text, std::size_t limit);

/// The name of an item: its text without the time, its "(1)" label, and
/// trailing punctuation; a long one cut at a word near 160 bytes.
std::string name_without(std::string text, const std::string& time, std::size_t limit = 160);

/// Folded text `f` starts with one of `words`.
bool starts_with_any(const std::string& f, std::initializer_list<std::string_view> words);

/// Every letter of the text is a capital ("CHỦ TỊCH ỦY BAN NHÂN DÂN").
bool upper_case(const std::string& text);

/// Paragraphs whose dates are no task: the grounds of a document ("Căn cứ
/// …", "Thực hiện Kế hoạch số …", "Theo đề nghị …", "Xét đề nghị …"), its
/// addressee, and a web page's lines about the posting ("Cập nhật
/// 15/4/2016", "Ngày đăng bài: 22/05/2018", the byline).
bool preamble(const std::string& f);

/// "ngày 26, 28, 29/3/2017": days that are not one run. The text with the
/// list as its first day ("ngày 26/3/2017"), and the others ("28/3/2017",
/// "29/3/2017"); nullopt when there is no such list (a run of consecutive
/// days is a span the phrase reader reads).
struct SeparateDays {
  std::string text;                 ///< the text with the first day alone
  std::vector<std::string> others;  ///< the other days, each a day of its own ("28/3/2017")
  std::size_t at = 0;               ///< where the first day stands in `text`
};
std::optional<SeparateDays> separate_days(const std::string& text);

/// "… sẽ là 31/1/2017 thay cho thời hạn cũ 30/11/2016": the day replaced is
/// history, no time of an item; its words are blanked (the sentence keeps
/// its length, so that places in it still hold).
std::string without_replaced_day(std::string text);

/// "…, UBND tỉnh đã ban hành Kế hoạch số 2519/KH-UBND …": a sentence that
/// reports a document being issued; its date is that document's.
bool reports_issuing(const std::string& f);

/// What a document is about, from its title: "Kế hoạch Chương trình tổ chức
/// Lễ kỷ niệm 90 năm …" → "Lễ kỷ niệm 90 năm …"; empty when nothing is left.
std::string subject_of(const std::string& title);

/// A web page's posting line: a date and a clock, nothing else ("08/08/2022
/// 09:41 SA", "14:35 12/5/2025"): when the page was posted, no time of the plan.
bool posting_line(const std::string& raw);

/// A paragraph that ends by announcing a list ("… như sau:", "… cụ thể:",
/// "… gồm:"), rather than one that ends with its own time before the colon
/// ("2. Thi viết tin, bài … (từ 10g00 ngày 17/6/2024 đến 09g30 ngày
/// 12/8/2024):").
bool announces_list(const std::string& text);

/// Nothing but a part of the day ("Sáng", "Buổi chiều"): what may stand
/// before a day's heading ("Sáng ngày 08/05/2025: Từ 7 giờ 30 …").
bool session_words(const std::string& text);

/// A text about a congress, a ceremony or a conference ("Đại hội …",
/// "Lễ …", "Hội nghị …", "Tổ chức khai giảng …").
bool ceremony(const std::string& text);

/// The text holds a digit.
bool has_digit_in(const std::string& text);

/// An item's words without its time: what comes before it, and what comes
/// after unless that is a remark ("… là 29/8 - trước 1 tuần so với …",
/// "Dự kiến vào tháng 7/2022 (sẽ có thông báo cụ thể sau)"); without a
/// connective in front ("Theo đó, …").
std::string item_words(const std::string& value, const TimeInText& time);

/// A remark that asks for something by a day ("… gửi về Văn phòng trước thứ
/// Sáu ngày 15/09/2017", "chậm nhất ngày …"), not one that tells of a day
/// ("Ngày 11/3/2021: Đoàn ĐBQH không tiếp công dân").
bool asks_by(const std::string& f);

/// "Thời gian", "Thời gian tổ chức", "Thời gian thực hiện": a label that
/// names the time of the item above, not an item of its own.
bool generic_time_label(const std::string& label);

/// "Vòng loại: Bắt đầu từ …": the label before the first ": " (no date in
/// it, not a clock "10:04"), and the rest.
std::pair<std::string, std::string> label_split(const std::string& text);

/// "Giai đoạn 1: + Thời gian nhận bài: … + Thời gian bình chọn …": a head
/// and the items written after it on the same line.
std::vector<std::string> inline_items(const std::string& text);

/// Whether a time is one day ("ngày 18/6/2020 (Thứ Năm)"), which the
/// clock-led items after it ("- Từ 7h30’ đến 7h40’: …") happen on.
bool single_day(const std::string& time, const PhraseContext& context);

/// "… Từ ngày 08/5/2017 – 16/5/2017; cụ thể như sau:": the text before the
/// clause that announces a list, after a ';'; empty when there is none.
std::string without_announcing_clause(const std::string& text);

/// "KẾ HOẠCH", "Kế hoạch tổ chức …": the title a plan's body starts after;
/// not a sentence about a plan ("Kế hoạch cụ thể xem tại đây.").
bool plan_title(const std::string& text);

}  // namespace tiendo::documents::import::body
