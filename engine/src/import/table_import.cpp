// Appendix tables into plan files. Everything this file cannot know (the
// plan's start, the committee's meeting days, durations) is guessed and the
// guess is written next to the value as a '# GUESS' comment.
#include <tiendo/phrase.hpp>
#include <tiendo/table_import.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "text/text_fold.hpp"

namespace tiendo {

namespace {

using Row = std::vector<std::string>;

/// Splits rows of tab- or comma-separated cells; quoted cells may hold the
/// separator, doubled quotes and line breaks.
std::vector<Row> split_rows(std::string_view text) {
  const auto first_line = text.substr(0, text.find('\n'));
  const char sep = first_line.find('\t') != std::string_view::npos ? '\t' : ',';
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else if (c == sep) {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(cell);
      cell.clear();
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(row);
      row.clear();
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || !row.empty()) {
    row.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// A cell as a head and its items: "<p>Head</p><ul><li>- a</li></ul>" or
/// "Head - A - B" (a dash item starts with a capital letter, so "(12-15p)"
/// stays whole; a unit's name such as "Phát thanh - Truyền hình" is in the
/// lead column, which is not split).
std::pair<std::string, std::vector<std::string>> items_of(const std::string& cell) {
  std::string head;
  std::vector<std::string> items;
  if (cell.find("<li") != std::string::npos || cell.find("<p") != std::string::npos) {
    static const std::regex p_re(R"(<p[^>]*>([\s\S]*?)</p>)");
    static const std::regex li_re(R"(<li[^>]*>([\s\S]*?)</li>)");
    static const std::regex tag_re(R"(<[^>]+>)");
    std::smatch m;
    if (std::regex_search(cell, m, p_re)) head = trim(std::regex_replace(m[1].str(), tag_re, ""));
    for (auto it = std::sregex_iterator(cell.begin(), cell.end(), li_re);
         it != std::sregex_iterator(); ++it) {
      auto item = trim(std::regex_replace((*it)[1].str(), tag_re, ""));
      if (item.rfind("- ", 0) == 0) item = trim(item.substr(2));
      items.push_back(item);
    }
    return {head, items};
  }
  // " - " followed by an upper-case letter (ASCII, or a Vietnamese capital,
  // which is a multi-byte letter) separates items.
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 3 < cell.size(); ++i) {
    if (cell.compare(i, 3, " - ") != 0) continue;
    if (detail::starts_upper(std::string_view(cell).substr(i + 3))) {
      parts.push_back(trim(cell.substr(begin, i - begin)));
      begin = i + 3;
    }
  }
  parts.push_back(trim(cell.substr(begin)));
  // A leading "- " marks the first part as an item too (a time cell).
  if (!parts.empty() && parts[0].rfind("- ", 0) == 0) {
    parts[0] = trim(parts[0].substr(2));
    return {"", parts};
  }
  if (!parts.empty() && parts[0].empty()) parts.erase(parts.begin());
  head = parts.empty() ? "" : parts.front();
  if (!parts.empty()) items.assign(parts.begin() + 1, parts.end());
  return {head, items};
}

std::string slug(const std::string& text, std::set<std::string>& used) {
  const auto f = detail::fold(text);
  std::string out;
  int words = 0;
  bool dash = false;
  for (const char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      dash = false;
    } else if (!out.empty() && !dash) {
      if (++words == 3) break;
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "muc";
  auto unique = out;
  for (int n = 2; used.count(unique); ++n) unique = out + "-" + std::to_string(n);
  used.insert(unique);
  return unique;
}

struct Guess {
  const char* kind;
  const char* duration;  ///< empty: none (a meeting, or a span)
};

Guess guess_kind(const std::string& name) {
  const auto f = detail::fold(name);
  const auto has = [&](const char* w) { return f.find(w) != std::string::npos; };
  if (has("trinh duyet") || has("duyet")) return {"approval", "1d"};
  if (has("xay dung") || has("du thao") || has("kich ban") || has("de cuong"))
    return {"draft", "10d"};
  if (has("ghi hinh") || has("san xuat") || has("thiet ke") || has("thi cong") || has("tich hop")) {
    return {"production", "20d"};
  }
  if (has("phat song") || has("xuat ban") || has("treo") || has("dang tai") ||
      has("tuyen truyen")) {
    return {"broadcast", "5d"};
  }
  if (has("to chuc") || has("hoi nghi") || has("le ") || has("giai") || has("lien hoan") ||
      has("thi ")) {
    return {"event", "1d"};
  }
  return {"other", "5d"};
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// Column indexes found by loose header matching.
struct Columns {
  int number = -1, content = -1, owner = -1, lead = -1, time = -1;
  bool ok() const { return content >= 0 && time >= 0; }
};

Columns find_columns(const Row& header) {
  Columns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const auto h = detail::fold(header[static_cast<std::size_t>(i)]);
    if (h == "stt" || h == "tt" || h == "so tt") {
      c.number = i;
    } else if (h.find("noi dung") != std::string::npos || h.find("nhiem vu") != std::string::npos) {
      c.content = i;
    } else if (h.find("phu trach") != std::string::npos) {
      c.owner = i;
    } else if (h.find("chu tri") != std::string::npos ||
               (h.find("thuc hien") != std::string::npos &&
                h.find("thoi gian") == std::string::npos)) {
      c.lead = i;
    } else if (h.find("thoi gian") != std::string::npos || h.find("tien do") != std::string::npos) {
      c.time = i;
    }
  }
  return c;
}

}  // namespace

ImportResult import_table(std::string_view text, std::string_view title) {
  ImportResult out;
  const auto rows = split_rows(text);
  std::size_t header = rows.size();
  Columns cols;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    cols = find_columns(rows[r]);
    if (cols.ok()) {
      header = r;
      break;
    }
  }
  if (header == rows.size()) {
    out.diagnostics.push_back({Severity::error,
                               "no-table-header",
                               "no header row with NỘI DUNG and THỜI GIAN THỰC HIỆN columns",
                               {1, 1, 1},
                               {},
                               "the table needs columns STT, NỘI DUNG, NGƯỜI PHỤ TRÁCH, ĐƠN VỊ CHỦ "
                               "TRÌ (THỰC HIỆN), THỜI GIAN THỰC HIỆN"});
    return out;
  }
  const auto cell = [&](const Row& row, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < row.size()
               ? trim(row[static_cast<std::size_t>(i)])
               : std::string{};
  };

  // Every phrase is read once; the year only fills in dates written without
  // one, so it does not change whether a phrase reads.
  PhraseContext context;
  context.year = 2024;
  std::map<std::string, PhraseReading> readings;
  const auto reading_of = [&](const std::string& phrase) -> const PhraseReading& {
    auto it = readings.find(phrase);
    if (it == readings.end()) it = readings.emplace(phrase, read_phrase(phrase, context)).first;
    return it->second;
  };

  // The earliest date gives the plan's start, and the committees named get a
  // guessed meeting rhythm.
  std::set<std::string> committees;
  std::optional<Date> earliest;
  const auto note_phrase = [&](const std::string& phrase) {
    const auto& r = reading_of(phrase);
    if (!r.ok()) return;
    if (r.meeting) {
      committees.insert(r.meeting->committee);
      if (r.meeting->month) {
        const Date d{r.meeting->month->year() / r.meeting->month->month() / 1};
        earliest = std::min(earliest.value_or(d), d);
      }
    }
    for (const auto& c : r.constraints) earliest = std::min(earliest.value_or(c.date), c.date);
  };
  for (std::size_t r = header + 1; r < rows.size(); ++r) {
    const auto [head, items] = items_of(cell(rows[r], cols.time));
    if (!head.empty()) note_phrase(head);
    for (const auto& i : items) note_phrase(i);
  }
  // A month before the first date the table names, on its first day.
  const date::year_month_day first{earliest.value_or(Date{date::year{2024} / 1 / 1})};
  const Date start{(first.year() / first.month() - date::months{1}) / 1};

  std::string y;
  y += "# Imported by 'tiendo import' from an appendix table. Every value marked\n";
  y += "# GUESS is tiendo's, not the document's: check it, then remove the comment.\n";
  y += "plan:\n  id: IMPORTED  # GUESS: the plan's number\n";
  y += "  title: " + quote(std::string(title)) + "\n";
  y += "  lang: vi\n";
  y += "  start: " + format_iso(start) +
       "  # GUESS: a month before the first date the table names\n";
  y += "calendar:\n  days_off: [sat, sun]\n  holidays: vn\n";
  y += "events: []  # add the ceremony or congress here (id, name, date, aliases) so that phrases "
       "such as 'Tại Lễ Kỷ niệm' can be read\n";
  if (!committees.empty()) {
    y += "committees:\n";
    for (const auto& c : committees) {
      y += "  " + c + ":\n    name: " + quote(c) + "\n";
      y += "    rule: {every: month, weekday: thu, nth: last}  # GUESS: meets on the last "
           "Thursday; list its real 'meetings' instead\n";
      y += "    submit_lead: 3d  # GUESS\n";
    }
  }
  y += "tasks:\n";

  std::set<std::string> used;
  const auto when_line = [&](const std::string& phrase, const std::string& indent) {
    if (phrase.empty()) return indent + "# no time given\n";
    if (reading_of(phrase).ok()) return indent + "when: " + quote(phrase) + "\n";
    return indent + "# when: " + quote(phrase) +
           "  # not read: it names an event not yet in 'events', or no date\n";
  };
  for (std::size_t r = header + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const auto number = cell(row, cols.number);
    auto [name, steps] = items_of(cell(row, cols.content));
    if (name.empty() && steps.empty()) continue;
    if (name.empty()) name = steps.front();
    auto [task_time, step_times] = items_of(cell(row, cols.time));
    // One time item more than steps: the first one is the task's own time
    // (items_of has split it off already when it had no dash).
    if (task_time.empty() && step_times.size() == steps.size() + 1) {
      task_time = step_times.front();
      step_times.erase(step_times.begin());
    }
    ++out.tasks;
    const auto id = slug(name, used);
    y += "\n  - id: " + id + (number.empty() ? "" : "  # STT " + number) + "\n";
    y += "    name: " + quote(name) + "\n";
    if (const auto owner = cell(row, cols.owner); !owner.empty())
      y += "    owner: " + quote(owner) + "\n";
    if (const auto lead = cell(row, cols.lead); !lead.empty())
      y += "    lead: " + quote(lead) + "\n";
    if (steps.empty()) {
      const auto g = guess_kind(name);
      const auto& reading = reading_of(task_time);
      y += std::string("    kind: ") + g.kind + "  # GUESS\n";
      if (!(reading.ok() && (reading.span || reading.meeting))) {
        y += std::string("    duration: ") + g.duration + "  # GUESS\n";
      }
      y += when_line(task_time, "    ");
      ++out.steps;
      continue;
    }
    if (!task_time.empty()) y += "    # the task's own time: " + quote(task_time) + "\n";
    y += "    steps:\n";
    std::set<std::string> step_ids;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      const auto g = guess_kind(steps[s]);
      const auto time = s < step_times.size() ? step_times[s] : std::string{};
      const auto& reading = reading_of(time);
      const bool meeting = reading.ok() && reading.meeting;
      const bool span = reading.ok() && reading.span;
      y += "      - id: " + slug(steps[s], step_ids) + "\n";
      y += "        name: " + quote(steps[s]) + "\n";
      y += std::string("        kind: ") + (meeting ? "approval" : g.kind) +
           (meeting ? "\n" : "  # GUESS\n");
      if (!meeting && !span) y += std::string("        duration: ") + g.duration + "  # GUESS\n";
      y += when_line(time, "        ");
      ++out.steps;
    }
    if (step_times.size() > steps.size()) {
      y += "    # times without a step: ";
      for (std::size_t s = steps.size(); s < step_times.size(); ++s)
        y += quote(step_times[s]) + " ";
      y += "\n";
    }
  }
  out.yaml = y;
  return out;
}

}  // namespace tiendo
