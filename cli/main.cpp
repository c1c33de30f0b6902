#include <exception>
#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  try {
    return tiendo::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "tiendo: internal error: " << e.what() << "\n";
    return 3;
  }
}
