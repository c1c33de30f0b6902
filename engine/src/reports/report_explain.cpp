// `tiendo explain`: every time phrase of a plan, or one phrase, and the dates
// it was taken to mean.
#include <tiendo/phrase.hpp>
#include <tiendo/report.hpp>

#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

using detail::JsonWriter;

std::string describe(const Constraint& c, Lang lang) {
  const bool en = lang == Lang::en;
  const auto day = [&](Date d) { return en ? format_iso(d) : format_vn(d); };
  switch (c.kind) {
    case ConstraintKind::not_before:
      return (en ? "not before " : "không sớm hơn ") + day(c.date);
    case ConstraintKind::due:
      return (en ? "due by " : "xong chậm nhất ") + day(c.date);
    case ConstraintKind::start_on:
      return (en ? "starts on " : "bắt đầu ngày ") + day(c.date);
    case ConstraintKind::finish_on:
      return (en ? "finishes on " : "kết thúc ngày ") + day(c.date);
    case ConstraintKind::window:
      return (en ? "within " : "trong khoảng ") + day(c.date) + (en ? " .. " : " – ") +
             day(c.until);
    case ConstraintKind::start_by:
      return (en ? "starts by " : "bắt đầu chậm nhất ") + day(c.date);
    case ConstraintKind::finish_not_before:
      return (en ? "finishes no earlier than " : "xong không sớm hơn ") + day(c.date);
  }
  return {};
}

std::string describe(const MeetingRef& m, Lang lang) {
  const bool en = lang == Lang::en;
  if (m.month) {
    const auto month = std::to_string(static_cast<unsigned>(m.month->month())) + "/" +
                       std::to_string(static_cast<int>(m.month->year()));
    return (en ? "at the " + m.committee + " meeting of "
               : "tại kỳ họp " + m.committee + " tháng ") +
           month;
  }
  if (m.date)
    return (en ? "at the " + m.committee + " meeting on "
               : "tại kỳ họp " + m.committee + " ngày ") +
           format_vn(*m.date);
  return en ? "at the first " + m.committee + " meeting its documents can reach"
            : "tại kỳ họp " + m.committee + " gần nhất sau khi hồ sơ sẵn sàng";
}

void constraint_json(JsonWriter& w, const Constraint& c) {
  w.begin_object().member("kind", to_string(c.kind)).member("date", format_iso(c.date));
  if (c.kind == ConstraintKind::window) w.member("until", format_iso(c.until));
  if (!c.event.empty()) w.member("event", c.event);
  w.end_object();
}

}  // namespace

std::string explain_plan(const Plan& plan, Lang lang) {
  std::string out;
  const auto phrases = [&](const std::string& id, const std::vector<Constraint>& constraints,
                           const std::optional<MeetingRef>& meeting) {
    // Constraints read from one phrase sit next to each other.
    std::size_t i = 0;
    while (i < constraints.size()) {
      const auto& written = constraints[i].written;
      std::string meaning;
      std::size_t j = i;
      while (j < constraints.size() && constraints[j].written == written) {
        meaning += (meaning.empty() ? "" : "; ") + describe(constraints[j], lang);
        ++j;
      }
      if (!written.empty()) {
        out += id + " (" + (lang == Lang::en ? "line " : "dòng ") +
               std::to_string(constraints[i].where.line) + "): \"" + written + "\" → " + meaning +
               "\n";
      }
      i = j;
    }
    if (meeting && !meeting->written.empty()) {
      out += id + " (" + (lang == Lang::en ? "line " : "dòng ") +
             std::to_string(meeting->where.line) + "): \"" + meeting->written + "\" → " +
             describe(*meeting, lang) + "\n";
    }
  };
  for (const auto& task : plan.tasks) {
    phrases(task.id, task.constraints, std::nullopt);
    for (const auto& step : task.steps) phrases(step.id, step.constraints, step.meeting);
  }
  if (out.empty())
    out = lang == Lang::en ? "no time phrases in this plan\n"
                           : "kế hoạch không có cụm từ thời gian nào\n";
  return out;
}

Explained explain_phrase(std::string_view phrase, int year, Lang lang, bool as_json) {
  PhraseContext context;
  context.year = year;
  const auto r = read_phrase(phrase, context);
  if (as_json) {
    JsonWriter w;
    w.begin_object()
        .member("format", "tiendo-phrase-1")
        .member("phrase", phrase)
        .member("ok", r.ok());
    if (!r.ok()) {
      w.member("error", r.error).member("accepted", accepted_phrases()).end_object();
      return {w.finish(), false};
    }
    w.key("constraints").begin_array();
    for (const auto& c : r.constraints) constraint_json(w, c);
    w.end_array();
    if (r.meeting) {
      w.key("meeting").begin_object().member("committee", r.meeting->committee);
      if (r.meeting->month) {
        const auto mm = static_cast<unsigned>(r.meeting->month->month());
        w.member("month", std::to_string(static_cast<int>(r.meeting->month->year())) + "-" +
                              (mm < 10 ? "0" : "") + std::to_string(mm));
      }
      w.end_object();
    }
    if (r.span) {
      w.key("span").begin_array().value(format_iso(r.span->first)).value(format_iso(r.span->second));
      w.end_array();
    }
    w.member("ongoing", r.ongoing)
        .member("meaning", lang == Lang::en ? r.meaning_en : r.meaning_vi)
        .end_object();
    return {w.finish(), true};
  }
  if (!r.ok()) {
    return {r.error + "\n" + (lang == Lang::en ? "accepted: " : "các dạng được hiểu: ") +
                std::string(accepted_phrases()) + "\n",
            false};
  }
  return {"\"" + std::string(phrase) + "\" → " + (lang == Lang::en ? r.meaning_en : r.meaning_vi) +
              "\n",
          true};
}

}  // namespace tiendo
