# The layers of the host (docs/layers.md): one static library per folder of host/src, and what
# each may include. host/CMakeLists.txt links the libraries from this table and
# tools/check_layers.cmake checks every #include of host/src against it, at build time and as
# the CTest host_layers.
#   assist_layer_<layer>_PUBLIC    layers its headers include (consumers need them too)
#   assist_layer_<layer>_PRIVATE   layers only its .cpp files include
# A layer includes its own folder and the generated protos freely; anything else is an error.
# Bottom up:
set(ASSIST_HOST_LAYERS util ops db auth plugins audit store config domain retention rpc)

set(assist_layer_util_PUBLIC "")
set(assist_layer_util_PRIVATE "")
# Metrics and the admin endpoint; the database layer counts its reconnects there.
set(assist_layer_ops_PUBLIC "")
set(assist_layer_ops_PRIVATE "")
set(assist_layer_db_PUBLIC "")
set(assist_layer_db_PRIVATE ops util)
set(assist_layer_auth_PUBLIC "")
set(assist_layer_auth_PRIVATE util)
set(assist_layer_plugins_PUBLIC "")
set(assist_layer_plugins_PRIVATE util)
set(assist_layer_audit_PUBLIC auth db)
set(assist_layer_audit_PRIVATE ops util)
# Repositories: every SQL statement of the domain (docs/layers.md).
set(assist_layer_store_PUBLIC auth db)
set(assist_layer_store_PRIVATE util)
set(assist_layer_config_PUBLIC plugins)
set(assist_layer_config_PRIVATE auth util)
set(assist_layer_domain_PUBLIC audit auth db plugins store)
set(assist_layer_domain_PRIVATE ops util)
# The retention sweep: a background job over the domain, beside rpc.
set(assist_layer_retention_PUBLIC db domain)
set(assist_layer_retention_PRIVATE ops store util)
set(assist_layer_rpc_PUBLIC audit auth db domain plugins retention util)
set(assist_layer_rpc_PRIVATE config ops store)

# The layers that write SQL: the repositories (store), the audit trail's own table (audit) and the
# database layer (migrations, locks, backups). tools/check_layers.cmake refuses an SQL statement
# in a string literal of any other layer.
set(ASSIST_HOST_SQL_LAYERS db audit store)
