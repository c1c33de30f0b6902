// `tiendo explain`: every time phrase of a plan, or one phrase, and the dates
// it was taken to mean.
#include <tiendo/phrase.hpp>
#include <tiendo/report.hpp>

#include <algorithm>
#include <unordered_map>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

using detail::JsonWriter;

/// The words of a phrase a constraint came from.
std::string_view words_of(const Constraint& c) {
  const std::string_view written = c.written;
  if (c.words_end <= c.words_begin || c.words_end > written.size()) return written;
  return written.substr(c.words_begin, c.words_end - c.words_begin);
}

void constraint_json(JsonWriter& w, const Constraint& c) {
  w.begin_object().member("kind", to_string(c.kind)).member("date", format_iso(c.date));
  if (c.kind == ConstraintKind::window) w.member("until", format_iso(c.until));
  if (!c.event.empty()) w.member("event", c.event);
  w.member("words", words_of(c));
  w.end_object();
}

}  // namespace

std::string meetings_text(const Plan& plan, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  for (const auto& c : plan.committees) {
    out += (en ? "Meetings of " : "Các kỳ họp của ") + c.id +
           (c.name.empty() ? "" : " (" + c.name + ")") + ":";
    if (c.meetings.empty()) out += en ? " none" : " không có";
    for (const Date m : c.meetings) out += " " + (en ? format_iso(m) : format_vn(m));
    out += "\n";
    for (const auto& m : c.moved_by_days_off) {
      const auto day = [&](Date d) { return en ? format_iso(d) : format_vn(d); };
      out +=
          "  " + day(m.from) + " (" + (en ? m.reason : std::string(reason_off_vi(m.reason))) + ") ";
      if (m.to) {
        out += (en ? "moved to " : "dời sang ") + day(*m.to) + "\n";
      } else {
        out += en ? "skipped: no working day left that month\n"
                  : "bỏ: tháng đó không còn ngày làm việc\n";
      }
    }
  }
  return out;
}

std::string explain_plan(const Plan& plan, Lang lang) {
  std::string out = meetings_text(plan, lang);
  const bool en = lang == Lang::en;
  const auto phrases = [&](const std::string& id, const std::vector<Constraint>& constraints,
                           const std::optional<MeetingRef>& meeting) {
    // Constraints read from one phrase sit next to each other; each says
    // which of its words it came from when not all of them.
    std::size_t i = 0;
    while (i < constraints.size()) {
      const auto& written = constraints[i].written;
      std::size_t j = i;
      while (j < constraints.size() && constraints[j].written == written) ++j;
      if (!written.empty()) {
        out += id + " (" + (en ? "line " : "dòng ") + std::to_string(constraints[i].where.line) +
               "): \"" + written + "\"";
        const bool whole = std::all_of(constraints.begin() + static_cast<long>(i),
                                       constraints.begin() + static_cast<long>(j),
                                       [&](const Constraint& c) { return words_of(c) == written; });
        if (whole) {
          std::string meaning;
          for (std::size_t k = i; k < j; ++k) {
            meaning += (meaning.empty() ? "" : "; ") + describe(constraints[k], lang);
          }
          out += " → " + meaning + "\n";
        } else {
          out += "\n";
          for (std::size_t k = i; k < j; ++k) {
            out += "    \"" + std::string(words_of(constraints[k])) + "\" → " +
                   describe(constraints[k], lang) + "\n";
          }
        }
      }
      i = j;
    }
    if (meeting && !meeting->written.empty()) {
      out += id + " (" + (en ? "line " : "dòng ") + std::to_string(meeting->where.line) + "): \"" +
             meeting->written + "\" → " + describe(*meeting, lang) + "\n";
    }
  };
  // Phrases that set no date ('Thường xuyên') are phrases of the plan too.
  std::unordered_multimap<std::string_view, const OpenPhrase*> open;
  for (const auto& o : plan.open_phrases) open.emplace(o.subject, &o);
  const auto open_of = [&](const std::string& id) {
    const auto [from, to] = open.equal_range(id);
    std::vector<const OpenPhrase*> found;
    for (auto it = from; it != to; ++it) found.push_back(it->second);
    std::sort(found.begin(), found.end(), [](const OpenPhrase* a, const OpenPhrase* b) {
      return a->where.line < b->where.line;
    });
    for (const auto* o : found) {
      out += id + " (" + (en ? "line " : "dòng ") + std::to_string(o->where.line) + "): \"" +
             o->written + "\" → " + (en ? o->meaning_en : o->meaning_vi) + "\n";
    }
  };
  for (const auto& task : plan.tasks) {
    phrases(task.id, task.constraints, std::nullopt);
    open_of(task.id);
    for (const auto& step : task.steps) {
      phrases(step.id, step.constraints, step.meeting);
      if (step.id != task.id) open_of(step.id);
    }
  }
  if (out.empty()) {
    out = en ? "no time phrases in this plan\n" : "kế hoạch không có cụm từ thời gian nào\n";
  }
  return out;
}

