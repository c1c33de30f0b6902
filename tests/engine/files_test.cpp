#include <gtest/gtest.h>
#include <tiendo/files.hpp>

#include <filesystem>

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

}  // namespace
}  // namespace tiendo
