// A plan with no task table: its tasks are the items of its body that carry
// a time ("(1) … *Triển khai từ tháng 01/2022 đến tháng 4/2022.*", "Gửi Văn
// phòng *trước ngày 10/6/2024*", "Đợt I: Từ cuối năm 2019 đến …"), found
// where the planner put the time: in italics, after "Thời gian:", in the
// item's last sentence, or in a heading that is a time itself; and, in the
// notices and schedules that are not plans, a time inside any sentence ("…
// treo cờ từ ngày 31/7/2023 đến hết ngày 03/8/2023."), after an item's label
// ("- Thời gian học (5 tuần): Từ 26/6/2023 …"), or in a heading over the
// items of a day or a month ("Thứ Hai, ngày 12/5/2025" over "- 6 giờ 30, …").
// The tables of the body whose cells are dates (a schedule by day, a
// calendar of start and end dates) are read in their place.
#include <utf8proc.h>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

#include "import/body_reader.hpp"
#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/schedule_table.hpp"
#include "import/unread_dates.hpp"

namespace tiendo::documents::import {

using namespace body;

BodyReader::BodyReader(const Document& document, PlanDraft& draft)
    : document_(document), draft_(draft), year_(document_year(document, draft)) {
  // Days without a year are the document's year; with none, they are not
  // read (never a year from a default).
  context_.year = year_.year;
  context_.issued = draft.issued;
  for (const auto& e : draft.events)
    events_.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
  context_.events = &events_;
  subject_ = subject_of(draft.title.text);
  week_of_title(draft.title);
  // A plan starts after its title ("KẾ HOẠCH"); a notice or a schedule
  // without one, from its first line.
  started_ = std::none_of(document.body.begin(), document.body.end(), [](const Block& b) {
    const auto* p = b.paragraph();
    return p != nullptr && (plan_title(p->text) || p->heading_level > 0);
  });
}

void BodyReader::week_of_title(const Found& title) {
  const auto& text = title.text;
  const auto open = text.rfind('(');
  if (text.empty() || text.back() != ')' || open == std::string::npos) return;
  const auto head = folded(text.substr(0, open));
  if (head.find("tuan") == std::string::npos || has_date(head)) return;
  const auto inner = trim(text.substr(open + 1, text.size() - open - 2));
  if (!has_date(inner) || reading_of(inner, context_) != Reading::clean) return;
  day_ = Found{inner, title.where + " '" + text + "'; the week the title names"};
  day_scope_ = true;
  week_scope_ = true;
}

void BodyReader::read() {
  for (const auto& block : document_.body) {
    if (const auto* t = block.table()) {
      table(*t);
      over_table_.reset();
      continue;
    }
    const auto* p = block.paragraph();
    if (p == nullptr) continue;
    const auto tasks = draft_.tasks.size();
    if (!paragraph(*p)) break;
    // A short heading that became no task ("1. a) Lịch kiểm tra Khối 7, 8,
    // 9:", "- Lịch kiểm tra:") names the table right under it.
    const auto raw = trim(p->text);
    if (raw.empty()) continue;
    const bool heads = raw.back() == ':' || p->heading_level > 0 || p->bold;
    over_table_.reset();
    if (started_ && draft_.tasks.size() == tasks && heads && raw.size() <= 150) {
      over_table_ = Found{raw, "paragraph " + std::to_string(p->index + 1)};
    }
  }
}

void BodyReader::beside_tables() {
  tables_read_ = true;
  held_days_ = days_held(draft_);
}

void BodyReader::table(const Table& t) {
  if (!started_ || tables_read_) return;
  if (is_day_table(t)) {
    read_day_table(t, year_, draft_, table_group());
  } else if (is_date_column_table(t)) {
    read_date_column_table(t, year_, draft_, table_group());
  } else {
    return;
  }
  // The section goes on after its table (its group stays); a day's items do not.
  day_.reset();
}

bool BodyReader::paragraph(const Paragraph& p) {
  const auto raw = trim(p.text);
  raw_ = raw;
  const auto f = folded(raw);
  if (!started_) {
    started_ = plan_title(p.text) || p.heading_level > 0;
    if (!started_) return true;
  }
  if (f.starts_with("noi nhan")) return false;  // the addressees: the end of the body
  const std::string where = "paragraph " + std::to_string(p.index + 1);
  if (tables_read_ && !new_day(f)) return true;
  const auto text = without_marker(raw);
  if (text.empty() || front_matter(raw, text, where)) return true;
  const bool marked = text.size() != raw.size() || (p.list && !p.list->label.empty());
  const bool heading = p.heading_level > 0 || p.bold;
  const auto announces = [&] {
    const auto end = p.text.find_last_not_of(" \t\n");
    return end != std::string::npos && p.text[end] == ':';
  }();
  const auto remember = [&] {
    previous_ = text;
    previous_announces_ = announces;
  };
  DraftTask task;
  if (p.list && !p.list->label.empty()) task.number = {p.list->label, where};
  if (const auto phase = heading ? phase_heading(text) : std::nullopt) {
    // A phase is a task even when its time does not read: the time is then
    // kept as its note, and said.
    task.name = {phase->first, where};
    task.time = {phase->second, where};
    add(std::move(task));
    previous_.clear();
    previous_announces_ = false;
    return true;
  }
  if (seed_rules(p, text, heading, where, task)) {
    remember();
    return true;
  }
  const auto [label_text, after_label] = label_split(text);
  const auto label = folded(label_text);
  if (starts_with_any(label, {"ghi chu", "luu y", "dia diem", "thanh phan", "trang phuc"})) {
    // "Lưu ý các bà mẹ:", "Ghi chú:": remarks after the schedule, not its
    // items; but a remark that sets a date ("Lưu ý: các đơn vị … gửi về
    // Văn phòng trước thứ Sáu ngày 15/09/2017") asks for work by then.
    const bool remark = starts_with_any(label, {"ghi chu", "luu y"});
    if (remark) day_scope_ = false;
    if (remark && has_date(after_label) && asks_by(folded(after_label))) {
      sentences_with_times(after_label, where, task.number);
    }
    remember();
    return true;
  }
  if (inline_phase(text, where)) {
    remember();
    return true;
  }
  if (session_heading(text)) return true;
  if (time_heading(text, where, heading)) return true;
  if ((heading && section_heading(raw, text, where)) || day_item(text, marked, where)) {
    remember();
    return true;
  }
  if (!marked && day_text(text, where, announces)) {
    remember();
    return true;
  }
  if (!marked) day_scope_ = false;  // the day's items have ended
  // "… tổ chức tuyên truyền … từ tháng 01/2022 đến tháng 12/2023 như
  // sau:" announces the items below, which are the tasks (within its
  // span). A congress or ceremony that announces its programme with a
  // date of its own ("Đại hội … diễn ra trong 2 ngày (6-7/12/2015) với
  // các nội dung, lịch trình cụ thể:") is a task too.
  if (!announces || (has_date(text) && (ceremony(text) || !announces_list(text)))) {
    sentences_with_times(text, where, task.number);
  } else if (const auto own = without_announcing_clause(text); !own.empty() && has_date(own)) {
    // "1/ Tổ chức kiểm tra cuối học kỳ II … Từ ngày 08/5/2017 – 16/5/2017;
    // cụ thể như sau:": the item and its span, then the clause announcing
    // its parts.
    sentences_with_times(own, where, task.number);
  } else if (has_date(text) && previous_announces_ && !previous_.empty()) {
    // "1. Đối với cấp tiểu học:" then "Từ ngày 21 – 25/3/2017, được chia
    // ra làm 05 điểm thi cụ thể như sau:": the span of what the line
    // above names, whose items follow.
    if (const auto time = time_in(text, context_);
        time && time->reading == Reading::clean && trim(text.substr(0, time->begin)).empty()) {
      task.name = {name_without(previous_, {}), where};
      task.time = {dated(time->text), dated_where(time->text, where)};
      add(std::move(task));
    }
  }
  remember();
  return true;
}

bool BodyReader::front_matter(const std::string& raw, const std::string& text,
                              const std::string& where) const {
  if (dateline_atop(raw, where)) return true;
  // "VỀ VIỆC TIÊM CHỦNG THƯỜNG XUYÊN THÁNG 05/2025": the title's subject line.
  if (upper_case(text) && starts_with_any(folded(text), {"ve viec ", "v/v "})) return true;
  const bool date_line =
      where == draft_.issued_where && !starts_with_any(folded(raw), {"thu ", "chu nhat"});
  // "KẾ HOẠCH" then "Tổ chức sơ kết quý I": the title's second line is no item.
  const bool title_line = raw.size() >= 8 && draft_.title.text.ends_with(raw);
  return date_line || posting_line(raw) || preamble(folded(text)) || where == draft_.title.where ||
         raw == document_.title || raw == draft_.title.text || title_line;
}

bool BodyReader::seed_rules(const Paragraph& p, const std::string& text, bool heading,
                            const std::string& where, DraftTask& task) {
  const auto raw = trim(p.text);
  std::string time;
  if (const auto italic = italic_text(p);
      !italic.empty() && italic != raw && clean_time(italic, context_, false)) {
    time = italic;
  }
  const auto labelled = time_after_label(text);
  if (time.empty() && !labelled.empty() && clean_time(labelled, context_, false)) time = labelled;
  if (time.empty() && !heading) {
    const auto parts = sentences(text);
    if (parts.size() > 1 && clean_time(parts.back(), context_, false)) {
      time = parts.back();
      if (const auto full = time + "."; text.find(full) != std::string::npos) time = full;
    }
  }
  if (time.empty()) return false;
  if (folded(text).starts_with("thoi gian") && !previous_.empty() && previous_announces_) {
    // "- Ban Tuyên giáo tổ chức Hội nghị …:" then "+ Thời gian: …"
    task.name = {name_without(previous_, {}), where};
  } else {
    task.name = {name_without(text, time), where};
    task.words = text;
  }
  if (task.name.empty()) task.name = {text, where};
  if (generic_time_label(task.name.text) && !subject_.empty()) {
    // "b) Thời gian: 9 giờ, thứ Sáu, ngày 26/3/2021" under "Hình thức,
    // thời gian, địa điểm": the time of what the plan is about.
    task.name = {subject_, where + "; named after the document's title"};
  }
  task.time = {time, where};
  note_day(time, where);
  add(std::move(task));
  return true;
}

void BodyReader::note_day(const std::string& time, const std::string& where) {
  // Under a week's title, an item's own day is its own: the items after
  // it keep the week.
  const bool one_day = single_day(dated(time), context_);
  if (one_day) same_day_ = Found{dated(time), where};
  if (week_scope_) return;
  if (one_day) day_ = Found{dated(time), where};
}

std::string BodyReader::new_group(const Found& name, const std::string& parent) {
  const auto base = slugged(without_marker(name.text), 4);
  DraftGroup g{unused_group_id(draft_, base.empty() ? "nhom" : base), name, parent};
  draft_.groups.push_back(g);
  return g.id;
}

void BodyReader::open_pending_group() {
  if (!pending_group_) return;
  group_ = new_group(*pending_group_, {});
  pending_group_.reset();
}

std::string BodyReader::table_group() {
  open_pending_group();
  if (!over_table_) return group_;
  // The section's heading itself right over the table is its group already.
  if (!group_.empty() && draft_.groups.back().id == group_ &&
      draft_.groups.back().name.text == over_table_->text) {
    return group_;
  }
  auto name = *over_table_;
  // "- Lịch kiểm tra:" names "Lịch kiểm tra"; a number stays ("1. a) …"), as a section's does.
  for (const std::string_view bullet : {"- ", "+ ", "\xE2\x80\xA2 "}) {
    if (name.text.starts_with(bullet)) name.text = trim(name.text.substr(bullet.size()));
  }
  while (!name.text.empty() && (name.text.back() == ':' || name.text.back() == ' ')) {
    name.text.pop_back();
  }
  return new_group(name, group_);
}

void BodyReader::add(DraftTask task) {
  open_pending_group();
  task.group = group_;
  // "Khối 10" over "Thứ 7 (10/12): Buổi sáng: Văn, Toán": an item named only
  // by its part of the day says who or what through the heading above it.
  if (!group_.empty() && starts_with_any(folded(task.name.text), {"buoi sang", "buoi chieu",
                                                                  "buoi toi", "sang:", "chieu:"})) {
    const auto& heading = draft_.groups.back().name.text;
    if (heading.size() <= 40) task.name.text = without_marker(heading) + ": " + task.name.text;
  }
  declare_event(task);
  draft_.tasks.push_back(std::move(task));
}

int read_body_beside_tables(const Document& document, PlanDraft& draft) {
  const auto before = draft.tasks.size();
  BodyReader reader(document, draft);
  reader.beside_tables();
  reader.read();
  return static_cast<int>(draft.tasks.size() - before);
}

bool read_body_tasks(const Document& document, PlanDraft& draft) {
  BodyReader(document, draft).read();
  if (!draft.tasks.empty()) {
    draft.tasks_from = "the body's items with a time (no task table)";
    draft.tasks_from_vi = "các mục có thời gian trong văn bản (không có bảng nhiệm vụ)";
  }
  return !draft.tasks.empty();
}

}  // namespace tiendo::documents::import
