// Excel (.xlsx, SpreadsheetML): every sheet of xl/workbook.xml as a Table,
// with shared and inline strings (rich runs kept), numbers, booleans,
// errors, formulas' cached values, and date cells recognised by their number
// format in xl/styles.xml.

#include <date/date.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "opc.hpp"
#include "read_context.hpp"
#include "readers.hpp"
#include "table_builder.hpp"
#include "xml_part.hpp"
#include "zip_archive.hpp"

namespace tiendo::documents::detail {

namespace {

constexpr std::string_view kSheetTransitional =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kSheetStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr std::string_view kRelTransitional =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

// The largest serial a date can have (9999-12-31 in the 1900 system).
constexpr double kMaxDateSerial = 2958465.0;

struct CellFormat {
  bool date = false;
  std::string code;  // the format code that draws a date
  bool bold = false;
  bool italic = false;
};

/// The format code of a built-in number format that shows a date, or "".
std::string builtin_date_format(int id) {
  switch (id) {
    // Excel draws 14 in the system's short date form; a Vietnamese system's
    // is day/month/year.
    case 14:
      return "dd/mm/yyyy";
    case 15:
      return "d-mmm-yy";
    case 16:
      return "d-mmm";
    case 17:
      return "mmm-yy";
    case 22:
      return "dd/mm/yyyy hh:mm";
    default:
      return {};
  }
}

/// True when a custom format code draws a date: a d or y outside quoted
/// text, escapes and [brackets] (colours, locales, elapsed time).
bool is_date_code(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a fill/width)
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = std::max(bracket - 1, 0);
    } else if (c == ';') {
      break;  // the first section decides
    } else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) {
      return true;
    }
  }
  return false;
}

struct DateParts {
  date::year_month_day day;
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
};

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

/// Draws a date with the first section of an Excel format code.
std::string format_date(std::string_view code, const DateParts& parts) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  static constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
  const int year = static_cast<int>(parts.day.year());
  const int month = static_cast<int>(static_cast<unsigned>(parts.day.month()));
  const int day = static_cast<int>(static_cast<unsigned>(parts.day.day()));
  const int weekday = static_cast<int>(date::weekday(date::sys_days(parts.day)).c_encoding());
  std::string out;
  bool after_hours = false;
  for (std::size_t i = 0; i < code.size();) {
    const char c = code[i];
    std::size_t run = 1;
    while (i + run < code.size() && std::tolower(static_cast<unsigned char>(code[i + run])) ==
                                        std::tolower(static_cast<unsigned char>(c))) {
      ++run;
    }
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == ';') break;
    if (c == '"') {
      const auto end = code.find('"', i + 1);
      out += code.substr(i + 1, (end == std::string_view::npos ? code.size() : end) - i - 1);
      i = end == std::string_view::npos ? code.size() : end + 1;
      continue;
    }
    if (c == '\\' && i + 1 < code.size()) {
      out += code[i + 1];
      i += 2;
      continue;
    }
    if (c == '_' || c == '*') {
      if (c == '_') out += ' ';
      i += 2;
      continue;
    }
    if (c == '[') {
      const auto end = code.find(']', i);
      i = end == std::string_view::npos ? code.size() : end + 1;
      continue;
    }
    if (lower == 'y') {
      out += run <= 2 ? two_digits(year % 100) : std::to_string(year);
    } else if (lower == 'm') {
      // m right after hours, or before seconds, is minutes.
      const auto next = code.find_first_not_of(" :", i + run);
      const bool minutes =
          after_hours || (next != std::string_view::npos &&
                          std::tolower(static_cast<unsigned char>(code[next])) == 's');
      if (minutes) {
        out += run == 1 ? std::to_string(parts.minutes) : two_digits(parts.minutes);
      } else if (run <= 2) {
        out += run == 1 ? std::to_string(month) : two_digits(month);
      } else {
        const std::string name = kMonths[month - 1];
        out += run == 3 ? name.substr(0, 3) : run == 5 ? name.substr(0, 1) : name;
      }
    } else if (lower == 'd') {
      if (run <= 2) {
        out += run == 1 ? std::to_string(day) : two_digits(day);
      } else {
        const std::string name = kDays[weekday];
        out += run == 3 ? name.substr(0, 3) : name;
      }
    } else if (lower == 'h') {
      out += run == 1 ? std::to_string(parts.hours) : two_digits(parts.hours);
      after_hours = true;
      i += run;
      continue;
    } else if (lower == 's') {
      out += run == 1 ? std::to_string(parts.seconds) : two_digits(parts.seconds);
    } else {
      out.append(run, c);
    }
    if (lower != ' ' && lower != ':') after_hours = false;
    i += run;
  }
  return out;
}

