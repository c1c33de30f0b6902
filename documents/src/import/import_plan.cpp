// From a document's draft to the plan file: ids, guessed kinds and durations,
// committees from the meetings the times name, every time phrase read the way
// `tiendo check` will read it, and the written plan read back before it is
// handed over.
#include <tiendo/analysis.hpp>
#include <tiendo/documents/import.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <tiendo/documents/yaml_writer.hpp>
#include "import/body_times.hpp"
#include "import/cell_items.hpp"
#include "import/named_deadlines.hpp"
#include "import/plan_draft.hpp"
#include "import/said.hpp"
#include "import/schedule_table.hpp"
#include "import/unread_dates.hpp"

namespace tiendo::documents {

namespace {

using import::DraftTask;
using import::Found;
using import::PlanDraft;
using import::yaml_scalar;
using import::YamlWriter;

struct KindGuess {
  const char* kind;
  const char* duration;
  const char* word;  ///< the word it was guessed from, as a planner writes it; null: none
};

/// A kind as the guesses' reasons name it (the plan's language is Vietnamese).
std::string kind_words(std::string_view kind) {
  if (kind == "draft") return "soạn thảo";
  if (kind == "approval") return "trình duyệt";
  if (kind == "production") return "sản xuất";
  if (kind == "broadcast") return "phát hành";
  if (kind == "event") return "sự kiện";
  return "khác";
}

/// A step's kind from its words; the duration a step of that kind usually takes.
KindGuess guess_kind(const std::string& name) {
  const auto f = import::folded(name);
  struct Word {
    const char* folded;   ///< as it is looked for
    const char* written;  ///< as the reason says it
  };
  struct Rule {
    const char* kind;
    const char* duration;
    std::initializer_list<Word> words;
  };
  // In this order: "tổng duyệt" is a dress rehearsal (an event), not an approval.
  static const Rule rules[] = {
      {"event", "1d", {{"tong duyet", "tổng duyệt"}}},
      {"approval",
       "1d",
       {{"trinh duyet", "trình duyệt"},
        {"duyet", "duyệt"},
        {"tham dinh", "thẩm định"},
        {"phe duyet", "phê duyệt"}}},
      {"draft",
       "10d",
       {{"xay dung", "xây dựng"},
        {"du thao", "dự thảo"},
        {"kich ban", "kịch bản"},
        {"de cuong", "đề cương"},
        {"bao cao", "báo cáo"}}},
      {"production",
       "20d",
       {{"ghi hinh", "ghi hình"},
        {"san xuat", "sản xuất"},
        {"thiet ke", "thiết kế"},
        {"thi cong", "thi công"},
        {"tich hop", "tích hợp"},
        {"in an", "in ấn"}}},
      {"broadcast",
       "5d",
       {{"phat song", "phát sóng"},
        {"xuat ban", "xuất bản"},
        {"treo", "treo"},
        {"dang tai", "đăng tải"},
        {"tuyen truyen", "tuyên truyền"},
        {"phat hanh", "phát hành"}}},
      {"event",
       "1d",
       {{"to chuc", "tổ chức"},
        {"hoi nghi", "hội nghị"},
        {"le ", "lễ"},
        {"giai", "giải"},
        {"lien hoan", "liên hoan"},
        {"thi ", "thi"},
        {"toa dam", "tọa đàm"},
        {"hoi thao", "hội thảo"}}},
  };
  for (const auto& rule : rules) {
    for (const auto& w : rule.words) {
      if (f.find(w.folded) != std::string::npos) return {rule.kind, rule.duration, w.written};
    }
  }
  return {"other", "5d", nullptr};
}

/// The keys of one mapping that tiendo guessed, with why: written as the
/// mapping's `guessed:`, which the plan reader counts into every verdict.
using Guessed = std::vector<std::pair<std::string, std::string>>;

void write_guessed(import::YamlWriter& w, const Guessed& guessed) {
  if (guessed.empty()) return;
  w.open("guessed", "not in the document: confirm each (remove it), or correct the value");
  for (const auto& [key, why] : guessed) w.scalar(key, why);
  w.close();
}

/// `not_read:` of a mapping: the times as written that gave no date (a
/// step's, a task's), or what of the document was left out (the plan's).
void write_not_read(import::YamlWriter& w, const std::vector<std::string>& items,
                    bool of_the_document = false) {
  if (items.empty()) return;
  const char* one = of_the_document ? "what the import did not read: `check` warns of it"
                                    : "a time tiendo could not read: `check` warns of it";
  const char* many = of_the_document ? "what the import did not read: `check` warns of each"
                                     : "times tiendo could not read: `check` warns of each";
  if (items.size() == 1) {
    w.scalar("not_read", items.front(), one);
    return;
  }
  std::string list = "[";
  for (const auto& t : items) list += (list.size() > 1 ? ", " : "") + yaml_scalar(t);
  w.raw("not_read", list + "]", many);
}

/// An id of a few words ("ban-tin-noi"), unique among `used`.
std::string slug(const std::string& text, std::set<std::string>& used, const char* fallback) {
  auto out = import::slugged(text, 3);
  if (out.empty()) out = fallback;
  auto unique = out;
  for (int n = 2; used.count(unique); ++n) unique = out + "-" + std::to_string(n);
  used.insert(unique);
  return unique;
}

/// "plans/129.docx" → "129": a title guessed from the file names the file,
/// not the folder it was in nor its format.
std::string base_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  return std::string(name);
}

/// The year of a plan whose document names no date and no year at all: a
/// placeholder the planner must replace, and a warning says so.
constexpr int kNoYear = 2024;

/// The first working day (Monday to Friday) after `day`.
Date next_weekday(Date day) {
  Date d = day + date::days{1};
  while (date::weekday{d} == date::Saturday || date::weekday{d} == date::Sunday) d += date::days{1};
  return d;
}

/// A committee the times name, and when.
struct NamedCommittee {
  std::set<date::year_month> months;
  std::set<Date> days;
  std::string where;
};

class PlanWriter {
 public:
  PlanWriter(const PlanDraft& draft, std::string_view file_name, std::string_view format,
             const ImportOptions& options)
      : draft_(draft), file_(file_name), format_(format), options_(options) {}

