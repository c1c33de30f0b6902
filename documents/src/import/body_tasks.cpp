// A plan with no task table: its tasks are the items of its body that carry
// a time ("(1) … *Triển khai từ tháng 01/2022 đến tháng 4/2022.*", "Gửi Văn
// phòng *trước ngày 10/6/2024*", "Đợt I: Từ cuối năm 2019 đến …"), found
// where the planner put the time: in italics, after "Thời gian:", in the
// item's last sentence, or in a heading that is a time itself.
#include <tiendo/phrase.hpp>

#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

namespace {

/// A phrase reads as a time with nothing left over (or, said less strictly,
/// with a date of its own).
bool clean_time(const std::string& phrase, const PhraseContext& context, bool words_allowed) {
  if (phrase.size() < 4 || phrase.size() > 400) return false;
  const auto r = read_phrase(phrase, context);
  if (!r.ok() || (r.constraints.empty() && !r.meeting)) return false;
  if (words_allowed) return true;
  for (const auto& w : r.warnings) {
    if (w.code == "phrase-partly-read") return false;
  }
  return true;
}

std::string italic_text(const Paragraph& p) {
  std::string out;
  for (const auto& run : p.runs) {
    if (run.italic) out += run.text;
  }
  return trim(out);
}

bool is_roman(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

/// The text without the marker a planner puts in front of an item: "- ",
/// "+ ", "• ", a section number ("2.", "2.1.", "2.1 ", "III-", "IV.") or a
/// letter ("a)"). A section number must not reach the phrase reader: "2.1"
/// would read as the 2nd of January.
std::string without_marker(std::string_view text) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip_spaces();
  if (text.substr(i).starts_with("\xE2\x80\xA2")) {  // •
    i += 3;
  } else if (i < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == '*') &&
             i + 1 < text.size() && text[i + 1] == ' ') {
    i += 1;
  } else {
    std::size_t j = i;
    bool numbered = false;
    // 2. / 2.1. / 2.1 (digits and dots)
    while (j < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == '.'))
      ++j;
    if (j > i && j < text.size() && text[j] == ' ' &&
        (text[j - 1] == '.' || text.substr(i, j - i).find('.') != std::string_view::npos)) {
      numbered = true;
    }
    if (!numbered) {  // III- / IV. / a)
      j = i;
      while (j < text.size() && is_roman(text[j])) ++j;
      if (j > i && j < text.size() && (text[j] == '.' || text[j] == '-') && j + 1 < text.size() &&
          text[j + 1] == ' ') {
        j += 1;
        numbered = true;
      } else if (i + 1 < text.size() && std::islower(static_cast<unsigned char>(text[i])) != 0 &&
                 text[i + 1] == ')') {
        j = i + 2;
        numbered = true;
      }
    }
    if (numbered) i = j;
  }
  skip_spaces();
  return std::string(text.substr(i));
}

/// "Đợt I: Từ cuối năm 2019 …", "Giai đoạn 2: …": a phase heading, split into
/// its label and its time.
std::optional<std::pair<std::string, std::string>> phase_heading(const std::string& text) {
  const auto f = folded(text);
  if (!(f.starts_with("dot ") || f.starts_with("giai doan ") || f.starts_with("buoc ")))
    return std::nullopt;
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon > 40) return std::nullopt;
  return std::pair{trim(text.substr(0, colon)), trim(text.substr(colon + 1))};
}

/// The time after "Thời gian:" in a text, up to the end of its sentence.
std::string time_after_label(const std::string& text) {
  const auto f = folded(text);
  if (f.find("thoi gian:") == std::string::npos) return {};
  // Fold keeps the word boundaries but not the bytes: find the label's colon
  // in the original as the first ':' after a word "gian".
  auto at = text.find("gian");
  while (at != std::string::npos) {
    auto colon = at + 4;
    while (colon < text.size() && text[colon] == ' ') ++colon;
    if (colon < text.size() && text[colon] == ':') {
      auto rest = trim(text.substr(colon + 1));
      if (const auto stop = rest.find(". "); stop != std::string::npos)
        rest = rest.substr(0, stop + 1);
      return rest;
    }
    at = text.find("gian", at + 4);
  }
  return {};
}

/// The sentences of a text, each with its final '.' dropped.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool end = (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) ||
                     text[i] == ';' || text[i] == '\n';
    if (!end) continue;
    out.push_back(trim(text.substr(begin, i - begin)));
    begin = i + 1;
  }
  if (begin < text.size()) out.push_back(trim(text.substr(begin)));
  std::erase_if(out, [](const std::string& s) { return s.empty(); });
  return out;
}

