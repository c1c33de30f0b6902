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

#include "import/body_times.hpp"
#include "import/body_words.hpp"
#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/schedule_table.hpp"
#include "import/unread_dates.hpp"

namespace tiendo::documents::import {

namespace {

using namespace body;

class BodyReader {
 public:
  BodyReader(const Document& document, PlanDraft& draft)
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
      return p != nullptr &&
             (folded(trim(p->text)).starts_with("ke hoach") || p->heading_level > 0);
    });
  }

  /// "HOẠT ĐỘNG CHUYÊN MÔN TUẦN 16 ( TỪ 11/12/2017 ĐẾN 16/12/2017)": a
  /// week's plan, whose items without a time of their own fall in its days,
  /// as items under a day's heading do.
  void week_of_title(const Found& title) {
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

  /// Reads the body in order, to "Nơi nhận" (the addressees), its end.
  void read() {
    for (const auto& block : document_.body) {
      if (const auto* t = block.table()) {
        table(*t);
      } else if (const auto* p = block.paragraph(); p != nullptr && !paragraph(*p)) {
        break;
      }
    }
  }

  /// Reads the paragraphs only: the task table was read already.
  void beside_tables() {
    tables_read_ = true;
    for (const auto& t : draft_.tasks) {
      hold(t.time.text);
      for (const auto& step : t.steps) hold(step.time.text);
    }
  }

 private:
  void table(const Table& t) {
    if (!started_ || tables_read_) return;
    if (is_day_table(t)) {
      read_day_table(t, year_, draft_);
    } else if (is_date_column_table(t)) {
      read_date_column_table(t, year_, draft_);
    } else {
      return;
    }
    group_.clear();
    pending_group_.reset();
    day_.reset();
  }

  /// One paragraph; false at the end of the body.
  bool paragraph(const Paragraph& p) {
    const auto raw = trim(p.text);
    raw_ = raw;
    const auto f = folded(raw);
    if (!started_) {
      started_ = f.starts_with("ke hoach") || p.heading_level > 0;
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

  /// What is no item of the body: the date line (but a day's heading taken
  /// for one, "Thứ Hai, ngày 12/5/2025" as place and date, heads its items
  /// still), the title, the grounds and a web page's posting lines.
  /// A date alone atop the page, before its title ("07/05/2025" then
  /// "THÔNG BÁO"): when it was posted or signed, no heading of a day.
  static bool dateline_atop(const std::string& raw, const std::string& where) {
    if (where != "paragraph 1" && where != "paragraph 2") return false;
    const auto day = only_a_day(raw) ? cell_day(raw) : std::nullopt;
    return day && day->weekday.empty() && folded(raw).find("ngay") == std::string::npos;
  }

  bool front_matter(const std::string& raw, const std::string& text,
                    const std::string& where) const {
    if (dateline_atop(raw, where)) return true;
    // "VỀ VIỆC TIÊM CHỦNG THƯỜNG XUYÊN THÁNG 05/2025": the title's subject line.
    if (upper_case(text) && starts_with_any(folded(text), {"ve viec ", "v/v "})) return true;
    const bool date_line =
        where == draft_.issued_where && !starts_with_any(folded(raw), {"thu ", "chu nhat"});
    return date_line || posting_line(raw) || preamble(folded(text)) ||
           where == draft_.title.where || raw == document_.title || raw == draft_.title.text;
  }

  /// A bold heading without a date: the group of the items under it. A
  /// title's lines ("QUYẾT ĐỊNH:", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") are no
  /// section: a section in capitals has its number ("III. CÁC ĐỢT …").
  bool section_heading(const std::string& raw, const std::string& text, const std::string& where) {
    const bool title_line = (text.size() == raw.size() && upper_case(text)) ||
                            starts_with_any(folded(text), {"quyet dinh", "ke hoach", "thong bao",
                                                           "cong van", "ve viec"});
    if (has_date(text) || title_line) return false;
    pending_group_ = Found{shortened(raw, 160), where};  // "2.3. Tổ chức …", as tables keep "I. …"
    group_.clear();
    day_.reset();
    day_scope_ = false;
    return true;
  }

  /// The rules the seeds were written for: a time in italics, after
  /// "Thời gian:", or as an item's last sentence.
  bool seed_rules(const Paragraph& p, const std::string& text, bool heading,
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

  /// "* Giai đoạn 1: + Thời gian nhận bài: từ … + Thời gian bình chọn …":
  /// a task of the head, a step per item with a time (they follow each
  /// other, as a phase's parts do).
  bool inline_phase(const std::string& text, const std::string& where) {
    const auto parts = inline_items(text);
    if (parts.size() < 2 || has_date(parts.front())) return false;
    DraftTask task;
    task.name = {name_without(parts.front(), {}), where};
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const auto [label, value] = label_split(parts[i]);
      const auto time = time_in(value, context_);
      if (!time) continue;
      auto name = !label.empty() ? label : name_without(value, time->text);
      task.steps.push_back(
          {{name_without(name, {}), where}, {dated(time->text), dated_where(time->text, where)}});
    }
    if (task.steps.empty()) return false;
    add(std::move(task));
    return true;
  }

  /// "Buổi sáng:", "Buổi chiều:", "Buổi sáng từ 8-12h:": a part of the day
  /// under a day's heading, whose items are still on that day.
  bool session_heading(const std::string& text) {
    if (!day_) return false;
    const auto f = folded(text);
    const bool session =
        starts_with_any(f, {"buoi sang", "buoi chieu", "buoi toi", "sang:", "chieu:", "toi:"});
    if (!session || text.size() > 60 || text.back() != ':') return false;
    day_scope_ = true;
    previous_.clear();
    previous_announces_ = false;
    return true;
  }

  /// A paragraph that is nothing but a time: the time of the item above
  /// when that one announces it ("Thời gian tổng kết …:" / "Dự kiến vào
  /// tháng 7/2022"), else the heading of a day or a month whose items follow.
  bool time_heading(const std::string& text, const std::string& where, bool bold) {
    auto time = text;
    while (!time.empty() && (time.back() == ':' || time.back() == '.')) time.pop_back();
    time = trim(time);
    if (!has_date(time)) return false;
    auto heading_where = where;
    const auto heading_text = time;  // the group is named as the document names the day
    // "Ngày thứ 2 (7/12/2015)": the programme's second day (no Monday), on
    // the date in parentheses.
    if (const auto f = folded(time); f.starts_with("ngay thu ") && time.back() == ')') {
      const auto open = time.rfind('(');
      if (open != std::string::npos && has_date(time.substr(open))) {
        heading_where = where + " '" + time + "'";
        time = trim(time.substr(open + 1, time.size() - open - 2));
      }
    }
    // "Tổ chức khai giảng vào ngày 05/9/2022" reads whole, but its time
    // starts at "vào": an item with its time, not a heading.
    if (const auto inside = time_in(time, context_);
        inside && inside->begin > 0 && inside->reading == Reading::clean && !only_a_day(time) &&
        !session_words(time.substr(0, inside->begin))) {
      return false;
    }
    if (reading_of(time, context_) != Reading::clean) {
      // "THỨ HAI (12/5/2025)", "Thứ Hai - 12/5/2025": a day the reader
      // takes only in part, written as it reads it, as a table's day cell is.
      const auto day = only_a_day(time) ? cell_day(time) : std::nullopt;
      if (!day) return false;
      const auto phrase = day_phrase(*day, year_.year);
      if (reading_of(phrase, context_) != Reading::clean) return false;
      heading_where = where + " '" + time + "'" +
                      (day->has_year || year_.year == 0
                           ? ""
                           : "; the year " + std::to_string(year_.year) + " from " + year_.where);
      time = phrase;
    }
    // "Thời gian tổng kết …:" / "Tháng 7/2022": the time of the item above.
    // A numbered time that announces its own items ("1/. Tháng 01/2021:"
    // after "… lịch tiếp công dân như sau:") is a heading.
    const bool own_heading = bold || text.back() == ':' || text.size() != trim(raw_).size();
    // An item above that has its own date ("… diễn ra trong 2 ngày
    // (6-7/12/2015) với các nội dung …:") announces a programme, whose days
    // are headings.
    if (previous_announces_ && !previous_.empty() && !own_heading && !has_date(previous_)) {
      DraftTask task;
      task.name = {name_without(previous_, {}), where};
      task.time = {dated(time), dated_where(time, where)};
      add(std::move(task));
      previous_.clear();
      previous_announces_ = false;
      return true;
    }
    pending_group_ = Found{heading_text, where};
    group_.clear();
    // "NGÀY 25-9:" under a title that gives the year ("… 27-9- 2014)").
    if (dated(time) != time) {
      heading_where = dated_where(time, heading_where);
      time = dated(time);
    }
    day_ = Found{time, heading_where};
    day_scope_ = true;
    first_after_day_ = true;
    previous_.clear();
    previous_announces_ = false;
    return true;
  }

  /// A paragraph of running text under a day's heading: right after it,
  /// after a line that announces it ("Ngày làm việc thứ nhất của Đại hội:"),
  /// or led by a part of the day ("Buổi sáng: … . Buổi chiều: …"). Each of
  /// its sentences and clauses is an item of that day. False when it is no
  /// such paragraph.
  bool day_text(const std::string& text, const std::string& where, bool announces) {
    const bool after_day = std::exchange(first_after_day_, false);
    if (!day_ || !day_scope_ || has_date(text)) return false;
    const auto session = session_label(text);
    if (announces && !session)
      return true;  // "Ngày làm việc thứ nhất của Đại hội:": its items follow
    if (!after_day && !previous_announces_ && !session) return false;
    bool added = false;
    for (const auto& part : sentences(text)) {
      auto words = part;
      if (session_label(words)) words = label_split(words).second;
      DraftTask task;
      task.name = {name_without(words, {}, 300), where};
      if (!has_word(task.name.text) || task.name.text.find(' ') == std::string::npos) continue;
      task.time = {day_->text, day_->where + " (the day, for the item in " + where + ")"};
      add(std::move(task));
      added = true;
    }
    return added;
  }

  /// "Buổi sáng: …", "Chiều: …": a clause led by a part of the day.
  static bool session_label(const std::string& text) {
    return starts_with_any(folded(text), {"buoi sang:", "buoi chieu:", "buoi toi:", "sang:",
                                          "chieu:", "toi:", "buoi sang :", "buoi chieu :"});
  }

  /// An item of a day's schedule: under the day's heading, or led by a
  /// clock time after an item that gave the day ("Thời gian: … ngày
  /// 18/6/2020" then "- Từ 7h30’ đến 7h40’: Kiểm tra quân số"). Its day is
  /// its time; the hour is said in the comment (tiendo plans in days). A
  /// leader's line of a work schedule ("Phó Chủ tịch Đỗ Văn Lô: 7 giờ, dự
  /// …. 8 giờ, dự kỳ họp …") is an item even unmarked: the leader is its
  /// owner, each activity led by a clock time a task.
  bool day_item(const std::string& text, bool marked, const std::string& where) {
    if (!day_) return false;
    const auto [label, value] = label_split(text);
    const bool leader_line =
        !label.empty() && !has_digit_in(label) && clock_lead(value) > 0 && label.size() <= 120;
    const auto body = leader_line ? value : text;
    const auto lead = clock_lead(body);
    if (!((day_scope_ && (marked || leader_line)) || lead > 0)) return false;
    auto parts = sentences(body.substr(lead));
    if (parts.empty() || has_date(parts.front())) return false;
    std::vector<std::pair<std::string, std::string>> activities;  // clock, words
    activities.emplace_back(trim(body.substr(0, lead)), parts.front());
    if (leader_line) {
      for (std::size_t i = 1; i < parts.size(); ++i) {
        if (const auto at = clock_lead(parts[i]); at > 0 && !has_date(parts[i])) {
          activities.emplace_back(trim(parts[i].substr(0, at)), parts[i].substr(at));
        }
      }
    }
    bool added = false;
    for (const auto& [clock, words] : activities) {
      DraftTask task;
      // An item of a schedule is one long sentence (who, what, where): a
      // longer name keeps what it is.
      task.name = {name_without(words, {}, 300), where};
      if (!has_word(task.name.text)) continue;
      if (leader_line) task.owner = {label, where};
      task.time = {day_->text, day_->where + " (the day, for the item in " + where +
                                   (clock.empty() ? "" : " at '" + clock + "'") + ")"};
      add(std::move(task));
      added = true;
    }
    return added;
  }

  /// Each sentence of an item that holds a time is a task: named by its
  /// label ("Thời gian học (5 tuần): …"), or by its words without the time.
  void sentences_with_times(const std::string& text, const std::string& where,
                            const Found& number) {
    bool first = true;
    // "Cấp cơ sở: Thời gian … không quá 1,5 ngày. Bắt đầu từ tháng 1-2017,
    // hoàn thành vào tháng 4-2017.": a sentence that is only a time is the
    // paragraph's label's.
    std::string paragraph_label;
    for (const auto& sentence : sentences(text)) {
      const bool was_first = std::exchange(first, false);
      if (reports_issuing(folded(sentence))) continue;
      auto [label, value] = label_split(without_replaced_day(sentence));
      if (was_first && !generic_time_label(label)) paragraph_label = label;
      // "Vào ngày 26, 28, 29/3/2017": days apart, each a time of its own.
      std::vector<std::string> other_days;
      if (auto listed = separate_days(value)) {
        value = listed->first;
        other_days = std::move(listed->second);
      }
      const auto time = time_in(value, context_);
      if (!time) {
        if (!event_relative(label, value, where, was_first ? number : Found{})) {
          labelled_time(label, value, where);
        }
        continue;
      }
      // "… xây dựng đề cương trước ngày 15/4/2024, trình Thường trực duyệt
      // trước ngày 20/4/2024": each time the reader reads before the last is
      // the time of the words before it, a task too.
      const auto earlier = earlier_times(value, *time);
      std::size_t from = 0;
      for (const auto& t : earlier) {
        auto name = segment_name(value, from, t.begin);
        from = t.end;
        if (!has_word(name)) name = label;
        if (!has_word(name)) continue;
        DraftTask task;
        task.name = {name_without(name, {}, 300), where};
        task.time = {dated(t.text), dated_where(t.text, where)};
        add(std::move(task));
      }
      auto rest = item_words(value, *time);
      bool own_words = false;  // the last time has words of its own after an earlier one
      if (!earlier.empty()) {
        if (auto own = segment_name(value, from, time->begin);
            std::count(own.begin(), own.end(), ' ') >= 2) {
          rest = own;
          own_words = true;
        }
      }
      rest = name_without(rest, {}, 300);
      std::string name;
      // "…dự kiến: từ tháng 7 đến tháng 12-2019 triển khai quán triệt …": a
      // time that leads its clause names the words after it, not the label.
      const bool time_leads = trim(value.substr(0, time->begin)).empty() &&
                              std::count(rest.begin(), rest.end(), ' ') >= 2;
      if (label.empty() || own_words || time_leads) {
        name = rest;
      } else if (!generic_time_label(label)) {
        name = label;
      } else if (has_word(rest) && rest.find(' ') != std::string::npos) {
        name = rest;  // "Thời gian: Đại hội tiến hành ½ ngày, ngày 18/6/2020"
      } else {
        name = label;
      }
      if ((!has_word(name) || generic_time_label(name)) && previous_announces_ &&
          !previous_.empty()) {
        name = previous_;  // "1. Đối với các lớp năm nhất:" then "Thời gian tổ chức: …"
      }
      if (!has_word(name) && !was_first && has_word(paragraph_label)) name = paragraph_label;
      name = name_without(name, {}, 300);
      if (!has_word(name)) continue;  // a date line: "14:35, Thứ Ba, 9-6-2020"
      DraftTask task;
      if (was_first) task.number = number;
      task.name = {name, where};
      task.time = {dated(time->text), dated_where(time->text, where)};
      note_day(time->text, where);
      for (const auto& day : other_days) {
        auto again = task;
        again.number = {};
        again.time = {dated("ngày " + day), dated_where(day, where) + "; one of the days listed"};
        add(std::move(again));
      }
      add(std::move(task));
      aside_task(value.substr(time->end), where);
    }
  }

  /// A clause whose time counts from an event the document dated before
  /// ("Tựu trường sớm nhất trước 01 tuần so với ngày tổ chức khai giảng",
  /// after "Tổ chức khai giảng vào ngày 05/9/2022"): the words from its
  /// time word on, when the phrase reader reads them whole and they name
  /// the event. False when there is none.
  bool event_relative(const std::string& label, const std::string& value, const std::string& where,
                      const Found& number) {
    if (events_.empty()) return false;
    const auto f = folded(value);
    const bool names_event = std::any_of(events_.begin(), events_.end(), [&](const Event& e) {
      if (f.find(folded(e.name)) != std::string::npos) return true;
      return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const std::string& a) {
        return f.find(folded(a)) != std::string::npos;
      });
    });
    if (!names_event) return false;
    auto clause = trim(value);
    while (!clause.empty() && (clause.back() == '.' || clause.back() == ';')) clause.pop_back();
    for (std::size_t at = 0; at < clause.size(); at = clause.find(' ', at + 1)) {
      if (at == std::string::npos) break;
      const auto begin = at == 0 ? 0 : at + 1;
      const auto candidate = trim(clause.substr(begin));
      if (!starts_with_any(folded(candidate), {"truoc ", "sau ", "som nhat ", "cham nhat ",
                                               "muon nhat ", "tre nhat ", "ngay sau ", "tu "})) {
        continue;
      }
      if (reading_of(candidate, context_) != Reading::clean) continue;
      auto name = trim(clause.substr(0, begin));
      if (!has_word(name)) name = label;
      if (!has_word(name)) return false;
      DraftTask task;
      task.number = number;
      task.name = {name_without(name, {}, 300), where};
      task.time = {candidate, where};
      add(std::move(task));
      return true;
    }
    return false;
  }

  /// A ceremony the body dates ("Tổ chức khai giảng vào ngày 05/9/2022",
  /// "Lễ kỷ niệm … ngày 26/3"): an event of the plan too, so that the times
  /// that count from it ("trước 01 tuần so với ngày tổ chức khai giảng") read.
  void declare_event(const DraftTask& task) {
    auto name = trim(task.name.text);
    if (!ceremony(name) || name.size() > 120) return;
    if (folded(name).starts_with("to chuc ")) {
      name = trim(name.substr(name.find(' ', name.find(' ') + 1) + 1));
    }
    if (!single_day(task.time.text, context_)) return;
    DraftEvent e;
    e.id = slugged(name, 3);
    if (e.id.empty() || std::any_of(draft_.events.begin(), draft_.events.end(),
                                    [&](const DraftEvent& x) { return x.id == e.id; })) {
      return;
    }
    e.name = {name, task.name.where};
    e.date = read_phrase(task.time.text, context_).constraints.front().date;
    e.aliases = {"ngày " + name, "ngày tổ chức " + name, "tổ chức " + name};
    draft_.events.push_back(e);
    events_.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
  }

  /// A parenthesis after an item's time that gives another item its own
  /// time ("… từ ngày 20/12/2017 đến 28/01/2018 (Khoa Máy tàu biển Lịch nộp
  /// học phí từ 25/12/2017 đến 29/12/2017)"): a task too. One that restates
  /// the time ("(tức ngày 10/9 âm lịch)", "(thứ Bảy)") is not.
  void aside_task(const std::string& after, const std::string& where) {
    const auto text = trim(after);
    if (!text.starts_with("(")) return;
    const auto close = text.find(')');
    if (close == std::string::npos) return;
    const auto inner = text.substr(1, close - 1);
    if (!has_date(inner)) return;
    const auto time = time_in(inner, context_);
    if (!time || time->reading != Reading::clean) return;
    const auto name = name_without(trim(inner.substr(0, time->begin)), {}, 300);
    const auto f = folded(name);
    if (std::count(name.begin(), name.end(), ' ') < 2 || !has_word(name) ||
        starts_with_any(f,
                        {"tuc ", "nghia la", "thu ", "chu nhat", "am lich", "theo ", "ap dung"})) {
      return;
    }
    DraftTask task;
    task.name = {name, where};
    task.time = {dated(time->text), dated_where(time->text, where)};
    add(std::move(task));
  }

  /// "Thời gian đăng ký thi cải thiện điểm D: Bắt đầu từ khi có điểm lần 1
  /// đến trước ngày thi lại 3 ngày": a time the document names as one, with
  /// no date tiendo can find. The task keeps it: the plan says it was not
  /// read, rather than lose it.
  void labelled_time(const std::string& label, const std::string& value, const std::string& where) {
    if (!folded(label).starts_with("thoi gian") || !has_word(value)) return;
    auto time = value;
    while (!time.empty() && (time.back() == '.' || time.back() == ';')) time.pop_back();
    std::string name = label;
    if (generic_time_label(label) && previous_announces_ && !previous_.empty()) name = previous_;
    DraftTask task;
    task.name = {name_without(name, {}, 300), where};
    task.time = {trim(time), where};
    add(std::move(task));
  }

  /// The times the reader reads in a clause before its last one, in order.
  std::vector<TimeInText> earlier_times(const std::string& value, const TimeInText& last) const {
    std::vector<TimeInText> out;
    for (auto end = last.begin; end > 0;) {
      const auto head = value.substr(0, end);
      if (!has_date(head)) break;
      const auto t = time_in(head, context_);
      if (!t || t->reading == Reading::not_read) break;
      out.insert(out.begin(), *t);
      end = t->begin;
    }
    return out;
  }

  /// The words between two times, without the conjunction that joins them.
  static std::string segment_name(const std::string& value, std::size_t from, std::size_t to) {
    auto words = trim(value.substr(from, to > from ? to - from : 0));
    while (!words.empty() && (words.front() == ',' || words.front() == ';'))
      words = trim(words.substr(1));
    for (const std::string_view conjunction : {"va ", "nen ", "roi ", "sau do ", "dong thoi "}) {
      if (folded(words).starts_with(conjunction)) {
        const auto n = std::count(conjunction.begin(), conjunction.end(), ' ');
        for (std::ptrdiff_t i = 0; i < n && words.find(' ') != std::string::npos; ++i)
          words = trim(words.substr(words.find(' ') + 1));
        break;
      }
    }
    return words;
  }

  /// A time without a year, in a document without a date of issue, gets
  /// the document's year ("trước ngày 7/9" → "trước ngày 7/9/2020"): the
  /// plan's year would otherwise be guessed from nothing.
  std::string dated(const std::string& time) const {
    if (draft_.issued || year_.year == 0) return time;
    const auto with = with_year(time, year_.year);
    return with && reading_of(*with, context_) != Reading::not_read ? *with : time;
  }

  std::string dated_where(const std::string& time, const std::string& where) const {
    return dated(time) == time ? where
                               : where + "; the year " + std::to_string(year_.year) + " from " +
                                     year_.where + " (the text has none)";
  }

  void note_day(const std::string& time, const std::string& where) {
    // Under a week's title, an item's own day is its own: the items after
    // it keep the week.
    if (week_scope_) return;
    if (single_day(dated(time), context_)) day_ = Found{dated(time), where};
  }

  /// A task, in the group of the heading above it (made when its first
  /// task comes, so that a heading over nothing is no group).
  void add(DraftTask task) {
    if (pending_group_) {
      DraftGroup g;
      g.name = *pending_group_;
      auto base = slugged(without_marker(g.name.text), 4);
      if (base.empty()) base = "nhom";
      g.id = base;
      for (int n = 2; std::any_of(draft_.groups.begin(), draft_.groups.end(),
                                  [&](const DraftGroup& x) { return x.id == g.id; });
           ++n) {
        g.id = base + "-" + std::to_string(n);
      }
      group_ = g.id;
      draft_.groups.push_back(std::move(g));
      pending_group_.reset();
    }
    task.group = group_;
    declare_event(task);
    draft_.tasks.push_back(std::move(task));
  }

  const Document& document_;
  PlanDraft& draft_;
  DocumentYear year_;
  PhraseContext context_;
  std::vector<Event> events_;
  bool started_ = false;
  bool week_scope_ = false;   ///< the title names a week its items fall in
  bool tables_read_ = false;  ///< a task table was read: paragraphs only
  /// Beside a task table, the days ("30/8") its times name: a paragraph
  /// that names none other restates the table and is no task of its own.
  std::set<std::string> held_days_;
  void hold(const std::string& time) {
    for (auto& d : days_named(folded(time))) held_days_.insert(std::move(d));
  }
  bool new_day(const std::string& f) const {
    const auto days = days_named(f);
    return std::any_of(days.begin(), days.end(),
                       [&](const std::string& d) { return held_days_.count(d) == 0; });
  }
  std::string subject_;              // what the plan is about: its title without "Kế hoạch"
  std::string previous_;             // the item before, which names a "Thời gian:" line
  bool previous_announces_ = false;  // it ends with ':'
  std::optional<Found> pending_group_;
  std::string group_;
  std::optional<Found> day_;      // the day clock-led items are on
  std::string raw_;               // the paragraph being read, as written
  bool day_scope_ = false;        // under a heading that is a day: its items are on it
  bool first_after_day_ = false;  // the paragraph read next is the first under a day's heading
};

}  // namespace

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
