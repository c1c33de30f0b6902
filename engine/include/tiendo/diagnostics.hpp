#pragma once
// Diagnostics are values: every parser and graph error is a Diagnostic with a
// location, collected in a list and rendered once, by format_diagnostic.

#include <string>
#include <string_view>
#include <vector>

namespace tiendo {

/// A place in a plan file. Line and column are 1-based; column counts UTF-8
/// code points so a caret lines up under Vietnamese text. line == 0: unknown.
struct SourceLocation {
  int line = 0;
  int column = 0;
  int length = 1;  ///< code points to underline

  bool known() const { return line > 0; }
};

enum class Severity { note, warning, error };

/// "error", "warning" or "note".
std::string_view to_string(Severity severity);

struct Note {
  std::string message;
  SourceLocation where;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     ///< stable, e.g. "unknown-key", shown as [code]
  std::string message;  ///< one fact, names quoted with '...'
  SourceLocation where;
  std::vector<Note> notes;
  std::string suggestion;  ///< "did you mean 'x'?" or empty
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool has_errors(const Diagnostics& diagnostics);

/// Renders `file:line:col: error: message [code]`, the source line with a
/// caret under the token, the notes and the suggestion. `source` is the whole
/// file text (may be empty when unavailable).
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file_name,
                              std::string_view source);

}  // namespace tiendo
