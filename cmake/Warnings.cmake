# Warnings live on an INTERFACE target that only our own targets link, so
# third-party headers (Boost, yaml-cpp, gtest) never see them.
#
# GCC 12 at -O3 (Release) reports a bogus -Wrestrict inside libstdc++ for a
# one-character string literal put in front of a temporary string,
# `"x" + std::to_string(n)` (GCC bugs 105329 and 105651). Write 'x' + ... (a
# char) or append instead; RelWithDebInfo (-O2), which the tests build, does
# not show it.
add_library(tiendo_warnings INTERFACE)
target_compile_options(tiendo_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  $<$<BOOL:${TIENDO_WERROR}>:-Werror>)
