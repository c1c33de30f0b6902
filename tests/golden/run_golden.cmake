# Runs `tiendo ARGS` in WORKDIR and compares stdout (or stderr when the exit
# status is 2, bad input) with EXPECTED, and the exit status with
# EXPECTED_EXIT. With TIENDO_UPDATE_GOLDEN=1 in the environment it rewrites
# EXPECTED instead.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${TIENDO} ${args}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(EXPECTED_EXIT EQUAL 2)
  set(actual "${err}")
else()
  set(actual "${out}")
endif()
if(DEFINED ENV{TIENDO_UPDATE_GOLDEN})
  file(WRITE ${EXPECTED} "${actual}")
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
if(NOT status EQUAL EXPECTED_EXIT)
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECTED_EXIT}\nstderr:\n${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  string(REGEX REPLACE "[^A-Za-z0-9_.-]" "_" stem "${EXPECTED}")
  set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/golden-actual-${stem})
  file(WRITE ${actual_file} "${actual}")
  execute_process(COMMAND diff -u ${EXPECTED} ${actual_file})
  message(FATAL_ERROR "output differs from ${EXPECTED} (actual in ${actual_file})")
endif()