  /// Writes the plan; `not_read` are the phrases to keep as notes.
  std::string write(const std::set<std::string>& not_read) {
    not_read_ = not_read;
    lines_.clear();
    counted_to_ = 0;
    lines_counted_ = 0;
    YamlWriter w;
    w.comment("Imported by 'tiendo import' from " + std::string(file_) + " (" +
              std::string(format_) + "); tasks from " + draft_.tasks_from + ".");
    w.comment("Each value says where it was read. 'guessed' lists what tiendo invented: check");
    w.comment("each, then remove it; 'tiendo check' counts them in its verdict. Times tiendo");
    w.comment("could not read are kept under 'not_read', and 'tiendo check' warns of each.");
    write_info(w);
    write_calendar(w);
    write_events(w);
    write_committees(w);
    write_groups(w);
    write_tasks(w);
    return w.text();
  }

  /// The context phrases are read in, as `tiendo check` will have it.
  PhraseContext context() const {
    PhraseContext c;
    c.year = static_cast<int>(date::year_month_day{start_}.year());
    c.issued = draft_.issued;
    c.start = start_;
    c.events = &events_;
    c.committees = committees_.empty() ? nullptr : &committee_list_;
    c.calendar = &calendar_;
    return c;
  }

  void prepare() {
    calendar_.builtin = "vn";
    for (const auto& e : draft_.events) {
      events_.push_back({e.id, e.name.text, e.date, std::nullopt, e.aliases, {}});
    }
    earliest_ = earliest_date();
    start_ = start();
    // First reading, without committees: which committees the times name.
    auto without = context();
    without.committees = nullptr;
    for_each_time([&](const Found& time) {
      const auto r = read_phrase(time.text, without);
      if (!r.ok() || !r.meeting) return;
      auto& named = committees_[r.meeting->committee];
      if (named.where.empty()) named.where = time.where;
      if (r.meeting->month) named.months.insert(*r.meeting->month);
      if (r.meeting->date) named.days.insert(*r.meeting->date);
    });
    for (const auto& [id, named] : committees_) {
      Committee c;
      c.id = id;
      c.name = id;
      committee_list_.push_back(c);
    }
  }

