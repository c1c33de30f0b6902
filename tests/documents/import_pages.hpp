#pragma once
// Shared by the import tests that write a small HTML page shaped like a
// corpus document and read back the plan it imports to.

#include <tiendo/documents/import.hpp>
#include <tiendo/parse.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace tiendo::documents::test {

inline std::string page(const std::string& title, const std::string& body) {
  return "<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body +
         "</body></html>";
}

struct Imported {
  ImportResult result;
  Plan plan;
};

/// The page imported and its plan read back, failing the test when either fails.
inline Imported imported(const std::string& html) {
  Imported out{import_plan(html, "notice.html"), {}};
  std::string messages;
  for (const auto& d : out.result.diagnostics) messages += format_diagnostic(d, "import", "");
  EXPECT_FALSE(out.result.yaml.empty()) << messages;
  const auto parsed = parse_plan(out.result.yaml);
  EXPECT_TRUE(parsed.plan) << out.result.yaml;
  if (parsed.plan) out.plan = *parsed.plan;
  return out;
}

/// The first task whose name holds the words; nullptr when none does.
inline const Task* named(const Plan& plan, std::string_view words) {
  const auto it = std::find_if(plan.tasks.begin(), plan.tasks.end(), [&](const Task& t) {
    return t.name.find(words) != std::string::npos;
  });
  return it == plan.tasks.end() ? nullptr : &*it;
}

}  // namespace tiendo::documents::test
