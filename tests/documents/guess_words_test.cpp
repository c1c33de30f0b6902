// The reasons an import gives for what it guessed are the planner's words.
// A plan's `guessed:` reasons go to the page's checklist ("Cần xác nhận") and
// to `tiendo explain --guesses`, in a Vietnamese plan file: a reason left in
// English (the year the dates name most, two lines of a cell read as one, a
// table read as the rest of another…) is one the planner cannot act on.
// Every document of the bundled samples and of the document corpus is
// imported, and every reason of every guess must be written in Vietnamese.
#include <tiendo/documents/import.hpp>
#include <tiendo/parse.hpp>

#include "documents_support.hpp"

#include <filesystem>
#include <regex>

namespace tiendo::documents::test {
namespace {

/// Whether a reason is written in Vietnamese: a letter outside ASCII (every
/// Vietnamese sentence has one), and none of the English words the
/// importer's reasons used to be made of.
bool vietnamese(const std::string& why) {
  static const std::regex english(R"(\b(the|read as|of the|is the|no issue|given with)\b)");
  const bool marked = std::any_of(why.begin(), why.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return marked && !std::regex_search(why, english);
}

std::vector<std::string> documents_in(const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(data_path(folder))) {
    const auto ext = e.path().extension().string();
    if (ext == ".docx" || ext == ".odt" || ext == ".html" || ext == ".xlsx") {
      out.push_back(folder + "/" + e.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(GuessWords, EveryReasonAnImportGivesIsVietnamese) {
  auto files = documents_in("docs");
  for (const auto& f : documents_in("doc-corpus")) {
    if (f.ends_with(".html")) files.push_back(f);  // the corpus's three formats read alike
  }
  ASSERT_GT(files.size(), 100u);
  int guesses = 0;
  for (const auto& file : files) {
    const auto result = import_plan(bytes_of(file), file);
    if (result.yaml.empty()) continue;  // refused (no year named): nothing guessed
    const auto parsed = parse_plan(result.yaml);
    ASSERT_TRUE(parsed.plan) << file;
    for (const auto& g : parsed.plan->guesses) {
      ++guesses;
      EXPECT_TRUE(vietnamese(g.why))
          << file << ": " << g.subject_kind << " " << g.subject << " " << g.key << ": " << g.why;
    }
  }
  EXPECT_GT(guesses, 500);  // the check looked at something
}

}  // namespace
}  // namespace tiendo::documents::test