  /// Each time phrase of the draft, once.
  template <typename F>
  void for_each_time(F f) const {
    for (const auto& t : draft_.tasks) {
      if (!t.time.empty()) f(t.time);
      for (const auto& s : t.steps) {
        if (!s.time.empty()) f(s.time);
      }
    }
  }

  /// The line each written time phrase is on, to find it again from a
  /// diagnostic of the read-back.
  const std::map<int, std::string>& lines() const { return lines_; }

  int times_read = 0, times_not_read = 0;

  /// What of the document was left out (a table, a column of times): the
  /// plan's `not_read`, so that `check` warns of each.
  void set_losses(std::vector<std::string> losses) { losses_ = std::move(losses); }

  /// The document names no date at all: the plan's start is a placeholder.
  bool undated() const { return !draft_.issued && !earliest_ && !draft_.year; }

 private:
  /// The first date the times (or due dates) name, read in the draft's
  /// year; nullopt when they name none.
  std::optional<Date> earliest_date() const {
    std::optional<Date> earliest;
    PhraseContext c;
    c.year = draft_.year.value_or(0);
    c.events = &events_;
    for_each_time([&](const Found& time) {
      const auto r = read_phrase(time.text, c);
      if (!r.ok()) return;
      for (const auto& k : r.constraints) earliest = std::min(earliest.value_or(k.date), k.date);
      if (r.meeting && r.meeting->month) {
        const Date d{r.meeting->month->year() / r.meeting->month->month() / 1};
        earliest = std::min(earliest.value_or(d), d);
      }
    });
    for (const auto& t : draft_.tasks) {
      if (t.due) earliest = std::min(earliest.value_or(*t.due), *t.due);
    }
    return earliest;
  }

  /// The plan's first day: the first working day after its issue date; else
  /// a month before the first date its times name (on the 1st); else the
  /// 1st of January of the year its dates name. Never today, never a year
  /// the document does not name, but for a document that names no date at
  /// all (said by a warning).
  /// The times name a day from the issue date up to the next working day.
  bool issued_day_named() const {
    return draft_.issued && earliest_ && *earliest_ >= *draft_.issued &&
           *earliest_ < next_weekday(*draft_.issued);
  }

  Date start() const {
    // A week's schedule issued on its Monday names that Monday: the plan
    // starts then. (Never before it is issued: "Trong năm 2024" names 1
    // January, which is no start.)
    if (draft_.issued) return issued_day_named() ? *earliest_ : next_weekday(*draft_.issued);
    if (earliest_) {
      // A month before, but never before the first year a plan may have
      // (a time in January 1900 would start it in 1899, which no plan reads).
      const date::year_month_day first{*earliest_};
      const Date month_before{(first.year() / first.month() - date::months{1}) / 1};
      return std::max(month_before, Date{date::year{1900} / 1 / 1});
    }
    return Date{date::year{draft_.year.value_or(kNoYear)} / 1 / 1};
  }

  /// Why the plan starts when it does: always a guess, the document never
  /// says its own first day of work.
  std::string start_reason() const {
    if (draft_.issued) {
      return issued_day_named() ? "ngày sớm nhất các thời gian nêu, ngay sau khi ban hành"
                                : "ngày làm việc đầu tiên sau ngày ban hành";
    }
    const auto year = draft_.year ? " (" + draft_.year_guess + ")" : std::string{};
    if (earliest_) {
      return "một tháng trước ngày sớm nhất các thời gian nêu; văn bản không ghi ngày ban hành" +
             year;
    }
    if (draft_.year) return "các thời gian không nêu ngày nào; " + draft_.year_guess;
    return "văn bản không nêu ngày và năm nào: hãy đặt ngày bắt đầu của kế hoạch";
  }

