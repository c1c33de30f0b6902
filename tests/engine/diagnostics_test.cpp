#include <gtest/gtest.h>
#include <tiendo/diagnostics.hpp>

namespace tiendo {
namespace {

TEST(Diagnostics, CaretUnderVietnameseText) {
  const std::string source = "a: 1\nname: \"Đặt bài\", kind: drat\n";
  const Diagnostic d{
      Severity::error,        "invalid-kind", "'drat' is not a step kind", {2, 24, 4}, {},
      "did you mean 'draft'?"};
  EXPECT_EQ(format_diagnostic(d, "plan.yaml", source),
            "plan.yaml:2:24: error: 'drat' is not a step kind [invalid-kind]\n"
            "  name: \"Đặt bài\", kind: drat\n"
            "                         ^~~~\n"
            "  help: did you mean 'draft'?\n");
}

TEST(Diagnostics, NotesAndUnknownLocation) {
  const Diagnostic d{Severity::warning, "x", "message", {}, {{"see here", {1, 1, 1}}}, {}};
  EXPECT_EQ(format_diagnostic(d, "f", "line\n"),
            "f: warning: message [x]\nf:1:1: note: see here\n");
  EXPECT_FALSE(has_errors({d}));
}

}  // namespace
}  // namespace tiendo

namespace tiendo {
namespace {

// Issue 21, item 10: a one-line XML file with an error printed the whole
// line (83 KB). A window of the line around the column is shown.
TEST(Diagnostics, AVeryLongLineIsShownAroundItsColumn) {
  std::string line(100'000, 'a');
  line.replace(50'000, 3, "BAD");
  const Diagnostic d{Severity::error, "xml-syntax", "bad", {1, 50'001, 3}, {}, {}};
  const auto text = format_diagnostic(d, "one-line.xml", line);
  EXPECT_LT(text.size(), 1'000u) << text.size();
  const auto shown = text.substr(text.find('\n') + 1);
  const auto source = shown.substr(0, shown.find('\n'));
  const auto caret = shown.substr(shown.find('\n') + 1);
  EXPECT_NE(source.find("…"), std::string::npos);
  // The caret stands under "BAD" ("…" is one character, three bytes).
  const auto bad = source.find("BAD");
  ASSERT_NE(bad, std::string::npos);
  const auto before = source.substr(0, bad);
  std::size_t characters = 0;
  for (const char c : before) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  EXPECT_EQ(caret.find('^'), characters) << source << "\n" << caret;
  EXPECT_EQ(caret.substr(caret.find('^'), 3), "^~~");
}

}  // namespace
}  // namespace tiendo
