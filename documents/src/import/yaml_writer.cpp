#include <tiendo/documents/yaml_writer.hpp>

#include <utf8proc.h>
#include <yaml.h>

#include <memory>

namespace tiendo::documents::import {

namespace {

int append(void* data, unsigned char* buffer, std::size_t size) {
  static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
  return 1;
}

struct Emitter {
  yaml_emitter_t emitter{};
  Emitter() { yaml_emitter_initialize(&emitter); }
  ~Emitter() { yaml_emitter_delete(&emitter); }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;
};

bool emit(yaml_emitter_t* emitter, yaml_event_t* event) {
  return yaml_emitter_emit(emitter, event) != 0;
}

/// The bytes of `text` that libyaml can write and read back: valid UTF-8 of
/// Unicode scalar values without NUL. utf8proc refuses what a structural check
/// lets through (surrogates, code points above U+10FFFF, overlong forms), which
/// libyaml would write as escapes its own parser refuses. Anything else becomes
/// U+FFFD, said by the caller's source comment.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code = -1;
    const auto n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &code);
    if (n > 0 && code > 0) {
      out.append(text.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string yaml_scalar(std::string_view value) {
  const auto text = printable(value);
  std::string out;
  Emitter e;
  yaml_emitter_set_output(&e.emitter, append, &out);
  yaml_emitter_set_unicode(&e.emitter, 1);
  yaml_emitter_set_width(&e.emitter, -1);  // never fold a long name
  yaml_event_t event{};
  bool ok =
      yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) && emit(&e.emitter, &event);
  ok = ok && yaml_document_start_event_initialize(&event, nullptr, nullptr, nullptr, 1) &&
       emit(&e.emitter, &event);
  // In a flow sequence, so that the scalar is written as it would be inside
  // `{...}` or after 'key:': plain when safe, else quoted.
  ok =
      ok &&
      yaml_sequence_start_event_initialize(&event, nullptr, nullptr, 1, YAML_FLOW_SEQUENCE_STYLE) &&
      emit(&e.emitter, &event);
  ok = ok &&
       yaml_scalar_event_initialize(&event, nullptr, nullptr,
                                    reinterpret_cast<yaml_char_t*>(const_cast<char*>(text.data())),
                                    static_cast<int>(text.size()), 1, 1, YAML_ANY_SCALAR_STYLE) &&
       emit(&e.emitter, &event);
  ok = ok && yaml_sequence_end_event_initialize(&event) && emit(&e.emitter, &event);
  ok = ok && yaml_document_end_event_initialize(&event, 1) && emit(&e.emitter, &event);
  ok = ok && yaml_stream_end_event_initialize(&event) && emit(&e.emitter, &event);
  if (!ok) return "''";
  // "[scalar]\n" or "--- [scalar]\n...": the scalar between the brackets.
  const auto open = out.find('[');
  const auto close = out.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close <= open) return "''";
  auto scalar = out.substr(open + 1, close - open - 1);
  while (!scalar.empty() && scalar.front() == ' ') scalar.erase(0, 1);
  while (!scalar.empty() && scalar.back() == ' ') scalar.pop_back();
  return scalar.empty() ? "''" : scalar;
}

std::string comment_text(std::string_view text) {
  std::string out = printable(text);
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  // U+2028/U+2029 and U+0085 end a line for some readers; the other C1
  // controls (U+0080..U+009F) libyaml refuses in a comment as in any text.
  for (const std::string_view separator : {"\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    for (auto at = out.find(separator); at != std::string::npos; at = out.find(separator)) {
      out.replace(at, separator.size(), " ");
    }
  }
  for (auto at = out.find('\xC2'); at != std::string::npos; at = out.find('\xC2', at + 1)) {
    const auto next = at + 1 < out.size() ? static_cast<unsigned char>(out[at + 1]) : 0;
    if (next >= 0x80 && next <= 0x9F) out.replace(at, 2, " ");
  }
  return out;
}

void YamlWriter::line(std::string_view content, std::string_view note) {
  out_.append(static_cast<std::size_t>(2 * depth_), ' ');
  if (item_pending_) {
    out_ += "- ";
    item_pending_ = false;
    ++depth_;  // the item's other keys line up under its first
  }
  out_ += content;
  if (!note.empty()) out_ += "  # " + comment_text(note);
  out_ += '\n';
}

YamlWriter& YamlWriter::comment(std::string_view text) {
  out_.append(static_cast<std::size_t>(2 * depth_), ' ');
  out_ += "# " + comment_text(text) + "\n";
  return *this;
}

YamlWriter& YamlWriter::blank() {
  out_ += '\n';
  return *this;
}

YamlWriter& YamlWriter::scalar(std::string_view key, std::string_view value,
                               std::string_view note) {
  line(std::string(key) + ": " + yaml_scalar(value), note);
  return *this;
}

YamlWriter& YamlWriter::raw(std::string_view key, std::string_view value, std::string_view note) {
  line(std::string(key) + ": " + std::string(value), note);
  return *this;
}

YamlWriter& YamlWriter::open(std::string_view key, std::string_view note) {
  line(std::string(key) + ":", note);
  ++depth_;
  return *this;
}

YamlWriter& YamlWriter::item(std::string_view note) {
  if (!note.empty()) comment(note);
  item_pending_ = true;
  return *this;
}

YamlWriter& YamlWriter::close() {
  --depth_;
  return *this;
}

}  // namespace tiendo::documents::import
