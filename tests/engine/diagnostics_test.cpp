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
