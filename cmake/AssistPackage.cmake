# Debian packages made by CPack from the install rules (tools/package.sh builds them):
#   assist-host     the host, the plugins, libassist_proto, the systemd unit, /etc/assist/host.textproto
#                   and example configs; its postinst creates the system user `assist`;
#   assist-sdk-dev  headers, protos and CMake files for plugin authors (find_package(AssistSDK)).
# Install rules name their component: `host` for what runs, everything else is `sdk`.
# Included by the top-level CMakeLists.txt after every target exists.

set(ASSIST_UNIT_DIR "lib/systemd/system" CACHE STRING "where the systemd unit is installed")
configure_file("${PROJECT_SOURCE_DIR}/deploy/systemd/assist-host.service.in"
               "${PROJECT_BINARY_DIR}/assist-host.service" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/assist-host.service" DESTINATION "${ASSIST_UNIT_DIR}"
        COMPONENT host)
# Absolute: /etc whatever the prefix (Debian policy; the unit reads it from there).
install(FILES "${PROJECT_SOURCE_DIR}/deploy/config/package.textproto"
        DESTINATION /etc/assist RENAME host.textproto COMPONENT host)
install(FILES "${PROJECT_SOURCE_DIR}/deploy/config/production.textproto"
              "${PROJECT_SOURCE_DIR}/deploy/config/dev.textproto"
              "${PROJECT_SOURCE_DIR}/deploy/postgresql/roles.sql"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples" COMPONENT host)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME assist)
set(CPACK_PACKAGE_VENDOR "assist-host developers")
set(CPACK_PACKAGE_CONTACT "assist-host developers <assist@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "gRPC platform for social assistance centres")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL host sdk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)

set(CPACK_DEBIAN_HOST_PACKAGE_NAME assist-host)
set(CPACK_COMPONENT_HOST_DESCRIPTION
    "Social assistance platform host: gRPC service with the family, disability, intercultural \
and homelessness assistance plugins, SQLite or PostgreSQL storage, a hardened systemd unit.")
set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "adduser")
set(_assist_conffiles "${PROJECT_BINARY_DIR}/debian/conffiles")
file(WRITE "${_assist_conffiles}" "/etc/assist/host.textproto\n")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA
    "${_assist_conffiles};${PROJECT_SOURCE_DIR}/deploy/debian/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/postrm")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SDK_PACKAGE_NAME assist-sdk-dev)
set(CPACK_COMPONENT_SDK_DESCRIPTION
    "Plugin SDK of the social assistance platform: headers, protos and CMake package AssistSDK.")
# The SDK's library (libassist_proto) is the host's: same version, or plugins would not load.
set(CPACK_COMPONENT_SDK_DEPENDS host)
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS
    "libprotobuf-dev, protobuf-compiler, libboost-dev, cmake")
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

include(CPack)
