// What a plan says about itself before its tasks: its number ("Số
// 129-KH/ĐUK"), issuer, place and date ("Thái Nguyên, ngày 29 tháng 3 năm
// 2024"), title ("KẾ HOẠCH tuyên truyền …") and the anniversary it is for
// ("(02/11/1954 - 02/11/2024)"), from the paragraphs of the header block and
// the body.
#include <tiendo/phrase.hpp>

#include <functional>
#include <map>

#include "import/cell_items.hpp"
#include "import/plan_draft.hpp"
#include "import/time_columns.hpp"

namespace tiendo::documents::import {

namespace {

struct Para {
  const Paragraph* p;
  std::string where;
};

std::vector<Para> paragraphs(const Document& d) {
  std::vector<Para> out;
  const std::function<void(const std::vector<Block>&)> walk =
      [&](const std::vector<Block>& blocks) {
        for (const auto& b : blocks) {
          if (const auto* p = b.paragraph()) {
            out.push_back({p, "paragraph " + std::to_string(p->index + 1)});
          } else if (const auto* t = b.table()) {
            for (const auto& cell : t->cells) {
              if (!cell.covered) walk(cell.blocks);
            }
          }
        }
      };
  walk(d.body);
  return out;
}

/// The words of a text, split at white space (the original spelling).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < words.size(); ++i)
    out += (out.empty() ? "" : " ") + words[i];
  return out;
}

/// "KẾ HOẠCH" as a title's first words reads "Kế hoạch".
std::string title_case(std::string title) {
  const auto f = folded(title);
  if (f.rfind("ke hoach", 0) == 0) {
    // "KẾ HOẠCH" is 12 bytes in NFC; keep what follows as written.
    const auto words = words_of(title);
    if (words.size() >= 2)
      return "Kế hoạch" + (words.size() > 2 ? " " + join(words, 2, words.size()) : "");
  }
  return title;
}

/// The anniversary a title names: "Kỷ niệm 70 năm Ngày thành lập … (02/11/1954
/// - 02/11/2024)" is a ceremony on 02/11/2024, taken to be held that day.
void anniversary(const Found& title, PlanDraft& draft) {
  const auto words = words_of(title.text);
  std::size_t from = words.size();
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (folded(words[i]) == "ky" && folded(words[i + 1]).rfind("niem", 0) == 0) {
      from = i;
      break;
    }
  }
  const auto open = title.text.rfind('(');
  const auto close = title.text.rfind(')');
  if (from == words.size() || open == std::string::npos || close == std::string::npos ||
      close < open) {
    return;
  }
  const auto inside = title.text.substr(open + 1, close - open - 1);
  const auto dash = inside.find(" - ");
  if (dash == std::string::npos) return;
  const auto day = read_day(trim(inside.substr(dash + 3)), 0);
  if (!day) return;
  std::size_t to = from;
  while (to < words.size() && words[to].front() != '(') ++to;
  auto name = join(words, from, to);
  if (name.empty()) return;
  name[0] = 'K';  // "kỷ niệm" as a name starts with a capital
  DraftEvent e;
  e.id = "le-ky-niem";
  e.name = {"Lễ " + name, title.where, "lễ kỷ niệm của ngày kỷ niệm tên văn bản nêu"};
  e.date = *day;
  e.aliases = {"Lễ Kỷ niệm", "Lễ kỷ niệm", name};
  e.guess = "văn bản chỉ nêu ngày kỷ niệm: giả định Lễ được tổ chức đúng ngày đó";
  draft.events.push_back(std::move(e));
}

/// The number line ("Số: 45/2021/KH-UBND") and the appendix's reference
/// name documents, not days: their years are no date of this plan.
bool number_line(const std::string& f) {
  return f.starts_with("so ") || f.starts_with("so:") || f.find("kem theo") != std::string::npos;
}

/// The paragraphs before the title ("KẾ HOẠCH", "THÔNG BÁO"…), and the two
/// after it: the header block, where the issue date is. Without a title,
/// none: a table's cell "Ngày 15/10/2020" is a task's time, not the issue date.
std::size_t title_block_end(const std::vector<Para>& all) {
  for (std::size_t i = 0; i < all.size() && i < 40; ++i) {
    const auto f = folded(trim(all[i].p->text));
    if (f.starts_with("ke hoach") && !f.starts_with("ke hoach so")) return i + 3;
    for (const std::string_view kind : {"thong bao", "quyet dinh", "chuong trinh", "huong dan",
                                        "bao cao", "to trinh", "cong van"}) {
      if (f == kind) return i + 3;
    }
  }
  return 0;
}

