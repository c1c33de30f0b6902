# Turns a data file into a C++ header holding it as a string literal, so the
# library carries its data and never looks for files at run time.
file(READ ${INPUT} content)
set(delimiter "tiendo_data")
file(WRITE ${OUTPUT} "#pragma once\n// Generated from ${NAME} by data/embed.cmake; edit the data file.\n#include <string_view>\nnamespace tiendo {\ninline constexpr std::string_view ${SYMBOL} = R\"${delimiter}(${content})${delimiter}\";\n}\n")
