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
#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"

namespace tiendo::documents {

namespace {

using import::DraftTask;
using import::Found;
using import::PlanDraft;
using import::yaml_scalar;
using import::YamlWriter;

struct Guess {
  const char* kind;
  const char* duration;
};

/// A step's kind from its words; the duration a step of that kind usually takes.
Guess guess_kind(const std::string& name) {
  const auto f = import::folded(name);
  const auto has = [&](const char* w) { return f.find(w) != std::string::npos; };
  if (has("tong duyet")) return {"event", "1d"};  // a dress rehearsal, not an approval
  if (has("trinh duyet") || has("duyet") || has("tham dinh") || has("phe duyet")) {
    return {"approval", "1d"};
  }
  if (has("xay dung") || has("du thao") || has("kich ban") || has("de cuong") || has("bao cao")) {
    return {"draft", "10d"};
  }
  if (has("ghi hinh") || has("san xuat") || has("thiet ke") || has("thi cong") || has("tich hop") ||
      has("in an")) {
    return {"production", "20d"};
  }
  if (has("phat song") || has("xuat ban") || has("treo") || has("dang tai") ||
      has("tuyen truyen") || has("phat hanh")) {
    return {"broadcast", "5d"};
  }
  if (has("to chuc") || has("hoi nghi") || has("le ") || has("giai") || has("lien hoan") ||
      has("thi ") || has("toa dam") || has("hoi thao")) {
    return {"event", "1d"};
  }
  return {"other", "5d"};
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
    w.comment("Each value says where it was read. GUESS marks what tiendo invented: check it,");
    w.comment("then remove the comment. Times tiendo could not read are kept as notes.");
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
  Date start() const {
    if (draft_.issued) return next_weekday(*draft_.issued);
    if (earliest_) {
      const date::year_month_day first{*earliest_};
      return Date{(first.year() / first.month() - date::months{1}) / 1};
    }
    return Date{date::year{draft_.year.value_or(kNoYear)} / 1 / 1};
  }

  std::string start_note() const {
    if (draft_.issued) return "GUESS: the first working day after the plan is issued";
    if (earliest_) {
      return "GUESS: a month before the first date the times name" +
             (draft_.year ? " (" + draft_.year_guess + ")" : std::string{});
    }
    if (draft_.year) return "GUESS: no date in the times; " + draft_.year_guess;
    return "GUESS: the document names no date and no year; set the plan's start";
  }

  /// The line the writer is on, counted from where it was last asked (a
  /// plan of ten thousand steps must not be counted again for each).
  int line_of(const YamlWriter& w) {
    const auto& text = w.text();
    lines_counted_ += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to_), text.end(), '\n'));
    counted_to_ = text.size();
    return lines_counted_ + 1;
  }

  void write_info(YamlWriter& w) {
    w.open("plan");
    if (!draft_.id.empty()) {
      w.scalar("id", draft_.id.text, draft_.id.where);
    } else {
      w.scalar("id", "IMPORTED", "GUESS: the plan's number");
    }
    const auto title = !draft_.title.empty()     ? draft_.title.text
                       : !options_.title.empty() ? options_.title
                                                 : base_name(file_);
    w.scalar("title", title, !draft_.title.empty() ? draft_.title.where : "GUESS: the file's name");
    if (!draft_.issuer.empty()) w.scalar("issuer", draft_.issuer.text, draft_.issuer.where);
    if (draft_.issued) {
      w.raw("issued", format_iso(*draft_.issued),
            draft_.issued_where + (draft_.place.empty() ? "" : ", " + draft_.place.text));
    }
    w.raw("lang", "vi", "GUESS: the document's language");
    w.raw("start", format_iso(start_), start_note());
    w.close();
  }

  void write_calendar(YamlWriter& w) {
    w.open("calendar");
    w.raw("days_off", "[sat, sun]", "GUESS: the usual working week");
    w.raw("holidays", "vn", "GUESS: Vietnam's public holidays");
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
      w.scalar("name", e.name.text, e.name.comment());
      w.raw("date", format_iso(e.date), e.guess.empty() ? "" : "GUESS: " + e.guess);
      std::string aliases = "[";
      for (const auto& a : e.aliases) aliases += (aliases.size() > 1 ? ", " : "") + yaml_scalar(a);
      w.raw("aliases", aliases + "]", "GUESS: how the times may name it");
      w.close();
    }
    w.close();
  }

  void write_committees(YamlWriter& w) {
    if (committees_.empty()) return;
    w.open("committees");
    for (const auto& [id, named] : committees_) {
      w.open(yaml_scalar(id), "named in " + named.where);
      w.scalar("name", id, "GUESS: the committee's full name");
      if (!named.days.empty()) {
        std::string days = "[";
        for (const auto d : named.days) days += (days.size() > 1 ? ", " : "") + format_iso(d);
        w.raw("meetings", days + "]", "the days the times name");
      }
      if (!named.months.empty()) {
        // One meeting in each month named: the day is not in the document.
        w.raw("rule", "{every: month, weekday: thu, nth: last}",
              "GUESS: meets on the last Thursday; list its real 'meetings' instead");
        const auto first = *named.months.begin();
        const auto last = *named.months.rbegin();
        w.raw("from", format_iso(Date{first / 1}), "the first month the times name");
        w.raw("until", format_iso(Date{last / date::last}), "the last month the times name");
      }
      w.raw("submit_lead", "3d", "GUESS: documents go in 3 working days before");
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
  void time_of(YamlWriter& w, const Found& time, std::vector<std::string>& notes) {
    if (time.empty()) return;
    if (not_read_.count(time.text)) {
      notes.push_back(time.text);
      ++times_not_read;
      return;
    }
    lines_[line_of(w)] = time.text;
    w.scalar("when", time.text, time.comment());
    ++times_read;
  }

  static std::string due_comment(const DraftTask& t) {
    return t.due_guess.empty() ? t.due_where : t.due_where + "; GUESS: " + t.due_guess;
  }

  void note_of(YamlWriter& w, const DraftTask& t, const std::vector<std::string>& times) {
    std::string note;
    for (const auto& s : times) note += (note.empty() ? "" : " | ") + ("Thời gian: " + s);
    for (const auto& n : t.notes) note += (note.empty() ? "" : " | ") + n.text;
    if (!note.empty()) {
      w.scalar("note", note,
               times.empty() ? "what the row holds besides"
                             : "GUESS: a time tiendo could not read, kept as written");
    }
  }

  void write_tasks(YamlWriter& w) {
    w.open("tasks");
    std::set<std::string> ids;
    for (const auto& t : draft_.tasks) {
      w.blank();
      const auto stt = t.number.empty() ? std::string{} : "STT " + t.number.text;
      w.item(t.guess.empty() ? stt : stt + (stt.empty() ? "" : "; ") + "GUESS: " + t.guess);
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
        write_step_body(w, t.name.text, t.time, unread);
        if (t.due) w.raw("due", format_iso(*t.due), due_comment(t));
        note_of(w, t, unread);
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
      if (t.due) w.raw("due", format_iso(*t.due), due_comment(t));
      note_of(w, t, unread);
      w.open("steps");
      std::set<std::string> step_ids;
      auto all_steps = t.steps;
      if (own_time)
        all_steps.push_back(
            {{t.name.text, "GUESS: the task's own time, given to its result as a last step"},
             t.time});
      for (const auto& s : all_steps) {
        w.item();
        w.raw("id", slug(s.name.text, step_ids, "buoc"));
        w.scalar("name", s.name.text, s.name.where);
        std::vector<std::string> step_unread;
        write_step_body(w, s.name.text + " " + s.time.text, s.time, step_unread);
        if (!step_unread.empty()) {
          std::string note;
          for (const auto& u : step_unread)
            note += (note.empty() ? "" : " | ") + ("Thời gian: " + u);
          w.scalar("note", note, "GUESS: a time tiendo could not read, kept as written");
        }
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
                       std::vector<std::string>& unread) {
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
      w.raw("kind", "event", "GUESS");
      w.raw("duration", "1cd", "GUESS: the event's one day");
    } else {
      w.raw("kind", g.kind, "GUESS");
      if (!span) w.raw("duration", g.duration, "GUESS");
    }
    time_of(w, time, unread);
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
  std::optional<Date> earliest_;
  Date start_{};
  std::size_t counted_to_ = 0;
  int lines_counted_ = 0;

 public:
  int tasks = 0, steps = 0;
};

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
  if (!import::read_task_table(document, draft) && !import::read_body_tasks(document, draft)) {
    out.diagnostics.push_back(
        {Severity::error,
         "no-tasks",
         "no task table (a header with NỘI DUNG and THỜI GIAN, or rounds 'Đợt 1 … Đợt N') and no "
         "item of the body with a time",
         {},
         {},
         "the plan's appendix table is what tiendo reads; a table pasted as TSV works too"});
    return out;
  }
  out.diagnostics.insert(out.diagnostics.end(), draft.diagnostics.begin(), draft.diagnostics.end());
  out.tasks_from = draft.tasks_from;
  out.groups = static_cast<int>(draft.groups.size());

  PlanWriter writer(draft, file_name, to_string(document.format), options);
  writer.prepare();
  if (writer.undated()) {
    out.diagnostics.push_back(
        {Severity::warning,
         "start-not-found",
         "the document names no issue date, no date in its times and no year; the plan's start "
         "is a placeholder (" +
             std::to_string(kNoYear) + "-01-01)",
         {},
         {},
         "set 'start' (and 'issued') in the plan"});
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
    out.diagnostics.push_back(
        {Severity::warning,
         "time-not-read",
         import::quoted(text) + " (" + where + "): " + r.error +
             (places[text].size() > 1 ? "; kept as the steps' notes" : "; kept as the step's note"),
         {},
         {},
         r.suggestion});
  }
  // Written, then read back as `tiendo check` will; a time that the plan as
  // a whole refuses becomes a note too, and the plan is written again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    PlanWriter pass(draft, file_name, to_string(document.format), options);
    pass.prepare();
    auto yaml = pass.write(not_read);
    const auto analysis = analyze(yaml);
    bool changed = false;
    for (const auto& d : analysis.diagnostics) {
      if (d.severity != Severity::error) continue;
      const auto it = pass.lines().find(d.where.line);
      if (it != pass.lines().end() && not_read.insert(it->second).second) {
        out.diagnostics.push_back(
            {Severity::warning,
             "time-not-read",
             import::quoted(it->second) + ": " + d.message + "; kept as the step's note",
             {},
             {},
             d.suggestion});
        changed = true;
      }
    }
    if (analysis.ok()) {
      out.yaml = std::move(yaml);
      out.tasks = pass.tasks;
      out.steps = pass.steps;
      out.times_read = pass.times_read;
      out.times_not_read = pass.times_not_read;
      return out;
    }
    if (!changed) {
      // A plan tiendo wrote and cannot read is tiendo's bug: said, not written.
      const auto first =
          std::find_if(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
      out.diagnostics.push_back({Severity::error,
                                 "import-unreadable",
                                 "the plan written from this document does not read back (line " +
                                     std::to_string(first->where.line) + ": " + first->message +
                                     "); nothing written",
                                 {},
                                 {},
                                 "please report this file"});
      return out;
    }
  }
  out.diagnostics.push_back(
      {Severity::error,
       "import-unreadable",
       "the plan written from this document does not read back; nothing written",
       {},
       {},
       {}});
  return out;
}

}  // namespace tiendo::documents
