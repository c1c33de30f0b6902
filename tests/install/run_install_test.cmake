# The test install.consumer: installs the main build into a fresh prefix,
# checks what is there, then configures, builds and runs the consumer project
# in this folder against it, as a user of the package would.
#
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=tests/install -DWORK_DIR=... -DVERSION=0.1.0
#         -DLIBDIR=lib -DGENERATOR=Ninja [-DMAKE_PROGRAM=...] -DCXX_COMPILER=...
#         -DBUILD_TYPE=... -DEXPECT_MAN=ON|OFF -P run_install_test.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR VERSION LIBDIR GENERATOR CXX_COMPILER EXPECT_MAN)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_install_test.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(consumer ${WORK_DIR}/consumer)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

set(expected
  bin/tiendo
  include/tiendo/parse.hpp
  include/tiendo/schedule.hpp
  include/tiendo/version.hpp
  include/tiendo/render/render.hpp
  ${LIBDIR}/libtiendo_engine.a
  ${LIBDIR}/libtiendo_render.a
  ${LIBDIR}/cmake/tiendo/tiendoConfig.cmake
  ${LIBDIR}/cmake/tiendo/tiendoConfigVersion.cmake
  ${LIBDIR}/cmake/tiendo/tiendo-engine-targets.cmake
  ${LIBDIR}/cmake/tiendo/tiendo-render-targets.cmake
  share/bash-completion/completions/tiendo
  share/zsh/site-functions/_tiendo)
if(EXPECT_MAN)
  list(APPEND expected share/man/man1/tiendo.1)
endif()
foreach(file IN LISTS expected)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
message(STATUS "installed: ${expected}")

run("installed tiendo --version" ${prefix}/bin/tiendo --version)
if(NOT output STREQUAL "tiendo ${VERSION}\n")
  message(FATAL_ERROR "installed 'tiendo --version' says '${output}', expected 'tiendo ${VERSION}'")
endif()

# SameMajorVersion: this version satisfies a request for its major version and
# not one for the next.
string(REGEX MATCH "^[0-9]+" major "${VERSION}")
math(EXPR next_major "${major} + 1")
foreach(request "${major}.0;TRUE" "${next_major}.0;FALSE")
  list(GET request 0 PACKAGE_FIND_VERSION)
  list(GET request 1 want)
  string(REPLACE "." ";" parts "${PACKAGE_FIND_VERSION}")
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  unset(PACKAGE_VERSION_COMPATIBLE)
  include(${prefix}/${LIBDIR}/cmake/tiendo/tiendoConfigVersion.cmake)
  if((want AND NOT PACKAGE_VERSION_COMPATIBLE) OR (NOT want AND PACKAGE_VERSION_COMPATIBLE))
    message(FATAL_ERROR "tiendoConfigVersion.cmake: ${VERSION} for a request of "
                        "${PACKAGE_FIND_VERSION}: compatible=${PACKAGE_VERSION_COMPATIBLE}")
  endif()
endforeach()

# The consumer, built with the same generator and compiler as the main build.
set(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${consumer} -G ${GENERATOR}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
if(MAKE_PROGRAM)
  list(APPEND configure -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
if(BUILD_TYPE)
  list(APPEND configure -DCMAKE_BUILD_TYPE=${BUILD_TYPE})
endif()
run("configuring the consumer" ${configure})
if(NOT output MATCHES "tiendo ${VERSION} from ${prefix}/")
  message(FATAL_ERROR "the consumer did not find the tiendo just installed:\n${output}")
endif()
run("building the consumer" ${CMAKE_COMMAND} --build ${consumer})

run("plan_consumer" ${consumer}/plan_consumer)
set(want "tiendo ${VERSION}
report.draft 2024-04-01 2024-04-03 float 0
report.review 2024-04-04 2024-04-05 float 0
slides.make 2024-04-04 2024-04-04 float 1
critical report.draft report.review
finish 2024-04-05
")
if(NOT output STREQUAL want)
  message(FATAL_ERROR "plan_consumer printed\n${output}\nexpected\n${want}")
endif()
message(STATUS "plan_consumer:\n${output}")

run("chart_consumer" ${consumer}/chart_consumer ${WORK_DIR}/gantt.svg)
file(READ ${WORK_DIR}/gantt.svg svg LIMIT 400)
if(NOT output MATCHES "^gantt 1 page, [0-9]+ bytes\n$" OR NOT svg MATCHES "<svg")
  message(FATAL_ERROR "chart_consumer printed '${output}' and wrote:\n${svg}")
endif()
message(STATUS "chart_consumer: ${output}")

# The engine alone needs nothing of the renderer's: with pkg-config seeing only
# libyaml and utf8proc (no Cairo, Pango, zlib or ISA-L), a consumer of
# tiendo::engine configures, builds and runs, and asking for tiendo::render
# fails with a message that names what is missing.
find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
set(pc ${WORK_DIR}/engine-only-pkgconfig)
file(MAKE_DIRECTORY ${pc})
foreach(module yaml-0.1 libutf8proc)
  run("pkg-config ${module}" ${PKG_CONFIG_EXECUTABLE} --variable=pcfiledir ${module})
  string(STRIP "${output}" dir)
  file(COPY ${dir}/${module}.pc DESTINATION ${pc})
endforeach()
set(engine_only ${CMAKE_COMMAND} -E env PKG_CONFIG_LIBDIR=${pc} PKG_CONFIG_PATH=)
list(TRANSFORM configure REPLACE "^${consumer}$" "${consumer}-engine")
run("configuring the engine-only consumer" ${engine_only} ${configure} -DWITH_RENDER=OFF)
run("building the engine-only consumer" ${CMAKE_COMMAND} --build ${consumer}-engine)
run("the engine-only plan_consumer" ${consumer}-engine/plan_consumer)
if(NOT output STREQUAL want)
  message(FATAL_ERROR "the engine-only plan_consumer printed\n${output}\nexpected\n${want}")
endif()
list(TRANSFORM configure REPLACE "^${consumer}-engine$" "${consumer}-no-cairo")
execute_process(COMMAND ${engine_only} ${configure} -DWITH_RENDER=ON
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(status EQUAL 0 OR NOT err MATCHES "tiendo::render needs")
  message(FATAL_ERROR "find_package(tiendo COMPONENTS render) without Cairo: exit ${status}\n"
                      "${out}\n${err}")
endif()
message(STATUS "engine alone: built and ran without Cairo, Pango, zlib or ISA-L in sight")
