#pragma once
// Diagnostics are values: every parser and graph error is a Diagnostic with a
// location, collected in a list and rendered once, by format_diagnostic.

#include <tiendo/lang.hpp>

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

/// The severity's word in `lang`: "lỗi", "cảnh báo", "ghi chú" in Vietnamese.
std::string_view to_string(Severity severity, Lang lang);

struct Note {
  std::string message;
  SourceLocation where;
  std::string message_vi{};  ///< empty: said in English only ({} keeps brace-init quiet)
};

// A diagnostic carries its message in both languages, said where it is made
// from the catalogue (messages.hpp), rather than its code's arguments to be
// said later: the arguments are themselves words of a language ("a task",
// "nhiệm vụ"; "did you mean"), every consumer (the CLI, the server's JSON,
// the portfolio, the importer) would need the catalogue to say one, and
// diagnostics made outside the catalogue (the importer's, the graph's) would
// need arguments they do not have. Two strings need nothing: an empty
// `message_vi` falls back to the English.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     ///< stable, e.g. "unknown-key", shown as [code]
  std::string message;  ///< one fact, names quoted with '...'; English (tools and goldens read it)
  SourceLocation where;
  std::vector<Note> notes;
  std::string suggestion;       ///< "did you mean 'x'?" or empty
  std::string message_vi{};     ///< the message in Vietnamese; empty: said in English only
  std::string suggestion_vi{};  ///< the suggestion in Vietnamese ("có phải 'x'?")

  /// The message in `lang`, English when it has no Vietnamese.
  const std::string& message_in(Lang lang) const {
    return lang == Lang::vi && !message_vi.empty() ? message_vi : message;
  }
  const std::string& suggestion_in(Lang lang) const {
    return lang == Lang::vi && !suggestion_vi.empty() ? suggestion_vi : suggestion;
  }
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool has_errors(const Diagnostics& diagnostics);

/// Renders `file:line:col: error: message [code]`, the source line with a
/// caret under the token, the notes and the suggestion. `source` is the whole
/// file text (may be empty when unavailable).
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file_name,
                              std::string_view source);

/// The same in `lang`: the severity, message, notes and suggestion in
/// Vietnamese ("lỗi: …", "gợi ý: có phải 'x'?") where the diagnostic has
/// them; the code, the place and the caret are the same in both. Lang::en
/// is byte for byte the three-argument form.
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file_name,
                              std::string_view source, Lang lang);

}  // namespace tiendo
