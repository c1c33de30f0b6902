#pragma once
// The reader of a plan's body (no task table, or the paragraphs beside one):
// private to the importer. Its jobs live in three files: body_tasks.cpp reads
// the body in order and dispatches each paragraph; body_headings.cpp the
// headings that scope the items under them (sections, days, sessions,
// phases); body_items.cpp the items themselves (a day's items, the
// sentences that carry times, the events they name).

#include <tiendo/phrase.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "import/body_times.hpp"
#include "import/body_words.hpp"
#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/unread_dates.hpp"

namespace tiendo::documents::import {

class BodyReader {
 public:
  BodyReader(const Document& document, PlanDraft& draft);

  /// "HOẠT ĐỘNG CHUYÊN MÔN TUẦN 16 ( TỪ 11/12/2017 ĐẾN 16/12/2017)": a
  /// week's plan, whose items without a time of their own fall in its days,
  /// as items under a day's heading do.
  void week_of_title(const Found& title);

  /// Reads the body in order, to "Nơi nhận" (the addressees), its end.
  void read();

  /// Reads the paragraphs only: the task table was read already.
  void beside_tables();

 private:
  void table(const Table& t);

  /// The group a table of the body is read into: the section it is in, and
  /// inside it the short heading right over the table, if any.
  std::string table_group();
  /// A section's heading waiting for its first task becomes its group.
  void open_pending_group();
  /// A group of the draft with an id of its own; returns the id.
  std::string new_group(const Found& name, const std::string& parent);

  /// One paragraph; false at the end of the body.
  bool paragraph(const Paragraph& p);

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
                    const std::string& where) const;

  /// A bold heading without a date: the group of the items under it. A
  /// title's lines ("QUYẾT ĐỊNH:", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") are no
  /// section: a section in capitals has its number ("III. CÁC ĐỢT …").
  bool section_heading(const std::string& raw, const std::string& text, const std::string& where);

  /// The rules the seeds were written for: a time in italics, after
  /// "Thời gian:", or as an item's last sentence.
  bool seed_rules(const Paragraph& p, const std::string& text, bool heading,
                  const std::string& where, DraftTask& task);

  /// "* Giai đoạn 1: + Thời gian nhận bài: từ … + Thời gian bình chọn …":
  /// a task of the head, a step per item with a time (they follow each
  /// other, as a phase's parts do).
  bool inline_phase(const std::string& text, const std::string& where);

  /// "Buổi sáng:", "Buổi chiều:", "Buổi sáng từ 8-12h:": a part of the day
  /// under a day's heading, whose items are still on that day.
  bool session_heading(const std::string& text);

  /// A paragraph that is nothing but a time: the time of the item above
  /// when that one announces it ("Thời gian tổng kết …:" / "Dự kiến vào
  /// tháng 7/2022"), else the heading of a day or a month whose items follow.
  bool time_heading(const std::string& text, const std::string& where, bool bold);

  /// A paragraph of running text under a day's heading: right after it,
  /// after a line that announces it ("Ngày làm việc thứ nhất của Đại hội:"),
  /// or led by a part of the day ("Buổi sáng: … . Buổi chiều: …"). Each of
  /// its sentences and clauses is an item of that day. False when it is no
  /// such paragraph.
  bool day_text(const std::string& text, const std::string& where, bool announces);

  /// "Buổi sáng: …", "Chiều: …": a clause led by a part of the day.
  static bool session_label(const std::string& text) {
    return body::starts_with_any(folded(text), {"buoi sang:", "buoi chieu:", "buoi toi:", "sang:",
                                                "chieu:", "toi:", "buoi sang :", "buoi chieu :"});
  }

  /// An item of a day's schedule: under the day's heading, or led by a
  /// clock time after an item that gave the day ("Thời gian: … ngày
  /// 18/6/2020" then "- Từ 7h30’ đến 7h40’: Kiểm tra quân số"). Its day is
  /// its time; the hour is said in the comment (tiendo plans in days). A
  /// leader's line of a work schedule ("Phó Chủ tịch Đỗ Văn Lô: 7 giờ, dự
  /// …. 8 giờ, dự kỳ họp …") is an item even unmarked: the leader is its
  /// owner, each activity led by a clock time a task.
  bool day_item(const std::string& text, bool marked, const std::string& where);

