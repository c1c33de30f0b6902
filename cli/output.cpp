#include "output.hpp"

#include <tiendo/files.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace tiendo::cli {

int write_output(const std::string& output, std::string_view text) {
  if (output.empty() || output == "-") {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "tiendo: cannot write to standard output: " << std::strerror(errno) << "\n";
      return 2;
    }
    return 0;
  }
  if (const auto error = write_file_atomically(output, text); !error.empty()) {
    std::cerr << "tiendo: " << error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace tiendo::cli
