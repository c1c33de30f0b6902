# Warnings live on an INTERFACE target that only our own targets link, so
# third-party headers (Boost, yaml-cpp, gtest) never see them.
add_library(tiendo_warnings INTERFACE)
target_compile_options(tiendo_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  $<$<BOOL:${TIENDO_WERROR}>:-Werror>)
