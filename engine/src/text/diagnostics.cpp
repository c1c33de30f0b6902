#include <tiendo/diagnostics.hpp>

#include <algorithm>

#include "text/utf8.hpp"

namespace tiendo {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string_view to_string(Severity severity, Lang lang) {
  if (lang == Lang::en) return to_string(severity);
  switch (severity) {
    case Severity::note:
      return "ghi chú";
    case Severity::warning:
      return "cảnh báo";
    case Severity::error:
      return "lỗi";
  }
  return "lỗi";
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

std::string_view source_line(std::string_view source, int line) {
  std::size_t begin = 0;
  for (int l = 1; l < line; ++l) {
    const auto nl = source.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  auto end = source.find('\n', begin);
  if (end == std::string_view::npos) end = source.size();
  auto text = source.substr(begin, end - begin);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string location_prefix(std::string_view file_name, const SourceLocation& where) {
  std::string out(file_name);
  if (where.known()) {
    out += ':' + std::to_string(where.line) + ':' + std::to_string(where.column);
  }
  return out + ": ";
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file_name,
                              std::string_view source) {
  return format_diagnostic(diagnostic, file_name, source, Lang::en);
}

std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file_name,
                              std::string_view source, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out = location_prefix(file_name, diagnostic.where);
  out += to_string(diagnostic.severity, lang);
  out += ": " + diagnostic.message_in(lang) + " [" + diagnostic.code + "]\n";
  if (diagnostic.where.known()) {
    auto line = source_line(source, diagnostic.where.line);
    int column = diagnostic.where.column;  // from 1, within `line` as shown
    // A line of a minified file can be megabytes long: a window of it around
    // the column is shown, marked '…' where it is cut.
    constexpr int kShown = 140, kBefore = 60;
    const int length = detail::utf8_length(line);
    bool cut_before = false, cut_after = false;
    if (length > kShown) {
      const int first = std::clamp(column - 1 - kBefore, 0, length - kShown);
      line = detail::utf8_prefix(line.substr(detail::utf8_prefix(line, first).size()), kShown);
      column -= first;
      cut_before = first > 0;
      cut_after = first + kShown < length;
    }
    if (!line.empty()) {
      out += "  " + std::string(cut_before ? "…" : "") + std::string(line) +
             (cut_after ? "…" : "") + "\n  ";
      if (cut_before) out += ' ';
      // The caret line copies tabs so it stays aligned under the source.
      const auto prefix = detail::utf8_prefix(line, column - 1);
      for (const char c : prefix) {
        if (!detail::is_continuation(c)) out += c == '\t' ? '\t' : ' ';
      }
      const int available = detail::utf8_length(line) - (column - 1);
      const int width = std::clamp(diagnostic.where.length, 1, std::max(available, 1));
      out += '^';
      out.append(static_cast<std::size_t>(width - 1), '~');
      out += '\n';
    }
  }
  for (const auto& note : diagnostic.notes) {
    const auto& message = vi && !note.message_vi.empty() ? note.message_vi : note.message;
    out += location_prefix(file_name, note.where) + std::string(to_string(Severity::note, lang)) +
           ": " + message + "\n";
  }
  if (!diagnostic.suggestion.empty()) {
    out += (vi ? "  gợi ý: " : "  help: ") + diagnostic.suggestion_in(lang) + "\n";
  }
  return out;
}

}  // namespace tiendo
