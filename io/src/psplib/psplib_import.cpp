// PSPLIB .sm files (single mode): the layout is fixed by the library's
// generator, ProGen: blocks between lines of '*', headed 'PROJECT
// INFORMATION:', 'PRECEDENCE RELATIONS:', 'REQUESTS/DURATIONS:',
// 'RESOURCEAVAILABILITIES:'. Only what a CPM schedule uses is read.
#include <tiendo/documents/yaml_writer.hpp>
#include <tiendo/io/psplib.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tiendo::io {

namespace {

using documents::import::yaml_scalar;
using documents::import::YamlWriter;

/// Bounds a hostile file cannot pass: j120 has 122 jobs.
constexpr int kMaxJobs = 100000;
constexpr int kMaxDuration = 100000;

struct Job {
  int duration = -1;
  std::vector<int> successors;
  int line = 0;
};

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const auto begin = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > begin) out.push_back(line.substr(begin, i - begin));
  }
  return out;
}

std::optional<int> integer(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// The first `n` fields as whole numbers; empty when one is not.
std::vector<int> leading(const std::vector<std::string_view>& fields, std::size_t n) {
  std::vector<int> out;
  for (std::size_t i = 0; i < n && i < fields.size(); ++i) {
    const auto value = integer(fields[i]);
    if (!value) return {};
    out.push_back(*value);
  }
  return out.size() == n ? out : std::vector<int>{};
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

struct Reader {
  std::string_view name;
  ImportResult result;
  std::map<int, Job> jobs;
  std::optional<int> mpm_time;
  std::string basedata;
  int resources = 0;

  void error(int line, std::string message) {
    result.diagnostics.push_back(
        {Severity::error, "psplib-syntax", std::move(message), {line, 1, 1}, {}, {}});
  }

  /// A line of PRECEDENCE RELATIONS: job, modes, count, successors...
  void precedence(int line, const std::vector<std::string_view>& f) {
    const auto head = leading(f, 3);
    if (head.empty() || head[0] < 1 || head[0] > kMaxJobs || head[2] < 0 ||
        static_cast<std::size_t>(head[2]) != f.size() - 3) {
      error(line, "a precedence line is 'jobnr. #modes #successors successors...'");
      return;
    }
    const int job = head[0];
    if (head[1] != 1) {
      error(line, "job " + std::to_string(job) + " has " + std::to_string(head[1]) +
                      " modes: only single-mode files (.sm) are read");
      return;
    }
    auto& j = jobs[job];
    if (j.line != 0) {
      error(line, "job " + std::to_string(job) + " is listed twice (first on line " +
                      std::to_string(j.line) + ")");
      return;
    }
    j.line = line;
    for (std::size_t i = 3; i < f.size(); ++i) {
      const auto s = integer(f[i]);
      if (!s || *s < 1 || *s > kMaxJobs) {
        error(line, "successor '" + std::string(f[i]) + "' is not a job number");
        return;
      }
      j.successors.push_back(*s);
    }
  }

  /// A line of REQUESTS/DURATIONS: job, mode, duration, requests...
  void duration(int line, const std::vector<std::string_view>& f) {
    const auto head = leading(f, 3);
    if (head.empty() || head[2] < 0 || head[2] > kMaxDuration) {
      error(line, "a duration line is 'jobnr. mode duration R1 R2 ...' with a duration of 0 to " +
                      std::to_string(kMaxDuration));
      return;
    }
    const int job = head[0];
    const auto it = jobs.find(job);
    if (it == jobs.end()) {
      error(line, "job " + std::to_string(job) + " is not in PRECEDENCE RELATIONS");
      return;
    }
    if (it->second.duration >= 0) {
      error(line, "job " + std::to_string(job) + " has a second duration");
      return;
    }
    it->second.duration = head[2];
    resources = std::max(resources, static_cast<int>(f.size()) - 3);
  }

  void read(std::string_view text) {
    enum class Section { none, info, precedence, durations, other } section = Section::none;
    int line = 0;
    for (std::size_t at = 0; at <= text.size();) {
      const auto end = std::min(text.find('\n', at), text.size());
      const auto content = text.substr(at, end - at);
      at = end + 1;
      ++line;
      if (starts_with(content, "***")) {
        section = Section::none;
        continue;
      }
      if (starts_with(content, "file with basedata")) {
        const auto colon = content.find(':');
        if (colon != std::string_view::npos) {
          const auto f = fields_of(content.substr(colon + 1));
          if (!f.empty()) basedata = f[0];
        }
      }
      if (starts_with(content, "PROJECT INFORMATION")) section = Section::info;
      if (starts_with(content, "PRECEDENCE RELATIONS")) section = Section::precedence;
      if (starts_with(content, "REQUESTS/DURATIONS")) section = Section::durations;
      if (starts_with(content, "RESOURCEAVAILABILITIES")) section = Section::other;
      const auto f = fields_of(content);
      // Headings, column headers and lines of dashes start with no number.
      if (f.empty() || !std::isdigit(static_cast<unsigned char>(f[0][0]))) continue;
      if (section == Section::info && f.size() >= 6) mpm_time = integer(f[5]);
      if (section == Section::precedence) precedence(line, f);
      if (section == Section::durations) duration(line, f);
      if (result.diagnostics.size() >= 50) return;
    }
  }

  /// Every job has a duration and its successors exist.
  bool complete() {
    if (jobs.empty()) {
      error(1, "no PRECEDENCE RELATIONS: not a PSPLIB .sm file");
      return false;
    }
    for (const auto& [number, job] : jobs) {
      if (job.duration < 0) {
        error(job.line, "job " + std::to_string(number) + " has no line in REQUESTS/DURATIONS");
      }
      for (const int s : job.successors) {
        if (!jobs.contains(s)) {
          error(job.line, "job " + std::to_string(number) + " names successor " +
                              std::to_string(s) + ", which is not listed");
        }
      }
    }
    return !has_errors(result.diagnostics);
  }

  std::string plan_id() const {
    std::string stem(name);
    if (const auto slash = stem.find_last_of('/'); slash != std::string::npos) {
      stem.erase(0, slash + 1);
    }
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
    return stem.empty() ? "psplib" : stem;
  }

  void write() {
    std::map<int, std::vector<int>> predecessors;
    for (const auto& [number, job] : jobs) {
      for (const int s : job.successors) predecessors[s].push_back(number);
    }
    YamlWriter w;
    w.comment("PSPLIB instance " + std::string(name) +
              (basedata.empty() ? "" : " (base data " + basedata + ")") + ": " +
              std::to_string(jobs.size()) + " jobs, imported by tiendo.");
    if (mpm_time) {
      w.comment("MPM-Time (the critical-path length, resources ignored): " +
                std::to_string(*mpm_time) + " periods.");
    }
    w.comment("Periods are days on a calendar without days off, from the plan's start.");
    if (resources > 0) {
      w.comment("The jobs' requests of " + std::to_string(resources) +
                " resources are not in this plan: tiendo does not level resources.");
    }
    w.open("plan");
    w.scalar("id", plan_id());
    w.scalar("title", "PSPLIB " + plan_id());
    w.raw("start", "2024-01-01", "any day: every day is worked");
    w.close();
    w.open("calendar").raw("days_off", "[]").close();
    w.open("tasks");
    for (const auto& [number, job] : jobs) {
      const auto id = "j" + std::to_string(number);
      w.item();
      w.raw("id", id);
      w.scalar("name", "Job " + std::to_string(number));
      w.raw("duration", job.duration == 0 ? "0" : std::to_string(job.duration) + "d");
      const auto& before = predecessors[number];
      if (!before.empty()) {
        std::string list;
        for (const int p : before) list += (list.empty() ? "" : ", ") + ("j" + std::to_string(p));
        w.raw("after", "[" + list + "]");
        result.links += static_cast<int>(before.size());
      }
      w.close();
    }
    w.close();
    result.tasks = result.steps = static_cast<int>(jobs.size());
    result.yaml = w.text();
  }
};

}  // namespace

bool looks_like_psplib(std::string_view bytes) {
  const auto head = bytes.substr(0, 4096);
  return starts_with(head, "****") && head.find("PRECEDENCE RELATIONS") != std::string_view::npos;
}

ImportResult import_psplib(std::string_view bytes, std::string_view file_name) {
  Reader reader{file_name, {}, {}, {}, {}, 0};
  reader.read(bytes);
  if (has_errors(reader.result.diagnostics) || !reader.complete()) return std::move(reader.result);
  if (reader.resources > 0) {
    reader.result.diagnostics.push_back(
        {Severity::warning,
         "resources-ignored",
         "the jobs' requests of " + std::to_string(reader.resources) +
             " renewable resources are ignored: tiendo schedules by precedence only (the "
             "critical-path length, PSPLIB's MPM-Time), not with limited resources",
         {},
         {},
         {}});
  }
  reader.write();
  return std::move(reader.result);
}

}  // namespace tiendo::io
