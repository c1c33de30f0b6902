// Progress as offices report it: a percentage, a state ('đã hoàn thành',
// 'đang thực hiện', 'chưa thực hiện') and perhaps the day it happened. The
// grammar is small on purpose: anything it does not take is an error with
// the accepted forms, never a guess (docs/progress.md).
#include <tiendo/messages.hpp>
#include <tiendo/progress.hpp>

#include <array>
#include <cctype>
#include <string>

namespace tiendo {

namespace {

enum class State { unknown, done, ongoing, not_started };

struct StateWords {
  std::string_view folded;
  State state;
};

// Longest first: 'da hoan thanh' before 'hoan thanh', 'chua thuc hien' before
// 'chua'. Folded text: no case, no diacritics ('đ' is 'd').
constexpr std::array kStateWords{
    StateWords{"da hoan thanh", State::done},
    StateWords{"hoan thanh", State::done},
    StateWords{"da xong", State::done},
    StateWords{"xong", State::done},
    StateWords{"finished", State::done},
    StateWords{"completed", State::done},
    StateWords{"done", State::done},
    StateWords{"dang thuc hien", State::ongoing},
    StateWords{"dang trien khai", State::ongoing},
    StateWords{"dang lam", State::ongoing},
    StateWords{"da bat dau", State::ongoing},
    StateWords{"bat dau", State::ongoing},
    StateWords{"in progress", State::ongoing},
    StateWords{"started", State::ongoing},
    StateWords{"chua thuc hien", State::not_started},
    StateWords{"chua trien khai", State::not_started},
    StateWords{"chua bat dau", State::not_started},
    StateWords{"not started", State::not_started},
};

// Words that may stand before the day: 'ngày 12/5', 'từ ngày 3/5', 'on 12 May'.
constexpr std::array<std::string_view, 8> kDayLeads{"tu ngay", "vao ngay", "ngay", "tu",
                                                    "since",   "from",     "on",   "luc"};

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" ,.;:-()");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" ,.;:-()");
  return s.substr(first, last - first + 1);
}

bool starts_with_word(std::string_view text, std::string_view word) {
  return text.substr(0, word.size()) == word &&
         (text.size() == word.size() || text[word.size()] == ' ');
}

/// Takes 'N%' or 'N %' (N from 0 to 999) out of `text`; -1 when none, -2 when
/// malformed (a second percentage).
int take_percent(std::string& text) {
  int found = -1;
  for (auto pos = text.find('%'); pos != std::string::npos; pos = text.find('%')) {
    auto digits_end = pos;
    while (digits_end > 0 && text[digits_end - 1] == ' ') --digits_end;
    auto digits_begin = digits_end;
    while (digits_begin > 0 && std::isdigit(static_cast<unsigned char>(text[digits_begin - 1]))) {
      --digits_begin;
    }
    if (digits_begin == digits_end || digits_end - digits_begin > 3 || found != -1) return -2;
    found = std::stoi(text.substr(digits_begin, digits_end - digits_begin));
    text.erase(digits_begin, pos + 1 - digits_begin);
  }
  return found;
}

}  // namespace

std::optional<Date> read_progress_day(std::string_view text, const PhraseContext& context,
                                      bool& year_assumed) {
  if (const auto written = read_day(text, 0)) {
    year_assumed = false;
    return written;
  }
  auto day = read_day(text, context.year);
  if (!day) return std::nullopt;
  year_assumed = true;
  // As for phrases: a year-less day well before the plan's first day is the
  // next year's (docs/phrases.md).
  if (context.start && *day < *context.start - date::days{31}) {
    day = read_day(text, context.year + 1);
  }
  return day;
}

ProgressReading read_progress_phrase(std::string_view text, const PhraseContext& context) {
  ProgressReading out;
  const std::string written(text);
  const auto fail = [&](std::string_view id, std::initializer_list<MessageArg> args) {
    auto why = say(id, args);
    out.error = std::move(why.en);
    out.error_vi = std::move(why.vi);
    auto forms = say("hint:progress-forms");  // the forms accepted
    out.suggestion = std::move(forms.en);
    out.suggestion_vi = std::move(forms.vi);
    return out;
  };
  std::string folded = fold_text(text);
  const int percent = take_percent(folded);
  if (percent == -2) return fail("progress-error:malformed-percent", {{"text", written}});
  if (percent > 100) return fail("progress-error:over-100", {{"percent", std::to_string(percent)}});
  folded = trim(folded);

  State state = State::unknown;
  for (const auto& w : kStateWords) {
    if (starts_with_word(folded, w.folded)) {
      state = w.state;
      folded = trim(folded.substr(w.folded.size()));
      break;
    }
  }
  // A bare number is a percentage: 'progress: 60'.
  if (state == State::unknown && percent < 0 && !folded.empty() &&
      folded.find_first_not_of("0123456789") == std::string::npos && folded.size() <= 3) {
    const int value = std::stoi(folded);
    if (value > 100) return fail("progress-error:over-100", {{"percent", folded}});
    out.progress.percent = value;
    return out;
  }
  for (const auto lead : kDayLeads) {
    if (starts_with_word(folded, lead)) {
      folded = trim(folded.substr(lead.size()));
      break;
    }
  }
  std::optional<Date> day;
  if (!folded.empty()) {
    day = read_progress_day(folded, context, out.year_assumed);
    if (!day) {
      if (state == State::unknown && percent < 0) {
        return fail("progress-error:not-progress", {{"text", written}});
      }
      return fail("progress-error:not-a-day", {{"day", folded}, {"text", written}});
    }
  }
  if (percent >= 0) out.progress.percent = percent;
  switch (state) {
    case State::done:
      // 'hoàn thành 60%' is how far it has got, not that it is finished.
      if (percent >= 0 && percent < 100) {
        if (day) out.progress.started = day;
        break;
      }
      if (!day) {
        return fail("progress-error:done-without-day", {{"text", written}});
      }
      out.progress.done = day;
      out.progress.percent = 100;
      break;
    case State::ongoing:
      out.progress.started = day;
      out.progress.underway = !day;
      break;
    case State::not_started:
      if (day || percent > 0) {
        return fail("progress-error:not-started-with-day", {{"text", written}});
      }
      out.progress.percent = 0;
      break;
    case State::unknown:
      if (percent < 0) return fail("progress-error:not-progress", {{"text", written}});
      if (day) return fail("progress-error:day-without-state", {{"text", written}});
      break;
  }
  return out;
}

bool reports_progress(const Plan& plan) {
  for (const auto& task : plan.tasks) {
    for (const auto& step : task.steps) {
      if (step.progress.reported()) return true;
    }
  }
  return false;
}

}  // namespace tiendo
