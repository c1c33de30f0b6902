# One switch for ASan + UBSan. Any report aborts the process (no recovery), so
# a test that triggers one fails.
add_library(tiendo_sanitizers INTERFACE)
if(TIENDO_SANITIZE)
  target_compile_options(tiendo_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(tiendo_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
