// The plan as the document a Vietnamese party or state body issues: title
// block, "KẾ HOẠCH" and the title, the appendix table. The layout follows the
// seeds (shared/seeds) and the Government's decree 30/2020/NĐ-CP on
// administrative documents; every time is written so that `tiendo import`
// reads it back (docs/documents.md): the content cell is the task's name then
// "- step" lines, the time cell the task's own time then one "- time" line per
// step.
#include <tiendo/io/docx.hpp>

#include "plan_text.hpp"

#include <tiendo/phrase.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace tiendo::io {

namespace {

/// Upper case, letter by letter ("Ban Thường vụ" → "BAN THƯỜNG VỤ"): the
/// issuer's line in the title block. Invalid UTF-8 is kept as it is.
std::string upper(std::string_view text) {
  std::string out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(bytes + at, size - at, &c);
    if (n <= 0) {
      out += text[static_cast<std::size_t>(at)];
      ++at;
      continue;
    }
    std::array<utf8proc_uint8_t, 4> encoded{};
    const auto m = utf8proc_encode_char(utf8proc_toupper(c), encoded.data());
    out.append(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(m));
    at += n;
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!word.empty()) out.push_back(std::exchange(word, {}));
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

/// A party body (Đảng ủy, Tỉnh ủy, Ban Tuyên giáo, Ban Thường vụ…) heads its
/// documents "ĐẢNG CỘNG SẢN VIỆT NAM"; a state body with the national motto.
bool party_body(std::string_view issuer) {
  const auto f = " " + fold_text(issuer) + " ";
  for (const char* mark :
       {" dang uy", " dang bo", " dang cong san", " tinh uy", " thanh uy", " huyen uy", " quan uy",
        " thi uy", " ban tuyen giao", " ban thuong vu", " ban chap hanh", " ban dan van",
        " ban to chuc", " ban noi chinh", " chi bo ", " uy ban kiem tra "}) {
    if (f.find(mark) != std::string::npos) return true;
  }
  return false;
}

/// "… tỉnh Thái Nguyên" → "Thái Nguyên"; a central body is in Hà Nội; else
/// dots, for the planner to fill in (as drafts leave it).
std::string place_of(std::string_view issuer) {
  const auto words = words_of(issuer);
  for (std::size_t i = words.size(); i-- > 0;) {
    const auto w = fold_text(words[i]);
    const bool province = w == "tinh" && i + 1 < words.size() && fold_text(words[i + 1]) != "uy";
    const bool city = w == "pho" && i > 0 && fold_text(words[i - 1]) == "thanh";
    if ((province || city) && i + 1 < words.size()) {
      std::string out;
      for (auto k = i + 1; k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
      return out;
    }
  }
  if (fold_text(issuer).find("trung uong") != std::string::npos) return "Hà Nội";
  return "……";
}

/// 30/8/2024: how plans write a day (no leading zeros).
std::string vn_day(Date day) {
  const date::year_month_day ymd{day};
  return std::to_string(static_cast<unsigned>(ymd.day())) + "/" +
         std::to_string(static_cast<unsigned>(ymd.month())) + "/" +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string month_year(date::year_month ym) {
  return std::to_string(static_cast<unsigned>(ym.month())) + "/" +
         std::to_string(static_cast<int>(ym.year()));
}

/// A constraint given with a plan key (`due: 2024-08-30`), not a phrase, as
/// a Vietnamese phrase that tiendo reads to the same constraint (whatever
/// the labels' language: the reader's English forms are fewer).
std::string key_phrase(const Constraint& c) {
  switch (c.kind) {
    case ConstraintKind::due:
      return "Chậm nhất ngày " + vn_day(c.date);
    case ConstraintKind::not_before:
      return "Bắt đầu sớm nhất ngày " + vn_day(c.date);
    case ConstraintKind::start_on:
      return "Bắt đầu ngày " + vn_day(c.date);
    case ConstraintKind::finish_on:
      return "Hoàn thành ngày " + vn_day(c.date);
    case ConstraintKind::start_by:
      return "Bắt đầu chậm nhất ngày " + vn_day(c.date);
    case ConstraintKind::finish_not_before:
      return "Hoàn thành sớm nhất ngày " + vn_day(c.date);
    case ConstraintKind::window:
      return "Bắt đầu từ ngày " + vn_day(c.date) + ", hoàn thành chậm nhất ngày " + vn_day(c.until);
  }
  return {};
}

/// A meeting given with `at:` rather than a phrase.
std::string meeting_phrase(const MeetingRef& m) {
  const std::string out = "Tại kỳ họp " + m.committee;
  if (m.date) return out + " ngày " + vn_day(*m.date);
  if (m.month) return out + " tháng " + month_year(*m.month);
  return out;
}

/// The times of a step or task, as written: each `when:` phrase once, in
/// order; constraints from plan keys as phrases of the same meaning.
std::vector<std::string> phrases_of(const std::vector<Constraint>& constraints,
                                    const std::optional<MeetingRef>& meeting) {
  std::vector<std::string> out;
  const auto add = [&](std::string text) {
    if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(std::move(text));
    }
  };
  for (const auto& c : constraints) {
    // A phrase's constraints say which of its words they came from; a plan
    // key's do not.
    add(c.words_end > c.words_begin ? c.written : key_phrase(c));
  }
  if (meeting) add(meeting->written.empty() ? meeting_phrase(*meeting) : meeting->written);
  return out;
}

/// A name or time on one line: a cell's lines are its items to a reader
/// (the first the task, the others its steps), so a line break inside a
/// name would make a step of its second line.
std::string one_line(std::string text) {
  for (auto& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

bool marked_already(std::string_view name) {
  const auto dot = name.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 5) return false;
  return std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(dot),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Inner groups are lettered: a letter that is not a Roman digit, so that a
/// reader tells the levels apart.
std::string group_letter(int n) {
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNOPQRSTUWYZ";
  const auto i = static_cast<std::size_t>(n - 1);
  return i < kLetters.size() ? std::string(1, kLetters[i]) : std::to_string(n);
}

struct Column {
  const char* vi;
  const char* en;
  int portrait;   ///< width in twentieths of a point on A4 portrait (9354 in all)
  int landscape;  ///< on A4 landscape (14286 in all)
};

// The text width is A4 less the margins of docx_package.cpp.
constexpr std::array<Column, 6> kColumns{{
    {"STT", "No.", 720, 720},
    {"Nội dung", "Task", 3434, 4766},
    {"Thời gian", "Time", 2000, 2600},
    {"Chủ trì", "Lead", 1700, 2200},
    {"Phối hợp", "Co-operating", 1500, 2000},
    {"Người phụ trách", "In charge", 0, 2000},
}};

/// Each step's own words that set no date ('Thường xuyên') or could not be
/// read (its `not_read`), by step id, in the plan's order: gathered once.
using OwnWords = std::unordered_map<std::string_view, std::vector<std::string>>;

OwnWords own_words_of(const Plan& plan) {
  OwnWords out;
  for (const auto& o : plan.open_phrases) out[o.subject].push_back(o.written);
  for (const auto& l : plan.losses) {
    if (!l.subject.empty()) out[l.subject].push_back(l.text);
  }
  return out;
}

std::string time_text(const Analysis& analysis, NodeId node, Lang lang, const OwnWords& own);

class PlanDocument {
 public:
  PlanDocument(const Analysis& analysis, const DocxOptions& options)
      : analysis_(analysis), plan_(*analysis.plan), options_(options) {}

  DocxDocument make() {
    const bool owners = std::any_of(plan_.tasks.begin(), plan_.tasks.end(),
                                    [](const Task& t) { return !t.owner.empty(); });
    columns_ = owners ? 6 : 5;
    // Each task's steps, in the graph's numbering, found once (not a scan of
    // every step per task, which a plan of many tasks would pay squared).
    own_words_ = own_words_of(plan_);
    nodes_of_task_.assign(plan_.tasks.size(), {});
    const auto& graph = *analysis_.graph;
    for (NodeId v = 0; v < graph.size(); ++v) nodes_of_task_[graph.nodes[v].task].push_back(v);
    landscape_ = options_.orientation == DocxOrientation::landscape ||
                 (options_.orientation == DocxOrientation::automatic && owners);
    DocxDocument doc;
    doc.title = plan_.info.title;
    doc.landscape = landscape_;
    doc.body.emplace_back(title_block());
    doc.body.emplace_back(DocxParagraph{});
    doc.body.emplace_back(
        DocxParagraph(vi() ? "KẾ HOẠCH" : "PLAN", true, false, DocxAlign::center));
    doc.body.emplace_back(DocxParagraph(subtitle(), true, false, DocxAlign::center));
    // A short rule under the title, about 5 cm, centred on the text width.
    DocxParagraph rule;
    rule.rule_below = true;
    rule.rule_indent = ((landscape_ ? 14286 : 9354) - 2835) / 2;
    rule.space_after = 240;
    doc.body.emplace_back(std::move(rule));
    doc.body.emplace_back(task_table());
    return doc;
  }

 private:
  bool vi() const { return options_.lang == Lang::vi; }

  bool party() const {
    switch (options_.body) {
      case DocxBody::party:
        return true;
      case DocxBody::state:
        return false;
      case DocxBody::automatic:
        break;
    }
    return party_body(plan_.info.issuer);
  }

  /// "Thái Nguyên, ngày 29 tháng 3 năm 2024"; without an issue date the
  /// day and month are left blank, as in a draft.
  std::string date_line() const {
    const auto place = options_.place.empty() ? place_of(plan_.info.issuer) : options_.place;
    if (!plan_.info.issued) {
      const auto year = static_cast<int>(date::year_month_day{plan_.info.start}.year());
      return place + (vi() ? ", ngày      tháng      năm " : ", ……… ") + std::to_string(year);
    }
    const date::year_month_day ymd{*plan_.info.issued};
    const auto d = static_cast<unsigned>(ymd.day());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto y = static_cast<int>(ymd.year());
    if (vi()) {
      return place + ", ngày " + std::to_string(d) + " tháng " + std::to_string(m) + " năm " +
             std::to_string(y);
    }
    static constexpr std::array<const char*, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return place + ", " + std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
  }

  DocxTable title_block() const {
    DocxTable t;
    t.borders = false;
    t.half_points = 28;
    // The national heading (13 pt bold) needs about 9.8 cm on one line.
    t.widths = landscape_ ? std::vector<int>{5500, 8786} : std::vector<int>{3500, 5854};
    DocxCell left, right;
    left.paragraphs.emplace_back(upper(plan_.info.issuer), true, false, DocxAlign::center);
    left.paragraphs.back().runs.back().half_points = 26;
    if (party()) {
      left.paragraphs.emplace_back("*", false, false, DocxAlign::center);
    } else {
      DocxParagraph rule;
      rule.rule_below = true;
      left.paragraphs.push_back(std::move(rule));
    }
    left.paragraphs.emplace_back((vi() ? "Số " : "No. ") + plan_.info.id, false, false,
                                 DocxAlign::center);
    if (party()) {
      DocxParagraph heading(vi() ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "COMMUNIST PARTY OF VIETNAM", true,
                            false, DocxAlign::center);
      heading.runs.back().underline = true;
      heading.space_after = 120;
      right.paragraphs.push_back(std::move(heading));
    } else {
      right.paragraphs.emplace_back(
          vi() ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIETNAM", true,
          false, DocxAlign::center);
      right.paragraphs.back().runs.back().half_points = 26;
      right.paragraphs.emplace_back(
          vi() ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness", true, false,
          DocxAlign::center);
      // The rule under the motto, a paragraph of its own so that its
      // indents shorten the rule and not the motto.
      DocxParagraph rule;
      rule.rule_below = true;
      rule.space_after = 120;
      right.paragraphs.push_back(std::move(rule));
    }
    right.paragraphs.emplace_back(date_line(), false, true, DocxAlign::center);
    t.rows.push_back({{std::move(left), std::move(right)}, false, true});
    return t;
  }

  /// The title under "KẾ HOẠCH", without the "Kế hoạch" it repeats.
  std::string subtitle() const {
    const auto& title = plan_.info.title;
    const auto words = words_of(title);
    if (vi() && words.size() > 2 && fold_text(words[0] + " " + words[1]) == "ke hoach") {
      std::string out;
      for (std::size_t i = 2; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
      return out;
    }
    return title;
  }

  /// The content and time columns share their width by how much each
  /// holds (a plan of long phrases gets a wider time column), within limits
  /// that keep both readable.
  void balance(std::vector<int>& widths, const DocxTable& table) const {
    std::size_t content = 0, time = 0;
    for (const auto& row : table.rows) {
      if (row.header || row.cells.size() < 3) continue;
      for (const auto& p : row.cells[1].paragraphs) {
        for (const auto& r : p.runs) content += r.text.size();
      }
      for (const auto& p : row.cells[2].paragraphs) {
        for (const auto& r : p.runs) time += r.text.size();
      }
    }
    if (content + time == 0) return;
    const int both = widths[1] + widths[2];
    const double share =
        std::clamp(static_cast<double>(time) / static_cast<double>(content + time), 0.3, 0.5);
    widths[2] = static_cast<int>(both * share);
    widths[1] = both - widths[2];
  }

  std::vector<int> widths() const {
    std::vector<int> out;
    for (int c = 0; c < columns_; ++c) {
      const auto& col = kColumns[static_cast<std::size_t>(c)];
      out.push_back(landscape_ ? col.landscape : col.portrait);
    }
    if (!landscape_ && columns_ == 6) {
      // Portrait with an owner column: the content column gives way.
      out[1] -= 1500;
      out[5] = 1500;
    }
    return out;
  }

  DocxRow header_row() const {
    DocxRow row;
    row.header = true;
    for (int c = 0; c < columns_; ++c) {
      const auto& col = kColumns[static_cast<std::size_t>(c)];
      DocxCell cell;
      cell.paragraphs.emplace_back(vi() ? col.vi : col.en, true, false, DocxAlign::center);
      row.cells.push_back(std::move(cell));
    }
    return row;
  }

  DocxRow group_row(const TaskGroup& group, const std::string& marker) const {
    DocxCell cell;
    cell.span = columns_;
    const auto name = marked_already(group.name) ? group.name : marker + ". " + group.name;
    cell.paragraphs.emplace_back(name, true);
    return {{std::move(cell)}, false, true};
  }

  const TaskGroup* group_of(const std::string& id) const {
    const auto it = std::find_if(plan_.groups.begin(), plan_.groups.end(),
                                 [&](const TaskGroup& g) { return g.id == id; });
    return it == plan_.groups.end() ? nullptr : &*it;
  }

  /// A group's row, then its own tasks, then its inner groups: a task
  /// written after an inner group would be read as that group's.
  void write_group(const TaskGroup& group, std::size_t level, DocxTable& table) {
    const auto marker = level == 0 ? roman_numeral(++outer_count_) : group_letter(++inner_count_);
    if (level == 0) inner_count_ = 0;
    table.rows.push_back(group_row(group, marker));
    number_ = 0;  // tasks are numbered anew under each group
    for (std::size_t t = 0; t < plan_.tasks.size(); ++t) {
      if (plan_.tasks[t].group == group.id) table.rows.push_back(task_row(t));
    }
    if (level >= 16) return;  // groups nest a few deep; a cycle is the reader's error
    for (const auto& inner : plan_.groups) {
      if (inner.parent == group.id && !inner.parent.empty()) write_group(inner, level + 1, table);
    }
  }

  std::string unit_list(const std::vector<std::string>& ids) const {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "; ") + unit_name(plan_, id);
    return out;
  }

  DocxRow task_row(std::size_t t) {
    const auto& task = plan_.tasks[t];
    const auto& graph = *analysis_.graph;
    DocxCell number, content, time, lead, assist, owner;
    number.paragraphs.emplace_back(std::to_string(++number_), false, false, DocxAlign::center);
    content.paragraphs.emplace_back(one_line(task.name));
    const bool single = task.steps.size() == 1 && task.steps.front().name == task.name;
    // The task's own time (a task with steps) is the time cell's first line,
    // without a marker: the importer gives it to the task's result.
    const auto own = single ? std::string() : joined(phrases_of(task.constraints, {}));
    if (!own.empty()) time.paragraphs.emplace_back(one_line(own));
    for (const NodeId v : nodes_of_task_[t]) {
      const auto& step = graph.step(plan_, v);
      const auto when = time_text(analysis_, v, options_.lang, own_words_);
      if (single) {
        if (!when.empty()) time.paragraphs.emplace_back(one_line(when));
        continue;
      }
      content.paragraphs.emplace_back("- " + one_line(step.name));
      time.paragraphs.emplace_back("- " + one_line(when));
    }
    if (!task.lead.empty()) lead.paragraphs.emplace_back(unit_name(plan_, task.lead));
    if (!task.assist.empty()) assist.paragraphs.emplace_back(unit_list(task.assist));
    if (!task.owner.empty()) owner.paragraphs.emplace_back(person_name(plan_, task.owner));
    DocxRow row;
    row.cant_split = false;  // a long task may run onto the next page
    row.cells = {std::move(number), std::move(content), std::move(time), std::move(lead),
                 std::move(assist)};
    if (columns_ == 6) row.cells.push_back(std::move(owner));
    return row;
  }

  DocxTable task_table() {
    DocxTable table;
    table.rows.push_back(header_row());
    // Tasks outside any group first, then each group in the plan's order.
    for (std::size_t t = 0; t < plan_.tasks.size(); ++t) {
      if (group_of(plan_.tasks[t].group) == nullptr) table.rows.push_back(task_row(t));
    }
    for (const auto& group : plan_.groups) {
      if (group_of(group.parent) == nullptr) write_group(group, 0, table);
    }
    table.widths = widths();
    balance(table.widths, table);  // cells take their widths from the grid when written
    return table;
  }

  const Analysis& analysis_;
  const Plan& plan_;
  const DocxOptions& options_;
  int columns_ = 5;
  bool landscape_ = false;
  int outer_count_ = 0;
  int inner_count_ = 0;
  int number_ = 0;
  std::vector<std::vector<NodeId>> nodes_of_task_;
  OwnWords own_words_;  ///< gathered once per document
};

}  // namespace

std::string roman_numeral(int n) {
  static constexpr std::array<std::pair<int, const char*>, 13> kDigits{{{1000, "M"},
                                                                        {900, "CM"},
                                                                        {500, "D"},
                                                                        {400, "CD"},
                                                                        {100, "C"},
                                                                        {90, "XC"},
                                                                        {50, "L"},
                                                                        {40, "XL"},
                                                                        {10, "X"},
                                                                        {9, "IX"},
                                                                        {5, "V"},
                                                                        {4, "IV"},
                                                                        {1, "I"}}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  return out;
}

namespace {

std::string time_text(const Analysis& analysis, NodeId node, Lang lang, const OwnWords& own) {
  const auto& step = analysis.graph->step(*analysis.plan, node);
  const auto written = joined(phrases_of(step.constraints, step.meeting));
  if (!written.empty()) return written;
  // The planner's own words, where they set no date or could not be read:
  // the document keeps them.
  if (const auto it = own.find(step.id); it != own.end()) return joined(it->second);
  // No time of its own: its scheduled finish, as a deadline ('Trước ngày X'
  // is finished by the day before X, tiendo's default reading).
  const auto& s = analysis.schedule->steps[node];
  const Date due = std::max(s.start, s.finish) + date::days{1};
  return (lang == Lang::vi ? "Trước ngày " : "Before ") + vn_day(due);
}

}  // namespace

std::string step_time_text(const Analysis& analysis, NodeId node, Lang lang) {
  return time_text(analysis, node, lang, own_words_of(*analysis.plan));
}

DocxDocument plan_document(const Analysis& analysis, const DocxOptions& options) {
  return PlanDocument(analysis, options).make();
}

ExportResult export_docx(const Analysis& analysis, const DocxOptions& options) {
  if (!analysis.ok()) {
    ExportResult result;
    result.error = "the plan has errors: nothing to export";
    return result;
  }
  return write_docx(plan_document(analysis, options));
}

}  // namespace tiendo::io
