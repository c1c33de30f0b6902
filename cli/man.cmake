# Writes the man page tiendo.1 with help2man: NAME, SYNOPSIS, DESCRIPTION and
# OPTIONS from `tiendo --help` and `--version`, then a COMMANDS section made
# here from each subcommand's --help, so the page always says what the
# command does.
#
#   cmake -DTIENDO=path/to/tiendo -DHELP2MAN=path/to/help2man -DOUTPUT=tiendo.1 -P man.cmake
foreach(var TIENDO HELP2MAN OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "man.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run_help out)
  execute_process(COMMAND ${TIENDO} ${ARGN} --help
    OUTPUT_VARIABLE text RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "man.cmake: 'tiendo ${ARGN} --help' failed (${status}): ${err}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Text for roff: backslashes and hyphens escaped, no line starting a request.
function(roff out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The subcommands, in the order `tiendo --help` lists them.
run_help(top)
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${top}")
string(REGEX MATCHALL "(^|\n)  [a-z]+ " names "${listing}")
set(subcommands "")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  list(APPEND subcommands "${name}")
endforeach()
if(NOT subcommands)
  message(FATAL_ERROR "man.cmake: no subcommands found in 'tiendo --help'")
endif()

set(page "[COMMANDS]\n")
foreach(sub IN LISTS subcommands)
  run_help(help ${sub})
  string(REPLACE ";" "\\;" help "${help}")
  string(REPLACE "\n" ";" lines "${help}")
  set(entry "")    # the option or positional being described
  set(summary "")  # the subcommand's one-line description
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: (.*)$")
      roff(usage "${CMAKE_MATCH_1}")
      string(APPEND page ".SS \"${usage}\"\n")
      if(summary)
        roff(summary "${summary}")
        string(APPEND page "${summary}\n")
      endif()
    elseif(line MATCHES "^(Positionals|Options):$")
      # CLI11's headings: the entries below speak for themselves.
    elseif(line MATCHES "^  ([^ ].*[^ ])  +([^ ].*)$")
      set(entry "${CMAKE_MATCH_1}")
      set(text "${CMAKE_MATCH_2}")
      if(NOT entry STREQUAL "-h,--help")
        roff(entry "${entry}")
        roff(text "${text}")
        string(APPEND page ".TP\n\\fB${entry}\\fR\n${text}\n")
      endif()
      set(entry "")
    elseif(line MATCHES "^  ([^ ].*)$")
      # A long option: its description follows on the next line.
      set(entry "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^      +([^ ].*)$" AND entry)
      roff(entry "${entry}")
      roff(text "${CMAKE_MATCH_1}")
      string(APPEND page ".TP\n\\fB${entry}\\fR\n${text}\n")
      set(entry "")
    elseif(NOT line STREQUAL "" AND NOT summary)
      set(summary "${line}")
    endif()
  endforeach()
endforeach()
string(APPEND page "[EXIT STATUS]
0 on success;
\\fBcheck\\fR: 1 when the plan is not feasible (an error finding);
2 when the plan or the arguments cannot be read.
[SEE ALSO]
The plan format, the time phrases and the report formats are described in
the \\fBdocs/\\fR folder of tiendo's sources (plan\\-format.md, phrases.md,
report\\-format.md).
")

get_filename_component(dir "${OUTPUT}" DIRECTORY)
set(include_file "${dir}/tiendo.h2m")
file(WRITE "${include_file}" "${page}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section 1
          --name "schedules plans on a working-day calendar, checks them, draws Gantt charts"
          --include ${include_file} --output ${OUTPUT}.tmp ${TIENDO}
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "man.cmake: help2man failed (${status}): ${err}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