  /// Each sentence of an item that holds a time is a task: named by its
  /// label ("Thời gian học (5 tuần): …"), or by its words without the time.
  void sentences_with_times(const std::string& text, const std::string& where, const Found& number);

  /// A clause whose time counts from an event the document dated before
  /// ("Tựu trường sớm nhất trước 01 tuần so với ngày tổ chức khai giảng",
  /// after "Tổ chức khai giảng vào ngày 05/9/2022"): the words from its
  /// time word on, when the phrase reader reads them whole and they name
  /// the event. False when there is none.
  bool event_relative(const std::string& label, const std::string& value, const std::string& where,
                      const Found& number);

  /// A clause dated "cùng ngày": the day of the item before. False when
  /// it is no such clause (or there is no day before).
  bool same_day(const std::string& label, const std::string& value, const std::string& where);

  /// A ceremony the body dates ("Tổ chức khai giảng vào ngày 05/9/2022",
  /// "Lễ kỷ niệm … ngày 26/3"): an event of the plan too, so that the times
  /// that count from it ("trước 01 tuần so với ngày tổ chức khai giảng") read.
  void declare_event(const DraftTask& task);

  /// A parenthesis after an item's time that gives another item its own
  /// time ("… từ ngày 20/12/2017 đến 28/01/2018 (Khoa Máy tàu biển Lịch nộp
  /// học phí từ 25/12/2017 đến 29/12/2017)"): a task too. One that restates
  /// the time ("(tức ngày 10/9 âm lịch)", "(thứ Bảy)") is not.
  void aside_task(const std::string& after, const std::string& where);

  /// "Thời gian đăng ký thi cải thiện điểm D: Bắt đầu từ khi có điểm lần 1
  /// đến trước ngày thi lại 3 ngày": a time the document names as one, with
  /// no date tiendo can find. The task keeps it: the plan says it was not
  /// read, rather than lose it.
  void labelled_time(const std::string& label, const std::string& value, const std::string& where);

  /// The times the reader reads in a clause before its last one, in order.
  std::vector<TimeInText> earlier_times(const std::string& value, const TimeInText& last) const;

  /// The words between two times, without the conjunction that joins them.
  static std::string segment_name(const std::string& value, std::size_t from, std::size_t to);

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

  /// A clause led by a part of the day after an item on one day ("buổi
  /// chiều tiêm thôn Lủng Chuông"): on that day; with a day of the month
  /// only ("Sáng ngày 28 …"), on that day of the month before's.
  bool session_after_day(const std::string& label, const std::string& value,
                         const std::string& where);

  void note_day(const std::string& time, const std::string& where);

  /// A task, in the group of the heading above it (made when its first
  /// task comes, so that a heading over nothing is no group).
  void add(DraftTask task);

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
  bool new_day(const std::string& f) const {
    const auto days = days_named(f);
    return std::any_of(days.begin(), days.end(),
                       [&](const std::string& d) { return held_days_.count(d) == 0; });
  }
  std::string subject_;              // what the plan is about: its title without "Kế hoạch"
  std::string previous_;             // the item before, which names a "Thời gian:" line
  bool previous_announces_ = false;  // it ends with ':'
  std::optional<Found> pending_group_;
  std::optional<Found> over_table_;  // the short heading just read, which names a table under it
  std::string group_;
  std::optional<Found> day_;       // the day clock-led items are on
  std::optional<Found> same_day_;  // the last item's one day: what "cùng ngày" names
  std::string raw_;                // the paragraph being read, as written
  bool day_scope_ = false;         // under a heading that is a day: its items are on it
  bool first_after_day_ = false;   // the paragraph read next is the first under a day's heading
};

}  // namespace tiendo::documents::import