Explained explain_phrase(std::string_view phrase, int year, Lang lang, bool as_json) {
  PhraseContext context;
  context.year = year;
  const auto r = read_phrase(phrase, context);
  const bool en = lang == Lang::en;
  const auto column = [&](std::uint32_t byte) {
    int n = 1;
    for (std::uint32_t k = 0; k < byte && k < phrase.size(); ++k) {
      n += (static_cast<unsigned char>(phrase[k]) & 0xC0) == 0x80 ? 0 : 1;
    }
    return n;
  };
  if (as_json) {
    JsonWriter w;
    w.begin_object()
        .member("format", "tiendo-phrase-1")
        .member("phrase", phrase)
        .member("ok", r.ok());
    if (!r.ok()) {
      w.member("error", r.error)
          .member("column", column(r.error_begin))
          .member("understood", r.understood)
          .member("suggestion", r.suggestion)
          .end_object();
      return {w.finish(), false};
    }
    w.key("constraints").begin_array();
    for (auto c : r.constraints) {
      c.written = std::string(phrase);
      constraint_json(w, c);
    }
    w.end_array();
    if (r.meeting) {
      w.key("meeting").begin_object().member("committee", r.meeting->committee);
      if (r.meeting->month) {
        const auto mm = static_cast<unsigned>(r.meeting->month->month());
        w.member("month", std::to_string(static_cast<int>(r.meeting->month->year())) + "-" +
                              (mm < 10 ? "0" : "") + std::to_string(mm));
      }
      if (r.meeting->date) w.member("date", format_iso(*r.meeting->date));
      w.end_object();
    }
    if (r.span) {
      w.key("span")
          .begin_array()
          .value(format_iso(r.span->first))
          .value(format_iso(r.span->second));
      w.end_array();
    }
    w.member("ongoing", r.ongoing).member("meaning", en ? r.meaning_en : r.meaning_vi);
    w.key("warnings").begin_array();
    for (const auto& warning : r.warnings) {
      w.begin_object()
          .member("severity", to_string(warning.severity))
          .member("code", warning.code)
          .member("column", column(warning.begin))
          .member("message", en ? warning.message_en : warning.message_vi)
          .end_object();
    }
    w.end_array().end_object();
    return {w.finish(), true};
  }
  if (!r.ok()) {
    // Said in `lang` (the JSON's "error" stays English, for tools).
    const auto& error = en || r.error_vi.empty() ? r.error : r.error_vi;
    const auto& suggestion = en || r.suggestion_vi.empty() ? r.suggestion : r.suggestion_vi;
    std::string text = error + "\n";
    if (!r.understood.empty())
      text += (en ? "read up to: " : "đọc được đến: ") + r.understood + "\n";
    if (!suggestion.empty()) text += (en ? "help: " : "gợi ý: ") + suggestion + "\n";
    return {text, false};
  }
  std::string text =
      "\"" + std::string(phrase) + "\" → " + (en ? r.meaning_en : r.meaning_vi) + "\n";
  for (const auto& warning : r.warnings) {
    text += std::string(to_string(warning.severity)) + " [" + warning.code +
            "]: " + (en ? warning.message_en : warning.message_vi) + "\n";
  }
  return {text, true};
}

}  // namespace tiendo
