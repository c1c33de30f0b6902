#pragma once
// The catalogue of reading diagnostics: every message the plan, progress,
// estimate and guess readers (and the phrase reader's errors) say, written
// once in English and once in Vietnamese, with named arguments ("{key}",
// "{what}", "{value}"). A diagnostic is said in both languages where it is
// made (Diagnostic::message and message_vi): see diagnostics.hpp for why.

#include <tiendo/diagnostics.hpp>
#include <tiendo/lang.hpp>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiendo {

/// A text in both languages.
struct Message {
  std::string en, vi;

  /// The text in `lang`; English when it has no Vietnamese.
  const std::string& in(Lang lang) const { return lang == Lang::vi && !vi.empty() ? vi : en; }
  bool empty() const { return en.empty(); }
};

/// A named argument of a message, `{name}` in its text: a word the same in
/// both languages (an id, a key, a date) or a Message ("a task", "nhiệm vụ").
struct MessageArg {
  MessageArg(std::string_view arg_name, std::string value) : name(arg_name), text{value, value} {}
  MessageArg(std::string_view arg_name, const char* value)
      : MessageArg(arg_name, std::string(value)) {}
  MessageArg(std::string_view arg_name, Message value) : name(arg_name), text(std::move(value)) {}

  std::string_view name;
  Message text;
};

/// One message of the catalogue. Its id is the diagnostic's code ("unknown-key"),
/// or the code and a variant ("invalid-value:lang") when the code says
/// different things in different places; "hint:…" ids are suggestions,
/// "note:…" notes and "what:…" the things messages name ("a task").
struct CatalogueEntry {
  std::string_view id;
  std::string_view en;
  std::string_view vi;
};

/// Every message, in the order they are written.
std::span<const CatalogueEntry> message_catalogue();

/// The catalogue's message `id` with its arguments filled, in both languages.
/// An id not in the catalogue is a mistake in the engine: it comes back as
/// the id itself, in English only (so a test finds it by its empty `vi`).
Message say(std::string_view id, std::initializer_list<MessageArg> args = {});

/// The diagnostic code of a catalogue id: "invalid-value:lang" -> "invalid-value".
std::string_view code_of(std::string_view id);

/// The diagnostic codes the catalogue has messages for, once each, sorted.
std::vector<std::string> catalogued_codes();

/// The names of the `{arguments}` of a text, in order, repeated ones once.
std::vector<std::string> message_arguments(std::string_view text);

/// A diagnostic said by the catalogue's message `id`, its code the id's.
Diagnostic make_diagnostic(Severity severity, SourceLocation where, std::string_view id,
                           std::initializer_list<MessageArg> args = {}, Message suggestion = {});

/// A note said by the catalogue's message `id`.
Note make_note(SourceLocation where, std::string_view id,
               std::initializer_list<MessageArg> args = {});

/// "did you mean 'x'?" / "có phải 'x'?" for the closest candidate; empty
/// when none is close (closest_match in suggest.hpp).
Message did_you_mean_in_both(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tiendo