/// The date of an Excel serial number, in the 1900 or the 1904 system.
std::optional<DateParts> date_of(double serial, bool system_1904) {
  if (!(serial >= 0 && serial <= kMaxDateSerial)) return std::nullopt;
  const double whole = std::floor(serial);
  auto count = static_cast<int>(whole);
  date::sys_days base;
  if (system_1904) {
    base = date::sys_days(date::year{1904} / 1 / 1);
  } else if (count < 61) {
    // Lotus 1-2-3's 1900-02-29 (serial 60) does not exist; before it serial
    // 1 is 1900-01-01.
    base = date::sys_days(date::year{1899} / 12 / 31);
    count = std::max(count == 60 ? 59 : count, 0);
  } else {
    base = date::sys_days(date::year{1899} / 12 / 30);
  }
  DateParts parts;
  parts.day = date::year_month_day(base + date::days(count));
  const auto seconds = static_cast<int>(std::lround((serial - whole) * 86400.0));
  parts.hours = std::min(seconds / 3600, 23);
  parts.minutes = seconds / 60 % 60;
  parts.seconds = seconds % 60;
  return parts;
}

std::string iso_date(const date::year_month_day& day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buffer;
}

/// A number as Excel's General format shows it: up to 15 significant digits.
std::string general_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

/// "B5" as (row 4, column 1); nullopt when it is not a cell reference.
std::optional<std::pair<int, int>> cell_reference(std::string_view ref) {
  std::size_t i = 0;
  long long column = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  const int row = xml_int(ref.substr(i), 0, 0, kMaxRows + 1);
  if (row < 1) return std::nullopt;
  return std::pair{row - 1, static_cast<int>(column - 1)};
}

class XlsxReader {
 public:
  XlsxReader(ZipArchive& zip, ReadContext& context) : zip_(zip), context_(context) {}

  Document read() {
    const auto package = read_relationships(zip_, "", context_);
    const auto workbook_name = target_of(package, "officeDocument", "xl/workbook.xml");
    const auto workbook = read_xml_part(zip_, workbook_name, context_);
    if (!workbook) {
      context_.fail("missing-part", "the workbook has no main part ('" + workbook_name + "')", {},
                    "open it in Excel or LibreOffice and save it again as .xlsx");
    }
    const Namespace x(workbook->root(), {kSheetTransitional, kSheetStrict});
    const Namespace r(workbook->root(), {kRelTransitional, kRelStrict});
    if (!x.is(workbook->root(), "workbook")) {
      context_.fail("missing-part", "'" + workbook_name + "' is not a SpreadsheetML workbook");
    }
    system_1904_ =
        xml_true(x.attribute(x.child(workbook->root(), "workbookPr"), "date1904"), false);
    const auto related = read_relationships(zip_, workbook_name, context_);
    read_shared_strings(target_of(related, "sharedStrings"));
    read_styles(target_of(related, "styles"));
    Document document;
    document.format = Format::xlsx;
    document.title = core_title(zip_, context_);
    for (const auto sheet : x.child(workbook->root(), "sheets").children()) {
      if (!x.is(sheet, "sheet")) continue;
      const std::string id(r.attribute(sheet, "id"));
      std::string target;
      for (const auto& relationship : related) {
        if (relationship.id == id) target = relationship.target;
      }
      const auto part = target.empty() ? nullptr : read_xml_part(zip_, target, context_);
      if (!part) {
        context_.warn("missing-sheet", "the sheet '" + std::string(x.attribute(sheet, "name")) +
                                           "' has no part in the workbook: skipped");
        continue;
      }
      document.body.push_back(Block{read_sheet(*part, clean_text(x.attribute(sheet, "name")))});
    }
    return document;
  }