/// The place before a date line's "ngày": "Thái Nguyên" in "Thái Nguyên,";
/// "Số: 12/KH-UBND Thái Nguyên," (number and place on one line, tab-aligned
/// in the original) keeps what follows the number.
std::string place_before(std::string before) {
  before = trim(before);
  while (!before.empty() && before.back() == ',')
    before = trim(before.substr(0, before.size() - 1));
  if (number_line(folded(before))) {
    const auto words = words_of(before);
    const std::size_t skip = words.size() > 2 && words[1] == ":" ? 3 : 2;
    before = join(words, skip, words.size());
  }
  return before.size() < 60 ? before : std::string{};
}

/// What stands before ", ngày …" on a date line is a place ("Thái Nguyên",
/// "TP. Hồ Chí Minh"): not an item's label or its clock and weekday ("b)
/// Thời gian: 9 giờ, thứ Sáu, ngày 26/3/2021" is the time of an event).
bool place_name(const std::string& before) {
  if (before.find_first_of(":0123456789;") != std::string::npos) return false;
  const auto f = folded(trim(before));
  for (const std::string_view weekday : {"thu ", "chu nhat", "sang", "chieu", "toi"}) {
    const auto at = f.rfind(weekday);
    if (at != std::string::npos && (at == 0 || f[at - 1] == ' ' || f[at - 1] == ',')) return false;
  }
  return !f.starts_with("thoi gian") && !f.starts_with("vao ");
}

/// "Thái Nguyên, ngày 29 tháng 3 năm 2024" anywhere; in the header block
/// also without the comma ("Hà Nội ngày 15/3/2021"), the place ("Ngày 29
/// tháng 3 năm 2024"), or after the number on its line. A day without its
/// year is not the issue date, nor is the date of the plan an appendix
/// belongs to (read with its number, above).
void issue_date(const std::string& text, const std::string& where, bool header_block,
                PlanDraft& draft) {
  if (text.size() > 160 || folded(text).find("kem theo") != std::string::npos) return;
  // "ngày" in the original spelling: where the place ends.
  std::size_t at = std::string::npos;
  for (const std::string_view w : {"ngày", "Ngày", "NGÀY"}) {
    if (const auto found = text.find(w); found < at) at = found;
  }
  if (at == std::string::npos) return;
  const bool placed = at >= 2 && at < 80 && text.compare(at - 2, 2, ", ") == 0 &&
                      place_name(text.substr(0, at - 2));
  if (!placed && !header_block) return;
  // In the header block without the comma, what stands before "ngày" is
  // still a place, a number line or nothing: "1.1/ Kiểm tra phần đọc: từ
  // ngày 08 – 12/5/2017" is an item, and 12/5 no date of issue.
  if (!placed) {
    const auto before = trim(text.substr(0, at));
    if (!before.empty() && !place_name(before) && !number_line(folded(before))) return;
  }
  const auto date_text = text.substr(at);
  const auto days = dates_in(date_text, 0);
  if (!folded(date_text).starts_with("ngay ") || days.size() != 1) return;
  draft.issued = days.front();
  draft.issued_where = where;
  if (const auto place = place_before(text.substr(0, at)); !place.empty()) {
    draft.place = {place, where};
  }
}

/// The years a text names in its dates: "30/9/2020", "tháng 10/2020",
/// "năm 2020", "quý I/2021".
void count_years(const std::string& f, std::map<int, int>& years) {
  for (std::size_t i = 0; i + 4 <= f.size(); ++i) {
    const bool after_slash = i > 0 && (f[i - 1] == '/' || f[i - 1] == '-' || f[i - 1] == '.');
    const bool after_nam = i >= 4 && f.compare(i - 4, 4, "nam ") == 0;
    if (!after_slash && !after_nam) continue;
    std::size_t j = i;
    int year = 0;
    while (j < f.size() && j < i + 5 && f[j] >= '0' && f[j] <= '9')
      year = year * 10 + (f[j++] - '0');
    const bool ends = j == f.size() || (f[j] != '/' && (f[j] < '0' || f[j] > '9'));
    if (j - i == 4 && ends && year >= 1900 && year <= 2199) ++years[year];
  }
}

/// The year of days written without one when the plan gives no issue date:
/// the year its dates name most (the earlier of two as common), leaving out
/// its number, its citations and the documents it follows.
void guess_year(const std::vector<Para>& all, PlanDraft& draft) {
  std::map<int, int> years;
  for (const auto& [p, where] : all) {
    const auto f = folded(p->text);
    if (number_line(f) || preamble(p->text)) continue;
    count_years(f, years);
  }
  const auto most = std::max_element(
      years.begin(), years.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most == years.end()) return;
  draft.year = most->first;
  // Only a document with no issue date comes here; the reasons that quote this say so.
  draft.year_guess =
      "năm " + std::to_string(most->first) + " là năm các thời gian trong văn bản nêu nhiều nhất";
}

