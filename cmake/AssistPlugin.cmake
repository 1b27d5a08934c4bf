# assist_add_plugin(NAME <id> PROTO_ROOT <dir> PROTOS <files under PROTO_ROOT>
#                   SOURCES <logic .cpp> ENTRY <the .cpp with ASSIST_PLUGIN(...)>)
#
# Builds two targets:
#   assist_<id>_lib   static library with the generated protos and the plugin logic, which the
#                     plugin's unit tests link directly;
#   assist_<id>       the loadable module "assist_<id>.so" in the plugin directory.
# Everything is compiled with hidden visibility: the module exports only the two Boost.DLL
# aliases that ASSIST_PLUGIN emits.
function(assist_add_plugin)
  cmake_parse_arguments(ARG "" "NAME;PROTO_ROOT;ENTRY" "PROTOS;SOURCES" ${ARGN})
  set(lib assist_${ARG_NAME}_lib)
  assist_generate_protos(OUT_SRCS proto_srcs ROOT "${ARG_PROTO_ROOT}" PROTOS ${ARG_PROTOS}
    IMPORT_DIRS "${PROJECT_SOURCE_DIR}/proto")
  add_library(${lib} STATIC ${proto_srcs} ${ARG_SOURCES})
  target_include_directories(${lib} PUBLIC "${CMAKE_CURRENT_BINARY_DIR}/gen"
                                           "${CMAKE_CURRENT_SOURCE_DIR}/src")
  target_link_libraries(${lib} PUBLIC assist_sdk)
  set_target_properties(${lib} PROPERTIES CXX_VISIBILITY_PRESET hidden
                                          VISIBILITY_INLINES_HIDDEN ON)
  set_source_files_properties(${ARG_SOURCES} PROPERTIES COMPILE_OPTIONS
    "-Wall;-Wextra;-Wpedantic;-Wshadow")

  set(module assist_${ARG_NAME})
  add_library(${module} MODULE ${ARG_ENTRY})
  target_link_libraries(${module} PRIVATE ${lib})
  assist_warnings(${module})
  set_target_properties(${module} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ASSIST_BUILD_PLUGIN_DIR}"
    INSTALL_RPATH "$ORIGIN/../..")
  # Undefined symbols are an error at link time, not a surprise at load time.
  target_link_options(${module} PRIVATE "LINKER:--no-undefined")
  install(TARGETS ${module} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/assist/plugins)
endfunction()