 private:
  void read_shared_strings(const std::string& name) {
    if (name.empty()) return;
    const auto part = read_xml_part(zip_, name, context_);
    if (!part) return;
    const ReadContext::InPart in_part(context_, part->name());
    const Namespace x(part->root(), {kSheetTransitional, kSheetStrict});
    for (const auto si : part->root().children()) {
      if (!x.is(si, "si")) continue;
      if (shared_.size() >= context_.limits().max_cells) {
        context_.fail("table-too-large", part->name() + ": more than " +
                                             std::to_string(context_.limits().max_cells) +
                                             " shared strings");
      }
      auto runs = rich_text(x, si);
      std::size_t bytes = sizeof(runs) + runs.size() * sizeof(Run);
      for (const auto& run : runs) bytes += run.text.size();
      context_.hold(bytes, "shared string " + std::to_string(shared_.size()),
                    SourceLocation{part->line_of(si), 0, 1});
      shared_.push_back(std::move(runs));
    }
  }

  /// The runs of a string item (<si>, <is>): plain <t>, or rich <r> runs.
  /// Phonetic runs (<rPh>) are a reading aid, not the text.
  static std::vector<Run> rich_text(const Namespace& x, pugi::xml_node item) {
    std::vector<Run> runs;
    for (const auto node : item.children()) {
      if (x.is(node, "t")) {
        runs.push_back(Run{node.text().get(), false, false});
      } else if (x.is(node, "r")) {
        const auto rpr = x.child(node, "rPr");
        const auto b = x.child(rpr, "b");
        const auto i = x.child(rpr, "i");
        runs.push_back(Run{x.child(node, "t").text().get(), b && xml_true(x.attribute(b, "val")),
                           i && xml_true(x.attribute(i, "val"))});
      }
    }
    return runs;
  }

  void read_styles(const std::string& name) {
    if (name.empty()) return;
    const auto part = read_xml_part(zip_, name, context_);
    if (!part) return;
    const Namespace x(part->root(), {kSheetTransitional, kSheetStrict});
    std::map<int, std::string> codes;
    for (const auto format : x.child(part->root(), "numFmts").children()) {
      if (!x.is(format, "numFmt")) continue;
      codes[xml_int(x.attribute(format, "numFmtId"), -1, -1, 1 << 20)] =
          x.attribute(format, "formatCode");
    }
    std::vector<std::pair<bool, bool>> fonts;
    for (const auto font : x.child(part->root(), "fonts").children()) {
      if (!x.is(font, "font")) continue;
      const auto b = x.child(font, "b");
      const auto i = x.child(font, "i");
      fonts.emplace_back(b && xml_true(x.attribute(b, "val")),
                         i && xml_true(x.attribute(i, "val")));
    }
    for (const auto xf : x.child(part->root(), "cellXfs").children()) {
      if (!x.is(xf, "xf")) continue;
      // Excel allows 64,000 cell formats; more is not a workbook but a trap.
      if (formats_.size() >= 65536) break;
      CellFormat format;
      const int id = xml_int(x.attribute(xf, "numFmtId"), 0, 0, 1 << 20);
      const auto custom = codes.find(id);
      if (custom != codes.end()) {
        format.date = is_date_code(custom->second);
        format.code = custom->second;
      } else {
        format.code = builtin_date_format(id);
        format.date = !format.code.empty();
      }
      const auto font = static_cast<std::size_t>(xml_int(x.attribute(xf, "fontId"), 0, 0, 1 << 20));
      if (font < fonts.size()) std::tie(format.bold, format.italic) = fonts[font];
      formats_.push_back(std::move(format));
    }
  }

  Table read_sheet(const XmlPart& part, std::string name) {
    // Each cell that shows a shared string holds a copy of it: the sheet is
    // where a small file inflates, and the place its messages name.
    const ReadContext::InPart in_part(context_, part.name());
    const Namespace x(part.root(), {kSheetTransitional, kSheetStrict});
    TableBuilder builder(context_);
    // Merges are read first, so that each anchor is placed with its spans.
    std::map<std::pair<int, int>, std::pair<int, int>> merges;
    for (const auto merge : x.child(part.root(), "mergeCells").children()) {
      if (!x.is(merge, "mergeCell")) continue;
      const std::string_view ref = x.attribute(merge, "ref");
      const auto colon = ref.find(':');
      if (colon == std::string_view::npos) continue;
      const auto from = cell_reference(ref.substr(0, colon));
      const auto to = cell_reference(ref.substr(colon + 1));
      if (!from || !to || to->first < from->first || to->second < from->second) continue;
      merges[*from] = {to->first - from->first + 1, to->second - from->second + 1};
    }
    int row = -1;
    for (const auto row_node : x.child(part.root(), "sheetData").children()) {
      if (!x.is(row_node, "row")) continue;
      row = xml_int(x.attribute(row_node, "r"), row + 2, 1, kMaxRows + 1) - 1;
      int column = -1;
      for (const auto c : row_node.children()) {
        if (!x.is(c, "c")) continue;
        const auto ref = cell_reference(x.attribute(c, "r"));
        column = ref ? ref->second : column + 1;
        const int at_row = ref ? ref->first : row;
        auto cell = read_cell(x, c, part);
        const auto merge = merges.find({at_row, column});
        if (!cell && merge == merges.end()) continue;
        const auto [row_span, column_span] =
            merge == merges.end() ? std::pair{1, 1} : merge->second;
        if (merge != merges.end()) merges.erase(merge);
        builder.put(at_row, column, cell ? std::move(*cell) : Cell{}, row_span, column_span,
                    SourceLocation{part.line_of(c), 0, 1});
      }
    }
    // Merges over empty cells still shape the grid (a title over A1:F1).
    for (const auto& [at, spans] : merges) {
      builder.put(at.first, at.second, Cell{}, spans.first, spans.second);
    }
    return builder.finish(std::move(name), false);
  }

