# assist_add_plugin(NAME <id> PROTOS <files under PROTO_ROOT> SOURCES <logic .cpp>
#                   [PROTO_ROOT <dir>]  default: proto/ next to the calling CMakeLists.txt
#                   [ENTRY <.cpp>]      has ASSIST_PLUGIN(...); default: src/plugin_entry.cpp
#                   [TESTS <.cpp>])     GoogleTest sources, run by ctest
#
# Builds:
#   assist_<id>_lib   static library with the generated protos and the plugin logic, which the
#                     plugin's unit tests link directly;
#   assist_<id>       the loadable module "assist_<id>.so";
#   assist_<id>_test  with TESTS (skipped when ASSIST_BUILD_TESTS is OFF).
# Everything is compiled with hidden visibility: the module exports only the two Boost.DLL
# aliases that ASSIST_PLUGIN emits (the version handshake and the factory).
#
# The same function serves this repository and plugin projects built against the installed SDK
# (find_package(AssistSDK)). What differs is set by the caller:
#   ASSIST_PROTO_IMPORT_DIR    where assist/v1/*.proto are found (required)
#   ASSIST_PLUGIN_OUTPUT_DIR   where the module is built; default ${CMAKE_BINARY_DIR}/plugins
#   ASSIST_PLUGIN_INSTALL_DIR  where `cmake --install` puts it; default <libdir>/assist/plugins
#   ASSIST_PLUGIN_INSTALL_COMPONENT  the install component of the module; default Unspecified
include_guard(GLOBAL)
include(GNUInstallDirs)
include("${CMAKE_CURRENT_LIST_DIR}/AssistProto.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AssistWarnings.cmake")

function(assist_add_plugin)
  cmake_parse_arguments(ARG "" "NAME;PROTO_ROOT;ENTRY" "PROTOS;SOURCES;TESTS" ${ARGN})
  if(NOT ARG_NAME MATCHES "^[a-z][a-z0-9_]+$")
    message(FATAL_ERROR "assist_add_plugin: NAME \"${ARG_NAME}\" is not [a-z][a-z0-9_]+")
  endif()
  if(NOT ASSIST_PROTO_IMPORT_DIR)
    message(FATAL_ERROR "assist_add_plugin: ASSIST_PROTO_IMPORT_DIR is not set "
                        "(find_package(AssistSDK) sets it)")
  endif()
  if(NOT ARG_PROTO_ROOT)
    set(ARG_PROTO_ROOT "${CMAKE_CURRENT_SOURCE_DIR}/proto")
  endif()
  if(NOT ARG_ENTRY)
    set(ARG_ENTRY src/plugin_entry.cpp)
  endif()
  set(output_dir "${ASSIST_PLUGIN_OUTPUT_DIR}")
  if(NOT output_dir)
    set(output_dir "${CMAKE_BINARY_DIR}/plugins")
  endif()
  set(install_dir "${ASSIST_PLUGIN_INSTALL_DIR}")
  if(NOT install_dir)
    set(install_dir "${CMAKE_INSTALL_LIBDIR}/assist/plugins")
  endif()

  set(lib assist_${ARG_NAME}_lib)
  assist_generate_protos(OUT_SRCS proto_srcs ROOT "${ARG_PROTO_ROOT}" PROTOS ${ARG_PROTOS}
    IMPORT_DIRS "${ASSIST_PROTO_IMPORT_DIR}")
  add_library(${lib} STATIC ${proto_srcs} ${ARG_SOURCES})
  target_include_directories(${lib} PUBLIC "${CMAKE_CURRENT_BINARY_DIR}/gen"
                                           "${CMAKE_CURRENT_SOURCE_DIR}/src")
  target_link_libraries(${lib} PUBLIC Assist::sdk)
  # The host's language mode (C++20, no GNU extensions), whoever builds the plugin.
  set_target_properties(${lib} PROPERTIES CXX_EXTENSIONS OFF
                                          CXX_VISIBILITY_PRESET hidden
                                          VISIBILITY_INLINES_HIDDEN ON
                                          POSITION_INDEPENDENT_CODE ON)
  # Warnings for the plugin's own sources only; the generated protobuf code gets none.
  set_source_files_properties(${ARG_SOURCES} PROPERTIES COMPILE_OPTIONS
    "-Wall;-Wextra;-Wpedantic;-Wshadow")

  set(module assist_${ARG_NAME})
  add_library(${module} MODULE ${ARG_ENTRY})
  target_link_libraries(${module} PRIVATE ${lib})
  assist_warnings(${module})
  set_target_properties(${module} PROPERTIES
    PREFIX ""
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${output_dir}"
    INSTALL_RPATH "$ORIGIN/../..")  # <libdir>/assist/plugins -> <libdir>: libassist_proto.so
  # Undefined symbols are an error at link time, not a surprise at load time.
  target_link_options(${module} PRIVATE "LINKER:--no-undefined")
  set(component "${ASSIST_PLUGIN_INSTALL_COMPONENT}")
  if(NOT component)
    set(component Unspecified)
  endif()
  install(TARGETS ${module} LIBRARY DESTINATION "${install_dir}" COMPONENT ${component})

  if(ARG_TESTS AND (NOT DEFINED ASSIST_BUILD_TESTS OR ASSIST_BUILD_TESTS))
    find_package(GTest REQUIRED)
    include(GoogleTest)
    set(test assist_${ARG_NAME}_test)
    add_executable(${test} ${ARG_TESTS})
    set_target_properties(${test} PROPERTIES CXX_EXTENSIONS OFF)
    target_link_libraries(${test} PRIVATE ${lib} GTest::gtest_main)
    if(TARGET SOCI::soci_sqlite3)  # for tests of the plugin's migrations and tables
      target_link_libraries(${test} PRIVATE SOCI::soci_sqlite3)
    endif()
    assist_warnings(${test})
    gtest_discover_tests(${test} PROPERTIES LABELS unit)
    if(TARGET assist_unit_tests)  # in the platform's own tree
      add_dependencies(assist_unit_tests ${test})
    endif()
  endif()
endfunction()
