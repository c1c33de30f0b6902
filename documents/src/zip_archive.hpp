#pragma once
// A zip archive read from memory with libzip, every entry read under the
// limits of ReadLimits: its size, the total read, the compression ratio, no
// encryption. The figures are checked before inflating and again while
// inflating, since a hostile archive's header can lie about sizes.

#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tiendo::documents::detail {

class ReadContext;

/// True when `bytes` start like a zip archive (a local file header, or the
/// end record of an empty archive).
bool looks_like_zip(std::string_view bytes);

class ZipArchive {
 public:
  /// Opens the archive over `bytes`, which must outlive it. Fails through
  /// `context` (not a zip, truncated, inconsistent).
  ZipArchive(std::string_view bytes, ReadContext& context);

  /// True when the archive has an entry of that name (ASCII case ignored, as
  /// OPC part names are).
  bool contains(std::string_view name) const;
  /// The entry's bytes, or nullopt when there is no such entry. Fails through
  /// the context when the entry is encrypted, too large, too compressed,
  /// would pass the total, or is damaged.
  std::optional<std::string> read(std::string_view name);

 private:
  struct Closer {
    void operator()(zip_t* zip) const { zip_discard(zip); }
  };
  struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
  };

  std::unique_ptr<zip_t, Closer> zip_;
  ReadContext& context_;
  std::size_t total_read_ = 0;
};

}  // namespace tiendo::documents::detail
