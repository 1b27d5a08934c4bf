# Checks the layer table host/layers.cmake (ordered bottom up, so without cycles) and every
# #include "<folder>/..." of host/src against it:
# a header may include its own layer and the layers of its _PUBLIC list, a .cpp file also those of
# its _PRIVATE list (docs/layers.md). host/src/main.cpp, the executable's, may include any layer.
#   cmake -DSOURCE_DIR=<repository> [-DSTAMP=<file>] [-DPROBE=<layer>:<include>] \
#         -P tools/check_layers.cmake
# STAMP is touched when the check passes (the build step). PROBE adds a pretend .cpp file of
# <layer> including <include>, so that a test can show a forbidden include is refused.
# SQL statements are written only in the layers of ASSIST_HOST_SQL_LAYERS (the repositories of
# store/, the audit trail, the database layer): a string literal of another layer that holds
# SELECT, INSERT INTO, UPDATE ... SET or DELETE FROM is refused. SQL_PROBE=<layer>:<file> checks
# <file> as if it were a file of <layer>, so that a test can show planted SQL is refused.
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
include("${SOURCE_DIR}/host/layers.cmake")
set(src "${SOURCE_DIR}/host/src")
set(problems "")

# check(<file as shown> <layer> <is header> <included paths...>)
function(check shown layer header)
  set(allowed ${layer} ${assist_layer_${layer}_PUBLIC})
  if(NOT header)
    list(APPEND allowed ${assist_layer_${layer}_PRIVATE})
  endif()
  foreach(included IN LISTS ARGN)
    string(REGEX REPLACE "/.*" "" folder "${included}")
    if(NOT folder IN_LIST ASSIST_HOST_LAYERS)
      continue()  # generated protos, the SDK
    endif()
    if(NOT folder IN_LIST allowed)
      set(kind ".cpp files")
      if(header)
        set(kind "headers")
      endif()
      list(JOIN allowed ", " allowed_text)
      list(APPEND problems "${shown} includes \"${included}\": ${layer} ${kind} may include "
                           "only ${allowed_text} (host/layers.cmake)")
    endif()
  endforeach()
  set(problems "${problems}" PARENT_SCOPE)
endfunction()

# The table is ordered bottom up: a layer uses only layers before it, so there is no cycle.
set(below "")
foreach(layer IN LISTS ASSIST_HOST_LAYERS)
  foreach(dependency IN LISTS assist_layer_${layer}_PUBLIC assist_layer_${layer}_PRIVATE)
    if(NOT dependency IN_LIST below)
      list(APPEND problems "host/layers.cmake: ${layer} uses ${dependency}, which is not below it "
                           "in ASSIST_HOST_LAYERS")
    endif()
  endforeach()
  list(APPEND below ${layer})
endforeach()

file(GLOB folders LIST_DIRECTORIES true RELATIVE "${src}" "${src}/*")
foreach(folder IN LISTS folders)
  if(IS_DIRECTORY "${src}/${folder}" AND NOT folder IN_LIST ASSIST_HOST_LAYERS)
    list(APPEND problems "host/src/${folder}/ is in no layer of host/layers.cmake")
  endif()
endforeach()

foreach(layer IN LISTS ASSIST_HOST_LAYERS)
  file(GLOB files "${src}/${layer}/*.hpp" "${src}/${layer}/*.cpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    set(included "")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*" "\\1" path "${line}")
      list(APPEND included "${path}")
    endforeach()
    get_filename_component(name "${file}" NAME)
    set(header FALSE)
    if(name MATCHES "\\.hpp$")
      set(header TRUE)
    endif()
    check("host/src/${layer}/${name}" ${layer} ${header} ${included})
  endforeach()
endforeach()

# check_sql(<file as shown> <layer> <path>)
set(sql_pattern "\"[^\"]*(SELECT |INSERT INTO |UPDATE [a-z_]+ SET |DELETE FROM )")
function(check_sql shown layer path)
  if(layer IN_LIST ASSIST_HOST_SQL_LAYERS)
    return()
  endif()
  file(STRINGS "${path}" lines REGEX "${sql_pattern}")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    list(APPEND problems "${shown} holds SQL: ${line} -- ${layer} calls a repository of store/ "
                         "instead (docs/layers.md)")
  endforeach()
  set(problems "${problems}" PARENT_SCOPE)
endfunction()

foreach(layer IN LISTS ASSIST_HOST_LAYERS)
  file(GLOB files "${src}/${layer}/*.hpp" "${src}/${layer}/*.cpp")
  foreach(file IN LISTS files)
    get_filename_component(name "${file}" NAME)
    check_sql("host/src/${layer}/${name}" ${layer} "${file}")
  endforeach()
endforeach()

if(SQL_PROBE)
  string(REPLACE ":" ";" probe "${SQL_PROBE}")
  list(GET probe 0 layer)
  list(GET probe 1 path)
  check_sql("sql probe (${layer})" ${layer} "${path}")
endif()

if(PROBE)
  string(REPLACE ":" ";" probe "${PROBE}")
  list(GET probe 0 layer)
  list(GET probe 1 included)
  check("probe (${layer})" ${layer} FALSE ${included})
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "layering broken:\n  ${text}")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