/// The name of an item: its text without the time, its "(1)" label, and
/// trailing punctuation; a long one cut at a word near 160 bytes.
std::string name_without(std::string text, const std::string& time) {
  if (const auto at = text.rfind(time); !time.empty() && at != std::string::npos) {
    text.erase(at, time.size());
  }
  text = trim(text);
  if (!text.empty() && text.front() == '(') {
    const auto close = text.find(')');
    if (close != std::string::npos && close <= 5) text = trim(text.substr(close + 1));
  }
  while (!text.empty() && (text.back() == ':' || text.back() == '.' || text.back() == ',' ||
                           text.back() == ';' || text.back() == '*')) {
    text.pop_back();
    text = trim(text);
  }
  if (text.size() > 160) {
    auto cut = text.rfind(' ', 160);
    text = text.substr(0, cut == std::string::npos ? 160 : cut) + " …";
  }
  return text;
}

}  // namespace

bool read_body_tasks(const Document& document, PlanDraft& draft) {
  PhraseContext context;
  // Days without a year are in the issue date's year, else the year the
  // document's dates name most; with neither, such days are not read.
  context.year = draft.year.value_or(0);
  context.issued = draft.issued;
  std::vector<Event> events;
  for (const auto& e : draft.events)
    events.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
  context.events = &events;

  bool started = false;             // after the title: the front matter is no task
  std::string previous;             // the item before, which names a "Thời gian:" line
  bool previous_announces = false;  // it ends with ':'
  for (const auto& block : document.body) {
    const auto* p = block.paragraph();
    if (p == nullptr) continue;
    const auto raw = trim(p->text);
    const auto f = folded(raw);
    if (!started) {
      started = f.rfind("ke hoach", 0) == 0 || p->heading_level > 0;
      if (!started) continue;
    }
    if (f.rfind("noi nhan", 0) == 0) break;  // the addressees: the end of the body
    const auto text = without_marker(raw);
    if (text.empty()) continue;
    // "Căn cứ …", "Thực hiện Kế hoạch số …": why the plan is, not what it does.
    if (preamble(text)) {
      previous.clear();
      previous_announces = false;
      continue;
    }
    const std::string where = "paragraph " + std::to_string(p->index + 1);
    DraftTask task;
    if (p->list && !p->list->label.empty()) task.number = {p->list->label, where};
    const bool heading = p->heading_level > 0 || p->bold;
    if (const auto phase = heading ? phase_heading(text) : std::nullopt) {
      // A phase is a task even when its time does not read: the time is then
      // kept as its note, and said.
      task.name = {phase->first, where};
      task.time = {phase->second, where};
      draft.tasks.push_back(std::move(task));
      previous.clear();
      previous_announces = false;
      continue;
    }
    std::string time;
    // In italics, where plans like 002 and 004 put their times.
    if (const auto italic = italic_text(*p);
        !italic.empty() && italic != raw && clean_time(italic, context, false)) {
      time = italic;
    }
    // After "Thời gian:".
    const auto labelled = time_after_label(text);
    if (time.empty() && !labelled.empty() && clean_time(labelled, context, false)) time = labelled;
    // The item's last sentence, when it is nothing but a time.
    if (time.empty() && !heading) {
      const auto parts = sentences(text);
      if (parts.size() > 1 && clean_time(parts.back(), context, false)) {
        time = parts.back();
        if (const auto full = time + "."; text.find(full) != std::string::npos) time = full;
      }
    }
    const auto announces = [&] {
      const auto end = p->text.find_last_not_of(" \t\n");
      return end != std::string::npos && p->text[end] == ':';
    }();
    if (time.empty()) {
      previous = text;
      previous_announces = announces;
      continue;
    }
    if (folded(text).starts_with("thoi gian") && !previous.empty() && previous_announces) {
      // "- Ban Tuyên giáo tổ chức Hội nghị …:" then "+ Thời gian: …"
      task.name = {name_without(previous, {}), where};
    } else {
      task.name = {name_without(text, time), where};
    }
    if (task.name.empty()) task.name = {text, where};
    task.time = {time, where};
    draft.tasks.push_back(std::move(task));
    previous = text;
    previous_announces = announces;
  }
  if (!draft.tasks.empty()) draft.tasks_from = "the body's items with a time (no task table)";
  return !draft.tasks.empty();
}

}  // namespace tiendo::documents::import
