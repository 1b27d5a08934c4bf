# Adding an assistance type in tree touches only its folder plugins/<type>/: the build, the
# fuzzers and the integration tests find the types from the folders (docs/layers.md). This check,
# the CTest plugin_folders, fails when
#   - a plugin folder lacks what they read from it: fuzz/corpus/ (not empty), fuzz/payload.dict,
#     tests/case_subject ("family" or "person"), tests/fixtures.cpp, src/<type>_plugin.hpp and
#     tests/lifecycle/{intake,plan,contact,review,outcome}.json and improved_indicator;
#   - the fuzz targets of tools/fuzz.sh --list are not the plugin folders (and "request");
#   - a line of the build, host, benchmark, fuzz, tool or test code names three or more types:
#     a list of types written out by hand, which a new type would have to be added to.
#   cmake -DSOURCE_DIR=<repository> -P tools/check_plugin_folders.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
set(problems "")

file(GLOB plugin_lists RELATIVE "${SOURCE_DIR}/plugins" "${SOURCE_DIR}/plugins/*/CMakeLists.txt")
set(types "")
foreach(list IN LISTS plugin_lists)
  file(READ "${SOURCE_DIR}/plugins/${list}" text)
  if(text MATCHES "assist_add_plugin")
    get_filename_component(type "${list}" DIRECTORY)
    list(APPEND types "${type}")
  endif()
endforeach()
list(SORT types)
list(LENGTH types count)
if(count EQUAL 0)
  list(APPEND problems "no plugin folder (plugins/*/CMakeLists.txt with assist_add_plugin)")
endif()

foreach(type IN LISTS types)
  set(dir "${SOURCE_DIR}/plugins/${type}")
  foreach(file IN ITEMS fuzz/payload.dict tests/case_subject tests/fixtures.cpp
                        src/${type}_plugin.hpp tests/lifecycle/intake.json
                        tests/lifecycle/plan.json tests/lifecycle/contact.json
                        tests/lifecycle/review.json tests/lifecycle/outcome.json
                        tests/lifecycle/improved_indicator)
    if(NOT EXISTS "${dir}/${file}")
      list(APPEND problems "plugins/${type}/${file} is missing")
    endif()
  endforeach()
  file(GLOB seeds "${dir}/fuzz/corpus/*")
  if(NOT seeds)
    list(APPEND problems "plugins/${type}/fuzz/corpus/ has no seeds")
  endif()
  if(EXISTS "${dir}/tests/case_subject")
    file(STRINGS "${dir}/tests/case_subject" subject LIMIT_COUNT 1)
    if(NOT subject MATCHES "^(family|person)$")
      list(APPEND problems "plugins/${type}/tests/case_subject: \"family\" or \"person\", "
                           "not \"${subject}\"")
    endif()
  endif()
endforeach()

execute_process(COMMAND bash "${SOURCE_DIR}/tools/fuzz.sh" --list
                OUTPUT_VARIABLE fuzz_targets RESULT_VARIABLE status)
string(STRIP "${fuzz_targets}" fuzz_targets)
string(REPLACE "\n" ";" fuzz_targets "${fuzz_targets}")
list(SORT fuzz_targets)
set(expected ${types} request)
list(SORT expected)
if(NOT status EQUAL 0 OR NOT fuzz_targets STREQUAL expected)
  list(APPEND problems "tools/fuzz.sh --list gives \"${fuzz_targets}\", not \"${expected}\"")
endif()

if(count GREATER_EQUAL 3)
  # bench/ too: its scale data takes the build's types (bench/bench_data.hpp, ScaleTypes).
  set(code CMakeLists.txt .ci/run plugins/CMakeLists.txt)
  foreach(dir IN ITEMS bench fuzz host tests tools)
    file(GLOB_RECURSE found RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${dir}/*.cpp"
         "${SOURCE_DIR}/${dir}/*.hpp" "${SOURCE_DIR}/${dir}/*.sh" "${SOURCE_DIR}/${dir}/*.cmake"
         "${SOURCE_DIR}/${dir}/*.py" "${SOURCE_DIR}/${dir}/CMakeLists.txt")
    list(APPEND code ${found})
  endforeach()
  list(FILTER code EXCLUDE REGEX "check_plugin_folders\\.cmake$")
  foreach(file IN LISTS code)
    file(STRINGS "${SOURCE_DIR}/${file}" lines)
    set(number 0)
    foreach(line IN LISTS lines)
      math(EXPR number "${number} + 1")
      set(named 0)
      foreach(type IN LISTS types)
        if(line MATCHES "(^|[^A-Za-z0-9_])${type}([^A-Za-z0-9_]|$)")
          math(EXPR named "${named} + 1")
        endif()
      endforeach()
      if(named GREATER_EQUAL 3)
        list(APPEND problems "${file}:${number} lists ${named} types by name: find them from "
                             "the plugin folders instead")
      endif()
    endforeach()
  endforeach()
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "plugin folders:\n  ${text}")
endif()
message(STATUS "plugin folders: ${types}: each provides what the build, fuzzers and tests read")
