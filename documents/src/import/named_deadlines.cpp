#include "import/named_deadlines.hpp"

#include <tiendo/phrase.hpp>

#include <string_view>

#include "import/cell_items.hpp"

namespace tiendo::documents::import {

bool deadline_name(const std::string& name) {
  auto f = folded(trim(name));
  // "Theo đó thời hạn nhận bài …": a connective before the name.
  for (const std::string_view connective : {"theo do, ", "theo do "}) {
    if (f.starts_with(connective)) f = f.substr(connective.size());
  }
  for (const std::string_view lead :
       {"han chot", "han cuoi", "han nop", "han dang ky", "thoi han", "thoi diem cuoi", "deadline",
        "ngay cuoi cung", "ngay het han", "nop ", "gui bao cao", "gui ho so"}) {
    if (f.starts_with(lead)) return true;
  }
  // "Thành lập Ủy ban bầu cử … (chậm nhất 105 ngày - Điều 22)" beside
  // "(29/01/2021)": the item says its day is the latest.
  return f.find("cham nhat") != std::string::npos || f.find("han chot") != std::string::npos;
}

namespace {

/// The time, said as a deadline, when it is a bare day; unchanged otherwise.
void as_deadline(Found& time, const std::string& named, int year) {
  auto text = trim(time.text);
  if (text.size() > 2 && text.front() == '(' && text.back() == ')') {
    text = trim(text.substr(1, text.size() - 2));  // "(29/01/2021)"
  }
  // "chiều 28/9": the session says nothing a planner's deadline needs.
  auto day = text;
  // "sẽ là 31/1/2017", "là ngày …", "chiều 28/9": words that say nothing a
  // planner's deadline needs, one after another.
  for (bool cut = true; cut && !day.empty();) {
    cut = false;
    for (const std::string_view lead : {"se ", "la ", "sang ", "chieu ", "toi "}) {
      if (folded(day).starts_with(lead)) {
        day = trim(day.substr(day.find(' ') + 1));
        cut = true;
      }
    }
  }
  if (day.empty() || !read_day(day, year)) return;
  time.text = "Chậm nhất ngày " + day;
  time.where += "; a bare day beside " + quoted(named) + ", read as its deadline";
}

}  // namespace

void read_named_deadlines(PlanDraft& draft) {
  const int year = draft.year.value_or(0);
  for (auto& task : draft.tasks) {
    const bool task_is_deadline =
        deadline_name(task.name.text) || (!task.words.empty() && deadline_name(task.words));
    if (task_is_deadline) as_deadline(task.time, task.name.text, year);
    for (auto& step : task.steps) {
      if (deadline_name(step.name.text)) {
        as_deadline(step.time, step.name.text, year);
      } else if (task_is_deadline) {
        as_deadline(step.time, task.name.text, year);
      }
    }
  }
}

}  // namespace tiendo::documents::import