  /// The line the writer is on, counted from where it was last asked (a
  /// plan of ten thousand steps must not be counted again for each).
  int line_of(const YamlWriter& w) {
    const auto& text = w.text();
    lines_counted_ += static_cast<int>(
        std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to_), text.end(), '\n'));
    counted_to_ = text.size();
    return lines_counted_ + 1;
  }

  void write_info(YamlWriter& w) {
    w.open("plan");
    Guessed guessed;
    if (!draft_.id.empty()) {
      w.scalar("id", draft_.id.text, draft_.id.where);
    } else {
      w.scalar("id", "IMPORTED");
      guessed.emplace_back("id", "văn bản không ghi số hiệu");
    }
    const auto title = !draft_.title.empty()     ? draft_.title.text
                       : !options_.title.empty() ? options_.title
                                                 : base_name(file_);
    w.scalar("title", title, !draft_.title.empty() ? draft_.title.where : "");
    if (draft_.title.empty() && options_.title.empty()) {
      guessed.emplace_back("title", "tên tệp: văn bản không ghi tên kế hoạch");
    }
    if (!draft_.issuer.empty()) w.scalar("issuer", draft_.issuer.text, draft_.issuer.where);
    if (draft_.issued) {
      w.raw("issued", format_iso(*draft_.issued),
            draft_.issued_where + (draft_.place.empty() ? "" : ", " + draft_.place.text));
    }
    w.raw("lang", "vi");
    w.raw("start", format_iso(start_));
    guessed.emplace_back("start", start_reason());
    write_not_read(w, losses_, true);
    write_guessed(w, guessed);
    w.close();
  }

  void write_calendar(YamlWriter& w) {
    w.open("calendar");
    w.raw("days_off", "[sat, sun]", "state agencies' working week");
    w.raw("holidays", "vn", "Vietnam's public holidays");
    w.close();
  }

  void write_events(YamlWriter& w) {
    if (draft_.events.empty()) {
      w.comment("events: add the ceremony or congress here (id, name, date, aliases) so that");
      w.comment("times such as 'Tại Lễ Kỷ niệm' or 'Sau Đại hội' can be read");
      return;
    }
    w.open("events");
    for (const auto& e : draft_.events) {
      w.item();
      w.raw("id", e.id);
      w.scalar("name", e.name.text, e.name.where);
      w.raw("date", format_iso(e.date));
      std::string aliases = "[";
      for (const auto& a : e.aliases) aliases += (aliases.size() > 1 ? ", " : "") + yaml_scalar(a);
      w.raw("aliases", aliases + "]", "how the times may name it");
      Guessed guessed;
      if (!e.name.guess.empty()) guessed.emplace_back("name", e.name.guess);
      if (!e.guess.empty()) guessed.emplace_back("date", e.guess);
      write_guessed(w, guessed);
      w.close();
    }
    w.close();
  }

  void write_committees(YamlWriter& w) {
    if (committees_.empty()) return;
    w.open("committees");
    for (const auto& [id, named] : committees_) {
      w.open(yaml_scalar(id), "named in " + named.where);
      Guessed guessed{{"name", "văn bản chỉ ghi tên viết tắt"}};
      w.scalar("name", id);
      if (!named.days.empty()) {
        std::string days = "[";
        for (const auto d : named.days) days += (days.size() > 1 ? ", " : "") + format_iso(d);
        w.raw("meetings", days + "]", "the days the times name");
      }
      if (!named.months.empty()) {
        // One meeting in each month named: the day is not in the document.
        w.raw("rule", "{every: month, weekday: thu, nth: last}",
              "list its real 'meetings' instead");
        guessed.emplace_back("rule",
                             "văn bản chỉ nêu tháng họp, không nêu ngày: giả định họp vào thứ Năm "
                             "cuối tháng");
        const auto first = *named.months.begin();
        const auto last = *named.months.rbegin();
        w.raw("from", format_iso(Date{first / 1}), "the first month the times name");
        w.raw("until", format_iso(Date{last / date::last}), "the last month the times name");
      }
      w.raw("submit_lead", "3d", "documents go in 3 working days before the meeting");
      guessed.emplace_back("submit_lead", "văn bản không nêu hạn gửi tài liệu trước kỳ họp");
      write_guessed(w, guessed);
      w.close();
    }
    w.close();
  }

  void write_groups(YamlWriter& w) {
    if (draft_.groups.empty()) return;
    w.open("groups");
    for (const auto& g : draft_.groups) {
      w.item();
      w.raw("id", g.id);
      w.scalar("name", g.name.text, g.name.comment());
      if (!g.parent.empty()) w.raw("parent", g.parent);
      w.close();
    }
    w.close();
  }

  /// `when:` for a phrase tiendo reads; else the phrase kept in `notes`.
  /// What was assumed in reading it (two lines read as one) is a guess.
  void time_of(YamlWriter& w, const Found& time, std::vector<std::string>& notes,
               Guessed& guessed) {
    if (time.empty()) return;
    if (not_read_.count(time.text)) {
      notes.push_back(time.text);
      ++times_not_read;
      return;
    }
    lines_[line_of(w)] = time.text;
    w.scalar("when", time.text, time.where);
    if (!time.guess.empty()) guessed.emplace_back("when", time.guess);
    ++times_read;
  }

  void note_of(YamlWriter& w, const DraftTask& t, const std::vector<std::string>& times) {
    std::string note;
    for (const auto& n : t.notes) note += (note.empty() ? "" : " | ") + n.text;
    if (!note.empty()) w.scalar("note", note, "what the row holds besides");
    write_not_read(w, times);
  }

  void write_tasks(YamlWriter& w) {
    w.open("tasks");
    // One namespace with the events and groups: a task named like the
    // ceremony it is ("Lễ kỷ niệm …") gets an id of its own.
    std::set<std::string> ids;
    for (const auto& e : draft_.events) ids.insert(e.id);
    for (const auto& g : draft_.groups) ids.insert(g.id);
    for (const auto& t : draft_.tasks) {
      w.blank();
      const auto stt = t.number.empty() ? std::string{} : "STT " + t.number.text;
      w.item(stt);
      w.raw("id", slug(t.name.text, ids, "nhiem-vu"));
      w.scalar("name", t.name.text, t.name.where);
      if (!t.group.empty()) w.raw("group", t.group);
      if (!t.owner.empty()) w.scalar("owner", t.owner.text, t.owner.where);
      if (!t.lead.empty()) w.scalar("lead", t.lead.text, t.lead.where);
      if (!t.assist.empty()) {
        w.raw("assist", "[" + yaml_scalar(t.assist.text) + "]", t.assist.where);
      }
      std::vector<std::string> unread;
      if (t.steps.empty()) {
        Guessed guessed;
        if (!t.guess.empty()) guessed.emplace_back("name", t.guess);
        write_step_body(w, t.name.text, t.time, unread, guessed);
        if (t.due) {
          w.raw("due", format_iso(*t.due), t.due_where);
          if (!t.due_guess.empty()) guessed.emplace_back("due", t.due_guess);
        }
        note_of(w, t, unread);
        write_guessed(w, guessed);
        w.close();
        ++tasks;
        ++steps;
        continue;
      }
      // The task's own time is its result's ("Xuất bản kỳ tháng 10/2024",
      // "Tại Lễ Kỷ niệm"): a last step holds it, after the steps it names.
      const bool own_time = !t.time.empty() && !not_read_.count(t.time.text);
      if (!t.time.empty() && !own_time) {
        unread.push_back(t.time.text);
        ++times_not_read;
      }
      Guessed task_guessed;
      if (!t.guess.empty()) task_guessed.emplace_back("name", t.guess);
      if (t.due) {
        w.raw("due", format_iso(*t.due), t.due_where);
        if (!t.due_guess.empty()) task_guessed.emplace_back("due", t.due_guess);
      }
      note_of(w, t, unread);
      write_guessed(w, task_guessed);
      w.open("steps");
      std::set<std::string> step_ids;
      auto all_steps = t.steps;
      if (own_time) all_steps.push_back({{t.name.text, {}}, t.time});
      for (std::size_t i = 0; i < all_steps.size(); ++i) {
        const auto& s = all_steps[i];
        const bool result_step = i == t.steps.size();
        w.item();
        w.raw("id", slug(s.name.text, step_ids, "buoc"));
        w.scalar("name", s.name.text, s.name.where);
        Guessed guessed;
        if (result_step) {
          guessed.emplace_back("name",
                               "thời gian chung của nhiệm vụ, gán cho bước kết quả cuối cùng");
        }
        std::vector<std::string> step_unread;
        write_step_body(w, s.name.text + " " + s.time.text, s.time, step_unread, guessed);
        write_not_read(w, step_unread);
        write_guessed(w, guessed);
        w.close();
        ++steps;
      }
      w.close();
      w.close();
      ++tasks;
    }
    w.close();
  }

  void write_step_body(YamlWriter& w, const std::string& name, const Found& time,
                       std::vector<std::string>& unread, Guessed& guessed) {
    const bool readable = !time.empty() && !not_read_.count(time.text);
    const auto r = readable ? read_phrase(time.text, context()) : PhraseReading{};
    const bool meeting = readable && r.ok() && r.meeting;
    const bool span = readable && r.ok() && r.span;
    const auto g = guess_kind(name);
    const bool at_event =
        readable && r.ok() &&
        std::any_of(r.constraints.begin(), r.constraints.end(), [](const Constraint& c) {
          return c.kind == ConstraintKind::start_on && !c.event.empty();
        });
    if (meeting) {
      w.raw("kind", "approval", "a committee meeting approves it");
    } else if (at_event) {
      // Held at the ceremony: on its day, whatever day of the week it is.
      w.raw("kind", "event");
      w.raw("duration", "1cd");
      guessed.emplace_back("kind", "thời gian của bước là ngày của một sự kiện");
      guessed.emplace_back("duration", "một ngày: ngày diễn ra sự kiện");
    } else {
      w.raw("kind", g.kind);
      guessed.emplace_back("kind", g.word ? "từ chữ '" + std::string(g.word) + "' trong tên bước"
                                          : "tên bước không cho biết loại bước");
      // A time of one day ("ngày 22/5/2018", "lúc 15h00 ngày 18/3/2024"):
      // the step is that day's, whatever its kind usually takes.
      const bool one_day = readable && r.ok() && r.constraints.size() == 1 &&
                           (r.constraints[0].kind == ConstraintKind::start_on ||
                            r.constraints[0].kind == ConstraintKind::finish_on);
      if (one_day) {
        w.raw("duration", "1d");
        guessed.emplace_back("duration", "một ngày: thời gian của bước là một ngày");
      } else if (!span) {
        w.raw("duration", g.duration);
        guessed.emplace_back("duration", "thời lượng thường lệ của bước loại " +
                                             kind_words(g.kind) + "; văn bản không ghi");
      }
    }
    time_of(w, time, unread, guessed);
  }

  const PlanDraft& draft_;
  std::string_view file_, format_;
  const ImportOptions& options_;
  CalendarSpec calendar_;
  std::vector<Event> events_;
  std::map<std::string, NamedCommittee> committees_;
  std::vector<Committee> committee_list_;
  std::set<std::string> not_read_;
  std::map<int, std::string> lines_;
  std::vector<std::string> losses_;  ///< what of the document was left out, for `not_read`
  std::optional<Date> earliest_;
  Date start_{};
  std::size_t counted_to_ = 0;
  int lines_counted_ = 0;

 public:
  int tasks = 0, steps = 0;
};

