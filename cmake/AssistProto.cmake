# assist_generate_protos(OUT_SRCS <var> ROOT <import root> PROTOS <files relative to ROOT>
#                        [IMPORT_DIRS <dirs>] [GRPC])
# Runs protoc (and the gRPC C++ plugin with GRPC) and returns the generated .cc files in OUT_SRCS.
# Headers land in ${CMAKE_CURRENT_BINARY_DIR}/gen under the same relative path as the .proto.
include_guard(GLOBAL)

function(assist_generate_protos)
  cmake_parse_arguments(ARG "GRPC" "OUT_SRCS;ROOT" "PROTOS;IMPORT_DIRS" ${ARGN})
  set(gen_dir "${CMAKE_CURRENT_BINARY_DIR}/gen")
  file(MAKE_DIRECTORY "${gen_dir}")
  set(import_flags "-I${ARG_ROOT}")
  foreach(dir IN LISTS ARG_IMPORT_DIRS)
    list(APPEND import_flags "-I${dir}")
  endforeach()
  list(APPEND import_flags "-I${Protobuf_INCLUDE_DIR}")
  set(srcs)
  foreach(proto IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" stem "${proto}")
    set(outputs "${gen_dir}/${stem}.pb.cc" "${gen_dir}/${stem}.pb.h")
    set(plugin_flags)
    if(ARG_GRPC)
      list(APPEND outputs "${gen_dir}/${stem}.grpc.pb.cc" "${gen_dir}/${stem}.grpc.pb.h")
      set(plugin_flags "--grpc_out=${gen_dir}"
                       "--plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>")
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc ${import_flags} "--cpp_out=${gen_dir}" ${plugin_flags}
              "${ARG_ROOT}/${proto}"
      DEPENDS "${ARG_ROOT}/${proto}" protobuf::protoc
      COMMENT "protoc ${proto}"
      VERBATIM)
    list(APPEND srcs "${gen_dir}/${stem}.pb.cc")
    if(ARG_GRPC)
      list(APPEND srcs "${gen_dir}/${stem}.grpc.pb.cc")
    endif()
  endforeach()
  set(${ARG_OUT_SRCS} ${srcs} PARENT_SCOPE)
endfunction()
