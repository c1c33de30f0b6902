#include <gtest/gtest.h>
#include <tiendo/files.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <thread>

namespace tiendo {
namespace {

namespace fs = std::filesystem;

TEST(Files, WritesAtomicallyAndReadsBack) {
  const auto dir = fs::temp_directory_path() / "tiendo-files-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto path = (dir / "out.json").string();
  ASSERT_EQ(write_file_atomically(path, "first"), "");
  ASSERT_EQ(write_file_atomically(path, "second"), "");
  EXPECT_EQ(read_file(path).text.value_or(""), "second");
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  fs::remove_all(dir);
}

TEST(Files, ReportsWhatWentWrong) {
  EXPECT_NE(write_file_atomically("/nonexistent-dir/x/out.json", "x"), "");
  const auto missing = read_file("/nonexistent-dir/plan.yaml");
  EXPECT_FALSE(missing.text);
  EXPECT_NE(missing.error.find("cannot open /nonexistent-dir/plan.yaml"), std::string::npos);
  EXPECT_NE(read_file("/").error.find("is a directory"), std::string::npos);
}

TEST(Files, RefusesInputLargerThanTheLimitWithoutReadingItAll) {
  // /dev/zero never ends: reading must stop at the limit, with a reason.
  const auto zero = read_file("/dev/zero", 1 << 20);
  EXPECT_FALSE(zero.text);
  EXPECT_NE(zero.error.find("larger than 1 MB"), std::string::npos) << zero.error;
  const auto dir = fs::temp_directory_path() / "tiendo-files-limit";
  fs::create_directories(dir);
  const auto path = (dir / "plan.yaml").string();
  ASSERT_EQ(write_file_atomically(path, std::string(2000, 'x')), "");
  EXPECT_FALSE(read_file(path, 1999).text);
  EXPECT_EQ(read_file(path, 2000).text.value_or("").size(), 2000u);
  fs::remove_all(dir);
}

TEST(Files, WritesIntoAFifoInPlaceInsteadOfReplacingIt) {
  const auto dir = fs::temp_directory_path() / "tiendo-files-fifo";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto path = (dir / "pipe").string();
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_file(path).text.value_or("?"); });
  EXPECT_EQ(write_file_atomically(path, "through the pipe"), "");
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(path));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  fs::remove_all(dir);
}

TEST(Files, WritesThroughASymbolicLinkToTheFileItNames) {
  const auto dir = fs::temp_directory_path() / "tiendo-files-link";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto real = dir / "real.json";
  ASSERT_EQ(write_file_atomically(real.string(), "old"), "");
  fs::create_symlink(real, dir / "link.json");
  ASSERT_EQ(write_file_atomically((dir / "link.json").string(), "new"), "");
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(read_file(real.string()).text.value_or(""), "new");
  fs::remove_all(dir);
}

TEST(Files, AnInterruptedWriteLeavesNoTemporaryFile) {
  const auto dir = fs::temp_directory_path() / "tiendo-files-signal";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto path = (dir / "chart.png").string();
  ASSERT_EQ(write_file_atomically(path, "the old chart"), "");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Interrupted after the temporary is written, before it replaces the file.
    write_file_atomically(path, "the new chart", [] { ::raise(SIGTERM); });
    ::_exit(0);  // not reached: SIGTERM ends the process
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_EQ(read_file(path).text.value_or(""), "the old chart");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1)
      << "a hidden temporary file was left behind";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tiendo
