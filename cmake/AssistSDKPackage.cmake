# The installable plugin SDK: `cmake --install` writes lib/cmake/AssistSDK so that a plugin project
# outside this tree can `find_package(AssistSDK CONFIG REQUIRED)` and call assist_add_plugin().
# Included by the top-level CMakeLists.txt after every target exists.
include(CMakePackageConfigHelpers)

# The SDK version is defined once, in the header plugins compile against (the handshake stamp).
file(STRINGS "${PROJECT_SOURCE_DIR}/api/include/assist/plugin/version.hpp" _assist_version_lines
     REGEX "kSdkVersion(Major|Minor|Patch) = [0-9]+")
set(_assist_version_parts)
foreach(part Major Minor Patch)
  if(NOT _assist_version_lines MATCHES "kSdkVersion${part} = ([0-9]+)")
    message(FATAL_ERROR "api/include/assist/plugin/version.hpp: kSdkVersion${part} not found")
  endif()
  list(APPEND _assist_version_parts ${CMAKE_MATCH_1})
endforeach()
list(JOIN _assist_version_parts "." ASSIST_SDK_VERSION)

set(_assist_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/AssistSDK")
set(ASSIST_INSTALL_PLUGIN_RELDIR "${CMAKE_INSTALL_LIBDIR}/assist/plugins")
install(EXPORT AssistSDKTargets NAMESPACE Assist:: DESTINATION "${_assist_cmake_dir}")
configure_package_config_file(cmake/AssistSDKConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/AssistSDKConfig.cmake"
  INSTALL_DESTINATION "${_assist_cmake_dir}"
  PATH_VARS ASSIST_INSTALL_PROTO_DIR ASSIST_INSTALL_PLUGIN_RELDIR)
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/AssistSDKConfigVersion.cmake"
  VERSION "${ASSIST_SDK_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/AssistSDKConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/AssistSDKConfigVersion.cmake"
  cmake/AssistPlugin.cmake cmake/AssistProto.cmake cmake/AssistWarnings.cmake cmake/FindSOCI.cmake
  DESTINATION "${_assist_cmake_dir}")
