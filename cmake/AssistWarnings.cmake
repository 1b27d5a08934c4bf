# Warnings applied to our own targets only (generated protobuf code is compiled without them).
include_guard(GLOBAL)

function(assist_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  if(CMAKE_COMPILE_WARNING_AS_ERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