/// The last run of bold lines of the header block's left cell, joined.
Found issuer_of(const std::vector<Block>& blocks) {
  std::string text;
  int first = -1, last = -1;  // the run's paragraphs
  bool in_run = false;
  for (const auto& block : blocks) {
    const auto* p = block.paragraph();
    const bool bold = p != nullptr && p->bold && !trim(p->text).empty() && trim(p->text) != "*";
    if (!bold) {
      in_run = false;
      continue;
    }
    text = in_run ? text + " " + trim(p->text) : trim(p->text);
    if (!in_run) first = p->index + 1;
    last = p->index + 1;
    in_run = true;
  }
  if (text.empty()) return {};
  return {text, first == last ? "paragraph " + std::to_string(first)
                              : "paragraphs " + std::to_string(first) + "-" + std::to_string(last)};
}

}  // namespace

void read_front_matter(const Document& document, PlanDraft& draft) {
  const auto all = paragraphs(document);
  const auto header_end = title_block_end(all);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& [p, where] = all[i];
    const auto text = trim(p->text);
    const auto f = folded(text);
    const auto words = words_of(text);
    // "Số 129-KH/ĐUK", "Số: 12/KH-UBND".
    if (draft.id.empty() && words.size() >= 2 &&
        (f.rfind("so ", 0) == 0 || f.rfind("so:", 0) == 0)) {
      const auto& number = words[1] == ":" && words.size() > 2 ? words[2] : words[1];
      // A number left blank ("Số      -KH/ĐUK") is no number.
      if (number.find_first_of("-/") != std::string::npos && number[0] >= '0' && number[0] <= '9') {
        draft.id = {trim(number), where};
      }
    }
    // "(Kèm theo Kế hoạch số 129-KH/ĐUK, ngày 29/3/2024 của …)".
    if (const auto at = f.find("ke hoach so ");
        at != std::string::npos && f.find("kem theo") != std::string::npos) {
      for (std::size_t w = 0; w + 2 < words.size(); ++w) {
        if (folded(words[w]) != "so" || folded(words[w - (w > 0 ? 1 : 0)]) != "hoach") continue;
        auto number = words[w + 1];
        while (!number.empty() && (number.back() == ',' || number.back() == ')')) number.pop_back();
        if (draft.id.empty()) draft.id = {number, where};
        if (!draft.issued && folded(words[w + 2]) == "ngay" && w + 3 < words.size()) {
          auto day = words[w + 3];
          while (!day.empty() && (day.back() == ',' || day.back() == ')')) day.pop_back();
          if (const auto d = read_day(day, 0)) {
            draft.issued = d;
            draft.issued_where = where;
          }
        }
        break;
      }
    }
    // "Thái Nguyên, ngày 29 tháng 3 năm 2024": the place and the date.
    for (std::size_t b = 0, e = 0; !draft.issued && b <= text.size(); b = e + 1) {
      e = std::min(text.find('\n', b), text.size());
      issue_date(trim(text.substr(b, e - b)), where, i < header_end, draft);
    }
    // "KẾ HOẠCH\ntuyên truyền …": the title, on one line.
    if (draft.title.empty() && f.rfind("ke hoach", 0) == 0 && f.find("ke hoach so") != 0) {
      std::string title = text;
      for (auto& c : title) {
        if (c == '\n') c = ' ';
      }
      // A title alone on its line: the next paragraph holds the rest.
      if (folded(trim(title)) == "ke hoach" && i + 1 < all.size()) {
        title += " " + trim(all[i + 1].p->text);
        for (auto& c : title) {
          if (c == '\n') c = ' ';
        }
      }
      draft.title = {title_case(trim(title)), where};
    }
  }
  if (draft.title.empty() && !document.title.empty())
    draft.title = {document.title, "the document's title"};
  // The issuer: the header block's left cell, its bold lines ("ĐẢNG ỦY KHỐI …";
  // "ỦY BAN NHÂN DÂN" / "TỈNH THÁI NGUYÊN", one name over two lines). The
  // last run of bold lines is the issuing body; the lines above it in plain
  // type, the body it belongs to.
  for (const auto& b : document.body) {
    const auto* t = b.table();
    if (t == nullptr) continue;
    if (t->rows > 0 && t->columns == 2) draft.issuer = issuer_of(t->at(0, 0).blocks);
    break;  // only the first table can be the header block
  }
  if (!draft.title.empty()) anniversary(draft.title, draft);
  if (draft.issued) {
    draft.year = static_cast<int>(date::year_month_day{*draft.issued}.year());
  } else {
    guess_year(all, draft);
  }
}

}  // namespace tiendo::documents::import
