# The installed CMake package and the .deb. The libraries, headers, the command,
# its man page and completions get their install rules where they are built;
# this file adds what ties them together.
#
#   find_package(tiendo 0.1 REQUIRED)                    # tiendo::engine and tiendo::render
#   find_package(tiendo 0.1 REQUIRED COMPONENTS engine)  # the engine alone: no Cairo, Pango, ISA-L
include(CMakePackageConfigHelpers)

set(TIENDO_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/tiendo CACHE STRING
  "Where the CMake package (tiendoConfig.cmake) is installed, relative to the prefix")

# One export set a library, so that a consumer of the engine alone never loads
# (nor needs the dependencies of) the renderer.
install(EXPORT tiendo-engine-targets NAMESPACE tiendo:: DESTINATION ${TIENDO_INSTALL_CMAKEDIR}
  COMPONENT development)
if(TIENDO_BUILD_RENDER)
  install(EXPORT tiendo-render-targets NAMESPACE tiendo:: DESTINATION ${TIENDO_INSTALL_CMAKEDIR}
    COMPONENT development)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tiendoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tiendoConfig.cmake INSTALL_DESTINATION ${TIENDO_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tiendoConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tiendoConfig.cmake ${PROJECT_BINARY_DIR}/tiendoConfigVersion.cmake
  DESTINATION ${TIENDO_INSTALL_CMAKEDIR} COMPONENT development)

# cpack -G DEB: one package, tiendo, with everything `cmake --install` puts in
# place, under /usr. Its library dependencies are computed by dpkg-shlibdeps
# from the binary; the fonts the charts are drawn in are named here.
set(TIENDO_PACKAGE_CONTACT "tiendo maintainers <maintainers@tiendo.invalid>" CACHE STRING
  "Maintainer of the .deb (Name <email>)")
set(CPACK_PACKAGE_NAME tiendo)
set(CPACK_PACKAGE_VENDOR tiendo)
set(CPACK_PACKAGE_CONTACT "${TIENDO_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "schedules plans on a working-day calendar and draws Gantt charts")
set(CPACK_PACKAGE_DESCRIPTION
  "tiendo reads a plan of tasks and their steps (YAML, with time phrases as Vietnamese \
plans write them), builds the dependency graph, computes the critical-path schedule on a \
working-day calendar (Vietnam's, lunar holidays included, or any other), reports which \
deadlines cannot be met and why, and draws the Gantt chart and the critical-path network \
as PNG, SVG and PDF. The package also holds the static libraries, headers and CMake \
package (find_package(tiendo)) of its engine and renderer.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core | fonts-dejavu-core")
include(CPack)
