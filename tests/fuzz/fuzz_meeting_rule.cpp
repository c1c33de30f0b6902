// libFuzzer target: a committee's meeting rule. There is no public function
// that reads rule text (plan_reader.cpp reads `rule:` from the YAML tree and
// calls meetings_from_rule), so this target writes a fixed plan whose
// committee's rule fields come from the input, then runs the whole pipeline
// (parse_plan, graph, schedule, checks): the meetings it yields gate an
// approval.
//
// Input: one field per line, in this order (a missing or empty line leaves
// the key out):
//   every, weekday, nth, day, if_off, months (comma-separated), from, until,
//   cancelled (comma-separated dates), moved (OLD>NEW pairs, comma-separated),
//   the plan's start.
// Each value is written as a double-quoted YAML scalar, so the input chooses
// values, never the plan's structure.
#include <tiendo/analysis.hpp>
#include <tiendo/diagnostics.hpp>
#include <tiendo/report.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "known.hpp"

namespace {

std::size_t sink = 0;

enum Field { every, weekday, nth, day, if_off, months, from, until, cancelled, moved, start, count };

std::string quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    const auto at = text.find(sep);
    out.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + 1);
  }
}

std::string plan_of(std::string_view input) {
  std::array<std::string_view, count> f{};
  const auto lines = split(input, '\n');
  for (std::size_t i = 0; i < lines.size() && i < f.size(); ++i) f[i] = lines[i];

  std::string rule;
  const auto key = [&](const char* name, std::string_view value) {
    if (value.empty()) return;
    rule += (rule.empty() ? "" : ", ") + std::string(name) + ": " + quoted(value);
  };
  key("every", f[every]);
  key("weekday", f[weekday]);
  key("nth", f[nth]);
  key("day", f[day]);
  key("if_off", f[if_off]);
  if (!f[months].empty()) {
    std::string list;
    for (const auto m : split(f[months], ',')) list += (list.empty() ? "" : ", ") + quoted(m);
    rule += (rule.empty() ? "" : ", ") + ("months: [" + list + "]");
  }

  std::string y;
  y += "plan: {id: FUZZ, title: \"Kế hoạch\", start: ";
  y += f[start].empty() ? std::string("2024-04-01") : quoted(f[start]);
  y += "}\n";
  y += "calendar: {days_off: [sat, sun], holidays: vn}\n";
  y += "committees:\n  BTV:\n    name: \"Ban Thường vụ\"\n";
  y += "    rule: {" + rule + "}\n";
  if (!f[from].empty()) y += "    from: " + quoted(f[from]) + "\n";
  if (!f[until].empty()) y += "    until: " + quoted(f[until]) + "\n";
  if (!f[cancelled].empty()) {
    std::string list;
    for (const auto d : split(f[cancelled], ',')) list += (list.empty() ? "" : ", ") + quoted(d);
    y += "    cancelled: [" + list + "]\n";
  }
  if (!f[moved].empty()) {
    std::string map;
    for (const auto pair : split(f[moved], ',')) {
      const auto gt = pair.find('>');
      const auto old_day = pair.substr(0, gt);
      const auto new_day = gt == std::string_view::npos ? std::string_view{} : pair.substr(gt + 1);
      map += (map.empty() ? "" : ", ") + quoted(old_day) + ": " + quoted(new_day);
    }
    y += "    moved: {" + map + "}\n";
  }
  y += "    submit_lead: 3d\n";
  y += "tasks:\n"
       "  - id: phong-su\n"
       "    name: \"Phóng sự\"\n"
       "    steps:\n"
       "      - {id: kich-ban, name: \"Kịch bản\", kind: draft, duration: 10d}\n"
       "      - {id: duyet, name: \"Duyệt kịch bản\", kind: approval, at: {committee: BTV}}\n"
       "      - {id: ghi-hinh, name: \"Ghi hình\", kind: production, duration: 20d}\n"
       "      - {id: duyet-ps, name: \"Duyệt phóng sự\", kind: approval, "
       "at: {committee: BTV}, due: 2025-06-30}\n";
  return y;
}

void run(const std::string& plan) {
  const auto analysis = tiendo::analyze(plan);
  for (const auto& d : analysis.diagnostics) {
    sink += tiendo::format_diagnostic(d, "fuzz.yaml", plan).size();
  }
  if (analysis.ok()) sink += tiendo::check_text(analysis, tiendo::Lang::en).size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto plan = plan_of(input);
  // Known bug (known-failures.txt): 'from' months after 'until' (or after
  // the default until, the plan's start plus two years) leaves the rule's
  // calendar without a working day, and the exception escapes parse_plan.
  // Caught only while it is avoided, so that otherwise the report shows where
  // it was thrown.
  if (!tiendo::fuzz::avoiding("calendar-no-working-day")) {
    run(plan);
    return 0;
  }
  try {
    run(plan);
  } catch (const std::invalid_argument& e) {
    if (std::string_view(e.what()) == "the calendar has no working day") return -1;
    throw;
  }
  return 0;
}
