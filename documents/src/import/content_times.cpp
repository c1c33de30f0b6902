// Times written in the content cell, after each step's name.
#include "import/content_times.hpp"

#include <algorithm>

namespace tiendo::documents::import {

namespace {

/// Read whole: a time with no word left over (a step's name that merely
/// holds a date, "Kỷ niệm 2/9", is no time).
bool whole_time(const std::string& text, const PhraseContext& context) {
  if (text.size() < 4 || text.size() > 300) return false;
  const auto r = read_phrase(text, context);
  if (!r.ok() || (r.constraints.empty() && !r.meeting)) return false;
  return std::none_of(r.warnings.begin(), r.warnings.end(),
                      [](const PhraseWarning& w) { return w.code == "phrase-partly-read"; });
}

}  // namespace

std::optional<Timed> time_after_colon(const std::string& line, const PhraseContext& context) {
  // The first colon whose rest is a time: a step's name may hold a colon
  // of its own only before it.
  for (auto colon = line.find(':'); colon != std::string::npos; colon = line.find(':', colon + 1)) {
    auto when = trim(line.substr(colon + 1));
    if (!when.empty() && when.back() == '.') when.pop_back();
    if (!whole_time(when, context)) continue;
    return Timed{trim(line.substr(0, colon)), when};
  }
  return std::nullopt;
}

bool time_label(const std::string& words) {
  const auto f = folded(words);
  for (const std::string_view w : {"thoi gian", "thoi han", "han", "tien do", "thoi diem"}) {
    if (f == w || (f.starts_with(w) && f.size() > w.size() && f[w.size()] == ' ' &&
                   f.size() <= w.size() + 20)) {
      return true;
    }
  }
  return false;
}

bool times_in_content(const TaskTable& table) {
  const int content = table.layout.find(Role::content);
  if (content < 0) return false;
  // Only whether a line is a time: the year is any (a day without one
  // then still reads), no event nor committee is needed to tell.
  PhraseContext context;
  context.year = 2000;
  int rows = 0, timed = 0;
  for (const auto& part : table.parts) {
    for (int r = part.first_row; r < part.table->rows; ++r) {
      const auto& cell = part.table->at(r, content);
      if (cell.covered) continue;  // a section's title merged across
      const auto lines = lines_of(cell.blocks);
      if (lines.empty()) continue;
      ++rows;
      if (std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
            return time_after_colon(line, context).has_value();
          })) {
        ++timed;
      }
    }
  }
  return timed > 0 && 2 * timed >= rows;
}

ContentTimes content_times(const Items& lines, const PhraseContext& context) {
  ContentTimes out;
  out.name = lines.head;
  if (const auto head = time_after_colon(lines.head, context); head && !time_label(head->what)) {
    out.name = head->what;
    out.time = head->when;
  }
  for (const auto& item : lines.items) {
    const auto timed = time_after_colon(item, context);
    if (!timed) {
      out.steps.push_back({item, {}});
    } else if (time_label(timed->what)) {
      // "Thời gian: …" under a task's name is its own time; a second one
      // is kept as a note (which of the two is meant, tiendo cannot tell).
      if (out.time.empty()) {
        out.time = timed->when;
      } else {
        out.notes.push_back(item);
      }
    } else {
      out.steps.push_back(*timed);
    }
  }
  return out;
}

}  // namespace tiendo::documents::import