/// A warning of the reading that says part of the document is not in the
/// plan (a table or a column of times left out): kept in the plan itself.
bool is_loss(const Diagnostic& d) {
  static const std::set<std::string_view> codes{"table-not-read", "time-column-not-read",
                                                "row-not-read", "date-not-read"};
  return d.severity == Severity::warning && codes.count(d.code) > 0;
}

/// Dates without a year in a document that names none: what the body's
/// reader passes by rather than date them in a year of its own choosing.
bool undated_days(const Document& document, const PlanDraft& draft) {
  if (import::document_year(document, draft).year != 0) return false;
  return std::any_of(document.body.begin(), document.body.end(), [](const Block& b) {
    const auto* p = b.paragraph();
    return p != nullptr && !import::days_named(import::folded(p->text)).empty();
  });
}

/// The task table, and the body's dated items beside it; else the body.
bool read_table_and_body(const Document& document, PlanDraft& draft) {
  if (!import::read_task_table(document, draft)) return import::read_body_tasks(document, draft);
  if (const int more = import::read_body_beside_tables(document, draft); more > 0) {
    draft.tasks_from += "; and " + std::to_string(more) + " dated items of the body";
    draft.tasks_from_vi += "; và " + std::to_string(more) + " mục có thời gian trong văn bản";
  }
  return true;
}

}  // namespace

