# One switch for ASan + UBSan. Any report aborts the process (no recovery), so
# a test that triggers one fails.
add_library(tiendo_sanitizers INTERFACE)
if(TIENDO_SANITIZE)
  target_compile_options(tiendo_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(tiendo_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# TIENDO_FUZZ: everything of ours that the fuzz targets link is instrumented
# for libFuzzer's coverage feedback and checked by ASan + UBSan; the targets
# themselves add -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
if(TIENDO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TIENDO_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(TIENDO_SANITIZE)
    message(FATAL_ERROR "TIENDO_FUZZ already builds with ASan + UBSan: leave TIENDO_SANITIZE OFF")
  endif()
  target_compile_options(tiendo_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(tiendo_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