  /// The cell's value and text; nullopt for a cell without a value.
  std::optional<Cell> read_cell(const Namespace& x, pugi::xml_node c, const XmlPart& part) {
    const std::string_view type = x.attribute(c, "t");
    const auto style_index = static_cast<std::size_t>(xml_int(x.attribute(c, "s"), 0, 0, 1 << 30));
    const CellFormat format = style_index < formats_.size() ? formats_[style_index] : CellFormat{};
    const auto v = x.child(c, "v");
    const std::string_view value = v.text().get();
    Cell cell;
    std::vector<Run> runs;
    if (type == "s") {
      const auto index = static_cast<std::size_t>(xml_int(value, -1, -1, 1 << 30));
      if (index >= shared_.size()) return std::nullopt;
      runs = shared_[index];
      cell.kind = ValueKind::text;
    } else if (type == "inlineStr") {
      runs = rich_text(x, x.child(c, "is"));
      cell.kind = ValueKind::text;
    } else if (!v) {
      return std::nullopt;
    } else if (type == "str") {
      runs.push_back(Run{std::string(value), false, false});
      cell.kind = ValueKind::text;
    } else if (type == "b") {
      cell.kind = ValueKind::boolean;
      cell.value = value == "1" ? "TRUE" : "FALSE";
      runs.push_back(Run{cell.value, false, false});
    } else if (type == "e") {
      cell.kind = ValueKind::error;
      cell.value = value;
      runs.push_back(Run{cell.value, false, false});
    } else if (type == "d") {
      // An ISO 8601 date written as text (Strict files, some writers).
      cell.kind = ValueKind::date;
      cell.value = value.substr(0, 10);
      runs.push_back(Run{cell.value, false, false});
    } else {
      const auto number = parse_number(value);
      if (!number) {
        runs.push_back(Run{std::string(value), false, false});
        cell.kind = ValueKind::text;
      } else if (const auto day = format.date ? date_of(*number, system_1904_) : std::nullopt) {
        cell.kind = ValueKind::date;
        cell.value = iso_date(day->day);
        runs.push_back(Run{format_date(format.code, *day), false, false});
      } else {
        cell.kind = ValueKind::number;
        cell.value = general_number(*number);
        runs.push_back(Run{cell.value, false, false});
      }
    }
    bool visible = false;
    for (const auto& run : runs) visible = visible || !run.text.empty();
    if (!visible) return std::nullopt;
    if (cell.kind == ValueKind::text) {
      std::string joined;
      for (const auto& run : runs) joined += run.text;
      cell.value = clean_text(joined);
    }
    // One paragraph per cell: a line end inside it is a line break, as Excel
    // shows it.
    ParagraphBuilder builder;
    for (const auto& run : runs) {
      builder.add(run.text, run.bold || format.bold, run.italic || format.italic);
    }
    cell.blocks.push_back(Block{builder.finish(context_, part.line_of(c))});
    return cell;
  }

  ZipArchive& zip_;
  ReadContext& context_;
  bool system_1904_ = false;
  std::vector<std::vector<Run>> shared_;
  std::vector<CellFormat> formats_;
};

}  // namespace

Document read_xlsx(ZipArchive& zip, ReadContext& context) {
  return XlsxReader(zip, context).read();
}

}  // namespace tiendo::documents::detail
