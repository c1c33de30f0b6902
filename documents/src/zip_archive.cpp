#include "zip_archive.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "read_context.hpp"

namespace tiendo::documents::detail {

namespace {

// Entries under this size may have any compression ratio: a few kilobytes
// of repeated empty cells compress 500 times and cost nothing.
constexpr std::size_t kRatioCheckedFrom = std::size_t{1} << 20;

struct SourceFreer {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

struct ErrorFinisher {
  void operator()(zip_error_t* error) const { zip_error_fini(error); }
};

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
         bytes.starts_with(std::string_view("PK\x05\x06", 4));
}

ZipArchive::ZipArchive(std::string_view bytes, ReadContext& context) : context_(context) {
  zip_error_t error;
  zip_error_init(&error);
  const std::unique_ptr<zip_error_t, ErrorFinisher> finish_error(&error);
  std::unique_ptr<zip_source_t, SourceFreer> source(
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  if (!source) context_.fail("zip-error", zip_error_strerror(&error));
  // ZIP_CHECKCONS compares every local header with the central directory,
  // which turns truncated and spliced archives into errors here.
  zip_.reset(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip_) {
    const int code = zip_error_code_zip(&error);
    const std::string why = zip_error_strerror(&error);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF ||
        code == ZIP_ER_READ || code == ZIP_ER_SEEK) {
      context_.fail("not-a-zip",
                    "not a readable zip archive, though it starts like one (" + why +
                        "): the file is truncated or damaged",
                    {}, "copy the file again, or open it and save it again");
    }
    context_.fail("zip-error", "cannot open the zip archive: " + why);
  }
  source.release();  // the archive owns the source now
}

bool ZipArchive::contains(std::string_view name) const {
  return zip_name_locate(zip_.get(), std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<std::string> ZipArchive::read(std::string_view name) {
  const std::string entry(name);
  const auto index = zip_name_locate(zip_.get(), entry.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  const auto at = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), at, 0, &stat) != 0) {
    context_.fail("zip-error",
                  "cannot read the zip entry '" + entry + "': " + zip_strerror(zip_.get()));
  }
  const auto& limits = context_.limits();
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    context_.fail("encrypted", "the zip entry '" + entry + "' is encrypted", {},
                  "save the document again without a password");
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limits.max_entry_bytes) {
    context_.fail("zip-bomb", "the zip entry '" + entry + "' would unpack to " +
                                  size_text(stat.size) + ", more than the " +
                                  size_text(limits.max_entry_bytes) + " tiendo reads");
  }
  if ((stat.valid & ZIP_STAT_SIZE) && (stat.valid & ZIP_STAT_COMP_SIZE) &&
      stat.size > kRatioCheckedFrom) {
    const auto compressed = stat.comp_size == 0 ? 1 : stat.comp_size;
    if (stat.size / compressed > limits.max_compression_ratio) {
      context_.fail("zip-bomb", "the zip entry '" + entry + "' is compressed " +
                                    std::to_string(stat.size / compressed) + " to 1 (" +
                                    size_text(stat.size) + " from " +
                                    std::to_string(stat.comp_size) +
                                    " bytes): not an office document but a zip bomb");
    }
  }
  const std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(zip_.get(), at, 0));
  if (!file) {
    context_.fail("zip-error",
                  "cannot open the zip entry '" + entry + "': " + zip_strerror(zip_.get()));
  }
  std::string out;
  std::array<char, 65536> buffer;
  for (;;) {
    const auto n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      context_.fail("zip-error",
                    "the zip entry '" + entry + "' is damaged: " + zip_file_strerror(file.get()));
    }
    if (n == 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
    // Checked while inflating too: the sizes in the header are the writer's word.
    if (out.size() > limits.max_entry_bytes) {
      context_.fail("zip-bomb", "the zip entry '" + entry + "' unpacks to more than " +
                                    size_text(limits.max_entry_bytes) + ", the most tiendo reads");
    }
    if (total_read_ + out.size() > limits.max_total_bytes) {
      context_.fail("zip-bomb", "the entries read from this archive pass " +
                                    size_text(limits.max_total_bytes) + " (at '" + entry +
                                    "'), the most tiendo reads from one file");
    }
  }
  total_read_ += out.size();
  return out;
}

}  // namespace tiendo::documents::detail
