// The items of a plan's body: a day's items under its heading, the
// sentences that carry a time (and the earlier times in them), a time that
// counts from an event the document dated, a parenthesis that gives another
// item its time, and the ceremonies that become the plan's events.
#include "import/body_reader.hpp"

#include <regex>

namespace tiendo::documents::import {

using namespace body;

bool BodyReader::day_text(const std::string& text, const std::string& where, bool announces) {
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

bool BodyReader::day_item(const std::string& text, bool marked, const std::string& where) {
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

namespace {

/// "buổi chiều tiêm thôn Lủng Chuông", "Sáng ngày 28 tiêm ở thôn Lủng Lỳ":
/// a clause led by a part of the day, maybe with a day of the month and no
/// month. The day (0: none) and the bytes of `value` the lead takes.
struct SessionLead {
  int day = 0;
  std::size_t end = 0;
};
std::optional<SessionLead> session_lead(const std::string& value) {
  static const std::regex lead(
      R"(^\s*(?:(?:buổi|Buổi|BUỔI)\s+)?(?:sáng|chiều|tối|trưa|Sáng|Chiều|Tối|Trưa)(?:\s+(?:ngày|Ngày)\s+([0-9]{1,2}))?(?![0-9/.\-])[\s,:]*)");
  std::smatch m;
  if (!std::regex_search(value, m, lead)) return std::nullopt;
  const auto rest = folded(value.substr(static_cast<std::size_t>(m.length(0))));
  if (rest.starts_with("thang") || rest.starts_with("nay")) return std::nullopt;  // "sáng nay"
  SessionLead out;
  out.end = static_cast<std::size_t>(m.length(0));
  if (m[1].matched) out.day = std::stoi(m[1].str());
  if (out.day > 31) return std::nullopt;
  return out;
}

/// "Sáng ngày 28 tiêm ở thôn Lủng Lỳ: buổi chiều tiêm ở thôn Khau Cà": a
/// colon before a clause led by a part of the day separates two sessions.
std::vector<std::string> session_clauses(const std::string& sentence) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (auto colon = sentence.find(':'); colon != std::string::npos;
       colon = sentence.find(':', colon + 1)) {
    const auto next = sentence.substr(colon + 1);
    const auto lead = session_lead(next);
    const auto before = sentence.substr(from, colon - from);
    if (!lead || !session_lead(before)) continue;
    out.push_back(trim(before));
    from = colon + 1;
  }
  out.push_back(trim(sentence.substr(from)));
  return out;
}

}  // namespace

void BodyReader::sentences_with_times(const std::string& text, const std::string& where,
                                      const Found& number) {
  bool first = true;
  // "Cấp cơ sở: Thời gian … không quá 1,5 ngày. Bắt đầu từ tháng 1-2017,
  // hoàn thành vào tháng 4-2017.": a sentence that is only a time is the
  // paragraph's label's.
  std::string paragraph_label;
  // "Tổ chức kiểm tra cuối học kỳ II … . Từ ngày 08/5/2017 – 16/5/2017": or
  // the sentence before it, when that one has no time.
  std::string untimed;
  std::vector<std::string> clauses;
  for (const auto& sentence : sentences(text)) {
    for (auto& clause : session_clauses(sentence)) clauses.push_back(std::move(clause));
  }
  for (const auto& sentence : clauses) {
    const bool was_first = std::exchange(first, false);
    if (reports_issuing(folded(sentence))) continue;
    auto [label, value] = label_split(without_replaced_day(sentence));
    if (was_first && !generic_time_label(label)) paragraph_label = label;
    // "Vào ngày 26, 28, 29/3/2017": days apart, each a time of its own.
    std::vector<std::string> other_days;
    std::size_t listed_at = std::string::npos;  // where the first of them stands
    if (auto listed = separate_days(value)) {
      value = listed->text;
      other_days = std::move(listed->others);
      listed_at = listed->at;
    }
    // The task of the time that holds the listed days has them all.
    const auto with_listed_days = [&](const DraftTask& task) {
      for (const auto& day : std::exchange(other_days, {})) {
        auto again = task;
        again.number = {};
        again.time = {dated("ngày " + day), dated_where(day, where) + "; one of the days listed"};
        add(std::move(again));
      }
    };
    const auto time = time_in(value, context_);
    if (!time && same_day(label, value, where)) continue;
    if (!time) {
      if (!event_relative(label, value, where, was_first ? number : Found{})) {
        labelled_time(label, value, where);
      }
      untimed = sentence;
      continue;
    }
    // "… xây dựng đề cương trước ngày 15/4/2024, trình Thường trực duyệt
    // trước ngày 20/4/2024": each time the reader reads before the last is
    // the time of the words before it, a task too.
    const auto earlier = earlier_times(value, *time);
    // "ngày 18-11 tại Hội Chữ thập đỏ huyện Xuân Lộc và ngày 29-11 tại …
    // Trảng Bom": the times lead, each names the words after it.
    // Only without a label ("Đăng ký học phần lần 1: từ ngày … sau ngày này …
    // lần 2 từ …" names its first time by the label), and when the last time
    // has words after it.
    const auto after_last = segment_name(value, time->end, value.size());
    // "Cụ thể:", "Theo đó:", "Thời gian và địa điểm …:" name no item.
    const auto connective = [](const std::string& l) {
      const auto f = folded(l);
      return l.empty() || generic_time_label(l) ||
             starts_with_any(f, {"cu the", "theo do", "trong do", "nhu sau"}) ||
             (f.find("thoi gian") != std::string::npos && f.find("dia diem") != std::string::npos);
    };
    const bool times_lead = connective(label) && !earlier.empty() &&
                            trim(value.substr(0, earlier.front().begin)).empty() &&
                            std::count(after_last.begin(), after_last.end(), ' ') >= 2;
    std::size_t from = 0;
    for (std::size_t k = 0; k < earlier.size(); ++k) {
      const auto& t = earlier[k];
      const auto next = k + 1 < earlier.size() ? earlier[k + 1].begin : time->begin;
      auto name =
          times_lead ? segment_name(value, t.end, next) : segment_name(value, from, t.begin);
      from = t.end;
      if (!has_word(name)) name = label;
      if (!has_word(name)) continue;
      DraftTask task;
      task.name = {name_without(name, {}, 300), where};
      task.time = {dated(t.text), dated_where(t.text, where)};
      if (listed_at >= t.begin && listed_at < t.end) with_listed_days(task);
      add(std::move(task));
    }
    auto rest = item_words(value, *time);
    bool own_words = false;  // the last time has words of its own after an earlier one
    if (times_lead) {
      rest = after_last;
      own_words = true;
    } else if (!earlier.empty()) {
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
    // "Buổi sáng ngày 27 tháng 10 tiêm ở thôn Nà Cáy": a part of the day before it too.
    const auto before_time = value.substr(0, time->begin);
    const auto session = session_lead(before_time);
    const bool time_leads =
        (trim(before_time).empty() || (session && session->end >= before_time.size())) &&
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
    if (!has_word(name) && !was_first && has_word(untimed)) name = untimed;
    name = name_without(name, {}, 300);
    if (!has_word(name)) continue;  // a date line: "14:35, Thứ Ba, 9-6-2020"
    DraftTask task;
    if (was_first) task.number = number;
    task.name = {name, where};
    task.time = {dated(time->text), dated_where(time->text, where)};
    note_day(time->text, where);
    with_listed_days(task);
    add(std::move(task));
    aside_task(value.substr(time->end), where);
  }
}

bool BodyReader::event_relative(const std::string& label, const std::string& value,
                                const std::string& where, const Found& number) {
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

void BodyReader::declare_event(const DraftTask& task) {
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

void BodyReader::aside_task(const std::string& after, const std::string& where) {
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
      starts_with_any(f, {"tuc ", "nghia la", "thu ", "chu nhat", "am lich", "theo ", "ap dung"})) {
    return;
  }
  DraftTask task;
  task.name = {name, where};
  task.time = {dated(time->text), dated_where(time->text, where)};
  add(std::move(task));
}

void BodyReader::labelled_time(const std::string& label, const std::string& value,
                               const std::string& where) {
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

std::vector<TimeInText> BodyReader::earlier_times(const std::string& value,
                                                  const TimeInText& last) const {
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

std::string BodyReader::segment_name(const std::string& value, std::size_t from, std::size_t to) {
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

bool BodyReader::session_after_day(const std::string& label, const std::string& value,
                                   const std::string& where) {
  if (!same_day_ || !label.empty() || has_date(value)) return false;
  const auto lead = session_lead(value);
  if (!lead) return false;
  const auto words = trim(value.substr(lead->end));
  if (!has_word(words) || words.find(' ') == std::string::npos) return false;
  DraftTask task;
  task.name = {name_without(words, {}, 300), where};
  if (lead->day == 0) {
    // "…ngày 27 tháng 10 tiêm ở thôn Nà Cáy; buổi chiều tiêm thôn Lủng Chuông".
    task.time = {same_day_->text,
                 same_day_->where + " (the day the part of the day is of, in " + where + ")"};
  } else {
    // "Sáng ngày 28 …" after "ngày 27 tháng 10": a day of that month, or the next.
    const auto before = read_phrase(same_day_->text, context_);
    if (!before.ok() || before.constraints.empty()) return false;
    const date::year_month_day last{before.constraints.front().date};
    auto month = last.year() / last.month();
    if (static_cast<unsigned>(last.day()) > static_cast<unsigned>(lead->day))
      month += date::months{1};
    const auto day = month / static_cast<unsigned>(lead->day);
    if (!day.ok()) return false;
    task.time = {"ngày " + std::to_string(lead->day) + "/" +
                     std::to_string(static_cast<unsigned>(day.month())) + "/" +
                     std::to_string(static_cast<int>(day.year())),
                 where + "; the month and year of the day named before it",
                 "'" + trim(value.substr(0, lead->end)) +
                     "' chỉ nêu ngày: tháng và năm là của ngày nêu ngay trước"};
    same_day_ = Found{task.time.text, where};  // what the next session is on
  }
  add(std::move(task));
  return true;
}

/// "Vào 23h15 cùng ngày, nghi lễ Khai ấn được thực hiện …": the day of the
/// item before, when that was one day.
bool BodyReader::same_day(const std::string& label, const std::string& value,
                          const std::string& where) {
  if (session_after_day(label, value, where)) return true;
  const auto f = folded(value);
  const auto at = f.find("cung ngay");
  if (!same_day_ || at == std::string::npos || has_date(value)) return false;
  // The words without the clause that gives the time ("Vào 23h15 cùng ngày,").
  auto words = value;
  if (const auto comma = value.find(',');
      comma != std::string::npos && comma < value.size() / 2 &&
      folded(value.substr(0, comma)).find("cung ngay") != std::string::npos) {
    words = trim(value.substr(comma + 1));
  }
  DraftTask task;
  task.name = {name_without(label.empty() ? words : label, {}, 300), where};
  if (!has_word(task.name.text)) return false;
  task.time = {same_day_->text,
               same_day_->where + " (the day 'cùng ngày' names, in " + where + ")"};
  add(std::move(task));
  return true;
}

}  // namespace tiendo::documents::import
