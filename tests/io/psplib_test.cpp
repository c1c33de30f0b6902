// PSPLIB .sm files imported as plans: each schedules to its critical-path
// length (the header's MPM-Time, read here by the test itself, not by the
// importer), the bundled five and, when ../shared is beside the checkout,
// all 480 j30 instances. Bad files are errors with their line.
#include <gtest/gtest.h>
#include <tiendo/files.hpp>
#include <tiendo/io/psplib.hpp>

#include <filesystem>
#include <sstream>

#include "plan_fixture.hpp"

namespace tiendo {
namespace {

namespace fs = std::filesystem;

/// The MPM-Time of the PROJECT INFORMATION line, the sixth number.
int mpm_time(const std::string& text) {
  const auto at = text.find("MPM-Time");
  std::istringstream line(text.substr(text.find('\n', at) + 1));
  int fields[6] = {};
  for (int& f : fields) line >> f;
  return fields[5];
}

/// Days from the plan's start to the end of its last step.
int makespan(const fs::path& path) {
  const auto file = read_file(path.string());
  const auto imported = io::import_psplib(*file.text, path.filename().string());
  EXPECT_FALSE(imported.yaml.empty()) << path;
  const auto a = analyze(imported.yaml);
  EXPECT_TRUE(a.ok()) << path;
  if (!a.ok()) return -1;
  int end = 0;
  for (const auto& s : a.schedule->steps) end = std::max(end, s.ef);
  return end - a.schedule->calendar.start_boundary(a.plan->info.start);
}

TEST(PsplibImport, BundledInstancesScheduleToTheirCriticalPath) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() / "tests/data/psplib")) {
    if (entry.path().extension() != ".sm") continue;
    const auto text = *read_file(entry.path().string()).text;
    EXPECT_EQ(makespan(entry.path()), mpm_time(text)) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

TEST(PsplibImport, AllOfJ30ScheduleToTheirCriticalPath) {
  const auto dir = testing::source_dir().parent_path() / "shared/data/psplib/j30";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto text = *read_file(entry.path().string()).text;
    EXPECT_EQ(makespan(entry.path()), mpm_time(text)) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 480);
}

TEST(PsplibImport, ResourcesAreIgnoredAndSaidSo) {
  const auto path = testing::source_dir() / "tests/data/psplib/j301_1.sm";
  const auto imported = io::import_psplib(*read_file(path.string()).text, "j301_1.sm");
  ASSERT_EQ(imported.diagnostics.size(), 1u);
  EXPECT_EQ(imported.diagnostics[0].severity, Severity::warning);
  EXPECT_EQ(imported.diagnostics[0].code, "resources-ignored");
  EXPECT_EQ(imported.tasks, 32);
  EXPECT_NE(imported.yaml.find("MPM-Time (the critical-path length, resources ignored): 38"),
            std::string::npos);
}

TEST(PsplibImport, BadFilesAreErrorsWithTheirLine) {
  const std::string head =
      "************\nPRECEDENCE RELATIONS:\njobnr.    #modes  #successors   successors\n";
  const auto errors = [](const std::string& text) {
    const auto r = io::import_psplib(text, "bad.sm");
    EXPECT_TRUE(r.yaml.empty());
    return r.diagnostics;
  };
  auto d = errors(head +
                  "   1  1  1  2\n   2  1  0\n******\nREQUESTS/DURATIONS:\n"
                  "jobnr. mode duration  R 1\n------\n  1  1  0  0\n");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].where.line, 5);  // job 2 has no duration
  d = errors(head + "   1  1  1  7\n******\nREQUESTS/DURATIONS:\nx\n-----\n  1  1  3  0\n");
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("successor 7"), std::string::npos);
  d = errors(head + "   1  1  3  2\n");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].where.line, 4);
  EXPECT_TRUE(errors("").size() == 1);
}

}  // namespace
}  // namespace tiendo