ImportResult import_plan(std::string_view bytes, std::string_view file_name,
                         const ImportOptions& options) {
  ImportResult out;
  auto read = read_document(bytes, file_name);
  out.diagnostics = read.diagnostics;
  if (!read.document) return out;
  const auto& document = *read.document;

  PlanDraft draft;
  import::read_front_matter(document, draft);
  if (!draft.year && options.year) {
    // The document names no year at all: the planner's (--year), said so.
    draft.year = options.year;
    draft.year_guess = "năm cho bằng --year; văn bản không nêu năm nào";
  }
  // A schedule whose first column is the day is no task table with a time
  // column: the body's reader takes it, with the body's dated items.
  const bool found = import::has_day_table(document) || import::has_span_column_table(document)
                         ? import::read_body_tasks(document, draft)
                         : read_table_and_body(document, draft);
  if (undated_days(document, draft)) {
    // "gửi về … đến hết 15-6", "từ 19-6 đến hết 28-6" and no year anywhere:
    // tiendo never takes a year from a default.
    out.diagnostics.push_back(import::said(
        Severity::error, "no-year",
        "the document's dates have no year, and it names none (no date of issue, no year in "
        "its title or text), so none of them is read",
        "các ngày trong văn bản không ghi năm, và văn bản không nêu năm nào (không có ngày ban "
        "hành, tiêu đề và nội dung không có năm), nên không ngày nào được đọc",
        "give the year: tiendo import FILE --year 2023",
        "hãy cho biết năm: tiendo import FILE --year 2023"));
    return out;
  }
  if (!found) {
    out.diagnostics.push_back(import::said(
        Severity::error, "no-tasks",
        "no task table (a header with NỘI DUNG and THỜI GIAN, or rounds 'Đợt 1 … Đợt N') and no "
        "item of the body with a time",
        "không có bảng nhiệm vụ (dòng tiêu đề có NỘI DUNG và THỜI GIAN, hoặc các đợt 'Đợt 1 … Đợt "
        "N') và không có mục nào trong văn bản nêu thời gian",
        "the plan's appendix table is what tiendo reads; a table pasted as TSV works too",
        "tiendo đọc bảng phụ lục của kế hoạch; một bảng dán dạng TSV cũng được"));
    return out;
  }
  import::read_named_deadlines(draft);
  // What the document dates and the draft does not hold is said too.
  import::report_unread_dates(document, draft);
  out.diagnostics.insert(out.diagnostics.end(), draft.diagnostics.begin(), draft.diagnostics.end());
  out.tasks_from = draft.tasks_from;
  out.tasks_from_vi = draft.tasks_from_vi;
  out.groups = static_cast<int>(draft.groups.size());

  PlanWriter writer(draft, file_name, to_string(document.format), options);
  writer.prepare();
  if (writer.undated()) {
    out.diagnostics.push_back(import::said(
        Severity::warning, "start-not-found",
        "the document names no issue date, no date in its times and no year; the plan's start "
        "is a placeholder (" +
            std::to_string(kNoYear) + "-01-01)",
        "văn bản không nêu ngày ban hành, thời gian không có ngày nào và không nêu năm; ngày bắt "
        "đầu của kế hoạch chỉ là giá trị tạm (01/01/" +
            std::to_string(kNoYear) + ")",
        "set 'start' (and 'issued') in the plan", "hãy đặt 'start' (và 'issued') trong kế hoạch"));
  }
  // The times tiendo cannot read in the plan's context are kept as notes,
  // each with a warning that says why.
  std::set<std::string> not_read;
  std::map<std::string, std::vector<std::string>>
      places;  // each unread phrase: every cell it is in
  std::vector<std::pair<std::string, PhraseReading>> unread;
  writer.for_each_time([&](const Found& time) {
    auto r = read_phrase(time.text, writer.context());
    if (r.ok()) return;
    places[time.text].push_back(time.where);
    if (not_read.insert(time.text).second) unread.emplace_back(time.text, std::move(r));
  });
  for (const auto& [text, r] : unread) {
    // Every cell, up to a few: the same phrase in a thousand cells is one warning.
    std::string where;
    const auto& cells = places[text];
    for (std::size_t i = 0; i < cells.size() && i < 5; ++i) {
      where += (where.empty() ? "" : "; ") + cells[i];
    }
    if (cells.size() > 5) where += "; and " + std::to_string(cells.size() - 5) + " more";
    const bool several = places[text].size() > 1;
    out.diagnostics.push_back(import::said(
        Severity::warning, "time-not-read",
        import::quoted(text) + " (" + where + "): " + r.error +
            (several ? "; kept under the steps' 'not_read'" : "; kept under the step's 'not_read'"),
        import::quoted(text) + " (" + import::vietnamese_place(where) +
            "): " + (r.error_vi.empty() ? r.error : r.error_vi) +
            (several ? "; được giữ trong 'not_read' của các bước"
                     : "; được giữ trong 'not_read' của bước"),
        r.suggestion, r.suggestion_vi));
  }
  // Written, then read back as `tiendo check` will; a time that the plan as
  // a whole refuses becomes a note too, and the plan is written again.
  std::vector<std::string> losses;
  for (const auto& d : draft.diagnostics) {
    if (is_loss(d)) losses.push_back(d.message_in(Lang::vi));  // the plan is Vietnamese
  }
  for (int attempt = 0; attempt < 8; ++attempt) {
    PlanWriter pass(draft, file_name, to_string(document.format), options);
    pass.prepare();
    pass.set_losses(losses);
    auto yaml = pass.write(not_read);
    const auto analysis = analyze(yaml);
    bool changed = false;
    for (const auto& d : analysis.diagnostics) {
      if (d.severity != Severity::error) continue;
      const auto it = pass.lines().find(d.where.line);
      if (it != pass.lines().end() && not_read.insert(it->second).second) {
        out.diagnostics.push_back(import::said(
            Severity::warning, "time-not-read",
            import::quoted(it->second) + ": " + d.message + "; kept under the step's 'not_read'",
            import::quoted(it->second) + ": " + d.message_in(Lang::vi) +
                "; được giữ trong 'not_read' của bước",
            d.suggestion, d.suggestion_in(Lang::vi)));
        changed = true;
      }
    }
    if (analysis.ok()) {
      out.yaml = std::move(yaml);
      out.tasks = pass.tasks;
      out.steps = pass.steps;
      out.times_read = pass.times_read;
      out.times_not_read = pass.times_not_read;
      out.guesses = static_cast<int>(analysis.plan->guesses.size());
      return out;
    }
    if (!changed) {
      // A plan tiendo wrote and cannot read is tiendo's bug: said, not written.
      const auto first =
          std::find_if(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
      out.diagnostics.push_back(import::said(
          Severity::error, "import-unreadable",
          "the plan written from this document does not read back (line " +
              std::to_string(first->where.line) + ": " + first->message + "); nothing written",
          "kế hoạch viết ra từ văn bản này không đọc lại được (dòng " +
              std::to_string(first->where.line) + ": " + first->message_in(Lang::vi) +
              "); không ghi gì",
          "please report this file", "xin gửi tệp này để báo lỗi"));
      return out;
    }
  }
  out.diagnostics.push_back(
      import::said(Severity::error, "import-unreadable",
                   "the plan written from this document does not read back; nothing written",
                   "kế hoạch viết ra từ văn bản này không đọc lại được; không ghi gì"));
  return out;
}

}  // namespace tiendo::documents
