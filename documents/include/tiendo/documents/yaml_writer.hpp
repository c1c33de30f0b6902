#pragma once
// Writing a plan file with comments (tiendo import, and io/'s MSPDI and
// PSPLIB importers). Every scalar is written by libyaml's
// emitter (so any cell text, with quotes, colons, line breaks or control
// characters, reads back as it was); this class only places keys, lists
// and the comments that say where each value was read and what was guessed,
// which libyaml's emitter has no way to write.

#include <string>
#include <string_view>

namespace tiendo::documents::import {

/// One scalar as libyaml writes it in flow context ('abc', "a: b", "x\ny").
std::string yaml_scalar(std::string_view text);

/// A comment's text on one line: line breaks and control characters become
/// spaces, so nothing after '#' can end the comment and be read as YAML.
std::string comment_text(std::string_view text);

class YamlWriter {
 public:
  /// A comment on a line of its own, at the current indentation.
  YamlWriter& comment(std::string_view text);
  YamlWriter& blank();
  /// `key: value  # comment`; the value as a scalar.
  YamlWriter& scalar(std::string_view key, std::string_view value, std::string_view note = {});
  /// `key: value  # comment`; the value written as is (a number, a date, a
  /// flow collection already made of yaml_scalar()s).
  YamlWriter& raw(std::string_view key, std::string_view value, std::string_view note = {});
  /// `key:` and what follows indented under it.
  YamlWriter& open(std::string_view key, std::string_view note = {});
  /// `- ` starting a mapping in a list; the following keys go under it.
  YamlWriter& item(std::string_view note = {});
  YamlWriter& close();

  const std::string& text() const { return out_; }

 private:
  void line(std::string_view content, std::string_view note);

  std::string out_;
  int depth_ = 0;
  bool item_pending_ = false;  ///< the next key opens a list item ("- key: v")
};

}  // namespace tiendo::documents::import
