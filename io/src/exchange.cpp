// Which importer a file of another scheduler goes to, by its content.
#include <tiendo/io/exchange.hpp>
#include <tiendo/io/mspdi.hpp>
#include <tiendo/io/psplib.hpp>

namespace tiendo::io {

std::optional<ImportResult> import_exchange(std::string_view bytes, std::string_view file_name) {
  std::optional<ImportResult> result;
  if (looks_like_mspdi(bytes)) {
    result = import_mspdi(bytes, file_name);
    result->format = "MS Project XML";
  } else if (looks_like_psplib(bytes)) {
    result = import_psplib(bytes, file_name);
    result->format = "PSPLIB";
  }
  return result;
}

}  // namespace tiendo::io
