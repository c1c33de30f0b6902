// The message catalogue (messages.hpp): every reading diagnostic the engine
// emits is said in English and in Vietnamese, with the same arguments.
#include <gtest/gtest.h>
#include <tiendo/analysis.hpp>
#include <tiendo/messages.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace tiendo {
namespace {

const std::string kHead = "plan: {id: T, start: 2024-06-03}\n";
const std::string kTasks = "tasks:\n  - {id: a, name: A, duration: 2d}\n";

std::string task(const std::string& body) {
  return kHead + "tasks:\n  - {id: a, name: A, " + body + "}\n";
}

std::string with_committee(const std::string& body) {
  return kHead + "committees:\n  BTV: {meetings: [2024-06-20]}\ntasks:\n  - {id: a, name: A, " +
         body + "}\n";
}

std::string two_tasks(const std::string& a, const std::string& b) {
  return kHead + "tasks:\n  - {id: a, name: A, duration: 2d" + a +
         "}\n  - {id: b, name: B, duration: 2d" + b + "}\n";
}

std::string many_unknown_keys() {
  std::string text = kHead + "tasks:\n";
  for (int i = 0; i < 60; ++i) {
    text += "  - {id: t" + std::to_string(i) + ", name: A, duration: 2d, ownr: x}\n";
  }
  return text;
}

struct BadPlan {
  std::string code;  ///< the code it must produce
  std::string text;
  bool lenient = false;
};

/// A bad plan for each code the readers, the graph and the schedule emit:
/// running them is the scan for codes (the catalogue must say each one).
const std::vector<BadPlan>& bad_plans() {
  static const std::vector<BadPlan> plans{
      {"yaml-syntax", "plan: {id: T, start: 2024-06-03\n" + kTasks},
      {"empty-plan", ""},
      {"expected-map", "- just\n- a list\n"},
      {"duplicate-key", task("duration: 2d, duration: 3d")},
      {"unknown-key", task("duraton: 2d")},
      {"expected-map", kHead + "tasks:\n  - just text\n"},
      {"expected-list", kHead + "tasks: {a: 1}\n"},
      {"expected-text", task("duration: [2d]")},
      {"missing-key", kHead + "tasks:\n  - {id: a, duration: 2d}\n"},
      {"missing-key", kTasks},
      {"invalid-id", kHead + "tasks:\n  - {id: 'a b', name: A, duration: 2d}\n"},
      {"duplicate-id", two_tasks("", "") + "  - {id: a, name: C, duration: 2d}\n"},
      {"duplicate-id", kHead + "tasks:\n  - {id: a, name: A, steps: [{id: s, name: S, duration: "
                               "1d}, {id: s, name: S, duration: 1d}]}\n"},
      {"invalid-date", "plan: {id: T, start: 2024-13-01}\n" + kTasks},
      {"invalid-date", task("duration: 2d, due: 31/9/2024")},
      {"unknown-event", task("duration: 2d, due: le-hoi")},
      {"invalid-value", "plan: {id: T, start: 2024-06-03, lang: vn}\n" + kTasks},
      {"invalid-value", task("duration: 2d, chain: maybe")},
      {"no-working-day",
       kHead + "calendar: {days_off: [mon, tue, wed, thu, fri, sat, sun]}\n" + kTasks},
      {"unknown-calendar", kHead + "calendar: {holidays: xx}\n" + kTasks},
      {"invalid-weekday", kHead + "calendar: {days_off: [thurs]}\n" + kTasks},
      {"invalid-event",
       kHead + "events:\n  - {id: e, name: E, date: 2024-06-10, until: 2024-06-01}\n" + kTasks},
      {"invalid-duration", task("duration: 2 dayz")},
      {"invalid-duration", task("kind: milestone, duration: 2d")},
      {"unknown-committee", task("at: {committee: BTV}")},
      {"unknown-meeting", with_committee("at: {committee: BTV, date: 2024-06-21}")},
      {"unknown-meeting", with_committee("at: {committee: BTV, month: 2024-07}")},
      {"invalid-month", with_committee("at: {committee: BTV, month: June}")},
      {"unknown-group", task("duration: 2d, group: G")},
      {"empty-steps", kHead + "tasks:\n  - {id: a, name: A, steps: []}\n"},
      {"invalid-kind", task("kind: drat, duration: 2d")},
      {"missing-duration", task("kind: draft")},
      {"invalid-link", two_tasks("", ", after: [[a]]")},
      {"invalid-link-type", two_tasks("", ", after: {on: a, type: XX}")},
      {"invalid-lag", two_tasks("", ", after: {on: a, lag: soon}")},
      {"invalid-window", task("duration: 2d, window: [2024-06-01]")},
      {"invalid-window", task("duration: 2d, window: [2024-06-10, 2024-06-01]")},
      {"unread-phrase", task("duration: 2d, when: 'Trước ngày 31/9/2024'")},
      {"unread-phrase", task("duration: 2d, when: 'Tháng 10/3024'")},
      {"unread-phrase", task("duration: 2d, when: 'Trước ngày 30/8/2024 và trước ngày 30/9/2024'")},
      {"unread-phrase", task("duration: 2d, when: 'Trước ngày 31/9/2024'"), true},
      {"unread-phrase", task("duration: 2d, when: 'Sau Đại hội Chi bộ'")},
      {"phrase-partly-read", task("duration: 2d, when: 'Trước ngày 30/8/2024 xyzzy'")},
      {"phrase-hour-dropped", task("duration: 2d, when: 'Trước 17h00 ngày 30/8/2024'")},
      {"phrase-assumption", task("duration: 2d, when: 'Đầu năm 2025'")},
      {"invalid-progress", task("duration: 2d, progress: 'xyz'")},
      {"progress-year-assumed", task("duration: 2d, progress: 'đã hoàn thành ngày 5/6'")},
      {"progress-contradiction",
       task("duration: 2d, started: 2024-06-03, progress: 'bắt đầu từ ngày 4/6/2024'")},
      {"done-before-started", task("duration: 2d, started: 2024-06-05, done: 2024-06-04")},
      {"actual-in-future",
       "plan: {id: T, start: 2024-06-03, status_date: 2024-06-04}\ntasks:\n  - {id: a, name: A, "
       "duration: 2d, done: 2024-06-10}\n"},
      {"unknown-guess", task("duration: 2d, guessed: [owner]")},
      {"unknown-id", two_tasks("", ", after: zz")},
      {"self-dependency", two_tasks(", after: a", "")},
      {"dependency-cycle", two_tasks(", after: b", ", after: a")},
      {"too-many-errors", many_unknown_keys()},
  };
  return plans;
}

/// Codes no bad plan here produces, and why.
const std::set<std::string> kNotExercised{
    "too-many-links",            // 65,537 dependencies in one list
    "schedule-overflow",         // a schedule past 2100
    "shared-committee-differs",  // a workspace's plan: in SharedCommitteeDiffersSaysBoth below
};

void expect_said_in_both(const Diagnostic& d, const std::string& plan) {
  SCOPED_TRACE(plan + "\n" + d.code + ": " + d.message);
  EXPECT_FALSE(d.message.empty());
  EXPECT_FALSE(d.message_vi.empty()) << "no Vietnamese for " << d.code;
  if (!d.suggestion.empty()) {
    EXPECT_FALSE(d.suggestion_vi.empty()) << d.suggestion;
  }
  for (const auto& note : d.notes) EXPECT_FALSE(note.message_vi.empty()) << note.message;
}

TEST(Messages, EveryCodeTheEngineEmitsIsSaidInBothLanguages) {
  const auto catalogued = catalogued_codes();
  std::set<std::string> seen;
  for (const auto& bad : bad_plans()) {
    ParseOptions options;
    options.lenient = bad.lenient;
    const auto analysis = analyze(bad.text, options);
    std::set<std::string> codes;
    for (const auto& d : analysis.diagnostics) {
      codes.insert(d.code);
      EXPECT_TRUE(std::binary_search(catalogued.begin(), catalogued.end(), d.code))
          << "'" << d.code << "' is not in the catalogue";
      expect_said_in_both(d, bad.text);
    }
    EXPECT_TRUE(codes.count(bad.code)) << bad.text << "\ndid not give " << bad.code;
    seen.insert(codes.begin(), codes.end());
  }
  // Every code of the catalogue is one the engine emits, and the bad plans
  // above produce them all (but the few said why).
  for (const auto& code : catalogued) {
    EXPECT_TRUE(seen.count(code) || kNotExercised.count(code)) << "no bad plan gives " << code;
  }
}

TEST(Messages, SharedCommitteeDiffersSaysBoth) {
  ParseOptions ws;
  ws.workspace = true;
  const auto shared = parse_plan(
      "workspace: {name: W, start: 2024-06-01}\ncommittees:\n  BTV: {meetings: [2024-06-20]}\n",
      ws);
  ASSERT_TRUE(shared.plan);
  ParseOptions options;
  options.shared = &*shared.plan;
  const auto plan = with_committee("duration: 2d");
  auto text = plan;
  text.replace(text.find("2024-06-20"), 10, "2024-06-21");
  const auto read = parse_plan(text, options);
  ASSERT_FALSE(read.diagnostics.empty());
  EXPECT_EQ(read.diagnostics[0].code, "shared-committee-differs");
  expect_said_in_both(read.diagnostics[0], text);
}

TEST(Messages, EachEntryHasBothLanguagesWithTheSameArguments) {
  std::set<std::string_view> ids;
  for (const auto& e : message_catalogue()) {
    SCOPED_TRACE(std::string(e.id));
    EXPECT_TRUE(ids.insert(e.id).second) << "written twice";
    EXPECT_FALSE(e.en.empty());
    EXPECT_FALSE(e.vi.empty());
    auto en = message_arguments(e.en);
    auto vi = message_arguments(e.vi);
    std::sort(en.begin(), en.end());
    std::sort(vi.begin(), vi.end());
    EXPECT_EQ(en, vi) << e.en << "\n" << e.vi;
    // Said, not copied: only a message that is all argument may read alike.
    const bool all_argument = e.en.front() == '{' && e.en.back() == '}' && en.size() == 1;
    if (!all_argument && e.en.find("'Trước") == std::string_view::npos) {
      EXPECT_NE(e.en, e.vi);
    }
  }
}

TEST(Messages, AnIdNotInTheCatalogueComesBackAsItselfInEnglishOnly) {
  const auto m = say("no-such-message");
  EXPECT_EQ(m.en, "no-such-message");
  EXPECT_TRUE(m.vi.empty());
  EXPECT_EQ(m.in(Lang::vi), "no-such-message");
}

TEST(Messages, ArgumentsAreFilledInEachLanguage) {
  const auto unknown =
      say("unknown-key", {{"key", "ownr"}, {"what", Message{"a task", "nhiệm vụ"}}});
  EXPECT_EQ(unknown.en, "unknown key 'ownr' in a task");
  EXPECT_EQ(unknown.vi, "khóa 'ownr' không có trong nhiệm vụ");
  const auto missing = say("missing-key", {{"what", say("what:event")}, {"key", "date"}});
  EXPECT_EQ(missing.en, "an event needs 'date'");
  EXPECT_EQ(missing.vi, "sự kiện thiếu khóa 'date'");
  EXPECT_EQ(say("invalid-value:lang", {{"value", "vn"}}).vi,
            "'lang' là 'vi' hoặc 'en', không phải 'vn'");
  EXPECT_EQ(did_you_mean_in_both("ownr", {"owner", "lead"}).vi, "có phải 'owner'?");
  EXPECT_TRUE(did_you_mean_in_both("zzzzzz", {"owner"}).empty());
  // Braces that are not an argument are text: "{on: id, …}" stays.
  EXPECT_EQ(say("invalid-link").vi,
            "quan hệ phụ thuộc là một mã hoặc {on: id, type: FS|SS|FF|SF, lag: 2d}");
  EXPECT_EQ(code_of("invalid-value:lang"), "invalid-value");
}

Diagnostic first(const std::string& text, bool lenient = false) {
  ParseOptions options;
  options.lenient = lenient;
  const auto analysis = analyze(text, options);
  EXPECT_FALSE(analysis.diagnostics.empty()) << text;
  return analysis.diagnostics.empty() ? Diagnostic{} : analysis.diagnostics.front();
}

TEST(Messages, AReadingDiagnosticIsFormattedInVietnamese) {
  const auto text = task("kind: drat, duration: 2d");
  const auto d = first(text);
  const auto vi = format_diagnostic(d, "kh.yaml", text, Lang::vi);
  EXPECT_EQ(vi,
            "kh.yaml:3:28: lỗi: 'drat' không phải là loại bước (draft, approval, production, "
            "broadcast, event, milestone, other) [invalid-kind]\n"
            "    - {id: a, name: A, kind: drat, duration: 2d}\n"
            "                             ^~~~\n"
            "  gợi ý: có phải 'draft'?\n");
  // English is the three-argument form, byte for byte.
  EXPECT_EQ(format_diagnostic(d, "kh.yaml", text, Lang::en), format_diagnostic(d, "kh.yaml", text));
}

TEST(Messages, NotesAndWarningsAreSaidInVietnamese) {
  const auto text = two_tasks(", after: b", ", after: a");
  const auto cycle = format_diagnostic(first(text), "kh.yaml", text, Lang::vi);
  EXPECT_NE(cycle.find(": lỗi: các bước chờ nhau thành vòng: "), std::string::npos) << cycle;
  EXPECT_NE(cycle.find(": ghi chú: 'b' chờ 'a'"), std::string::npos) << cycle;
  EXPECT_NE(cycle.find("  gợi ý: hãy bỏ một trong các quan hệ phụ thuộc này"), std::string::npos);

  const auto partly = task("duration: 2d, when: 'Trước ngày 30/8/2024 xyzzy'");
  const auto w = first(partly);
  EXPECT_EQ(w.code, "phrase-partly-read");
  EXPECT_EQ(w.message_vi.rfind("không đọc được: 'xyzzy'; hiểu là: ", 0), 0u) << w.message_vi;
  EXPECT_NE(format_diagnostic(w, "kh.yaml", partly, Lang::vi).find(": cảnh báo: "),
            std::string::npos);
}

TEST(Messages, PhraseErrorsAreSaidInVietnamese) {
  PhraseContext context;
  context.year = 2024;
  const auto no_day = read_phrase("Trước ngày 31/9/2024", context);
  ASSERT_FALSE(no_day.ok());
  EXPECT_EQ(no_day.error_vi, "31/9 không phải là ngày có thật: tháng 9 có nhiều nhất 30 ngày");

  const auto far = read_phrase("Tháng 10/3024", context);
  ASSERT_FALSE(far.ok());
  EXPECT_NE(far.error_vi.find("nằm ngoài các năm"), std::string::npos) << far.error_vi;
  EXPECT_NE(far.error_vi.find("có gõ nhầm năm không?"), std::string::npos) << far.error_vi;

  const auto both = read_phrase("Trước ngày 30/8/2024 và trước ngày 30/9/2024", context);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error_vi.rfind("cụm từ nói hai điều mâu thuẫn nhau (hai ngày khác nhau cho "
                                "cùng một việc): 'Trước ngày 30/8/2024' (",
                                0),
            0u)
      << both.error_vi;
  EXPECT_FALSE(both.suggestion_vi.empty());

  const auto unread = read_phrase("Trong thnag 6/2024", context);
  ASSERT_FALSE(unread.ok());
  EXPECT_EQ(unread.error_vi,
            "không đọc được 'Trong thnag 6/2024' thành thời gian: không hiểu 'thnag'");
  EXPECT_EQ(unread.suggestion_vi, "có phải 'thang'?");
}

TEST(Messages, TheCliLanguageIsThePlansAlsoWhenItHasErrors) {
  const auto english = analyze("plan: {id: T, start: 2024-06-03, lang: en}\n" +
                               std::string("tasks:\n  - {id: a, name: A, duraton: 2d}\n"));
  EXPECT_FALSE(english.ok());
  EXPECT_EQ(english.lang, "en");
  EXPECT_EQ(analyze(task("duraton: 2d")).lang, "vi");
}

}  // namespace
}  // namespace tiendo
